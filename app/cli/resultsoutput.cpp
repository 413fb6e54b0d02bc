#include "cli/resultsoutput.h"

#include "lookout/jsonwriter.h"
#include "results/resultstime.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace cli {

namespace {

using lookout::json::JsonWriter;

// `scientific` is std::to_chars' shortest scientific form: "-1.2345e-05", "1e+16", "0e+00".
QByteArray pythonStyle(const char *scientific, qsizetype length)
{
    QByteArray out;
    const char *p = scientific;
    const char *end = scientific + length;
    if (*p == '-') {
        out += '-';
        ++p;
    }
    QByteArray digits;
    for (; p < end && *p != 'e'; ++p) {
        if (*p != '.')
            digits += *p;
    }
    int exponent = 0;
    std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), end, exponent);
    const int point = exponent + 1; // digits before the decimal point
    if (point > 16 || point < -3) {
        out += digits.left(1);
        if (digits.size() > 1)
            out += '.' + digits.mid(1);
        out += 'e';
        out += exponent < 0 ? '-' : '+';
        out += QByteArray::number(std::abs(exponent)).rightJustified(2, '0');
    } else if (point <= 0) {
        out += "0." + QByteArray(-point, '0') + digits;
    } else if (point >= digits.size()) {
        out += digits + QByteArray(point - digits.size(), '0') + ".0";
    } else {
        out += digits.left(point) + '.' + digits.mid(point);
    }
    return out;
}

void writeTopSensors(JsonWriter &json, const results::Series &series, const results::Event &event)
{
    const results::TopSensors top = results::topSensors(results::contributions(series, event));
    json.key("TopSensors");
    json.beginArray();
    for (const results::SensorShare &share : top.top) {
        json.beginObject();
        json.key("Name");
        json.string(series.sensorName(share.sensor));
        json.key("Share");
        json.rawNumber(shareText(share.share));
        json.endObject();
    }
    json.endArray();
}

void writePrediction(JsonWriter &json, const results::Series &series, const results::Prediction &p)
{
    using results::Prediction;
    json.beginObject();
    json.key("Timestamp");
    json.utf8String(results::timestampText(p.time));
    if (p.has(Prediction::HasPrediction)) {
        json.key("Prediction");
        json.integer(p.prediction);
    }
    if (p.reason != results::Reason::Absent) {
        json.key("Reason");
        json.string(series.reasonText(p));
    }
    if (p.has(Prediction::HasScore)) {
        json.key("AnomalyScore");
        json.rawNumber(pythonFloatText(p.score));
    }
    if (p.has(Prediction::HasDiagnostics)) {
        json.key("Diagnostics");
        json.beginArray();
        for (const results::Diagnostic &diagnostic : series.diagnostics(p)) {
            json.beginObject();
            json.key("Name");
            json.string(series.sensorName(diagnostic.sensor));
            json.key("Value");
            json.rawNumber(valueText(diagnostic.share));
            json.endObject();
        }
        json.endArray();
    }
    json.endObject();
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r'))
        bytes = '"' + bytes.replace("\"", "\"\"") + '"';
    return bytes;
}

} // namespace

QByteArray pythonFloatText(double value)
{
    char text[64];
    const auto result
        = std::to_chars(text, text + sizeof text, value, std::chars_format::scientific);
    return pythonStyle(text, result.ptr - text);
}

QByteArray valueText(float value)
{
    char text[64];
    const auto result
        = std::to_chars(text, text + sizeof text, value, std::chars_format::scientific);
    return pythonStyle(text, result.ptr - text);
}

QByteArray shareText(double share)
{
    char rounded[64];
    const auto written
        = std::to_chars(rounded, rounded + sizeof rounded, share, std::chars_format::scientific, 5);
    double value = 0;
    std::from_chars(rounded, written.ptr, value);
    return pythonFloatText(value);
}

QByteArray resultsJson(const ResultsDocument &document, Predictions predictions)
{
    const results::Series &series = *document.series;
    JsonWriter json(JsonWriter::Layout::Python);
    if (predictions == Predictions::Included)
        json.reserve(series.size() * 200 + 4096);
    json.beginObject();
    json.key("Source");
    json.string(document.source);
    json.key("Files");
    json.integer(document.files);
    if (predictions == Predictions::Included) {
        json.key("Predictions");
        json.beginArray();
        for (const results::Prediction &prediction : series.predictions())
            writePrediction(json, series, prediction);
        json.endArray();
    }
    json.key("Events");
    json.beginArray();
    for (const results::Event &event : document.events) {
        json.beginObject();
        json.key("Start");
        json.utf8String(results::timestampText(event.start));
        json.key("End");
        json.utf8String(results::timestampText(event.end));
        json.key("Points");
        json.integer(event.points);
        if (event.maxScore) {
            json.key("MaxScore");
            json.rawNumber(pythonFloatText(*event.maxScore));
        }
        writeTopSensors(json, series, event);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.takeLine();
}

QByteArray resultsCsv(const results::Series &series)
{
    using results::Prediction;
    // Columns: the sensors sorted by name; column[sensor] is the sensor's column.
    const QStringList &names = series.sensorNames();
    std::vector<quint32> sorted(static_cast<size_t>(names.size()));
    for (size_t i = 0; i < sorted.size(); ++i)
        sorted[i] = static_cast<quint32>(i);
    std::sort(
        sorted.begin(), sorted.end(), [&](quint32 a, quint32 b) { return names[a] < names[b]; });
    std::vector<size_t> column(sorted.size());
    QByteArray out = "Timestamp,Prediction,Reason,AnomalyScore";
    for (size_t i = 0; i < sorted.size(); ++i) {
        column[sorted[i]] = i;
        out += ',' + csvField(names[sorted[i]]);
    }
    out += '\n';
    std::vector<QByteArray> cells(sorted.size());
    for (const Prediction &p : series.predictions()) {
        out += results::timestampText(p.time);
        out += ',';
        if (p.has(Prediction::HasPrediction))
            out += QByteArray::number(p.prediction);
        out += ',';
        if (p.reason != results::Reason::Absent)
            out += csvField(series.reasonText(p));
        out += ',';
        if (p.has(Prediction::HasScore))
            out += pythonFloatText(p.score);
        for (QByteArray &cell : cells)
            cell.clear();
        for (const results::Diagnostic &diagnostic : series.diagnostics(p))
            cells[column[diagnostic.sensor]] = valueText(diagnostic.share);
        for (const QByteArray &cell : cells) {
            out += ',';
            out += cell;
        }
        out += '\n';
    }
    return out;
}

} // namespace cli
