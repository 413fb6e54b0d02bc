// FleetView on the offscreen platform over a SchedulerListModel fed by hand: what the placeholder
// says in each state (never "no schedulers" after a failure), the filter box and status filter
// from the keyboard, which current-row changes open a scheduler (the user's, not a refresh's),
// selection through refreshes, copying one per line, the summary line and the header state.
#include "clienttestdoubles.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "ui/errorbanner.h"
#include "ui/fleetview.h"
#include "ui/statusbadgedelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using models::SchedulerListModel;
using Summary = lookout::InferenceSchedulerSummary;

namespace {

Summary scheduler(const QString &name, const QString &status, const QString &result)
{
    Summary s;
    s.modelName = QStringLiteral("model-") + name.left(4);
    s.modelArn = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:model/")
        + *s.modelName + QStringLiteral("/m");
    s.inferenceSchedulerName = name;
    s.inferenceSchedulerArn
        = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/")
        + name + QStringLiteral("/s");
    s.status = status;
    if (!result.isEmpty())
        s.latestInferenceResult = result;
    s.dataUploadFrequency = QStringLiteral("PT5M");
    s.dataDelayOffsetInMinutes = 5;
    return s;
}

QList<Summary> sampleFleet()
{
    return {
        scheduler(QStringLiteral("pump-1"), QStringLiteral("RUNNING"), QStringLiteral("NORMAL")),
        scheduler(QStringLiteral("pump-2"), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS")),
        scheduler(QStringLiteral("fan-3"), QStringLiteral("STOPPED"), QString()),
        scheduler(QStringLiteral("fan-4"), QStringLiteral("PENDING"), QString()),
        scheduler(QStringLiteral("valve-5"), QStringLiteral("STOPPING"), QStringLiteral("NORMAL"))
    };
}

struct Fixture {
    std::shared_ptr<core::ManualClock> clock
        = std::make_shared<core::ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    SchedulerListModel model { clock };
    ui::FleetView view;

    Fixture()
    {
        view.setModel(&model);
        view.resize(900, 500);
    }
    void cycle(const QList<Summary> &page, bool complete = true)
    {
        model.beginCycle();
        model.applyPage(page);
        model.finishCycle(complete ? models::SchedulerListModel::CycleEnd::Complete
                                   : models::SchedulerListModel::CycleEnd::Incomplete);
    }
    bool show()
    {
        view.show();
        view.activateWindow();
        return QTest::qWaitForWindowActive(&view);
    }
    QTableView *table() const { return view.tableView(); }
    QLineEdit *filter() const
    {
        return view.findChild<QLineEdit *>(QStringLiteral("filterLineEdit"));
    }
    QComboBox *statusFilter() const
    {
        return view.findChild<QComboBox *>(QStringLiteral("statusFilterComboBox"));
    }
    QString summary() const
    {
        return view.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    }
    int rowOf(const QString &name) const
    {
        for (int row = 0; row < view.proxyModel()->rowCount(); ++row) {
            if (view.proxyModel()->index(row, 0).data(models::SchedulerNameRole).toString() == name)
                return row;
        }
        return -1;
    }
};

} // namespace

class TestFleetView : public QObject {
    Q_OBJECT
private slots:
    void placeholder_saysWhatIsGoingOn();
    void placeholder_afterFailure_neverSaysNoSchedulers();
    void error_shownOverStaleRowsWithRetry();
    void filter_typedAndClearedWithEscape();
    void ctrlF_focusesTheFilter();
    void statusFilter_offersStatusesAndResults();
    void summary_countsAndFilteredShare();
    void summary_unknownStatusWithMarkup_shownAsText();
    void currentRow_userMoveOpensScheduler();
    void refresh_removingOrMovingCurrentRow_opensNothing();
    void selection_survivesRefreshWithChanges();
    void hiddenTable_reSortsWhenShownAgain();
    void copy_namesArnsAndModelArnsOnePerLine();
    void copy_nothingSelected_saysSo();
    void copy_controlCharactersFromTheEndpoint_neverReachTheClipboard();
    void headerState_roundTrips();
    void statusColumns_paintedByBadgeDelegate();
    void widgets_namedForAccessibility();
};

void TestFleetView::placeholder_saysWhatIsGoingOn()
{
    Fixture f;
    QCOMPARE(f.view.placeholderText(), QStringLiteral("Loading schedulers…"));
    f.view.setLoading(true);
    f.model.beginCycle();
    f.model.applyPage(sampleFleet().mid(0, 2));
    // The first page is on screen while the rest is on its way.
    QVERIFY(f.view.placeholderText().isEmpty());
    f.model.applyPage(sampleFleet().mid(2));
    f.model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    f.view.setLoading(false);
    QVERIFY(f.view.placeholderText().isEmpty());
    f.filter()->setText(QStringLiteral("zzz"));
    QCOMPARE(f.view.placeholderText(), QStringLiteral("No scheduler matches the filter."));
    f.filter()->clear();
    f.cycle({});
    QCOMPARE(f.view.placeholderText(),
        QStringLiteral(
            "No inference schedulers here. Choose another profile or region to see a fleet."));
}

void TestFleetView::placeholder_afterFailure_neverSaysNoSchedulers()
{
    Fixture f;
    f.cycle({}, false);
    f.view.showError(
        QStringLiteral("Could not load the fleet."), QStringLiteral("An error occurred (X) …"));
    QCOMPARE(f.view.placeholderText(),
        QStringLiteral("Nothing to show: the fleet could not be loaded."));
    f.view.clearError();
    QCOMPARE(f.view.placeholderText(), QStringLiteral("Loading schedulers…"));
}

void TestFleetView::error_shownOverStaleRowsWithRetry()
{
    Fixture f;
    f.cycle(sampleFleet());
    f.cycle({}, false);
    QSignalSpy retry(&f.view, &ui::FleetView::retryRequested);
    f.view.showError(QStringLiteral("Could not refresh the fleet; showing the data of 12:00:00."),
        QStringLiteral(
            "An error occurred (ThrottlingException) when calling the ListInferenceSchedulers "
            "operation (reached max retries: 2): Rate exceeded"));
    QVERIFY(!f.view.errorBanner()->isHidden());
    QVERIFY(f.view.placeholderText().isEmpty());
    QCOMPARE(f.view.proxyModel()->rowCount(), 5);
    QVERIFY(f.view.proxyModel()->index(0, 0).data(models::StaleRole).toBool());
    f.view.errorBanner()->retryButton()->click();
    QCOMPARE(retry.size(), 1);
}

void TestFleetView::filter_typedAndClearedWithEscape()
{
    Fixture f;
    f.cycle(sampleFleet());
    QVERIFY(f.show());
    f.filter()->setFocus();
    QTest::keyClicks(f.filter(), QStringLiteral("FAN"));
    QCOMPARE(f.view.proxyModel()->rowCount(), 2);
    QTest::keyClick(f.filter(), Qt::Key_Escape);
    QCOMPARE(f.filter()->text(), QString());
    QCOMPARE(f.view.proxyModel()->rowCount(), 5);
    // Down moves from the filter to the table.
    QTest::keyClick(f.filter(), Qt::Key_Down);
    QVERIFY(f.table()->hasFocus());
}

void TestFleetView::ctrlF_focusesTheFilter()
{
    Fixture f;
    f.cycle(sampleFleet());
    QVERIFY(f.show());
    f.table()->setFocus();
    QTest::keyClick(f.table(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(f.filter()->hasFocus());
    QCOMPARE(f.view.findAction()->shortcut(), QKeySequence(QKeySequence::Find));
}

void TestFleetView::statusFilter_offersStatusesAndResults()
{
    Fixture f;
    f.cycle(sampleFleet());
    QStringList texts;
    for (int i = 0; i < f.statusFilter()->count(); ++i)
        texts.append(f.statusFilter()->itemText(i));
    QCOMPARE(texts,
        (QStringList { QStringLiteral("All schedulers"), QStringLiteral("Status PENDING"),
            QStringLiteral("Status RUNNING"), QStringLiteral("Status STOPPING"),
            QStringLiteral("Status STOPPED"), QStringLiteral("Latest result ANOMALOUS"),
            QStringLiteral("Latest result NORMAL") }));
    f.statusFilter()->setCurrentIndex(2);
    QCOMPARE(f.view.proxyModel()->rowCount(), 2);
    f.statusFilter()->setCurrentIndex(5);
    QCOMPARE(f.view.proxyModel()->rowCount(), 1);
    QCOMPARE(f.view.proxyModel()->index(0, 0).data().toString(), QStringLiteral("pump-2"));
    f.statusFilter()->setCurrentIndex(0);
    QCOMPARE(f.view.proxyModel()->rowCount(), 5);
}

void TestFleetView::summary_countsAndFilteredShare()
{
    Fixture f;
    f.cycle(sampleFleet());
    QCOMPARE(f.summary(),
        QStringLiteral("5 schedulers · 1 stopping · 1 pending · 1 stopped · 2 running — 1 "
                       "anomalous · 2 normal"));
    f.filter()->setText(QStringLiteral("pump"));
    QVERIFY(f.summary().endsWith(QStringLiteral(" — showing 2 of 5")));
}

void TestFleetView::summary_unknownStatusWithMarkup_shownAsText()
{
    // The summary names status values the window does not know, as the endpoint sent them.
    Fixture f;
    f.cycle({ scheduler(
        QStringLiteral("pump-1"), QStringLiteral("<img src=x>"), QStringLiteral("<b>x</b>")) });
    auto *label = f.view.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY2(f.summary().contains(QStringLiteral("<img src=x>")), qPrintable(f.summary()));
}

void TestFleetView::currentRow_userMoveOpensScheduler()
{
    Fixture f;
    f.cycle(sampleFleet());
    QVERIFY(f.show());
    QSignalSpy opened(&f.view, &ui::FleetView::currentSchedulerChanged);
    f.table()->setFocus();
    QTest::mouseClick(f.table()->viewport(), Qt::LeftButton, {},
        f.table()
            ->visualRect(f.view.proxyModel()->index(f.rowOf(QStringLiteral("fan-3")), 0))
            .center());
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("fan-3"));
    QTest::keyClick(f.table(), Qt::Key_Down);
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1).at(0).toString(), f.view.currentSchedulerName());
    QVERIFY(f.view.selectScheduler(QStringLiteral("valve-5")));
    QCOMPARE(opened.last().at(0).toString(), QStringLiteral("valve-5"));
    QVERIFY(!f.view.selectScheduler(QStringLiteral("no-such")));
}

