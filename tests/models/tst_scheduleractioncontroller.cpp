// SchedulerActionController against the in-process emulator on its manual clock: a start shows
// PENDING at once in the fleet and the form and is polled until RUNNING; ConflictException is
// an answer in plain words, sent once; six stops go at most four at a time; the summary names
// what failed and why; an operation the emulator is told to deny is AccessDenied.
// The settle poll and the refresh interval are timers fired by hand: nothing waits for time.
#include "core/clock.h"
#include "emulator/emulator.h"
#include "lookout/service.h"
#include "manualtimer.h"
#include "models/fleetsession.h"
#include "models/scheduleractioncontroller.h"
#include "models/schedulerdetailscontroller.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using models::SchedulerAction;
using models::SchedulerActionController;
using Kind = models::SchedulerActionController::Outcome::Kind;
using Outcome = models::SchedulerActionController::Outcome;
using testsupport::ManualTimer;

namespace {

constexpr int kWaitMs = 20'000;

// Three attempts, as the CLI's default: an answer that is retried would show as more requests.
aws::ResolvedConfig configFor(
    const QUrl &endpoint, const aws::AwsCredentials &credentials, const QString &region)
{
    aws::ResolvedConfig config;
    config.service = lookout::service::description();
    config.profile = { QStringLiteral("test"), QStringLiteral("the test") };
    config.region = { region, QStringLiteral("the test") };
    config.endpoint = endpoint;
    config.endpointSource = QStringLiteral("the test");
    config.maxAttempts = { QStringLiteral("3"), QStringLiteral("the test") };
    config.retryMode = { QStringLiteral("standard"), QStringLiteral("the test") };
    config.credentials = std::make_shared<aws::StaticCredentialsProvider>(credentials);
    return config;
}

} // namespace

class TestSchedulerActionController : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<models::RefreshController::Outcome>(); }
    void init();
    void cleanup();

    void allows_onlyStoppedToStartAndRunningToStop();
    void select_splitsActingAndSkipped();
    void start_showsPendingAtOnceAndIsPolledUntilRunning();
    void stop_showsStoppingAtOnceInTheForm();
    void settling_isBoundedAndWaitsWhileHidden();
    void conflict_isExplainedAndNotRetried();
    void sixStops_atMostFourInFlight();
    void summary_countsAndNamesFailures();
    void summary_listsAtMostFiveNames();
    void accessDenied_namesThePermission();
    void connectionChange_dropsTheCallsInFlight();
    void run_withoutConnection_sendsNothing();

private:
    void connect(
        const QUrl &endpoint, const aws::AwsCredentials &credentials, const QString &region);
    void connectToEmulator();
    QStringList namesWithStatus(const QString &status, int count) const;
    QString fleetStatus(const QString &name) const;
    quint64 requests() const { return m_emulator->counters().requests; }
    // Runs one refresh cycle of the fleet and waits for its end.
    void refreshFleet();

    std::shared_ptr<core::ManualClock> m_emulatorClock;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::shared_ptr<core::ManualClock> m_clock;
    QNetworkAccessManager m_network;
    ManualTimer *m_refreshTimer = nullptr;
    ManualTimer *m_detailsTimer = nullptr;
    ManualTimer *m_settleTimer = nullptr;
    std::unique_ptr<models::FleetSession> m_session;
    std::unique_ptr<models::SchedulerDetailsController> m_details;
    std::unique_ptr<SchedulerActionController> m_actions;
};

void TestSchedulerActionController::init()
{
    emulator::EmulatorOptions options;
    options.fleetSize = 100;
    options.fleetSeed = 7;
    // The emulator checks signatures against its clock, so it starts at the real time.
    m_emulatorClock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    options.clock = m_emulatorClock;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));

    m_clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    auto refreshTimer = std::make_unique<ManualTimer>(m_clock);
    m_refreshTimer = refreshTimer.get();
    m_session
        = std::make_unique<models::FleetSession>(&m_network, m_clock, std::move(refreshTimer));
    auto detailsTimer = std::make_unique<ManualTimer>(m_clock);
    m_detailsTimer = detailsTimer.get();
    m_details
        = std::make_unique<models::SchedulerDetailsController>(m_clock, std::move(detailsTimer));
    m_session->setDetailsController(m_details.get());
    auto settleTimer = std::make_unique<ManualTimer>(m_clock);
    m_settleTimer = settleTimer.get();
    m_actions = std::make_unique<SchedulerActionController>(
        m_session.get(), m_details.get(), std::move(settleTimer));
}

