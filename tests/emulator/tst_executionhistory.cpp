// Execution history computed on demand: slots per upload frequency inside run intervals,
// retention, the in-progress newest slot, failures, filters and paging cursors.
#include "emulator/executionhistory.h"

#include <QtTest>

using emulator::ExecutionFilter;
using emulator::listExecutions;
using emulator::SchedulerRecord;

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = 60'000'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kNow = 1'772'618'400'000'000; // 2026-03-04T10:00:00Z, a whole hour

SchedulerRecord record(
    const char *frequency, qint64 delayMinutes, QList<emulator::RunInterval> runs)
{
    SchedulerRecord result;
    result.scheduler.inferenceSchedulerName = QStringLiteral("pump-station-042");
    result.scheduler.inferenceSchedulerArn = QStringLiteral(
        "arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/pump-station-042/abc");
    result.scheduler.modelName = QStringLiteral("pump-station-anomaly-v1");
    result.scheduler.modelArn = QStringLiteral(
        "arn:aws:lookoutequipment:us-east-1:123456789012:model/pump-station-anomaly-v1/def");
    result.scheduler.dataUploadFrequency = QString::fromLatin1(frequency);
    result.scheduler.dataDelayOffsetInMinutes = delayMinutes;
    result.scheduler.dataOutputConfiguration = lookout::InferenceOutputConfiguration {
        lookout::S3Location { QStringLiteral("results-bucket"), QStringLiteral("out/") },
        std::nullopt
    };
    result.runs = std::move(runs);
    result.historySeed = 99;
    result.modelVersion = 3;
    return result;
}

QList<qint64> scheduledTimes(const emulator::ExecutionSlice &slice)
{
    QList<qint64> times;
    for (const auto &execution : slice.executions)
        times.append(execution.scheduledStartTime->epochMicroseconds);
    return times;
}

} // namespace

class TestExecutionHistory : public QObject {
    Q_OBJECT
private slots:
    void oneExecutionPerSlot_newestFirst_withItsWindow();
    void newestSlot_isInProgress_forTwoMinutes();
    void failedExecutions_carryAReason_andSuccessfulOnesAResult();
    void failedReasons_areTheServicesThreeKinds();
    void gapsBetweenRuns_haveNoExecutions();
    void retention_isSevenDaysBeforeLastActivity();
    void pagingWithTheCursor_neitherRepeatsNorSkips();
    void timeFilters_areInclusive();
    void neverRan_hasNoExecutions();
    void uploadFrequencies_data();
    void uploadFrequencies();
};

void TestExecutionHistory::oneExecutionPerSlot_newestFirst_withItsWindow()
{
    const SchedulerRecord scheduler = record("PT15M", 5, { { kNow - kDay, std::nullopt } });
    const emulator::ExecutionSlice slice = listExecutions(scheduler, {}, std::nullopt, 4, kNow);
    QCOMPARE(scheduledTimes(slice),
        (QList<qint64> { kNow, kNow - 15 * kMinute, kNow - 30 * kMinute, kNow - 45 * kMinute }));
    const lookout::InferenceExecutionSummary &second = slice.executions[1];
    QCOMPARE(second.dataEndTime->epochMicroseconds, kNow - 20 * kMinute);
    QCOMPARE(second.dataStartTime->epochMicroseconds, kNow - 35 * kMinute);
    QCOMPARE(second.modelVersion, 3);
    QCOMPARE(*second.modelVersionArn,
        *scheduler.scheduler.modelArn + QStringLiteral("/model-version/3"));
    QCOMPARE(second.inferenceSchedulerArn, scheduler.scheduler.inferenceSchedulerArn);
    QCOMPARE(slice.continueBefore, kNow - 45 * kMinute);
}

void TestExecutionHistory::newestSlot_isInProgress_forTwoMinutes()
{
    const SchedulerRecord scheduler = record("PT5M", 0, { { kNow - kDay, std::nullopt } });
    QCOMPARE(*listExecutions(scheduler, {}, std::nullopt, 1, kNow + 119'000'000)
                  .executions.first()
                  .status,
        QStringLiteral("IN_PROGRESS"));
    QVERIFY(*listExecutions(scheduler, {}, std::nullopt, 1, kNow + 120'000'000)
                 .executions.first()
                 .status
        != QLatin1String("IN_PROGRESS"));
}

