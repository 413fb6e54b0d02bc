// ExecutionHistoryController against the in-process emulator: the first page, the later pages as
// a view asks for them (together the same list as a full listing), the filters sent to the
// service, a refresh that costs one request (and changes nothing) when nothing changed, one that
// brings new executions and finished IN_PROGRESS ones after the emulator's clock moved, and
// errors (throttling, internal errors, malformed bodies, no endpoint, AccessDenied from a
// scripted server) shown with the rows kept and made again by retry(). The emulator's clock is a
// manual one: nothing waits for real time.
#include "emulator/emulator.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"
#include "lookoutjsonclient.h"
#include "models/executionhistorycontroller.h"
#include "scriptedhttpserver.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using models::ExecutionHistoryController;
using testsupport::ScriptedHttpServer;
using testsupport::ScriptedResponse;
using State = ExecutionHistoryController::State;
using Operation = ExecutionHistoryController::Operation;
using Summary = lookout::InferenceExecutionSummary;

namespace {

constexpr int kWaitMs = 20'000;
constexpr qint64 kFiveMinutesMs = 5 * 60 * 1000;

} // namespace

class TestExecutionHistoryController : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void initially_empty_thenIdleUntilLoaded();
    void firstPage_thenLaterPagesAsAsked_makeTheFullListing();
    void filters_areSentToTheService();
    void refresh_withNothingChanged_isOneRequest_andChangesNoRow();
    void refresh_afterTimeMoved_addsNewOnTop_andSettlesInProgressRows();
    void throttledFirstPage_failsWithTheError_andRetryLoads();
    void failedLaterPage_keepsTheRows_andRetryGoesOn();
    void failedRefresh_marksTheRowsStale_andRetryClearsIt();
    void malformedAnswer_isABadResponse();
    void noEndpoint_isANetworkError();
    void accessDenied_isShownAsTheServiceSaidIt();
    void switchingScheduler_dropsTheCallInFlight();
    void repeatedNextToken_endsThePaging();

private:
    ExecutionHistoryController *makeController();
    lookout::LookoutClient client() { return lookout::LookoutClient(m_jsonClient.get()); }
    quint64 requests() const { return m_emulator->counters().requests; }
    QList<Summary> fullListing(const lookout::InferenceExecutionFilter &filter = {});
    bool waitIdle(ExecutionHistoryController *controller)
    {
        return QTest::qWaitFor([controller] { return !controller->isBusy(); }, kWaitMs);
    }
    bool loadEverything(ExecutionHistoryController *controller);
    // After the emulator's clock moved: one call, so that the client corrects its signing time
    // (a retry of its own) before the calls a test counts.
    bool learnTheEmulatorsClock()
    {
        std::optional<bool> done;
        client().describeInferenceScheduler(m_name, this,
            [&](const aws::Result<lookout::InferenceScheduler> &result) { done = result.ok(); });
        return QTest::qWaitFor([&] { return done.has_value(); }, kWaitMs) && *done;
    }

    std::shared_ptr<core::ManualClock> m_emulatorClock;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<aws::AwsJsonClient> m_jsonClient;
    std::unique_ptr<ExecutionHistoryController> m_controller;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_name; // a RUNNING scheduler that runs every 5 minutes
};

