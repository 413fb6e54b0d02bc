// SchedulerDetailsController against the in-process emulator (refresh, failure, stale, not found,
// the transitional re-poll) and the scripted HTTP server (a scheduler that vanishes, calls that
// hang while the connection or the scheduler is switched). Time and the re-poll timer are
// injected; nothing waits for real seconds.
#include "clienttestdoubles.h"
#include "emulator/emulator.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"
#include "lookoutjsonclient.h"
#include "manualtimer.h"
#include "models/schedulerdetailscontroller.h"
#include "scriptedhttpserver.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using models::SchedulerDetailsController;
using State = models::SchedulerDetailsController::State;
using testsupport::ManualTimer;

namespace {

constexpr int kWaitMs = 10'000;
const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(12, 3, 5), Qt::UTC);

lookout::InferenceScheduler loadScheduler(const QString &fileName)
{
    QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/details/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return lookout::json::decodeCliDescribeInferenceScheduler(file.readAll()).value();
}

// A JSON client for one endpoint, with one attempt per call so failures arrive at once.
} // namespace

class TestSchedulerDetailsController : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void initially_emptyAndIdle();
    void showScheduler_loadsTheValueAndItsTime();
    void showScheduler_withoutClient_waitsForOne();
    void refresh_keepsTheValueWhileInFlight();
    void refresh_whileInFlight_sendsNothing();
    void failure_keepsTheValueAndMarksItStale();
    void failure_withoutValue_isFailed();
    void unknownName_isNotFound();
    void invalidName_failsWithoutSending();
    void vanishedScheduler_clearsTheValue();
    void pending_isPolledEveryFiveSecondsUntilRunning();
    void stopping_isPolledAndRunningIsNot();
    void polling_continuesThroughAFailure();
    void switchingClient_dropsTheCallInFlight();
    void clearingClient_dropsTheCallAndTheValue();
    void showingAnother_dropsTheCallInFlight();
    void copyTexts_areTheCliJsonAndCommand();

private:
    SchedulerDetailsController *makeController();
    lookout::LookoutClient emulatorClient();
    models::CliGlobalOptions emulatorCliOptions() const;
    qint64 describeRequests() const { return qint64(m_emulator->counters().requests); }

    std::shared_ptr<core::ManualClock> m_emulatorClock;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<aws::AwsJsonClient> m_jsonClient;
    std::shared_ptr<core::ManualClock> m_clock;
    ManualTimer *m_pollTimer = nullptr;
    std::unique_ptr<SchedulerDetailsController> m_controller;
};

void TestSchedulerDetailsController::init()
{
    // The emulator checks signatures against its own clock, so it starts at the real time.
    m_emulatorClock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    emulator::EmulatorOptions options;
    options.archiveDirectory = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/details");
    options.clock = m_emulatorClock;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_jsonClient = testsupport::oneAttemptLookoutClient(
        m_network.get(), m_emulator->endpoint(), m_emulator->region(), m_emulator->credentials());
    m_clock = std::make_shared<core::ManualClock>(kStart);
}

void TestSchedulerDetailsController::cleanup()
{
    m_controller.reset();
    m_jsonClient.reset();
    m_network.reset();
    m_emulator.reset();
}

SchedulerDetailsController *TestSchedulerDetailsController::makeController()
{
    auto timer = std::make_unique<ManualTimer>();
    m_pollTimer = timer.get();
    m_controller = std::make_unique<SchedulerDetailsController>(m_clock, std::move(timer));
    return m_controller.get();
}

lookout::LookoutClient TestSchedulerDetailsController::emulatorClient()
{
    return lookout::LookoutClient(m_jsonClient.get());
}

models::CliGlobalOptions TestSchedulerDetailsController::emulatorCliOptions() const
{
    return { QStringLiteral("default"), m_emulator->region(), m_emulator->endpoint() };
}