void TestSchedulerActionController::cleanup()
{
    m_actions.reset();
    m_session.reset();
    m_details.reset();
    m_emulator.reset();
}

void TestSchedulerActionController::connect(
    const QUrl &endpoint, const aws::AwsCredentials &credentials, const QString &region)
{
    QSignalSpy finished(m_session.get(), &models::FleetSession::refreshFinished);
    m_session->connectTo(configFor(endpoint, credentials, region));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
}

void TestSchedulerActionController::connectToEmulator()
{
    connect(m_emulator->endpoint(), m_emulator->credentials(), m_emulator->region());
    QCOMPARE(m_session->model()->rowCount(), 100);
}

QStringList TestSchedulerActionController::namesWithStatus(const QString &status, int count) const
{
    QStringList names;
    const models::SchedulerListModel *model = m_session->model();
    for (int row = 0; row < model->rowCount() && names.size() < count; ++row) {
        if (model->schedulerAt(row).status == status)
            names.append(model->nameAt(row));
    }
    return names;
}

QString TestSchedulerActionController::fleetStatus(const QString &name) const
{
    const int row = m_session->model()->rowOfName(name);
    return row < 0 ? QString() : m_session->model()->schedulerAt(row).status.value_or(QString());
}

void TestSchedulerActionController::refreshFleet()
{
    QSignalSpy finished(m_session.get(), &models::FleetSession::refreshFinished);
    QVERIFY(m_session->refreshController()->refreshNow());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
}

void TestSchedulerActionController::allows_onlyStoppedToStartAndRunningToStop()
{
    QVERIFY(SchedulerActionController::allows(SchedulerAction::Start, QStringLiteral("STOPPED")));
    QVERIFY(SchedulerActionController::allows(SchedulerAction::Stop, QStringLiteral("RUNNING")));
    for (const char *status : { "RUNNING", "PENDING", "STOPPING", "", "stopped", "PAUSED" })
        QVERIFY2(
            !SchedulerActionController::allows(SchedulerAction::Start, QString::fromLatin1(status)),
            status);
    for (const char *status : { "STOPPED", "PENDING", "STOPPING", "", "running", "PAUSED" })
        QVERIFY2(
            !SchedulerActionController::allows(SchedulerAction::Stop, QString::fromLatin1(status)),
            status);
}

void TestSchedulerActionController::select_splitsActingAndSkipped()
{
    connectToEmulator();
    const QStringList running = namesWithStatus(QStringLiteral("RUNNING"), 2);
    const QStringList stopped = namesWithStatus(QStringLiteral("STOPPED"), 1);
    QCOMPARE(running.size(), 2);
    QCOMPARE(stopped.size(), 1);
    const QStringList asked { running[0], stopped[0], running[1], running[0],
        QStringLiteral("not-in-the-fleet") };
    const auto stop = m_actions->select(SchedulerAction::Stop, asked);
    QCOMPARE(stop.acting, running);
    QCOMPARE(stop.skipped, (QStringList { stopped[0], QStringLiteral("not-in-the-fleet") }));
    const auto start = m_actions->select(SchedulerAction::Start, asked);
    QCOMPARE(start.acting, stopped);
    QCOMPARE(start.skipped,
        (QStringList { running[0], running[1], QStringLiteral("not-in-the-fleet") }));
}

