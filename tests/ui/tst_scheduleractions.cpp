// Start and Stop in the window, against emulators behind a temporary ~/.aws and the demo entry:
// which actions are enabled for which statuses (one row, several rows, the details pane), the
// confirmation with the names and the skipped ones, Esc sending nothing, Enter acting, the
// badge changing at once, the Edit menu and the fleet table's context menu.
#include "fleetfixture.h"
#include "models/itemroles.h"
#include "models/scheduleractioncontroller.h"
#include "ui/fleetview.h"
#include "ui/keyboardshortcutsdialog.h"
#include "ui/scheduleractions.h"
#include "ui/schedulerdetailsview.h"
#include "ui/statusbadge.h"

#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

using fleettest::fleetOptions;
using models::SchedulerListModel;
using ui::MainWindow;
using ui::SchedulerActions;

namespace {

constexpr int kWaitMs = 20'000;
const QString kProfile = QStringLiteral("plant");

} // namespace

class TestSchedulerActions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void enabled_followsTheStatusOfOneRow();
    void enabled_multiSelection_whenAnyAllows();
    void confirmation_namesTheScheduler_escSendsNothing();
    void confirmation_severalRows_listsNamesAndSkipped_enterStops();
    void detailsButtons_stopAndTheBadgeShowsStoppingAtOnce();
    void menus_editMenuAndContextMenuHoldStartAndStop();
    void shortcuts_doNotClash();
    void demo_startWorksOnTheBuiltInEmulator();

private:
    void openOn(const QString &profile);
    QStringList namesWithStatus(const QString &status, int count) const;
    void selectRows(const QStringList &names);
    // Waits until the details pane shows `name` loaded and the actions are recounted.
    void showInDetails(const QString &name);
    SchedulerActions *actions() const { return m_window->schedulerActions(); }
    quint64 requests() const { return m_env->emulator(kProfile).counters().requests; }
    QMessageBox *waitForConfirmation() const;

    std::unique_ptr<fleettest::Environment> m_env;
    std::unique_ptr<MainWindow> m_window;
};

void TestSchedulerActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<models::RefreshController::Outcome>();
}

void TestSchedulerActions::init()
{
    m_env = std::make_unique<fleettest::Environment>();
    QVERIFY(m_env->setUp({ { kProfile, fleetOptions(40, 5) } }));
}

void TestSchedulerActions::cleanup()
{
    m_window.reset();
    m_env.reset();
}

void TestSchedulerActions::openOn(const QString &profile)
{
    m_env->useProfile(profile);
    m_window = std::make_unique<MainWindow>(m_env->windowSetup());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QTest::qWaitFor(
        [this] {
            return m_env->session->model()->rowCount() > 0
                && !m_env->session->refreshController()->isRefreshing();
        },
        kWaitMs));
}

QStringList TestSchedulerActions::namesWithStatus(const QString &status, int count) const
{
    QStringList names;
    const SchedulerListModel *model = m_env->session->model();
    for (int row = 0; row < model->rowCount() && names.size() < count; ++row) {
        if (model->schedulerAt(row).status == status)
            names.append(model->nameAt(row));
    }
    return names;
}

void TestSchedulerActions::selectRows(const QStringList &names)
{
    ui::FleetView *fleet = m_window->fleetView();
    QTableView *table = fleet->tableView();
    QItemSelectionModel *selection = table->selectionModel();
    selection->clearSelection();
    for (const QString &name : names) {
        const int sourceRow = m_env->session->model()->rowOfName(name);
        const QModelIndex index
            = fleet->proxyModel()->mapFromSource(m_env->session->model()->index(sourceRow, 0));
        QVERIFY(index.isValid());
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QTRY_COMPARE(fleet->selectedValues(models::SchedulerNameRole).size(), names.size());
}

void TestSchedulerActions::showInDetails(const QString &name)
{
    QVERIFY(m_window->fleetView()->selectScheduler(name));
    QTRY_VERIFY_WITH_TIMEOUT(m_env->details->schedulerName() == name
            && m_env->details->state() == models::SchedulerDetailsController::State::Loaded
            && !m_env->details->isBusy(),
        kWaitMs);
}

QMessageBox *TestSchedulerActions::waitForConfirmation() const
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            box = actions()->confirmation();
            return box && box->isVisible();
        },
        kWaitMs);
    return shown ? box : nullptr;
}

