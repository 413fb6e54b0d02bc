#pragma once

#include "emulator/fleet.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

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

    QByteArray write(const SchedulerRecord &record, qint64 scheduled, Latest latest) const;

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

    QHash<QString, ModelTraits> m_traits; // by model name
};

} // namespace emulator
