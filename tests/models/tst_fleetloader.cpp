// FleetLoader and ConnectedClient against the in-process emulator: the fleet in 500-row pages
// (the first on screen before the last arrives), one request per page, throttling and other
// failures as refresh outcomes with stale rows kept, one cycle at a time, cancelling, and
// replacing the connection dropping every call in flight.
#include "core/clock.h"
#include "emulator/emulator.h"
#include "lookout/service.h"
#include "models/connectedclient.h"
#include "models/fleetloader.h"
#include "models/schedulerlistmodel.h"
#include "models/summaryreuser.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using models::ConnectedClient;
using models::FleetLoader;
using models::SchedulerListModel;
using Outcome = models::RefreshController::Outcome;

namespace {

constexpr int kWaitMs = 20'000;

// A configuration for the emulator with one attempt per call, so failures arrive at once.
aws::ResolvedConfig emulatorConfig(
    const emulator::Emulator &demo, const QString &profile = QStringLiteral("test"))
{
    aws::ResolvedConfig config;
    config.service = lookout::service::description();
    config.profile = { profile, QStringLiteral("the test") };
    config.region = { demo.region(), QStringLiteral("the emulator") };
    config.endpoint = demo.endpoint();
    config.endpointSource = QStringLiteral("the emulator");
    config.maxAttempts = { QStringLiteral("1"), QStringLiteral("the test") };
    config.retryMode = { QStringLiteral("standard"), QStringLiteral("the test") };
    config.credentials = std::make_shared<aws::StaticCredentialsProvider>(demo.credentials());
    return config;
}

// Credentials that cannot be had, as when credential_process fails.
class FailingCredentials final : public aws::CredentialsProvider {
public:
    void fetch(QObject *, Callback done) override
    {
        aws::AwsError error;
        error.kind = aws::AwsError::Kind::Credentials;
        error.message = QStringLiteral("Unable to locate credentials. You can configure "
                                       "credentials by running \"aws configure\".");
        done(error);
    }
    void invalidate() override { }
    QString description() const override { return QStringLiteral("nothing"); }
};

emulator::EmulatorOptions fleetOf(int size)
{
    emulator::EmulatorOptions options;
    options.fleetSize = size;
    // Time stands still: no PENDING scheduler starts between two cycles of a slow (sanitized) run.
    options.clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    return options;
}

} // namespace

class TestFleetLoader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void load_wholeFleetOneRequestPerPage();
    void load_firstPageShownBeforeTheLast();
    void refresh_unchangedFleet_emitsNoDataChanges();
    void throttled_isThrottledOutcomeAndKeepsRows();
    void internalError_isFailedOutcome();
    void start_whileLoading_isRefused();
    void credentialsFailure_isFailedOutcomeWithTheProvidersError();
    void listing_runsOffTheCallersThread();
    void cancel_dropsTheListing();
    void outcomeOf_data();
    void outcomeOf();
    void connectedClient_describesItself();
    void connectedClient_replaced_dropsCallsInFlight();

private:
    QNetworkAccessManager m_network;
};

void TestFleetLoader::initTestCase()
{
    qRegisterMetaType<std::optional<aws::AwsError>>();
    qRegisterMetaType<Outcome>();
}