void TestSchedulerActions::enabled_followsTheStatusOfOneRow()
{
    openOn(kProfile);
    const QString running = namesWithStatus(QStringLiteral("RUNNING"), 1).value(0);
    const QString stopped = namesWithStatus(QStringLiteral("STOPPED"), 1).value(0);
    const QString pending = namesWithStatus(QStringLiteral("PENDING"), 1).value(0);
    QVERIFY(!running.isEmpty() && !stopped.isEmpty() && !pending.isEmpty());

    showInDetails(running);
    QTRY_VERIFY(actions()->stopAction()->isEnabled());
    QVERIFY(!actions()->startAction()->isEnabled());
    QVERIFY(actions()->stopShownAction()->isEnabled());
    QVERIFY(!actions()->startShownAction()->isEnabled());

    showInDetails(stopped);
    QTRY_VERIFY(actions()->startAction()->isEnabled());
    QVERIFY(!actions()->stopAction()->isEnabled());
    QVERIFY(actions()->startShownAction()->isEnabled());
    QVERIFY(!actions()->stopShownAction()->isEnabled());

    // Changing state: neither.
    showInDetails(pending);
    QTRY_VERIFY(!actions()->startAction()->isEnabled());
    QVERIFY(!actions()->stopAction()->isEnabled());
    QVERIFY(!actions()->startShownAction()->isEnabled());
    QVERIFY(!actions()->stopShownAction()->isEnabled());
}

void TestSchedulerActions::enabled_multiSelection_whenAnyAllows()
{
    openOn(kProfile);
    const QStringList running = namesWithStatus(QStringLiteral("RUNNING"), 2);
    const QStringList pending = namesWithStatus(QStringLiteral("PENDING"), 1);
    selectRows(running + pending);
    QTRY_VERIFY(actions()->stopAction()->isEnabled());
    QVERIFY(!actions()->startAction()->isEnabled());
    selectRows(pending + namesWithStatus(QStringLiteral("STOPPED"), 1));
    QTRY_VERIFY(actions()->startAction()->isEnabled());
    QVERIFY(!actions()->stopAction()->isEnabled());
}

void TestSchedulerActions::confirmation_namesTheScheduler_escSendsNothing()
{
    openOn(kProfile);
    const QString running = namesWithStatus(QStringLiteral("RUNNING"), 1).value(0);
    showInDetails(running);
    selectRows({ running });
    QTRY_VERIFY(actions()->stopAction()->isEnabled());
    const quint64 before = requests();
    actions()->stopAction()->trigger();
    QMessageBox *box = waitForConfirmation();
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Stop %1?").arg(running));
    QVERIFY(box->informativeText().contains(QStringLiteral("STOPPING, then STOPPED")));
    QCOMPARE(box->accessibleName(), QStringLiteral("Stop Schedulers"));
    for (QAbstractButton *button : box->buttons())
        QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->text()));
    QPointer<QMessageBox> watched = box;
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!watched || !watched->isVisible());
    QVERIFY(!m_window->schedulerActions()->confirmation()
        || !m_window->schedulerActions()->confirmation()->isVisible());
    // Let anything queued run: still no call.
    QCoreApplication::processEvents();
    QCOMPARE(requests(), before);
    QCOMPARE(
        m_env->session->model()->schedulerAt(m_env->session->model()->rowOfName(running)).status,
        QStringLiteral("RUNNING"));
}

void TestSchedulerActions::confirmation_severalRows_listsNamesAndSkipped_enterStops()
{
    openOn(kProfile);
    const QStringList running = namesWithStatus(QStringLiteral("RUNNING"), 3);
    const QString stopped = namesWithStatus(QStringLiteral("STOPPED"), 1).value(0);
    QCOMPARE(running.size(), 3);
    selectRows(running + QStringList { stopped });
    QTRY_VERIFY(actions()->stopAction()->isEnabled());

    actions()->stopAction()->trigger();
    QMessageBox *box = waitForConfirmation();
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Stop 3 schedulers?"));
    QVERIFY2(box->informativeText().contains(
                 QStringLiteral("1 selected scheduler is not running and is skipped.")),
        qPrintable(box->informativeText()));
    const QString details = box->detailedText();
    for (const QString &name : running)
        QVERIFY2(details.contains(name), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Skipped:\n%1 (STOPPED)").arg(stopped)),
        qPrintable(details));

    auto *controller = m_window->findChild<models::SchedulerActionController *>();
    QSignalSpy finished(controller, &models::SchedulerActionController::finished);
    QSignalSpy sent(controller, &models::SchedulerActionController::callStarted);
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    // One call per scheduler that allows it; the STOPPED one is not sent.
    QStringList sentNames;
    for (const QList<QVariant> &call : sent)
        sentNames.append(call.first().toString());
    QCOMPARE(sentNames, running);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("3 stopped"));
    const SchedulerListModel *model = m_env->session->model();
    for (const QString &name : running)
        QCOMPARE(model->schedulerAt(model->rowOfName(name)).status, QStringLiteral("STOPPING"));
    QCOMPARE(model->schedulerAt(model->rowOfName(stopped)).status, QStringLiteral("STOPPED"));
    // Nothing the selection allows is left: Stop is off until something runs again.
    QTRY_VERIFY(!actions()->stopAction()->isEnabled());
}