void TestSchedulerDetailsController::initially_emptyAndIdle()
{
    SchedulerDetailsController *controller = makeController();
    QCOMPARE(controller->state(), State::Empty);
    QVERIFY(!controller->isBusy());
    QVERIFY(!controller->refresh());
    QVERIFY(!controller->lastUpdated().isValid());
    QCOMPARE(controller->model()->rowCount(), 0);
    QCOMPARE(controller->cliJson(), QString());
    QCOMPARE(controller->cliCommand(), QString());
}

void TestSchedulerDetailsController::showScheduler_loadsTheValueAndItsTime()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    QSignalSpy busy(controller, &SchedulerDetailsController::busyChanged);
    controller->showScheduler(QStringLiteral("pump-station-7-bearing-hourly"));
    QVERIFY(controller->isBusy());
    QCOMPARE(controller->state(), State::Loading);
    QCOMPARE(busy.size(), 1);
    QCOMPARE(busy.first().first().toBool(), true);

    m_clock->advance(std::chrono::milliseconds(250));
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->state(), State::Loaded);
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.last().first().toBool(), false);
    QCOMPARE(*controller->scheduler(),
        loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json")));
    QCOMPARE(controller->lastUpdated(), kStart.addMSecs(250));
    QVERIFY(!controller->isStale());
    QVERIFY(!controller->lastError());
    QCOMPARE(controller->model()->fieldIndex(QStringLiteral("status")).data().toString(),
        QStringLiteral("RUNNING"));
    // RUNNING is not transitional: no re-poll.
    QVERIFY(!controller->isPolling());
}

void TestSchedulerDetailsController::showScheduler_withoutClient_waitsForOne()
{
    SchedulerDetailsController *controller = makeController();
    controller->showScheduler(QStringLiteral("chiller-07"));
    QCOMPARE(controller->state(), State::NoConnection);
    QVERIFY(!controller->isBusy());
    QVERIFY(!controller->refresh());
    QCOMPARE(controller->schedulerName(), QStringLiteral("chiller-07"));
    // The connection arriving fetches the chosen scheduler.
    controller->setClient(emulatorClient(), emulatorCliOptions());
    QVERIFY(controller->isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    QCOMPARE(controller->scheduler()->inferenceSchedulerName, QStringLiteral("chiller-07"));
}

void TestSchedulerDetailsController::refresh_keepsTheValueWhileInFlight()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    controller->showScheduler(QStringLiteral("press-line-2-feeder"));
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    const QDateTime first = controller->lastUpdated();

    QSignalSpy reset(controller->model(), &QAbstractItemModel::modelReset);
    m_clock->advance(std::chrono::seconds(20));
    QVERIFY(controller->refresh());
    QVERIFY(controller->isBusy());
    QCOMPARE(controller->state(), State::Loaded);
    QCOMPARE(controller->model()->fieldIndex(QStringLiteral("schedulerName")).data().toString(),
        QStringLiteral("press-line-2-feeder"));
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->lastUpdated(), first.addSecs(20));
    QCOMPARE(reset.size(), 0);
}

void TestSchedulerDetailsController::refresh_whileInFlight_sendsNothing()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    const qint64 before = describeRequests();
    controller->showScheduler(QStringLiteral("press-line-2-feeder"));
    QVERIFY(!controller->refresh());
    QVERIFY(!controller->refresh());
    // The same name again is a refresh, and also refused while one is in flight.
    controller->showScheduler(QStringLiteral("press-line-2-feeder"));
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(describeRequests() - before, 1);
    QVERIFY(controller->refresh());
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(describeRequests() - before, 2);
}

