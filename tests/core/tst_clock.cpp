#include "core/clock.h"

#include <QtTest>

using namespace std::chrono_literals;

class TestClock : public QObject {
    Q_OBJECT

private slots:
    void manualClock_movesOnlyWhenTold();
    void systemClock_isUtcAndCurrent();
};

void TestClock::manualClock_movesOnlyWhenTold()
{
    const QDateTime start(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    core::ManualClock clock(start);
    QCOMPARE(clock.now(), start);
    QCOMPARE(clock.now().timeSpec(), Qt::UTC);
    clock.advance(1500ms);
    QCOMPARE(clock.now(), start.addMSecs(1500));
    clock.set(start.addDays(-1));
    QCOMPARE(clock.now(), start.addDays(-1));
}

void TestClock::systemClock_isUtcAndCurrent()
{
    const auto clock = core::Clock::system();
    QCOMPARE(clock, core::Clock::system());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime now = clock->now();
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QCOMPARE(now.timeSpec(), Qt::UTC);
    QVERIFY(before <= now && now <= after);
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
