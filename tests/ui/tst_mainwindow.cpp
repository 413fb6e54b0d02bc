// The main window on the offscreen platform against in-process emulators behind a temporary
// ~/.aws: the fleet loads and keeps its selection through several churning refresh cycles while
// statuses change on screen; a profile switch drops the old rows and the calls in flight; a
// failed refresh keeps the stale rows under the CLI's error with Retry; configuration errors say
// what to do; a cycle costs ⌈N/500⌉ List requests and one Describe; interval, pause, dashboard,
// full screen, copying, the shortcuts dialog and the persisted settings; with several
// connections, the status bar's summary, the title and a Connection Details section for each;
// IAM Identity Center sign-in from the fleet's banner and from the selected scheduler's tabs.
#include "aws/ssotokencache.h"
#include "emulatorssosignin.h"
#include "fleetfixture.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/timetext.h"
#include "models/walltilesmodel.h"
#include "ui/connectionbar.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectionsdialog.h"
#include "ui/connectionsstatuslabel.h"
#include "ui/dashboardcounts.h"
#include "ui/dashboardtiledelegate.h"
#include "ui/dashboardview.h"
#include "ui/errorbanner.h"
#include "ui/executionhistorytab.h"
#include "ui/fleetview.h"
#include "ui/keyboardshortcutsdialog.h"
#include "ui/mainwindow.h"
#include "ui/mfadialog.h"
#include "ui/mfaprompter.h"
#include "ui/profilepicker.h"
#include "ui/refreshintervalcombobox.h"
#include "ui/regionpicker.h"
#include "ui/resultspane.h"
#include "ui/scheduleractions.h"
#include "ui/schedulerdetailsview.h"
#include "ui/schedulereventstab.h"
#include "ui/schedulerresultstab.h"
#include "ui/ssosignindialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QNetworkReply>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolTip>
#include <QtTest>

using namespace Qt::StringLiterals;
using fleettest::fleetOptions;
using models::SchedulerListModel;
using ui::MainWindow;
using ui::ProfileChoice;

namespace {

constexpr int kWaitMs = 20'000;

struct Window {
    fleettest::Environment &env;
    std::unique_ptr<MainWindow> window;

    explicit Window(fleettest::Environment &environment, ui::MainWindowSetup setup = {})
        : env(environment)
    {
        window = std::make_unique<MainWindow>(env.windowSetup(std::move(setup)));
    }
    MainWindow *operator->() const { return window.get(); }
    SchedulerListModel *model() const { return env.session->model(); }
    QAbstractItemModel *table() const { return window->fleetView()->tableView()->model(); }
    // Waits for the refresh in flight to end.
    bool waitForRefresh() const
    {
        return QTest::qWaitFor(
            [this] { return !env.session->refreshController()->isRefreshing(); }, kWaitMs);
    }
    // Fires the refresh timer (or refreshes now) and waits for the cycle to end.
    bool cycle() const
    {
        if (env.refreshTimer->isActive())
            env.refreshTimer->fire();
        else
            env.session->refreshController()->refreshNow();
        return waitForRefresh();
    }
};

QStringList namesOf(const QAbstractItemModel *model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data(models::SchedulerNameRole).toString());
    return names;
}

QHash<QString, QString> statusesOf(const QAbstractItemModel *model)
{
    QHash<QString, QString> statuses;
    for (int row = 0; row < model->rowCount(); ++row) {
        statuses.insert(model->index(row, 0).data(models::SchedulerNameRole).toString(),
            model->index(row, SchedulerListModel::StatusColumn)
                    .data(models::BadgeValueRole)
                    .toString()
                + QLatin1Char('/')
                + model->index(row, SchedulerListModel::LatestResultColumn)
                      .data(models::BadgeValueRole)
                      .toString());
    }
    return statuses;
}

// An emulator of its own for the several-connections tests: its keys, region and fleet.
emulator::EmulatorOptions ownFleet(int size, quint64 seed, const QString &region, int keyNumber)
{
    emulator::EmulatorOptions options = fleetOptions(size, seed);
    options.region = region;
    options.credentials.accessKeyId
        = QStringLiteral("AKIAWINDOWTEST%1").arg(keyNumber, 6, 10, QLatin1Char('0'));
    options.credentials.secretAccessKey
        = QStringLiteral("SecretOfWindowTestEmulator%1").arg(keyNumber, 14, 10, QLatin1Char('0'));
    return options;
}

// Waits until no connection of the session is refreshing (each starts one as it connects).
bool allLoaded(const models::FleetSession *session)
{
    return QTest::qWaitFor(
        [session] {
            for (int source = 0; source < session->connectionCount(); ++source) {
                if (session->connection(source)->refreshController()->isRefreshing())
                    return false;
            }
            return true;
        },
        kWaitMs);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void opens_withProfile_showsFleetAndConnection();
    void churn_selectionSurvivesAndStatusesChangeOnScreen();
    void cycle_costsListPagesAndOneDescribe();
    void profileSwitch_dropsOldRowsAndCallsInFlight();
    void regionSwitch_reconnects();
    void refreshFailure_keepsStaleRowsUnderErrorWithRetry();
    void throttling_backsOffAndSaysSo();
    void configurationError_noRegion_saysWhatToDo();
    void configurationError_unknownProfile_shownInPicker();
    void environmentEntry_firstAndChosenWithAccessKey();
    void demoEntry_startsEmulatorAndFixesRegion();
    void schedulerOption_selectsRowAndOpensDetails();
    void intervalCombo_appliesAtOnce();
    void pause_stateAlwaysVisible();
    void hiddenWindow_stopsPolling();
    void dashboard_toggleUrgentFirstAndStaleTiles();
    void fullScreen_f11AndEscape();
    void wall_opensFullScreenOnTheDashboard();
    void copy_selectedArnsOnePerLine();
    void shortcutsDialog_listsEveryShortcut();
    void settings_persistAcrossWindows();
    void connections_severalAccountsOnOneTable_detailsFollowTheRow();
    void connections_oneFailingSaysWhyAloneInTheHeader();
    void connections_rememberedAcrossRestarts();
    void connections_statusBarSummarizesEachAndTicks();
    void connections_detailsListEverySection_titleCountsThem();
    void ssoProfileWithoutToken_signInFromTheBanner_fillsTheTable();
    void ssoTokenGone_theTabsOfferSignIn_historyReadsAgain();
    void roleWithMfa_asksForTheCode_cancelAndWrongCodeFailThatConnection();
    void accessibility_namedWidgets();

private:
    void openedOn(Window &window, int rows);
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<models::RefreshController::Outcome>();
}

void TestMainWindow::openedOn(Window &window, int rows)
{
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.window.get()));
    QVERIFY(window.waitForRefresh());
    QCOMPARE(window.model()->rowCount(), rows);
}

