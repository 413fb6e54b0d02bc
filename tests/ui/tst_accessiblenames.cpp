// Every window and dialog as a screen reader meets it: each control that can be operated (a
// button, an input, a list or table, a tab, a menu or toolbar action, and any other widget that
// takes keyboard focus) has a name, as Qt's accessibility interface reports it
// (QAccessible::Name: the accessible name, a button's text or a labelled input's buddy label).
// Runs on the offscreen platform; each window is filled as a user sees it (a fleet loaded, a
// scheduler selected, a week of results drawn).
#include "accessiblewalk.h"
#include "fleetfixture.h"
#include "models/executionticks.h"
#include "models/inferenceeventmodel.h"
#include "results/foldersource.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectionsdialog.h"
#include "ui/fleetview.h"
#include "ui/keyboardshortcutsdialog.h"
#include "ui/mainwindow.h"
#include "ui/mfadialog.h"
#include "ui/profiledialog.h"
#include "ui/resultspane.h"
#include "ui/resultswindow.h"
#include "ui/schedulereventstab.h"
#include "ui/schedulerresultstab.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using fleettest::fleetOptions;

namespace {

constexpr int kWaitMs = 20'000;
const QString kWeek = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/pump-week");

QString report(const QStringList &unnamed)
{
    return QStringLiteral("controls without an accessible name:\n  ")
        + unnamed.join(QStringLiteral("\n  "));
}

} // namespace

class TestAccessibleNames : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void walker_findsAnUnnamedButtonAndInput();
    void mainWindow_everyControlNamed();
    void mainWindow_filterClearButtonNamed();
    void dialogs_everyControlNamed();
    void resultsWindow_everyControlNamed();
};

// The check itself can fail: a window with a nameless icon button and an unlabelled input.
void TestAccessibleNames::walker_findsAnUnnamedButtonAndInput()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *named = new QPushButton(QStringLiteral("&Refresh"), &window);
    auto *iconOnly = new QToolButton(&window);
    iconOnly->setObjectName(QStringLiteral("iconOnly"));
    auto *input = new QLineEdit(&window);
    input->setObjectName(QStringLiteral("bareInput"));
    layout->addWidget(named);
    layout->addWidget(iconOnly);
    layout->addWidget(input);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList unnamed = accessiblewalk::unnamedControls(&window);
    QCOMPARE(unnamed.size(), 2);
    QVERIFY2(unnamed.join(u' ').contains(QStringLiteral("iconOnly")), qPrintable(report(unnamed)));
    QVERIFY2(unnamed.join(u' ').contains(QStringLiteral("bareInput")), qPrintable(report(unnamed)));
    iconOnly->setAccessibleName(QStringLiteral("Close"));
    input->setAccessibleName(QStringLiteral("Filter"));
    QVERIFY2(accessiblewalk::unnamedControls(&window).isEmpty(),
        qPrintable(report(accessiblewalk::unnamedControls(&window))));
}

void TestAccessibleNames::mainWindow_everyControlNamed()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(12) } }));
    env.useProfile(QStringLiteral("north"));
    ui::MainWindow window(env.windowSetup());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(QTest::qWaitFor(
        [&] { return !env.session->refreshController()->isRefreshing(); }, kWaitMs));
    QCOMPARE(env.session->model()->rowCount(), 12);
    // A selected scheduler fills the details pane with its fields and copy buttons.
    QTableView *table = window.fleetView()->tableView();
    table->setFocus();
    table->selectRow(0);
    QVERIFY(QTest::qWaitFor([&] { return !env.details->schedulerName().isEmpty(); }, kWaitMs));
    QVERIFY(QTest::qWaitFor([&] { return env.details->scheduler().has_value(); }, kWaitMs));

    QStringList unnamed = accessiblewalk::unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(report(unnamed)));

    // The Events tab, its events and executions listed and the first event selected: the
    // timeline, the tables, the bars or the text, the range chooser and Reload.
    env.clock->set(QDateTime::currentDateTimeUtc());
    window.showSchedulerTab(options::SchedulerTab::Events);
    ui::SchedulerEventsTab *events = window.eventsTab();
    QCOMPARE(events->loadedScheduler(), env.details->schedulerName());
    QVERIFY(QTest::qWaitFor(
        [&] {
            return events->eventModel()->state() != models::InferenceEventModel::State::Loading
                && events->executionTicks()->state() != models::ExecutionTicks::State::Loading;
        },
        kWaitMs));
    events->selectEvent(0);
    unnamed = accessiblewalk::unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(report(unnamed)));

    // The Results tab, loading the scheduler's week from the emulator's S3: the pane with its
    // progress bar and Cancel button shown.
    window.showSchedulerTab(options::SchedulerTab::Results);
    ui::SchedulerResultsTab *results = window.resultsTab();
    QCOMPARE(results->loadedScheduler(), env.details->schedulerName());
    QVERIFY(!results->isShowingMessage());
    unnamed = accessiblewalk::unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(report(unnamed)));
    results->pane()->cancelLoad();
    QVERIFY(!results->pane()->isLoading());
    window.showSchedulerTab(options::SchedulerTab::Details);

    // The dashboard screen, too.
    window.dashboardAction()->trigger();
    unnamed = accessiblewalk::unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(report(unnamed)));
}