void TestExecutionHistory::failedExecutions_carryAReason_andSuccessfulOnesAResult()
{
    const SchedulerRecord scheduler = record("PT5M", 0, { { kNow - 7 * kDay, std::nullopt } });
    ExecutionFilter failedOnly;
    failedOnly.status = QStringLiteral("FAILED");
    const emulator::ExecutionSlice failed
        = listExecutions(scheduler, failedOnly, std::nullopt, 500, kNow);
    // About 4 % of the 2,016 slots of a week.
    QVERIFY2(failed.executions.size() > 40 && failed.executions.size() < 130,
        qPrintable(QString::number(failed.executions.size())));
    for (const auto &execution : failed.executions) {
        QCOMPARE(*execution.status, QStringLiteral("FAILED"));
        QVERIFY(execution.failedReason && !execution.failedReason->isEmpty());
        QVERIFY(!execution.customerResultObject);
    }
    ExecutionFilter successOnly;
    successOnly.status = QStringLiteral("SUCCESS");
    const auto success
        = listExecutions(scheduler, successOnly, std::nullopt, 1, kNow).executions.first();
    QCOMPARE(success.customerResultObject->bucket, QStringLiteral("results-bucket"));
    // The service's spelling: the UTC start of the data window as the folder, results.jsonl in
    // it (not the scheduled start, which is later by the window and the delay).
    const QString folder
        = QDateTime::fromMSecsSinceEpoch(success.dataStartTime->epochMicroseconds / 1000, Qt::UTC)
              .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
    QVERIFY(
        success.dataStartTime->epochMicroseconds < success.scheduledStartTime->epochMicroseconds);
    QCOMPARE(*success.customerResultObject->key, u"out/"_s + folder + u"/results.jsonl"_s);
    QVERIFY(folder.startsWith(QLatin1String("2026-03-04T")));
}

void TestExecutionHistory::failedReasons_areTheServicesThreeKinds()
{
    SchedulerRecord scheduler = record("PT5M", 0, { { kNow - 7 * kDay, std::nullopt } });
    scheduler.scheduler.roleArn = u"arn:aws:iam::123456789012:role/inference"_s;
    scheduler.scheduler.dataInputConfiguration = lookout::InferenceInputConfiguration {
        lookout::S3Location { u"input-bucket"_s, u"in/"_s }, u"+01:00"_s,
        lookout::InferenceInputNameConfiguration { u"yyyyMMddHHmmss"_s, u"_"_s }
    };
    const QStringList sensors { u"pump\\flow_rate"_s, u"motor\\bearing_temp"_s };
    ExecutionFilter failedOnly;
    failedOnly.status = QStringLiteral("FAILED");
    const auto failed
        = listExecutions(scheduler, failedOnly, std::nullopt, 500, kNow, sensors).executions;
    int missing = 0;
    int schema = 0;
    int denied = 0;
    for (const auto &execution : failed) {
        const QString &reason = *execution.failedReason;
        const QDateTime start = execution.dataStartTime->dateTime();
        // The file of the window's start, named as the input configuration says (UTC+1).
        const QString stamp = start.toOffsetFromUtc(3600).toString(u"yyyyMMddHHmmss"_s);
        const bool namesAFile = reason.contains(u"s3://input-bucket/in/pump_"_s + stamp + u".csv"_s)
            || reason.contains(u"s3://input-bucket/in/motor_"_s + stamp + u".csv"_s);
        QVERIFY2(namesAFile, qPrintable(reason));
        if (reason.startsWith(u"No input file found for sensor "_s)) {
            ++missing;
            QVERIFY2(reason.contains(start.toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s) + u" to "_s
                         + execution.dataEndTime->dateTime().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s)),
                qPrintable(reason));
        } else if (reason.contains(u"does not match the schema"_s)) {
            ++schema;
            QVERIFY2(reason.contains(u"column flow_rate of component pump"_s)
                    || reason.contains(u"column bearing_temp of component motor"_s),
                qPrintable(reason));
        } else {
            ++denied;
            QVERIFY2(reason.startsWith(u"Access denied on bucket input-bucket: role "
                                       "arn:aws:iam::123456789012:role/inference"_s),
                qPrintable(reason));
        }
    }
    QVERIFY(missing > 0 && schema > 0 && denied > 0);
}

void TestExecutionHistory::gapsBetweenRuns_haveNoExecutions()
{
    const SchedulerRecord scheduler = record(
        "PT1H", 0, { { kNow - 10 * kHour, kNow - 8 * kHour }, { kNow - 3 * kHour, std::nullopt } });
    const emulator::ExecutionSlice slice = listExecutions(scheduler, {}, std::nullopt, 500, kNow);
    QCOMPARE(scheduledTimes(slice),
        (QList<qint64> { kNow, kNow - kHour, kNow - 2 * kHour, kNow - 3 * kHour, kNow - 8 * kHour,
            kNow - 9 * kHour, kNow - 10 * kHour }));
    QVERIFY(!slice.continueBefore);
}

