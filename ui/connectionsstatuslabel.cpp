#include "ui/connectionsstatuslabel.h"

#include "ui/plaintooltip.h"

#include <QHelpEvent>
#include <QToolTip>

#include <algorithm>

namespace ui {

ConnectionsStatusLabel::ConnectionsStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("connectionsStatusLabel"));
    setTextFormat(Qt::PlainText);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionsStatusLabel::updateText);
    updateText();
}

void ConnectionsStatusLabel::setClock(std::shared_ptr<const core::Clock> clock)
{
    m_clock = clock ? std::move(clock) : core::Clock::system();
    updateText();
}

void ConnectionsStatusLabel::setConnections(QList<models::ConnectionStatus> connections)
{
    m_connections = std::move(connections);
    updateText();
}

void ConnectionsStatusLabel::updateText()
{
    setAccessibleName(tr("Connections"));
    if (m_connections.isEmpty()) {
        setText(QString());
        setAccessibleDescription(QString());
        m_tick.stop();
        return;
    }
    const QDateTime now = m_clock->now();
    setText(models::connectionsSummaryText(m_connections, now));
    setAccessibleDescription(
        models::connectionStatusLines(m_connections, now).join(QLatin1Char('\n')));
    const bool ages = std::any_of(m_connections.cbegin(), m_connections.cend(),
        [](const models::ConnectionStatus &connection) {
            return connection.lastRefreshed.isValid();
        });
    if (!ages)
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start();
}

bool ConnectionsStatusLabel::event(QEvent *event)
{
    // The tooltip is made when asked for: as rich text for each connection's refresh, it cost
    // more than the rest of the label.
    if (event->type() == QEvent::ToolTip) {
        const QString lines = accessibleDescription();
        if (lines.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(
                static_cast<QHelpEvent *>(event)->globalPos(), plainToolTip(lines), this);
        return true;
    }
    return QLabel::event(event);
}

void ConnectionsStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateText();
    QLabel::changeEvent(event);
}

} // namespace ui