void TestFleetLoader::load_wholeFleetOneRequestPerPage()
{
    emulator::Emulator demo(fleetOf(1234));
    QVERIFY2(demo.start(), qPrintable(demo.errorString()));
    ConnectedClient client(&m_network, emulatorConfig(demo));
    SchedulerListModel model;
    FleetLoader loader(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(&loader, &FleetLoader::finished);
    QVERIFY(loader.start(client));
    QVERIFY(loader.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(finished.at(0).at(0).value<Outcome>(), Outcome::Success);
    QVERIFY(!loader.isLoading());
    QVERIFY(!loader.lastError());
    QCOMPARE(model.rowCount(), 1234);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(demo.counters().requests, quint64(3));
    QVERIFY(!model.isStale());
    QCOMPARE(model.summary().total(), 1234);
}

void TestFleetLoader::load_firstPageShownBeforeTheLast()
{
    emulator::Emulator demo(fleetOf(1001));
    QVERIFY(demo.start());
    ConnectedClient client(&m_network, emulatorConfig(demo));
    SchedulerListModel model;
    FleetLoader loader(&model);
    QList<bool> loadingAtInsert;
    connect(&model, &QAbstractItemModel::rowsInserted, this,
        [&] { loadingAtInsert.append(loader.isLoading() && model.isCycleRunning()); });
    QSignalSpy finished(&loader, &FleetLoader::finished);
    loader.start(client);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(loadingAtInsert, (QList<bool> { true, true, true }));
}

void TestFleetLoader::refresh_unchangedFleet_emitsNoDataChanges()
{
    emulator::Emulator demo(fleetOf(600));
    QVERIFY(demo.start());
    ConnectedClient client(&m_network, emulatorConfig(demo));
    SchedulerListModel model;
    FleetLoader loader(&model);
    QSignalSpy finished(&loader, &FleetLoader::finished);
    loader.start(client);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QList<lookout::InferenceSchedulerSummary> before;
    for (int row = 0; row < model.rowCount(); ++row)
        before.append(model.schedulerAt(row));
    loader.start(client);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(demo.counters().requests, quint64(4));
    // The second listing's summaries came as the first's copies (SummaryReuser), so the model
    // recognised them without reading a text; its rows still hold the very same texts.
    QCOMPARE(model.rowCount(), 600);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY2(models::sharesAllData(model.schedulerAt(row), before[row]),
            qPrintable(QString::number(row)));
}

void TestFleetLoader::throttled_isThrottledOutcomeAndKeepsRows()
{
    emulator::Emulator demo(fleetOf(700));
    QVERIFY(demo.start());
    ConnectedClient client(&m_network, emulatorConfig(demo));
    SchedulerListModel model;
    FleetLoader loader(&model);
    QSignalSpy finished(&loader, &FleetLoader::finished);
    loader.start(client);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);

    emulator::FaultConfig faults;
    faults.throttlingPercent = 100;
    QVERIFY(demo.setFaults(faults));
    loader.start(client);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QCOMPARE(finished.at(1).at(0).value<Outcome>(), Outcome::Throttled);
    const auto error = finished.at(1).at(1).value<std::optional<aws::AwsError>>();
    QVERIFY(error);
    QCOMPARE(error->code, QStringLiteral("ThrottlingException"));
    QVERIFY(loader.lastError());
    QCOMPARE(model.rowCount(), 700);
    QVERIFY(model.isStale());
    QVERIFY(model.isRowStale(0));
}

void TestFleetLoader::internalError_isFailedOutcome()
{
    emulator::EmulatorOptions options = fleetOf(10);
    options.faults.internalErrorPercent = 100;
    emulator::Emulator demo(options);
    QVERIFY(demo.start());
    ConnectedClient client(&m_network, emulatorConfig(demo));
    SchedulerListModel model;
    FleetLoader loader(&model);
    QSignalSpy finished(&loader, &FleetLoader::finished);
    loader.start(client);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(finished.at(0).at(0).value<Outcome>(), Outcome::Failed);
    QCOMPARE(loader.lastError()->code, QStringLiteral("InternalServerException"));
    QVERIFY(loader.lastError()->toString().startsWith(
        QStringLiteral("An error occurred (InternalServerException) when "
                       "calling the ListInferenceSchedulers operation")));
    QCOMPARE(model.rowCount(), 0);
}

void TestFleetLoader::start_whileLoading_isRefused()
{
    emulator::Emulator demo(fleetOf(10));
    QVERIFY(demo.start());
    ConnectedClient client(&m_network, emulatorConfig(demo));
    SchedulerListModel model;
    FleetLoader loader(&model);
    QSignalSpy finished(&loader, &FleetLoader::finished);
    QVERIFY(loader.start(client));
    QVERIFY(!loader.start(client));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(demo.counters().requests, quint64(1));
}

void TestFleetLoader::credentialsFailure_isFailedOutcomeWithTheProvidersError()
{
    emulator::Emulator demo(fleetOf(3));
    QVERIFY(demo.start());
    aws::ResolvedConfig broken = emulatorConfig(demo);
    broken.credentials = std::make_shared<FailingCredentials>();
    ConnectedClient client(&m_network, broken);
    SchedulerListModel model;
    FleetLoader loader(&model);
    QSignalSpy finished(&loader, &FleetLoader::finished);
    QVERIFY(loader.start(client));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(finished.at(0).at(0).value<Outcome>(), Outcome::Failed);
    QCOMPARE(loader.lastError()->kind, aws::AwsError::Kind::Credentials);
    QCOMPARE(loader.lastError()->toString(),
        QStringLiteral("Unable to locate credentials. You can configure credentials by running "
                       "\"aws configure\"."));
    QCOMPARE(demo.counters().requests, quint64(0));
    QVERIFY(model.isStale());
}

void TestFleetLoader::listing_runsOffTheCallersThread()
{
    emulator::Emulator demo(fleetOf(600));
    QVERIFY(demo.start());
    ConnectedClient client(&m_network, emulatorConfig(demo));
    SchedulerListModel model;
    FleetLoader loader(&model);
    QSignalSpy finished(&loader, &FleetLoader::finished);
    // Pages are merged on the model's thread, whatever thread received them.
    QList<QThread *> mergedOn;
    connect(&model, &QAbstractItemModel::rowsInserted, this,
        [&] { mergedOn.append(QThread::currentThread()); });
    loader.start(client);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(mergedOn, (QList<QThread *> { QThread::currentThread(), QThread::currentThread() }));
    const QList<QThread *> threads = loader.findChildren<QThread *>();
    QCOMPARE(threads.size(), 1);
    QVERIFY(threads.first()->isRunning());
    QCOMPARE(threads.first()->objectName(), QStringLiteral("fleet listing"));
}

void TestFleetLoader::cancel_dropsTheListing()
{
    emulator::EmulatorOptions options = fleetOf(1500);
    emulator::Emulator demo(options);
    QVERIFY(demo.start());
    ConnectedClient client(&m_network, emulatorConfig(demo));
    SchedulerListModel model;
    FleetLoader loader(&model);
    QSignalSpy finished(&loader, &FleetLoader::finished);
    QSignalSpy cycles(&model, &SchedulerListModel::cycleFinished);
    QSignalSpy loading(&loader, &FleetLoader::loadingChanged);
    // Cancel as soon as the first page is in: pages 2 and 3 must never be applied.
    connect(
        &model, &QAbstractItemModel::rowsInserted, &loader, [&] { loader.cancel(); },
        Qt::SingleShotConnection);
    loader.start(client);
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), kWaitMs);
    QCOMPARE(model.rowCount(), 500);
    QCOMPARE(cycles.size(), 1);
    QCOMPARE(cycles.at(0).at(0).toBool(), false);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(loading.size(), 2);
    // A new cycle runs to its end; the cancelled one never reports.
    loader.start(client);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(model.rowCount(), 1500);
    QCOMPARE(cycles.size(), 2);
}

