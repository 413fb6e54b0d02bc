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
#include "models/itemroles.h"
#include "models/schedulerdetailscontroller.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
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

// An emulator of its own: its keys, region and fleet.
emulator::EmulatorOptions ownFleet(int size, quint64 seed, const QString &region, int keyNumber)
{
    emulator::EmulatorOptions options = fleetOf(size, seed);
    options.region = region;
    options.credentials.accessKeyId
        = QStringLiteral("AKIAEMULATOR%1").arg(keyNumber, 8, 10, QLatin1Char('0'));
    options.credentials.secretAccessKey
        = QStringLiteral("SecretOfEmulatorNumber%1").arg(keyNumber, 18, 10, QLatin1Char('0'));
    return options;
}

// A folder holding one saved describe answer: `name` in `account` and `region`, its data delay
// offset telling the two apart.
bool writeArchive(const QString &folder, const QString &name, const QString &account,
    const QString &region, int delayMinutes)
{
    const QString arn = QStringLiteral("arn:aws:lookoutequipment:%1:%2:").arg(region, account);
    const QString json = QStringLiteral(R"({"ModelArn": "%1model/m/1", "ModelName": "m",
"InferenceSchedulerName": "%2", "InferenceSchedulerArn": "%1inference-scheduler/%2/1",
"Status": "STOPPED", "DataDelayOffsetInMinutes": %3, "DataUploadFrequency": "PT5M",
"CreatedAt": "2026-01-19T11:58:00+00:00", "UpdatedAt": "2026-01-19T11:58:00+00:00",
"DataInputConfiguration": {"S3InputConfiguration": {"Bucket": "in-%4"}},
"DataOutputConfiguration": {"S3OutputConfiguration": {"Bucket": "out-%4"}},
"RoleArn": "arn:aws:iam::%5:role/R"})")
                             .arg(arn, name, QString::number(delayMinutes), region, account);
    QFile file(QDir(folder).filePath(name + QStringLiteral(".json")));
    return file.open(QIODevice::WriteOnly) && file.write(json.toUtf8()) == json.toUtf8().size();
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

    // ---- several connections --------------------------------------------------------------

    void severalConnections_eachListsItsOwnAccountWithItsOwnKeys()
    {
        auto session = multiSession();
        emulator::Emulator a(ownFleet(30, 3, QStringLiteral("eu-west-1"), 1));
        emulator::Emulator b(ownFleet(20, 4, QStringLiteral("ap-northeast-2"), 2));
        QVERIFY2(a.start(), qPrintable(a.errorString()));
        QVERIFY2(b.start(), qPrintable(b.errorString()));
        QSignalSpy finished(session.get(), &FleetSession::refreshFinished);
        session->setConnectionCount(2);
        session->connectTo(0, configFor(a, QStringLiteral("plant-a")));
        session->connectTo(1, configFor(b, QStringLiteral("plant-b")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        QCOMPARE(finished.at(0).at(0).value<Outcome>(), Outcome::Success);
        QCOMPARE(finished.at(1).at(0).value<Outcome>(), Outcome::Success);
        const models::SchedulerListModel *model = session->model();
        QCOMPARE(model->rowCount(), 50);
        QCOMPARE(a.counters().requests, quint64(1));
        QCOMPARE(b.counters().requests, quint64(1));
        QSet<QString> accounts[2];
        for (int row = 0; row < model->rowCount(); ++row) {
            const int source = model->sourceAt(row);
            const QString account
                = model->index(row, models::SchedulerListModel::AccountColumn).data().toString();
            QCOMPARE(account.size(), 12);
            accounts[source].insert(account);
            QCOMPARE(model->index(row, models::SchedulerListModel::RegionColumn).data().toString(),
                source == 0 ? QStringLiteral("eu-west-1") : QStringLiteral("ap-northeast-2"));
            QCOMPARE(model->index(row, models::SchedulerListModel::ProfileColumn).data().toString(),
                source == 0 ? QStringLiteral("plant-a") : QStringLiteral("plant-b"));
            QCOMPARE(model->index(row, 0).data(models::ConnectionGroupRole).toString(),
                account + QStringLiteral(" · ") + (source == 0 ? a.region() : b.region()));
        }
        QCOMPARE(accounts[0].size(), 1);
        QCOMPARE(accounts[1].size(), 1);
        QVERIFY(*accounts[0].cbegin() != *accounts[1].cbegin());
        QVERIFY(session->connectionProblems().isEmpty());

        // The second connection with the first one's keys is refused there, and only there.
        session->connectTo(1, configFor(b.endpoint(), a.credentials(), b.region(), "plant-b"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kWaitMs);
        QCOMPARE(finished.at(2).at(0).value<Outcome>(), Outcome::Failed);
        QCOMPARE(model->rowCount(), 30);
        QCOMPARE(session->connectionProblems().size(), 1);
        QVERIFY(session->connectionProblems().first().startsWith(
            QStringLiteral("plant-b · ap-northeast-2: ")));
        QVERIFY(!session->connection(0)->refreshError());
    }

    void severalConnections_oneStoppingMidRunGoesStaleAlone()
    {
        auto session = multiSession();
        emulator::Emulator a(ownFleet(12, 5, QStringLiteral("us-east-1"), 3));
        emulator::Emulator b(ownFleet(8, 6, QStringLiteral("eu-west-1"), 4));
        QVERIFY2(a.start(), qPrintable(a.errorString()));
        QVERIFY2(b.start(), qPrintable(b.errorString()));
        QSignalSpy finished(session.get(), &FleetSession::refreshFinished);
        session->setConnectionCount(2);
        session->connectTo(0, configFor(a, QStringLiteral("plant-a")));
        session->connectTo(1, configFor(b, QStringLiteral("plant-b")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);

        b.stop();
        QVERIFY(session->refreshAll());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, kWaitMs);
        const models::SchedulerListModel *model = session->model();
        QCOMPARE(model->rowCount(), 20);
        QVERIFY(model->isConnectionStale(1));
        QVERIFY(!model->isConnectionStale(0));
        for (int row = 0; row < model->rowCount(); ++row) {
            const bool failing = model->sourceAt(row) == 1;
            QCOMPARE(model->isRowStale(row), failing);
            QCOMPARE(model->index(row, 0).data(models::ConnectionProblemRole).toString().isEmpty(),
                !failing);
        }
        QVERIFY(session->connection(1)->refreshError());
        QCOMPARE(session->connection(1)->refreshError()->kind, aws::AwsError::Kind::Network);
        QVERIFY(!session->connection(1)->problem().contains(u'\n'));
        QCOMPARE(session->connectionProblems().size(), 1);
        // The healthy one goes on refreshing on its own.
        const quint64 before = a.counters().requests;
        QVERIFY(session->connection(0)->refreshController()->refreshNow());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 5, kWaitMs);
        QCOMPARE(a.counters().requests, before + 1);
        QVERIFY(!model->isConnectionStale(0));
    }

    void severalConnections_aThrottledOneBacksOffAlone()
    {
        auto session = multiSession();
        emulator::Emulator a(ownFleet(6, 7, QStringLiteral("us-east-1"), 5));
        emulator::EmulatorOptions throttled = ownFleet(6, 8, QStringLiteral("us-west-2"), 6);
        throttled.faults.throttlingPercent = 100;
        emulator::Emulator b(throttled);
        QVERIFY2(a.start(), qPrintable(a.errorString()));
        QVERIFY2(b.start(), qPrintable(b.errorString()));
        QSignalSpy finished(session.get(), &FleetSession::refreshFinished);
        session->setConnectionCount(2);
        session->connectTo(0, configFor(a, QStringLiteral("plant-a")));
        session->connectTo(1, configFor(b, QStringLiteral("plant-b")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        QVERIFY(session->connection(1)->refreshController()->isBackingOff());
        QVERIFY(!session->connection(0)->refreshController()->isBackingOff());
        QVERIFY(session->connection(1)->refreshError()->isThrottling());
        QCOMPARE(session->model()->rowCount(), 6);
        QVERIFY(session->connection(1)->problem().contains(QStringLiteral("Throttling")));
    }

    void tenConnections_spreadTheirRefreshesOverTheInterval()
    {
        auto session = multiSession();
        std::vector<std::unique_ptr<emulator::Emulator>> emulators;
        const QStringList regions { "us-east-1", "eu-west-1", "ap-northeast-2", "us-west-2",
            "eu-central-1", "ap-south-1", "ca-central-1", "sa-east-1", "eu-north-1",
            "ap-southeast-2" };
        QSignalSpy finished(session.get(), &FleetSession::refreshFinished);
        session->setConnectionCount(10);
        for (int i = 0; i < 10; ++i) {
            emulators.push_back(std::make_unique<emulator::Emulator>(
                ownFleet(5 + i, quint64(20 + i), regions[i], 10 + i)));
            QVERIFY2(emulators.back()->start(), qPrintable(emulators.back()->errorString()));
            session->connectTo(i, configFor(*emulators.back(), QStringLiteral("p%1").arg(i)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 10, kWaitMs);
        QCOMPARE(session->model()->rowCount(), 10 * 5 + 45);
        QSet<QString> groups;
        for (int row = 0; row < session->model()->rowCount(); ++row)
            groups.insert(
                session->model()->index(row, 0).data(models::ConnectionGroupRole).toString());
        QCOMPARE(groups.size(), 10);
        // The clock stood still while they loaded: the next refreshes are 3 s apart (30 s / 10).
        const QDateTime first = session->connection(0)->refreshController()->nextRefreshAt();
        QVERIFY(first.isValid());
        for (int i = 1; i < 10; ++i) {
            QCOMPARE(first.msecsTo(session->connection(i)->refreshController()->nextRefreshAt()),
                qint64(i) * 3000);
        }
        // The shared interval reaches every connection.
        session->refreshController()->setInterval(std::chrono::seconds(60));
        for (int i = 1; i < 10; ++i)
            QCOMPARE(
                session->connection(i)->refreshController()->interval(), std::chrono::seconds(60));
        // Fewer connections drop the rows of the ones gone.
        session->setConnectionCount(2);
        QCOMPARE(session->model()->rowCount(), 5 + 6);
    }

    void details_followTheChosenRowsConnection()
    {
        QTemporaryDir dirA;
        QTemporaryDir dirB;
        QVERIFY(writeArchive(dirA.path(), QStringLiteral("pump-1"), QStringLiteral("111111111111"),
            QStringLiteral("us-east-1"), 11));
        QVERIFY(writeArchive(dirB.path(), QStringLiteral("pump-1"), QStringLiteral("222222222222"),
            QStringLiteral("eu-west-1"), 22));
        emulator::EmulatorOptions optionsA = ownFleet(1, 1, QStringLiteral("us-east-1"), 30);
        optionsA.archiveDirectory = dirA.path();
        emulator::EmulatorOptions optionsB = ownFleet(1, 1, QStringLiteral("eu-west-1"), 31);
        optionsB.archiveDirectory = dirB.path();
        emulator::Emulator a(optionsA);
        emulator::Emulator b(optionsB);
        QVERIFY2(a.start(), qPrintable(a.errorString()));
        QVERIFY2(b.start(), qPrintable(b.errorString()));

        auto session = multiSession();
        models::SchedulerDetailsController details;
        session->setDetailsController(&details);
        QSignalSpy finished(session.get(), &FleetSession::refreshFinished);
        session->setConnectionCount(2);
        session->connectTo(0, configFor(a, QStringLiteral("plant-a")));
        session->connectTo(1, configFor(b, QStringLiteral("plant-b")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
        QCOMPARE(session->model()->rowCount(), 2); // one name, two accounts: two rows

        const auto delayShown = [&] {
            return details.scheduler() ? details.scheduler()->dataDelayOffsetInMinutes.value_or(-1)
                                       : -1;
        };
        details.showScheduler(QStringLiteral("pump-1"));
        QTRY_COMPARE_WITH_TIMEOUT(delayShown(), qint64(11), kWaitMs);
        QCOMPARE(details.cliOptions().region, QStringLiteral("us-east-1"));

        const quint64 bBefore = b.counters().requests;
        session->setDetailsConnection(1);
        QCOMPARE(session->detailsConnection(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(delayShown(), qint64(22), kWaitMs);
        QVERIFY(b.counters().requests > bBefore);
        QCOMPARE(details.cliOptions().region, QStringLiteral("eu-west-1"));
        QCOMPARE(details.cliOptions().profile, QStringLiteral("plant-b"));

        // Its connection's cycles carry its Describe; the other's do not.
        const quint64 describedB = b.counters().requests;
        QVERIFY(session->connection(0)->refreshController()->refreshNow());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kWaitMs);
        QCOMPARE(b.counters().requests, describedB);
        QVERIFY(session->connection(1)->refreshController()->refreshNow());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b.counters().requests, describedB + 2, kWaitMs);
        session->setDetailsController(nullptr);
    }

private:
    // A session whose every connection has a timer of its own, fired by hand.
    std::unique_ptr<FleetSession> multiSession()
    {
        return std::make_unique<FleetSession>(&m_network, m_clock, core::TimerFactory([this] {
            return std::make_unique<testsupport::ManualTimer>(m_clock);
        }));
    }

    QNetworkAccessManager m_network;
    std::shared_ptr<core::ManualClock> m_clock;
    testsupport::ManualTimer *m_timer = nullptr;
    std::unique_ptr<FleetSession> m_session;
};

QTEST_GUILESS_MAIN(TestFleetSession)
#include "tst_fleetsession.moc"
