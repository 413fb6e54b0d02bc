#include "models/fleetsession.h"

#include "aws/endpointtarget.h"
#include "models/mergequeue.h"
#include "models/schedulerdetailscontroller.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFleetSession, "lookoutdesk.models.session", QtWarningMsg)

namespace models {

FleetSession::FleetSession(QNetworkAccessManager *network, std::shared_ptr<const core::Clock> clock,
    std::unique_ptr<core::Timer> firstTimer, core::TimerFactory timers, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_timers(std::move(timers))
    , m_model(new SchedulerListModel(clock, this))
    , m_notifier(new StatusChangeNotifier(this))
    , m_merges(new MergeQueue(this))
{
    m_notifier->watch(m_model);
    m_connections.push_back(makeConnection(0, std::move(firstTimer)));
    connect(refreshController(), &RefreshController::stateChanged, this,
        &FleetSession::followSharedRefreshState);
}

FleetSession::FleetSession(QNetworkAccessManager *network, std::shared_ptr<const core::Clock> clock,
    std::unique_ptr<core::Timer> refreshTimer, QObject *parent)
    : FleetSession(
        network, clock, std::move(refreshTimer),
        [] { return core::makeQtTimer(core::TimerPrecision::Coarse); }, parent)
{
}

FleetSession::FleetSession(QNetworkAccessManager *network, std::shared_ptr<const core::Clock> clock,
    core::TimerFactory timers, QObject *parent)
    : FleetSession(network, clock, timers(), timers, parent)
{
}

FleetSession::FleetSession(QNetworkAccessManager *network, QObject *parent)
    : FleetSession(network, core::Clock::system(),
        core::TimerFactory([] { return core::makeQtTimer(core::TimerPrecision::Coarse); }), parent)
{
    m_watchClock = true;
    for (FleetConnection *connection : m_connections)
        connection->refreshController()->watchClock(
            core::makeQtTimer(core::TimerPrecision::Coarse));
}

FleetSession::~FleetSession()
{
    // Nothing of the listings in flight may reach the model once the session is gone.
    for (FleetConnection *connection : m_connections)
        delete connection;
}

FleetConnection *FleetSession::makeConnection(int source, std::unique_ptr<core::Timer> timer)
{
    auto *connection
        = new FleetConnection(source, m_network, m_model, m_clock, std::move(timer), this);
    // The connections' pages take turns with painting instead of arriving all in one pass.
    connection->loader()->shareMergeQueue(m_merges);
    connect(connection, &FleetConnection::refreshFinished, this, &FleetSession::refreshFinished);
    connect(connection, &FleetConnection::cycleStarted, this, [this, source] {
        // The open scheduler rides along with its connection's cycle: one Describe per cycle
        // (none when one is already on its way).
        if (m_details && source == m_detailsSource)
            m_details->refresh();
    });
    connect(connection, &FleetConnection::connectionNeeded, this, [this, source] {
        // Only the first connection is the window's pickers' to resolve again.
        if (source == 0)
            emit connectionNeeded();
    });
    if (m_watchClock)
        connection->refreshController()->watchClock(
            core::makeQtTimer(core::TimerPrecision::Coarse));
    return connection;
}

FleetConnection *FleetSession::connection(int source) const
{
    return source >= 0 && source < connectionCount() ? m_connections[std::size_t(source)] : nullptr;
}

void FleetSession::setConnectionCount(int count)
{
    count = std::max(count, 1);
    if (count == connectionCount())
        return;
    while (connectionCount() > count) {
        delete m_connections.back();
        m_connections.pop_back();
    }
    m_model->setConnectionCount(count);
    while (connectionCount() < count) {
        FleetConnection *added = makeConnection(connectionCount(), m_timers());
        m_connections.push_back(added);
    }
    followSharedRefreshState();
    if (m_detailsSource >= count)
        setDetailsConnection(0);
    emit connectionChanged();
}

void FleetSession::followSharedRefreshState()
{
    const RefreshController *shared = refreshController();
    for (std::size_t i = 1; i < m_connections.size(); ++i) {
        RefreshController *refresh = m_connections[i]->refreshController();
        refresh->setInterval(shared->interval());
        refresh->setPaused(shared->isPaused());
        refresh->setWindowVisible(shared->isWindowVisible());
    }
}

std::chrono::milliseconds FleetSession::phaseOf(int source) const
{
    // Connection k of n starts its automatic refreshes k/n of an interval after the first.
    const auto interval
        = std::chrono::duration_cast<std::chrono::milliseconds>(refreshController()->interval());
    return interval * source / connectionCount();
}

void FleetSession::setDetailsController(SchedulerDetailsController *details)
{
    m_details = details;
    giveDetailsTheirClient();
}

void FleetSession::giveDetailsTheirClient()
{
    if (!m_details)
        return;
    const FleetConnection *chosen = connection(m_detailsSource);
    if (chosen && chosen->connectedClient())
        m_details->setClient(
            chosen->connectedClient()->lookoutClient(), chosen->connectedClient()->cliOptions());
    else
        m_details->clearClient();
}

void FleetSession::setDetailsConnection(int source)
{
    if (!connection(source) || source == m_detailsSource)
        return;
    m_detailsSource = source;
    giveDetailsTheirClient();
}

void FleetSession::connectTo(aws::ResolvedConfig config, const QString &label)
{
    connectTo(0, std::move(config), label);
}

void FleetSession::setConfigurationError(const aws::AwsError &error)
{
    setConfigurationError(0, error);
}

void FleetSession::connectTo(int source, aws::ResolvedConfig config, const QString &label)
{
    FleetConnection *target = connection(source);
    if (!target)
        return;
    qCDebug(lcFleetSession) << "connection" << source << "switching to"
                            << aws::withoutUserInfo(config.endpoint);
    target->connectTo(std::move(config), label);
    // The details form fetches its scheduler at once: that Describe is this first cycle's one.
    if (source == m_detailsSource)
        giveDetailsTheirClient();
    emit connectionChanged();
    target->refreshController()->setPhaseOffset(phaseOf(source));
    target->refreshController()->refreshNow();
}

void FleetSession::setConfigurationError(int source, const aws::AwsError &error)
{
    FleetConnection *target = connection(source);
    if (!target)
        return;
    target->setConfigurationError(error);
    if (source == m_detailsSource)
        giveDetailsTheirClient();
    emit connectionChanged();
}

bool FleetSession::refreshAll()
{
    bool started = false;
    for (FleetConnection *connection : m_connections)
        started = connection->refreshController()->refreshNow() || started;
    return started;
}

QStringList FleetSession::connectionProblems() const
{
    QStringList lines;
    for (const FleetConnection *connection : m_connections) {
        const QString problem = connection->problem();
        if (problem.isEmpty())
            continue;
        const QString label = connection->label();
        lines.append(label.isEmpty() ? problem : label + QStringLiteral(": ") + problem);
    }
    return lines;
}

} // namespace models
