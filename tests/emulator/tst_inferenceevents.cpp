// The emulator's inference events over the whole default fleet (200 schedulers, seed 1): they
// agree with each scheduler's LatestInferenceResult and status, their Diagnostics name the
// model's sensors with shares summing to 1, and they are exactly the anomalous runs of the
// results.jsonl objects the S3 subset serves, read back by the product's own parser.
#include "emulator/executionhistory.h"
#include "emulator/fleetgenerator.h"
#include "emulator/inferenceevents.h"
#include "emulator/resultstore.h"
#include "results/resultsparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace Qt::StringLiterals;
using emulator::Fleet;
using emulator::InferenceEvent;
using emulator::ResultsWriter;
using emulator::SchedulerRecord;

namespace {

constexpr qint64 kMinute = 60'000'000;
constexpr qint64 kDay = 24 * 60 * kMinute;
constexpr qint64 kNow = 1'772'618'400'000'000; // 2026-03-04T10:00:00Z

const Fleet &defaultFleet()
{
    // What `lookout-desk emulator` serves by default (EmulatorOptions: 200 schedulers, seed 1).
    static const Fleet fleet = emulator::generateFleet(emulator::GeneratedFleetSpec {}, kNow);
    return fleet;
}

QStringList modelSensors(const Fleet &fleet, const SchedulerRecord &record)
{
    const emulator::ModelDescription *model = fleet.model(*record.scheduler.modelName);
    return model ? ResultsWriter::sensorsOfSchema(model->schema.value_or(QString()))
                 : QStringList();
}

struct Run {
    qint64 start = 0;
    qint64 lastPoint = 0;
    friend bool operator==(const Run &, const Run &) = default;
};

} // namespace

class TestInferenceEvents : public QObject {
    Q_OBJECT
private slots:
    void defaultFleet_eventsAgreeWithLatestResultAndStatus();
    void defaultFleet_diagnosticsNameTheModelsSensors_sharesSumToOne();
    void events_areTheAnomalousRunsOfTheResultsObjects();
    void listEvents_interval_andPagingAfterACursor();
};

void TestInferenceEvents::defaultFleet_eventsAgreeWithLatestResultAndStatus()
{
    const Fleet &fleet = defaultFleet();
    const ResultsWriter writer(fleet);
    int anomalous = 0;
    int normal = 0;
    int stopped = 0;
    for (int i = 0; i < fleet.size(); ++i) {
        const SchedulerRecord &record = fleet.at(i);
        const std::vector<qint64> executions = emulator::successfulExecutions(record, kNow);
        const std::vector<InferenceEvent> events = emulator::inferenceEvents(writer, record, kNow);
        for (std::size_t e = 0; e < events.size(); ++e) {
            QVERIFY(events[e].start < events[e].end);
            if (e > 0)
                QVERIFY(events[e - 1].end <= events[e].start);
        }
        if (executions.empty())
            continue;
        const emulator::ExecutionWindow latest
            = emulator::executionWindow(record, executions.back());
        const auto overlapsLatest = [&](const InferenceEvent &event) {
            return event.start < latest.dataEnd && event.end > latest.dataStart;
        };
        const QString name = record.name();
        if (record.scheduler.latestInferenceResult == u"ANOMALOUS"_s) {
            ++anomalous;
            QVERIFY2(std::any_of(events.begin(), events.end(), overlapsLatest), qPrintable(name));
        } else if (record.scheduler.latestInferenceResult == u"NORMAL"_s) {
            ++normal;
            QVERIFY2(std::none_of(events.begin(), events.end(), overlapsLatest), qPrintable(name));
        }
        if (record.status() == u"STOPPED"_s) {
            ++stopped;
            const qint64 stoppedAt = *record.runs.last().end;
            for (const InferenceEvent &event : events)
                QVERIFY2(event.end <= stoppedAt, qPrintable(name));
        }
    }
    // The fleet has all three kinds, so none of the checks above went unexercised.
    QVERIFY2(anomalous > 5 && normal > 50 && stopped > 5,
        qPrintable(
            u"%1 anomalous, %2 normal, %3 stopped"_s.arg(anomalous).arg(normal).arg(stopped)));
}

void TestInferenceEvents::defaultFleet_diagnosticsNameTheModelsSensors_sharesSumToOne()
{
    const Fleet &fleet = defaultFleet();
    const ResultsWriter writer(fleet);
    int checked = 0;
    for (int i = 0; i < fleet.size(); ++i) {
        const SchedulerRecord &record = fleet.at(i);
        const QStringList sensors = modelSensors(fleet, record);
        QVERIFY(!sensors.isEmpty());
        for (const InferenceEvent &event : emulator::inferenceEvents(writer, record, kNow)) {
            QVERIFY(event.diagnostics);
            QJsonParseError error;
            const QJsonDocument document
                = QJsonDocument::fromJson(event.diagnostics->toUtf8(), &error);
            QVERIFY2(document.isArray(), qPrintable(error.errorString()));
            QStringList names;
            qint64 units = 0;
            const double denominator = sensors.size() <= 50 ? 100 : 10'000;
            for (const QJsonValue &entry : document.array()) {
                names.append(entry[u"name"_s].toString());
                const double value = entry[u"value"_s].toDouble();
                QVERIFY(value >= 0 && value <= 1);
                units += std::llround(value * denominator);
            }
            QCOMPARE(names, sensors);
            QCOMPARE(units, qint64(denominator));
            ++checked;
        }
    }
    QVERIFY(checked > 1000);
}

