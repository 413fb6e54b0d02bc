#include "models/schedulerdetailscontroller.h"

#include "lookout/jsoncodec.h"
#include "models/statuspresentation.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDetails, "lookoutdesk.models.details", QtWarningMsg)

namespace models {

SchedulerDetailsController::SchedulerDetailsController(QObject *parent)
    : SchedulerDetailsController(
        core::Clock::system(), core::makeQtTimer(core::TimerPrecision::Coarse), parent)
{
}

SchedulerDetailsController::SchedulerDetailsController(std::shared_ptr<const core::Clock> clock,
    std::unique_ptr<core::Timer> pollTimer, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_pollTimer(std::move(pollTimer))
    , m_model(new SchedulerDetailsModel(m_clock, this))
{
}

SchedulerDetailsController::~SchedulerDetailsController()
{
    // The timer's task refers to this object.
    m_pollTimer->stop();
}

void SchedulerDetailsController::setClient(
    const lookout::LookoutClient &client, const CliGlobalOptions &cliOptions)
{
    const bool wasBusy = isBusy();
    dropCall();
    resetValue();
    m_client = client;
    m_cliOptions = cliOptions;
    if (!m_name.isEmpty())
        refresh();
    if (wasBusy && !isBusy())
        emit busyChanged(false);
    emit stateChanged();
}

void SchedulerDetailsController::clearClient()
{
    const bool wasBusy = isBusy();
    dropCall();
    resetValue();
    m_client.reset();
    m_cliOptions = {};
    if (wasBusy)
        emit busyChanged(false);
    emit stateChanged();
}

void SchedulerDetailsController::showScheduler(const QString &name)
{
    if (name == m_name && !name.isEmpty()) {
        refresh();
        return;
    }
    const bool wasBusy = isBusy();
    dropCall();
    resetValue();
    m_name = name;
    if (!m_name.isEmpty())
        refresh();
    if (wasBusy && !isBusy())
        emit busyChanged(false);
    emit stateChanged();
}

bool SchedulerDetailsController::refresh()
{
    if (m_name.isEmpty() || !m_client || isBusy())
        return false;
    m_pollTimer->stop();
    auto *context = new QObject(this);
    m_call = context;
    qCDebug(lcDetails) << "describing" << m_name;
    m_client->describeInferenceScheduler(
        m_name, context, [this, context](const aws::Result<lookout::InferenceScheduler> &result) {
            context->deleteLater();
            m_call = nullptr;
            finish(result);
        });
    emit busyChanged(true);
    // Loading is a state of its own while there is no value yet.
    if (!scheduler())
        emit stateChanged();
    return true;
}

void SchedulerDetailsController::showActionStatus(const QString &name, const QString &status)
{
    if (name != m_name || !scheduler() || scheduler()->status == status)
        return;
    lookout::InferenceScheduler value = *scheduler();
    value.status = status;
    m_model->setScheduler(value);
    if (!isBusy())
        schedulePoll();
    emit stateChanged();
}

void SchedulerDetailsController::finish(const aws::Result<lookout::InferenceScheduler> &result)
{
    const QDateTime now = m_clock->now();
    if (result.ok()) {
        m_model->setScheduler(result.value());
        m_model->setStale(false);
        m_lastUpdated = now;
        m_staleSince = {};
        m_lastError.reset();
        m_notFound = false;
    } else {
        const aws::AwsError &error = result.error();
        qCInfo(lcDetails).noquote() << "describe failed:" << error.toString();
        m_lastError = error;
        if (error.isNotFound()) {
            m_model->clear();
            m_lastUpdated = {};
            m_staleSince = {};
            m_notFound = true;
        } else if (scheduler()) {
            if (!m_staleSince.isValid())
                m_staleSince = now;
            m_model->setStale(true);
        }
    }
    schedulePoll();
    emit busyChanged(false);
    emit stateChanged();
}

void SchedulerDetailsController::schedulePoll()
{
    // Poll while the last known status is transitional, through failures too: a blip during a
    // start should not leave the form showing PENDING for ever.
    const std::optional<lookout::InferenceScheduler> &value = scheduler();
    if (!m_notFound && value && isTransitionalStatus(value->status.value_or(QString())))
        m_pollTimer->start(kTransitionalPollInterval, [this] { refresh(); });
    else
        m_pollTimer->stop();
}

void SchedulerDetailsController::dropCall()
{
    m_pollTimer->stop();
    // Deleting the context cancels the call: its callback never runs.
    delete m_call.data();
    m_call = nullptr;
}

void SchedulerDetailsController::resetValue()
{
    m_model->clear();
    m_lastUpdated = {};
    m_staleSince = {};
    m_lastError.reset();
    m_notFound = false;
}

SchedulerDetailsController::State SchedulerDetailsController::state() const
{
    if (m_name.isEmpty())
        return State::Empty;
    if (!m_client)
        return State::NoConnection;
    if (m_notFound)
        return State::NotFound;
    if (scheduler())
        return State::Loaded;
    if (m_lastError)
        return State::Failed;
    return State::Loading;
}

QString SchedulerDetailsController::cliJson() const
{
    if (!scheduler())
        return {};
    return QString::fromUtf8(lookout::json::cliDescribeInferenceScheduler(*scheduler()));
}

QString SchedulerDetailsController::cliCommand() const
{
    if (m_name.isEmpty())
        return {};
    return describeSchedulerCommand(m_name, m_cliOptions);
}

QString SchedulerDetailsController::cliCommandRefusal() const
{
    if (m_name.isEmpty())
        return {};
    return describeSchedulerCommandRefusal(m_name, m_cliOptions);
}

} // namespace models
