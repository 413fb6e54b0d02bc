#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace models {
class SchedulerFilterProxyModel;
}

// Keeps a view's sort/filter proxy from re-sorting while the view is hidden (behind another
// page, in a minimized window): refreshes go on, and the proxy settles once when the view is
// shown again. Lives as long as the view, as its child.
namespace ui {

class SortWhileShown : public QObject {
    Q_OBJECT

public:
    // Deferred: defer from the start, for a view created hidden.
    enum class Start { Sorting, Deferred };
    SortWhileShown(QWidget *view, models::SchedulerFilterProxyModel *proxy, Start start);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<models::SchedulerFilterProxyModel> m_proxy; // may go first as the view is destroyed
};

} // namespace ui