void TestSchedulerActionController::start_showsPendingAtOnceAndIsPolledUntilRunning()
{
    connectToEmulator();
    const QString name = namesWithStatus(QStringLiteral("STOPPED"), 1).value(0);
    QVERIFY(!name.isEmpty());
    m_details->showScheduler(name);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_details->state(), models::SchedulerDetailsController::State::Loaded, kWaitMs);
    QCOMPARE(m_actions->knownStatus(name), QStringLiteral("STOPPED"));

    const auto pendingCount
        = [this] { return m_session->model()->summary().statusCount(QStringLiteral("PENDING")); };
    const int pendingBefore = pendingCount();
    QSignalSpy finished(m_actions.get(), &SchedulerActionController::finished);
    const quint64 before = requests();
    QVERIFY(m_actions->run(SchedulerAction::Start, { name }));
    QVERIFY(m_actions->isRunning());
    QVERIFY(!m_actions->run(SchedulerAction::Stop, { name })); // one run at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(requests() - before, quint64(1));
    QCOMPARE(finished.first().first().toString(), name + QStringLiteral(" is starting (PENDING)."));
    QCOMPARE(m_actions->outcomes(),
        (QList<Outcome> { { name, Kind::Changed, QStringLiteral("PENDING"), {} } }));

    // At once, before any listing: the fleet row and the form.
    QCOMPARE(fleetStatus(name), QStringLiteral("PENDING"));
    QCOMPARE(m_details->scheduler()->status, QStringLiteral("PENDING"));
    QCOMPARE(pendingCount(), pendingBefore + 1);
    QVERIFY(m_actions->isSettling());
    QCOMPARE(m_settleTimer->delay(), SchedulerActionController::kSettlePollInterval);

    // A quick poll while the emulator is still starting it: a listing and a Describe, still
    // PENDING, still polling.
    QSignalSpy cycles(m_session.get(), &models::FleetSession::refreshFinished);
    m_settleTimer->fire();
    QTRY_COMPARE_WITH_TIMEOUT(cycles.size(), 1, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy(), kWaitMs);
    QCOMPARE(fleetStatus(name), QStringLiteral("PENDING"));
    QVERIFY(m_actions->isSettling());
    QVERIFY(m_settleTimer->isActive());

    // The emulator's start takes 5 s of its time; the next poll sees RUNNING and polling ends.
    m_emulatorClock->advance(std::chrono::seconds(6));
    m_settleTimer->fire();
    QTRY_COMPARE_WITH_TIMEOUT(cycles.size(), 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy(), kWaitMs);
    QCOMPARE(fleetStatus(name), QStringLiteral("RUNNING"));
    QCOMPARE(m_details->scheduler()->status, QStringLiteral("RUNNING"));
    QVERIFY(!m_actions->isSettling());
    QVERIFY(!m_settleTimer->isActive());
    // The fleet is back on its own interval.
    QVERIFY(m_refreshTimer->isActive());
    QCOMPARE(m_refreshTimer->delay(),
        std::chrono::milliseconds(m_session->refreshController()->interval()));
}