void TestSchedulerDetailsController::failure_keepsTheValueAndMarksItStale()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    controller->showScheduler(QStringLiteral("pump-station-7-bearing-hourly"));
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    const QDateTime loadedAt = controller->lastUpdated();
    const lookout::InferenceScheduler value = *controller->scheduler();

    emulator::FaultConfig throttled;
    throttled.throttlingPercent = 100;
    QVERIFY(m_emulator->setFaults(throttled));
    m_clock->advance(std::chrono::seconds(65));
    QVERIFY(controller->refresh());
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->state(), State::Loaded);
    QVERIFY(controller->isStale());
    QCOMPARE(controller->staleSince(), loadedAt.addSecs(65));
    QCOMPARE(controller->lastUpdated(), loadedAt);
    QCOMPARE(*controller->scheduler(), value);
    QVERIFY(controller->lastError());
    QCOMPARE(controller->lastError()->code, QStringLiteral("ThrottlingException"));
    QVERIFY2(controller->lastError()->toString().startsWith(
                 QLatin1String("An error occurred (ThrottlingException) when calling the "
                               "DescribeInferenceScheduler operation")),
        qPrintable(controller->lastError()->toString()));
    QVERIFY(
        controller->model()->fieldData(QStringLiteral("schedulerArn"), models::StaleRole).toBool());

    // A second failure keeps the time the data first went stale.
    m_clock->advance(std::chrono::seconds(30));
    QVERIFY(controller->refresh());
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->staleSince(), loadedAt.addSecs(65));

    // Success clears it all.
    QVERIFY(m_emulator->setFaults({}));
    m_clock->advance(std::chrono::seconds(5));
    QVERIFY(controller->refresh());
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QVERIFY(!controller->isStale());
    QVERIFY(!controller->staleSince().isValid());
    QVERIFY(!controller->lastError());
    QCOMPARE(controller->lastUpdated(), loadedAt.addSecs(100));
    QVERIFY(!controller->model()
                 ->fieldData(QStringLiteral("schedulerArn"), models::StaleRole)
                 .toBool());
}

void TestSchedulerDetailsController::failure_withoutValue_isFailed()
{
    emulator::FaultConfig broken;
    broken.internalErrorPercent = 100;
    QVERIFY(m_emulator->setFaults(broken));
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    controller->showScheduler(QStringLiteral("chiller-07"));
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->state(), State::Failed);
    QVERIFY(!controller->isStale());
    QCOMPARE(controller->lastError()->code, QStringLiteral("InternalServerException"));
    QCOMPARE(controller->model()->rowCount(), 0);
    QVERIFY(!controller->isPolling());
}

void TestSchedulerDetailsController::unknownName_isNotFound()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    controller->showScheduler(QStringLiteral("no-such-scheduler"));
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->state(), State::NotFound);
    QCOMPARE(controller->lastError()->code, QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(controller->model()->rowCount(), 0);
    QCOMPARE(controller->cliJson(), QString());
}

void TestSchedulerDetailsController::invalidName_failsWithoutSending()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    const qint64 before = describeRequests();
    controller->showScheduler(QStringLiteral("has a space"));
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->state(), State::Failed);
    QCOMPARE(controller->lastError()->kind, aws::AwsError::Kind::InvalidParameter);
    QCOMPARE(describeRequests(), before);
}

void TestSchedulerDetailsController::vanishedScheduler_clearsTheValue()
{
    testsupport::ScriptedHttpServer server;
    QVERIFY(server.listen());
    const lookout::InferenceScheduler chiller = loadScheduler(QStringLiteral("chiller-07.json"));
    server.enqueue(testsupport::ScriptedResponse::json(
        200, lookout::json::encodeDescribeInferenceScheduler(chiller)));
    server.enqueue(testsupport::ScriptedResponse::awsError(
        400, "ResourceNotFoundException", "Inference scheduler chiller-07 does not exist"));
    const auto jsonClient = testsupport::oneAttemptLookoutClient(m_network.get(), server.url(),
        QStringLiteral("us-east-1"), emulator::EmulatorOptions::demoCredentials());

    SchedulerDetailsController *controller = makeController();
    controller->setClient(lookout::LookoutClient(jsonClient.get()), {});
    controller->showScheduler(QStringLiteral("chiller-07"));
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    QVERIFY(controller->isPolling()); // PENDING

    m_pollTimer->fire();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->state(), State::NotFound);
    QVERIFY(!controller->scheduler());
    QCOMPARE(controller->model()->rowCount(), 0);
    QVERIFY(!controller->lastUpdated().isValid());
    QVERIFY(!controller->isStale());
    QVERIFY(!controller->isPolling());
    QCOMPARE(controller->lastError()->toString(),
        QStringLiteral("An error occurred (ResourceNotFoundException) when calling the "
                       "DescribeInferenceScheduler "
                       "operation: Inference scheduler chiller-07 does not exist"));
}

