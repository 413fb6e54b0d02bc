// The details pane's History tab (ui::ExecutionHistoryTab) against the in-process emulator: it
// lists when shown, follows the form's scheduler and refreshes with it (selection and scroll
// position kept while new executions arrive on top), sends its filters, shows the selected
// row's failed reason in full and copies a row as the CLI's JSON, the failed reason, the result
// object and the rows as TSV; errors appear in place with Retry. In the main window: its tab,
// Ctrl+2, --show history and the names of its controls.
#include "emulator/emulator.h"
#include "fleetfixture.h"
#include "lookout/service.h"
#include "lookoutjsonclient.h"
#include "models/executionhistorycontroller.h"
#include "models/schedulerdetailscontroller.h"
#include "ui/copyablefieldlabel.h"
#include "ui/errorbanner.h"
#include "ui/executionhistorytab.h"
#include "ui/fleetview.h"
#include "ui/mainwindow.h"
#include "ui/resultsrangechooser.h"
#include "ui/schedulerdetailsview.h"
#include "ui/statusbadgedelegate.h"

#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using models::ExecutionHistoryController;
using State = ExecutionHistoryController::State;
using Summary = lookout::InferenceExecutionSummary;

namespace {

constexpr int kWaitMs = 30'000;
constexpr qint64 kFiveMinutesMs = 5 * 60 * 1000;

} // namespace

class TestExecutionHistoryTab : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void listsOnlyWhenShown_newestFirst_withBadges();
    void filters_areSent_andFailedReasonIsShownInFull();
    void copyActions_putTheExactTextsOnTheClipboard();
    void refreshWithTheForm_keepsSelectionAndScrollPosition();
    void formRefreshWhileAPageArrives_refreshesAfterIt();
    void error_isShownInPlace_andRetryLoads();
    void anotherScheduler_startsAgain();
    void mainWindow_hasTheTab_ctrl2_andShowHistory();

private:
    lookout::LookoutClient client() { return lookout::LookoutClient(m_jsonClient.get()); }
    models::CliGlobalOptions cliOptions() const
    {
        return { QStringLiteral("default"), m_emulator->region(), m_emulator->endpoint() };
    }
    bool waitIdle(ui::ExecutionHistoryTab &tab)
    {
        return QTest::qWaitFor(
            [&] { return !tab.controller()->isBusy() && tab.controller()->state() != State::Idle; },
            kWaitMs);
    }
    // A RUNNING scheduler that runs every 5 minutes, with more than one page of executions.
    QString busyScheduler();
    // Shows `name` through the details controller with `tab` on screen; true once it settled.
    bool showAndSettle(ui::ExecutionHistoryTab &tab, const QString &name)
    {
        m_details->setClient(client(), cliOptions());
        m_details->showScheduler(name);
        tab.show();
        return QTest::qWaitForWindowExposed(&tab) && waitIdle(tab);
    }
    // After the emulator's clock moved: one call, so that the client corrects its signing time
    // (a retry of its own) before the calls a test counts.
    bool learnTheEmulatorsClock()
    {
        std::optional<bool> done;
        client().listInferenceSchedulers({}, this, nullptr,
            [&](const aws::Result<QList<lookout::InferenceSchedulerSummary>> &result) {
                done = result.ok();
            });
        return QTest::qWaitFor([&] { return done.has_value(); }, kWaitMs) && *done;
    }

    std::shared_ptr<core::ManualClock> m_emulatorClock;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<aws::AwsJsonClient> m_jsonClient;
    std::unique_ptr<models::SchedulerDetailsController> m_details;
};

void TestExecutionHistoryTab::init()
{
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
    m_details = std::make_unique<models::SchedulerDetailsController>();
}

void TestExecutionHistoryTab::cleanup()
{
    m_details.reset();
    m_jsonClient.reset();
    m_network.reset();
    m_emulator.reset();
}