void TestSchedulerActionController::stop_showsStoppingAtOnceInTheForm()
{
    connectToEmulator();
    const QString name = namesWithStatus(QStringLiteral("RUNNING"), 1).value(0);
    m_details->showScheduler(name);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_details->state(), models::SchedulerDetailsController::State::Loaded, kWaitMs);
    QSignalSpy finished(m_actions.get(), &SchedulerActionController::finished);
    QVERIFY(m_actions->run(SchedulerAction::Stop, { name }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(m_details->scheduler()->status, QStringLiteral("STOPPING"));
    QCOMPARE(fleetStatus(name), QStringLiteral("STOPPING"));
    QCOMPARE(
        finished.first().first().toString(), name + QStringLiteral(" is stopping (STOPPING)."));
    // The form's own transitional re-poll runs too.
    QVERIFY(m_detailsTimer->isActive());
    QVERIFY(m_actions->isSettling());

    m_emulatorClock->advance(std::chrono::seconds(6));
    QSignalSpy cycles(m_session.get(), &models::FleetSession::refreshFinished);
    m_settleTimer->fire();
    QTRY_COMPARE_WITH_TIMEOUT(cycles.size(), 1, kWaitMs);
    QCOMPARE(fleetStatus(name), QStringLiteral("STOPPED"));
    QVERIFY(!m_actions->isSettling());
}

void TestSchedulerActionController::settling_isBoundedAndWaitsWhileHidden()
{
    connectToEmulator();
    const QString name = namesWithStatus(QStringLiteral("STOPPED"), 1).value(0);
    QSignalSpy finished(m_actions.get(), &SchedulerActionController::finished);
    QVERIFY(m_actions->run(SchedulerAction::Start, { name }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY(m_actions->isSettling());

    // Hidden: the poll asks for nothing and waits.
    m_session->refreshController()->setWindowVisible(false);
    const quint64 before = requests();
    for (int i = 0; i < SchedulerActionController::kMaxSettlePolls + 5; ++i)
        m_settleTimer->fire();
    QVERIFY(!m_session->refreshController()->isRefreshing());
    QCOMPARE(requests(), before);
    QVERIFY(m_actions->isSettling());

    // Shown again: the emulator's clock stands still, so it stays PENDING; after the last poll
    // allowed, the quick polling ends and the normal interval is left to go on.
    m_session->refreshController()->setWindowVisible(true);
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->refreshController()->isRefreshing(), kWaitMs);
    for (int i = 0; i < SchedulerActionController::kMaxSettlePolls; ++i) {
        m_settleTimer->fire();
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->refreshController()->isRefreshing(), kWaitMs);
        QVERIFY(m_actions->isSettling());
    }
    QCOMPARE(fleetStatus(name), QStringLiteral("PENDING"));
    m_settleTimer->fire();
    QVERIFY(!m_actions->isSettling());
    QVERIFY(!m_settleTimer->isActive());
}

void TestSchedulerActionController::conflict_isExplainedAndNotRetried()
{
    connectToEmulator();
    const QString name = namesWithStatus(QStringLiteral("RUNNING"), 1).value(0);
    QSignalSpy finished(m_actions.get(), &SchedulerActionController::finished);

    // Started while RUNNING (the window would not offer it; someone else may have started it).
    quint64 before = requests();
    QVERIFY(m_actions->run(SchedulerAction::Start, { name }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(requests() - before, quint64(1));
    QCOMPARE(m_actions->outcomes().first().kind, Kind::Conflict);
    QCOMPARE(m_actions->outcomes().first().reason, QStringLiteral("already running"));
    QCOMPARE(finished.last().first().toString(),
        name + QStringLiteral(" was not started: already running."));
    QCOMPARE(fleetStatus(name), QStringLiteral("RUNNING"));

    // Stopped twice: the second is a conflict while it is STOPPING.
    QVERIFY(m_actions->run(SchedulerAction::Stop, { name }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    before = requests();
    QVERIFY(m_actions->run(SchedulerAction::Stop, { name }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kWaitMs);
    QCOMPARE(requests() - before, quint64(1));
    QCOMPARE(finished.last().first().toString(),
        name + QStringLiteral(" was not stopped: already stopping."));

    // And once it has stopped.
    m_emulatorClock->advance(std::chrono::seconds(6));
    QVERIFY(m_actions->run(SchedulerAction::Stop, { name }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, kWaitMs);
    QCOMPARE(m_actions->outcomes().first().reason, QStringLiteral("already stopped"));
}

void TestSchedulerActionController::sixStops_atMostFourInFlight()
{
    connectToEmulator();
    const QStringList names = namesWithStatus(QStringLiteral("RUNNING"), 6);
    QCOMPARE(names.size(), 6);
    int started = 0;
    int mostInFlight = 0;
    QObject::connect(m_actions.get(), &SchedulerActionController::callStarted, this, [&] {
        ++started;
        mostInFlight = std::max(mostInFlight, m_actions->inFlight());
    });
    QSignalSpy finished(m_actions.get(), &SchedulerActionController::finished);
    const quint64 before = requests();
    QVERIFY(m_actions->run(SchedulerAction::Stop, names));
    // Four leave at once; the others wait for answers.
    QCOMPARE(m_actions->inFlight(), 4);
    QCOMPARE(started, 4);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(started, 6);
    QCOMPARE(mostInFlight, 4);
    QCOMPARE(requests() - before, quint64(6));
    QCOMPARE(finished.first().first().toString(), QStringLiteral("6 stopped"));
    for (const QString &name : names)
        QCOMPARE(fleetStatus(name), QStringLiteral("STOPPING"));
    QCOMPARE(m_actions->settling().size(), 6);
}

void TestSchedulerActionController::summary_countsAndNamesFailures()
{
    connectToEmulator();
    QStringList names = namesWithStatus(QStringLiteral("STOPPED"), 5);
    QCOMPARE(names.size(), 5);
    names.append(QStringLiteral("no-such-scheduler"));
    QSignalSpy finished(m_actions.get(), &SchedulerActionController::finished);
    QVERIFY(m_actions->run(SchedulerAction::Start, names));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    const QString summary = finished.first().first().toString();
    QVERIFY2(summary.startsWith(
                 QStringLiteral("5 started, 1 failed: no-such-scheduler: An error occurred "
                                "(ResourceNotFoundException) when calling the "
                                "StartInferenceScheduler operation")),
        qPrintable(summary));
    // The one that failed is not followed.
    QVERIFY(!m_actions->settling().contains(QStringLiteral("no-such-scheduler")));
    QCOMPARE(m_actions->settling().size(), 5);
}

void TestSchedulerActionController::summary_listsAtMostFiveNames()
{
    QList<Outcome> outcomes;
    outcomes.append({ QStringLiteral("a"), Kind::Changed, QStringLiteral("STOPPING"), {} });
    outcomes.append({ QStringLiteral("b"), Kind::Conflict, {}, QStringLiteral("already stopped") });
    for (int i = 1; i <= 7; ++i)
        outcomes.append({ QStringLiteral("f%1").arg(i), Kind::Failed, {}, QStringLiteral("x") });
    QCOMPARE(SchedulerActionController::summaryText(SchedulerAction::Stop, outcomes),
        QStringLiteral("1 stopped, 1 not stopped: b: already stopped, "
                       "7 failed: f1: x; f2: x; f3: x; f4: x; f5: x; and 2 more"));
}

void TestSchedulerActionController::accessDenied_namesThePermission()
{
    // An emulator that refuses StartInferenceScheduler, as the service does for credentials whose
    // policy lacks it.
    emulator::EmulatorOptions options;
    options.fleetSize = 20;
    options.fleetSeed = 7;
    options.clock = m_emulatorClock;
    options.deniedOperations = { QStringLiteral("StartInferenceScheduler") };
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    connect(m_emulator->endpoint(), m_emulator->credentials(), m_emulator->region());
    const QString name = namesWithStatus(QStringLiteral("STOPPED"), 1).value(0);
    QVERIFY(!name.isEmpty());

    QSignalSpy finished(m_actions.get(), &SchedulerActionController::finished);
    const quint64 before = requests();
    QVERIFY(m_actions->run(SchedulerAction::Start, { name }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(requests() - before, quint64(1)); // not retried
    QCOMPARE(m_actions->outcomes().first().kind, Kind::AccessDenied);
    QCOMPARE(finished.first().first().toString(),
        QStringLiteral("Could not start %1: access denied: the credentials lack the permission "
                       "lookoutequipment:StartInferenceScheduler")
            .arg(name));
    QCOMPARE(fleetStatus(name), QStringLiteral("STOPPED"));
    QVERIFY(!m_actions->isSettling());
    QCOMPARE(SchedulerActionController::permissionName(SchedulerAction::Stop),
        QStringLiteral("lookoutequipment:StopInferenceScheduler"));
}

void TestSchedulerActionController::connectionChange_dropsTheCallsInFlight()
{
    connectToEmulator();
    const QStringList names = namesWithStatus(QStringLiteral("RUNNING"), 6);
    QSignalSpy finished(m_actions.get(), &SchedulerActionController::finished);
    QVERIFY(m_actions->run(SchedulerAction::Stop, names));
    QCOMPARE(m_actions->inFlight(), 4);
    // Another connection before any answer: nothing of the old one is applied.
    m_session->connectTo(
        configFor(m_emulator->endpoint(), m_emulator->credentials(), m_emulator->region()));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_actions->isRunning());
    QCOMPARE(m_actions->inFlight(), 0);
    QCOMPARE(m_actions->outcomes().size(), 6);
    for (const Outcome &outcome : m_actions->outcomes()) {
        QCOMPARE(outcome.kind, Kind::Failed);
        QCOMPARE(outcome.reason, QStringLiteral("dropped: the connection changed"));
    }
    QVERIFY2(finished.first().first().toString().startsWith(QStringLiteral("6 failed: ")),
        qPrintable(finished.first().first().toString()));
    QVERIFY(!m_actions->isSettling());
    // A new run goes on the new connection.
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->refreshController()->isRefreshing(), kWaitMs);
    QVERIFY(m_actions->run(SchedulerAction::Stop, { names.first() }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
}

void TestSchedulerActionController::run_withoutConnection_sendsNothing()
{
    QSignalSpy running(m_actions.get(), &SchedulerActionController::runningChanged);
    QVERIFY(!m_actions->run(SchedulerAction::Start, { QStringLiteral("kiln-3") }));
    QVERIFY(!m_actions->isRunning());
    QCOMPARE(running.size(), 0);
    connectToEmulator();
    QVERIFY(!m_actions->run(SchedulerAction::Start, {}));
}

QTEST_GUILESS_MAIN(TestSchedulerActionController)
#include "tst_scheduleractioncontroller.moc"
