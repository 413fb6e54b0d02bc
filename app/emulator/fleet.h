#pragma once

#include "emulator/modeldescription.h"
#include "lookout/inferencescheduler.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace emulator {

// A span of time in which a scheduler ran and so produced executions (epoch microseconds).
struct RunInterval {
    qint64 start = 0;
    std::optional<qint64> end; // open while the scheduler runs
};

struct SchedulerRecord {
    lookout::InferenceScheduler scheduler; // InferenceSchedulerName is always present and valid
    QList<RunInterval> runs; // oldest first, at most kMaxRunIntervals
    std::optional<qint64> transitionDue; // when PENDING becomes RUNNING or STOPPING becomes STOPPED
    quint64 historySeed = 0; // drives this scheduler's execution history
    qint64 modelVersion = 1;
    // How many days of executions are kept before the scheduler's latest activity.
    int retentionDays = kDefaultRetentionDays;

    const QString &name() const { return *scheduler.inferenceSchedulerName; }
    QString status() const { return scheduler.status.value_or(QString()); }

    static constexpr int kMaxRunIntervals = 8;
    static constexpr int kDefaultRetentionDays = 7;
    static constexpr int kMaxRetentionDays = 400;
};

struct TransitionDurations {
    qint64 pendingMicros = 5'000'000; // PENDING → RUNNING
    qint64 stoppingMicros = 5'000'000; // STOPPING → STOPPED
};

// The schedulers and models the emulator serves, sorted by scheduler name, and their life cycle:
// Start (STOPPED → PENDING → RUNNING) and Stop (RUNNING or PENDING → STOPPING → STOPPED), each
// second step taking effect when applyTransitions() reaches its due time. The set of schedulers
// is fixed once built (the API has no create or delete here), so indexes stay valid.
class Fleet {
public:
    Fleet() = default;
    // Names must be unique and valid (the generator and the loader see to it).
    Fleet(std::vector<SchedulerRecord> schedulers, std::vector<ModelDescription> models,
        TransitionDurations durations = {});

    int size() const { return static_cast<int>(m_schedulers.size()); }
    const SchedulerRecord &at(int index) const
    {
        return m_schedulers[static_cast<std::size_t>(index)];
    }
    int indexOf(const QString &name) const { return m_indexByName.value(name, -1); }
    // Index of the first scheduler whose name is not less than name (size() when none).
    int lowerBound(const QString &name) const;
    const ModelDescription *model(const QString &name) const;
    int modelCount() const { return static_cast<int>(m_models.size()); }
    const ModelDescription &modelAt(int index) const
    {
        return m_models[static_cast<std::size_t>(index)];
    }

    void setTransitionDurations(TransitionDurations durations) { m_durations = durations; }
    // Every scheduler keeps `days` of executions (SchedulerRecord::retentionDays).
    void setExecutionRetentionDays(int days);
    TransitionDurations transitionDurations() const { return m_durations; }

    // Completes every transition due at or before now.
    void applyTransitions(qint64 now);
    // nullopt on success; otherwise why the service refuses (a ConflictException message).
    std::optional<QString> start(int index, qint64 now);
    std::optional<QString> stop(int index, qint64 now);
    void setLatestInferenceResult(int index, const QString &result);

private:
    void setStatus(SchedulerRecord &record, const char *status, qint64 now);
    void schedule(int index, qint64 due);

    std::vector<SchedulerRecord> m_schedulers;
    QHash<QString, int> m_indexByName;
    std::vector<ModelDescription> m_models;
    QHash<QString, int> m_modelIndexByName;
    std::set<std::pair<qint64, int>> m_dueTransitions; // (due time, scheduler index)
    TransitionDurations m_durations;
};

lookout::Timestamp timestampFromMicros(qint64 micros);

} // namespace emulator