QString TestExecutionHistoryTab::busyScheduler()
{
    std::optional<QList<lookout::InferenceSchedulerSummary>> fleet;
    client().listInferenceSchedulers({}, this, nullptr,
        [&](const aws::Result<QList<lookout::InferenceSchedulerSummary>> &result) {
            if (result.ok())
                fleet = result.value();
        });
    if (!QTest::qWaitFor([&] { return fleet.has_value(); }, kWaitMs))
        return {};
    for (const lookout::InferenceSchedulerSummary &summary : *fleet) {
        if (summary.status != QLatin1String("RUNNING")
            || summary.dataUploadFrequency != QLatin1String("PT5M"))
            continue;
        std::optional<qsizetype> count;
        client().listInferenceExecutions(*summary.inferenceSchedulerName, {}, std::nullopt, this,
            [&](const aws::Result<QList<Summary>> &result) {
                count = result.ok() ? result.value().size() : 0;
            });
        if (QTest::qWaitFor([&] { return count.has_value(); }, kWaitMs) && *count > 1000)
            return *summary.inferenceSchedulerName;
    }
    return {};
}

void TestExecutionHistoryTab::listsOnlyWhenShown_newestFirst_withBadges()
{
    const QString name = busyScheduler();
    QVERIFY(!name.isEmpty());
    ui::ExecutionHistoryTab tab(m_details.get());
    m_details->setClient(client(), cliOptions());
    m_details->showScheduler(name);
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy(), kWaitMs);
    QCOMPARE(tab.controller()->state(), State::Idle);
    QVERIFY(tab.messageLabel()->text().contains(name));

    tab.resize(1000, 700);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(waitIdle(tab));
    QCOMPARE(tab.controller()->state(), State::Loaded);
    QCOMPARE(tab.table()->model()->rowCount(), ExecutionHistoryController::kFirstPageSize);
    QVERIFY(tab.messageLabel()->isHidden());
    QVERIFY(tab.errorBanner()->isHidden());
    QVERIFY(tab.summaryLabel()->text().contains(QStringLiteral("more load as you scroll")));
    QVERIFY(qobject_cast<ui::StatusBadgeDelegate *>(
        tab.table()->itemDelegateForColumn(models::ExecutionHistoryModel::StatusColumn)));
    const auto *model = tab.controller()->model();
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->execution(row - 1).scheduledStartTime->epochMicroseconds
            > model->execution(row).scheduledStartTime->epochMicroseconds);
    QCOMPARE(model->index(0, models::ExecutionHistoryModel::StatusColumn)
                 .data(models::BadgeValueRole)
                 .toString(),
        QStringLiteral("IN_PROGRESS"));

    // Scrolling to the end asks for the next page.
    tab.table()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(
        model->rowCount() > ExecutionHistoryController::kFirstPageSize, kWaitMs);
}