void TestExecutionHistory::retention_isSevenDaysBeforeLastActivity()
{
    const qint64 stoppedAt = kNow - 30 * kDay;
    const SchedulerRecord scheduler = record("PT1H", 0, { { kNow - 100 * kDay, stoppedAt } });
    const emulator::ExecutionSlice slice = listExecutions(scheduler, {}, std::nullopt, 500, kNow);
    QCOMPARE(slice.executions.size(), 7 * 24 + 1);
    QCOMPARE(slice.executions.first().scheduledStartTime->epochMicroseconds, stoppedAt);
    QCOMPARE(slice.executions.last().scheduledStartTime->epochMicroseconds, stoppedAt - 7 * kDay);

    // The emulator's options may keep more (the History tab's benchmark keeps 30 days).
    SchedulerRecord longer = scheduler;
    longer.retentionDays = 30;
    const emulator::ExecutionSlice month = listExecutions(longer, {}, std::nullopt, 1000, kNow);
    QCOMPARE(month.executions.size(), 30 * 24 + 1);
    QCOMPARE(month.executions.last().scheduledStartTime->epochMicroseconds, stoppedAt - 30 * kDay);
}

void TestExecutionHistory::pagingWithTheCursor_neitherRepeatsNorSkips()
{
    const SchedulerRecord scheduler = record(
        "PT10M", 10, { { kNow - 2 * kDay, kNow - kDay }, { kNow - 5 * kHour, std::nullopt } });
    const QList<qint64> all
        = scheduledTimes(listExecutions(scheduler, {}, std::nullopt, 500, kNow));
    QList<qint64> paged;
    std::optional<qint64> before;
    int pages = 0;
    do {
        const emulator::ExecutionSlice slice = listExecutions(scheduler, {}, before, 7, kNow);
        paged += scheduledTimes(slice);
        before = slice.continueBefore;
        ++pages;
    } while (before && pages < 100);
    QCOMPARE(paged, all);
    QCOMPARE(pages, static_cast<int>((all.size() + 6) / 7));
}

void TestExecutionHistory::timeFilters_areInclusive()
{
    const SchedulerRecord scheduler = record("PT1H", 0, { { kNow - kDay, std::nullopt } });
    ExecutionFilter window;
    window.dataStartTimeAfter = kNow - 5 * kHour;
    window.dataEndTimeBefore = kNow - 2 * kHour;
    const emulator::ExecutionSlice slice
        = listExecutions(scheduler, window, std::nullopt, 500, kNow);
    // Windows [start, end]: [-5h,-4h], [-4h,-3h], [-3h,-2h].
    QCOMPARE(scheduledTimes(slice),
        (QList<qint64> { kNow - 2 * kHour, kNow - 3 * kHour, kNow - 4 * kHour }));
}

void TestExecutionHistory::neverRan_hasNoExecutions()
{
    const SchedulerRecord scheduler = record("PT5M", 0, {});
    const emulator::ExecutionSlice slice = listExecutions(scheduler, {}, std::nullopt, 50, kNow);
    QVERIFY(slice.executions.isEmpty());
    QVERIFY(!slice.continueBefore);
}

void TestExecutionHistory::uploadFrequencies_data()
{
    QTest::addColumn<QString>("frequency");
    QTest::addColumn<int>("minutes");
    QTest::newRow("PT5M") << QStringLiteral("PT5M") << 5;
    QTest::newRow("PT10M") << QStringLiteral("PT10M") << 10;
    QTest::newRow("PT15M") << QStringLiteral("PT15M") << 15;
    QTest::newRow("PT30M") << QStringLiteral("PT30M") << 30;
    QTest::newRow("PT1H") << QStringLiteral("PT1H") << 60;
    QTest::newRow("unknown") << QStringLiteral("PT2H") << 60;
}

void TestExecutionHistory::uploadFrequencies()
{
    QFETCH(QString, frequency);
    QFETCH(int, minutes);
    QCOMPARE(emulator::uploadFrequencyMinutes(frequency), minutes);
    QCOMPARE(emulator::uploadFrequencyMinutes(std::nullopt), 60);
}

QTEST_GUILESS_MAIN(TestExecutionHistory)
#include "tst_executionhistory.moc"
