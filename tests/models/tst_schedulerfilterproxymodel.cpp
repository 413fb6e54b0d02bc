// SchedulerFilterProxyModel over SchedulerListModel: text and status filters, sorting by SortRole
// (the typed comparison agrees with Qt's QVariant one), and rows following refreshes (moving to
// their sorted place, leaving and joining a status filter) while persistent indexes survive.
// QAbstractItemModelTester watches the proxy throughout.
#include "clienttestdoubles.h"
#include "models/itemroles.h"
#include "models/schedulerfilterproxymodel.h"
#include "models/schedulerlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using models::SchedulerFilterProxyModel;
using models::SchedulerListModel;
using Summary = lookout::InferenceSchedulerSummary;
using StatusField = SchedulerFilterProxyModel::StatusField;

namespace {

Summary scheduler(const QString &name, const QString &status, const QString &result,
    const QString &model, const QString &frequency = QStringLiteral("PT5M"), qint64 delay = 10)
{
    Summary s;
    s.modelName = model;
    s.modelArn = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:model/") + model
        + QStringLiteral("/1");
    s.inferenceSchedulerName = name;
    s.inferenceSchedulerArn
        = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/")
        + name + QStringLiteral("/1");
    s.status = status;
    if (!result.isEmpty())
        s.latestInferenceResult = result;
    s.dataUploadFrequency = frequency;
    s.dataDelayOffsetInMinutes = delay;
    return s;
}

QList<Summary> sampleFleet()
{
    return {
        scheduler(QStringLiteral("pump-1"), QStringLiteral("RUNNING"), QStringLiteral("NORMAL"),
            QStringLiteral("pumps"), QStringLiteral("PT1H"), 5),
        scheduler(QStringLiteral("pump-2"), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS"),
            QStringLiteral("pumps"), QStringLiteral("PT5M"), 30),
        scheduler(QStringLiteral("Fan-3"), QStringLiteral("STOPPED"), QStringLiteral("NORMAL"),
            QStringLiteral("fans"), QStringLiteral("PT10M"), 0),
        scheduler(QStringLiteral("fan-4"), QStringLiteral("PENDING"), QString(),
            QStringLiteral("fans-PUMP-mix"), QStringLiteral("PT15M"), 15),
        scheduler(QStringLiteral("valve-5"), QStringLiteral("STOPPING"), QStringLiteral("NORMAL"),
            QStringLiteral("valves"), QStringLiteral("PT30M"), 1),
    };
}

struct Fixture {
    std::shared_ptr<core::ManualClock> clock
        = std::make_shared<core::ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    SchedulerListModel fleet { clock };
    SchedulerFilterProxyModel proxy;
    QAbstractItemModelTester tester { &proxy,
        QAbstractItemModelTester::FailureReportingMode::QtTest };

    Fixture() { proxy.setSourceModel(&fleet); }

    void cycle(const QList<Summary> &page)
    {
        fleet.beginCycle();
        fleet.applyPage(page);
        fleet.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    }
    QStringList names() const
    {
        QStringList result;
        for (int row = 0; row < proxy.rowCount(); ++row)
            result.append(proxy.index(row, 0).data(models::SchedulerNameRole).toString());
        return result;
    }
};

} // namespace

class TestSchedulerFilterProxyModel : public QObject {
    Q_OBJECT
private slots:
    void unsorted_keepsTheServiceOrder();
    void filterText_matchesNameOrModelIgnoringCase();
    void filterText_isTrimmedAndClearable();
    void filterChange_isOneLayoutChange();
    void statusFilter_byStatusOrLatestResult();
    void statusFilter_anyIgnoresValue();
    void sort_byEveryColumn_data();
    void sort_byEveryColumn();
    void sort_typedComparisonAgreesWithQVariantComparison();
    void refresh_movesChangedRowToItsSortedPlace();
    void refresh_rowsTakeTheirPlacesOnceWhenTheCycleEnds();
    void refresh_changeThatCannotMoveARow_isNoLayoutChange();
    void urgencyOrder_followsStatusChanges();
    void refresh_rowLeavesAndJoinsStatusFilter();
    void refresh_persistentIndexFollowsItsScheduler();
    void refresh_newRowsInsertedInSortedPlace();
};

void TestSchedulerFilterProxyModel::unsorted_keepsTheServiceOrder()
{
    Fixture f;
    f.cycle(sampleFleet());
    QCOMPARE(f.proxy.sortColumn(), -1);
    QCOMPARE(f.names(),
        (QStringList { QStringLiteral("pump-1"), QStringLiteral("pump-2"), QStringLiteral("Fan-3"),
            QStringLiteral("fan-4"), QStringLiteral("valve-5") }));
    QVERIFY(!f.proxy.isFiltering());
}

