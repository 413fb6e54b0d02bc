// ExecutionTicks against the in-process emulator: every execution of the interval becomes a tick
// at the end of its data window, in time order, failed ones counted; a failed listing keeps its
// error until Retry.
#include "emulatorlookout.h"
#include "models/executionticks.h"
#include "results/resultstime.h"

#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using models::ExecutionTicks;
using State = models::ExecutionTicks::State;

namespace {

constexpr int kWaitMs = 20'000;
constexpr qint64 kDay = results::kMicrosecondsPerDay;

} // namespace

class TestExecutionTicks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void load_ticksEveryExecutionOfTheInterval();
    void failedListing_keepsTheErrorUntilRetried();

private:
    QString schedulerWithFailures(lookout::InferenceEventInterval interval);

    testsupport::EmulatorLookout m_lookout;
};

void TestExecutionTicks::initTestCase()
{
    QVERIFY2(m_lookout.start(), qPrintable(m_lookout.emulator->errorString()));
}

void TestExecutionTicks::cleanupTestCase()
{
    m_lookout = {};
}

void TestExecutionTicks::load_ticksEveryExecutionOfTheInterval()
{
    const qint64 now = m_lookout.now();
    const lookout::InferenceEventInterval interval { lookout::Timestamp { now - 7 * kDay },
        lookout::Timestamp { now } };
    std::optional<aws::Result<QList<lookout::InferenceSchedulerSummary>>> listed;
    m_lookout.client().listInferenceSchedulers(
        {}, this, [](const auto &) {}, [&listed](const auto &result) { listed = result; });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), kWaitMs);
    QVERIFY(listed->ok());

    // The first scheduler of the fleet with executions in the week, and one with failures if
    // the fleet has any, each compared with the listing itself.
    int checked = 0;
    bool sawFailure = false;
    for (const lookout::InferenceSchedulerSummary &summary : listed->value()) {
        const QString name = *summary.inferenceSchedulerName;
        lookout::InferenceExecutionFilter filter;
        filter.dataStartTimeAfter = interval.start;
        filter.dataEndTimeBefore = interval.end;
        std::optional<aws::Result<QList<lookout::InferenceExecutionSummary>>> executions;
        m_lookout.client().listInferenceExecutions(name, filter, std::nullopt, this,
            [&executions](const auto &result) { executions = result; });
        QTRY_VERIFY_WITH_TIMEOUT(executions.has_value(), kWaitMs);
        QVERIFY(executions->ok());
        const qsizetype failed = std::count_if(executions->value().begin(),
            executions->value().end(), [](const auto &e) { return e.status == u"FAILED"_s; });
        if (executions->value().isEmpty() || (checked > 0 && (failed == 0 || sawFailure)))
            continue;

        ExecutionTicks ticks;
        ticks.load(m_lookout.client(), name, interval);
        QCOMPARE(ticks.state(), State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(ticks.state(), State::Loaded, kWaitMs);
        QCOMPARE(ticks.ticks().size() + ticks.unplaced(), executions->value().size());
        QCOMPARE(ticks.failedCount(), failed);
        QVERIFY(std::is_sorted(ticks.ticks().begin(), ticks.ticks().end(),
            [](const auto &a, const auto &b) { return a.time < b.time; }));
        for (const lookout::InferenceExecutionSummary &execution : executions->value()) {
            const qint64 end = execution.dataEndTime->epochMicroseconds;
            QVERIFY(std::any_of(
                ticks.ticks().begin(), ticks.ticks().end(), [&](const ExecutionTicks::Tick &tick) {
                    return tick.time == end
                        && (tick.outcome == ExecutionTicks::Outcome::Failed)
                        == (execution.status == u"FAILED"_s);
                }));
        }
        sawFailure = sawFailure || failed > 0;
        if (++checked == 2 || (checked == 1 && sawFailure))
            break;
    }
    QVERIFY(checked > 0);
}

void TestExecutionTicks::failedListing_keepsTheErrorUntilRetried()
{
    emulator::FaultConfig throttled;
    throttled.throttlingPercent = 100;
    QVERIFY(m_lookout.emulator->setFaults(throttled));
    const qint64 now = m_lookout.now();
    ExecutionTicks ticks;
    QVERIFY(!ticks.retry());
    ticks.load(m_lookout.client(), u"no-matter"_s,
        { lookout::Timestamp { now - kDay }, lookout::Timestamp { now } });
    QTRY_COMPARE_WITH_TIMEOUT(ticks.state(), State::Failed, kWaitMs);
    QVERIFY(ticks.error() && ticks.error()->isThrottling());
    QVERIFY(ticks.ticks().empty());

    QVERIFY(m_lookout.emulator->setFaults({}));
    QVERIFY(ticks.retry());
    // The scheduler does not exist: the service's own error, kept the same way.
    QTRY_COMPARE_WITH_TIMEOUT(ticks.state(), State::Failed, kWaitMs);
    QVERIFY(ticks.error()->isNotFound());
    ticks.clear();
    QCOMPARE(ticks.state(), State::Empty);
    QVERIFY(!ticks.error());
}

QTEST_GUILESS_MAIN(TestExecutionTicks)
#include "tst_executionticks.moc"