void TestExecutionHistoryController::init()
{
    // Half a minute into the current 5-minute slot, so the newest execution is IN_PROGRESS. The
    // emulator checks signatures against its clock: a test moves it at most 10 minutes on, within
    // the 15 minutes of skew allowed.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_emulatorClock = std::make_shared<core::ManualClock>(
        QDateTime::fromMSecsSinceEpoch(nowMs - nowMs % kFiveMinutesMs + 30'000, Qt::UTC));
    emulator::EmulatorOptions options;
    options.fleetSize = 40;
    options.clock = m_emulatorClock;
    options.ownThread = false;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_jsonClient = testsupport::oneAttemptLookoutClient(
        m_network.get(), m_emulator->endpoint(), m_emulator->region(), m_emulator->credentials());

    std::optional<QList<lookout::InferenceSchedulerSummary>> fleet;
    client().listInferenceSchedulers({}, this, nullptr,
        [&](const aws::Result<QList<lookout::InferenceSchedulerSummary>> &result) {
            QVERIFY(result.ok());
            fleet = result.value();
        });
    QTRY_VERIFY_WITH_TIMEOUT(fleet.has_value(), kWaitMs);
    // One with several pages of executions: running for most of the emulator's 7 days.
    m_name.clear();
    for (const lookout::InferenceSchedulerSummary &summary : *fleet) {
        if (summary.status != QLatin1String("RUNNING")
            || summary.dataUploadFrequency != QLatin1String("PT5M"))
            continue;
        m_name = *summary.inferenceSchedulerName;
        if (fullListing().size() > 1000)
            break;
        m_name.clear();
    }
    QVERIFY2(!m_name.isEmpty(), "the fleet has a RUNNING scheduler running every 5 minutes");
}

void TestExecutionHistoryController::cleanup()
{
    m_tester.reset();
    m_controller.reset();
    m_jsonClient.reset();
    m_network.reset();
    m_emulator.reset();
}

ExecutionHistoryController *TestExecutionHistoryController::makeController()
{
    m_controller = std::make_unique<ExecutionHistoryController>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_controller->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    return m_controller.get();
}

QList<Summary> TestExecutionHistoryController::fullListing(
    const lookout::InferenceExecutionFilter &filter)
{
    std::optional<aws::Result<QList<Summary>>> listed;
    client().listInferenceExecutions(m_name, filter, std::nullopt, this,
        [&](const aws::Result<QList<Summary>> &result) { listed = result; });
    if (!QTest::qWaitFor([&] { return listed.has_value(); }, kWaitMs) || !listed->ok())
        return {};
    return listed->value();
}

bool TestExecutionHistoryController::loadEverything(ExecutionHistoryController *controller)
{
    if (controller->state() == State::Idle && !controller->load())
        return false;
    if (!waitIdle(controller))
        return false;
    while (controller->hasMorePages()) {
        if (!controller->model()->canFetchMore({}))
            return false;
        controller->model()->fetchMore({});
        if (!waitIdle(controller) || controller->lastError())
            return false;
    }
    return controller->state() == State::Loaded;
}

void TestExecutionHistoryController::initially_empty_thenIdleUntilLoaded()
{
    ExecutionHistoryController *controller = makeController();
    QCOMPARE(controller->state(), State::Empty);
    QVERIFY(!controller->load());
    controller->setScheduler(m_name);
    QCOMPARE(controller->state(), State::NoConnection);
    QVERIFY(!controller->load());
    const quint64 before = requests();
    controller->setClient(client());
    QCOMPARE(controller->state(), State::Idle);
    QCOMPARE(requests(), before); // nothing is listed until asked
    QVERIFY(controller->load());
    QCOMPARE(controller->state(), State::Loading);
    QVERIFY(!controller->load());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->state(), State::Loaded);
}

void TestExecutionHistoryController::firstPage_thenLaterPagesAsAsked_makeTheFullListing()
{
    const QList<Summary> all = fullListing();
    QVERIFY(all.size()
        > ExecutionHistoryController::kFirstPageSize + ExecutionHistoryController::kPageSize);
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    const quint64 before = requests();
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->model()->rowCount(), ExecutionHistoryController::kFirstPageSize);
    QCOMPARE(
        controller->model()->executions(), all.mid(0, ExecutionHistoryController::kFirstPageSize));
    QCOMPARE(controller->model()->execution(0).status, QStringLiteral("IN_PROGRESS"));
    QVERIFY(controller->hasMorePages());
    QVERIFY(controller->model()->canFetchMore({}));
    QCOMPARE(requests() - before, 1u);

    // One page per fetchMore, and none while one is in flight.
    controller->model()->fetchMore({});
    QVERIFY(controller->isBusy());
    QVERIFY(!controller->model()->canFetchMore({}));
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->model()->rowCount(),
        ExecutionHistoryController::kFirstPageSize + ExecutionHistoryController::kPageSize);

    QVERIFY(loadEverything(controller));
    QCOMPARE(controller->model()->executions(), all);
    QVERIFY(!controller->model()->canFetchMore({}));
    const qint64 pages = 1
        + (all.size() - ExecutionHistoryController::kFirstPageSize
              + ExecutionHistoryController::kPageSize - 1)
            / ExecutionHistoryController::kPageSize;
    QCOMPARE(qint64(requests() - before), pages);
}

void TestExecutionHistoryController::filters_areSentToTheService()
{
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    lookout::InferenceExecutionFilter failed;
    failed.status = QStringLiteral("FAILED");
    controller->setFilter(failed);
    QVERIFY(loadEverything(controller));
    const QList<Summary> expected = fullListing(failed);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(controller->model()->executions(), expected);
    for (const Summary &summary : controller->model()->executions())
        QCOMPARE(summary.status, QStringLiteral("FAILED"));

    // A data-time range: changing the filter of a listed history lists again at once.
    const qint64 now = m_emulatorClock->now().toMSecsSinceEpoch() * 1000;
    lookout::InferenceExecutionFilter lastDay;
    lastDay.dataStartTimeAfter = lookout::Timestamp { now - qint64(24) * 3600 * 1'000'000 };
    lastDay.dataEndTimeBefore = lookout::Timestamp { now - qint64(3600) * 1'000'000 };
    controller->setFilter(lastDay);
    QCOMPARE(controller->state(), State::Loading);
    QVERIFY(loadEverything(controller));
    QCOMPARE(controller->model()->executions(), fullListing(lastDay));
    QVERIFY(controller->model()->rowCount() > 0);
    for (const Summary &summary : controller->model()->executions()) {
        QVERIFY(summary.dataStartTime->epochMicroseconds
            >= lastDay.dataStartTimeAfter->epochMicroseconds);
        QVERIFY(
            summary.dataEndTime->epochMicroseconds <= lastDay.dataEndTimeBefore->epochMicroseconds);
    }
}

