// FleetSession against the in-process emulator, on a manual clock and a timer fired by hand: a
// connection fills the model in one cycle; switching drops the old rows at once and never applies
// the old listing; a configuration error stands instead of a connection; a refresh without a
// connection asks for one; a failed cycle keeps its error until a good one; the session can go
// while a listing runs.
#include "core/clock.h"
#include "emulator/emulator.h"
#include "lookout/service.h"
#include "loopbackport.h"
#include "manualtimer.h"
#include "models/fleetsession.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using models::FleetSession;
using Outcome = models::RefreshController::Outcome;

namespace {

constexpr int kWaitMs = 20'000;

aws::ResolvedConfig configFor(const QUrl &endpoint, const aws::AwsCredentials &credentials,
    const QString &region, const QString &profile = QStringLiteral("test"))
{
    aws::ResolvedConfig config;
    config.service = lookout::service::description();
    config.profile = { profile, QStringLiteral("the test") };
    config.region = { region, QStringLiteral("the test") };
    config.endpoint = endpoint;
    config.endpointSource = QStringLiteral("the test");
    config.maxAttempts = { QStringLiteral("1"), QStringLiteral("the test") };
    config.retryMode = { QStringLiteral("standard"), QStringLiteral("the test") };
    config.credentials = std::make_shared<aws::StaticCredentialsProvider>(credentials);
    return config;
}

aws::ResolvedConfig configFor(const emulator::Emulator &demo, const QString &profile = {})
{
    return configFor(demo.endpoint(), demo.credentials(), demo.region(),
        profile.isEmpty() ? QStringLiteral("test") : profile);
}

emulator::EmulatorOptions fleetOf(int size, quint64 seed = 1)
{
    emulator::EmulatorOptions options;
    options.fleetSize = size;
    options.fleetSeed = seed;
    options.clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    return options;
}

aws::AwsError configurationError()
{
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::Configuration;
    error.message = QStringLiteral("You must specify a region.");
    return error;
}

} // namespace

class TestFleetSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Outcome>();
        qRegisterMetaType<std::optional<aws::AwsError>>();
    }

    void init()
    {
        m_clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
        auto timer = std::make_unique<testsupport::ManualTimer>(m_clock);
        m_timer = timer.get();
        m_session = std::make_unique<FleetSession>(&m_network, m_clock, std::move(timer));
    }

    void cleanup() { m_session.reset(); }

    void startsWithoutAConnection()
    {
        QVERIFY(!m_session->isConnected());
        QVERIFY(!m_session->connectedClient());
        QCOMPARE(m_session->connectionLabel(), QString());
        QVERIFY(!m_session->configurationError());
        QVERIFY(!m_session->refreshError());
        QCOMPARE(m_session->model()->rowCount(), 0);
    }

    void connectTo_loadsTheFleetInOneCycle()
    {
        emulator::Emulator demo(fleetOf(1234));
        QVERIFY2(demo.start(), qPrintable(demo.errorString()));
        QSignalSpy changed(m_session.get(), &FleetSession::connectionChanged);
        QSignalSpy finished(m_session.get(), &FleetSession::refreshFinished);
        m_session->connectTo(configFor(demo), QStringLiteral("Demo"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(m_session->isConnected());
        QCOMPARE(m_session->connectionLabel(), QStringLiteral("Demo · ") + demo.region());
        QVERIFY(m_session->refreshController()->isRefreshing());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QCOMPARE(finished.at(0).at(0).value<Outcome>(), Outcome::Success);
        QCOMPARE(m_session->model()->rowCount(), 1234);
        QCOMPARE(demo.counters().requests, quint64(3)); // ⌈1234/500⌉ pages, nothing more
        QVERIFY(!m_session->refreshError());
        QVERIFY(!m_session->refreshController()->isRefreshing());

        // The timer's next cycle is one more listing.
        m_timer->fire();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        QCOMPARE(demo.counters().requests, quint64(6));
        QCOMPARE(m_session->model()->rowCount(), 1234);
    }

    void label_defaultsToProfileAndRegion()
    {
        emulator::Emulator demo(fleetOf(3));
        QVERIFY2(demo.start(), qPrintable(demo.errorString()));
        m_session->connectTo(configFor(demo, QStringLiteral("prod")));
        QCOMPARE(m_session->connectionLabel(), QStringLiteral("prod · ") + demo.region());
        // A label given with an empty region stays alone.
        aws::ResolvedConfig noRegion = configFor(demo);
        noRegion.region = {};
        m_session->connectTo(noRegion, QStringLiteral("Somewhere"));
        QCOMPARE(m_session->connectionLabel(), QStringLiteral("Somewhere"));
    }

    void switching_dropsTheOldRowsAndItsListing()
    {
        emulator::Emulator first(fleetOf(10'000, 1)); // 20 pages
        emulator::Emulator second(fleetOf(7, 2));
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        QVERIFY2(second.start(), qPrintable(second.errorString()));
        QSignalSpy finished(m_session.get(), &FleetSession::refreshFinished);
        QSignalSpy inserted(m_session->model(), &QAbstractItemModel::rowsInserted);
        m_session->connectTo(configFor(first));
        // The first page is in: switch while the rest of the listing is on its way.
        QVERIFY(inserted.wait(kWaitMs));
        QVERIFY(m_session->refreshController()->isRefreshing());
        m_session->connectTo(configFor(second));
        QCOMPARE(m_session->model()->rowCount(), 0); // at once
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QCOMPARE(finished.at(0).at(0).value<Outcome>(), Outcome::Success);
        QCOMPARE(m_session->model()->rowCount(), 7);
        // The first listing asks for no more pages: another whole cycle on the second
        // connection, and the first emulator has seen nothing new.
        const quint64 firstRequests = first.counters().requests;
        QVERIFY(firstRequests < 20);
        m_timer->fire();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        QCOMPARE(m_session->model()->rowCount(), 7);
        QCOMPARE(first.counters().requests, firstRequests);
    }

    void configurationError_standsInsteadOfAConnection()
    {
        emulator::Emulator demo(fleetOf(5));
        QVERIFY2(demo.start(), qPrintable(demo.errorString()));
        QSignalSpy finished(m_session.get(), &FleetSession::refreshFinished);
        m_session->connectTo(configFor(demo));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QCOMPARE(m_session->model()->rowCount(), 5);

        QSignalSpy changed(m_session.get(), &FleetSession::connectionChanged);
        m_session->setConfigurationError(configurationError());
        QCOMPARE(changed.size(), 1);
        QVERIFY(!m_session->isConnected());
        QCOMPARE(m_session->model()->rowCount(), 0);
        QCOMPARE(m_session->connectionLabel(), QString());
        QVERIFY(m_session->configurationError());
        QCOMPARE(m_session->configurationError()->message, configurationError().message);

        // A connection replaces the error.
        m_session->connectTo(configFor(demo));
        QVERIFY(!m_session->configurationError());
    }

    void refreshWithoutAConnection_asksForOne()
    {
        QSignalSpy needed(m_session.get(), &FleetSession::connectionNeeded);
        m_session->setConfigurationError(configurationError());
        QVERIFY(m_session->refreshController()->refreshNow());
        QCOMPARE(needed.size(), 1);
        QVERIFY(!m_session->refreshController()->isRefreshing()); // that cycle is over, failed
        QCOMPARE(m_session->model()->rowCount(), 0);
    }

    void failedCycle_keepsItsErrorUntilAGoodOne()
    {
        const testsupport::RefusingLoopbackPort refusing;
        const quint16 closed = refusing.port();
        QVERIFY(closed != 0);
        emulator::Emulator demo(fleetOf(4));
        QVERIFY2(demo.start(), qPrintable(demo.errorString()));
        QSignalSpy finished(m_session.get(), &FleetSession::refreshFinished);
        m_session->connectTo(configFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed)),
            demo.credentials(), demo.region()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QCOMPARE(finished.at(0).at(0).value<Outcome>(), Outcome::Failed);
        QVERIFY(m_session->refreshError());
        QCOMPARE(m_session->refreshError()->kind, aws::AwsError::Kind::Network);
        QVERIFY(m_session->isConnected()); // a failed cycle is not a lost connection

        m_session->connectTo(configFor(demo));
        QVERIFY2(!m_session->refreshError(), "a new connection starts without the old error");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        QCOMPARE(finished.at(1).at(0).value<Outcome>(), Outcome::Success);
        QVERIFY(!m_session->refreshError());
        QCOMPARE(m_session->model()->rowCount(), 4);
    }

    void destroyedWhileLoading_isQuiet()
    {
        emulator::Emulator demo(fleetOf(3000));
        QVERIFY2(demo.start(), qPrintable(demo.errorString()));
        m_session->connectTo(configFor(demo));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->model()->rowCount() > 0, kWaitMs);
        m_session.reset();
        const quint64 requests = demo.counters().requests;
        // A whole cycle of another session on the same network: any late answer for the one
        // that is gone would arrive meanwhile, on freed objects (ASan's case), or ask for more.
        FleetSession other(&m_network, m_clock, std::make_unique<testsupport::ManualTimer>());
        QSignalSpy finished(&other, &FleetSession::refreshFinished);
        other.connectTo(configFor(demo));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QCOMPARE(other.model()->rowCount(), 3000);
        QCOMPARE(demo.counters().requests, requests + 6); // the other's 6 pages, nothing more
    }

private:
    QNetworkAccessManager m_network;
    std::shared_ptr<core::ManualClock> m_clock;
    testsupport::ManualTimer *m_timer = nullptr;
    std::unique_ptr<FleetSession> m_session;
};

QTEST_GUILESS_MAIN(TestFleetSession)
#include "tst_fleetsession.moc"
