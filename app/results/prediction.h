#pragma once

#include <QtGlobal>

// One line of a results.jsonl object as it is kept: compact, with its diagnostics and texts
// stored once by its owner (ParsedResults for one object, Series for many) and referred to by
// index. A year of 5-minute results is 105,120 of these.
namespace results {

// prediction_reason. Values the service never wrote are kept as Other with their text.
enum class Reason : quint8 {
    Absent,
    AnomalyDetected, // "ANOMALY_DETECTED"
    NoAnomalyDetected, // "NO_ANOMALY_DETECTED"
    MachineOff, // "MACHINE_OFF"
    Other,
};

// The text the service writes for a known reason; empty for Absent and Other.
const char *reasonName(Reason reason);

// One entry of `diagnostics`: a sensor ("component\sensor") and its share of the anomaly.
// Shares are kept as 32-bit floats (7 significant digits, which is more than the files carry).
struct Diagnostic {
    quint32 sensor = 0; // index into the owner's sensor names
    float share = 0;
};

struct Prediction {
    enum Flag : quint8 {
        HasPrediction = 1,
        HasScore = 2,
        HasDiagnostics = 4, // the member was there, even as an empty list
    };

    qint64 time = 0; // `timestamp`, microseconds since 1970-01-01T00:00:00Z
    double score = 0; // `anomaly_score`, when HasScore
    quint32 firstDiagnostic = 0; // into the owner's diagnostics
    quint32 diagnosticCount = 0;
    qint32 prediction = 0; // `prediction`, when HasPrediction
    quint32 otherReason = 0; // for Reason::Other: index into the owner's other reason texts
    quint32 origin = 0; // which object it came from (Series: index into its origins)
    quint32 line = 0; // its line in that object, from 1
    Reason reason = Reason::Absent;
    quint8 flags = 0;

    bool has(Flag flag) const { return (flags & flag) != 0; }
    // An anomaly: prediction 1, or no prediction and the reason ANOMALY_DETECTED.
    bool isAnomaly() const
    {
        return has(HasPrediction) ? prediction == 1 : reason == Reason::AnomalyDetected;
    }
};

} // namespace results
