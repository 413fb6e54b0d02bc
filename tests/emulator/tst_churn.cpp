// Churn: seeded changes over clock time, the same whatever the observation pattern.
#include "emulator/churn.h"
#include "emulator/fleetgenerator.h"

#include <QtTest>

using emulator::Churn;
using emulator::ChurnConfig;
using emulator::Fleet;

namespace {

constexpr qint64 kStart = 1'772'618'400'000'000; // 2026-03-04T10:00:00Z
constexpr qint64 kSecond = 1'000'000;

Fleet demoFleet()
{
    return emulator::generateFleet({ 400, 21, QStringLiteral("us-east-1") }, kStart);
}

ChurnConfig config(quint64 seed)
{
    ChurnConfig churn;
    churn.enabled = true;
    churn.interval = std::chrono::milliseconds(1000);
    churn.changePercent = 2;
    churn.seed = seed;
    return churn;
}

QList<std::pair<QString, QString>> snapshot(const Fleet &fleet)
{
    QList<std::pair<QString, QString>> states;
    for (int i = 0; i < fleet.size(); ++i)
        states.append({ fleet.at(i).status(),
            fleet.at(i).scheduler.latestInferenceResult.value_or(QString()) });
    return states;
}

int differences(const Fleet &a, const Fleet &b)
{
    int count = 0;
    for (int i = 0; i < a.size(); ++i) {
        count += a.at(i).status() != b.at(i).status() ? 1 : 0;
        count += a.at(i).scheduler.latestInferenceResult != b.at(i).scheduler.latestInferenceResult
            ? 1
            : 0;
    }
    return count;
}

} // namespace

class TestChurn : public QObject {
    Q_OBJECT
private slots:
    void disabled_changesNothing();
    void roundsFollowTheClock();
    void sameSeed_sameFleetWhateverTheObservationPattern();
    void otherSeed_otherChanges();
    void changesGoThroughTransitions();
    void clockGoingBackwards_changesNothing();
    void hugeClockJump_isBounded();
    void invalidConfig_isRejected();
};

void TestChurn::disabled_changesNothing()
{
    Fleet fleet = demoFleet();
    const auto before = snapshot(fleet);
    ChurnConfig off = config(1);
    off.enabled = false;
    Churn churn(off, kStart);
    churn.advance(fleet, kStart + 60 * kSecond);
    QCOMPARE(churn.roundsApplied(), 0);
    QCOMPARE(snapshot(fleet), before);
}

void TestChurn::roundsFollowTheClock()
{
    Fleet fleet = demoFleet();
    const Fleet untouched = fleet;
    Churn churn(config(5), kStart);
    churn.advance(fleet, kStart + 999'999);
    QCOMPARE(churn.roundsApplied(), 0);
    QCOMPARE(differences(fleet, untouched), 0);
    churn.advance(fleet, kStart + 30 * kSecond);
    QCOMPARE(churn.roundsApplied(), 30);
    QVERIFY(differences(fleet, untouched) > 30);
}

void TestChurn::sameSeed_sameFleetWhateverTheObservationPattern()
{
    Fleet watchedOften = demoFleet();
    Fleet watchedOnce = demoFleet();
    Churn often(config(77), kStart);
    Churn once(config(77), kStart);
    for (qint64 t = 0; t <= 120 * kSecond; t += 337'000)
        often.advance(watchedOften, kStart + t);
    often.advance(watchedOften, kStart + 120 * kSecond);
    watchedOften.applyTransitions(kStart + 120 * kSecond);
    once.advance(watchedOnce, kStart + 120 * kSecond);
    watchedOnce.applyTransitions(kStart + 120 * kSecond);
    QCOMPARE(often.roundsApplied(), 120);
    QCOMPARE(snapshot(watchedOften), snapshot(watchedOnce));
    for (int i = 0; i < watchedOnce.size(); ++i)
        QCOMPARE(watchedOften.at(i).scheduler.updatedAt, watchedOnce.at(i).scheduler.updatedAt);
}

void TestChurn::otherSeed_otherChanges()
{
    Fleet a = demoFleet();
    Fleet b = demoFleet();
    Churn(config(1), kStart).advance(a, kStart + 60 * kSecond);
    Churn(config(2), kStart).advance(b, kStart + 60 * kSecond);
    QVERIFY(differences(a, b) > 0);
}

void TestChurn::changesGoThroughTransitions()
{
    Fleet fleet = demoFleet();
    Churn churn(config(3), kStart);
    int sawStopping = 0;
    int sawPending = 0;
    const Fleet initial = fleet;
    for (int second = 1; second <= 200; ++second) {
        churn.advance(fleet, kStart + second * kSecond);
        for (int i = 0; i < fleet.size(); ++i) {
            const QString status = fleet.at(i).status();
            if (status == QLatin1String("STOPPING")
                && initial.at(i).status() == QLatin1String("RUNNING"))
                ++sawStopping;
            if (status == QLatin1String("PENDING")
                && initial.at(i).status() == QLatin1String("STOPPED"))
                ++sawPending;
        }
    }
    QVERIFY(sawStopping > 0);
    QVERIFY(sawPending > 0);
    // Every transition is eventually completed.
    fleet.applyTransitions(kStart + 1000 * kSecond);
    for (int i = 0; i < fleet.size(); ++i) {
        const QString status = fleet.at(i).status();
        QVERIFY2(status == QLatin1String("RUNNING") || status == QLatin1String("STOPPED"),
            qPrintable(status));
    }
}

void TestChurn::clockGoingBackwards_changesNothing()
{
    Fleet fleet = demoFleet();
    Churn churn(config(4), kStart);
    churn.advance(fleet, kStart + 10 * kSecond);
    const auto before = snapshot(fleet);
    churn.advance(fleet, kStart - 3600 * kSecond);
    QCOMPARE(churn.roundsApplied(), 10);
    QCOMPARE(snapshot(fleet), before);
}

void TestChurn::hugeClockJump_isBounded()
{
    Fleet fleet = emulator::generateFleet({ 20, 1, QStringLiteral("us-east-1") }, kStart);
    ChurnConfig fast = config(8);
    fast.interval = std::chrono::milliseconds(10);
    Churn churn(fast, kStart);
    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(QStringLiteral("clock jumped 3153600000 churn rounds ahead")));
    churn.advance(fleet, kStart + 365LL * 24 * 3600 * kSecond); // a year of 10 ms rounds
    QCOMPARE(churn.roundsApplied(), 365LL * 24 * 3600 * 100);
}

void TestChurn::invalidConfig_isRejected()
{
    ChurnConfig churn = config(1);
    QVERIFY(churn.validate().isEmpty());
    churn.interval = std::chrono::milliseconds(5);
    QCOMPARE(churn.validate(), QStringLiteral("churn interval must be at least 10 ms, not 5"));
    churn = config(1);
    churn.changePercent = 101;
    QCOMPARE(churn.validate(), QStringLiteral("churn percent must be within 0..100, not 101"));
}

QTEST_GUILESS_MAIN(TestChurn)
#include "tst_churn.moc"