void TestExecutionHistoryController::refresh_withNothingChanged_isOneRequest_andChangesNoRow()
{
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    QVERIFY(loadEverything(controller));
    const QList<Summary> shown = controller->model()->executions();
    QSignalSpy changed(controller->model(), &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(controller->model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(controller->model(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(controller->model(), &QAbstractItemModel::modelReset);
    const quint64 before = requests();
    QVERIFY(controller->refresh());
    QVERIFY(!controller->refresh()); // one at a time
    QVERIFY(waitIdle(controller));
    QCOMPARE(requests() - before, 1u);
    QCOMPARE(changed.size() + inserted.size() + removed.size() + reset.size(), 0);
    QCOMPARE(controller->model()->executions(), shown);
    QVERIFY(!controller->lastError());
}

void TestExecutionHistoryController::refresh_afterTimeMoved_addsNewOnTop_andSettlesInProgressRows()
{
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    controller->model()->fetchMore({});
    QVERIFY(waitIdle(controller));
    const int shownBefore = controller->model()->rowCount();
    QCOMPARE(controller->model()->execution(0).status, QStringLiteral("IN_PROGRESS"));
    const Summary wasInProgress = controller->model()->execution(0);
    const QPersistentModelIndex selected = controller->model()->index(3, 0);
    const Summary selectedExecution = controller->model()->execution(3);

    m_emulatorClock->advance(std::chrono::minutes(10)); // two more slots
    QVERIFY(learnTheEmulatorsClock());
    QSignalSpy inserted(controller->model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(controller->model(), &QAbstractItemModel::modelReset);
    const quint64 before = requests();
    QVERIFY(controller->refresh());
    QVERIFY(waitIdle(controller));
    QCOMPARE(requests() - before, 1u);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(controller->model()->rowCount(), shownBefore + 2);
    // The rows shown are now the newest of a full listing, statuses settled.
    const QList<Summary> all = fullListing();
    QCOMPARE(controller->model()->executions(), all.mid(0, shownBefore + 2));
    QCOMPARE(controller->model()->execution(0).status, QStringLiteral("IN_PROGRESS"));
    QVERIFY(models::ExecutionKey::of(controller->model()->execution(2))
        == models::ExecutionKey::of(wasInProgress));
    QVERIFY(controller->model()->execution(2).status != QStringLiteral("IN_PROGRESS"));
    QCOMPARE(selected.row(), 5);
    QCOMPARE(controller->model()->execution(selected.row()), selectedExecution);
}

void TestExecutionHistoryController::throttledFirstPage_failsWithTheError_andRetryLoads()
{
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    emulator::FaultConfig throttled;
    throttled.throttlingPercent = 100;
    QVERIFY(m_emulator->setFaults(throttled));
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->state(), State::Failed);
    QVERIFY(controller->lastError());
    QVERIFY(controller->lastError()->isThrottling());
    QCOMPARE(controller->failedOperation(), Operation::FirstPage);
    QCOMPARE(controller->model()->rowCount(), 0);

    QVERIFY(m_emulator->setFaults({}));
    QVERIFY(controller->retry());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->state(), State::Loaded);
    QVERIFY(!controller->lastError());
    QCOMPARE(controller->model()->rowCount(), ExecutionHistoryController::kFirstPageSize);
}

void TestExecutionHistoryController::failedLaterPage_keepsTheRows_andRetryGoesOn()
{
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    emulator::FaultConfig broken;
    broken.internalErrorPercent = 100;
    QVERIFY(m_emulator->setFaults(broken));
    controller->model()->fetchMore({});
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->state(), State::Loaded);
    QCOMPARE(controller->failedOperation(), Operation::NextPage);
    QCOMPARE(controller->lastError()->httpStatus, 500);
    QCOMPARE(controller->model()->rowCount(), ExecutionHistoryController::kFirstPageSize);
    // No page is asked for again by scrolling until the user retries.
    QVERIFY(!controller->model()->canFetchMore({}));

    QVERIFY(m_emulator->setFaults({}));
    QVERIFY(controller->retry());
    QVERIFY(waitIdle(controller));
    QVERIFY(!controller->lastError());
    QCOMPARE(controller->model()->rowCount(),
        ExecutionHistoryController::kFirstPageSize + ExecutionHistoryController::kPageSize);
    QCOMPARE(controller->model()->executions(),
        fullListing().mid(
            0, ExecutionHistoryController::kFirstPageSize + ExecutionHistoryController::kPageSize));
}

void TestExecutionHistoryController::failedRefresh_marksTheRowsStale_andRetryClearsIt()
{
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    emulator::FaultConfig throttled;
    throttled.throttlingPercent = 100;
    QVERIFY(m_emulator->setFaults(throttled));
    QVERIFY(controller->refresh());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->failedOperation(), Operation::Refresh);
    QVERIFY(controller->isStale());
    QCOMPARE(controller->model()->rowCount(), ExecutionHistoryController::kFirstPageSize);
    QVERIFY(controller->model()->index(0, 0).data(models::StaleRole).toBool());

    QVERIFY(m_emulator->setFaults({}));
    QVERIFY(controller->retry());
    QVERIFY(waitIdle(controller));
    QVERIFY(!controller->isStale());
    QVERIFY(!controller->lastError());
}

void TestExecutionHistoryController::malformedAnswer_isABadResponse()
{
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    emulator::FaultConfig malformed;
    malformed.malformedPercent = 100;
    QVERIFY(m_emulator->setFaults(malformed));
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->state(), State::Failed);
    QCOMPARE(controller->lastError()->kind, aws::AwsError::Kind::BadResponse);
    QVERIFY(!controller->lastError()->toString().isEmpty());
}

