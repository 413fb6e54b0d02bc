#pragma once

#include "core/clock.h"
#include "models/connectionstatus.h"

#include <QLabel>
#include <QTimer>

#include <memory>

namespace ui {

// The status bar's account of several connections, always visible while the window watches
// more than one: "3 connections · 2 answering · updated 12 s ago · eu-prod failing: ExpiredToken"
// (models::connectionsSummaryText()). Its tooltip and accessible description list every
// connection on its own line (models::connectionStatusLines()); the tooltip is made when shown. The
// ages are read on the clock given, and tick once a second while one is shown.
class ConnectionsStatusLabel : public QLabel {
    Q_OBJECT

public:
    explicit ConnectionsStatusLabel(QWidget *parent = nullptr);

    // The clock "updated 12 s ago" counts on (the refresh controller's).
    void setClock(std::shared_ptr<const core::Clock> clock);
    // The connections as they are now, in their order; empty shows nothing.
    void setConnections(QList<models::ConnectionStatus> connections);
    const QList<models::ConnectionStatus> &connections() const { return m_connections; }
    // Recomputes the texts at the clock's now (the ticking calls this).
    void updateText();

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    std::shared_ptr<const core::Clock> m_clock = core::Clock::system();
    QList<models::ConnectionStatus> m_connections;
    QTimer m_tick;
};

} // namespace ui