void TestSchedulerActions::detailsButtons_stopAndTheBadgeShowsStoppingAtOnce()
{
    openOn(kProfile);
    const QString running = namesWithStatus(QStringLiteral("RUNNING"), 1).value(0);
    showInDetails(running);
    ui::SchedulerDetailsView *details = m_window->detailsView();
    auto *stop
        = details->findChild<QToolButton *>(QStringLiteral("stopShownSchedulerActionToolButton"));
    auto *start
        = details->findChild<QToolButton *>(QStringLiteral("startShownSchedulerActionToolButton"));
    QVERIFY(stop && start);
    QCOMPARE(stop->accessibleName(), QStringLiteral("Stop"));
    QCOMPARE(start->accessibleName(), QStringLiteral("Start"));
    QTRY_VERIFY(stop->isEnabled());
    QVERIFY(!start->isEnabled());

    QTest::mouseClick(stop, Qt::LeftButton);
    QMessageBox *box = waitForConfirmation();
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Stop %1?").arg(running));
    QVERIFY(box->detailedText().isEmpty());
    box->defaultButton()->click();
    auto *badge = qobject_cast<ui::StatusBadge *>(details->fieldWidget(QStringLiteral("status")));
    QVERIFY(badge);
    QTRY_COMPARE_WITH_TIMEOUT(badge->value(), QStringLiteral("STOPPING"), kWaitMs);
    QTRY_COMPARE(m_window->statusBar()->currentMessage(),
        QStringLiteral("%1 is stopping (STOPPING).").arg(running));
    QTRY_VERIFY(!stop->isEnabled());
    QVERIFY(!start->isEnabled());
}

void TestSchedulerActions::menus_editMenuAndContextMenuHoldStartAndStop()
{
    openOn(kProfile);
    auto *edit = m_window->findChild<QMenu *>(QStringLiteral("editMenu"));
    QVERIFY(edit);
    QVERIFY(edit->actions().contains(actions()->startAction()));
    QVERIFY(edit->actions().contains(actions()->stopAction()));
    QTableView *table = m_window->fleetView()->tableView();
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(table->actions().contains(actions()->startAction()));
    QVERIFY(table->actions().contains(actions()->stopAction()));
    QVERIFY(!actions()->startAction()->text().isEmpty());
    QVERIFY(!actions()->stopAction()->text().isEmpty());
}

void TestSchedulerActions::shortcuts_doNotClash()
{
    openOn(kProfile);
    QCOMPARE(actions()->startAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QCOMPARE(actions()->stopAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    QHash<QKeySequence, QString> owners;
    for (QAction *action : m_window->shortcutActions()) {
        for (const QKeySequence &key : action->shortcuts()) {
            if (key == QKeySequence::Copy || key == QKeySequence(Qt::Key_F5)
                || key == QKeySequence(Qt::CTRL | Qt::Key_R))
                continue; // owned by different widgets on purpose (see the shortcuts dialog)
            QVERIFY2(!owners.contains(key),
                qPrintable(key.toString() + QStringLiteral(": ") + owners.value(key)
                    + QStringLiteral(" and ") + action->objectName()));
            owners.insert(key, action->objectName());
        }
    }
    // Help → Keyboard Shortcuts lists both.
    m_window->shortcutsAction()->trigger();
    auto *dialog = m_window->findChild<ui::KeyboardShortcutsDialog *>(
        QStringLiteral("keyboardShortcutsDialog"));
    QVERIFY(dialog);
    const QStringList lines = dialog->lines();
    QVERIFY2(lines.contains(QStringLiteral("Start Schedulers\tCtrl+Shift+S")),
        qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY2(lines.contains(QStringLiteral("Stop Schedulers\tCtrl+Shift+X")),
        qPrintable(lines.join(QLatin1Char('\n'))));
    dialog->close();
}

void TestSchedulerActions::demo_startWorksOnTheBuiltInEmulator()
{
    openOn(kProfile);
    m_window->chooseProfile(ui::ProfileChoice::demo());
    QVERIFY(m_env->demo->emulator());
    QVERIFY(QTest::qWaitFor(
        [this] {
            return m_env->session->connectionLabel().startsWith(QStringLiteral("Demo"))
                && m_env->session->model()->rowCount() > 0
                && !m_env->session->refreshController()->isRefreshing();
        },
        kWaitMs));
    const QString stopped = namesWithStatus(QStringLiteral("STOPPED"), 1).value(0);
    QVERIFY(!stopped.isEmpty());
    selectRows({ stopped });
    QTRY_VERIFY(actions()->startAction()->isEnabled());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QMessageBox *box = waitForConfirmation();
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Start %1?").arg(stopped));
    QTest::keyClick(box, Qt::Key_Return);
    const SchedulerListModel *model = m_env->session->model();
    QTRY_COMPARE_WITH_TIMEOUT(
        model->schedulerAt(model->rowOfName(stopped)).status, QStringLiteral("PENDING"), kWaitMs);
    QTRY_COMPARE(m_window->statusBar()->currentMessage(),
        QStringLiteral("%1 is starting (PENDING).").arg(stopped));
    QCOMPARE(m_env->demo->emulator()->scheduler(stopped)->status, QStringLiteral("PENDING"));
}

QTEST_MAIN(TestSchedulerActions)
#include "tst_scheduleractions.moc"
