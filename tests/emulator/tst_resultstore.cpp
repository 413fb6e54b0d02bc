// The results the emulator's executions wrote: one object per SUCCESS execution under the
// scheduler's output prefix, content readable by the product's own parser (lines per data
// point, shares summing to 1, MACHINE_OFF without diagnostics, runs of anomalies across objects,
// the newest object agreeing with LatestInferenceResult), keys listed in S3's order across
// schedulers whose prefixes nest, lookups of exact keys only.
#include "emulator/executionhistory.h"
#include "emulator/fleetgenerator.h"
#include "emulator/resultstore.h"
#include "results/resultsparser.h"

#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using emulator::Fleet;
using emulator::ModelDescription;
using emulator::ResultStore;
using emulator::ResultsWriter;
using emulator::SchedulerRecord;

namespace {

constexpr qint64 kMinute = 60'000'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kNow = 1'772'618'400'000'000; // 2026-03-04T10:00:00Z

ModelDescription model(const QString &name, const char *sampling, bool offCondition)
{
    ModelDescription result;
    result.modelName = name;
    result.modelArn = u"arn:aws:lookoutequipment:us-east-1:123456789012:model/"_s + name;
    result.schema = QStringLiteral(
        "{\"Components\":[{\"ComponentName\":\"pump\",\"Columns\":["
        "{\"Name\":\"Timestamp\",\"Type\":\"DATETIME\"},{\"Name\":\"flow_rate\",\"Type\":"
        "\"DOUBLE\"},"
        "{\"Name\":\"motor_current\",\"Type\":\"DOUBLE\"}]},{\"ComponentName\":\"motor\","
        "\"Columns\":[{\"Name\":\"Timestamp\",\"Type\":\"DATETIME\"},"
        "{\"Name\":\"bearing_temp\",\"Type\":\"DOUBLE\"}]}]}");
    result.targetSamplingRate = QString::fromLatin1(sampling);
    if (offCondition)
        result.offCondition = QStringLiteral("pump\\flow_rate < 0.5");
    return result;
}

SchedulerRecord scheduler(const QString &name, const QString &bucket, const QString &prefix,
    const char *frequency, quint64 seed, const QString &modelName = u"pump-v1"_s)
{
    SchedulerRecord result;
    result.scheduler.inferenceSchedulerName = name;
    result.scheduler.modelName = modelName;
    result.scheduler.dataUploadFrequency = QString::fromLatin1(frequency);
    result.scheduler.dataDelayOffsetInMinutes = 0;
    result.scheduler.dataOutputConfiguration
        = lookout::InferenceOutputConfiguration { lookout::S3Location { bucket, prefix },
              std::nullopt };
    result.scheduler.latestInferenceResult = QStringLiteral("NORMAL");
    result.runs = { emulator::RunInterval { kNow - 30 * kDay, std::nullopt } };
    result.historySeed = seed;
    return result;
}

QList<QByteArray> allKeys(const ResultStore &store, const QByteArray &bucket,
    const QByteArray &bound = {}, ResultStore::From from = ResultStore::From::Inclusive)
{
    QList<QByteArray> keys;
    ResultStore::Cursor cursor = store.keys(bucket, bound, from, kNow);
    while (const std::optional<emulator::StoredObject> object = cursor.next())
        keys.append(object->key);
    return keys;
}

} // namespace

class TestResultStore : public QObject {
    Q_OBJECT
private slots:
    void sensorsOfSchema_skipTheTimestampColumns();
    void durations();
    void content_oneLinePerDataPoint_readByTheProductsParser();
    void content_isTheSameOnEveryRequest();
    void machineOff_hasNeitherScoreNorDiagnostics();
    void anomalies_comeInRunsAcrossExecutions();
    void newestObject_agreesWithLatestInferenceResult();
    void keys_areTheSuccessfulExecutionsCustomerResultObjects();
    void aWeekOfFiveMinuteExecutions();
    void keys_mergeInByteOrder_whenPrefixesNest();
    void keys_fromABound();
    void find_onlyExactKeysOfKeptObjects();
    void generatedFleet_everyBucketListsAndServes();
};

void TestResultStore::sensorsOfSchema_skipTheTimestampColumns()
{
    QCOMPARE(ResultsWriter::sensorsOfSchema(*model(u"m"_s, "PT1M", false).schema),
        QStringList({ u"pump\\flow_rate"_s, u"pump\\motor_current"_s, u"motor\\bearing_temp"_s }));
    QVERIFY(ResultsWriter::sensorsOfSchema(u"not json"_s).isEmpty());
    QVERIFY(ResultsWriter::sensorsOfSchema(QString()).isEmpty());
}

