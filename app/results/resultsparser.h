#pragma once

#include "results/parsereport.h"
#include "results/prediction.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

// Reads results.jsonl: one JSON object per line,
//   {"timestamp": "2022-07-29T11:45:00.000000", "prediction": 1,
//    "prediction_reason": "ANOMALY_DETECTED", "anomaly_score": 0.97399,
//    "diagnostics": [{"name": "pump\\Sensor0", "value": 0.04}, …]}
// Every member but `timestamp` is optional (null counts as absent), other members are skipped,
// a member given twice counts with its last value. Blank lines (the empty last one) are not
// counted.
//
// A hand-written reader for this one shape: it validates the JSON grammar and UTF-8 of the whole
// line, decodes each distinct sensor name once per object (a year repeats a few dozen names
// 100,000 times) and keeps diagnostics as {name index, float share}. The tokens NaN, Infinity
// and -Infinity, which Python's json module writes, are read as numbers.
//
// A line is skipped, and reported with its number, when it is not JSON, not an object, has no
// valid timestamp, or has a known member of the wrong type (a diagnostics entry without a name
// or value included); when it is longer than maxLineBytes it is skipped without being held in
// memory. A line is kept without part of it, and reported, when it has more than
// maxDiagnosticsPerLine diagnostics (the largest shares are kept), when a score or share is not
// a finite number, or when its object has more than maxSensorNames distinct names.
namespace results {

struct ParseLimits {
    qsizetype maxLineBytes = 1 << 20;
    qsizetype maxDiagnosticsPerLine = 1000;
    qsizetype maxSensorNames = 65536;
};

// What one object held: its predictions in the order of its lines, their diagnostics, and the
// texts those refer to by index.
struct ParsedResults {
    std::vector<Prediction> predictions;
    std::vector<Diagnostic> diagnostics;
    QStringList sensorNames; // Diagnostic::sensor indexes these
    QStringList otherReasons; // Prediction::otherReason indexes these
    ParseReport report;
};

class ResultsParser {
public:
    // `file` names the object in issues ("2021-04-13T14:15:00Z/results.jsonl").
    explicit ResultsParser(QString file, ParseLimits limits = {});
    ~ResultsParser();
    ResultsParser(const ResultsParser &) = delete;
    ResultsParser &operator=(const ResultsParser &) = delete;

    // The object's bytes in order, in chunks of any size (lines may span chunks). A partial
    // line is held until its end arrives, up to maxLineBytes.
    void feed(QByteArrayView chunk);
    // Reads a last line that has no line end, and hands over everything read; the parser is
    // then empty.
    ParsedResults finish();
    // The bytes held for a line whose end has not arrived: at most maxLineBytes.
    qsizetype bufferedBytes() const { return m_partial.size(); }

    // One whole object.
    static ParsedResults parse(
        QByteArrayView contents, const QString &file, const ParseLimits &limits = {});

private:
    class LineReader;

    void readLine(const char *begin, const char *end, bool lastOfObject);
    void skipLongLine(qint64 length);

    std::unique_ptr<LineReader> m_reader;
    ParseLimits m_limits;
    QByteArray m_partial; // the start of a line whose end has not arrived
    qint64 m_longLineBytes = -1; // >= 0 while skipping a line over the limit
    qint64 m_lineNumber = 0; // of the last line read
    bool m_atStart = true; // a byte-order mark is skipped
};

} // namespace results