void TestMainWindow::opens_withProfile_showsFleetAndConnection()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(40) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 40);
    QCOMPARE(window->connectionStatusText(), QStringLiteral("Connected: north · us-east-1"));
    QCOMPARE(window->windowTitle(), QStringLiteral("Lookout Desk — north · us-east-1"));
    QCOMPARE(window->connectionBar()->profilePicker()->currentChoice(),
        ProfileChoice::profile(QStringLiteral("north")));
    QCOMPARE(window->connectionBar()->regionPicker()->currentText(), QStringLiteral("us-east-1"));
    QCOMPARE(window.table()->rowCount(), 40);
    QVERIFY(window->fleetView()->placeholderText().isEmpty());
    QVERIFY(window->fleetView()->errorBanner()->isHidden());
    auto *summary = window->fleetView()->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(summary->text().startsWith(QStringLiteral("40 schedulers")));
    // The next automatic refresh is one default interval away.
    QCOMPARE(env.refreshTimer->delay(), std::chrono::milliseconds(30'000));
}

void TestMainWindow::churn_selectionSurvivesAndStatusesChangeOnScreen()
{
    fleettest::Environment env;
    auto clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    emulator::EmulatorOptions options = fleetOptions(120, 3);
    options.clock = clock;
    options.churn.enabled = true;
    options.churn.changePercent = 15;
    QVERIFY(env.setUp({ { QStringLiteral("north"), options } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 120);

    QTableView *table = window->fleetView()->tableView();
    table->sortByColumn(SchedulerListModel::StatusColumn, Qt::AscendingOrder);
    const QString chosen = window.table()->index(60, 0).data(models::SchedulerNameRole).toString();
    QVERIFY(window->fleetView()->selectScheduler(chosen));
    QTRY_COMPARE_WITH_TIMEOUT(env.details->schedulerName(), chosen, kWaitMs);
    const int scroll = table->verticalScrollBar()->value();

    QSignalSpy inserted(window.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(window.model(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(window.model(), &QAbstractItemModel::modelReset);
    int changedCycles = 0;
    QHash<QString, QString> before = statusesOf(window.table());
    for (int cycle = 0; cycle < 4; ++cycle) {
        clock->advance(std::chrono::seconds(30));
        env.clock->advance(std::chrono::seconds(30));
        QVERIFY(window.cycle());
        const QHash<QString, QString> after = statusesOf(window.table());
        if (after != before)
            ++changedCycles;
        // What the table shows is what the service says now.
        for (const QString &name : { chosen, namesOf(window.table()).first() }) {
            const auto described = env.emulator(QStringLiteral("north")).scheduler(name);
            QVERIFY(described);
            QCOMPARE(after.value(name).section(QLatin1Char('/'), 0, 0),
                described->status.value_or(QString()));
        }
        before = after;
        // The selection is still the chosen scheduler, and it is still the one in the form.
        QCOMPARE(window->fleetView()->currentSchedulerName(), chosen);
        QCOMPARE(
            window->fleetView()->selectedValues(models::SchedulerNameRole), QStringList { chosen });
        QCOMPARE(env.details->schedulerName(), chosen);
    }
    QVERIFY2(changedCycles >= 3,
        qPrintable(QStringLiteral("statuses changed in %1 of 4 cycles").arg(changedCycles)));
    // Updated in place: the same 120 rows throughout.
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(table->verticalScrollBar()->value(), scroll);
    // A changed row is highlighted on screen.
    bool highlighted = false;
    for (int row = 0; row < window.table()->rowCount(); ++row)
        highlighted = highlighted
            || window.table()->index(row, 0).data(models::RecentlyChangedRole).toBool();
    QVERIFY(highlighted);
}

void TestMainWindow::cycle_costsListPagesAndOneDescribe()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(1200) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 1200);
    const QString name = window.model()->nameAt(700);
    QVERIFY(window->fleetView()->selectScheduler(name));
    QTRY_VERIFY_WITH_TIMEOUT(
        env.details->scheduler().has_value() && !env.details->isBusy(), kWaitMs);
    const quint64 before = env.emulator(QStringLiteral("north")).counters().requests;
    QVERIFY(window.cycle());
    QTRY_VERIFY_WITH_TIMEOUT(!env.details->isBusy(), kWaitMs);
    // ⌈1200/500⌉ = 3 List requests and 1 Describe.
    QCOMPARE(env.emulator(QStringLiteral("north")).counters().requests - before, quint64(4));
}

void TestMainWindow::profileSwitch_dropsOldRowsAndCallsInFlight()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(30, 1) },
        { QStringLiteral("south"), fleetOptions(20, 2) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 30);

    emulator::FaultConfig slow;
    slow.slowPercent = 100;
    slow.slowDelay = std::chrono::milliseconds(1500);
    QVERIFY(env.emulator(QStringLiteral("north")).setFaults(slow));
    env.session->refreshController()->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(
        env.emulator(QStringLiteral("north")).counters().requests, quint64(2), kWaitMs);

    QStringList seen;
    connect(window.model(), &QAbstractItemModel::rowsInserted, this,
        [&](const QModelIndex &, int first, int last) {
            for (int row = first; row <= last; ++row)
                seen.append(window.model()->nameAt(row));
        });
    window->chooseProfile(ProfileChoice::profile(QStringLiteral("south")));
    // The old rows go at once, before anything of the new connection arrived.
    QCOMPARE(window.model()->rowCount(), 0);
    QCOMPARE(window->connectionStatusText(), QStringLiteral("Connected: south · us-east-1"));
    QVERIFY(window.waitForRefresh());
    QCOMPARE(window.model()->rowCount(), 20);

    // Outlast north's held-back answer with a south refresh held back longer.
    emulator::FaultConfig slower = slow;
    slower.slowDelay = std::chrono::milliseconds(2000);
    QVERIFY(env.emulator(QStringLiteral("south")).setFaults(slower));
    QVERIFY(window.cycle());
    // Every row is south's scheduler as south describes it: nothing of north's answer got in.
    QCOMPARE(window.model()->rowCount(), 20);
    for (int row = 0; row < window.model()->rowCount(); ++row) {
        const auto described
            = env.emulator(QStringLiteral("south")).scheduler(window.model()->nameAt(row));
        QVERIFY(described);
        const auto &shown = window.model()->schedulerAt(row);
        const auto expected = lookout::summaryOf(*described);
        QVERIFY2(shown == expected,
            qPrintable(shown.inferenceSchedulerName.value_or(QString()) + QLatin1Char(' ')
                + shown.status.value_or(QString()) + QLatin1Char('/')
                + expected.status.value_or(QString()) + QLatin1Char(' ')
                + shown.latestInferenceResult.value_or(QString()) + QLatin1Char('/')
                + expected.latestInferenceResult.value_or(QString()) + QLatin1Char(' ')
                + shown.modelName.value_or(QString()) + QLatin1Char('/')
                + expected.modelName.value_or(QString()) + QLatin1Char(' ')
                + shown.inferenceSchedulerArn.value_or(QString()) + QLatin1Char('/')
                + expected.inferenceSchedulerArn.value_or(QString())));
    }
    QCOMPARE(seen.size(), 20);
    // North saw nothing more after the switch.
    QCOMPARE(env.emulator(QStringLiteral("north")).counters().requests, quint64(2));
    QVERIFY(window->fleetView()->errorBanner()->isHidden());
}

void TestMainWindow::regionSwitch_reconnects()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(10) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 10);
    // The emulator serves us-east-1 only: eu-west-1 is a real switch that fails there.
    window->chooseRegion(QStringLiteral("eu-west-1"));
    QCOMPARE(window.model()->rowCount(), 0);
    QCOMPARE(window->connectionStatusText(), QStringLiteral("Connected: north · eu-west-1"));
    QVERIFY(window.waitForRefresh());
    QTRY_VERIFY_WITH_TIMEOUT(!window->fleetView()->errorBanner()->isHidden(), kWaitMs);
    QCOMPARE(window->fleetView()->placeholderText(),
        QStringLiteral("Nothing to show: the fleet could not be loaded."));
    window->chooseRegion(QStringLiteral("us-east-1"));
    QVERIFY(window.waitForRefresh());
    QCOMPARE(window.model()->rowCount(), 10);
    QVERIFY(window->fleetView()->errorBanner()->isHidden());
}