void TestResultStore::durations()
{
    QCOMPARE(ResultsWriter::durationMicros(u"PT1M"_s), kMinute);
    QCOMPARE(ResultsWriter::durationMicros(u"PT10M"_s), 10 * kMinute);
    QCOMPARE(ResultsWriter::durationMicros(u"PT1H"_s), kHour);
    QCOMPARE(ResultsWriter::durationMicros(u"PT30S"_s), 30'000'000);
    QCOMPARE(ResultsWriter::durationMicros(u"P1D"_s), 0);
    QCOMPARE(ResultsWriter::durationMicros(u"PTM"_s), 0);
    QCOMPARE(ResultsWriter::durationMicros(u"PT-5M"_s), 0);
}

void TestResultStore::content_oneLinePerDataPoint_readByTheProductsParser()
{
    // A 10-minute window sampled every minute has 10 points; a 5-minute window with a 10-minute
    // model rate has one (the window bounds the step).
    const Fleet fleet({ scheduler(u"a"_s, u"b"_s, u"a/"_s, "PT10M", 5),
                          scheduler(u"c"_s, u"b"_s, u"c/"_s, "PT5M", 6, u"slow-v1"_s) },
        { model(u"pump-v1"_s, "PT1M", false), model(u"slow-v1"_s, "PT10M", false) });
    const ResultsWriter writer(fleet);
    const qint64 scheduled = kNow - 2 * kHour;
    const QByteArray body
        = writer.write(fleet.at(0), scheduled, ResultsWriter::Latest::Unconstrained);
    const results::ParsedResults parsed = results::ResultsParser::parse(body, u"a"_s);
    QVERIFY2(parsed.report.issueCount() == 0, body.constData());
    QCOMPARE(parsed.predictions.size(), std::size_t(10));
    QCOMPARE(parsed.predictions.front().time, scheduled - 10 * kMinute);
    QCOMPARE(parsed.predictions.back().time, scheduled - kMinute);
    QCOMPARE(body.count('\n'), 10);
    QVERIFY(body.startsWith("{\"timestamp\": \""));
    QVERIFY(body.contains("\"name\": \"pump\\\\flow_rate\""));
    for (const results::Prediction &prediction : parsed.predictions) {
        QVERIFY(prediction.has(results::Prediction::HasPrediction));
        QVERIFY(prediction.has(results::Prediction::HasScore));
        QCOMPARE(prediction.diagnosticCount, 3u);
        double sum = 0;
        for (quint32 d = 0; d < prediction.diagnosticCount; ++d)
            sum += parsed.diagnostics[prediction.firstDiagnostic + d].share;
        QVERIFY2(qAbs(sum - 1.0) < 1e-6, qPrintable(QString::number(sum)));
        QCOMPARE(prediction.isAnomaly(), prediction.reason == results::Reason::AnomalyDetected);
    }
    const QByteArray single
        = writer.write(fleet.at(1), scheduled, ResultsWriter::Latest::Unconstrained);
    QCOMPARE(single.count('\n'), 1);
}

void TestResultStore::content_isTheSameOnEveryRequest()
{
    const emulator::GeneratedFleetSpec spec { 40, 7, u"us-east-1"_s };
    const Fleet first = emulator::generateFleet(spec, kNow);
    const Fleet second = emulator::generateFleet(spec, kNow);
    const ResultStore a(first);
    const ResultStore b(second);
    const QByteArray bucket = a.buckets().first().name;
    ResultStore::Cursor ca = a.keys(bucket, {}, ResultStore::From::Inclusive, kNow);
    ResultStore::Cursor cb = b.keys(bucket, {}, ResultStore::From::Inclusive, kNow);
    for (int i = 0; i < 300; ++i) {
        const auto oa = ca.next();
        const auto ob = cb.next();
        QVERIFY(oa && ob);
        QCOMPARE(oa->key, ob->key);
        const emulator::ObjectContent content = a.content(*oa);
        QCOMPARE(content.body, b.content(*ob).body);
        QCOMPARE(content.etag, a.content(*oa).etag);
        QVERIFY(content.etag.startsWith('"') && content.etag.size() == 34);
        QVERIFY(content.lastModified > oa->scheduled);
        QVERIFY(content.lastModified < oa->scheduled + emulator::kProcessingSeconds * 1'000'000);
    }
}

