// RefreshController on a fake clock and a manual timer: intervals and their immediate effect,
// pause, the hidden window, one refresh in flight, throttling backoff and its reset. Nothing
// waits for real time.
#include "clienttestdoubles.h"
#include "manualtimer.h"
#include "models/refreshcontroller.h"

#include <QSignalSpy>
#include <QtTest>

using models::RefreshController;
using Outcome = RefreshController::Outcome;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

struct Fixture {
    std::shared_ptr<core::ManualClock> clock = std::make_shared<core::ManualClock>(kStart);
    testsupport::ManualTimer *timer = nullptr;
    std::unique_ptr<RefreshController> controller;
    std::unique_ptr<QSignalSpy> requested;

    Fixture()
    {
        auto owned = std::make_unique<testsupport::ManualTimer>(clock);
        timer = owned.get();
        controller = std::make_unique<RefreshController>(clock, std::move(owned));
        requested
            = std::make_unique<QSignalSpy>(controller.get(), &RefreshController::refreshRequested);
    }
    // A first refresh, finished with `outcome`.
    void refreshOnce(Outcome outcome = Outcome::Success)
    {
        QVERIFY(controller->refreshNow());
        controller->refreshFinished(outcome);
    }
};

} // namespace

class TestRefreshController : public QObject {
    Q_OBJECT
private slots:
    void defaults_thirtySecondsNotPausedVisible();
    void standardIntervals_offTenThirtyMinuteFive();
    void afterRefresh_nextIsOneIntervalLater();
    void timer_requestsRefreshWhenDue();
    void intervalChange_appliesAtOnce();
    void intervalChange_alreadyOverdue_refreshesAtOnce();
    void intervalOff_stopsAutomaticRefresh();
    void pause_stopsAndResumeContinues();
    void pause_stillAllowsManualRefresh();
    void hiddenWindow_pollsNothing();
    void shownAgain_refreshesOnceWhenDue();
    void shownAgain_beforeDue_keepsCountingDown();
    void inFlight_refusesAnotherAndSchedulesNothing();
    void throttled_doublesUpToFiveMinutes();
    void throttled_longIntervalIsItsOwnCap();
    void success_afterThrottling_returnsToInterval();
    void otherFailure_keepsInterval();
    void cancel_forgetsInFlightAndBackoff();
    void stateChanged_onEveryChange();
    void phaseOffset_movesTheNextRefreshOnce();
    void clockWatch_afterSuspend_refreshesAtOnce();
    void clockWatch_beforeDue_waits();
};

void TestRefreshController::defaults_thirtySecondsNotPausedVisible()
{
    Fixture f;
    QCOMPARE(f.controller->interval(), seconds(30));
    QVERIFY(!f.controller->isPaused());
    QVERIFY(f.controller->isWindowVisible());
    QVERIFY(!f.controller->isRefreshing());
    QVERIFY(f.controller->isAutomatic());
    QVERIFY(!f.controller->isBackingOff());
    QCOMPARE(f.requested->size(), 0);
}

void TestRefreshController::standardIntervals_offTenThirtyMinuteFive()
{
    QCOMPARE(RefreshController::standardIntervals(),
        (QList<seconds> { seconds(0), seconds(10), seconds(30), seconds(60), seconds(300) }));
}