void TestMainWindow::refreshFailure_keepsStaleRowsUnderErrorWithRetry()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(25) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 25);
    emulator::FaultConfig failing;
    failing.internalErrorPercent = 100;
    QVERIFY(env.emulator(QStringLiteral("north")).setFaults(failing));
    env.clock->advance(std::chrono::seconds(30));
    QVERIFY(window.cycle());

    ui::ErrorBanner *banner = window->fleetView()->errorBanner();
    QVERIFY(!banner->isHidden());
    QVERIFY2(banner->headline().startsWith(
                 QStringLiteral("Could not refresh the fleet; showing the data of ")),
        qPrintable(banner->headline()));
    QVERIFY2(banner->details().startsWith(
                 QStringLiteral("An error occurred (InternalServerException) when calling the "
                                "ListInferenceSchedulers operation")),
        qPrintable(banner->details()));
    // The rows stay, marked stale; never an empty "no schedulers".
    QCOMPARE(window.table()->rowCount(), 25);
    QVERIFY(window->fleetView()->placeholderText().isEmpty());
    QVERIFY(window.table()->index(0, 1).data(models::StaleRole).toBool());
    QVERIFY(window.table()->index(0, 0).data(Qt::FontRole).value<QFont>().italic());

    QVERIFY(env.emulator(QStringLiteral("north")).setFaults({}));
    banner->retryButton()->click();
    QVERIFY(window.waitForRefresh());
    QVERIFY(banner->isHidden());
    QVERIFY(!window.table()->index(0, 1).data(models::StaleRole).toBool());
}

void TestMainWindow::throttling_backsOffAndSaysSo()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(5) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 5);
    emulator::FaultConfig throttled;
    throttled.throttlingPercent = 100;
    QVERIFY(env.emulator(QStringLiteral("north")).setFaults(throttled));
    QVERIFY(window.cycle());
    QVERIFY(env.session->refreshController()->isBackingOff());
    QCOMPARE(env.refreshTimer->delay(), std::chrono::milliseconds(60'000));
    auto *state = window->statusBar()->findChild<QLabel *>(QStringLiteral("refreshStatusLabel"));
    QVERIFY2(state->text().startsWith(
                 QStringLiteral("Throttled by the service: refreshing every 1 min")),
        qPrintable(state->text()));
    QVERIFY(window->fleetView()->errorBanner()->headline().contains(QStringLiteral("throttling")));
    QVERIFY(env.emulator(QStringLiteral("north")).setFaults({}));
    QVERIFY(window.cycle());
    QVERIFY(!env.session->refreshController()->isBackingOff());
    QVERIFY(state->text().startsWith(QStringLiteral("Auto-refresh every 30 s")));
}

void TestMainWindow::configurationError_noRegion_saysWhatToDo()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(5) } }, fleetOptions(3),
        QStringLiteral("[profile bare]\noutput = json\n")));
    env.useProfile(QStringLiteral("bare"));
    Window window(env);
    window->show();
    QVERIFY(!env.session->isConnected());
    ui::ErrorBanner *banner = window->fleetView()->errorBanner();
    QVERIFY(!banner->isHidden());
    QCOMPARE(banner->headline(), QStringLiteral("Not connected. Choose a region in the toolbar."));
    QCOMPARE(banner->details(),
        QStringLiteral("You must specify a region. You can also configure your region by "
                       "running \"aws configure\"."));
    QCOMPARE(window->connectionStatusText(), QStringLiteral("Not connected"));
    QVERIFY(window->fleetView()->placeholderText().startsWith(QStringLiteral("Nothing to show")));
    // F5 resolves again (the files may have been fixed) and says the same.
    window->refreshAction()->trigger();
    QVERIFY(!env.session->isConnected());
    // Choosing a region is what it asked for: now credentials are missing, said in place too.
    window->chooseRegion(QStringLiteral("us-east-1"));
    QVERIFY(env.session->isConnected());
    QVERIFY(window.waitForRefresh());
    QCOMPARE(banner->details(),
        QStringLiteral("Unable to locate credentials. You can configure credentials by running "
                       "\"aws configure\"."));
    QVERIFY(banner->headline().contains(QStringLiteral("Manage Profiles")));
}

void TestMainWindow::configurationError_unknownProfile_shownInPicker()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(5) } }));
    env.useProfile(QStringLiteral("nope"));
    Window window(env);
    ui::ProfilePicker *picker = window->connectionBar()->profilePicker();
    QCOMPARE(picker->currentText(), QStringLiteral("nope (not found)"));
    QCOMPARE(window->fleetView()->errorBanner()->details(),
        QStringLiteral("The config profile (nope) could not be found"));
    QVERIFY(window->fleetView()->errorBanner()->headline().contains(
        QStringLiteral("Choose another profile")));
    window->chooseProfile(ProfileChoice::profile(QStringLiteral("north")));
    QVERIFY(window.waitForRefresh());
    QCOMPARE(window.model()->rowCount(), 5);
}

void TestMainWindow::environmentEntry_firstAndChosenWithAccessKey()
{
    fleettest::Environment env;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"),
        QString::fromLatin1(emulator::EmulatorOptions::kDemoAccessKeyId));
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
        QString::fromLatin1(emulator::EmulatorOptions::kDemoSecretAccessKey));
    environment.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    QVERIFY(env.setUp(
        { { QStringLiteral("north"), fleetOptions(6) } }, fleetOptions(3), {}, environment));
    // The environment has no endpoint; point it at north's emulator as --endpoint-url would.
    aws::RequestedConfig request;
    request.endpointUrl = env.emulator(QStringLiteral("north")).endpoint().toString();
    env.setCommandLine(request);
    env.settings->setValue(QStringLiteral("connection/profile"), QStringLiteral("profile:north"));
    Window window(env);
    ui::ProfilePicker *picker = window->connectionBar()->profilePicker();
    QCOMPARE(picker->itemText(0), QStringLiteral("Environment"));
    QCOMPARE(picker->currentIndex(), 0);
    QCOMPARE(picker->currentChoice(), ProfileChoice::environment());
    openedOn(window, 6);
    QCOMPARE(window->connectionStatusText(), QStringLiteral("Connected: Environment · us-east-1"));
}

void TestMainWindow::demoEntry_startsEmulatorAndFixesRegion()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(5) } }, fleetOptions(33)));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 5);
    QVERIFY(!env.demo->emulator());
    ui::ProfilePicker *picker = window->connectionBar()->profilePicker();
    QCOMPARE(picker->itemText(picker->count() - 1), QStringLiteral("Demo"));
    window->chooseProfile(ProfileChoice::demo());
    QVERIFY(env.demo->emulator());
    QVERIFY(window.waitForRefresh());
    QCOMPARE(window.model()->rowCount(), 33);
    QCOMPARE(window->connectionStatusText(), QStringLiteral("Connected: Demo · us-east-1"));
    QVERIFY(!window->connectionBar()->regionPicker()->isEnabled());
}

void TestMainWindow::schedulerOption_selectsRowAndOpensDetails()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(700) } }));
    env.useProfile(QStringLiteral("north"));
    // A name on the second page: selected as soon as that page arrives.
    ui::MainWindowSetup setup;
    {
        // Learn a name on page 2 from a first window's model.
        Window probe(env);
        openedOn(probe, 700);
        setup.schedulerName = probe.model()->nameAt(650);
    }
    fleettest::Environment env2;
    QVERIFY(env2.setUp({ { QStringLiteral("north"), fleetOptions(700) } }));
    env2.useProfile(QStringLiteral("north"));
    Window window(env2, setup);
    QCOMPARE(env2.details->schedulerName(), setup.schedulerName);
    openedOn(window, 700);
    QTRY_COMPARE_WITH_TIMEOUT(
        window->fleetView()->currentSchedulerName(), setup.schedulerName, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(env2.details->scheduler().has_value(), kWaitMs);
    QCOMPARE(
        env2.details->scheduler()->inferenceSchedulerName.value_or(QString()), setup.schedulerName);
}