void TestSchedulerFilterProxyModel::filterText_matchesNameOrModelIgnoringCase()
{
    Fixture f;
    f.cycle(sampleFleet());
    f.proxy.setFilterText(QStringLiteral("FAN"));
    QCOMPARE(f.names(), (QStringList { QStringLiteral("Fan-3"), QStringLiteral("fan-4") }));
    // "pump" is in pump-1, pump-2 and in fan-4's model name.
    f.proxy.setFilterText(QStringLiteral("pump"));
    QCOMPARE(f.names(),
        (QStringList {
            QStringLiteral("pump-1"), QStringLiteral("pump-2"), QStringLiteral("fan-4") }));
    QVERIFY(f.proxy.isFiltering());
    f.proxy.setFilterText(QStringLiteral("nothing-like-it"));
    QCOMPARE(f.proxy.rowCount(), 0);
}

void TestSchedulerFilterProxyModel::filterText_isTrimmedAndClearable()
{
    Fixture f;
    f.cycle(sampleFleet());
    f.proxy.setFilterText(QStringLiteral("  valve "));
    QCOMPARE(f.proxy.filterText(), QStringLiteral("valve"));
    QCOMPARE(f.names(), QStringList { QStringLiteral("valve-5") });
    f.proxy.setFilterText(QString());
    QCOMPARE(f.proxy.rowCount(), 5);
    QVERIFY(!f.proxy.isFiltering());
}

void TestSchedulerFilterProxyModel::filterChange_isOneLayoutChange()
{
    Fixture f;
    QList<Summary> many;
    for (int i = 0; i < 200; ++i)
        many.append(scheduler(QStringLiteral("s-%1").arg(i), QStringLiteral("RUNNING"),
            QStringLiteral("NORMAL"), i % 2 ? QStringLiteral("odd") : QStringLiteral("even")));
    f.cycle(many);
    QSignalSpy layout(&f.proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
    // Every other row goes: one layout change, not a hundred removals.
    f.proxy.setFilterText(QStringLiteral("odd"));
    QCOMPARE(f.proxy.rowCount(), 100);
    QCOMPARE(layout.size(), 1);
    QCOMPARE(removed.size(), 0);
    // The same text again changes nothing.
    f.proxy.setFilterText(QStringLiteral("odd "));
    QCOMPARE(layout.size(), 1);
}

void TestSchedulerFilterProxyModel::statusFilter_byStatusOrLatestResult()
{
    Fixture f;
    f.cycle(sampleFleet());
    f.proxy.setStatusFilter({ StatusField::Status, QStringLiteral("RUNNING") });
    QCOMPARE(f.names(), (QStringList { QStringLiteral("pump-1"), QStringLiteral("pump-2") }));
    f.proxy.setStatusFilter({ StatusField::LatestResult, QStringLiteral("ANOMALOUS") });
    QCOMPARE(f.names(), QStringList { QStringLiteral("pump-2") });
    // Both filters at once.
    f.proxy.setStatusFilter({ StatusField::LatestResult, QStringLiteral("NORMAL") });
    f.proxy.setFilterText(QStringLiteral("a"));
    QCOMPARE(f.names(), (QStringList { QStringLiteral("Fan-3"), QStringLiteral("valve-5") }));
}

void TestSchedulerFilterProxyModel::statusFilter_anyIgnoresValue()
{
    Fixture f;
    f.cycle(sampleFleet());
    f.proxy.setStatusFilter({ StatusField::Any, QStringLiteral("RUNNING") });
    QCOMPARE(f.proxy.rowCount(), 5);
    QVERIFY(f.proxy.statusFilter() == SchedulerFilterProxyModel::StatusFilter {});
}

void TestSchedulerFilterProxyModel::sort_byEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("ascending");
    QTest::newRow("name") << int(SchedulerListModel::NameColumn)
                          << QStringList { QStringLiteral("Fan-3"), QStringLiteral("fan-4"),
                                 QStringLiteral("pump-1"), QStringLiteral("pump-2"),
                                 QStringLiteral("valve-5") };
    // Severity: STOPPING, PENDING, STOPPED, RUNNING; equal ones by name.
    QTest::newRow("status") << int(SchedulerListModel::StatusColumn)
                            << QStringList { QStringLiteral("valve-5"), QStringLiteral("fan-4"),
                                   QStringLiteral("Fan-3"), QStringLiteral("pump-1"),
                                   QStringLiteral("pump-2") };
    // ANOMALOUS first, absent last.
    QTest::newRow("latest result")
        << int(SchedulerListModel::LatestResultColumn)
        << QStringList { QStringLiteral("pump-2"), QStringLiteral("Fan-3"),
               QStringLiteral("pump-1"), QStringLiteral("valve-5"), QStringLiteral("fan-4") };
    QTest::newRow("model") << int(SchedulerListModel::ModelColumn)
                           << QStringList { QStringLiteral("Fan-3"), QStringLiteral("fan-4"),
                                  QStringLiteral("pump-1"), QStringLiteral("pump-2"),
                                  QStringLiteral("valve-5") };
    QTest::newRow("upload frequency")
        << int(SchedulerListModel::UploadFrequencyColumn)
        << QStringList { QStringLiteral("pump-2"), QStringLiteral("Fan-3"), QStringLiteral("fan-4"),
               QStringLiteral("valve-5"), QStringLiteral("pump-1") };
    QTest::newRow("delay") << int(SchedulerListModel::DelayColumn)
                           << QStringList { QStringLiteral("Fan-3"), QStringLiteral("valve-5"),
                                  QStringLiteral("pump-1"), QStringLiteral("fan-4"),
                                  QStringLiteral("pump-2") };
}

