#include "emulator/fleet.h"

#include <algorithm>

namespace emulator {

namespace {

// The ConflictException text for a Start or Stop the scheduler's status does not allow. An
// archived scheduler may have no Status at all.
QString conflict(const SchedulerRecord &record, QLatin1StringView action)
{
    const QString status = record.status();
    const QString state
        = status.isEmpty() ? QStringLiteral("it has no status") : QLatin1String("it is ") + status;
    return QLatin1String("Inference scheduler ") + record.name() + QLatin1String(" cannot be ")
        + action + QLatin1String(" while ") + state + QLatin1Char('.');
}

} // namespace

lookout::Timestamp timestampFromMicros(qint64 micros)
{
    lookout::Timestamp timestamp;
    timestamp.epochMicroseconds = micros;
    return timestamp;
}

void Fleet::setExecutionRetentionDays(int days)
{
    for (SchedulerRecord &record : m_schedulers)
        record.retentionDays = days;
}

Fleet::Fleet(std::vector<SchedulerRecord> schedulers, std::vector<ModelDescription> models,
    TransitionDurations durations)
    : m_schedulers(std::move(schedulers))
    , m_models(std::move(models))
    , m_durations(durations)
{
    std::sort(m_schedulers.begin(), m_schedulers.end(),
        [](const SchedulerRecord &a, const SchedulerRecord &b) { return a.name() < b.name(); });
    m_indexByName.reserve(static_cast<qsizetype>(m_schedulers.size()));
    for (int i = 0; i < size(); ++i) {
        SchedulerRecord &record = m_schedulers[static_cast<std::size_t>(i)];
        m_indexByName.insert(record.name(), i);
        if (record.transitionDue)
            m_dueTransitions.insert({ *record.transitionDue, i });
    }
    for (int i = 0; i < modelCount(); ++i)
        m_modelIndexByName.insert(m_models[static_cast<std::size_t>(i)].modelName, i);
}

int Fleet::lowerBound(const QString &name) const
{
    const auto found = std::lower_bound(m_schedulers.begin(), m_schedulers.end(), name,
        [](const SchedulerRecord &record, const QString &key) { return record.name() < key; });
    return static_cast<int>(found - m_schedulers.begin());
}

const ModelDescription *Fleet::model(const QString &name) const
{
    const int index = m_modelIndexByName.value(name, -1);
    return index < 0 ? nullptr : &m_models[static_cast<std::size_t>(index)];
}

void Fleet::setStatus(SchedulerRecord &record, const char *status, qint64 now)
{
    record.scheduler.status = QString::fromLatin1(status);
    record.scheduler.updatedAt = timestampFromMicros(now);
}

void Fleet::schedule(int index, qint64 due)
{
    SchedulerRecord &record = m_schedulers[static_cast<std::size_t>(index)];
    if (record.transitionDue)
        m_dueTransitions.erase({ *record.transitionDue, index });
    record.transitionDue = due;
    m_dueTransitions.insert({ due, index });
}

void Fleet::applyTransitions(qint64 now)
{
    while (!m_dueTransitions.empty() && m_dueTransitions.begin()->first <= now) {
        const auto [due, index] = *m_dueTransitions.begin();
        m_dueTransitions.erase(m_dueTransitions.begin());
        SchedulerRecord &record = m_schedulers[static_cast<std::size_t>(index)];
        record.transitionDue.reset();
        const QString status = record.status();
        if (status == QLatin1String(lookout::status::kPending)) {
            setStatus(record, lookout::status::kRunning, due);
            record.runs.append(RunInterval { due, std::nullopt });
            if (record.runs.size() > SchedulerRecord::kMaxRunIntervals)
                record.runs.removeFirst();
        } else if (status == QLatin1String(lookout::status::kStopping)) {
            setStatus(record, lookout::status::kStopped, due);
        }
    }
}

std::optional<QString> Fleet::start(int index, qint64 now)
{
    SchedulerRecord &record = m_schedulers[static_cast<std::size_t>(index)];
    const QString status = record.status();
    if (status != QLatin1String(lookout::status::kStopped))
        return conflict(record, QLatin1String("started"));
    setStatus(record, lookout::status::kPending, now);
    schedule(index, now + m_durations.pendingMicros);
    return std::nullopt;
}

std::optional<QString> Fleet::stop(int index, qint64 now)
{
    SchedulerRecord &record = m_schedulers[static_cast<std::size_t>(index)];
    const QString status = record.status();
    if (status != QLatin1String(lookout::status::kRunning)
        && status != QLatin1String(lookout::status::kPending))
        return conflict(record, QLatin1String("stopped"));
    if (!record.runs.isEmpty() && !record.runs.last().end)
        record.runs.last().end = now;
    setStatus(record, lookout::status::kStopping, now);
    schedule(index, now + m_durations.stoppingMicros);
    return std::nullopt;
}

void Fleet::setLatestInferenceResult(int index, const QString &result)
{
    m_schedulers[static_cast<std::size_t>(index)].scheduler.latestInferenceResult = result;
}

} // namespace emulator