void TestMainWindow::intervalCombo_appliesAtOnce()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    ui::MainWindowSetup setup;
    setup.refreshIntervalSeconds = 45;
    Window window(env, setup);
    openedOn(window, 3);
    ui::RefreshIntervalComboBox *combo = window->intervalComboBox();
    QCOMPARE(combo->currentText(), QStringLiteral("45 s"));
    QCOMPARE(env.refreshTimer->delay(), std::chrono::milliseconds(45'000));
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts.append(combo->itemText(i));
    QCOMPARE(texts,
        (QStringList { QStringLiteral("Off"), QStringLiteral("10 s"), QStringLiteral("30 s"),
            QStringLiteral("45 s"), QStringLiteral("1 min"), QStringLiteral("5 min") }));
    // Chosen from the keyboard: effective at once.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    QCOMPARE(env.session->refreshController()->interval(), std::chrono::seconds(0));
    QVERIFY(!env.refreshTimer->isActive());
    combo->setCurrentIndex(1);
    emit combo->activated(1);
    QCOMPARE(env.session->refreshController()->interval(), std::chrono::seconds(10));
    QCOMPARE(env.refreshTimer->delay(), std::chrono::milliseconds(10'000));
}

void TestMainWindow::pause_stateAlwaysVisible()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 3);
    auto *state = window->statusBar()->findChild<QLabel *>(QStringLiteral("refreshStatusLabel"));
    QVERIFY(state->text().startsWith(QStringLiteral("Auto-refresh every 30 s · next in 30 s")));
    QTest::keyClick(window.window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(window->pauseAction()->isChecked());
    QVERIFY(env.session->refreshController()->isPaused());
    QCOMPARE(window->pauseAction()->text(), QStringLiteral("Paused"));
    QCOMPARE(state->text(), QStringLiteral("Auto-refresh paused"));
    QVERIFY(!env.refreshTimer->isActive());
    // F5 still refreshes while paused.
    const quint64 before = env.emulator(QStringLiteral("north")).counters().requests;
    QTest::keyClick(window.window.get(), Qt::Key_F5);
    QVERIFY(window.waitForRefresh());
    QVERIFY(env.emulator(QStringLiteral("north")).counters().requests > before);
    window->pauseAction()->trigger();
    QVERIFY(!env.session->refreshController()->isPaused());
    QCOMPARE(window->pauseAction()->text(), QStringLiteral("&Pause"));
}

void TestMainWindow::hiddenWindow_stopsPolling()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 3);
    QVERIFY(env.refreshTimer->isActive());
    window->hide();
    QVERIFY(!env.session->refreshController()->isWindowVisible());
    QVERIFY(!env.refreshTimer->isActive());
    env.clock->advance(std::chrono::minutes(10));
    window->show();
    // Due while hidden: one refresh at once.
    QVERIFY(env.session->refreshController()->isRefreshing());
    QVERIFY(window.waitForRefresh());
    QVERIFY(env.refreshTimer->isActive());
}

void TestMainWindow::dashboard_toggleUrgentFirstAndStaleTiles()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(80, 5) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 80);
    QTest::keyClick(window.window.get(), Qt::Key_D, Qt::ControlModifier);
    QVERIFY(window->isDashboardShown());
    ui::DashboardView *dashboard = window->dashboardView();
    QVERIFY(dashboard->isVisible());
    const QStringList tiles = dashboard->tileNames();
    QCOMPARE(tiles.size(), 80);
    // Urgency never decreases along the tiles.
    int previous = -1;
    for (const QString &name : tiles) {
        const int urgency = window.model()->urgency(window.model()->rowOfName(name));
        QVERIFY(urgency >= previous);
        previous = urgency;
    }
    QCOMPARE(dashboard->counts()->summary().total(), 80);
    QVERIFY(dashboard->freshnessText().startsWith(QStringLiteral("Updated ")));
    QVERIFY(!dashboard->isBannerShown());

    emulator::FaultConfig failing;
    failing.internalErrorPercent = 100;
    QVERIFY(env.emulator(QStringLiteral("north")).setFaults(failing));
    QVERIFY(window.cycle());
    const QModelIndex first = dashboard->proxyModel()->index(0, 0);
    QVERIFY(first.data(models::StaleRole).toBool());
    QCOMPARE(ui::DashboardTileDelegate::footerText(first),
        QStringLiteral("Stale: data from ") + models::clockTimeText(fleettest::kStart));
    QVERIFY(dashboard->freshnessText().startsWith(
        QStringLiteral("Refresh failed: hatched tiles show data from ")));
    // The endpoint stopped answering: the header is a banner that says so, and why.
    QVERIFY(dashboard->isBannerShown());
    QVERIFY(dashboard->freshnessText().contains(QLatin1Char('\n')));
    // Tiles take the focus; Enter opens the tile's scheduler in the fleet view.
    QListView *view = dashboard->tileView();
    view->setFocus();
    const QModelIndex thirdTile = dashboard->wallModel()->index(2, 0);
    view->setCurrentIndex(thirdTile);
    const QString third = thirdTile.data(models::SchedulerNameRole).toString();
    QVERIFY(tiles.contains(third));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(!window->isDashboardShown());
    QCOMPARE(window->fleetView()->currentSchedulerName(), third);
    // It answers again: the next refresh takes the banner and the hatching away by itself.
    QVERIFY(env.emulator(QStringLiteral("north")).setFaults(emulator::FaultConfig {}));
    QVERIFY(window.cycle());
    QVERIFY(!dashboard->isBannerShown());
    QVERIFY(!dashboard->proxyModel()->index(0, 0).data(models::StaleRole).toBool());
    QVERIFY(dashboard->freshnessText().startsWith(QStringLiteral("Updated ")));
}