void TestSchedulerFilterProxyModel::sort_byEveryColumn()
{
    QFETCH(int, column);
    QFETCH(QStringList, ascending);
    Fixture f;
    f.cycle(sampleFleet());
    f.proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(f.names(), ascending);
    f.proxy.sort(column, Qt::DescendingOrder);
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(f.names(), descending);
}

void TestSchedulerFilterProxyModel::sort_typedComparisonAgreesWithQVariantComparison()
{
    Fixture f;
    QList<Summary> many;
    const QStringList statuses { QStringLiteral("RUNNING"), QStringLiteral("STOPPED"),
        QStringLiteral("PENDING"), QStringLiteral("STOPPING"), QStringLiteral("SOMETHING_NEW") };
    const QStringList frequencies { QStringLiteral("PT5M"), QStringLiteral("PT10M"),
        QStringLiteral("PT15M"), QStringLiteral("PT30M"), QStringLiteral("PT1H") };
    for (int i = 0; i < 60; ++i) {
        many.append(scheduler(QStringLiteral("s-%1").arg((i * 37) % 60, 2, 10, QLatin1Char('0')),
            statuses[i % 5], i % 3 ? QStringLiteral("NORMAL") : QStringLiteral("ANOMALOUS"),
            QStringLiteral("m-%1").arg(i % 7), frequencies[i % 5], i % 11));
    }
    f.cycle(many);
    for (int column = 0; column < SchedulerListModel::ColumnCount; ++column) {
        f.proxy.sort(column);
        // Qt's own proxy, sorting the SortRole QVariants, stably from a name-sorted start.
        QSortFilterProxyModel byName;
        byName.setSourceModel(&f.fleet);
        byName.setSortRole(models::SortRole);
        byName.setSortCaseSensitivity(Qt::CaseInsensitive);
        byName.sort(SchedulerListModel::NameColumn);
        QSortFilterProxyModel reference;
        reference.setSourceModel(&byName);
        reference.setSortRole(models::SortRole);
        reference.sort(column);
        QStringList expected;
        for (int row = 0; row < reference.rowCount(); ++row)
            expected.append(reference.index(row, 0).data(models::SchedulerNameRole).toString());
        QCOMPARE(f.names(), expected);
    }
}

void TestSchedulerFilterProxyModel::refresh_movesChangedRowToItsSortedPlace()
{
    Fixture f;
    QList<Summary> all = sampleFleet();
    f.cycle(all);
    f.proxy.sort(SchedulerListModel::LatestResultColumn);
    QCOMPARE(f.names().first(), QStringLiteral("pump-2"));
    all[4].latestInferenceResult = QStringLiteral("ANOMALOUS");
    all[1].latestInferenceResult = QStringLiteral("NORMAL");
    f.cycle(all);
    QCOMPARE(f.names().first(), QStringLiteral("valve-5"));
    QCOMPARE(f.names().last(), QStringLiteral("fan-4"));
}

