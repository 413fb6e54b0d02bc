#include "ui/sortwhileshown.h"

#include "models/schedulerfilterproxymodel.h"

#include <QEvent>
#include <QWidget>

namespace ui {

SortWhileShown::SortWhileShown(QWidget *view, models::SchedulerFilterProxyModel *proxy, Start start)
    : QObject(view)
    , m_proxy(proxy)
{
    if (start == Start::Deferred)
        m_proxy->setDeferred(true);
    view->installEventFilter(this);
}

bool SortWhileShown::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_proxy)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::Show)
        m_proxy->setDeferred(false);
    else if (event->type() == QEvent::Hide)
        m_proxy->setDeferred(true);
    return QObject::eventFilter(watched, event);
}

} // namespace ui
