#include "core/timer.h"

#include <QtTest>

using namespace std::chrono_literals;

namespace {
constexpr int kWaitMs = 5000;
}

class TestTimer : public QObject {
    Q_OBJECT

private slots:
    void qtTimer_runsTheTaskOnceAndCanBeStopped();
    void qtTimer_startAgainReplacesThePendingTask();
    void qtTimer_destroyedDropsThePendingTask();
    void qtTimers_makesIndependentTimers();
};

void TestTimer::qtTimer_runsTheTaskOnceAndCanBeStopped()
{
    const auto timer = core::makeQtTimer();
    int runs = 0;
    timer->start(1ms, [&runs] { ++runs; });
    QVERIFY(timer->isActive());
    QTRY_COMPARE_WITH_TIMEOUT(runs, 1, kWaitMs);
    QVERIFY(!timer->isActive());

    timer->start(1ms, [&runs] { ++runs; });
    timer->stop();
    QVERIFY(!timer->isActive());
    // A second timer started after the stopped one fires later; the stopped task must not run.
    const auto witness = core::makeQtTimer(core::TimerPrecision::Coarse);
    bool witnessed = false;
    witness->start(5ms, [&witnessed] { witnessed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(witnessed, kWaitMs);
    QCOMPARE(runs, 1);
}

void TestTimer::qtTimer_startAgainReplacesThePendingTask()
{
    const auto timer = core::makeQtTimer();
    QStringList ran;
    timer->start(1ms, [&ran] { ran << QStringLiteral("first"); });
    timer->start(1ms, [&ran] { ran << QStringLiteral("second"); });
    QTRY_COMPARE_WITH_TIMEOUT(ran.size(), 1, kWaitMs);
    QCOMPARE(ran, QStringList { QStringLiteral("second") });

    // A task may start its own timer again: the next run is the new task.
    int chained = 0;
    std::function<void()> again = [&] {
        if (++chained < 3)
            timer->start(1ms, again);
    };
    timer->start(1ms, again);
    QTRY_COMPARE_WITH_TIMEOUT(chained, 3, kWaitMs);
    QVERIFY(!timer->isActive());
}

void TestTimer::qtTimer_destroyedDropsThePendingTask()
{
    auto timer = core::makeQtTimer();
    bool ran = false;
    timer->start(1ms, [&ran] { ran = true; });
    timer.reset();
    const auto witness = core::makeQtTimer();
    bool witnessed = false;
    witness->start(5ms, [&witnessed] { witnessed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(witnessed, kWaitMs);
    QVERIFY(!ran);
}

void TestTimer::qtTimers_makesIndependentTimers()
{
    const core::TimerFactory make = core::qtTimers();
    const auto first = make();
    const auto second = make();
    int firstRuns = 0;
    int secondRuns = 0;
    first->start(1ms, [&firstRuns] { ++firstRuns; });
    second->start(1ms, [&secondRuns] { ++secondRuns; });
    QTRY_VERIFY_WITH_TIMEOUT(firstRuns == 1 && secondRuns == 1, kWaitMs);
}

QTEST_GUILESS_MAIN(TestTimer)
#include "tst_timer.moc"