void TestExecutionHistoryTab::filters_areSent_andFailedReasonIsShownInFull()
{
    const QString name = busyScheduler();
    QVERIFY(!name.isEmpty());
    ui::ExecutionHistoryTab tab(m_details.get());
    QVERIFY(showAndSettle(tab, name));

    const int failedIndex = tab.statusBox()->findData(QStringLiteral("FAILED"));
    QVERIFY(failedIndex > 0);
    tab.statusBox()->setCurrentIndex(failedIndex);
    emit tab.statusBox()->activated(failedIndex);
    QCOMPARE(tab.controller()->filter().status, QStringLiteral("FAILED"));
    QVERIFY(waitIdle(tab));
    const auto *model = tab.controller()->model();
    QVERIFY(model->rowCount() > 0);
    for (const Summary &summary : model->executions())
        QCOMPARE(summary.status, QStringLiteral("FAILED"));

    // The last 24 hours: from then on, open at the end so refreshes bring new executions.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    tab.rangeChooser()->choose(ui::ResultsRangeChooser::Choice::Last24Hours);
    QVERIFY(waitIdle(tab));
    const lookout::InferenceExecutionFilter lastDay = tab.controller()->filter();
    QCOMPARE(lastDay.status, QStringLiteral("FAILED"));
    QVERIFY(lastDay.dataStartTimeAfter);
    QVERIFY(
        qAbs(lastDay.dataStartTimeAfter->epochMicroseconds - (now - qint64(24) * 3600 * 1'000'000))
        < qint64(60) * 1'000'000);
    QVERIFY(!lastDay.dataEndTimeBefore);
    for (const Summary &summary : model->executions())
        QVERIFY(summary.dataStartTime->epochMicroseconds
            >= lastDay.dataStartTimeAfter->epochMicroseconds);
    // A custom range is sent as chosen.
    const qint64 from = now - qint64(3) * 24 * 3600 * 1'000'000;
    const qint64 to = now - qint64(2) * 24 * 3600 * 1'000'000;
    tab.rangeChooser()->chooseCustom(from, to);
    QVERIFY(waitIdle(tab));
    QCOMPARE(tab.controller()->filter().dataStartTimeAfter->epochMicroseconds / 60'000'000,
        from / 60'000'000);
    QCOMPARE(tab.controller()->filter().dataEndTimeBefore->epochMicroseconds / 60'000'000,
        to / 60'000'000);
    QVERIFY(model->rowCount() > 0);
    for (const Summary &summary : model->executions()) {
        QCOMPARE(summary.status, QStringLiteral("FAILED"));
        QVERIFY(summary.dataEndTime->epochMicroseconds
            <= tab.controller()->filter().dataEndTimeBefore->epochMicroseconds);
    }

    QVERIFY(tab.failedReasonView()->toPlainText().isEmpty());
    tab.table()->selectRow(0);
    const QString reason = *model->execution(0).failedReason;
    QVERIFY(!reason.isEmpty());
    QCOMPARE(tab.failedReasonView()->toPlainText(), reason);
    QVERIFY(tab.failedReasonView()->isReadOnly());
    QVERIFY(tab.failedReasonView()->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QVERIFY(tab.resultObjectField()->isAbsent());
}

void TestExecutionHistoryTab::copyActions_putTheExactTextsOnTheClipboard()
{
    const QString name = busyScheduler();
    QVERIFY(!name.isEmpty());
    ui::ExecutionHistoryTab tab(m_details.get());
    QVERIFY(showAndSettle(tab, name));
    const auto *model = tab.controller()->model();
    QVERIFY(!tab.copyJsonAction()->isEnabled());

    int success = -1;
    int failed = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (success < 0 && model->execution(row).status == QLatin1String("SUCCESS"))
            success = row;
        if (failed < 0 && model->execution(row).status == QLatin1String("FAILED"))
            failed = row;
    }
    QVERIFY(success >= 0);
    QClipboard *clipboard = QGuiApplication::clipboard();

    tab.table()->setFocus();
    tab.table()->selectRow(success);
    QVERIFY(tab.copyJsonAction()->isEnabled());
    QVERIFY(!tab.copyFailedReasonAction()->isEnabled());
    QTest::keySequence(tab.table(), QKeySequence::Copy);
    QCOMPARE(clipboard->text(), model->cliJson(success));
    QVERIFY(clipboard->text().startsWith(QStringLiteral("{\n    \"InferenceExecutionSummaries\"")));

    const QString uri = models::resultObjectUri(model->execution(success));
    QVERIFY(uri.startsWith(QStringLiteral("s3://")));
    QCOMPARE(tab.resultObjectField()->text(), uri);
    clipboard->clear();
    QTest::mouseClick(tab.resultObjectField()->copyButton(), Qt::LeftButton);
    QCOMPARE(clipboard->text(), uri);

    tab.copyTsvAction()->trigger();
    QCOMPARE(clipboard->text(), model->tabSeparated());
    QCOMPARE(clipboard->text().count(QLatin1Char('\n')), model->rowCount() + 1);

    if (failed >= 0) {
        tab.table()->selectRow(failed);
        QVERIFY(tab.copyFailedReasonAction()->isEnabled());
        tab.copyFailedReasonAction()->trigger();
        QCOMPARE(clipboard->text(), *model->execution(failed).failedReason);
    }
}

