// Speed of reading inference results (app/results). Targets (docs/performance.md):
//  - parsing results.jsonl at 200 MB/s or more on one core, on realistic lines of 20 to 50
//    diagnostics; the project's generic pull reader (aws::json::JsonReader) and QJsonDocument read
//    the same bytes alongside, as references;
//  - a week of 5-minute results (2,016 objects) from a local folder to a complete series in 300 ms
//    or less (wall time: listing, reading, parsing on the pool, merging);
//  - a year of 5-minute results with diagnostics (105,120 predictions, about 100 MB) decimated
//    for a 2,000-pixel frame in 16 ms or less, and held in 250 MB or less (the counter
//    "series_MB" is the resident memory the series added).
// Inputs are generated at run time. The program prints the figures; it does not judge them.
#include "aws/jsonreader.h"
#include "results/events.h"
#include "results/foldersource.h"
#include "results/rangeloader.h"
#include "results/resultsparser.h"
#include "results/resultstime.h"
#include "results/series.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace {

constexpr qint64 kFiveMinutes = 5 * results::kMicrosecondsPerMinute;
const qint64 kStart = results::parseTimestamp("2022-01-01T00:00:00", 19).value();

// A line as the service writes it (json.dumps spacing), with `sensors` diagnostics whose shares
// have four or five decimals; every 20th line is an anomaly.
QByteArray resultLine(qint64 time, int sensors, QRandomGenerator &random)
{
    QByteArray line;
    line.reserve(160 + sensors * 48);
    const bool anomaly = random.bounded(20) == 0;
    line += R"({"timestamp": ")";
    line += results::timestampText(time).chopped(1); // no Z, as the service writes it
    line += R"(.000000", "prediction": )";
    line += anomaly ? "1" : "0";
    line += R"(, "prediction_reason": ")";
    line += anomaly ? "ANOMALY_DETECTED" : "NO_ANOMALY_DETECTED";
    line += R"(", "anomaly_score": )";
    line += QByteArray::number(
        anomaly ? 0.8 + random.generateDouble() * 0.19 : random.generateDouble() * 0.5, 'f', 5);
    line += R"(, "diagnostics": [)";
    for (int i = 0; i < sensors; ++i) {
        if (i > 0)
            line += ", ";
        line += R"({"name": ")";
        line += i < sensors / 2 ? "pump" : "motor";
        line += R"(\\Sensor)";
        line += QByteArray::number(i);
        line += R"(", "value": )";
        line += QByteArray::number(random.bounded(1000, 99999) / 1e6, 'f', 5 + i % 2);
        line += '}';
    }
    line += "]}\n";
    return line;
}

// Consecutive 5-minute lines from kStart, about `bytes` of them.
QByteArray resultsText(qint64 bytes, int sensors)
{
    QRandomGenerator random(42);
    QByteArray text;
    text.reserve(bytes + 4096);
    for (qint64 time = kStart; text.size() < bytes; time += kFiveMinutes)
        text += resultLine(time, sensors, random);
    return text;
}

void parseResults(benchmark::State &state)
{
    const QByteArray text = resultsText(16 << 20, static_cast<int>(state.range(0)));
    qint64 predictions = 0;
    for (auto _ : state) {
        results::ParsedResults parsed
            = results::ResultsParser::parse(text, QStringLiteral("bench"));
        predictions = parsed.report.predictions;
        benchmark::DoNotOptimize(parsed);
    }
    if (predictions == 0)
        state.SkipWithError("nothing parsed");
    state.SetBytesProcessed(state.iterations() * text.size());
    state.SetItemsProcessed(state.iterations() * predictions);
    state.counters["line_bytes"]
        = static_cast<double>(text.size()) / static_cast<double>(predictions);
}
BENCHMARK(parseResults)->Arg(20)->Arg(35)->Arg(50)->Unit(benchmark::kMillisecond);

