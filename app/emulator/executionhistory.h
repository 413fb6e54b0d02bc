#pragma once

#include "emulator/fleet.h"
#include "lookout/inferencescheduler.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace emulator {

struct ExecutionFilter {
    std::optional<qint64> dataStartTimeAfter; // executions whose DataStartTime ≥ this
    std::optional<qint64> dataEndTimeBefore; // executions whose DataEndTime ≤ this
    std::optional<QString> status; // IN_PROGRESS, SUCCESS, FAILED
};

struct ExecutionSlice {
    QList<lookout::InferenceExecutionSummary> executions; // newest first
    std::optional<qint64> continueBefore; // ScheduledStartTime to continue below, when more match
};

// A scheduler's inference executions, computed on demand instead of stored: one per
// DataUploadFrequency slot inside each interval the scheduler ran, kept for the record's
// retentionDays (kRetentionDays unless the emulator's options say otherwise) before its latest
// activity. Each slot's outcome is a pure function of the scheduler's history
// seed and the slot, so pages are stable while time moves on. The newest slot is IN_PROGRESS for
// kProcessingSeconds; about kFailedPercent % of the rest FAILED with a reason.
// `sensors` ("component\\sensor", the model's) name what a FAILED execution's reason blames.
ExecutionSlice listExecutions(const SchedulerRecord &record, const ExecutionFilter &filter,
    std::optional<qint64> before, int limit, qint64 now, const QStringList &sensors = {});

// Where an execution scheduled at `scheduled` writes its results, under the scheduler's output
// prefix, as the service named it: the UTC start of its data window as the folder,
// "2021-04-13T14:10:00Z/results.jsonl" (the CustomerResultObject of a SUCCESS).
QString resultObjectName(const SchedulerRecord &record, qint64 scheduled);
// The execution whose data window starts at dataStart (the inverse of the folder's time).
qint64 scheduledForDataStart(const SchedulerRecord &record, qint64 dataStart);

// The ScheduledStartTime of every SUCCESS execution kept at now, oldest first: the executions
// whose results object exists.
std::vector<qint64> successfulExecutions(const SchedulerRecord &record, qint64 now);

struct ExecutionWindow {
    qint64 dataStart = 0; // DataStartTime, inclusive
    qint64 dataEnd = 0; // DataEndTime, exclusive
};
ExecutionWindow executionWindow(const SchedulerRecord &record, qint64 scheduled);

// PT5M → 5, PT1H → 60; anything else (absent, unknown) → 60.
int uploadFrequencyMinutes(const std::optional<QString> &frequency);

inline constexpr int kRetentionDays = SchedulerRecord::kDefaultRetentionDays;
inline constexpr int kProcessingSeconds = 120;
inline constexpr int kFailedPercent = 4;

} // namespace emulator
