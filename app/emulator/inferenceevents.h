#pragma once

#include "emulator/fleet.h"
#include "emulator/resultswriter.h"
#include "lookout/inferencescheduler.h"

#include <QList>

#include <optional>
#include <vector>

namespace emulator {

// The scheduler's inference events are the anomalous runs in the results its executions wrote:
// consecutive ANOMALY_DETECTED points of results.jsonl (ResultsWriter::points, the same rule that
// writes the files), across successful executions whose data windows follow each other. A point
// that is not anomalous, or a window with no results (a FAILED or IN_PROGRESS execution, a time
// the scheduler did not run), ends an event. An event starts at its first anomalous point and
// ends where the time step of its last one ends (within that execution's window); its
// Diagnostics are the mean of its points' diagnostics, as a JSON list of
// {"name": "component\\sensor", "value": share} with shares summing to exactly 1 (absent when
// the model has no schema). Only executions kept at `now` count (executionhistory.h).
struct InferenceEvent {
    qint64 start = 0; // epoch microseconds
    qint64 end = 0;
    std::optional<QString> diagnostics;
};

// Every event of the scheduler at `now`, oldest first.
std::vector<InferenceEvent> inferenceEvents(
    const ResultsWriter &writer, const SchedulerRecord &record, qint64 now);

struct EventSlice {
    QList<lookout::InferenceEventSummary> events; // oldest first
    std::optional<qint64> continueAfter; // EventStartTime to continue after, when more match
};

// The events that overlap [intervalStart, intervalEnd] (EventEndTime ≥ IntervalStartTime and
// EventStartTime ≤ IntervalEndTime) and start after `after`, at most `limit`.
EventSlice listEvents(const ResultsWriter &writer, const SchedulerRecord &record,
    qint64 intervalStart, qint64 intervalEnd, std::optional<qint64> after, int limit, qint64 now);

} // namespace emulator
