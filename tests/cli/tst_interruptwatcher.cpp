// Ctrl+C as a signal in the event loop: delivered once per SIGINT, also when it arrived before
// the loop ran, and the previous disposition back after the watcher is gone.
#include "cli/interruptwatcher.h"

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
        cli::InterruptWatcher watcher;
        QVERIFY(watcher.isInstalled());
        QSignalSpy spy(&watcher, &cli::InterruptWatcher::interrupted);
        QVERIFY(!watcher.wasInterrupted());
        QCOMPARE(::raise(SIGINT), 0); // before any event loop runs
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
        QVERIFY(watcher.wasInterrupted());
        QCOMPARE(::raise(SIGINT), 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 5000);
    }

    void destruction_restoresThePreviousHandler()
    {
        struct sigaction action = {};
        action.sa_handler = &previousHandler;
        sigemptyset(&action.sa_mask);
        struct sigaction saved = {};
        QCOMPARE(::sigaction(SIGINT, &action, &saved), 0);
        {
            cli::InterruptWatcher watcher;
            QVERIFY(watcher.isInstalled());
            cli::InterruptWatcher second; // one per process: the second stays passive
            QVERIFY(!second.isInstalled());
        }
        QCOMPARE(::raise(SIGINT), 0);
        QCOMPARE(g_previousHandlerRan, 1);
        ::sigaction(SIGINT, &saved, nullptr);
    }
};

QTEST_GUILESS_MAIN(TestInterruptWatcher)
#include "tst_interruptwatcher.moc"