void TestMainWindow::fullScreen_f11AndEscape()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 3);
    window->setDashboardShown(true);
    QTest::keyClick(window.window.get(), Qt::Key_F11);
    QTRY_VERIFY(window->windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(window->menuBar()->isHidden());
    QVERIFY(window->statusBar()->isHidden());
    QTest::keyClick(window.window.get(), Qt::Key_Escape);
    QTRY_VERIFY(!window->windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(!window->menuBar()->isHidden());
    QVERIFY(!window->fullScreenAction()->isChecked());
}

// --wall: straight into the bare full-screen dashboard; Esc still leaves full screen.
void TestMainWindow::wall_opensFullScreenOnTheDashboard()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    ui::MainWindowSetup setup;
    setup.wall = true;
    Window window(env, setup);
    openedOn(window, 3);
    QVERIFY(window->isDashboardShown());
    QTRY_VERIFY(window->windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(window->menuBar()->isHidden());
    QVERIFY(window->statusBar()->isHidden());
    QTest::keyClick(window.window.get(), Qt::Key_Escape);
    QTRY_VERIFY(!window->windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(window->isDashboardShown());
}

void TestMainWindow::copy_selectedArnsOnePerLine()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(10) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 10);
    QTableView *table = window->fleetView()->tableView();
    table->setFocus();
    table->selectionModel()->select(window.table()->index(1, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->selectionModel()->select(
        window.table()->index(4, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QString expected = window.table()->index(1, 0).data(models::SchedulerArnRole).toString()
        + QLatin1Char('\n') + window.table()->index(4, 0).data(models::SchedulerArnRole).toString();
    QCOMPARE(QApplication::clipboard()->text(), expected);
    QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("Copied 2 scheduler ARNs"));
    window->fleetView()->copyModelArnsAction()->trigger();
    QVERIFY(
        QApplication::clipboard()->text().startsWith(QStringLiteral("arn:aws:lookoutequipment:")));
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral(":model/")));
    // The context menu holds the three copy actions, then Start and Stop.
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    const QList<QAction *> menu = table->actions();
    QCOMPARE(menu.size(), 6);
    QCOMPARE(menu.mid(0, 3),
        (QList<QAction *> { window->fleetView()->copyArnsAction(),
            window->fleetView()->copyNamesAction(), window->fleetView()->copyModelArnsAction() }));
    QVERIFY(menu[3]->isSeparator());
    QCOMPARE(menu.mid(4),
        (QList<QAction *> {
            window->schedulerActions()->startAction(), window->schedulerActions()->stopAction() }));
}

void TestMainWindow::shortcutsDialog_listsEveryShortcut()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 3);
    window->shortcutsAction()->trigger();
    auto *dialog = window->findChild<ui::KeyboardShortcutsDialog *>(
        QStringLiteral("keyboardShortcutsDialog"));
    QVERIFY(dialog);
    const QString all = dialog->lines().join(QLatin1Char('\n'));
    for (const QAction *action : window->shortcutActions()) {
        for (const QKeySequence &key : action->shortcuts())
            QVERIFY2(
                all.contains(key.toString(QKeySequence::NativeText)), qPrintable(key.toString()));
    }
    for (const char *expected : { "Refresh\tF5, Ctrl+R", "Full Screen\tF11",
             "Find Scheduler\tCtrl+F", "Copy Scheduler ARN\tCtrl+Shift+C", "Dashboard\tCtrl+D" }) {
        QVERIFY2(dialog->lines().contains(QString::fromUtf8(expected)), expected);
    }
    QVERIFY(
        all.contains(QStringLiteral("Copy the selected schedulers' ARNs (fleet table)\tCtrl+C")));
    dialog->close();
}

void TestMainWindow::settings_persistAcrossWindows()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) },
        { QStringLiteral("south"), fleetOptions(4) } }));
    QByteArray splitter;
    {
        Window window(env);
        openedOn(window, 0 + env.session->model()->rowCount());
        window->chooseProfile(ProfileChoice::profile(QStringLiteral("south")));
        QVERIFY(window.waitForRefresh());
        window->chooseRegion(QStringLiteral("us-east-1"));
        QVERIFY(window.waitForRefresh());
        window->intervalComboBox()->setCurrentIndex(
            window->intervalComboBox()->findText(QStringLiteral("1 min")));
        emit window->intervalComboBox()->activated(window->intervalComboBox()->currentIndex());
        window->fleetView()->tableView()->sortByColumn(
            SchedulerListModel::StatusColumn, Qt::DescendingOrder);
        auto *split = window->findChild<QSplitter *>(QStringLiteral("fleetSplitter"));
        split->setSizes({ 700, 300 });
        splitter = split->saveState();
        window->resize(1111, 777);
        window->close();
    }
    auto timer = std::make_unique<testsupport::ManualTimer>();
    env.refreshTimer = timer.get();
    env.session = std::make_unique<models::FleetSession>(&env.network, env.clock, std::move(timer));
    Window again(env);
    QCOMPARE(again->connectionBar()->profilePicker()->currentChoice(),
        ProfileChoice::profile(QStringLiteral("south")));
    openedOn(again, 4);
    QCOMPARE(env.session->connectedClient()->config().region.source,
        QStringLiteral("the region picker (saved)"));
    QCOMPARE(again->intervalComboBox()->currentText(), QStringLiteral("1 min"));
    QCOMPARE(env.session->refreshController()->interval(), std::chrono::seconds(60));
    QHeaderView *header = again->fleetView()->tableView()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(SchedulerListModel::StatusColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(again->findChild<QSplitter *>(QStringLiteral("fleetSplitter"))->saveState(), splitter);
    QCOMPARE(again->size(), QSize(1111, 777));
}

// An IAM Identity Center profile and a role with mfa_serial, served (portal, OIDC, STS, Lookout)
// by the emulator of profile "keys" through AWS_ENDPOINT_URL.
bool setUpCredentialProfiles(fleettest::Environment &env)
{
    const QString config
        = QStringLiteral("[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
                         "sso_region = us-east-1\n\n"
                         "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\n"
                         "sso_role_name = ReadOnly\nregion = us-east-1\n\n"
                         "[profile mfa]\nrole_arn = arn:aws:iam::111122223333:role/Reader\n"
                         "source_profile = keys\nmfa_serial = arn:aws:iam::111122223333:mfa/alice\n"
                         "region = us-east-1\n");
    // The port is known once the emulator runs: start it first, then point everything at it.
    auto emulator = std::make_unique<emulator::Emulator>(fleetOptions(12, 5));
    if (!emulator->start())
        return false;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_ENDPOINT_URL"), emulator->endpoint().toString());
    if (!env.setUp({ { QStringLiteral("keys"), fleetOptions(12, 5) } }, fleetOptions(30, 7), config,
            environment))
        return false;
    // Every call of the test goes to one emulator: the one the environment names.
    env.emulators[QStringLiteral("keys")] = std::move(emulator);
    return true;
}

void TestMainWindow::ssoProfileWithoutToken_signInFromTheBanner_fillsTheTable()
{
    fleettest::Environment env;
    QVERIFY(setUpCredentialProfiles(env));
    env.useProfile(QStringLiteral("sso"));
    QList<QUrl> opened;
    ui::MainWindowSetup setup;
    setup.openUrl = [&opened](const QUrl &url) {
        opened.append(url);
        return true;
    };
    Window window(env, setup);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.window.get()));
    QVERIFY(window.waitForRefresh());
    ui::ErrorBanner *banner = window->fleetView()->errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWaitMs);
    QCOMPARE(banner->details(),
        QStringLiteral("Error loading SSO Token: Token for corp does not exist"));
    QCOMPARE(banner->headline(),
        QStringLiteral("Could not load the fleet. Sign in to IAM Identity Center with Sign In."));
    QPushButton *signIn = banner->signInButton();
    QVERIFY(signIn->isVisible());
    QVERIFY(signIn->focusPolicy() & Qt::TabFocus);
    QVERIFY(signIn->accessibleDescription().contains(QStringLiteral("sso")));
    QVERIFY(window->ssoSignInAction()->isEnabled());
    QCOMPARE(window.model()->rowCount(), 0);

    signIn->setFocus();
    QTest::keyClick(signIn, Qt::Key_Space);
    ui::SsoSignInDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = window->findChild<ui::SsoSignInDialog *>()) != nullptr, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->codeLabel()->text().isEmpty(), kWaitMs);
    QCOMPARE(opened.size(), 1);
    QVERIFY(approveAtEmulator(
        env.network, env.emulator(QStringLiteral("keys")).endpoint(), dialog->codeLabel()->text()));

    QTRY_COMPARE_WITH_TIMEOUT(window.model()->rowCount(), 12, kWaitMs);
    QVERIFY(window.waitForRefresh());
    QVERIFY(banner->isHidden());
    QVERIFY(!signIn->isVisible());
    QTRY_VERIFY(!window->findChild<ui::SsoSignInDialog *>());
    const QString credentials = env.session->connectedClient()->config().credentials->description();
    QVERIFY2(credentials.startsWith(QStringLiteral("IAM Identity Center session corp")),
        qPrintable(credentials));
    QVERIFY2(credentials.contains(QStringLiteral("expire")), qPrintable(credentials));
}