void TestFleetLoader::outcomeOf_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Outcome>("outcome");
    QTest::newRow("ThrottlingException")
        << 400 << QStringLiteral("ThrottlingException") << Outcome::Throttled;
    QTest::newRow("Throttling") << 400 << QStringLiteral("Throttling") << Outcome::Throttled;
    QTest::newRow("TooManyRequests")
        << 400 << QStringLiteral("TooManyRequestsException") << Outcome::Throttled;
    QTest::newRow("RequestLimitExceeded")
        << 400 << QStringLiteral("RequestLimitExceeded") << Outcome::Throttled;
    QTest::newRow("any 429") << 429 << QString() << Outcome::Throttled;
    QTest::newRow("internal") << 500 << QStringLiteral("InternalServerException")
                              << Outcome::Failed;
    QTest::newRow("access denied")
        << 403 << QStringLiteral("AccessDeniedException") << Outcome::Failed;
    QTest::newRow("network") << 0 << QString() << Outcome::Failed;
}

void TestFleetLoader::outcomeOf()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(Outcome, outcome);
    aws::AwsError error;
    error.kind = code.isEmpty() ? aws::AwsError::Kind::Network : aws::AwsError::Kind::Service;
    error.httpStatus = status;
    error.code = code;
    QCOMPARE(FleetLoader::outcomeOf(error), outcome);
}

void TestFleetLoader::connectedClient_describesItself()
{
    emulator::Emulator demo(fleetOf(1));
    QVERIFY(demo.start());
    ConnectedClient client(&m_network, emulatorConfig(demo, QStringLiteral("plant-north")));
    QCOMPARE(client.displayName(), QStringLiteral("plant-north · us-east-1"));
    QCOMPARE(client.cliOptions().profile, QStringLiteral("plant-north"));
    QCOMPARE(client.cliOptions().endpoint, demo.endpoint());
    QCOMPARE(client.jsonClient()->settings().maxAttempts, 1);
    QCOMPARE(client.lookoutClient().jsonClient(), client.jsonClient());
    ConnectedClient anonymous(&m_network, emulatorConfig(demo, QString()));
    QCOMPARE(anonymous.displayName(), QStringLiteral("us-east-1"));
}

void TestFleetLoader::connectedClient_replaced_dropsCallsInFlight()
{
    emulator::EmulatorOptions slow = fleetOf(5);
    slow.faults.slowPercent = 100;
    slow.faults.slowDelay = std::chrono::milliseconds(1500);
    emulator::Emulator old(slow);
    QVERIFY(old.start());
    emulator::Emulator next(fleetOf(3));
    QVERIFY(next.start());

    auto client = std::make_unique<ConnectedClient>(&m_network, emulatorConfig(old));
    int oldAnswers = 0;
    QObject context;
    client->lookoutClient().listInferenceSchedulers(
        {}, &context, nullptr, [&](const auto &) { ++oldAnswers; });
    const lookout::LookoutClient oldClient = client->lookoutClient();
    QTRY_COMPARE_WITH_TIMEOUT(old.counters().requests, quint64(1), kWaitMs);

    // Replaced while the old endpoint is still holding its answer back.
    client = std::make_unique<ConnectedClient>(&m_network, emulatorConfig(next));
    bool newAnswered = false;
    client->lookoutClient().listInferenceSchedulers({}, &context, nullptr, [&](const auto &result) {
        QVERIFY(result.ok());
        newAnswered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(newAnswered, kWaitMs);
    // The old endpoint's answer is due after 1.5 s; wait past it for a call on the new
    // connection that is itself held back as long, so the wait is bounded by an event.
    emulator::FaultConfig faults;
    faults.slowPercent = 100;
    faults.slowDelay = std::chrono::milliseconds(2000);
    QVERIFY(next.setFaults(faults));
    bool laterAnswered = false;
    client->lookoutClient().listInferenceSchedulers(
        {}, &context, nullptr, [&](const auto &) { laterAnswered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(laterAnswered, kWaitMs);
    QCOMPARE(oldAnswers, 0);
    // A client copied from the old connection cannot send any more.
    QVERIFY(!oldClient.jsonClient());
}

QTEST_GUILESS_MAIN(TestFleetLoader)
#include "tst_fleetloader.moc"
