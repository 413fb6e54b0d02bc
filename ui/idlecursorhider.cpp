#include "ui/idlecursorhider.h"

#include <QCursor>
#include <QEvent>
#include <QGuiApplication>

namespace ui {

IdleCursorHider::IdleCursorHider(std::chrono::milliseconds idle, QObject *parent)
    : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idle);
    connect(&m_idle, &QTimer::timeout, this, &IdleCursorHider::hide);
    QGuiApplication::instance()->installEventFilter(this);
    m_idle.start();
}

IdleCursorHider::~IdleCursorHider()
{
    show();
}

bool IdleCursorHider::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseMove:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TabletMove:
    case QEvent::TouchBegin:
        show();
        m_idle.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleCursorHider::hide()
{
    if (m_hidden)
        return;
    QGuiApplication::setOverrideCursor(QCursor(Qt::BlankCursor));
    m_hidden = true;
}

void IdleCursorHider::show()
{
    if (!m_hidden)
        return;
    QGuiApplication::restoreOverrideCursor();
    m_hidden = false;
}

} // namespace ui