void TestExecutionHistoryTab::refreshWithTheForm_keepsSelectionAndScrollPosition()
{
    const QString name = busyScheduler();
    QVERIFY(!name.isEmpty());
    ui::ExecutionHistoryTab tab(m_details.get());
    m_details->setClient(client(), cliOptions());
    m_details->showScheduler(name);
    tab.resize(1000, 700);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(waitIdle(tab));
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy(), kWaitMs);
    auto *model = tab.controller()->model();
    QTableView *table = tab.table();
    table->selectRow(45);
    table->scrollTo(model->index(40, 0), QAbstractItemView::PositionAtTop);
    QTRY_COMPARE(table->indexAt(QPoint(1, 1)).row(), 40);
    const Summary top = model->execution(40);
    const Summary selected = model->execution(45);

    m_emulatorClock->advance(std::chrono::minutes(10));
    QVERIFY(learnTheEmulatorsClock());
    const quint64 before = m_emulator->counters().requests;
    QVERIFY(m_details->refresh());
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy() && !tab.controller()->isBusy(), kWaitMs);
    // One Describe for the form, one listing for the tab.
    QCOMPARE(m_emulator->counters().requests - before, 2u);
    QCOMPARE(model->rowCount(), ExecutionHistoryController::kFirstPageSize + 2);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(model->execution(table->selectionModel()->selectedRows().first().row()), selected);
    QTRY_COMPARE(table->indexAt(QPoint(1, 1)).row(), 42);
    QCOMPARE(model->execution(42), top);

    // Hidden, the tab refreshes once shown again.
    tab.hide();
    m_emulatorClock->advance(std::chrono::minutes(5));
    QVERIFY(learnTheEmulatorsClock());
    QVERIFY(m_details->refresh());
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy(), kWaitMs);
    QVERIFY(!tab.controller()->isBusy());
    QCOMPARE(model->rowCount(), ExecutionHistoryController::kFirstPageSize + 2);
    tab.show();
    QTRY_COMPARE_WITH_TIMEOUT(
        model->rowCount(), ExecutionHistoryController::kFirstPageSize + 3, kWaitMs);
}

void TestExecutionHistoryTab::formRefreshWhileAPageArrives_refreshesAfterIt()
{
    const QString name = busyScheduler();
    QVERIFY(!name.isEmpty());
    ui::ExecutionHistoryTab tab(m_details.get());
    QVERIFY(showAndSettle(tab, name));
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy(), kWaitMs);
    m_emulatorClock->advance(std::chrono::minutes(10));
    QVERIFY(learnTheEmulatorsClock());

    auto *model = tab.controller()->model();
    model->fetchMore({});
    QVERIFY(tab.controller()->isBusy());
    QVERIFY(m_details->refresh()); // the tab is busy with the page: it refreshes after it
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(),
        ExecutionHistoryController::kFirstPageSize + ExecutionHistoryController::kPageSize + 2,
        kWaitMs);
    QCOMPARE(model->execution(0).status, QStringLiteral("IN_PROGRESS"));
}

