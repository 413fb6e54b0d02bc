#include "models/fleetsession.h"

#include "aws/endpointtarget.h"
#include "models/schedulerdetailscontroller.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFleetSession, "lookoutdesk.models.session", QtWarningMsg)

namespace models {

FleetSession::FleetSession(QNetworkAccessManager *network, std::shared_ptr<const core::Clock> clock,
    std::unique_ptr<core::Timer> refreshTimer, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_model(new SchedulerListModel(clock, this))
    , m_loader(new FleetLoader(m_model, this))
    , m_refresh(new RefreshController(clock, std::move(refreshTimer), this))
    , m_notifier(new StatusChangeNotifier(this))
{
    m_notifier->watch(m_model);
    connect(m_refresh, &RefreshController::refreshRequested, this, &FleetSession::startCycle);
    connect(m_loader, &FleetLoader::finished, this,
        [this](RefreshController::Outcome outcome, const std::optional<aws::AwsError> &) {
            m_refresh->refreshFinished(outcome);
            emit refreshFinished(outcome);
        });
}

FleetSession::FleetSession(QNetworkAccessManager *network, QObject *parent)
    : FleetSession(
        network, core::Clock::system(), core::makeQtTimer(core::TimerPrecision::Coarse), parent)
{
}

FleetSession::~FleetSession()
{
    // Nothing of the listing in flight may reach the model once the session is gone.
    m_loader->cancel();
}

void FleetSession::setDetailsController(SchedulerDetailsController *details)
{
    m_details = details;
    if (!m_details)
        return;
    if (m_connectedClient)
        m_details->setClient(m_connectedClient->lookoutClient(), m_connectedClient->cliOptions());
    else
        m_details->clearClient();
}

QString FleetSession::connectionLabel() const
{
    if (!m_connectedClient)
        return {};
    if (m_label.isEmpty())
        return m_connectedClient->displayName();
    const QString region = m_connectedClient->config().region.value;
    return region.isEmpty() ? m_label : m_label + QStringLiteral(" · ") + region;
}

void FleetSession::dropConnection()
{
    // Order matters: the listing goes first (its remaining pages are never asked for and its
    // answers are ignored), then the rows, then the client, which aborts the Describe in flight.
    m_loader->reset();
    m_refresh->cancel();
    m_model->clear();
    m_connectedClient.reset();
}

void FleetSession::connectTo(aws::ResolvedConfig config, const QString &label)
{
    dropConnection();
    qCDebug(lcFleetSession) << "switching to" << aws::withoutUserInfo(config.endpoint);
    m_connectedClient = std::make_unique<ConnectedClient>(m_network, std::move(config));
    m_label = label;
    m_configurationError.reset();
    // The details form fetches its scheduler at once: that Describe is this first cycle's one.
    if (m_details)
        m_details->setClient(m_connectedClient->lookoutClient(), m_connectedClient->cliOptions());
    emit connectionChanged();
    m_refresh->refreshNow();
}

void FleetSession::setConfigurationError(const aws::AwsError &error)
{
    dropConnection();
    m_label.clear();
    m_configurationError = error;
    if (m_details)
        m_details->clearClient();
    emit connectionChanged();
}

void FleetSession::startCycle()
{
    if (!m_connectedClient) {
        m_refresh->refreshFinished(RefreshController::Outcome::Failed);
        emit connectionNeeded();
        return;
    }
    // Refused only while a listing runs, whose end reports to the refresh controller.
    if (!m_loader->start(*m_connectedClient))
        return;
    // The open scheduler rides along: one Describe per cycle (none when one is already on its way).
    if (m_details)
        m_details->refresh();
}

} // namespace models
