// The details pane's Events tab (ui::SchedulerEventsTab): on its own against a scripted endpoint
// (a click on a band selects the event and shows its sensors as bars, text Diagnostics shown as
// text, the keyboard moving through the events, failed executions counted, a failed listing in
// place with Retry), and in ui::MainWindow against the emulator (Ctrl+3, --show events, the
// events of an ANOMALOUS scheduler listed).
#include "fleetfixture.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"
#include "lookoutjsonclient.h"
#include "manualtimer.h"
#include "models/executionticks.h"
#include "models/inferenceeventmodel.h"
#include "models/schedulerdetailscontroller.h"
#include "models/schedulerlistmodel.h"
#include "models/sensorcontributionmodel.h"
#include "scriptedhttpserver.h"
#include "ui/contributionbars.h"
#include "ui/errorbanner.h"
#include "ui/eventtimeline.h"
#include "ui/fleetview.h"
#include "ui/resultsrangechooser.h"
#include "ui/schedulereventstab.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using fleettest::fleetOptions;
using namespace Qt::StringLiterals;
using EventState = models::InferenceEventModel::State;

namespace {

constexpr int kWaitMs = 30'000;
// The endpoint's and the controller's now: the week before it holds the scripted events.
const QDateTime kNow = QDateTime(QDate(2026, 3, 8), QTime(12, 0), Qt::UTC);

double epoch(const QDateTime &time)
{
    return static_cast<double>(time.toSecsSinceEpoch());
}

// An endpoint with chiller-07 (tests/data/details), two events in the week before kNow (the
// first with the service's JSON Diagnostics of three sensors, the second with plain text) and
// three executions, one FAILED. ListInferenceEvents fails `eventFailures` times first.
class Endpoint {
public:
    testsupport::ScriptedHttpServer server;
    int eventFailures = 0;
    int eventRequests = 0;
    QDateTime firstStart = kNow.addDays(-3);
    QDateTime secondStart = kNow.addDays(-1);
    std::optional<QDateTime> stoppedAt; // set: chiller-07 is STOPPED, updated then

    bool start()
    {
        if (!server.listen())
            return false;
        server.setHandler([this](const testsupport::RecordedRequest &request) {
            const QByteArray target = request.header("X-Amz-Target");
            if (target.endsWith(".DescribeInferenceScheduler"))
                return testsupport::ScriptedResponse::json(200, describe(stoppedAt));
            if (target.endsWith(".ListInferenceEvents")) {
                if (eventRequests++ < eventFailures)
                    return testsupport::ScriptedResponse::awsError(
                        500, "InternalServerException", "Try again later");
                return testsupport::ScriptedResponse::json(200, events());
            }
            if (target.endsWith(".ListInferenceExecutions"))
                return testsupport::ScriptedResponse::json(200, executions());
            return testsupport::ScriptedResponse::awsError(400, "UnknownOperationException", "");
        });
        return true;
    }

    static QByteArray describe(const std::optional<QDateTime> &stoppedAt)
    {
        QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/details/chiller-07.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        lookout::InferenceScheduler scheduler
            = lookout::json::decodeCliDescribeInferenceScheduler(file.readAll()).value();
        if (stoppedAt) {
            scheduler.status = QString::fromLatin1(lookout::status::kStopped);
            scheduler.updatedAt
                = lookout::Timestamp { stoppedAt->toMSecsSinceEpoch() * qint64(1000) };
        }
        return lookout::json::encodeDescribeInferenceScheduler(scheduler);
    }

    QByteArray events() const
    {
        const QJsonArray list {
            QJsonObject { { u"InferenceSchedulerName"_s, u"chiller-07"_s },
                { u"EventStartTime"_s, epoch(firstStart) },
                { u"EventEndTime"_s, epoch(firstStart.addSecs(3600)) },
                { u"EventDurationInSeconds"_s, 3600 },
                { u"Diagnostics"_s,
                    uR"([{"name": "chiller\\Temperature", "value": 0.6},)"
                    uR"( {"name": "chiller\\Pressure", "value": 0.3},)"
                    uR"( {"name": "pump\\Vibration", "value": 0.1}])"_s } },
            QJsonObject { { u"InferenceSchedulerName"_s, u"chiller-07"_s },
                { u"EventStartTime"_s, epoch(secondStart) },
                { u"EventEndTime"_s, epoch(secondStart.addSecs(1800)) },
                { u"EventDurationInSeconds"_s, 1800 },
                { u"Diagnostics"_s, u"Sensor data missing for chiller\\Pressure"_s } },
        };
        return QJsonDocument(QJsonObject { { u"InferenceEventSummaries"_s, list } }).toJson();
    }