void TestSchedulerFilterProxyModel::refresh_rowsTakeTheirPlacesOnceWhenTheCycleEnds()
{
    Fixture f;
    QList<Summary> all = sampleFleet();
    f.cycle(all);
    f.proxy.sort(SchedulerListModel::LatestResultColumn);
    const QStringList before = f.names();
    QSignalSpy layouts(&f.proxy, &QAbstractItemModel::layoutChanged);
    all[4].latestInferenceResult = QStringLiteral("ANOMALOUS");
    all[1].latestInferenceResult = QStringLiteral("NORMAL");
    f.fleet.beginCycle();
    f.fleet.applyPage(all);
    // New values show at once; places wait for the end of the cycle.
    QCOMPARE(f.names(), before);
    QCOMPARE(f.proxy.index(0, SchedulerListModel::LatestResultColumn)
                 .data(models::BadgeValueRole)
                 .toString(),
        QStringLiteral("NORMAL"));
    QCOMPARE(layouts.count(), 0);
    f.fleet.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    QCOMPARE(layouts.count(), 1);
    QCOMPARE(f.names().first(), QStringLiteral("valve-5"));
}

void TestSchedulerFilterProxyModel::refresh_changeThatCannotMoveARow_isNoLayoutChange()
{
    Fixture f;
    QList<Summary> all = sampleFleet();
    f.cycle(all);
    f.proxy.sort(SchedulerListModel::NameColumn);
    const QStringList before = f.names();
    QSignalSpy layouts(&f.proxy, &QAbstractItemModel::layoutChanged);
    // Sorted by name, a status change (and its highlight) cannot move a row.
    all[0].status = QStringLiteral("STOPPED");
    f.cycle(all);
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(f.names(), before);
    QCOMPARE(
        f.proxy.index(f.names().indexOf(QStringLiteral("pump-1")), SchedulerListModel::StatusColumn)
            .data(models::BadgeValueRole)
            .toString(),
        QStringLiteral("STOPPED"));
}

void TestSchedulerFilterProxyModel::urgencyOrder_followsStatusChanges()
{
    Fixture f;
    f.proxy.setOrder(SchedulerFilterProxyModel::Order::ByUrgency);
    f.proxy.sort(0);
    QList<Summary> all = sampleFleet();
    f.cycle(all);
    QCOMPARE(f.names().first(), QStringLiteral("pump-2")); // the ANOMALOUS result
    all[1].latestInferenceResult = QStringLiteral("NORMAL");
    all[3].latestInferenceResult = QStringLiteral("ANOMALOUS");
    f.cycle(all);
    QCOMPARE(f.names().first(), QStringLiteral("fan-4"));
}

void TestSchedulerFilterProxyModel::refresh_rowLeavesAndJoinsStatusFilter()
{
    Fixture f;
    QList<Summary> all = sampleFleet();
    f.cycle(all);
    f.proxy.setStatusFilter({ StatusField::Status, QStringLiteral("RUNNING") });
    QCOMPARE(f.proxy.rowCount(), 2);
    all[0].status = QStringLiteral("STOPPING");
    all[3].status = QStringLiteral("RUNNING");
    f.cycle(all);
    QCOMPARE(f.names(), (QStringList { QStringLiteral("pump-2"), QStringLiteral("fan-4") }));
}

void TestSchedulerFilterProxyModel::refresh_persistentIndexFollowsItsScheduler()
{
    Fixture f;
    QList<Summary> all = sampleFleet();
    f.cycle(all);
    f.proxy.sort(SchedulerListModel::StatusColumn);
    const QPersistentModelIndex selected
        = f.proxy.index(f.names().indexOf(QStringLiteral("pump-1")), 0);
    QCOMPARE(selected.data(models::SchedulerNameRole).toString(), QStringLiteral("pump-1"));
    // pump-1 becomes STOPPING, valve-5 disappears, a new one arrives.
    all[0].status = QStringLiteral("STOPPING");
    all.removeAt(4);
    all.append(scheduler(
        QStringLiteral("aaa-new"), QStringLiteral("PENDING"), QString(), QStringLiteral("m")));
    f.cycle(all);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(models::SchedulerNameRole).toString(), QStringLiteral("pump-1"));
    QCOMPARE(selected.row(), 0);
}

void TestSchedulerFilterProxyModel::refresh_newRowsInsertedInSortedPlace()
{
    Fixture f;
    QList<Summary> all = sampleFleet();
    f.cycle(all);
    f.proxy.sort(SchedulerListModel::NameColumn);
    all.append(scheduler(QStringLiteral("b-new"), QStringLiteral("RUNNING"),
        QStringLiteral("NORMAL"), QStringLiteral("m")));
    f.cycle(all);
    QCOMPARE(f.names().indexOf(QStringLiteral("b-new")), 0);
}

QTEST_GUILESS_MAIN(TestSchedulerFilterProxyModel)
#include "tst_schedulerfilterproxymodel.moc"
