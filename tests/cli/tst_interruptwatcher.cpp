// Ctrl+C, SIGTERM and SIGHUP as a signal in the event loop: delivered once per signal, also when
// it arrived before the loop ran, the first signal deciding the exit status, and the previous
// dispositions back after the watcher is gone.
#include "cli/interruptedexit.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QtTest>

#include <csignal>

namespace {

volatile std::sig_atomic_t g_previousHandlerRan = 0;
void previousHandler(int)
{
    g_previousHandlerRan = 1;
}

} // namespace

class TestInterruptWatcher : public QObject {
    Q_OBJECT
private slots:
    void sigint_becomesInterrupted()
    {
        core::InterruptWatcher watcher;
        QVERIFY(watcher.isInstalled());
        QSignalSpy spy(&watcher, &core::InterruptWatcher::interrupted);
        QVERIFY(!watcher.wasInterrupted());
        QCOMPARE(::raise(SIGINT), 0); // before any event loop runs
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
        QVERIFY(watcher.wasInterrupted());
        QCOMPARE(::raise(SIGINT), 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 5000);
    }

    void terminationSignals_exitWith128PlusTheSignal_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("SIGINT") << int(SIGINT) << 130;
        QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
        QTest::newRow("SIGHUP") << int(SIGHUP) << 129;
    }

    void terminationSignals_exitWith128PlusTheSignal()
    {
        QFETCH(int, signalNumber);
        QFETCH(int, exitCode);
        core::InterruptWatcher watcher;
        QVERIFY(watcher.isInstalled());
        QSignalSpy spy(&watcher, &core::InterruptWatcher::interrupted);
        QCOMPARE(::raise(signalNumber), 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
        QCOMPARE(watcher.signalNumber(), signalNumber);
        QCOMPARE(watcher.exitCode(), exitCode);
        // A second, different signal does not change how the command ends.
        QCOMPARE(::raise(signalNumber == SIGINT ? SIGTERM : SIGINT), 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 5000);
        QCOMPARE(watcher.exitCode(), exitCode);

        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(cli::endInterrupted(watcher, &out), exitCode);
        // Only Ctrl+C ends the terminal's line, as the AWS CLI does on KeyboardInterrupt.
        QCOMPARE(out.data(), signalNumber == SIGINT ? QByteArray("\n") : QByteArray());
    }

    void destruction_restoresThePreviousHandler()
    {
        struct sigaction action = {};
        action.sa_handler = &previousHandler;
        sigemptyset(&action.sa_mask);
        struct sigaction saved = {};
        QCOMPARE(::sigaction(SIGINT, &action, &saved), 0);
        {
            core::InterruptWatcher watcher;
            QVERIFY(watcher.isInstalled());
            core::InterruptWatcher second; // one per process: the second stays passive
            QVERIFY(!second.isInstalled());
        }
        QCOMPARE(::raise(SIGINT), 0);
        QCOMPARE(g_previousHandlerRan, 1);
        ::sigaction(SIGINT, &saved, nullptr);
    }
};

QTEST_GUILESS_MAIN(TestInterruptWatcher)
#include "tst_interruptwatcher.moc"
