#include "fleetloader.h"

#include "schedulerlistmodel.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFleetLoader, "lookoutdesk.models.fleetloader", QtWarningMsg)

namespace models {

FleetLoader::FleetLoader(SchedulerListModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    qRegisterMetaType<std::optional<aws::AwsError>>();
}

FleetLoader::~FleetLoader()
{
    delete m_call.data();
}

RefreshController::Outcome FleetLoader::outcomeOf(const aws::AwsError &error)
{
    static const QStringList throttlingCodes{
        QStringLiteral("ThrottlingException"), QStringLiteral("Throttling"),
        QStringLiteral("TooManyRequestsException"), QStringLiteral("RequestLimitExceeded")};
    if (error.httpStatus == 429 || throttlingCodes.contains(error.code))
        return RefreshController::Outcome::Throttled;
    return RefreshController::Outcome::Failed;
}

bool FleetLoader::start(lookout::LookoutClient client)
{
    if (isLoading())
        return false;
    auto *context = new QObject(this);
    m_call = context;
    m_model->beginCycle();
    qCDebug(lcFleetLoader) << "listing the fleet";
    client.listInferenceSchedulers(
        lookout::InferenceSchedulerFilter{}, context,
        [this](const QList<lookout::InferenceSchedulerSummary> &page) { m_model->applyPage(page); },
        [this, context](const aws::Result<QList<lookout::InferenceSchedulerSummary>> &result) {
            context->deleteLater();
            m_call = nullptr;
            m_model->finishCycle(result.ok());
            RefreshController::Outcome outcome = RefreshController::Outcome::Success;
            if (result.ok()) {
                m_lastError.reset();
            } else {
                m_lastError = result.error();
                outcome = outcomeOf(result.error());
                qCDebug(lcFleetLoader) << "listing failed:" << result.error().toString();
            }
            emit loadingChanged(false);
            emit finished(outcome, m_lastError);
        });
    emit loadingChanged(true);
    return true;
}

void FleetLoader::cancel()
{
    if (!isLoading())
        return;
    delete m_call.data();
    m_call = nullptr;
    m_model->finishCycle(false);
    emit loadingChanged(false);
}

} // namespace models