void TestInferenceEvents::events_areTheAnomalousRunsOfTheResultsObjects()
{
    const Fleet &fleet = defaultFleet();
    const emulator::ResultStore store(fleet);
    const ResultsWriter writer(fleet);
    // Every tenth scheduler: its objects as S3 serves them, parsed as the product reads them.
    for (int i = 0; i < fleet.size(); i += 10) {
        const SchedulerRecord &record = fleet.at(i);
        const auto &output = *record.scheduler.dataOutputConfiguration->s3OutputConfiguration;
        const QByteArray bucket = output.bucket->toUtf8();
        QList<Run> runs;
        std::optional<qint64> previousEnd;
        bool inRun = false;
        for (const qint64 scheduled : emulator::successfulExecutions(record, kNow)) {
            const QByteArray key = output.prefix.value_or(QString()).toUtf8()
                + emulator::resultObjectName(record, scheduled).toUtf8();
            const std::optional<emulator::StoredObject> object = store.find(bucket, key, kNow);
            QVERIFY2(object, key.constData());
            const emulator::ExecutionWindow window = emulator::executionWindow(record, scheduled);
            if (previousEnd != window.dataStart)
                inRun = false; // no results between the two windows
            previousEnd = window.dataEnd;
            const results::ParsedResults parsed = results::ResultsParser::parse(
                store.content(*object).body, QString::fromUtf8(key));
            for (const results::Prediction &prediction : parsed.predictions) {
                if (!prediction.isAnomaly()) {
                    inRun = false;
                    continue;
                }
                if (!inRun)
                    runs.append(Run { prediction.time, prediction.time });
                runs.last().lastPoint = prediction.time;
                inRun = true;
            }
        }
        QList<Run> fromEvents;
        for (const InferenceEvent &event : emulator::inferenceEvents(writer, record, kNow))
            fromEvents.append(Run { event.start, event.end });
        QCOMPARE(fromEvents.size(), runs.size());
        for (qsizetype r = 0; r < runs.size(); ++r) {
            QCOMPARE(fromEvents[r].start, runs[r].start);
            // The event ends where its last point's time step ends.
            QVERIFY(fromEvents[r].lastPoint > runs[r].lastPoint);
            QVERIFY(fromEvents[r].lastPoint - runs[r].lastPoint <= 60 * kMinute);
        }
    }
}

void TestInferenceEvents::listEvents_interval_andPagingAfterACursor()
{
    const Fleet &fleet = defaultFleet();
    const ResultsWriter writer(fleet);
    const SchedulerRecord *busiest = nullptr;
    std::size_t most = 0;
    for (int i = 0; i < fleet.size(); ++i) {
        const std::size_t count = emulator::inferenceEvents(writer, fleet.at(i), kNow).size();
        if (count > most) {
            most = count;
            busiest = &fleet.at(i);
        }
    }
    QVERIFY(busiest && most > 10);
    const std::vector<InferenceEvent> all = emulator::inferenceEvents(writer, *busiest, kNow);

    // An interval from inside one event to inside another keeps both, whole.
    const InferenceEvent &first = all[2];
    const InferenceEvent &last = all[6];
    const qint64 from = first.start + (first.end - first.start) / 2;
    const qint64 to = last.start + (last.end - last.start) / 2;
    const auto inside = emulator::listEvents(writer, *busiest, from, to, std::nullopt, 500, kNow);
    QCOMPARE(inside.events.size(), 5);
    QCOMPARE(inside.events.first().eventStartTime->epochMicroseconds, first.start);
    QCOMPARE(inside.events.last().eventEndTime->epochMicroseconds, last.end);
    QVERIFY(!inside.continueAfter);
    for (const auto &summary : inside.events) {
        QCOMPARE(*summary.eventDurationInSeconds,
            (summary.eventEndTime->epochMicroseconds - summary.eventStartTime->epochMicroseconds)
                / 1'000'000);
        QCOMPARE(summary.inferenceSchedulerName, busiest->scheduler.inferenceSchedulerName);
        QCOMPARE(summary.inferenceSchedulerArn, busiest->scheduler.inferenceSchedulerArn);
    }
    // An interval between two events has none.
    QVERIFY(emulator::listEvents(
        writer, *busiest, all[3].end + 1, all[4].start - 1, std::nullopt, 500, kNow)
                .events.isEmpty());

    // Pages of 3 after the cursor give every event once, oldest first.
    const qint64 wholeFrom = kNow - 8 * kDay;
    QList<qint64> paged;
    std::optional<qint64> after;
    do {
        const auto page = emulator::listEvents(writer, *busiest, wholeFrom, kNow, after, 3, kNow);
        QVERIFY(page.events.size() <= 3);
        for (const auto &summary : page.events)
            paged.append(summary.eventStartTime->epochMicroseconds);
        after = page.continueAfter;
    } while (after);
    QList<qint64> expected;
    for (const InferenceEvent &event : all)
        expected.append(event.start);
    QCOMPARE(paged, expected);
}

QTEST_GUILESS_MAIN(TestInferenceEvents)
#include "tst_inferenceevents.moc"
