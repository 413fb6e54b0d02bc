#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>

// Runs GUI-thread merges (a listing's pages, its end) in arrival order, a few at a time: each pass
// of the event loop runs queued merges until `budget` is spent and leaves the rest for the next
// pass, so that input and painting come between them. Ten connections' listings end within a few
// milliseconds of each other; merged in one pass their pages held the window for 100-250 ms.
// A merge whose context object is gone is dropped.
namespace models {

class MergeQueue : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultBudget { 8 };

    explicit MergeQueue(QObject *parent = nullptr);
    MergeQueue(std::chrono::milliseconds budget, QObject *parent);

    void post(QObject *context, std::function<void()> merge);
    bool isEmpty() const { return m_merges.empty(); }

private:
    struct Merge {
        QPointer<QObject> context;
        std::function<void()> run;
    };
    void runSome();

    std::chrono::milliseconds m_budget;
    std::deque<Merge> m_merges;
    QTimer m_nextPass;
};

} // namespace models
