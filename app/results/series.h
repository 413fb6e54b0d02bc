#pragma once

#include "results/prediction.h"
#include "results/resultsparser.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <vector>

// All predictions of one source in time order, one per timestamp, merged from objects that may
// arrive in any order. Sensor names and other reason texts are stored once for the series;
// diagnostics are {name index, share} runs that predictions point into.
//
// A timestamp found more than once keeps one prediction, whatever order the objects arrived in:
// the one from the object whose key sorts last (the latest execution wrote it), and within one
// object the last line. The others are counted as duplicates.
namespace results {

// What the predictions of one bucket of a time range (a pixel column of a chart) amount to.
struct Bucket {
    qint64 start = 0; // the bucket's first instant
    qint32 points = 0;
    qint32 anomalies = 0; // Prediction::isAnomaly()
    qint32 machineOff = 0; // Reason::MachineOff
    qint32 scored = 0; // points with an anomaly score; the scores below are set when > 0
    double minScore = 0;
    double maxScore = 0;
    double lastScore = 0; // of the last scored point
    qint64 lastTime = 0; // of the last point, when points > 0
    bool lastIsAnomaly = false;
};

class Series {
public:
    struct Merge {
        qsizetype firstChanged = 0; // the predictions from here on are new or moved
        qsizetype added = 0; // predictions the series grew by
        qsizetype duplicates = 0; // predictions of this merge that lost to another
    };

    // Merges what one object held. `origin` is the object's key: it decides between duplicates.
    Merge add(ParsedResults parsed, const QString &origin);
    void clear();

    bool isEmpty() const { return m_predictions.empty(); }
    qsizetype size() const { return static_cast<qsizetype>(m_predictions.size()); }
    const Prediction &at(qsizetype index) const
    {
        return m_predictions[static_cast<size_t>(index)];
    }
    const std::vector<Prediction> &predictions() const { return m_predictions; }
    std::span<const Diagnostic> diagnostics(const Prediction &prediction) const
    {
        return { m_diagnostics.data() + prediction.firstDiagnostic, prediction.diagnosticCount };
    }

    const QStringList &sensorNames() const { return m_sensorNames; }
    const QString &sensorName(quint32 sensor) const { return m_sensorNames[sensor]; }
    // "ANOMALY_DETECTED", …, the text of an unknown reason, or empty when absent.
    QString reasonText(const Prediction &prediction) const;
    // The key of the object a prediction came from.
    const QString &origin(const Prediction &prediction) const
    {
        return m_origins[prediction.origin];
    }
    qint64 duplicates() const { return m_duplicates; }

    // The first prediction at or after `time` (size() when none).
    qsizetype lowerBound(qint64 time) const;
    // The prediction closest in time (-1 when the series is empty).
    qsizetype nearest(qint64 time) const;
    // The median time between consecutive predictions; nullopt with fewer than two.
    std::optional<qint64> typicalSpacing() const;

    // `count` equal buckets over [from, to): what a chart of that width draws, in one pass over
    // the predictions in the range (a year of 5-minute results into 2,000 buckets takes well
    // under a millisecond). Empty when count < 1 or to <= from.
    std::vector<Bucket> decimate(qint64 from, qint64 to, int count) const;

private:
    quint32 sensorIndex(const QString &name);
    bool beats(const Prediction &a, const Prediction &b) const;

    std::vector<Prediction> m_predictions; // by time, one per timestamp
    std::vector<Diagnostic> m_diagnostics;
    QStringList m_sensorNames;
    QHash<QString, quint32> m_sensorIndex;
    QStringList m_otherReasons;
    QHash<QString, quint32> m_otherReasonIndex;
    QStringList m_origins;
    qint64 m_duplicates = 0;
    mutable std::optional<std::optional<qint64>> m_spacing; // cached typicalSpacing()
};

} // namespace results