void TestResultStore::machineOff_hasNeitherScoreNorDiagnostics()
{
    const Fleet fleet(
        { scheduler(u"a"_s, u"b"_s, u"a/"_s, "PT1H", 21) }, { model(u"pump-v1"_s, "PT5M", true) });
    const ResultsWriter writer(fleet);
    int off = 0;
    for (qint64 hour = 1; hour <= 24 * 7; ++hour) {
        const QByteArray body
            = writer.write(fleet.at(0), kNow - hour * kHour, ResultsWriter::Latest::Unconstrained);
        const results::ParsedResults parsed = results::ResultsParser::parse(body, u"x"_s);
        QCOMPARE(parsed.predictions.size(), std::size_t(12));
        for (const results::Prediction &prediction : parsed.predictions) {
            if (prediction.reason != results::Reason::MachineOff)
                continue;
            ++off;
            QCOMPARE(prediction.prediction, 0);
            QVERIFY(!prediction.has(results::Prediction::HasScore));
            QVERIFY(!prediction.has(results::Prediction::HasDiagnostics));
        }
    }
    QVERIFY2(off > 0, "a model with an OffCondition has machine-off periods in a week");

    // Without an OffCondition, never.
    const Fleet always(
        { scheduler(u"a"_s, u"b"_s, u"a/"_s, "PT1H", 21) }, { model(u"pump-v1"_s, "PT5M", false) });
    const ResultsWriter alwaysOn(always);
    for (qint64 hour = 1; hour <= 24 * 7; ++hour) {
        QVERIFY(
            !alwaysOn.write(always.at(0), kNow - hour * kHour, ResultsWriter::Latest::Unconstrained)
                 .contains("MACHINE_OFF"));
    }
}

void TestResultStore::anomalies_comeInRunsAcrossExecutions()
{
    const Fleet fleet(
        { scheduler(u"a"_s, u"b"_s, u"a/"_s, "PT5M", 3) }, { model(u"pump-v1"_s, "PT1M", false) });
    const ResultsWriter writer(fleet);
    int longestRun = 0;
    int run = 0;
    int anomalies = 0;
    int points = 0;
    for (qint64 slot = 7 * 24 * 12; slot >= 1; --slot) {
        const QByteArray body = writer.write(
            fleet.at(0), kNow - slot * 5 * kMinute, ResultsWriter::Latest::Unconstrained);
        for (const results::Prediction &prediction :
            results::ResultsParser::parse(body, u"x"_s).predictions) {
            ++points;
            run = prediction.isAnomaly() ? run + 1 : 0;
            anomalies += prediction.isAnomaly() ? 1 : 0;
            longestRun = qMax(longestRun, run);
        }
    }
    QCOMPARE(points, 7 * 24 * 60);
    QVERIFY2(longestRun >= 15, qPrintable(QString::number(longestRun))); // over several objects
    QVERIFY2(anomalies > 0 && anomalies < points / 4, qPrintable(QString::number(anomalies)));
}

void TestResultStore::newestObject_agreesWithLatestInferenceResult()
{
    const Fleet fleet(
        { scheduler(u"a"_s, u"b"_s, u"a/"_s, "PT5M", 3) }, { model(u"pump-v1"_s, "PT1M", false) });
    const ResultsWriter writer(fleet);
    for (qint64 slot = 1; slot <= 300; ++slot) {
        const qint64 scheduled = kNow - slot * 5 * kMinute;
        const auto anomalous = results::ResultsParser::parse(
            writer.write(fleet.at(0), scheduled, ResultsWriter::Latest::Anomalous), u"x"_s);
        QVERIFY(anomalous.predictions.back().isAnomaly());
        const auto normal = results::ResultsParser::parse(
            writer.write(fleet.at(0), scheduled, ResultsWriter::Latest::Normal), u"x"_s);
        QVERIFY(std::none_of(normal.predictions.begin(), normal.predictions.end(),
            [](const results::Prediction &p) { return p.isAnomaly(); }));
    }

    // The store applies it to the newest object only.
    SchedulerRecord record = scheduler(u"a"_s, u"b"_s, u"a/"_s, "PT5M", 3);
    record.scheduler.latestInferenceResult = QStringLiteral("ANOMALOUS");
    const Fleet anomalousFleet({ record }, { model(u"pump-v1"_s, "PT1M", false) });
    const ResultStore store(anomalousFleet);
    const QList<QByteArray> keys = allKeys(store, "b");
    const auto newest = store.find("b", keys.last(), kNow);
    QVERIFY(newest);
    QCOMPARE(newest->latest, ResultsWriter::Latest::Anomalous);
    QCOMPARE(store.find("b", keys.at(keys.size() - 2), kNow)->latest,
        ResultsWriter::Latest::Unconstrained);
}

