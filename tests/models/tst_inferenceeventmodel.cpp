// InferenceEventModel against the in-process emulator (every event of an interval, decoded; a
// failed listing and Retry; a second load replacing the first) and a scripted endpoint (plain
// text, malformed and absent Diagnostics, absent members), under QAbstractItemModelTester; and
// the intervals the range choices stand for.
#include "emulatorlookout.h"
#include "lookoutjsonclient.h"
#include "models/inferenceeventmodel.h"
#include "results/events.h"
#include "results/resultstime.h"
#include "scriptedhttpserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using models::InferenceEventModel;
using State = models::InferenceEventModel::State;
using Form = results::EventDiagnostics::Form;

namespace {

constexpr int kWaitMs = 20'000;
constexpr qint64 kDay = results::kMicrosecondsPerDay;

} // namespace

class TestInferenceEventModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void intervalFor_rangeChoices();
    void load_listsEveryEventOfTheIntervalDecoded();
    void failedListing_keepsTheErrorAndRetrySucceeds();
    void secondLoad_replacesTheFirst();
    void diagnosticsNotAList_areShownAsText();
    void absentMembers_areNotSet();

private:
    QString anomalousScheduler();
    lookout::InferenceEventInterval last30Days() const;
    QList<lookout::InferenceEventSummary> listDirectly(
        const QString &name, const lookout::InferenceEventInterval &interval);

    testsupport::EmulatorLookout m_lookout;
};

void TestInferenceEventModel::initTestCase()
{
    QVERIFY2(m_lookout.start(), qPrintable(m_lookout.emulator->errorString()));
}

void TestInferenceEventModel::cleanupTestCase()
{
    m_lookout = {};
}

QString TestInferenceEventModel::anomalousScheduler()
{
    std::optional<aws::Result<QList<lookout::InferenceSchedulerSummary>>> listed;
    m_lookout.client().listInferenceSchedulers(
        {}, this, [](const auto &) {}, [&listed](const auto &result) { listed = result; });
    if (!QTest::qWaitFor([&] { return listed.has_value(); }, kWaitMs) || !listed->ok())
        return {};
    for (const lookout::InferenceSchedulerSummary &summary : listed->value()) {
        if (summary.latestInferenceResult == u"ANOMALOUS"_s)
            return *summary.inferenceSchedulerName;
    }
    return {};
}

lookout::InferenceEventInterval TestInferenceEventModel::last30Days() const
{
    const qint64 now = m_lookout.now();
    return { lookout::Timestamp { now - 30 * kDay }, lookout::Timestamp { now } };
}

QList<lookout::InferenceEventSummary> TestInferenceEventModel::listDirectly(
    const QString &name, const lookout::InferenceEventInterval &interval)
{
    std::optional<aws::Result<QList<lookout::InferenceEventSummary>>> listed;
    m_lookout.client().listInferenceEvents(
        name, interval, std::nullopt, this, [&listed](const auto &result) { listed = result; });
    if (!QTest::qWaitFor([&] { return listed.has_value(); }, kWaitMs) || !listed->ok())
        return {};
    return listed->value();
}

void TestInferenceEventModel::intervalFor_rangeChoices()
{
    const qint64 now = 1'000 * kDay;
    // Relative choices count back from now (the range chooser's `newest` is now).
    const auto week = InferenceEventModel::intervalFor(
        results::TimeRange::last(7 * kDay, now), now, 500 * kDay);
    QCOMPARE(week.start.epochMicroseconds, now - 7 * kDay);
    QCOMPARE(week.end.epochMicroseconds, now); // not past now
    // All: from the scheduler's creation, or the year before now without one.
    const auto all = InferenceEventModel::intervalFor(results::TimeRange::all(), now, 500 * kDay);
    QCOMPARE(all.start.epochMicroseconds, 500 * kDay);
    QCOMPARE(all.end.epochMicroseconds, now);
    const auto allUnknown
        = InferenceEventModel::intervalFor(results::TimeRange::all(), now, std::nullopt);
    QCOMPARE(allUnknown.start.epochMicroseconds, now - 365 * kDay);
    // Custom spans are kept; a start after the end is pulled back to it.
    const auto custom = InferenceEventModel::intervalFor({ 10 * kDay, 20 * kDay }, now, {});
    QCOMPARE(custom.start.epochMicroseconds, 10 * kDay);
    QCOMPARE(custom.end.epochMicroseconds, 20 * kDay);
    const auto future = InferenceEventModel::intervalFor({ now + kDay, now + 2 * kDay }, now, {});
    QCOMPARE(future.start.epochMicroseconds, now);
    QCOMPARE(future.end.epochMicroseconds, now);
}

