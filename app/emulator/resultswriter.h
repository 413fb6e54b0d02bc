#pragma once

#include "emulator/fleet.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <vector>

namespace emulator {

// The results.jsonl that a scheduler's successful execution wrote, computed when asked for (a
// fleet of 100,000 schedulers keeps no results in memory). One line per data point of the
// execution's window, at the model's TargetSamplingRate (at most the window; one line per window
// when the model has none), in the service's form:
//   {"timestamp": "2022-07-29T11:45:00.000000", "prediction": 1,
//    "prediction_reason": "ANOMALY_DETECTED", "anomaly_score": 0.97399,
//    "diagnostics": [{"name": "pump\\flow_rate", "value": 0.41}, …]}
// Diagnostics name the sensors of the model's schema ("component\sensor"); their shares sum to
// exactly 1. Anomalies come in runs of 15 minutes to 3 hours (so they form events across
// executions), each blaming one or two sensors most; a model with an OffCondition has periods
// of MACHINE_OFF points, which carry neither score nor diagnostics. Without a schema the lines
// have no diagnostics. Everything is a pure function of the scheduler's history seed and the
// time, so every request for an object gets the same bytes.
class ResultsWriter {
public:
    explicit ResultsWriter(const Fleet &fleet);

    // What the newest execution must show so that it agrees with the scheduler's
    // LatestInferenceResult: an anomaly in its window (ANOMALOUS) or none (NORMAL).
    enum class Latest { Unconstrained, Anomalous, Normal };

    // What the scheduler's LatestInferenceResult asks of its newest successful execution.
    static Latest latestOf(const SchedulerRecord &record);

    QByteArray write(const SchedulerRecord &record, qint64 scheduled, Latest latest) const;

    // One line of results.jsonl before it is written: the one rule for which points are
    // anomalous, shared by write() and the inference events (inferenceevents.h).
    struct Point {
        enum class State { MachineOff, Normal, Anomalous };
        qint64 time = 0; // epoch microseconds
        State state = State::Normal;
        double score = 0; // anomaly_score; none for MachineOff
        std::vector<qint64> shares; // per sensor, in units of shareDenominator(); sum is exact
    };
    enum class Detail { StatesOnly, Full };
    std::vector<Point> points(
        const SchedulerRecord &record, qint64 scheduled, Latest latest, Detail detail) const;

    // The model's sensors as diagnostics name them, and the unit their shares are counted in
    // (1/100, or 1/10,000 for more than 50 sensors).
    QStringList sensors(const SchedulerRecord &record) const;
    static qint64 shareDenominator(qsizetype sensorCount);
    // Shares of the sensors in whole units of 1/denominator that add up to exactly denominator.
    static std::vector<qint64> apportion(const std::vector<double> &weights, qint64 denominator);
    // "0.41": a share as results.jsonl writes it.
    static QByteArray shareText(qint64 units, qint64 denominator);
    // A string as a JSON string literal, quotes included.
    static void appendJsonString(QByteArray &out, const QString &text);
    // The time step between two points of an execution's window.
    qint64 stepMicros(const SchedulerRecord &record, qint64 scheduled) const;

    // "component\sensor" for every non-timestamp column of a schema (a JSON document as
    // DescribeModel's Schema holds it); empty when it is absent or unreadable.
    static QStringList sensorsOfSchema(const QString &schema);
    // PT1M → 60,000,000 µs; PT1H, PT30S likewise; 0 for anything else.
    static qint64 durationMicros(const QString &isoDuration);

private:
    struct ModelTraits {
        QStringList sensors;
        qint64 samplingMicros = 0; // 0: one point per window
        bool hasOffCondition = false;
    };

    ModelTraits traitsOf(const SchedulerRecord &record) const;

    QHash<QString, ModelTraits> m_traits; // by model name
};

} // namespace emulator