void TestResultStore::keys_areTheSuccessfulExecutionsCustomerResultObjects()
{
    const Fleet fleet({ scheduler(u"a"_s, u"b"_s, u"out/a/"_s, "PT15M", 8) },
        { model(u"pump-v1"_s, "PT1M", false) });
    const ResultStore store(fleet);
    emulator::ExecutionFilter success;
    success.status = QStringLiteral("SUCCESS");
    const auto executions
        = emulator::listExecutions(fleet.at(0), success, std::nullopt, 100'000, kNow).executions;
    QList<QByteArray> expected;
    for (const auto &execution : executions)
        expected.prepend(execution.customerResultObject->key->toUtf8());
    QCOMPARE(allKeys(store, "b"), expected);
    QCOMPARE(expected.size(),
        static_cast<qsizetype>(emulator::successfulExecutions(fleet.at(0), kNow).size()));
}

void TestResultStore::aWeekOfFiveMinuteExecutions()
{
    const Fleet fleet(
        { scheduler(u"a"_s, u"b"_s, u"a/"_s, "PT5M", 8) }, { model(u"pump-v1"_s, "PT1M", false) });
    const ResultStore store(fleet);
    const qsizetype count = allKeys(store, "b").size();
    // 2,016 slots in 7 days, less the ~4 % that failed and the newest still in progress.
    QVERIFY2(count > 1850 && count < 2016, qPrintable(QString::number(count)));
    const auto all = emulator::listExecutions(fleet.at(0), {}, std::nullopt, 100'000, kNow);
    QCOMPARE(all.executions.size(), 2017); // both ends of the 7 days are slots
}

void TestResultStore::keys_mergeInByteOrder_whenPrefixesNest()
{
    // "a/" holds "a/b/…" keys of another scheduler between its own, two share "same/", one has
    // no prefix at all, another is in another bucket, and one name sorts after 'z' in UTF-8.
    const Fleet fleet({ scheduler(u"s1"_s, u"b"_s, u"a/"_s, "PT1H", 1),
                          scheduler(u"s2"_s, u"b"_s, u"a/b/"_s, "PT1H", 2),
                          scheduler(u"s3"_s, u"b"_s, u"same/"_s, "PT1H", 3),
                          scheduler(u"s4"_s, u"b"_s, u"same/"_s, "PT30M", 4),
                          scheduler(u"s5"_s, u"b"_s, QString(), "PT1H", 5),
                          scheduler(u"s6"_s, u"other"_s, u"a/"_s, "PT1H", 6),
                          scheduler(u"s7"_s, u"b"_s, u"é t+%/"_s, "PT1H", 7) },
        { model(u"pump-v1"_s, "PT1M", false) });
    const ResultStore store(fleet);
    QList<QByteArray> expected;
    for (int i = 0; i < fleet.size(); ++i) {
        const auto &output = *fleet.at(i).scheduler.dataOutputConfiguration->s3OutputConfiguration;
        if (*output.bucket != QLatin1String("b"))
            continue;
        for (const qint64 time : emulator::successfulExecutions(fleet.at(i), kNow))
            expected.append(
                (output.prefix.value_or(QString()) + emulator::resultObjectName(fleet.at(i), time))
                    .toUtf8());
    }
    std::sort(expected.begin(), expected.end());
    const QList<QByteArray> keys = allKeys(store, "b");
    QCOMPARE(keys.size(), expected.size());
    QCOMPARE(keys, expected);
    QVERIFY(keys.last().startsWith("\xc3\xa9 t+%/"));
    QVERIFY(allKeys(store, "nothing").isEmpty());
    QCOMPARE(store.buckets().size(), 2);
    QCOMPARE(store.buckets().first().name, QByteArray("b"));
}

void TestResultStore::keys_fromABound()
{
    const Fleet fleet({ scheduler(u"s1"_s, u"b"_s, u"a/"_s, "PT1H", 1),
                          scheduler(u"s2"_s, u"b"_s, u"a/b/"_s, "PT1H", 2),
                          scheduler(u"s3"_s, u"b"_s, u"c/"_s, "PT1H", 3) },
        { model(u"pump-v1"_s, "PT1M", false) });
    const ResultStore store(fleet);
    const QList<QByteArray> keys = allKeys(store, "b");
    for (const qsizetype at :
        { qsizetype(0), qsizetype(1), keys.size() / 3, keys.size() / 2, keys.size() - 1 }) {
        QCOMPARE(allKeys(store, "b", keys[at], ResultStore::From::Inclusive), keys.mid(at));
        QCOMPARE(allKeys(store, "b", keys[at], ResultStore::From::Exclusive), keys.mid(at + 1));
    }
    // A bound that is no key: "a/b/" is a prefix of some keys and after others.
    const auto firstAfter = std::find_if(
        keys.begin(), keys.end(), [](const QByteArray &key) { return key >= QByteArray("a/b/"); });
    QCOMPARE(allKeys(store, "b", "a/b/"), QList<QByteArray>(firstAfter, keys.end()));
    QVERIFY(allKeys(store, "b", "d").isEmpty());
}

void TestResultStore::find_onlyExactKeysOfKeptObjects()
{
    const Fleet fleet({ scheduler(u"s1"_s, u"b"_s, u"a/"_s, "PT1H", 1),
                          scheduler(u"s2"_s, u"b"_s, u"a/b/"_s, "PT1H", 2) },
        { model(u"pump-v1"_s, "PT1M", false) });
    const ResultStore store(fleet);
    for (const QByteArray &key : allKeys(store, "b")) {
        const auto object = store.find("b", key, kNow);
        QVERIFY(object);
        QCOMPARE(object->key, key);
        QCOMPARE(object->scheduler, key.startsWith("a/b/") ? 1 : 0);
    }
    const QByteArray key = allKeys(store, "b").first();
    QVERIFY(!store.find("other", key, kNow));
    QVERIFY(!store.find("b", key + "x", kNow));
    QVERIFY(!store.find("b", key.chopped(1), kNow));
    QVERIFY(!store.find("b", "a/2026-03-04T10:30:00Z/results.jsonl", kNow)); // in the future
    QVERIFY(!store.find("b", "a/2026-03-04T09:00:00.000Z/results.jsonl", kNow));
    QVERIFY(!store.find("b", "a/2020-01-01T00:00:00Z/results.jsonl", kNow)); // long gone
    // A failed execution wrote nothing.
    emulator::ExecutionFilter failed;
    failed.status = QStringLiteral("FAILED");
    const auto failures
        = emulator::listExecutions(fleet.at(0), failed, std::nullopt, 1, kNow).executions;
    QVERIFY(!failures.isEmpty());
    QVERIFY(!store.find("b",
        "a/"
            + emulator::resultObjectName(
                fleet.at(0), failures.first().scheduledStartTime->epochMicroseconds)
                  .toUtf8(),
        kNow));
}

void TestResultStore::generatedFleet_everyBucketListsAndServes()
{
    const Fleet fleet
        = emulator::generateFleet(emulator::GeneratedFleetSpec { 200, 1, u"us-east-1"_s }, kNow);
    const ResultStore store(fleet);
    QCOMPARE(store.buckets().size(), 1);
    const QByteArray bucket = store.buckets().first().name;
    int withObjects = 0;
    for (int i = 0; i < fleet.size(); ++i) {
        const auto &output = *fleet.at(i).scheduler.dataOutputConfiguration->s3OutputConfiguration;
        QCOMPARE(output.bucket->toUtf8(), bucket);
        const QByteArray prefix = output.prefix->toUtf8();
        QList<QByteArray> keys;
        ResultStore::Cursor cursor = store.keys(bucket, prefix, ResultStore::From::Inclusive, kNow);
        for (auto object = cursor.next(); object && object->key.startsWith(prefix);
             object = cursor.next())
            keys.append(object->key);
        const qsizetype count = keys.size();
        QCOMPARE(static_cast<std::size_t>(count),
            emulator::successfulExecutions(fleet.at(i), kNow).size());
        if (count > 0) {
            ++withObjects;
            const auto object = store.find(bucket, keys.first(), kNow);
            QVERIFY(object);
            QVERIFY(!store.content(*object).body.isEmpty());
        }
    }
    QCOMPARE(withObjects, fleet.size()); // every generated scheduler has run
}

QTEST_GUILESS_MAIN(TestResultStore)
#include "tst_resultstore.moc"
