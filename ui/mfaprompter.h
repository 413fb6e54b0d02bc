#pragma once

#include "aws/credentialchain.h"
#include "ui/mfadialog.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>

class QWidget;

namespace ui {

// The window's aws::MfaPrompt: each request opens an MfaDialog over `parent` naming its profile and
// device, one at a time (several connections may need codes at once; the others wait in order).
// OK answers with the code, Cancel or closing with none (the chain then ends that fetch with its
// error). Nothing is kept once answered. cancelAll() answers every waiting request with none.
class MfaPrompter : public QObject {
    Q_OBJECT

public:
    explicit MfaPrompter(QWidget *parent);
    ~MfaPrompter() override;

    // What ConfigResolver::setMfaPrompt takes; safe to call after this object is gone (answers
    // none at once).
    aws::MfaPrompt prompt();
    void cancelAll();

    // The dialog shown now, or null.
    MfaDialog *currentDialog() const { return m_dialog; }
    int waitingCount() const { return static_cast<int>(m_waiting.size()); }

signals:
    void dialogShown(ui::MfaDialog *dialog);

private:
    struct Request {
        QString profile;
        QString serialNumber;
        std::function<void(std::optional<QString>)> answer;
    };
    void enqueue(Request request);
    void showNext();

    QWidget *m_parent;
    std::deque<Request> m_waiting;
    QPointer<MfaDialog> m_dialog;
};

} // namespace ui