// Approves the sign-in dialog open over `window` at the emulator, as the user's browser would.
bool approveSignIn(ui::MainWindow *window, fleettest::Environment &env)
{
    ui::SsoSignInDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] {
                dialog = window->findChild<ui::SsoSignInDialog *>();
                return dialog && !dialog->codeLabel()->text().isEmpty();
            },
            kWaitMs))
        return false;
    return approveAtEmulator(env.network, env.emulator(QStringLiteral("keys")).endpoint(),
               dialog->codeLabel()->text())
        && QTest::qWaitFor([&] { return !window->findChild<ui::SsoSignInDialog *>(); }, kWaitMs);
}

void TestMainWindow::ssoTokenGone_theTabsOfferSignIn_historyReadsAgain()
{
    fleettest::Environment env;
    QVERIFY(setUpCredentialProfiles(env));
    env.useProfile(QStringLiteral("sso"));
    ui::MainWindowSetup setup;
    setup.openUrl = [](const QUrl &) { return true; };
    Window window(env, setup);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.window.get()));
    QVERIFY(window.waitForRefresh());
    QTRY_VERIFY_WITH_TIMEOUT(
        window->fleetView()->errorBanner()->signInButton()->isVisible(), kWaitMs);
    window->fleetView()->errorBanner()->signInButton()->click();
    QVERIFY(approveSignIn(window.window.get(), env));
    QTRY_COMPARE_WITH_TIMEOUT(window.model()->rowCount(), 12, kWaitMs);
    QVERIFY(window.waitForRefresh());
    QVERIFY(window->fleetView()->selectScheduler(window.model()->nameAt(0)));
    QTRY_VERIFY_WITH_TIMEOUT(
        env.details->scheduler().has_value() && !env.details->isBusy(), kWaitMs);

    // The token leaves the cache (another tool logged out); the next call needs it again.
    const QDir cache(aws::ssoTokenCacheDirectory(env.home.path()));
    for (const QString &file : cache.entryList({ QStringLiteral("*.json") }, QDir::Files))
        QVERIFY(QFile::remove(cache.filePath(file)));
    env.session->connectedClient()->config().credentials->invalidate();

    window->historyTabAction()->trigger();
    ui::ErrorBanner *banner = window->historyTab()->errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWaitMs);
    QCOMPARE(banner->details(),
        QStringLiteral("Error loading SSO Token: Token for corp does not exist"));
    QPushButton *signIn = banner->signInButton();
    QVERIFY(signIn->isVisible());
    QVERIFY(signIn->accessibleDescription().contains(QStringLiteral("sso")));
    QCOMPARE(window->historyTab()->table()->model()->rowCount(), 0);
    // The other tabs of the scheduler offer the same sign-in for an error of the same kind.
    for (ui::ErrorBanner *other : { window->detailsView()->errorBanner(),
             window->eventsTab()->errorBanner(), window->resultsTab()->pane()->errorBanner() }) {
        other->showError(QStringLiteral("Could not read."), banner->details(), true);
        QVERIFY(!other->signInButton()->isHidden());
        other->clearError();
    }

    signIn->setFocus();
    QTest::keyClick(signIn, Qt::Key_Space);
    QVERIFY(approveSignIn(window.window.get(), env));
    QTRY_VERIFY_WITH_TIMEOUT(window->historyTab()->table()->model()->rowCount() > 0, kWaitMs);
    QVERIFY(banner->isHidden());
    QVERIFY(!signIn->isVisible());
}

void TestMainWindow::roleWithMfa_asksForTheCode_cancelAndWrongCodeFailThatConnection()
{
    fleettest::Environment env;
    QVERIFY(setUpCredentialProfiles(env));
    env.useProfile(QStringLiteral("mfa"));
    Window window(env);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.window.get()));
    ui::MfaPrompter *prompter = window->mfaPrompter();
    const auto answer = [&](const QString &code) -> bool {
        if (!QTest::qWaitFor([&] { return prompter->currentDialog() != nullptr; }, kWaitMs))
            return false;
        ui::MfaDialog *dialog = prompter->currentDialog();
        if (!dialog->promptLabel()->text().contains(QStringLiteral("mfa"))
            || !dialog->promptLabel()->text().contains(
                QStringLiteral("arn:aws:iam::111122223333:mfa/alice")))
            return false;
        if (code.isEmpty()) {
            dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
            return true;
        }
        QTest::keyClicks(dialog->codeEdit(), code);
        QTest::keyClick(dialog->codeEdit(), Qt::Key_Return);
        return true;
    };
    ui::ErrorBanner *banner = window->fleetView()->errorBanner();

    // Cancel: that fetch ends with an error on the connection, never a hang.
    QVERIFY(answer(QString()));
    QVERIFY(window.waitForRefresh());
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWaitMs);
    QCOMPARE(banner->details(),
        QStringLiteral("No MFA code was given for arn:aws:iam::111122223333:mfa/alice."));
    QVERIFY(!banner->signInButton()->isVisible());
    QVERIFY(!window->ssoSignInAction()->isEnabled()); // not an IAM Identity Center profile

    // A wrong code: STS's AccessDenied as the CLI words it; Retry asks again.
    banner->retryButton()->click();
    QVERIFY(answer(QStringLiteral("000000")));
    QVERIFY(window.waitForRefresh());
    QTRY_VERIFY_WITH_TIMEOUT(banner->details().contains(QStringLiteral("AccessDenied")), kWaitMs);
    QCOMPARE(banner->details(),
        QStringLiteral("An error occurred (AccessDenied) when calling the AssumeRole operation: "
                       "MultiFactorAuthentication failed with invalid MFA one time pass code."));
    QCOMPARE(window.model()->rowCount(), 0);

    banner->retryButton()->click();
    QVERIFY(answer(QStringLiteral("123456")));
    QTRY_COMPARE_WITH_TIMEOUT(window.model()->rowCount(), 12, kWaitMs);
    QVERIFY(window.waitForRefresh());
    QVERIFY(banner->isHidden());
    QVERIFY(!prompter->currentDialog());
    QCOMPARE(prompter->waitingCount(), 0);
    // Connection Details' credentials line names the role and the expiry, never the code.
    const QString credentials = env.session->connectedClient()->config().credentials->description();
    QVERIFY2(credentials.contains(QStringLiteral("arn:aws:iam::111122223333:role/Reader")),
        qPrintable(credentials));
    QVERIFY2(credentials.contains(QStringLiteral("expire")), qPrintable(credentials));
    QVERIFY(!credentials.contains(QStringLiteral("123456")));
}