void TestFleetView::refresh_removingOrMovingCurrentRow_opensNothing()
{
    Fixture f;
    QList<Summary> fleet = sampleFleet();
    f.cycle(fleet);
    f.table()->sortByColumn(SchedulerListModel::StatusColumn, Qt::AscendingOrder);
    QVERIFY(f.view.selectScheduler(QStringLiteral("pump-1")));
    QSignalSpy opened(&f.view, &ui::FleetView::currentSchedulerChanged);
    // pump-1 moves to the top (STOPPING sorts first).
    fleet[0].status = QStringLiteral("STOPPING");
    f.cycle(fleet);
    QCOMPARE(f.view.currentSchedulerName(), QStringLiteral("pump-1"));
    QCOMPARE(opened.size(), 0);
    // pump-1 disappears: the selection model moves on, but nothing is opened for it.
    fleet.removeAt(0);
    f.cycle(fleet);
    QCOMPARE(opened.size(), 0);
}

void TestFleetView::selection_survivesRefreshWithChanges()
{
    Fixture f;
    QList<Summary> fleet = sampleFleet();
    f.cycle(fleet);
    f.table()->sortByColumn(SchedulerListModel::NameColumn, Qt::AscendingOrder);
    QItemSelectionModel *selection = f.table()->selectionModel();
    selection->select(f.view.proxyModel()->index(f.rowOf(QStringLiteral("pump-2")), 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection->select(f.view.proxyModel()->index(f.rowOf(QStringLiteral("fan-4")), 0),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    fleet[1].latestInferenceResult = QStringLiteral("NORMAL");
    fleet[3].status = QStringLiteral("RUNNING");
    fleet.append(scheduler(QStringLiteral("aaa-new"), QStringLiteral("PENDING"), QString()));
    fleet.removeAt(0);
    f.cycle(fleet);
    QCOMPARE(f.view.selectedValues(models::SchedulerNameRole),
        (QStringList { QStringLiteral("fan-4"), QStringLiteral("pump-2") }));
}

void TestFleetView::hiddenTable_reSortsWhenShownAgain()
{
    Fixture f;
    QList<Summary> fleet = sampleFleet();
    f.cycle(fleet);
    QVERIFY(f.show());
    f.table()->sortByColumn(SchedulerListModel::StatusColumn, Qt::AscendingOrder);
    const int pumpOneAt = f.rowOf(QStringLiteral("pump-1"));
    f.table()->selectRow(f.rowOf(QStringLiteral("valve-5")));
    // Behind the dashboard (or minimized): refreshes go on, the table's order waits.
    f.view.hide();
    fleet[0].status = QStringLiteral("STOPPING");
    f.cycle(fleet);
    QCOMPARE(f.rowOf(QStringLiteral("pump-1")), pumpOneAt);
    QCOMPARE(f.view.proxyModel()
                 ->index(pumpOneAt, SchedulerListModel::StatusColumn)
                 .data(models::BadgeValueRole)
                 .toString(),
        QStringLiteral("STOPPING"));
    // Shown again: sorted once (the two STOPPING side by side, by name), the selection kept.
    QVERIFY(f.show());
    QCOMPARE(f.rowOf(QStringLiteral("pump-1")) + 1, f.rowOf(QStringLiteral("valve-5")));
    QCOMPARE(f.view.selectedValues(models::SchedulerNameRole),
        QStringList { QStringLiteral("valve-5") });
}

void TestFleetView::copy_namesArnsAndModelArnsOnePerLine()
{
    Fixture f;
    f.cycle(sampleFleet());
    QSignalSpy messages(&f.view, &ui::FleetView::statusMessage);
    QItemSelectionModel *selection = f.table()->selectionModel();
    selection->select(f.view.proxyModel()->index(3, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection->select(
        f.view.proxyModel()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    f.view.copyNamesAction()->trigger();
    // Table order (by name), one per line, nothing added.
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("fan-3\npump-2"));
    QCOMPARE(messages.last().at(0).toString(), QStringLiteral("Copied 2 scheduler names"));
    f.view.copyArnsAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
        QStringLiteral(
            "arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/fan-3/s\n"
            "arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/pump-2/s"));
    selection->select(f.view.proxyModel()->index(4, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    f.view.copyModelArnsAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
        QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:model/model-valv/m"));
    QCOMPARE(messages.last().at(0).toString(), QStringLiteral("Copied model ARN"));
}

void TestFleetView::copy_controlCharactersFromTheEndpoint_neverReachTheClipboard()
{
    Fixture f;
    Summary hostile = scheduler(
        QStringLiteral("pump\x1b[201~x"), QStringLiteral("RUNNING"), QStringLiteral("NORMAL"));
    hostile.modelArn = QStringLiteral("arn:model/\u202e\ntouch x");
    f.cycle({ hostile });
    f.table()->selectionModel()->select(f.view.proxyModel()->index(0, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    f.view.copyNamesAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("pump\\x1b[201~x"));
    f.view.copyArnsAction()->trigger();
    QVERIFY(QApplication::clipboard()->text().endsWith(
        QStringLiteral("inference-scheduler/pump\\x1b[201~x/s")));
    f.view.copyModelArnsAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("arn:model/\\u202e\\ntouch x"));
}

void TestFleetView::copy_nothingSelected_saysSo()
{
    Fixture f;
    f.cycle(sampleFleet());
    QApplication::clipboard()->setText(QStringLiteral("untouched"));
    QSignalSpy messages(&f.view, &ui::FleetView::statusMessage);
    f.view.copyArnsAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("untouched"));
    QCOMPARE(messages.last().at(0).toString(),
        QStringLiteral("Select one or more schedulers to copy from"));
}

void TestFleetView::headerState_roundTrips()
{
    QByteArray state;
    {
        Fixture f;
        f.cycle(sampleFleet());
        f.table()->sortByColumn(SchedulerListModel::DelayColumn, Qt::DescendingOrder);
        f.table()->horizontalHeader()->resizeSection(0, 321);
        state = f.view.saveHeaderState();
    }
    Fixture f;
    f.cycle(sampleFleet());
    QVERIFY(f.view.restoreHeaderState(state));
    QCOMPARE(f.table()->horizontalHeader()->sortIndicatorSection(),
        int(SchedulerListModel::DelayColumn));
    QCOMPARE(f.table()->horizontalHeader()->sectionSize(0), 321);
    QCOMPARE(f.view.proxyModel()->sortColumn(), int(SchedulerListModel::DelayColumn));
    QVERIFY(!f.view.restoreHeaderState(QByteArray()));
}

void TestFleetView::statusColumns_paintedByBadgeDelegate()
{
    Fixture f;
    QVERIFY(qobject_cast<ui::StatusBadgeDelegate *>(
        f.table()->itemDelegateForColumn(SchedulerListModel::StatusColumn)));
    QVERIFY(qobject_cast<ui::StatusBadgeDelegate *>(
        f.table()->itemDelegateForColumn(SchedulerListModel::LatestResultColumn)));
    QVERIFY(!qobject_cast<ui::StatusBadgeDelegate *>(
        f.table()->itemDelegateForColumn(SchedulerListModel::NameColumn)));
    QCOMPARE(f.table()->selectionMode(), QAbstractItemView::ExtendedSelection);
    QCOMPARE(f.table()->selectionBehavior(), QAbstractItemView::SelectRows);
}

void TestFleetView::widgets_namedForAccessibility()
{
    Fixture f;
    for (QWidget *widget : { static_cast<QWidget *>(f.filter()),
             static_cast<QWidget *>(f.statusFilter()), static_cast<QWidget *>(f.table()) }) {
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
    }
    // Tab order: filter, status filter, table.
    const auto nextTabStop = [](QWidget *widget) {
        do
            widget = widget->nextInFocusChain();
        while (!(widget->focusPolicy() & Qt::TabFocus));
        return widget;
    };
    QCOMPARE(nextTabStop(f.filter()), static_cast<QWidget *>(f.statusFilter()));
    QCOMPARE(nextTabStop(f.statusFilter()), static_cast<QWidget *>(f.table()));
    for (QAction *action : f.table()->actions())
        QVERIFY(!action->text().isEmpty());
}

QTEST_MAIN(TestFleetView)
#include "tst_fleetview.moc"