void TestRefreshController::afterRefresh_nextIsOneIntervalLater()
{
    Fixture f;
    f.clock->advance(seconds(2));
    f.refreshOnce();
    QCOMPARE(f.requested->size(), 1);
    QVERIFY(f.timer->isActive());
    QCOMPARE(f.timer->delay(), milliseconds(30'000));
    QCOMPARE(f.controller->nextRefreshAt(), kStart.addSecs(32));
}

void TestRefreshController::timer_requestsRefreshWhenDue()
{
    Fixture f;
    f.refreshOnce();
    for (int cycle = 0; cycle < 3; ++cycle) {
        f.timer->fire();
        QCOMPARE(f.requested->size(), cycle + 2);
        QVERIFY(f.controller->isRefreshing());
        // Nothing is scheduled while a refresh runs.
        QVERIFY(!f.timer->isActive());
        QVERIFY(!f.controller->nextRefreshAt().isValid());
        f.clock->advance(milliseconds(700)); // the refresh takes a while
        f.controller->refreshFinished(Outcome::Success);
        QCOMPARE(f.timer->delay(), milliseconds(30'000));
    }
}

void TestRefreshController::intervalChange_appliesAtOnce()
{
    Fixture f;
    f.controller->setInterval(seconds(300));
    f.refreshOnce();
    QCOMPARE(f.timer->delay(), milliseconds(300'000));
    f.clock->advance(seconds(4));
    // 5 minutes were due; now 10 s after the last refresh, that is in 6 s.
    f.controller->setInterval(seconds(10));
    QVERIFY(f.timer->isActive());
    QCOMPARE(f.timer->delay(), milliseconds(6'000));
    QCOMPARE(f.controller->nextRefreshAt(), kStart.addSecs(10));
    QCOMPARE(f.requested->size(), 1);
}

void TestRefreshController::intervalChange_alreadyOverdue_refreshesAtOnce()
{
    Fixture f;
    f.controller->setInterval(seconds(300));
    f.refreshOnce();
    f.clock->advance(seconds(45));
    f.controller->setInterval(seconds(30));
    QCOMPARE(f.requested->size(), 2);
    QVERIFY(f.controller->isRefreshing());
}

void TestRefreshController::intervalOff_stopsAutomaticRefresh()
{
    Fixture f;
    f.refreshOnce();
    f.controller->setInterval(seconds(0));
    QVERIFY(!f.timer->isActive());
    QVERIFY(!f.controller->isAutomatic());
    QVERIFY(!f.controller->nextRefreshAt().isValid());
    QVERIFY(f.controller->refreshNow());
    QCOMPARE(f.requested->size(), 2);
    f.controller->refreshFinished(Outcome::Success);
    QVERIFY(!f.timer->isActive());
    f.controller->setInterval(seconds(-5));
    QCOMPARE(f.controller->interval(), seconds(0));
}

void TestRefreshController::pause_stopsAndResumeContinues()
{
    Fixture f;
    f.refreshOnce();
    f.clock->advance(seconds(10));
    f.controller->setPaused(true);
    QVERIFY(f.controller->isPaused());
    QVERIFY(!f.timer->isActive());
    QVERIFY(!f.controller->isAutomatic());
    f.clock->advance(seconds(5));
    f.controller->setPaused(false);
    // Still counting from the last refresh: 15 s left.
    QCOMPARE(f.timer->delay(), milliseconds(15'000));
    f.controller->setPaused(true);
    f.clock->advance(seconds(120));
    QCOMPARE(f.requested->size(), 1);
    f.controller->setPaused(false);
    // Long overdue: at once.
    QCOMPARE(f.requested->size(), 2);
}

void TestRefreshController::pause_stillAllowsManualRefresh()
{
    Fixture f;
    f.controller->setPaused(true);
    QVERIFY(f.controller->refreshNow());
    QCOMPARE(f.requested->size(), 1);
    f.controller->refreshFinished(Outcome::Success);
    QVERIFY(!f.timer->isActive());
}

void TestRefreshController::hiddenWindow_pollsNothing()
{
    Fixture f;
    f.refreshOnce();
    f.controller->setWindowVisible(false);
    QVERIFY(!f.timer->isActive());
    f.clock->advance(seconds(600));
    QCOMPARE(f.requested->size(), 1);
    // A refresh that was in flight when the window was hidden ends without scheduling another.
    f.controller->setWindowVisible(true);
    QCOMPARE(f.requested->size(), 2);
    f.controller->setWindowVisible(false);
    f.controller->refreshFinished(Outcome::Success);
    QVERIFY(!f.timer->isActive());
    QCOMPARE(f.requested->size(), 2);
}

void TestRefreshController::shownAgain_refreshesOnceWhenDue()
{
    Fixture f;
    f.refreshOnce();
    f.controller->setWindowVisible(false);
    f.clock->advance(seconds(3600)); // an hour minimized: 120 refreshes missed, one is made
    f.controller->setWindowVisible(true);
    QCOMPARE(f.requested->size(), 2);
    QVERIFY(f.controller->isRefreshing());
    f.controller->refreshFinished(Outcome::Success);
    QCOMPARE(f.requested->size(), 2);
    QCOMPARE(f.timer->delay(), milliseconds(30'000));
}

void TestRefreshController::shownAgain_beforeDue_keepsCountingDown()
{
    Fixture f;
    f.refreshOnce();
    f.clock->advance(seconds(20));
    f.controller->setWindowVisible(false);
    f.clock->advance(seconds(4));
    f.controller->setWindowVisible(true);
    QCOMPARE(f.requested->size(), 1);
    QCOMPARE(f.timer->delay(), milliseconds(6'000));
}

void TestRefreshController::inFlight_refusesAnotherAndSchedulesNothing()
{
    Fixture f;
    QVERIFY(f.controller->refreshNow());
    QVERIFY(!f.controller->refreshNow());
    f.controller->setInterval(seconds(10));
    f.controller->setPaused(true);
    f.controller->setPaused(false);
    f.controller->setWindowVisible(false);
    f.controller->setWindowVisible(true);
    QCOMPARE(f.requested->size(), 1);
    QVERIFY(!f.timer->isActive());
    f.controller->refreshFinished(Outcome::Success);
    QVERIFY(f.controller->refreshNow());
    QCOMPARE(f.requested->size(), 2);
    // A finish without a refresh in flight is ignored.
    f.controller->refreshFinished(Outcome::Success);
    f.controller->refreshFinished(Outcome::Throttled);
    QVERIFY(!f.controller->isBackingOff());
}

void TestRefreshController::throttled_doublesUpToFiveMinutes()
{
    Fixture f;
    f.refreshOnce(Outcome::Throttled);
    QVERIFY(f.controller->isBackingOff());
    QCOMPARE(f.controller->throttledCount(), 1);
    QCOMPARE(f.controller->effectiveInterval(), seconds(60));
    QCOMPARE(f.timer->delay(), milliseconds(60'000));
    const QList<seconds> expected { seconds(120), seconds(240), seconds(300), seconds(300),
        seconds(300) };
    for (const seconds next : expected) {
        f.timer->fire();
        f.controller->refreshFinished(Outcome::Throttled);
        QCOMPARE(f.controller->effectiveInterval(), next);
        QCOMPARE(f.timer->delay(), std::chrono::duration_cast<milliseconds>(next));
    }
    // The chosen interval is unchanged; only the one in force backs off.
    QCOMPARE(f.controller->interval(), seconds(30));
}

void TestRefreshController::throttled_longIntervalIsItsOwnCap()
{
    Fixture f;
    f.controller->setInterval(seconds(600));
    f.refreshOnce(Outcome::Throttled);
    QCOMPARE(f.controller->effectiveInterval(), seconds(600));
    f.controller->setInterval(seconds(300));
    QCOMPARE(f.controller->effectiveInterval(), seconds(300));
    f.controller->setInterval(seconds(10));
    QCOMPARE(f.controller->effectiveInterval(), seconds(20));
}

void TestRefreshController::success_afterThrottling_returnsToInterval()
{
    Fixture f;
    f.refreshOnce(Outcome::Throttled);
    f.timer->fire();
    f.controller->refreshFinished(Outcome::Throttled);
    QCOMPARE(f.controller->effectiveInterval(), seconds(120));
    f.timer->fire();
    f.controller->refreshFinished(Outcome::Success);
    QVERIFY(!f.controller->isBackingOff());
    QCOMPARE(f.controller->throttledCount(), 0);
    QCOMPARE(f.controller->effectiveInterval(), seconds(30));
    QCOMPARE(f.timer->delay(), milliseconds(30'000));
}

void TestRefreshController::otherFailure_keepsInterval()
{
    Fixture f;
    f.refreshOnce(Outcome::Failed);
    QVERIFY(!f.controller->isBackingOff());
    QCOMPARE(f.timer->delay(), milliseconds(30'000));
    // A failure does not end a backoff either; only a success does.
    f.timer->fire();
    f.controller->refreshFinished(Outcome::Throttled);
    f.timer->fire();
    f.controller->refreshFinished(Outcome::Failed);
    QVERIFY(f.controller->isBackingOff());
    QCOMPARE(f.controller->effectiveInterval(), seconds(60));
}

void TestRefreshController::cancel_forgetsInFlightAndBackoff()
{
    Fixture f;
    f.refreshOnce(Outcome::Throttled);
    f.timer->fire();
    QVERIFY(f.controller->isRefreshing());
    f.controller->cancel();
    QVERIFY(!f.controller->isRefreshing());
    QVERIFY(!f.controller->isBackingOff());
    QVERIFY(f.controller->refreshNow());
}

void TestRefreshController::stateChanged_onEveryChange()
{
    Fixture f;
    QSignalSpy changed(f.controller.get(), &RefreshController::stateChanged);
    f.controller->setInterval(seconds(60));
    QCOMPARE(changed.size(), 1);
    f.controller->setInterval(seconds(60));
    QCOMPARE(changed.size(), 1);
    f.controller->setPaused(true);
    QCOMPARE(changed.size(), 2);
    f.controller->setWindowVisible(false);
    QCOMPARE(changed.size(), 3);
    f.controller->refreshNow();
    QCOMPARE(changed.size(), 4);
    f.controller->refreshFinished(Outcome::Throttled);
    QCOMPARE(changed.size(), 5);
}

void TestRefreshController::phaseOffset_movesTheNextRefreshOnce()
{
    Fixture f;
    f.controller->setPhaseOffset(milliseconds(3000));
    f.refreshOnce();
    QCOMPARE(f.controller->nextRefreshAt(), kStart.addMSecs(33'000));
    QCOMPARE(f.timer->delay(), milliseconds(33'000));
    // It stays in place when the window hides and shows again, and the refresh after it is one
    // interval later: the offset was taken once.
    f.controller->setWindowVisible(false);
    f.controller->setWindowVisible(true);
    QCOMPARE(f.controller->nextRefreshAt(), kStart.addMSecs(33'000));
    f.timer->fire();
    QCOMPARE(f.requested->size(), 2);
    f.controller->refreshFinished(Outcome::Success);
    QCOMPARE(f.controller->nextRefreshAt(), kStart.addMSecs(63'000));
    // A negative offset counts as none.
    f.controller->setPhaseOffset(milliseconds(-5000));
    f.timer->fire();
    f.controller->refreshFinished(Outcome::Success);
    QCOMPARE(f.controller->nextRefreshAt(), kStart.addMSecs(93'000));
}

void TestRefreshController::clockWatch_afterSuspend_refreshesAtOnce()
{
    Fixture f;
    // Without a clock of its own: firing it is a look at the clock, wherever the clock is.
    auto owned = std::make_unique<testsupport::ManualTimer>();
    testsupport::ManualTimer *watch = owned.get();
    f.controller->watchClock(std::move(owned));
    f.refreshOnce();
    QCOMPARE(f.requested->size(), 1);
    QVERIFY(watch->isActive());
    QCOMPARE(watch->delay(), milliseconds(RefreshController::kClockWatch));
    // An hour asleep: the interval timer has still 30 s of monotonic time to wait.
    f.clock->advance(std::chrono::hours(1));
    QVERIFY(f.timer->isActive());
    watch->fire();
    QCOMPARE(f.requested->size(), 2);
    QVERIFY(f.controller->isRefreshing());
    QVERIFY(!f.timer->isActive());
    QVERIFY(!watch->isActive());
    // It failed (the network is not back yet): the next try is one interval later, watched.
    f.controller->refreshFinished(Outcome::Failed);
    QCOMPARE(f.timer->delay(), milliseconds(30'000));
    QVERIFY(watch->isActive());
    f.timer->fire();
    QCOMPARE(f.requested->size(), 3);
    f.controller->refreshFinished(Outcome::Success);
    QVERIFY(!f.controller->isBackingOff());
}

void TestRefreshController::clockWatch_beforeDue_waits()
{
    Fixture f;
    auto owned = std::make_unique<testsupport::ManualTimer>();
    testsupport::ManualTimer *watch = owned.get();
    f.controller->watchClock(std::move(owned));
    f.refreshOnce();
    f.clock->advance(seconds(29));
    watch->fire();
    QCOMPARE(f.requested->size(), 1);
    QVERIFY(watch->isActive()); // looks again later
    // Hidden: nothing is watched, nothing is polled.
    f.controller->setWindowVisible(false);
    QVERIFY(!watch->isActive());
    f.clock->advance(std::chrono::hours(1));
    QCOMPARE(f.requested->size(), 1);
    f.controller->setWindowVisible(true);
    QCOMPARE(f.requested->size(), 2);
}

QTEST_GUILESS_MAIN(TestRefreshController)
#include "tst_refreshcontroller.moc"
