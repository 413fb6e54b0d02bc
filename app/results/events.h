#pragma once

#include "results/series.h"

#include <QString>

#include <optional>
#include <vector>

// Events: what the scheduler found, as runs of anomalous predictions, and which sensors each
// one blames.
//
// An event is a maximal run of consecutive predictions of a series that are anomalies
// (Prediction::isAnomaly(): prediction 1). A prediction that is not (NO_ANOMALY_DETECTED,
// MACHINE_OFF, prediction 0) ends it, and so does a gap in time: two anomalies further apart than
// gapFactor times the series' typical spacing (the median time between its predictions) belong to
// different events, since the scheduler saw nothing in between (it was stopped, or the data was
// missing).
namespace results {

struct EventRules {
    double gapFactor = 3;
};

struct Event {
    qsizetype first = 0; // index of its first prediction in the series
    qsizetype last = 0; // and of its last, inclusive
    qint64 start = 0; // the first prediction's time
    qint64 end = 0; // the last prediction's time
    qsizetype points = 0;
    std::optional<double> maxScore; // nullopt when no prediction of it had a score
};

std::vector<Event> findEvents(const Series &series, const EventRules &rules = {});

struct SensorShare {
    quint32 sensor = 0; // index into the series' sensor names
    double share = 0;
};

// The sensors' mean shares over some predictions, largest first (equal shares by name).
struct Contributions {
    std::vector<SensorShare> sensors;
    // The predictions averaged over: those of the range that have diagnostics. Older files list
    // diagnostics only for anomalies, so a prediction without any does not dilute the mean.
    qsizetype points = 0;
};

// Over the predictions first to last (inclusive) of the series.
Contributions contributions(const Series &series, qsizetype first, qsizetype last);
inline Contributions contributions(const Series &series, const Event &event)
{
    return contributions(series, event.first, event.last);
}

// The `count` largest shares, and what the rest add up to ("all others").
struct TopSensors {
    static constexpr int kDefaultCount = 10;
    std::vector<SensorShare> top;
    double others = 0;
    qsizetype otherCount = 0;
};
TopSensors topSensors(const Contributions &contributions, int count = TopSensors::kDefaultCount);

// "pump" for "pump\Sensor0": the part before the first backslash; a name without one is its own
// component.
QString componentOf(const QString &sensorName);

struct ComponentShare {
    QString component;
    double share = 0;
};
// The shares summed per component, largest first (equal sums by name).
std::vector<ComponentShare> componentShares(
    const Series &series, const Contributions &contributions);

} // namespace results