    static QByteArray executions()
    {
        QJsonArray list;
        const char *statuses[] = { "SUCCESS", "FAILED", "SUCCESS" };
        for (int i = 0; i < 3; ++i) {
            const QDateTime end = kNow.addDays(-i - 1);
            list.append(QJsonObject { { u"InferenceSchedulerName"_s, u"chiller-07"_s },
                { u"DataStartTime"_s, epoch(end.addSecs(-3600)) }, { u"DataEndTime"_s, epoch(end) },
                { u"Status"_s, QString::fromLatin1(statuses[i]) } });
        }
        return QJsonDocument(QJsonObject { { u"InferenceExecutionSummaries"_s, list } }).toJson();
    }
};

// The tab on its own, over a controller that fetched chiller-07 from the endpoint.
struct Standalone {
    QNetworkAccessManager network;
    std::unique_ptr<aws::AwsJsonClient> jsonClient;
    std::unique_ptr<models::SchedulerDetailsController> controller;
    std::unique_ptr<ui::SchedulerEventsTab> tab;

    bool start(const Endpoint &endpoint)
    {
        jsonClient = testsupport::oneAttemptLookoutClient(&network, endpoint.server.url(),
            u"us-east-1"_s, emulator::EmulatorOptions::demoCredentials());
        controller = std::make_unique<models::SchedulerDetailsController>(
            std::make_shared<core::ManualClock>(kNow),
            std::make_unique<testsupport::ManualTimer>());
        controller->setClient(lookout::LookoutClient(jsonClient.get()), {});
        controller->showScheduler(u"chiller-07"_s);
        tab = std::make_unique<ui::SchedulerEventsTab>(controller.get());
        tab->resize(1000, 700);
        tab->show();
        // Settled: both listings answered, whichever way.
        return QTest::qWaitForWindowExposed(tab.get())
            && QTest::qWaitFor(
                [this] {
                    const auto events = tab->eventModel()->state();
                    const auto ticks = tab->executionTicks()->state();
                    return (events == EventState::Loaded || events == EventState::Failed)
                        && (ticks == models::ExecutionTicks::State::Loaded
                            || ticks == models::ExecutionTicks::State::Failed);
                },
                kWaitMs);
    }

    // The middle of the band of the event at `row`, in the timeline's coordinates.
    QPoint bandCentre(int row) const
    {
        const models::InferenceEventModel::Event *event = tab->eventModel()->eventAt(row);
        const lookout::InferenceEventInterval interval = tab->eventModel()->interval();
        const double fraction = static_cast<double>((*event->start + *event->end) / 2
                                    - interval.start.epochMicroseconds)
            / static_cast<double>(
                interval.end.epochMicroseconds - interval.start.epochMicroseconds);
        const double left = 8;
        const double width = tab->timeline()->width() - 16;
        return QPoint(static_cast<int>(left + fraction * width), 16);
    }
};

ui::MainWindowSetup setupOn(options::SchedulerTab tab, const QString &scheduler = {})
{
    ui::MainWindowSetup setup;
    setup.schedulerTab = tab;
    setup.schedulerName = scheduler;
    return setup;
}

} // namespace

class TestSchedulerEventsTab : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void bandClick_selectsTheEvent_andShowsItsSensorsAsBars();
    void textDiagnostics_areShownAsText();
    void keyboard_movesThroughTheEvents();
    void executions_areTicks_failedOnesCounted();
    void failedListing_showsTheErrorInPlace_andRetryLoads();
    void stoppedScheduler_rangesCountBackFromWhenItStopped();
    void window_ctrl3AndShowEvents_openTheTab();
    void window_listsTheEventsOfAnAnomalousScheduler();
};

void TestSchedulerEventsTab::bandClick_selectsTheEvent_andShowsItsSensorsAsBars()
{
    Endpoint endpoint;
    QVERIFY(endpoint.start());
    Standalone view;
    QVERIFY(view.start(endpoint));
    ui::SchedulerEventsTab *tab = view.tab.get();
    QCOMPARE(tab->eventModel()->state(), EventState::Loaded);
    QCOMPARE(tab->rangeChooser()->choice(), ui::ResultsRangeChooser::Choice::Last7Days);
    QCOMPARE(tab->eventModel()->rowCount(), 2);
    QCOMPARE(tab->eventModel()->interval().end.dateTime(), kNow);
    QCOMPARE(tab->eventModel()->interval().start.dateTime(), kNow.addDays(-7));
    QCOMPARE(tab->timeline()->selectedRow(), -1);
    // Before a choice, the detail says how to make one.
    const auto *hint = qobject_cast<const QLabel *>(tab->currentDetail());
    QVERIFY(hint);
    QVERIFY2(hint->text().startsWith(u"Select an event"_s), qPrintable(hint->text()));

    QTest::mouseClick(tab->timeline(), Qt::LeftButton, {}, view.bandCentre(0));
    QCOMPARE(tab->timeline()->selectedRow(), 0);
    QCOMPARE(tab->eventTable()->currentIndex().row(), 0);
    QCOMPARE(tab->currentDetail(), tab->bars()->parentWidget());
    // Largest first, each with the even share of three sensors.
    const std::vector<ui::ContributionBars::Bar> &bars = tab->bars()->bars();
    QCOMPARE(bars.size(), 3u);
    QCOMPARE(bars[0].label, u"chiller\\Temperature"_s);
    QVERIFY(qAbs(bars[0].share - 0.6) < 1e-6);
    QCOMPARE(bars[2].label, u"pump\\Vibration"_s);
    for (const ui::ContributionBars::Bar &bar : bars)
        QCOMPARE(bar.evenShare, 1.0 / 3);
    QCOMPARE(tab->sensorTable()->model()->rowCount(), 3);
    QVERIFY(tab->timeline()->accessibleDescription().contains(u"selected"_s));

    // A click away from every band selects nothing new.
    QTest::mouseClick(tab->timeline(), Qt::LeftButton, {}, QPoint(10, 16));
    QCOMPARE(tab->timeline()->selectedRow(), 0);
}

