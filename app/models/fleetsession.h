#pragma once

#include "aws/awserror.h"
#include "aws/configresolver.h"
#include "models/connectedclient.h"
#include "models/fleetconnection.h"
#include "models/fleetloader.h"
#include "models/refreshcontroller.h"
#include "models/schedulerlistmodel.h"
#include "models/statuschangenotifier.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

// The fleet as the window watches it: its connections (FleetConnection, one or more), the one
// list model they fill, and the details controller of the open scheduler. A connection's refresh
// cycle is one ListInferenceSchedulers listing (⌈N/500⌉ requests), plus one Describe of the open
// scheduler when it is that connection's, never more, and never two cycles of one connection at
// once. Each connection has its own refresh controller (its own backoff and staleness); the first
// one's (refreshController()) holds the interval, pause and visibility the others follow, and the
// others are phased over the interval so that their requests do not go out together.
//
// connectTo() switches the data for real: the old rows go at once, the listing and the Describe
// in flight on the old connection are dropped (their answers are never applied), and a first
// refresh on the new one starts. setConfigurationError() is the same switch to "no connection",
// keeping the reason (no region, unknown profile…) to show in place.
namespace models {

class MergeQueue;
class SchedulerDetailsController;

class FleetSession : public QObject {
    Q_OBJECT

public:
    // `network` must outlive the session.
    FleetSession(QNetworkAccessManager *network, std::shared_ptr<const core::Clock> clock,
        std::unique_ptr<core::Timer> refreshTimer, QObject *parent = nullptr);
    // `timers` makes each connection's refresh timer.
    FleetSession(QNetworkAccessManager *network, std::shared_ptr<const core::Clock> clock,
        core::TimerFactory timers, QObject *parent = nullptr);
    // On the system clock and real timers.
    explicit FleetSession(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~FleetSession() override;

    SchedulerListModel *model() const { return m_model; }
    // The first connection's: the interval, pause and visibility every connection follows.
    RefreshController *refreshController() const
    {
        return m_connections.front()->refreshController();
    }
    FleetLoader *loader() const { return m_connections.front()->loader(); }
    StatusChangeNotifier *notifier() const { return m_notifier; }

    // The details controller refreshed with each cycle and given each new connection (not owned).
    void setDetailsController(SchedulerDetailsController *details);

    // Replaces the first connection. `label` names it in the status bar ("prod · eu-west-1" when
    // empty).
    void connectTo(aws::ResolvedConfig config, const QString &label = {});
    // No usable first connection: why (a Configuration or Credentials error, in the CLI's words).
    void setConfigurationError(const aws::AwsError &error);

    // How many connections the fleet has (at least one); connections beyond `count` are dropped
    // with their rows, new ones start unconnected.
    void setConnectionCount(int count);
    int connectionCount() const { return static_cast<int>(m_connections.size()); }
    FleetConnection *connection(int source) const;
    // Replaces connection `source` and starts its first refresh.
    void connectTo(int source, aws::ResolvedConfig config, const QString &label = {});
    void setConfigurationError(int source, const aws::AwsError &error);
    // Every connection refreshes now (F5, Retry); false when each was refreshing already.
    bool refreshAll();
    // The details controller (and the tabs that follow it) talks to connection `source`: a row of
    // it was chosen.
    void setDetailsConnection(int source);
    int detailsConnection() const { return m_detailsSource; }
    // One line per connection with a problem: "prod · eu-west-1: <why>".
    QStringList connectionProblems() const;

    // The first connection's state.
    bool isConnected() const { return m_connections.front()->isConnected(); }
    const ConnectedClient *connectedClient() const
    {
        return m_connections.front()->connectedClient();
    }
    // "Demo · us-east-1", "prod · eu-west-1"; empty without a connection.
    QString connectionLabel() const { return m_connections.front()->label(); }
    // The configuration problem that stands instead of a connection, if any.
    const std::optional<aws::AwsError> &configurationError() const
    {
        return m_connections.front()->configurationError();
    }
    // Why the last refresh failed; nullopt after a successful one and on a new connection.
    const std::optional<aws::AwsError> &refreshError() const
    {
        return m_connections.front()->refreshError();
    }

signals:
    // Connected, disconnected or switched: every view shows the new state.
    void connectionChanged();
    // A refresh cycle of some connection ended (the model's freshness, the error and the backoff
    // are current).
    void refreshFinished(models::RefreshController::Outcome outcome);
    // A refresh was asked for without a connection: resolve the choice again (the files or the
    // environment may have been fixed since) and call connectTo() or setConfigurationError().
    void connectionNeeded();

private:
    FleetSession(QNetworkAccessManager *network, std::shared_ptr<const core::Clock> clock,
        std::unique_ptr<core::Timer> firstTimer, core::TimerFactory timers, QObject *parent);
    FleetConnection *makeConnection(int source, std::unique_ptr<core::Timer> timer);
    void followSharedRefreshState();
    void giveDetailsTheirClient();
    std::chrono::milliseconds phaseOf(int source) const;

    QNetworkAccessManager *m_network;
    std::shared_ptr<const core::Clock> m_clock;
    core::TimerFactory m_timers;
    // Every connection's refresh watches the wall clock (RefreshController::watchClock()): on in
    // production, off where tests drive time by hand.
    bool m_watchClock = false;
    SchedulerListModel *m_model;
    StatusChangeNotifier *m_notifier;
    MergeQueue *m_merges; // shared by the connections' loaders; outlives them (a child)
    std::vector<FleetConnection *> m_connections; // children; never empty
    QPointer<SchedulerDetailsController> m_details;
    int m_detailsSource = 0;
};

} // namespace models