void TestInferenceEventModel::load_listsEveryEventOfTheIntervalDecoded()
{
    const QString name = anomalousScheduler();
    QVERIFY(!name.isEmpty());
    const lookout::InferenceEventInterval interval = last30Days();
    const QList<lookout::InferenceEventSummary> expected = listDirectly(name, interval);
    QVERIFY(!expected.isEmpty());

    InferenceEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.load(m_lookout.client(), name, interval);
    QCOMPARE(model.state(), State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Loaded, kWaitMs);
    QVERIFY(!model.error());
    QCOMPARE(model.rowCount(), expected.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        const InferenceEventModel::Event *event = model.eventAt(row);
        QVERIFY(event);
        QCOMPARE(event->start, expected[row].eventStartTime->epochMicroseconds);
        QCOMPARE(event->end, expected[row].eventEndTime->epochMicroseconds);
        QCOMPARE(event->durationSeconds, expected[row].eventDurationInSeconds);
        // The emulator's Diagnostics are the service's JSON list, shares summing to 1.
        QCOMPARE(event->decoded.form, Form::Contributions);
        double sum = 0;
        for (const results::NamedShare &sensor : event->decoded.sensors) {
            QVERIFY(sensor.name.contains(u'\\'));
            sum += sensor.share;
        }
        QVERIFY2(qAbs(sum - 1) < 1e-6, qPrintable(QString::number(sum)));
        const results::Contributions shares = results::contributions(event->contributions, 0, 0);
        QCOMPARE(shares.sensors.size(), event->decoded.sensors.size());
        const QModelIndex sensors = model.index(row, InferenceEventModel::SensorsColumn);
        QVERIFY(sensors.data().toString().contains(
            event->contributions.sensorName(shares.sensors.front().sensor)));
        QCOMPARE(sensors.data(models::RawValueRole).toString(), *expected[row].diagnostics);
        QCOMPARE(model.index(row, InferenceEventModel::StartColumn)
                     .data(models::RawValueRole)
                     .toDateTime(),
            expected[row].eventStartTime->dateTime());
    }
    QVERIFY(model.index(0, InferenceEventModel::StartColumn)
                .data(models::AccessibleTextRole)
                .toString()
                .startsWith(u"Start: "_s));
}

void TestInferenceEventModel::failedListing_keepsTheErrorAndRetrySucceeds()
{
    const QString name = anomalousScheduler();
    QVERIFY(!name.isEmpty());
    emulator::FaultConfig failing;
    failing.internalErrorPercent = 100;
    QVERIFY(m_lookout.emulator->setFaults(failing));

    InferenceEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.retry()); // nothing loaded yet
    model.load(m_lookout.client(), name, last30Days());
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Failed, kWaitMs);
    QVERIFY(model.error());
    QCOMPARE(model.error()->code, u"InternalServerException"_s);
    QCOMPARE(model.rowCount(), 0);

    QVERIFY(m_lookout.emulator->setFaults({}));
    QVERIFY(model.retry());
    QCOMPARE(model.state(), State::Loading);
    QVERIFY(!model.error());
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Loaded, kWaitMs);
    QVERIFY(model.rowCount() > 0);
}

void TestInferenceEventModel::secondLoad_replacesTheFirst()
{
    const QString name = anomalousScheduler();
    QVERIFY(!name.isEmpty());
    const qint64 now = m_lookout.now();
    // An interval long past, with no events, asked for second.
    const lookout::InferenceEventInterval empty { lookout::Timestamp { now - 3000 * kDay },
        lookout::Timestamp { now - 2999 * kDay } };
    InferenceEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy states(&model, &InferenceEventModel::stateChanged);
    model.load(m_lookout.client(), name, last30Days());
    model.load(m_lookout.client(), name, empty);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Loaded, kWaitMs);
    QCOMPARE(model.interval(), empty);
    QCOMPARE(model.rowCount(), 0);
    // The first listing was dropped when the second began: Loading, Loading, Loaded.
    QCOMPARE(states.size(), 3);

    model.clear();
    QCOMPARE(model.state(), State::Empty);
    QVERIFY(!model.retry());
}