void TestSchedulerEventsTab::textDiagnostics_areShownAsText()
{
    Endpoint endpoint;
    QVERIFY(endpoint.start());
    Standalone view;
    QVERIFY(view.start(endpoint));
    ui::SchedulerEventsTab *tab = view.tab.get();
    QTest::mouseClick(tab->timeline(), Qt::LeftButton, {}, view.bandCentre(1));
    QCOMPARE(tab->timeline()->selectedRow(), 1);
    QCOMPARE(tab->currentDetail(), tab->diagnosticsText());
    QCOMPARE(tab->diagnosticsText()->toPlainText(), u"Sensor data missing for chiller\\Pressure"_s);
    QCOMPARE(tab->contributionModel()->rowCount(), 0);
    // And back to bars from the table.
    tab->eventTable()->setCurrentIndex(tab->eventModel()->index(0, 0));
    QCOMPARE(tab->timeline()->selectedRow(), 0);
    QCOMPARE(tab->currentDetail(), tab->bars()->parentWidget());
}

void TestSchedulerEventsTab::keyboard_movesThroughTheEvents()
{
    Endpoint endpoint;
    QVERIFY(endpoint.start());
    Standalone view;
    QVERIFY(view.start(endpoint));
    ui::SchedulerEventsTab *tab = view.tab.get();
    QVERIFY(tab->timeline()->focusPolicy() & Qt::TabFocus);
    tab->timeline()->setFocus();
    QTest::keyClick(tab->timeline(), Qt::Key_Right);
    QCOMPARE(tab->timeline()->selectedRow(), 0);
    QTest::keyClick(tab->timeline(), Qt::Key_Right);
    QCOMPARE(tab->timeline()->selectedRow(), 1);
    QCOMPARE(tab->eventTable()->currentIndex().row(), 1);
    QTest::keyClick(tab->timeline(), Qt::Key_Right); // stays on the last
    QCOMPARE(tab->timeline()->selectedRow(), 1);
    QTest::keyClick(tab->timeline(), Qt::Key_Home);
    QCOMPARE(tab->timeline()->selectedRow(), 0);
    QTest::keyClick(tab->timeline(), Qt::Key_End);
    QCOMPARE(tab->timeline()->selectedRow(), 1);
    // The table, the accessible alternative, moves the timeline too.
    tab->eventTable()->setFocus();
    QTest::keyClick(tab->eventTable(), Qt::Key_Up);
    QCOMPARE(tab->timeline()->selectedRow(), 0);
}

void TestSchedulerEventsTab::executions_areTicks_failedOnesCounted()
{
    Endpoint endpoint;
    QVERIFY(endpoint.start());
    Standalone view;
    QVERIFY(view.start(endpoint));
    ui::SchedulerEventsTab *tab = view.tab.get();
    QCOMPARE(tab->executionTicks()->ticks().size(), 3u);
    QCOMPARE(tab->executionTicks()->failedCount(), 1);
    const QLabel *summary = tab->findChild<QLabel *>(u"eventsSummaryLabel"_s);
    QVERIFY(summary);
    QCOMPARE(summary->text(), u"2 anomaly events · 3 executions, 1 failed"_s);
    // Both listings asked for the interval shown.
    bool sawExecutions = false;
    for (const testsupport::RecordedRequest &request : endpoint.server.requests()) {
        if (!request.header("X-Amz-Target").endsWith(".ListInferenceExecutions"))
            continue;
        sawExecutions = true;
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(u"DataStartTimeAfter"_s).toDouble(), epoch(kNow.addDays(-7)));
        QCOMPARE(body.value(u"DataEndTimeBefore"_s).toDouble(), epoch(kNow));
    }
    QVERIFY(sawExecutions);
}