void TestMainWindow::accessibility_namedWidgets()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    Window window(env);
    openedOn(window, 3);
    // Every focusable, visible control the user reaches by Tab has an accessible name.
    QWidget *start = window->connectionBar()->profilePicker();
    start->setFocus();
    QWidget *widget = start;
    QStringList unnamed;
    for (int i = 0; i < 40; ++i) {
        const bool reachable
            = (widget->focusPolicy() & Qt::TabFocus) && widget->isVisible() && widget->isEnabled();
        if (reachable && widget->accessibleName().isEmpty())
            unnamed.append(widget->objectName() + QLatin1Char('(')
                + QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(')'));
        widget = widget->nextInFocusChain();
        if (widget == start)
            break;
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestMainWindow::connections_severalAccountsOnOneTable_detailsFollowTheRow()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("plant-a"), ownFleet(12, 3, u"eu-west-1"_s, 1) },
        { QStringLiteral("plant-b"), ownFleet(8, 4, u"us-east-1"_s, 2) } }));
    ui::MainWindowSetup setup;
    setup.connections = { { u"plant-a"_s, QString() }, { u"plant-b"_s, u"us-east-1"_s } };
    Window window(env, setup);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.window.get()));
    QCOMPARE(env.session->connectionCount(), 2);
    QVERIFY(allLoaded(env.session.get()));
    QCOMPARE(window.model()->rowCount(), 20);
    QCOMPARE(
        window->connectionStatusText(), u"Connected: plant-a · eu-west-1, plant-b · us-east-1"_s);
    QHeaderView *header = window->fleetView()->tableView()->horizontalHeader();
    for (const int column : { SchedulerListModel::AccountColumn, SchedulerListModel::RegionColumn,
             SchedulerListModel::ProfileColumn })
        QVERIFY(!header->isSectionHidden(column));

    // A row of the second connection: the details and Start/Stop talk to its emulator.
    const int row = [&] {
        for (int r = 0; r < window.model()->rowCount(); ++r) {
            if (window.model()->sourceAt(r) == 1)
                return r;
        }
        return -1;
    }();
    QVERIFY(row >= 0);
    const QString name = window.model()->nameAt(row);
    const quint64 before = env.emulator(u"plant-b"_s).counters().requests;
    QVERIFY(window->fleetView()->selectScheduler(name, 1));
    QCOMPARE(env.session->detailsConnection(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(env.details->scheduler().has_value(), kWaitMs);
    QCOMPARE(env.details->scheduler()->inferenceSchedulerName, name);
    QVERIFY(env.emulator(u"plant-b"_s).counters().requests > before);
    QCOMPARE(env.details->cliOptions().profile, u"plant-b"_s);
    QCOMPARE(env.details->cliOptions().region, u"us-east-1"_s);
    QCOMPARE(window->schedulerActions()->targets(), QStringList { name });

    // Filtering by account finds that connection's rows only.
    const QString account
        = window.model()->index(row, SchedulerListModel::AccountColumn).data().toString();
    window->fleetView()->proxyModel()->setFilterText(account);
    QCOMPARE(window.table()->rowCount(), 8);

    // Back to one connection: the columns hide again.
    window->setExtraConnections({});
    QCOMPARE(env.session->connectionCount(), 1);
    QCOMPARE(window.model()->rowCount(), 12);
    QVERIFY(header->isSectionHidden(SchedulerListModel::AccountColumn));
    QCOMPARE(env.session->detailsConnection(), 0);
}

void TestMainWindow::connections_oneFailingSaysWhyAloneInTheHeader()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("plant-a"), ownFleet(5, 5, u"eu-west-1"_s, 3) },
        { QStringLiteral("plant-b"), ownFleet(6, 6, u"us-west-2"_s, 4) } }));
    ui::MainWindowSetup setup;
    setup.connections = { { u"plant-a"_s, QString() }, { u"plant-b"_s, QString() },
        { u"nosuch"_s, u"eu-west-1"_s } };
    Window window(env, setup);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.window.get()));
    QVERIFY(allLoaded(env.session.get()));
    QCOMPARE(window.model()->rowCount(), 11);
    ui::ErrorBanner *banner = window->fleetView()->errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWaitMs);
    QCOMPARE(env.session->connectionProblems(),
        QStringList { u"The config profile (nosuch) could not be found"_s });

    // The second stops answering: its rows go stale and the header says so, line by line.
    env.emulator(u"plant-b"_s).stop();
    window->refreshAction()->trigger();
    QVERIFY(allLoaded(env.session.get()));
    QTRY_COMPARE_WITH_TIMEOUT(env.session->connectionProblems().size(), 2, kWaitMs);
    QVERIFY(env.session->connectionProblems().at(0).startsWith(u"plant-b · us-west-2: "_s));
    QVERIFY(window.model()->isConnectionStale(1));
    QVERIFY(!window.model()->isConnectionStale(0));
    QCOMPARE(window.model()->rowCount(), 11);
    for (int row = 0; row < window.model()->rowCount(); ++row)
        QCOMPARE(window.model()->isRowStale(row), window.model()->sourceAt(row) == 1);
}

void TestMainWindow::connections_rememberedAcrossRestarts()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("plant-a"), ownFleet(3, 7, u"eu-west-1"_s, 5) },
        { QStringLiteral("plant-b"), ownFleet(4, 8, u"us-east-1"_s, 6) },
        { QStringLiteral("plant-c"), ownFleet(2, 9, u"ap-northeast-2"_s, 7) } }));
    {
        ui::MainWindowSetup setup;
        setup.connections = { { u"plant-a"_s, QString() }, { u"plant-b"_s, u"us-east-1"_s } };
        Window window(env, setup);
        window->show();
        QVERIFY(allLoaded(env.session.get()));
        // File → Connections adds a third.
        ui::ConnectionsDialog dialog({ u"plant-a"_s, u"plant-b"_s, u"plant-c"_s });
        dialog.setConnections(window->extraConnections());
        dialog.profileBox()->setCurrentText(u"plant-c"_s);
        dialog.regionBox()->setCurrentText(QString());
        QVERIFY(dialog.addConnection());
        window->setExtraConnections(dialog.connections());
        QCOMPARE(env.session->connectionCount(), 3);
        QVERIFY(allLoaded(env.session.get()));
        QTRY_COMPARE_WITH_TIMEOUT(window.model()->rowCount(), 9, kWaitMs);
        window->close();
    }
    env.settings->sync();
    auto timer = std::make_unique<testsupport::ManualTimer>();
    env.refreshTimer = timer.get();
    env.session = std::make_unique<models::FleetSession>(&env.network, env.clock, std::move(timer));
    {
        Window again(env);
        const QList<options::ConnectionSpec> expected { { u"plant-b"_s, u"us-east-1"_s },
            { u"plant-c"_s, QString() } };
        QCOMPARE(again->extraConnections(), expected);
        QCOMPARE(again->connectionBar()->profilePicker()->currentChoice(),
            ProfileChoice::profile(u"plant-a"_s));
        QCOMPARE(env.session->connectionCount(), 3);
        again->show();
        QVERIFY(allLoaded(env.session.get()));
        QTRY_COMPARE_WITH_TIMEOUT(again.model()->rowCount(), 9, kWaitMs);
    }
    // --profile opens the one connection it names; the remembered set waits for another start.
    auto oneTimer = std::make_unique<testsupport::ManualTimer>();
    env.refreshTimer = oneTimer.get();
    env.session
        = std::make_unique<models::FleetSession>(&env.network, env.clock, std::move(oneTimer));
    env.useProfile(u"plant-c"_s);
    Window single(env);
    QVERIFY(single->extraConnections().isEmpty());
    QCOMPARE(env.session->connectionCount(), 1);
    QCOMPARE(env.settings->value(u"connection/more"_s).toStringList(),
        (QStringList { u"plant-b@us-east-1"_s, u"plant-c"_s }));
}