void TestSchedulerDetailsController::pending_isPolledEveryFiveSecondsUntilRunning()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    controller->showScheduler(QStringLiteral("chiller-07"));
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    QCOMPARE(controller->scheduler()->status, QStringLiteral("PENDING"));
    QVERIFY(controller->isPolling());
    QCOMPARE(m_pollTimer->delay(), std::chrono::milliseconds(5000));

    // Still PENDING on the emulator's clock: polled again, and scheduled again.
    const qint64 before = describeRequests();
    m_pollTimer->fire();
    QVERIFY(controller->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(describeRequests() - before, 1);
    QCOMPARE(controller->scheduler()->status, QStringLiteral("PENDING"));
    QVERIFY(controller->isPolling());

    // The emulator finishes the start after 5 s of its time; the next poll sees RUNNING and stops.
    m_emulatorClock->advance(std::chrono::seconds(6));
    m_pollTimer->fire();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->scheduler()->status, QStringLiteral("RUNNING"));
    QVERIFY(!controller->isPolling());
    QCOMPARE(describeRequests() - before, 2);
}

void TestSchedulerDetailsController::stopping_isPolledAndRunningIsNot()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    controller->showScheduler(QStringLiteral("press-line-2-feeder"));
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    QCOMPARE(controller->scheduler()->status, QStringLiteral("STOPPING"));
    QVERIFY(controller->isPolling());
    QCOMPARE(m_pollTimer->delay(), SchedulerDetailsController::kTransitionalPollInterval);

    // A manual refresh replaces the pending poll rather than adding to it.
    QVERIFY(controller->refresh());
    QVERIFY(!controller->isPolling());
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QVERIFY(controller->isPolling());

    m_emulatorClock->advance(std::chrono::seconds(6));
    m_pollTimer->fire();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QCOMPARE(controller->scheduler()->status, QStringLiteral("STOPPED"));
    QVERIFY(!controller->isPolling());
}

void TestSchedulerDetailsController::polling_continuesThroughAFailure()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    controller->showScheduler(QStringLiteral("chiller-07"));
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    emulator::FaultConfig throttled;
    throttled.throttlingPercent = 100;
    QVERIFY(m_emulator->setFaults(throttled));
    m_pollTimer->fire();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy(), kWaitMs);
    QVERIFY(controller->isStale());
    QVERIFY(controller->isPolling());
}

