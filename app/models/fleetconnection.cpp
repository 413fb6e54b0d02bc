#include "models/fleetconnection.h"

#include "aws/endpointtarget.h"
#include "models/fleetloader.h"
#include "models/schedulerlistmodel.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFleetConnection, "lookoutdesk.models.connection", QtWarningMsg)

namespace models {

FleetConnection::FleetConnection(int source, QNetworkAccessManager *network,
    SchedulerListModel *model, std::shared_ptr<const core::Clock> clock,
    std::unique_ptr<core::Timer> refreshTimer, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_network(network)
    , m_model(model)
    , m_loader(new FleetLoader(model, source, this))
    , m_refresh(new RefreshController(std::move(clock), std::move(refreshTimer), this))
{
    connect(m_refresh, &RefreshController::refreshRequested, this, &FleetConnection::startCycle);
    connect(m_loader, &FleetLoader::finished, this,
        [this](RefreshController::Outcome outcome, const std::optional<aws::AwsError> &) {
            updateProblem();
            m_refresh->refreshFinished(outcome);
            emit refreshFinished(outcome);
        });
}

FleetConnection::~FleetConnection()
{
    // Nothing of the listing in flight may reach the model once the connection is gone.
    m_loader->cancel();
}

const std::optional<aws::AwsError> &FleetConnection::refreshError() const
{
    return m_loader->lastError();
}

QString FleetConnection::label() const
{
    if (!m_client)
        return {};
    if (m_label.isEmpty())
        return m_client->displayName();
    const QString region = m_client->config().region.value;
    return region.isEmpty() ? m_label : m_label + QStringLiteral(" · ") + region;
}

QString FleetConnection::problem() const
{
    const std::optional<aws::AwsError> &error = currentError();
    if (!error)
        return {};
    // The CLI's sentence, first line: a header or a tooltip has room for one.
    return error->toString().section(QLatin1Char('\n'), 0, 0).trimmed();
}

ConnectionStatus FleetConnection::status() const
{
    ConnectionStatus status;
    status.label = label();
    status.lastRefreshed = m_model->connectionLastCompleteRefresh(m_source);
    const std::optional<aws::AwsError> &error = currentError();
    if (error) {
        status.state = ConnectionStatus::State::Failing;
        status.reason = shortReason(*error);
        status.problem = problem();
    } else if (m_client && status.lastRefreshed.isValid()) {
        status.state = ConnectionStatus::State::Answering;
    }
    return status;
}

QStringList FleetConnection::accounts() const
{
    QStringList accounts;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->sourceAt(row) != m_source)
            continue;
        const QString account
            = m_model->index(row, SchedulerListModel::AccountColumn).data().toString();
        if (!account.isEmpty() && !accounts.contains(account))
            accounts.append(account);
    }
    accounts.sort();
    return accounts;
}

void FleetConnection::updateProblem()
{
    m_model->setConnectionProblem(m_source, problem());
}

void FleetConnection::drop()
{
    // Order matters: the listing goes first (its remaining pages are never asked for and its
    // answers are ignored), then the rows, then the client, which aborts the calls in flight.
    m_loader->reset();
    m_refresh->cancel();
    m_model->clearConnection(m_source);
    m_client.reset();
}

void FleetConnection::connectTo(aws::ResolvedConfig config, const QString &label)
{
    drop();
    qCDebug(lcFleetConnection) << "connection" << m_source << "to"
                               << aws::withoutUserInfo(config.endpoint);
    m_model->setConnectionInfo(m_source, config.profile.value, config.region.value);
    m_client = std::make_unique<ConnectedClient>(m_network, std::move(config));
    m_label = label;
    m_configurationError.reset();
    updateProblem();
}

void FleetConnection::setConfigurationError(const aws::AwsError &error)
{
    drop();
    m_label.clear();
    m_configurationError = error;
    updateProblem();
}

bool FleetConnection::startCycle()
{
    if (!m_client) {
        m_refresh->refreshFinished(RefreshController::Outcome::Failed);
        emit connectionNeeded();
        return false;
    }
    if (!m_loader->start(*m_client))
        return false;
    emit cycleStarted();
    return true;
}

} // namespace models