void TestExecutionHistoryController::noEndpoint_isANetworkError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    auto jsonClient = testsupport::oneAttemptLookoutClient(m_network.get(),
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), m_emulator->region(),
        m_emulator->credentials());
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(lookout::LookoutClient(jsonClient.get()));
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->state(), State::Failed);
    QCOMPARE(controller->lastError()->kind, aws::AwsError::Kind::Network);
}

void TestExecutionHistoryController::accessDenied_isShownAsTheServiceSaidIt()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::awsError(400, "AccessDeniedException",
        "User is not authorized to perform: lookoutequipment:ListInferenceExecutions"));
    auto jsonClient = testsupport::oneAttemptLookoutClient(
        m_network.get(), server.url(), m_emulator->region(), m_emulator->credentials());
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(lookout::LookoutClient(jsonClient.get()));
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->state(), State::Failed);
    QCOMPARE(controller->lastError()->code, QStringLiteral("AccessDeniedException"));
    QVERIFY(controller->lastError()->toString().contains(
        QStringLiteral("lookoutequipment:ListInferenceExecutions")));
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().first().body.contains("\"MaxResults\":100"));
}

void TestExecutionHistoryController::switchingScheduler_dropsTheCallInFlight()
{
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(client());
    QVERIFY(controller->load());
    QVERIFY(controller->isBusy());
    controller->setScheduler(QString());
    QVERIFY(!controller->isBusy());
    QCOMPARE(controller->state(), State::Empty);
    // A full listing runs the event loop past the moment the dropped answer would have come.
    QVERIFY(!fullListing().isEmpty());
    QCOMPARE(controller->model()->rowCount(), 0);
    QCOMPARE(controller->state(), State::Empty);
}

void TestExecutionHistoryController::repeatedNextToken_endsThePaging()
{
    // An endpoint that always answers with the same token would be paged forever.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    int served = 0;
    server.setHandler([&served](const testsupport::RecordedRequest &) {
        lookout::InferenceExecutionPage page;
        for (int i = 0; i < 10; ++i) {
            Summary summary;
            summary.scheduledStartTime = lookout::Timestamp { qint64(1'000'000'000) - served++ };
            summary.status = QStringLiteral("SUCCESS");
            page.summaries.append(summary);
        }
        page.nextToken = QStringLiteral("again");
        return ScriptedResponse::json(200, lookout::json::encodeListInferenceExecutions(page));
    });
    auto jsonClient = testsupport::oneAttemptLookoutClient(
        m_network.get(), server.url(), m_emulator->region(), m_emulator->credentials());
    ExecutionHistoryController *controller = makeController();
    controller->setScheduler(m_name);
    controller->setClient(lookout::LookoutClient(jsonClient.get()));
    QVERIFY(controller->load());
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->model()->rowCount(), 10);
    QVERIFY(controller->hasMorePages());
    controller->model()->fetchMore({});
    QVERIFY(waitIdle(controller));
    QCOMPARE(controller->failedOperation(), Operation::NextPage);
    QCOMPARE(controller->lastError()->kind, aws::AwsError::Kind::BadResponse);
    QVERIFY(controller->lastError()->message.contains(QStringLiteral("twice")));
    QCOMPARE(controller->model()->rowCount(), 10);
    QVERIFY(!controller->model()->canFetchMore({}));
    QCOMPARE(server.requests().size(), 2);
}

QTEST_MAIN(TestExecutionHistoryController)
#include "tst_executionhistorycontroller.moc"