void TestSchedulerDetailsController::switchingClient_dropsTheCallInFlight()
{
    testsupport::ScriptedHttpServer hanging;
    QVERIFY(hanging.listen());
    hanging.enqueue(testsupport::ScriptedResponse::hang());
    const auto hangingClient = testsupport::oneAttemptLookoutClient(m_network.get(), hanging.url(),
        QStringLiteral("us-east-1"), emulator::EmulatorOptions::demoCredentials());

    SchedulerDetailsController *controller = makeController();
    controller->setClient(lookout::LookoutClient(hangingClient.get()), {});
    controller->showScheduler(QStringLiteral("press-line-2-feeder"));
    QTRY_COMPARE_WITH_TIMEOUT(hanging.requests().size(), 1, kWaitMs);
    QVERIFY(controller->isBusy());

    // Another connection: the hanging call is abandoned and the scheduler fetched from the new one.
    controller->setClient(emulatorClient(), emulatorCliOptions());
    QVERIFY(controller->isBusy());
    QCOMPARE(controller->cliOptions(), emulatorCliOptions());
    QTRY_VERIFY_WITH_TIMEOUT(hanging.responseHasEnded(0), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    QCOMPARE(
        controller->scheduler()->inferenceSchedulerName, QStringLiteral("press-line-2-feeder"));
}

void TestSchedulerDetailsController::clearingClient_dropsTheCallAndTheValue()
{
    SchedulerDetailsController *controller = makeController();
    controller->setClient(emulatorClient(), emulatorCliOptions());
    controller->showScheduler(QStringLiteral("chiller-07"));
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    QVERIFY(controller->isPolling());

    testsupport::ScriptedHttpServer hanging;
    QVERIFY(hanging.listen());
    hanging.enqueue(testsupport::ScriptedResponse::hang());
    const auto hangingClient = testsupport::oneAttemptLookoutClient(m_network.get(), hanging.url(),
        QStringLiteral("us-east-1"), emulator::EmulatorOptions::demoCredentials());
    controller->setClient(lookout::LookoutClient(hangingClient.get()), {});
    // The old connection's value went at once.
    QCOMPARE(controller->model()->rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(hanging.requests().size(), 1, kWaitMs);

    QSignalSpy busy(controller, &SchedulerDetailsController::busyChanged);
    controller->clearClient();
    QVERIFY(!controller->isBusy());
    QCOMPARE(busy.size(), 1);
    QCOMPARE(controller->state(), State::NoConnection);
    QVERIFY(!controller->isPolling());
    QTRY_VERIFY_WITH_TIMEOUT(hanging.responseHasEnded(0), kWaitMs);
    QCOMPARE(controller->state(), State::NoConnection);
}

void TestSchedulerDetailsController::showingAnother_dropsTheCallInFlight()
{
    testsupport::ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.enqueue(testsupport::ScriptedResponse::hang());
    const lookout::InferenceScheduler pump
        = loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json"));
    server.enqueue(testsupport::ScriptedResponse::json(
        200, lookout::json::encodeDescribeInferenceScheduler(pump)));
    const auto jsonClient = testsupport::oneAttemptLookoutClient(m_network.get(), server.url(),
        QStringLiteral("eu-west-1"), emulator::EmulatorOptions::demoCredentials());

    SchedulerDetailsController *controller = makeController();
    controller->setClient(lookout::LookoutClient(jsonClient.get()), {});
    controller->showScheduler(QStringLiteral("chiller-07"));
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, kWaitMs);
    controller->showScheduler(QStringLiteral("pump-station-7-bearing-hourly"));
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    QCOMPARE(*controller->scheduler(), pump);
    QVERIFY(server.requests().at(1).body.contains("pump-station-7-bearing-hourly"));
    QTRY_VERIFY_WITH_TIMEOUT(server.responseHasEnded(0), kWaitMs);

    controller->showScheduler(QString());
    QCOMPARE(controller->state(), State::Empty);
    QCOMPARE(controller->model()->rowCount(), 0);
}

void TestSchedulerDetailsController::copyTexts_areTheCliJsonAndCommand()
{
    SchedulerDetailsController *controller = makeController();
    models::CliGlobalOptions options = emulatorCliOptions();
    options.profile = QStringLiteral("plant-7");
    controller->setClient(emulatorClient(), options);
    controller->showScheduler(QStringLiteral("pump-station-7-bearing-hourly"));
    QCOMPARE(controller->cliJson(), QString());
    QCOMPARE(controller->cliCommand(),
        QStringLiteral(
            "aws lookoutequipment describe-inference-scheduler --inference-scheduler-name "
            "pump-station-7-bearing-hourly --region us-east-1 --profile plant-7 --endpoint-url ")
            + m_emulator->endpoint().toString());
    QTRY_COMPARE_WITH_TIMEOUT(controller->state(), State::Loaded, kWaitMs);
    QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/details/pump-station-7-bearing-hourly.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    // The archive is the CLI's own output, so the copy is byte for byte the same.
    QCOMPARE(controller->cliJson(), QString::fromUtf8(file.readAll()));
    QCOMPARE(controller->cliJson(),
        QString::fromUtf8(lookout::json::cliDescribeInferenceScheduler(*controller->scheduler())));
}

QTEST_GUILESS_MAIN(TestSchedulerDetailsController)
#include "tst_schedulerdetailscontroller.moc"