// The same bytes fed in 64 KiB chunks, as a download arrives.
void parseResultsInChunks(benchmark::State &state)
{
    const QByteArray text = resultsText(16 << 20, 35);
    for (auto _ : state) {
        results::ResultsParser parser(QStringLiteral("bench"));
        for (qsizetype at = 0; at < text.size(); at += 64 * 1024)
            parser.feed(
                QByteArrayView(text).sliced(at, qMin<qsizetype>(64 * 1024, text.size() - at)));
        results::ParsedResults parsed = parser.finish();
        benchmark::DoNotOptimize(parsed);
    }
    state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(parseResultsInChunks)->Unit(benchmark::kMillisecond);

// Reference: the project's generic pull reader, every value of every line visited (names and
// reasons read as strings, numbers as text), nothing kept.
void jsonReaderVisitsEveryValue(benchmark::State &state)
{
    const QByteArray text = resultsText(16 << 20, 35);
    for (auto _ : state) {
        qsizetype lines = 0;
        QString string;
        aws::json::JsonNumber number;
        for (qsizetype at = 0; at < text.size();) {
            const qsizetype end = text.indexOf('\n', at);
            aws::json::JsonReader reader(QByteArrayView(text).sliced(at, end - at));
            QByteArrayView key;
            reader.beginObject();
            while (reader.nextMember(key)) {
                if (key == "diagnostics") {
                    reader.beginArray();
                    while (reader.nextElement()) {
                        reader.beginObject();
                        QByteArrayView inner;
                        while (reader.nextMember(inner)) {
                            if (inner == "name")
                                reader.readString(string);
                            else
                                reader.readNumber(number);
                        }
                    }
                } else if (key == "timestamp" || key == "prediction_reason") {
                    reader.readString(string);
                } else {
                    reader.readNumber(number);
                }
            }
            lines += reader.failed() ? 0 : 1;
            at = end + 1;
        }
        benchmark::DoNotOptimize(lines);
    }
    state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(jsonReaderVisitsEveryValue)->Unit(benchmark::kMillisecond);

// Reference: QJsonDocument parsing each line, values not read.
void qjsonDocumentPerLine(benchmark::State &state)
{
    const QByteArray text = resultsText(4 << 20, 35);
    for (auto _ : state) {
        for (qsizetype at = 0; at < text.size();) {
            const qsizetype end = text.indexOf('\n', at);
            QJsonDocument document = QJsonDocument::fromJson(text.sliced(at, end - at));
            benchmark::DoNotOptimize(document);
            at = end + 1;
        }
    }
    state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(qjsonDocumentPerLine)->Unit(benchmark::kMillisecond);

// A week of 5-minute executions, one object each, as `aws s3 sync` lays them out.
const QTemporaryDir &weekFolder()
{
    static const std::unique_ptr<QTemporaryDir> folder = [] {
        auto created = std::make_unique<QTemporaryDir>();
        QRandomGenerator random(7);
        for (int i = 0; i < 7 * 288; ++i) {
            const qint64 data = kStart + i * kFiveMinutes;
            const QByteArray name = results::timestampText(data + kFiveMinutes);
            const QString dir
                = created->filePath(QStringLiteral("output/") + QString::fromLatin1(name));
            QDir().mkpath(dir);
            QFile file(dir + QStringLiteral("/results.jsonl"));
            if (!file.open(QIODevice::WriteOnly) || file.write(resultLine(data, 30, random)) < 0)
                std::abort();
        }
        return created;
    }();
    return *folder;
}

void weekFromFolderToSeries(benchmark::State &state)
{
    const QString path = weekFolder().path();
    qsizetype predictions = 0;
    for (auto _ : state) {
        results::FolderSource source(path);
        results::RangeLoader loader(&source);
        QEventLoop loop;
        QObject::connect(&loader, &results::RangeLoader::finished, &loop, &QEventLoop::quit);
        loader.start(results::TimeRange::all());
        if (loader.isLoading())
            loop.exec();
        predictions = loader.series().size();
        benchmark::DoNotOptimize(predictions);
    }
    if (predictions != 7 * 288)
        state.SkipWithError("the series is not complete");
    state.SetItemsProcessed(state.iterations() * 7 * 288);
}
BENCHMARK(weekFromFolderToSeries)->Unit(benchmark::kMillisecond)->UseRealTime();

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * ::sysconf(_SC_PAGESIZE);
}

// A year of 5-minute results with 20 diagnostics each, parsed and merged in monthly objects.
struct Year {
    results::Series series;
    qint64 textBytes = 0;
    qint64 seriesBytes = 0;
};

const Year &year()
{
    static const std::unique_ptr<Year> built = [] {
        auto result = std::make_unique<Year>();
        QRandomGenerator random(365);
        const qint64 before = residentBytes();
        for (int month = 0; month < 12; ++month) {
            QByteArray text;
            for (int i = 0; i < 8760; ++i)
                text += resultLine(kStart + (month * 8760 + i) * kFiveMinutes, 20, random);
            result->textBytes += text.size();
            result->series.add(results::ResultsParser::parse(text, QString::number(month)),
                QStringLiteral("month-%1").arg(month, 2, 10, QLatin1Char('0')));
        }
        result->seriesBytes = residentBytes() - before;
        return result;
    }();
    return *built;
}

void decimateYearFor2000Pixels(benchmark::State &state)
{
    const Year &data = year();
    const results::Series &series = data.series;
    const qint64 from = series.at(0).time;
    const qint64 to = series.at(series.size() - 1).time + 1;
    for (auto _ : state) {
        std::vector<results::Bucket> buckets = series.decimate(from, to, 2000);
        benchmark::DoNotOptimize(buckets);
    }
    state.counters["predictions"] = static_cast<double>(series.size());
    state.counters["text_MB"] = static_cast<double>(data.textBytes) / 1e6;
    state.counters["series_MB"] = static_cast<double>(data.seriesBytes) / 1e6;
}
BENCHMARK(decimateYearFor2000Pixels)->Unit(benchmark::kMillisecond);

// What else a chart of the year asks for: the events, and the top sensors of each.
void eventsAndTopSensorsOfAYear(benchmark::State &state)
{
    const results::Series &series = year().series;
    std::size_t events = 0;
    for (auto _ : state) {
        const std::vector<results::Event> found = results::findEvents(series);
        for (const results::Event &event : found) {
            results::TopSensors top = results::topSensors(results::contributions(series, event));
            benchmark::DoNotOptimize(top);
        }
        events = found.size();
    }
    state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(eventsAndTopSensorsOfAYear)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