void TestMainWindow::connections_statusBarSummarizesEachAndTicks()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("plant-a"), ownFleet(5, 11, u"eu-west-1"_s, 8) },
        { QStringLiteral("plant-b"), ownFleet(6, 12, u"us-west-2"_s, 9) } }));
    ui::MainWindowSetup setup;
    setup.connections = { { u"plant-a"_s, QString() }, { u"plant-b"_s, QString() },
        { u"nosuch"_s, u"eu-west-1"_s } };
    Window window(env, setup);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.window.get()));
    QVERIFY(allLoaded(env.session.get()));
    QCOMPARE(window.model()->rowCount(), 11);
    auto *summary
        = window->statusBar()->findChild<ui::ConnectionsStatusLabel *>(u"connectionsStatusLabel"_s);
    auto *single = window->statusBar()->findChild<QLabel *>(u"connectionStatusLabel"_s);
    QVERIFY(summary && single);
    // The summary stands in for the one-connection label.
    QVERIFY(summary->isVisible());
    QVERIFY(!single->isVisible());
    QCOMPARE(summary->accessibleName(), u"Connections"_s);
    QTRY_COMPARE_WITH_TIMEOUT(summary->text(),
        u"3 connections · 2 answering · updated just now · nosuch · eu-west-1 failing: "
        u"configuration error"_s,
        kWaitMs);

    // The ages tick on the session's clock.
    const QString loadedAt = models::clockTimeText(fleettest::kStart);
    env.clock->advance(std::chrono::seconds(12));
    QTRY_COMPARE(summary->text(),
        u"3 connections · 2 answering · updated 12 s ago · nosuch · eu-west-1 failing: "
        u"configuration error"_s);
    const QStringList lines { u"plant-a · eu-west-1: answering, updated %1 (12 s ago)"_s.arg(
                                  loadedAt),
        u"plant-b · us-west-2: answering, updated %1 (12 s ago)"_s.arg(loadedAt),
        u"nosuch · eu-west-1: failing, never updated: The config profile (nosuch) could not be "
        u"found"_s };
    QCOMPARE(summary->accessibleDescription(), lines.join(u'\n'));
    QHelpEvent help(QEvent::ToolTip, QPoint(2, 2), summary->mapToGlobal(QPoint(2, 2)));
    QApplication::sendEvent(summary, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    for (const QString &line : lines)
        QVERIFY2(QToolTip::text().contains(line.toHtmlEscaped()), qPrintable(QToolTip::text()));
    QToolTip::hideText();

    // A second one fails: both are counted, and the lines say which and why.
    env.emulator(u"plant-b"_s).stop();
    window->refreshAction()->trigger();
    QVERIFY(allLoaded(env.session.get()));
    QTRY_COMPARE_WITH_TIMEOUT(env.session->connectionProblems().size(), 2, kWaitMs);
    QTRY_COMPARE(summary->text(), u"3 connections · 1 answering · updated just now · 2 failing"_s);
    const QString why = env.session->connection(1)->problem();
    QVERIFY(!why.isEmpty());
    const QStringList failing = summary->accessibleDescription().split(u'\n');
    QCOMPARE(failing.size(), 3);
    QCOMPARE(failing.at(0),
        u"plant-a · eu-west-1: answering, updated %1 (just now)"_s.arg(
            models::clockTimeText(fleettest::kStart.addSecs(12))));
    QCOMPARE(failing.at(1),
        u"plant-b · us-west-2: failing, last updated %1 (12 s ago): %2"_s.arg(loadedAt, why));
    QCOMPARE(failing.at(2), lines.at(2));

    // Back to one connection: the label of old, and no summary.
    window->setExtraConnections({});
    QCOMPARE(env.session->connectionCount(), 1);
    QVERIFY(!summary->isVisible());
    QVERIFY(single->isVisible());
    QCOMPARE(single->text(), u"Connected: plant-a · eu-west-1"_s);
    QCOMPARE(summary->text(), QString());
}

void TestMainWindow::connections_detailsListEverySection_titleCountsThem()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("plant-a"), ownFleet(4, 13, u"eu-west-1"_s, 10) },
        { QStringLiteral("plant-b"), ownFleet(3, 14, u"us-west-2"_s, 11) } }));
    ui::MainWindowSetup setup;
    setup.connections = { { u"plant-a"_s, QString() }, { u"plant-b"_s, QString() },
        { u"nosuch"_s, u"eu-west-1"_s } };
    Window window(env, setup);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.window.get()));
    QVERIFY(allLoaded(env.session.get()));
    QTRY_COMPARE_WITH_TIMEOUT(window.model()->rowCount(), 7, kWaitMs);
    QCOMPARE(window->windowTitle(), u"Lookout Desk — 3 connections"_s);

    // The second fails; File → Connection Details (Ctrl+I) has a section for each.
    env.emulator(u"plant-b"_s).stop();
    window->refreshAction()->trigger();
    QVERIFY(allLoaded(env.session.get()));
    QTRY_COMPARE_WITH_TIMEOUT(env.session->connectionProblems().size(), 2, kWaitMs);
    QTest::keyClick(window.window.get(), Qt::Key_I, Qt::ControlModifier);
    auto *dialog = window->findChild<ui::ConnectionDetailsDialog *>(u"connectionDetailsDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->headline(), u"3 connections · 1 answering · updated just now · 2 failing"_s);
    const QString text = dialog->detailsText();
    const QStringList sections = text.split(u"\n\n"_s);
    QCOMPARE(sections.size(), 3);

    const auto accountOf = [&](int source) {
        for (int row = 0; row < window.model()->rowCount(); ++row) {
            if (window.model()->sourceAt(row) == source)
                return window.model()
                    ->index(row, SchedulerListModel::AccountColumn)
                    .data()
                    .toString();
        }
        return QString();
    };
    const QString loadedAt = models::clockTimeText(fleettest::kStart);
    for (int source : { 0, 1 }) {
        const models::FleetConnection *connection = env.session->connection(source);
        QStringList expected { u"Connection %1 of 3: %2"_s.arg(source + 1).arg(connection->label()),
            source == 0 ? u"state: answering, updated %1 (just now)"_s.arg(loadedAt)
                        : u"state: failing, last updated %1 (just now): %2"_s.arg(
                            loadedAt, connection->problem()),
            u"account: "_s + accountOf(source) };
        QVERIFY(!accountOf(source).isEmpty());
        if (source == 1) {
            expected.append(u"last error: "_s + connection->refreshError()->toString());
            expected.append(u"Check the endpoint and the network, then press Retry."_s);
        }
        // Where each value comes from, the credentials as their provider describes them.
        const QStringList values = connection->connectedClient()->config().describe();
        expected.insert(source == 1 ? 4 : 3, values.join(u'\n'));
        QCOMPARE(sections.at(source), expected.join(u'\n'));
        QVERIFY(values.at(3).startsWith(u"credentials: "_s));
    }
    QCOMPARE(sections.at(2),
        u"Connection 3 of 3: nosuch · eu-west-1\n"
        u"state: failing, never updated: The config profile (nosuch) could not be found\n"
        u"account: not known until its schedulers are listed\n"
        u"last error: The config profile (nosuch) could not be found\n"
        u"Change or remove it with File → Connections."_s);
    for (const QString &profile : { u"plant-a"_s, u"plant-b"_s })
        QVERIFY(!text.contains(env.emulator(profile).credentials().secretAccessKey));

    // Copy takes every section.
    QGuiApplication::clipboard()->setText(u"before"_s);
    auto *copy = dialog->findChild<QPushButton *>(u"copyDetailsPushButton"_s);
    QVERIFY(copy);
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), text);
    const QPointer<ui::ConnectionDetailsDialog> closed = dialog;
    dialog->close();
    QTRY_VERIFY(!closed);

    // One connection again: the title and the dialog as with one.
    window->setExtraConnections({});
    QCOMPARE(window->windowTitle(), u"Lookout Desk — plant-a · eu-west-1"_s);
    window->findChild<QAction *>(u"connectionDetailsAction"_s)->trigger();
    auto *one = window->findChild<ui::ConnectionDetailsDialog *>(u"connectionDetailsDialog"_s);
    QVERIFY(one);
    QVERIFY(one->headline().startsWith(u"Connected as plant-a · eu-west-1 to "_s));
    QCOMPARE(one->detailsText(), env.session->connectedClient()->config().describe().join(u'\n'));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
