#pragma once

#include "results/events.h"
#include "results/series.h"

#include <QString>

#include <span>

// Results as the tables show them: scores, shares, event durations and the sensors that
// contributed most, in the user's locale.
namespace models {

// "0.974": three decimals, the precision a person compares scores at.
QString scoreText(double score);
// "21.3 %".
QString shareText(double share);
// "5 min", "1 h 25 min", "2 days 3 h": the length of an event from its first to its last
// prediction; "one prediction" when those are the same.
QString eventDurationText(qint64 microseconds);
// "pump\Sensor3 49.6 %, pump\Sensor2 5.9 %, motor\Sensor6 5.9 %": the `count` largest shares
// of a prediction's diagnostics; "…" ends it when there are more.
QString topSensorsText(
    const results::Series &series, std::span<const results::Diagnostic> diagnostics, int count = 3);
// The same for an event's or a range's mean shares.
QString topSensorsText(
    const results::Series &series, const results::Contributions &contributions, int count = 3);

} // namespace models