void TestSchedulerEventsTab::failedListing_showsTheErrorInPlace_andRetryLoads()
{
    Endpoint endpoint;
    endpoint.eventFailures = 1;
    QVERIFY(endpoint.start());
    Standalone view;
    QVERIFY(view.start(endpoint));
    ui::SchedulerEventsTab *tab = view.tab.get();
    QCOMPARE(tab->eventModel()->state(), EventState::Failed);
    ui::ErrorBanner *banner = tab->errorBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->headline(), u"Could not list the anomaly events of chiller-07."_s);
    QVERIFY(banner->details().contains(u"InternalServerException"_s));
    QVERIFY(!tab->isShowingMessage());

    banner->retryButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(tab->eventModel()->state(), EventState::Loaded, kWaitMs);
    QVERIFY(!banner->isVisible());
    QCOMPARE(tab->eventModel()->rowCount(), 2);
}

// A scheduler that stopped a month ago (as every one did when the service ended) found nothing
// since: its last 7 days are the 7 days before it stopped, not an empty week before now.
void TestSchedulerEventsTab::stoppedScheduler_rangesCountBackFromWhenItStopped()
{
    Endpoint endpoint;
    const QDateTime stoppedAt = kNow.addDays(-30);
    endpoint.stoppedAt = stoppedAt;
    endpoint.firstStart = stoppedAt.addDays(-3);
    endpoint.secondStart = stoppedAt.addDays(-1);
    QVERIFY(endpoint.start());
    Standalone view;
    QVERIFY(view.start(endpoint));
    ui::SchedulerEventsTab *tab = view.tab.get();
    QCOMPARE(tab->eventModel()->state(), EventState::Loaded);
    QCOMPARE(tab->rangeChooser()->choice(), ui::ResultsRangeChooser::Choice::Last7Days);
    QCOMPARE(tab->eventModel()->interval().end.dateTime(), stoppedAt);
    QCOMPARE(tab->eventModel()->interval().start.dateTime(), stoppedAt.addDays(-7));
    QCOMPARE(tab->eventModel()->rowCount(), 2);
}

void TestSchedulerEventsTab::window_ctrl3AndShowEvents_openTheTab()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    ui::MainWindow window(env.windowSetup(setupOn(options::SchedulerTab::Details)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTabWidget *tabs = window.schedulerTabs();
    QCOMPARE(tabs->tabText(tabs->indexOf(window.eventsTab())), u"Events"_s);
    QVERIFY(!window.eventsTab()->accessibleName().isEmpty());
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget(), window.eventsTab());
    QVERIFY(window.eventsTab()->isShowingMessage()); // no scheduler chosen
    QVERIFY(window.shortcutActions().contains(window.eventsTabAction()));

    ui::MainWindow deepLinked(
        env.windowSetup(setupOn(options::SchedulerTab::Events, u"anything"_s)));
    QCOMPARE(deepLinked.schedulerTabs()->currentWidget(), deepLinked.eventsTab());
}

void TestSchedulerEventsTab::window_listsTheEventsOfAnAnomalousScheduler()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(40) } }));
    env.useProfile(QStringLiteral("north"));
    env.clock->set(QDateTime::currentDateTimeUtc()); // the emulator's time
    ui::MainWindow window(env.windowSetup(setupOn(options::SchedulerTab::Events)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QAbstractItemModel *fleet = window.fleetView()->tableView()->model(); // sorted
    QVERIFY(QTest::qWaitFor([&] { return fleet->rowCount() == 40; }, kWaitMs));
    int anomalous = -1;
    for (int row = 0; row < fleet->rowCount() && anomalous < 0; ++row) {
        const QModelIndex index = fleet->index(row, models::SchedulerListModel::LatestResultColumn);
        if (index.data(models::RawValueRole).toString() == u"ANOMALOUS"_s)
            anomalous = row;
    }
    QVERIFY(anomalous >= 0);
    window.fleetView()->tableView()->selectRow(anomalous);
    ui::SchedulerEventsTab *tab = window.eventsTab();
    QTRY_COMPARE_WITH_TIMEOUT(tab->eventModel()->state(), EventState::Loaded, kWaitMs);
    QCOMPARE(tab->loadedScheduler(), env.details->schedulerName());
    // The emulator gives an ANOMALOUS scheduler an event overlapping its latest execution.
    QVERIFY(tab->eventModel()->rowCount() > 0);
    tab->selectEvent(tab->eventModel()->rowCount() - 1);
    QCOMPARE(tab->currentDetail(), tab->bars()->parentWidget());
    QVERIFY(!tab->bars()->bars().empty());
}

QTEST_MAIN(TestSchedulerEventsTab)
#include "tst_schedulereventstab.moc"