void TestInferenceEventModel::diagnosticsNotAList_areShownAsText()
{
    testsupport::ScriptedHttpServer server;
    QVERIFY(server.listen());
    const QString longText = QString(50'000, u'x');
    QJsonArray events;
    const auto event = [](double start, const QJsonValue &diagnostics) {
        QJsonObject object { { u"InferenceSchedulerName"_s, u"pump-1"_s },
            { u"EventStartTime"_s, start }, { u"EventEndTime"_s, start + 600 },
            { u"EventDurationInSeconds"_s, 600 } };
        if (!diagnostics.isUndefined())
            object.insert(u"Diagnostics"_s, diagnostics);
        return object;
    };
    events.append(event(1'700'000'000, u"Sensor3 drifted\nsecond line"_s));
    events.append(event(1'700'001'000, uR"([{"name": "a\\b", "value": 0.5})"_s));
    events.append(event(1'700'002'000, longText));
    events.append(event(1'700'003'000, u"[]"_s));
    events.append(event(1'700'004'000, QJsonValue(QJsonValue::Undefined)));
    server.enqueue(testsupport::ScriptedResponse::json(
        200, QJsonDocument(QJsonObject { { u"InferenceEventSummaries"_s, events } }).toJson()));
    const std::unique_ptr<aws::AwsJsonClient> jsonClient
        = testsupport::oneAttemptLookoutClient(m_lookout.network.get(), server.url(),
            u"us-east-1"_s, emulator::EmulatorOptions::demoCredentials());

    InferenceEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.load(lookout::LookoutClient(jsonClient.get()), u"pump-1"_s,
        { lookout::Timestamp { 0 }, lookout::Timestamp { 1'800'000'000LL * 1'000'000 } });
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Loaded, kWaitMs);
    QCOMPARE(model.rowCount(), 5);
    const auto sensors
        = [&model](int row) { return model.index(row, InferenceEventModel::SensorsColumn); };
    QCOMPARE(model.eventAt(0)->decoded.form, Form::Text);
    QCOMPARE(sensors(0).data().toString(), u"Sensor3 drifted …"_s);
    QCOMPARE(sensors(0).data(Qt::ToolTipRole).toString(), u"Sensor3 drifted\nsecond line"_s);
    QCOMPARE(model.eventAt(1)->decoded.form, Form::Text); // malformed
    QCOMPARE(model.eventAt(2)->decoded.text.size(), 50'000);
    QVERIFY(sensors(2).data(Qt::ToolTipRole).toString().size() < 2100);
    QCOMPARE(model.eventAt(3)->decoded.form, Form::Contributions);
    QCOMPARE(sensors(3).data().toString(), u"no sensors listed"_s);
    QCOMPARE(model.eventAt(4)->decoded.form, Form::Absent);
    QCOMPARE(sensors(4).data().toString(), u"not set"_s);
    QVERIFY(sensors(4).data(models::AbsentRole).toBool());
    QCOMPARE(model.index(0, InferenceEventModel::DurationColumn).data().toString(), u"10 min"_s);
}

void TestInferenceEventModel::absentMembers_areNotSet()
{
    testsupport::ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.enqueue(testsupport::ScriptedResponse::json(
        200, R"({"InferenceEventSummaries": [{"InferenceSchedulerName": "pump-1"}]})"));
    const std::unique_ptr<aws::AwsJsonClient> jsonClient
        = testsupport::oneAttemptLookoutClient(m_lookout.network.get(), server.url(),
            u"us-east-1"_s, emulator::EmulatorOptions::demoCredentials());
    InferenceEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.load(lookout::LookoutClient(jsonClient.get()), u"pump-1"_s,
        { lookout::Timestamp { 0 }, lookout::Timestamp { kDay } });
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Loaded, kWaitMs);
    QCOMPARE(model.rowCount(), 1);
    for (int column = 0; column < InferenceEventModel::ColumnCount; ++column) {
        const QModelIndex index = model.index(0, column);
        QCOMPARE(index.data().toString(), u"not set"_s);
        QVERIFY(index.data(models::AbsentRole).toBool());
        QVERIFY(!index.data(models::RawValueRole).isValid());
    }
}

QTEST_GUILESS_MAIN(TestInferenceEventModel)
#include "tst_inferenceeventmodel.moc"
