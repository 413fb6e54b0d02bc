// results.jsonl: whatever the bytes, parsing ends with every line counted once (read or skipped),
// every index in range, at most the kept diagnostics per line, messages without terminal control
// characters; the same result when the bytes arrive in two chunks split anywhere; and a series
// built from it in time order, one prediction per timestamp, with consistent buckets and events.
#include "fuzzsupport.h"
#include "results/events.h"
#include "results/resultsparser.h"
#include "results/series.h"

namespace {

using fuzzsupport::bytes;

// Small limits, so that the fuzzer reaches the caps with small inputs.
results::ParseLimits limits()
{
    results::ParseLimits small;
    small.maxLineBytes = 4096;
    small.maxDiagnosticsPerLine = 8;
    small.maxSensorNames = 16;
    return small;
}

void checkParsed(const results::ParsedResults &parsed)
{
    const results::ParseReport &report = parsed.report;
    FUZZ_CHECK(report.lines == report.predictions + report.skippedLines,
        QStringLiteral("lines %1, read %2, skipped %3")
            .arg(report.lines)
            .arg(report.predictions)
            .arg(report.skippedLines));
    FUZZ_CHECK(static_cast<qint64>(parsed.predictions.size()) == report.predictions,
        QStringLiteral("predictions counted and kept differ"));
    FUZZ_CHECK(report.issues.size() <= results::ParseReport::kMaxIssues,
        QStringLiteral("too many issues described"));
    FUZZ_CHECK(report.issues.size()
            == std::min<qint64>(report.issueCount(), results::ParseReport::kMaxIssues),
        QStringLiteral("issues described %1 of %2")
            .arg(report.issues.size())
            .arg(report.issueCount()));
    for (const results::ParseIssue &issue : report.issues) {
        FUZZ_CHECK(
            !fuzzsupport::hasTerminalControls(issue.message), fuzzsupport::visible(issue.message));
        FUZZ_CHECK(!issue.message.isEmpty() && issue.message.size() < 600, issue.message.left(200));
        FUZZ_CHECK(issue.line >= 1, QStringLiteral("an issue without its line"));
    }
    FUZZ_CHECK(parsed.sensorNames.size() <= limits().maxSensorNames,
        QStringLiteral("%1 names").arg(parsed.sensorNames.size()));
    size_t expectedFirst = 0;
    quint32 previousLine = 0;
    for (const results::Prediction &p : parsed.predictions) {
        FUZZ_CHECK(
            p.firstDiagnostic == expectedFirst, QStringLiteral("diagnostics not in line order"));
        FUZZ_CHECK(p.diagnosticCount <= static_cast<quint32>(limits().maxDiagnosticsPerLine),
            QStringLiteral("%1 diagnostics kept").arg(p.diagnosticCount));
        expectedFirst += p.diagnosticCount;
        FUZZ_CHECK(
            expectedFirst <= parsed.diagnostics.size(), QStringLiteral("diagnostics out of range"));
        FUZZ_CHECK(p.line > previousLine, QStringLiteral("lines out of order"));
        previousLine = p.line;
        if (p.reason == results::Reason::Other)
            FUZZ_CHECK(p.otherReason < static_cast<quint32>(parsed.otherReasons.size()),
                QStringLiteral("reason index out of range"));
        if (p.has(results::Prediction::HasScore))
            FUZZ_CHECK(std::isfinite(p.score), QStringLiteral("a score that is not finite"));
        if (!p.has(results::Prediction::HasDiagnostics))
            FUZZ_CHECK(p.diagnosticCount == 0, QStringLiteral("diagnostics without the member"));
    }
    FUZZ_CHECK(expectedFirst == parsed.diagnostics.size(), QStringLiteral("diagnostics left over"));
    for (const results::Diagnostic &d : parsed.diagnostics) {
        FUZZ_CHECK(d.sensor < static_cast<quint32>(parsed.sensorNames.size()),
            QStringLiteral("name index out of range"));
        FUZZ_CHECK(std::isfinite(d.share), QStringLiteral("a share that is not finite"));
    }
}

bool sameResults(const results::ParsedResults &a, const results::ParsedResults &b)
{
    if (a.predictions.size() != b.predictions.size() || a.sensorNames != b.sensorNames
        || a.otherReasons != b.otherReasons || a.report.issues != b.report.issues
        || a.diagnostics.size() != b.diagnostics.size())
        return false;
    for (size_t i = 0; i < a.predictions.size(); ++i) {
        const results::Prediction &x = a.predictions[i];
        const results::Prediction &y = b.predictions[i];
        if (x.time != y.time || x.line != y.line || x.flags != y.flags || x.reason != y.reason
            || x.diagnosticCount != y.diagnosticCount
            || (x.has(results::Prediction::HasScore) && x.score != y.score))
            return false;
    }
    for (size_t i = 0; i < a.diagnostics.size(); ++i) {
        if (a.diagnostics[i].sensor != b.diagnostics[i].sensor
            || a.diagnostics[i].share != b.diagnostics[i].share)
            return false;
    }
    return true;
}

void checkSeries(const results::ParsedResults &parsed)
{
    results::Series series;
    series.add(parsed, QStringLiteral("b"));
    series.add(parsed, QStringLiteral("a")); // every prediction again, from an earlier object
    const std::vector<results::Prediction> &predictions = series.predictions();
    for (size_t i = 1; i < predictions.size(); ++i)
        FUZZ_CHECK(
            predictions[i - 1].time < predictions[i].time, QStringLiteral("not in time order"));
    for (const results::Prediction &p : predictions)
        FUZZ_CHECK(
            series.origin(p) == QStringLiteral("b"), QStringLiteral("the earlier object won"));
    if (predictions.empty())
        return;
    const qint64 from = predictions.front().time;
    const qint64 to = predictions.back().time + 1;
    qint64 points = 0;
    for (const results::Bucket &bucket : series.decimate(from, to, 7))
        points += bucket.points;
    FUZZ_CHECK(points == series.size(),
        QStringLiteral("buckets hold %1 of %2").arg(points).arg(series.size()));
    qsizetype anomalies = 0;
    for (const results::Event &event : results::findEvents(series)) {
        FUZZ_CHECK(event.first <= event.last && event.points == event.last - event.first + 1,
            QStringLiteral("an event's indices"));
        for (qsizetype i = event.first; i <= event.last; ++i)
            FUZZ_CHECK(series.at(i).isAnomaly(), QStringLiteral("a normal prediction in an event"));
        anomalies += event.points;
        const results::Contributions shares = results::contributions(series, event);
        for (size_t i = 1; i < shares.sensors.size(); ++i)
            FUZZ_CHECK(shares.sensors[i - 1].share >= shares.sensors[i].share,
                QStringLiteral("shares not sorted"));
    }
    qsizetype expected = 0;
    for (const results::Prediction &p : predictions)
        expected += p.isAnomaly() ? 1 : 0;
    FUZZ_CHECK(anomalies == expected,
        QStringLiteral("events hold %1 of %2 anomalies").arg(anomalies).arg(expected));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView text = bytes(data, size);
    const results::ParsedResults whole
        = results::ResultsParser::parse(text, QStringLiteral("f"), limits());
    checkParsed(whole);

    // The same bytes in two chunks, split where the input's first byte says.
    const qsizetype split
        = size == 0 ? 0 : static_cast<qsizetype>(data[0]) * static_cast<qsizetype>(size) / 256;
    results::ResultsParser parser(QStringLiteral("f"), limits());
    parser.feed(text.first(split));
    FUZZ_CHECK(parser.bufferedBytes() <= limits().maxLineBytes, QStringLiteral("held a long line"));
    parser.feed(text.sliced(split));
    const results::ParsedResults chunked = parser.finish();
    FUZZ_CHECK(
        sameResults(whole, chunked), QStringLiteral("chunks at %1 read differently").arg(split));

    checkSeries(whole);
    return 0;
}
