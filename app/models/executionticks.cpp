#include "models/executionticks.h"

#include <algorithm>

namespace models {

ExecutionTicks::ExecutionTicks(QObject *parent)
    : QObject(parent)
{
}

ExecutionTicks::~ExecutionTicks()
{
    delete m_call;
}

void ExecutionTicks::load(const lookout::LookoutClient &client, const QString &scheduler,
    const lookout::InferenceEventInterval &interval)
{
    m_client = client;
    m_scheduler = scheduler;
    m_interval = interval;
    retry();
}

bool ExecutionTicks::retry()
{
    if (!m_client || m_scheduler.isEmpty())
        return false;
    delete m_call;
    m_ticks.clear();
    m_failed = 0;
    m_unplaced = 0;
    m_error.reset();
    m_call = new QObject(this);
    lookout::InferenceExecutionFilter filter;
    filter.dataStartTimeAfter = m_interval.start;
    filter.dataEndTimeBefore = m_interval.end;
    m_client->listInferenceExecutions(m_scheduler, filter, std::nullopt, m_call,
        [this](const aws::Result<QList<lookout::InferenceExecutionSummary>> &result) {
            finish(result);
        });
    setState(State::Loading);
    return true;
}

void ExecutionTicks::clear()
{
    delete m_call;
    m_client.reset();
    m_scheduler.clear();
    m_error.reset();
    m_ticks.clear();
    m_failed = 0;
    m_unplaced = 0;
    setState(State::Empty);
}

void ExecutionTicks::finish(const aws::Result<QList<lookout::InferenceExecutionSummary>> &result)
{
    m_call->deleteLater();
    m_call = nullptr;
    if (!result.ok()) {
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    m_ticks.reserve(static_cast<size_t>(result.value().size()));
    for (const lookout::InferenceExecutionSummary &execution : result.value()) {
        const std::optional<lookout::Timestamp> &time
            = execution.dataEndTime ? execution.dataEndTime : execution.scheduledStartTime;
        if (!time) {
            ++m_unplaced;
            continue;
        }
        Outcome outcome = Outcome::Other;
        if (execution.status == QLatin1String("SUCCESS"))
            outcome = Outcome::Succeeded;
        else if (execution.status == QLatin1String("FAILED"))
            outcome = Outcome::Failed;
        m_failed += outcome == Outcome::Failed ? 1 : 0;
        m_ticks.push_back({ time->epochMicroseconds, outcome });
    }
    std::sort(m_ticks.begin(), m_ticks.end(),
        [](const Tick &a, const Tick &b) { return a.time < b.time; });
    setState(State::Loaded);
}

void ExecutionTicks::setState(State state)
{
    m_state = state;
    emit stateChanged();
}

} // namespace models
