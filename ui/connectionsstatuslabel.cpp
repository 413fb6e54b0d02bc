#include "ui/connectionsstatuslabel.h"

#include "ui/plaintooltip.h"

#include <QEvent>

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
        setToolTip(QString());
        setAccessibleDescription(QString());
        m_tick.stop();
        return;
    }
    const QDateTime now = m_clock->now();
    setText(models::connectionsSummaryText(m_connections, now));
    const QString lines = models::connectionStatusLines(m_connections, now).join(QLatin1Char('\n'));
    setToolTip(plainToolTip(lines));
    setAccessibleDescription(lines);
    const bool ages = std::any_of(m_connections.cbegin(), m_connections.cend(),
        [](const models::ConnectionStatus &connection) {
            return connection.lastRefreshed.isValid();
        });
    if (!ages)
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start();
}

void ConnectionsStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateText();
    QLabel::changeEvent(event);
}

} // namespace ui