void TestExecutionHistoryTab::error_isShownInPlace_andRetryLoads()
{
    const QString name = busyScheduler();
    QVERIFY(!name.isEmpty());
    ui::ExecutionHistoryTab tab(m_details.get());
    m_details->setClient(client(), cliOptions());
    m_details->showScheduler(name);
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy(), kWaitMs);
    emulator::FaultConfig throttled;
    throttled.throttlingPercent = 100;
    QVERIFY(m_emulator->setFaults(throttled));
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(waitIdle(tab));
    QCOMPARE(tab.controller()->state(), State::Failed);
    QVERIFY(tab.errorBanner()->isVisible());
    QCOMPARE(tab.errorBanner()->headline(),
        QStringLiteral("Could not list the executions of %1.").arg(name));
    QVERIFY(tab.errorBanner()->details().contains(QStringLiteral("ThrottlingException")));
    QVERIFY(tab.errorBanner()->retryButton()->isVisible());

    // The form's next refresh tries again too (still throttled here).
    const quint64 before = m_emulator->counters().requests;
    QVERIFY(m_details->refresh());
    QTRY_VERIFY_WITH_TIMEOUT(!m_details->isBusy() && !tab.controller()->isBusy()
            && m_emulator->counters().requests - before >= 2,
        kWaitMs);
    QCOMPARE(tab.controller()->state(), State::Failed);

    QVERIFY(m_emulator->setFaults({}));
    QTest::mouseClick(tab.errorBanner()->retryButton(), Qt::LeftButton);
    QVERIFY(waitIdle(tab));
    QCOMPARE(tab.controller()->state(), State::Loaded);
    QVERIFY(tab.errorBanner()->isHidden());
    QCOMPARE(tab.table()->model()->rowCount(), ExecutionHistoryController::kFirstPageSize);
}

void TestExecutionHistoryTab::anotherScheduler_startsAgain()
{
    const QString name = busyScheduler();
    QVERIFY(!name.isEmpty());
    ui::ExecutionHistoryTab tab(m_details.get());
    QVERIFY(showAndSettle(tab, name));
    m_details->showScheduler(QStringLiteral("no-such-scheduler"));
    QCOMPARE(tab.controller()->schedulerName(), QStringLiteral("no-such-scheduler"));
    QCOMPARE(tab.table()->model()->rowCount(), 0);
    QVERIFY(waitIdle(tab));
    QCOMPARE(tab.controller()->state(), State::Failed);
    QVERIFY(tab.errorBanner()->details().contains(QStringLiteral("ResourceNotFoundException")));
    m_details->showScheduler(QString());
    QCOMPARE(tab.controller()->state(), State::Empty);
    QVERIFY(tab.errorBanner()->isHidden());
}

void TestExecutionHistoryTab::mainWindow_hasTheTab_ctrl2_andShowHistory()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleettest::fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    ui::MainWindowSetup setup;
    setup.schedulerTab = options::SchedulerTab::History;
    ui::MainWindow window(env.windowSetup(setup));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("schedulerTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->currentWidget(), window.historyTab());
    QCOMPARE(tabs->tabText(tabs->indexOf(window.historyTab())), QStringLiteral("History"));
    QCOMPARE(tabs->indexOf(window.historyTab()), 1);
    QVERIFY(window.shortcutActions().contains(window.historyTabAction()));

    // The tab lists the scheduler chosen in the fleet through the window's connection.
    QTRY_VERIFY_WITH_TIMEOUT(env.session->model()->rowCount() > 0, kWaitMs);
    window.fleetView()->tableView()->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(window.historyTab()->controller()->state() == State::Loaded
            || window.historyTab()->controller()->state() == State::Failed,
        kWaitMs);
    QCOMPARE(window.historyTab()->controller()->schedulerName(), env.details->schedulerName());
    QCOMPARE(window.historyTab()->controller()->state(), State::Loaded);

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(window.detailsView()));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget(), window.historyTab());

    const QList<QWidget *> controls { window.historyTab(), window.historyTab()->table(),
        window.historyTab()->statusBox(), window.historyTab()->rangeChooser()->choiceBox(),
        window.historyTab()->failedReasonView(),
        window.historyTab()->resultObjectField()->copyButton() };
    for (QWidget *control : controls)
        QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
    for (auto *button : window.historyTab()->findChildren<QToolButton *>())
        QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->objectName()));
}

QTEST_MAIN(TestExecutionHistoryTab)
#include "tst_executionhistorytab.moc"