// The filter field's clear button (Qt's own, shown once there is text): a screen reader said only
// "button".
void TestAccessibleNames::mainWindow_filterClearButtonNamed()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    ui::MainWindow window(env.windowSetup());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *filter = window.fleetView()->findChild<QLineEdit *>(QStringLiteral("filterLineEdit"));
    QVERIFY(filter);
    QVERIFY(filter->isClearButtonEnabled());
    QTest::keyClicks(filter, QStringLiteral("pump"));
    const QList<QToolButton *> buttons = filter->findChildren<QToolButton *>();
    QVERIFY(!buttons.isEmpty());
    for (QToolButton *button : buttons)
        QVERIFY2(!accessiblewalk::accessibleName(button).isEmpty(),
            qPrintable(accessiblewalk::describe(button)));
}

void TestAccessibleNames::dialogs_everyControlNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    aws::KeychainProfileStore store(&settings, QStringLiteral("lookout-desk-test"));
    ui::ProfileDialog profiles(&store,
        aws::AwsProfiles::fromFiles(aws::SharedConfigFile::parse("[default]\nregion = us-east-1\n",
                                        QStringLiteral("/home/u/.aws/config")),
            aws::SharedConfigFile::parse({}, QStringLiteral("/home/u/.aws/credentials"))));
    ui::ConnectionDetailsDialog connection;
    connection.setProblem(QStringLiteral("north"), QStringLiteral("Unable to locate credentials."),
        QStringLiteral("Run lookout-desk configure."));
    connection.setFileProblems({ QStringLiteral("/home/u/.aws/config line 3: no '='") });
    ui::KeyboardShortcutsDialog shortcuts;
    shortcuts.setEntries({ { QStringLiteral("Refresh"), { QKeySequence(Qt::Key_F5) } } });
    ui::ConnectionsDialog connections({ QStringLiteral("north"), QStringLiteral("south") });
    connections.setConnections({ { QStringLiteral("south"), QStringLiteral("eu-west-1") } });
    connections.regionBox()->setCurrentText(QStringLiteral("not a region"));
    connections.addConnection(); // refused: the problem line shows too
    ui::MfaDialog mfa(QStringLiteral("prod"), QStringLiteral("arn:aws:iam::111122223333:mfa/a"));

    for (QDialog *dialog : std::initializer_list<QDialog *> {
             &profiles, &connection, &shortcuts, &connections, &mfa }) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QStringList unnamed = accessiblewalk::unnamedControls(dialog);
        QVERIFY2(unnamed.isEmpty(),
            qPrintable(dialog->metaObject()->className() + QStringLiteral(": ") + report(unnamed)));
    }
}

void TestAccessibleNames::resultsWindow_everyControlNamed()
{
    results::FolderSource source(kWeek);
    ui::ResultsWindow window(&source);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &ui::ResultsWindow::loadFinished);
    window.start();
    QVERIFY(!finished.isEmpty() || finished.wait(60'000));
    const QStringList unnamed = accessiblewalk::unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(report(unnamed)));
}

QTEST_MAIN(TestAccessibleNames)
#include "tst_accessiblenames.moc"
