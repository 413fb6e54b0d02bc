// Decoding and encoding speed of the Lookout JSON codec. The target: at least 100,000
// DescribeInferenceScheduler responses (a realistic 1.2 KB body with all 14 members) decoded per
// second on one core. QJsonDocument parsing of the same body is measured alongside as the
// reference the codec's own reader replaces.
#include "lookout/jsoncodec.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

namespace {

QByteArray describeBody()
{
    QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/lookout/describe-full.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
    return file.readAll();
}

lookout::InferenceScheduler describedScheduler()
{
    const auto result = lookout::json::decodeDescribeInferenceScheduler(describeBody());
    if (!result.ok()) {
        std::fprintf(
            stderr, "describe-full.json does not decode: %s\n", qPrintable(result.error().message));
        std::exit(1);
    }
    return result.value();
}

// A full ListInferenceSchedulers page: 500 summaries, about 250 KB.
QByteArray listPageBody()
{
    lookout::InferenceSchedulerPage page;
    const lookout::InferenceSchedulerSummary summary = lookout::summaryOf(describedScheduler());
    for (int i = 0; i < 500; ++i) {
        lookout::InferenceSchedulerSummary numbered = summary;
        numbered.inferenceSchedulerName = QStringLiteral("pump-station-%1-bearing-hourly").arg(i);
        page.summaries.append(numbered);
    }
    page.nextToken = QStringLiteral("eyJwYWdlIjoyfQ==");
    return lookout::json::encodeListInferenceSchedulers(page);
}

void decodeDescribe(benchmark::State &state)
{
    const QByteArray body = describeBody();
    for (auto _ : state) {
        auto result = lookout::json::decodeDescribeInferenceScheduler(body);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(decodeDescribe);

// Reference: QJsonDocument only parses the body here; reading the members out would cost more.
void qjsonDocumentParseDescribe(benchmark::State &state)
{
    const QByteArray body = describeBody();
    for (auto _ : state) {
        QJsonDocument document = QJsonDocument::fromJson(body);
        benchmark::DoNotOptimize(document);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(qjsonDocumentParseDescribe);

void decodeListPage500(benchmark::State &state)
{
    const QByteArray body = listPageBody();
    for (auto _ : state) {
        auto result = lookout::json::decodeListInferenceSchedulers(body);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations() * 500);
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(decodeListPage500);

void decodeCliDescribe(benchmark::State &state)
{
    const QByteArray body = lookout::json::cliDescribeInferenceScheduler(describedScheduler());
    for (auto _ : state) {
        auto result = lookout::json::decodeCliDescribeInferenceScheduler(body);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(decodeCliDescribe);

void encodeDescribeWire(benchmark::State &state)
{
    const lookout::InferenceScheduler scheduler = describedScheduler();
    for (auto _ : state) {
        QByteArray body = lookout::json::encodeDescribeInferenceScheduler(scheduler);
        benchmark::DoNotOptimize(body);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(encodeDescribeWire);

void encodeDescribeCli(benchmark::State &state)
{
    const lookout::InferenceScheduler scheduler = describedScheduler();
    for (auto _ : state) {
        QByteArray text = lookout::json::cliDescribeInferenceScheduler(scheduler);
        benchmark::DoNotOptimize(text);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(encodeDescribeCli);

} // namespace

BENCHMARK_MAIN();
