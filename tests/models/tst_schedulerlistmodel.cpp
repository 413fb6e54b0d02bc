// SchedulerListModel: pages merged in place (unchanged rows silent, changed cells only, inserts,
// removals only after a complete cycle), staleness after a failed cycle, the status-change
// highlight and its expiry on a fake clock, the counts, every role. QAbstractItemModelTester
// watches the model throughout.
#include "clienttestdoubles.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/summaryreuser.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using models::SchedulerListModel;
using models::StatusChange;
using Summary = lookout::InferenceSchedulerSummary;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(12, 3, 5), Qt::UTC);

Summary scheduler(const QString &name, const QString &status = QStringLiteral("RUNNING"),
    const QString &result = QStringLiteral("NORMAL"))
{
    Summary s;
    s.modelName = QStringLiteral("model-") + name;
    s.modelArn = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:model/model-")
        + name + QStringLiteral("/1");
    s.inferenceSchedulerName = name;
    s.inferenceSchedulerArn
        = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/")
        + name + QStringLiteral("/1");
    s.status = status;
    s.dataDelayOffsetInMinutes = 10;
    s.dataUploadFrequency = QStringLiteral("PT5M");
    if (!result.isEmpty())
        s.latestInferenceResult = result;
    return s;
}

// A scheduler of another account and region (its ARN says which).
Summary schedulerIn(const QString &name, const QString &account, const QString &region,
    const QString &status = QStringLiteral("RUNNING"))
{
    Summary s = scheduler(name, status);
    s.inferenceSchedulerArn = QStringLiteral("arn:aws:lookoutequipment:") + region
        + QLatin1Char(':') + account + QStringLiteral(":inference-scheduler/") + name
        + QStringLiteral("/1");
    return s;
}

QList<Summary> fleet(int count)
{
    QList<Summary> result;
    for (int i = 0; i < count; ++i)
        result.append(scheduler(QStringLiteral("pump-%1").arg(i, 3, 10, QLatin1Char('0'))));
    return result;
}

// The same summaries with every text stored anew, as the next listing's decoder makes them.
QList<Summary> copied(const QList<Summary> &summaries)
{
    const auto copyText = [](std::optional<QString> &text) {
        if (text)
            text = QString(text->constData(), text->size());
    };
    QList<Summary> result = summaries;
    for (Summary &s : result) {
        copyText(s.modelName);
        copyText(s.modelArn);
        copyText(s.inferenceSchedulerName);
        copyText(s.inferenceSchedulerArn);
        copyText(s.status);
        copyText(s.dataUploadFrequency);
        copyText(s.latestInferenceResult);
    }
    return result;
}

struct Fixture {
    std::shared_ptr<core::ManualClock> clock = std::make_shared<core::ManualClock>(kStart);
    SchedulerListModel model { clock };
    QAbstractItemModelTester tester { &model,
        QAbstractItemModelTester::FailureReportingMode::QtTest };

    void cycle(const QList<QList<Summary>> &pages, bool complete = true)
    {
        model.beginCycle();
        for (const QList<Summary> &page : pages)
            model.applyPage(page);
        model.finishCycle(complete ? models::SchedulerListModel::CycleEnd::Complete
                                   : models::SchedulerListModel::CycleEnd::Incomplete);
    }
};

// The (row, first column, last column, roles) of every dataChanged a spy saw.
struct Change {
    int row;
    int first;
    int last;
    int lastRow;
    QList<int> roles;
};

QList<Change> changes(const QSignalSpy &spy)
{
    QList<Change> result;
    for (const QList<QVariant> &args : spy) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        result.append({ topLeft.row(), topLeft.column(), bottomRight.column(), bottomRight.row(),
            args.at(2).value<QList<int>>() });
    }
    return result;
}

} // namespace

class TestSchedulerListModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void firstPage_showsRowsAtOnce();
    void pages_appendInArrivalOrder();
    void unchangedRefresh_emitsNothing();
    void unchangedRefreshOfCopies_emitsNothingAndKeepsTheCopies();
    void reorderedListing_matchesEveryRow();
    void changeAmidUnchangedRows_isTheOnlyChange();
    void staleRow_freshAgainWhenDeliveredAsCopy();
    void changedCell_emitsDataChangedForThatCellOnly();
    void separateChangedColumns_emitOneSignalEach();
    void statusChange_highlightsRowAndReportsIt();
    void highlight_endsAfterItsDuration();
    void highlightedAgain_runsItsFullDurationFromTheLaterChange();
    void newScheduler_isInsertedWithoutTouchingOthers();
    void absentScheduler_removedAfterCompleteCycle();
    void absentSchedulers_removedInRuns();
    void absentScheduler_keptWhenCycleFails();
    void failedCycle_marksUndeliveredRowsStale();
    void staleRow_freshAgainWhenDelivered();
    void failedCycle_withNoRows_isStaleButEmpty();
    void rename_withSameArn_changesNameCellOnly();
    void summaryWithoutNameOrArn_isSkippedWithWarning();
    void sameSchedulerTwiceInPage_laterCopyWins();
    void clear_dropsEveryRowAtOnce();
    void beginCycle_whileRunning_failsTheRunningOne();
    void summary_countsFollowEveryChange();
    void summaryChanged_onceWhenACycleEnds();
    void roles_displayCopySortAndBadges();
    void roles_absentMembersSayNotSet();
    void headers_nameEveryColumn();
    void compareRows_ordersByColumnThenName();
    void compareRows_namesCaseInsensitivelyThenExactly_inAndAfterACycle();
    void compareUrgency_anomalousAndTransitionalFirst();
    void rowOfName_followsRemovals();
    void setStatus_changesTheCellAndCountsWithoutReportingAChange();
    void severalConnections_sameNameInTwoAccountsIsTwoRows();
    void severalConnections_aFailedCycleMakesOnlyItsRowsStale();
    void severalConnections_groupRoleAndColumnsOnlyWithMoreThanOne();
    void severalConnections_nameIsAccountAndRegion_profileWhereTheyWouldBeAlike();
    void severalConnections_sortByAccountThenName();
    void severalConnections_statusChangesNameTheirGroup();
};

void TestSchedulerListModel::initTestCase()
{
    qRegisterMetaType<QList<StatusChange>>();
}

void TestSchedulerListModel::firstPage_showsRowsAtOnce()
{
    Fixture f;
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    f.model.beginCycle();
    f.model.applyPage(fleet(3));
    // Before the cycle ends, the first page is already on screen.
    QCOMPARE(f.model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QVERIFY(f.model.isCycleRunning());
    QCOMPARE(f.model.nameAt(2), QStringLiteral("pump-002"));
}

void TestSchedulerListModel::pages_appendInArrivalOrder()
{
    Fixture f;
    const QList<Summary> all = fleet(5);
    f.cycle({ all.mid(0, 2), all.mid(2, 3) });
    QCOMPARE(f.model.rowCount(), 5);
    for (int row = 0; row < 5; ++row)
        QCOMPARE(f.model.nameAt(row), *all[row].inferenceSchedulerName);
    QVERIFY(f.model.lastCompleteRefresh().isValid());
    QCOMPARE(f.model.lastCompleteRefresh(), kStart);
}

void TestSchedulerListModel::unchangedRefresh_emitsNothing()
{
    Fixture f;
    const QList<Summary> all = fleet(10);
    f.cycle({ all.mid(0, 5), all.mid(5) });
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
    QSignalSpy summary(&f.model, &SchedulerListModel::summaryChanged);
    f.clock->advance(std::chrono::seconds(30));
    f.cycle({ all.mid(0, 5), all.mid(5) });
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(summary.size(), 0);
    QCOMPARE(f.model.lastCompleteRefresh(), kStart.addSecs(30));
}

void TestSchedulerListModel::changedCell_emitsDataChangedForThatCellOnly()
{
    Fixture f;
    QList<Summary> all = fleet(4);
    f.cycle({ all });
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    all[2].dataUploadFrequency = QStringLiteral("PT1H");
    f.cycle({ all });
    const QList<Change> seen = changes(changed);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].row, 2);
    QCOMPARE(seen[0].lastRow, 2);
    QCOMPARE(seen[0].first, int(SchedulerListModel::UploadFrequencyColumn));
    QCOMPARE(seen[0].last, int(SchedulerListModel::UploadFrequencyColumn));
    QCOMPARE(f.model.index(2, SchedulerListModel::UploadFrequencyColumn).data().toString(),
        QStringLiteral("Every hour"));
    // Not a status change: no highlight.
    QVERIFY(!f.model.index(2, 0).data(models::RecentlyChangedRole).toBool());
}

void TestSchedulerListModel::separateChangedColumns_emitOneSignalEach()
{
    Fixture f;
    QList<Summary> all = fleet(3);
    f.cycle({ all });
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    all[1].modelName = QStringLiteral("other-model");
    all[1].dataDelayOffsetInMinutes = 20;
    all[1].dataUploadFrequency = QStringLiteral("PT10M");
    f.cycle({ all });
    const QList<Change> seen = changes(changed);
    // Model, upload frequency and delay are adjacent: one signal for the three cells.
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].first, int(SchedulerListModel::ModelColumn));
    QCOMPARE(seen[0].last, int(SchedulerListModel::DelayColumn));

    changed.clear();
    all[2].inferenceSchedulerName = QStringLiteral("renamed");
    all[2].modelName = QStringLiteral("renamed-model");
    f.cycle({ all });
    // Name and model are apart: one signal each, nothing for the cells between them.
    QList<Change> apart = changes(changed);
    QCOMPARE(apart.size(), 2);
    QCOMPARE(apart[0].first, int(SchedulerListModel::NameColumn));
    QCOMPARE(apart[0].last, int(SchedulerListModel::NameColumn));
    QCOMPARE(apart[1].first, int(SchedulerListModel::ModelColumn));
    QCOMPARE(apart[1].last, int(SchedulerListModel::ModelColumn));

    changed.clear();
    all[0].inferenceSchedulerArn
        = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/x");
    f.cycle({ all });
    // A new ARN is a new scheduler: the old row goes, the new one comes; nothing changes in place.
    QCOMPARE(changed.size(), 0);
    QCOMPARE(f.model.rowCount(), 3);
    QCOMPARE(f.model.index(2, 0).data(models::SchedulerArnRole).toString(),
        *all[0].inferenceSchedulerArn);
}

void TestSchedulerListModel::statusChange_highlightsRowAndReportsIt()
{
    Fixture f;
    QList<Summary> all = fleet(3);
    f.cycle({ all });
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy statuses(&f.model, &SchedulerListModel::statusesChanged);
    QSignalSpy summary(&f.model, &SchedulerListModel::summaryChanged);
    all[1].latestInferenceResult = QStringLiteral("ANOMALOUS");
    f.clock->advance(std::chrono::seconds(30));
    f.cycle({ all });

    const QList<Change> seen = changes(changed);
    QCOMPARE(seen.size(), 2);
    // The value: the latest-result cell, every role.
    QCOMPARE(seen[0].row, 1);
    QCOMPARE(seen[0].first, int(SchedulerListModel::LatestResultColumn));
    QCOMPARE(seen[0].last, int(SchedulerListModel::LatestResultColumn));
    QVERIFY(seen[0].roles.isEmpty());
    // The highlight: the whole row, highlight roles only.
    QCOMPARE(seen[1].row, 1);
    QCOMPARE(seen[1].first, 0);
    QCOMPARE(seen[1].last, SchedulerListModel::ColumnCount - 1);
    QVERIFY(seen[1].roles.contains(models::RecentlyChangedRole));
    QVERIFY(seen[1].roles.contains(Qt::BackgroundRole));
    QVERIFY(!seen[1].roles.contains(Qt::DisplayRole));

    QVERIFY(f.model.index(1, 0).data(models::RecentlyChangedRole).toBool());
    QVERIFY(f.model.index(1, 3).data(Qt::BackgroundRole).isValid());
    QVERIFY(!f.model.index(0, 0).data(models::RecentlyChangedRole).toBool());
    QVERIFY(!f.model.index(0, 0).data(Qt::BackgroundRole).isValid());

    QCOMPARE(statuses.size(), 1);
    const auto reported = statuses.at(0).at(0).value<QList<StatusChange>>();
    QCOMPARE(reported.size(), 1);
    QCOMPARE(reported[0].name, QStringLiteral("pump-001"));
    QCOMPARE(reported[0].oldResult, QStringLiteral("NORMAL"));
    QCOMPARE(reported[0].newResult, QStringLiteral("ANOMALOUS"));
    QCOMPARE(reported[0].oldStatus, QStringLiteral("RUNNING"));
    QCOMPARE(reported[0].newStatus, QStringLiteral("RUNNING"));
    QCOMPARE(summary.size(), 1);
    QCOMPARE(f.model.summary().latestResultCount(QStringLiteral("ANOMALOUS")), 1);
}

void TestSchedulerListModel::highlight_endsAfterItsDuration()
{
    Fixture f;
    QList<Summary> all = fleet(3);
    f.cycle({ all });
    all[0].status = QStringLiteral("STOPPING");
    f.cycle({ all });
    f.clock->advance(std::chrono::seconds(2));
    all[2].status = QStringLiteral("STOPPING");
    f.cycle({ all });
    QVERIFY(f.model.isRowRecentlyChanged(0));
    QVERIFY(f.model.isRowRecentlyChanged(2));

    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.clock->advance(SchedulerListModel::kHighlightDuration - std::chrono::seconds(2));
    f.model.expireHighlights();
    // Row 0's time is up, row 2 has two seconds left.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changes(changed)[0].row, 0);
    QVERIFY(changes(changed)[0].roles.contains(models::RecentlyChangedRole));
    QVERIFY(!f.model.index(0, 1).data(models::RecentlyChangedRole).toBool());
    QVERIFY(f.model.index(2, 1).data(models::RecentlyChangedRole).toBool());

    changed.clear();
    f.clock->advance(std::chrono::seconds(2));
    f.model.expireHighlights();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changes(changed)[0].row, 2);
    QVERIFY(!f.model.isRowRecentlyChanged(2));

    changed.clear();
    f.model.expireHighlights();
    QCOMPARE(changed.size(), 0);
}

void TestSchedulerListModel::highlightedAgain_runsItsFullDurationFromTheLaterChange()
{
    Fixture f;
    QList<Summary> all = fleet(3);
    f.cycle({ all });
    all[1].status = QStringLiteral("STOPPING");
    f.cycle({ all });
    f.clock->advance(std::chrono::seconds(4));
    all[1].status = QStringLiteral("STOPPED");
    all[0].status = QStringLiteral("STOPPING");
    f.cycle({ all });

    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    // The first change's time is up; row 1 changed again since, so its highlight goes on.
    f.clock->advance(SchedulerListModel::kHighlightDuration - std::chrono::seconds(3));
    f.model.expireHighlights();
    QCOMPARE(changed.size(), 0);
    QVERIFY(f.model.isRowRecentlyChanged(1));
    QVERIFY(f.model.isRowRecentlyChanged(0));

    // Six seconds after the later change both end, in one signal, each row once.
    f.clock->advance(std::chrono::seconds(3));
    f.model.expireHighlights();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changes(changed)[0].row, 0);
    QCOMPARE(changes(changed)[0].lastRow, 1);
    QVERIFY(!f.model.isRowRecentlyChanged(0));
    QVERIFY(!f.model.isRowRecentlyChanged(1));

    changed.clear();
    f.model.expireHighlights();
    QCOMPARE(changed.size(), 0);
}

void TestSchedulerListModel::summaryChanged_onceWhenACycleEnds()
{
    Fixture f;
    QList<Summary> all = fleet(6);
    QSignalSpy summary(&f.model, &SchedulerListModel::summaryChanged);
    f.model.beginCycle();
    f.model.applyPage(all.mid(0, 2));
    f.model.applyPage(all.mid(2, 2));
    f.model.applyPage(all.mid(4));
    // Counts of a cycle still running are not announced page by page (views lay them out).
    QCOMPARE(summary.size(), 0);
    QCOMPARE(f.model.summary().total(), 6);
    f.model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    QCOMPARE(summary.size(), 1);

    // Changes in two pages and a removal at the end: still one.
    summary.clear();
    all[0].status = QStringLiteral("STOPPING");
    all[3].latestInferenceResult = QStringLiteral("ANOMALOUS");
    f.cycle({ all.mid(0, 2), all.mid(2, 3) });
    QCOMPARE(summary.size(), 1);
    QCOMPARE(f.model.rowCount(), 5);

    // Nothing changed: nothing said.
    summary.clear();
    f.cycle({ all.mid(0, 5) });
    QCOMPARE(summary.size(), 0);

    // Outside a cycle (clear()): at once.
    f.model.clear();
    QCOMPARE(summary.size(), 1);
}

void TestSchedulerListModel::newScheduler_isInsertedWithoutTouchingOthers()
{
    Fixture f;
    QList<Summary> all = fleet(3);
    f.cycle({ all });
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy statuses(&f.model, &SchedulerListModel::statusesChanged);
    all.insert(1, scheduler(QStringLiteral("fan-1"), QStringLiteral("PENDING"), QString()));
    f.cycle({ all });
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(f.model.rowCount(), 4);
    QCOMPARE(f.model.nameAt(3), QStringLiteral("fan-1"));
    // First sight is not a change.
    QCOMPARE(statuses.size(), 0);
    QVERIFY(!f.model.isRowRecentlyChanged(3));
}

void TestSchedulerListModel::absentScheduler_removedAfterCompleteCycle()
{
    Fixture f;
    QList<Summary> all = fleet(4);
    f.cycle({ all });
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    all.removeAt(1);
    f.model.beginCycle();
    f.model.applyPage(all);
    // Not before the cycle has completed.
    QCOMPARE(f.model.rowCount(), 4);
    QCOMPARE(removed.size(), 0);
    f.model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(f.model.rowCount(), 3);
    QCOMPARE(f.model.nameAt(1), QStringLiteral("pump-002"));
    QCOMPARE(f.model.summary().total(), 3);
}

void TestSchedulerListModel::absentSchedulers_removedInRuns()
{
    Fixture f;
    const QList<Summary> all = fleet(10);
    f.cycle({ all });
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    // Keep 0, 3, 4, 9: runs 1-2 and 5-8 go.
    f.cycle({ { all[0], all[3], all[4], all[9] } });
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 5);
    QCOMPARE(removed.at(0).at(2).toInt(), 8);
    QCOMPARE(removed.at(1).at(1).toInt(), 1);
    QCOMPARE(removed.at(1).at(2).toInt(), 2);
    QCOMPARE(f.model.rowCount(), 4);
    QCOMPARE(f.model.nameAt(3), QStringLiteral("pump-009"));
    QCOMPARE(f.model.rowOfName(QStringLiteral("pump-009")), 3);
    QCOMPARE(f.model.rowOfName(QStringLiteral("pump-005")), -1);
}

void TestSchedulerListModel::absentScheduler_keptWhenCycleFails()
{
    Fixture f;
    QList<Summary> all = fleet(4);
    f.cycle({ all });
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    f.cycle({ all.mid(0, 2) }, false);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(f.model.rowCount(), 4);
}

void TestSchedulerListModel::failedCycle_marksUndeliveredRowsStale()
{
    Fixture f;
    const QList<Summary> all = fleet(4);
    f.cycle({ all });
    QVERIFY(!f.model.isStale());
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy freshness(&f.model, &SchedulerListModel::freshnessChanged);
    QSignalSpy finished(&f.model, &SchedulerListModel::cycleFinished);
    f.clock->advance(std::chrono::seconds(30));
    // The first page came, then the listing failed.
    f.cycle({ all.mid(0, 2) }, false);
    QVERIFY(f.model.isStale());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(freshness.size() >= 1);
    QVERIFY(!f.model.index(0, 0).data(models::StaleRole).toBool());
    QVERIFY(!f.model.index(1, 1).data(models::StaleRole).toBool());
    QVERIFY(f.model.index(2, 1).data(models::StaleRole).toBool());
    QVERIFY(f.model.index(3, 5).data(models::StaleRole).toBool());
    QCOMPARE(f.model.lastGoodDataAt(2), kStart);
    QCOMPARE(f.model.lastGoodDataAt(0), kStart.addSecs(30));
    QVERIFY(f.model.index(3, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Last refresh failed")));
    // One signal for the run of rows that became stale, with the stale roles.
    const QList<Change> seen = changes(changed);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].row, 2);
    QCOMPARE(seen[0].lastRow, 3);
    QVERIFY(seen[0].roles.contains(models::StaleRole));
    // The last complete refresh is still the first one.
    QCOMPARE(f.model.lastCompleteRefresh(), kStart);
}

void TestSchedulerListModel::unchangedRefreshOfCopies_emitsNothingAndKeepsTheCopies()
{
    Fixture f;
    const QList<Summary> all = fleet(5);
    f.cycle({ all });
    const QList<Summary> copies = copied(all);
    QVERIFY(!models::sharesAllData(f.model.schedulerAt(0), copies[0]));
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    f.cycle({ copies.mid(0, 3), copies.mid(3) });
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    // The rows now hold the latest copies, which the next listing's unchanged summaries share.
    for (int row = 0; row < 5; ++row)
        QVERIFY(models::sharesAllData(f.model.schedulerAt(row), copies[row]));
}

void TestSchedulerListModel::reorderedListing_matchesEveryRow()
{
    Fixture f;
    const QList<Summary> all = fleet(6);
    f.cycle({ all });
    QList<Summary> reversed(all.crbegin(), all.crend());
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    f.cycle({ reversed.mid(0, 4), copied(reversed.mid(4)) });
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(f.model.rowCount(), 6);
    QCOMPARE(f.model.rowOfName(QStringLiteral("pump-000")), 0);
    QCOMPARE(f.model.rowOfName(QStringLiteral("pump-005")), 5);
}

void TestSchedulerListModel::changeAmidUnchangedRows_isTheOnlyChange()
{
    Fixture f;
    QList<Summary> all = fleet(5);
    f.cycle({ all });
    all[2].latestInferenceResult = QStringLiteral("ANOMALOUS");
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy statuses(&f.model, &SchedulerListModel::statusesChanged);
    f.cycle({ all });
    const QList<Change> seen = changes(changed);
    QCOMPARE(seen.size(), 2); // the value, then the highlight
    QCOMPARE(seen[0].row, 2);
    QCOMPARE(seen[0].first, int(SchedulerListModel::LatestResultColumn));
    QCOMPARE(seen[1].row, 2);
    QCOMPARE(seen[1].lastRow, 2);
    QCOMPARE(statuses.size(), 1);
    QCOMPARE(f.model.index(2, SchedulerListModel::LatestResultColumn)
                 .data(models::BadgeValueRole)
                 .toString(),
        QStringLiteral("ANOMALOUS"));
    QVERIFY(!f.model.isRowRecentlyChanged(3));
}

void TestSchedulerListModel::staleRow_freshAgainWhenDeliveredAsCopy()
{
    Fixture f;
    const QList<Summary> all = fleet(4);
    f.cycle({ all });
    f.cycle({}, false);
    QVERIFY(f.model.isRowStale(3));
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.beginCycle();
    f.model.applyPage(copied(all.mid(2)));
    QVERIFY(f.model.isRowStale(0));
    QVERIFY(!f.model.isRowStale(2));
    QVERIFY(!f.model.isRowStale(3));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changes(changed)[0].row, 2);
    QCOMPARE(changes(changed)[0].lastRow, 3);
    QVERIFY(changes(changed)[0].roles.contains(models::StaleRole));
    f.model.finishCycle(models::SchedulerListModel::CycleEnd::Incomplete);
}

void TestSchedulerListModel::staleRow_freshAgainWhenDelivered()
{
    Fixture f;
    const QList<Summary> all = fleet(4);
    f.cycle({ all });
    f.cycle({}, false);
    QVERIFY(f.model.isRowStale(0));
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.beginCycle();
    f.model.applyPage(all.mid(0, 2));
    QVERIFY(!f.model.isRowStale(0));
    QVERIFY(!f.model.isRowStale(1));
    QVERIFY(f.model.isRowStale(2));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changes(changed)[0].row, 0);
    QCOMPARE(changes(changed)[0].lastRow, 1);
    f.model.applyPage(all.mid(2));
    f.model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    QVERIFY(!f.model.isStale());
    for (int row = 0; row < 4; ++row)
        QVERIFY(!f.model.index(row, 0).data(models::StaleRole).toBool());
}

void TestSchedulerListModel::failedCycle_withNoRows_isStaleButEmpty()
{
    Fixture f;
    f.cycle({}, false);
    QVERIFY(f.model.isStale());
    QCOMPARE(f.model.rowCount(), 0);
    QVERIFY(!f.model.lastCompleteRefresh().isValid());
}

void TestSchedulerListModel::rename_withSameArn_changesNameCellOnly()
{
    Fixture f;
    QList<Summary> all = fleet(2);
    f.cycle({ all });
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    all[0].inferenceSchedulerName = QStringLiteral("renamed");
    f.cycle({ all });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changes(changed)[0].first, 0);
    QCOMPARE(changes(changed)[0].last, 0);
    QCOMPARE(f.model.rowOfName(QStringLiteral("renamed")), 0);
    QCOMPARE(f.model.rowOfName(QStringLiteral("pump-000")), -1);
}

void TestSchedulerListModel::summaryWithoutNameOrArn_isSkippedWithWarning()
{
    Fixture f;
    Summary nameless = scheduler(QStringLiteral("x"));
    nameless.inferenceSchedulerName.reset();
    nameless.inferenceSchedulerArn.reset();
    QTest::ignoreMessage(QtWarningMsg, "skipping a scheduler summary with neither name nor ARN");
    f.cycle({ { nameless, scheduler(QStringLiteral("ok")) } });
    QCOMPARE(f.model.rowCount(), 1);
    QCOMPARE(f.model.nameAt(0), QStringLiteral("ok"));

    // Without an ARN the name is the key.
    Summary noArn = scheduler(QStringLiteral("plain"));
    noArn.inferenceSchedulerArn.reset();
    f.cycle({ { scheduler(QStringLiteral("ok")), noArn } });
    f.cycle({ { scheduler(QStringLiteral("ok")), noArn } });
    QCOMPARE(f.model.rowCount(), 2);
}

void TestSchedulerListModel::sameSchedulerTwiceInPage_laterCopyWins()
{
    Fixture f;
    Summary first = scheduler(QStringLiteral("twin"));
    Summary second = first;
    second.status = QStringLiteral("STOPPED");
    f.cycle({ { first, second } });
    QCOMPARE(f.model.rowCount(), 1);
    QCOMPARE(
        f.model.index(0, 1).data(models::BadgeValueRole).toString(), QStringLiteral("STOPPED"));
    QCOMPARE(f.model.summary().total(), 1);
    QCOMPARE(f.model.summary().statusCount(QStringLiteral("STOPPED")), 1);
}

void TestSchedulerListModel::clear_dropsEveryRowAtOnce()
{
    Fixture f;
    f.cycle({ fleet(5) });
    f.cycle({}, false);
    QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
    QSignalSpy summary(&f.model, &SchedulerListModel::summaryChanged);
    f.model.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(f.model.rowCount(), 0);
    QCOMPARE(f.model.summary().total(), 0);
    QVERIFY(!f.model.isStale());
    QVERIFY(!f.model.lastCompleteRefresh().isValid());
    QCOMPARE(summary.size(), 1);
}

void TestSchedulerListModel::beginCycle_whileRunning_failsTheRunningOne()
{
    Fixture f;
    f.cycle({ fleet(2) });
    QSignalSpy finished(&f.model, &SchedulerListModel::cycleFinished);
    f.model.beginCycle();
    f.model.beginCycle();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(f.model.isCycleRunning());
    // finishCycle outside a cycle does nothing.
    f.model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    f.model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    QCOMPARE(finished.size(), 2);
}

void TestSchedulerListModel::summary_countsFollowEveryChange()
{
    Fixture f;
    QList<Summary> all { scheduler(QStringLiteral("a")),
        scheduler(QStringLiteral("b"), QStringLiteral("STOPPED"), QString()),
        scheduler(QStringLiteral("c"), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS")) };
    f.cycle({ all });
    const models::FleetSummary &summary = f.model.summary();
    QCOMPARE(summary.total(), 3);
    QCOMPARE(summary.statusCount(QStringLiteral("RUNNING")), 2);
    QCOMPARE(summary.statusCount(QStringLiteral("STOPPED")), 1);
    QCOMPARE(summary.latestResultCount(QStringLiteral("ANOMALOUS")), 1);
    QCOMPARE(summary.latestResultCount(QString()), 1);
    all[2].status = QStringLiteral("STOPPING");
    all.removeAt(0);
    f.cycle({ all });
    QCOMPARE(summary.total(), 2);
    QCOMPARE(summary.statusCount(QStringLiteral("RUNNING")), 0);
    QCOMPARE(summary.statusCount(QStringLiteral("STOPPING")), 1);
    QCOMPARE(summary.latestResultCount(QStringLiteral("NORMAL")), 0);
}

void TestSchedulerListModel::roles_displayCopySortAndBadges()
{
    Fixture f;
    Summary s = scheduler(
        QStringLiteral("pump-7"), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS"));
    s.dataUploadFrequency = QStringLiteral("PT15M");
    s.dataDelayOffsetInMinutes = 1;
    f.model.setConnectionInfo(0, QStringLiteral("prod"), QStringLiteral("us-east-1"));
    f.cycle({ { s } });
    auto cell = [&](int column, int role) { return f.model.index(0, column).data(role); };
    QCOMPARE(cell(SchedulerListModel::AccountColumn, Qt::DisplayRole).toString(),
        QStringLiteral("123456789012"));
    QCOMPARE(cell(SchedulerListModel::RegionColumn, models::CopyTextRole).toString(),
        QStringLiteral("us-east-1"));
    QCOMPARE(cell(SchedulerListModel::ProfileColumn, models::SortRole).toString(),
        QStringLiteral("prod"));
    QCOMPARE(
        cell(SchedulerListModel::NameColumn, Qt::DisplayRole).toString(), QStringLiteral("pump-7"));
    QCOMPARE(
        cell(SchedulerListModel::NameColumn, Qt::ToolTipRole).toString(), *s.inferenceSchedulerArn);
    QCOMPARE(cell(SchedulerListModel::NameColumn, models::CopyTextRole).toString(),
        QStringLiteral("pump-7"));
    QCOMPARE(cell(SchedulerListModel::StatusColumn, models::BadgeValueRole).toString(),
        QStringLiteral("RUNNING"));
    QCOMPARE(cell(SchedulerListModel::LatestResultColumn, models::BadgeValueRole).toString(),
        QStringLiteral("ANOMALOUS"));
    QCOMPARE(cell(SchedulerListModel::LatestResultColumn, models::SortRole).toInt(), 0);
    QCOMPARE(cell(SchedulerListModel::StatusColumn, models::SortRole).toInt(), 5);
    QVERIFY(!cell(SchedulerListModel::ModelColumn, models::BadgeValueRole).isValid());
    QCOMPARE(cell(SchedulerListModel::ModelColumn, Qt::DisplayRole).toString(),
        QStringLiteral("model-pump-7"));
    QCOMPARE(cell(SchedulerListModel::ModelColumn, Qt::ToolTipRole).toString(), *s.modelArn);
    QCOMPARE(cell(SchedulerListModel::UploadFrequencyColumn, Qt::DisplayRole).toString(),
        QStringLiteral("Every 15 minutes"));
    QCOMPARE(cell(SchedulerListModel::UploadFrequencyColumn, Qt::ToolTipRole).toString(),
        QStringLiteral("PT15M"));
    QCOMPARE(cell(SchedulerListModel::UploadFrequencyColumn, models::CopyTextRole).toString(),
        QStringLiteral("PT15M"));
    QCOMPARE(cell(SchedulerListModel::UploadFrequencyColumn, models::SortRole).toLongLong(), 900);
    QCOMPARE(cell(SchedulerListModel::DelayColumn, Qt::DisplayRole).toString(),
        QStringLiteral("1 minute"));
    QCOMPARE(cell(SchedulerListModel::DelayColumn, models::RawValueRole).toLongLong(), 1);
    QCOMPARE(cell(SchedulerListModel::DelayColumn, models::SortRole).toLongLong(), 1);
    for (int column = 0; column < SchedulerListModel::ColumnCount; ++column) {
        QCOMPARE(cell(column, models::SchedulerNameRole).toString(), QStringLiteral("pump-7"));
        QCOMPARE(cell(column, models::SchedulerArnRole).toString(), *s.inferenceSchedulerArn);
        QCOMPARE(cell(column, models::ModelArnRole).toString(), *s.modelArn);
        QVERIFY(!cell(column, models::AbsentRole).toBool());
        QVERIFY(!cell(column, models::StaleRole).toBool());
    }
    QCOMPARE(cell(SchedulerListModel::StatusColumn, Qt::AccessibleTextRole).toString(),
        QStringLiteral("Status: RUNNING"));
    QCOMPARE(cell(SchedulerListModel::LatestResultColumn, models::AccessibleTextRole).toString(),
        QStringLiteral("Latest result: ANOMALOUS"));
    // The name reads out the whole scheduler.
    QCOMPARE(cell(SchedulerListModel::NameColumn, Qt::AccessibleTextRole).toString(),
        QStringLiteral("pump-7, Status: RUNNING, Latest result: ANOMALOUS"));
    QCOMPARE(cell(SchedulerListModel::ModelColumn, Qt::AccessibleTextRole).toString(),
        QStringLiteral("Model: model-pump-7"));
}

void TestSchedulerListModel::roles_absentMembersSayNotSet()
{
    Fixture f;
    Summary s;
    s.inferenceSchedulerName = QStringLiteral("bare");
    f.cycle({ { s } });
    for (int column = 1; column < SchedulerListModel::ColumnCount; ++column) {
        const QModelIndex index = f.model.index(0, column);
        QCOMPARE(index.data().toString(), QStringLiteral("not set"));
        QVERIFY(index.data(models::AbsentRole).toBool());
        QVERIFY(!index.data(models::RawValueRole).isValid());
    }
    QCOMPARE(
        f.model.index(0, SchedulerListModel::StatusColumn).data(models::BadgeValueRole).toString(),
        QString());
    QCOMPARE(f.model.index(0, SchedulerListModel::StatusColumn).data(models::SortRole).toInt(), 6);
    QCOMPARE(f.model.index(0, 0).data(models::SchedulerArnRole).toString(), QString());
}

void TestSchedulerListModel::headers_nameEveryColumn()
{
    Fixture f;
    const QStringList expected { QStringLiteral("Name"), QStringLiteral("Status"),
        QStringLiteral("Latest result"), QStringLiteral("Model"),
        QStringLiteral("Upload frequency"), QStringLiteral("Delay"), QStringLiteral("Account"),
        QStringLiteral("Region"), QStringLiteral("Profile") };
    QCOMPARE(expected.size(), qsizetype(SchedulerListModel::ColumnCount));
    for (int column = 0; column < SchedulerListModel::ColumnCount; ++column) {
        QCOMPARE(f.model.headerData(column, Qt::Horizontal).toString(), expected[column]);
        QVERIFY(!f.model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
}

void TestSchedulerListModel::compareRows_ordersByColumnThenName()
{
    Fixture f;
    Summary a = scheduler(QStringLiteral("b-pump"), QStringLiteral("RUNNING"));
    Summary b = scheduler(QStringLiteral("a-pump"), QStringLiteral("RUNNING"));
    Summary c = scheduler(QStringLiteral("C-pump"), QStringLiteral("STOPPING"));
    c.dataUploadFrequency = QStringLiteral("PT1H");
    f.cycle({ { a, b, c } });
    QVERIFY(f.model.compareRows(1, 0, SchedulerListModel::NameColumn) < 0);
    QVERIFY(f.model.compareRows(0, 2, SchedulerListModel::NameColumn) < 0); // case-insensitive
    QVERIFY(
        f.model.compareRows(2, 0, SchedulerListModel::StatusColumn) < 0); // STOPPING is more urgent
    QVERIFY(
        f.model.compareRows(1, 0, SchedulerListModel::StatusColumn) < 0); // same status: by name
    QVERIFY(f.model.compareRows(0, 2, SchedulerListModel::UploadFrequencyColumn) < 0);
    QCOMPARE(f.model.compareRows(0, 0, SchedulerListModel::DelayColumn), 0);
}

void TestSchedulerListModel::compareRows_namesCaseInsensitivelyThenExactly_inAndAfterACycle()
{
    Fixture f;
    f.model.beginCycle();
    f.model.applyPage({ scheduler(QStringLiteral("b")), scheduler(QStringLiteral("a")),
        scheduler(QStringLiteral("B")), scheduler(QStringLiteral("A")),
        scheduler(QStringLiteral("_x")) });
    const auto byName = [&f] {
        QList<int> rows { 0, 1, 2, 3, 4 };
        std::sort(rows.begin(), rows.end(), [&f](int l, int r) {
            return f.model.compareRows(l, r, SchedulerListModel::NameColumn) < 0;
        });
        QStringList names;
        for (const int row : rows)
            names.append(f.model.nameAt(row));
        return names;
    };
    const QStringList expected { QStringLiteral("_x"), QStringLiteral("A"), QStringLiteral("a"),
        QStringLiteral("B"), QStringLiteral("b") };
    // While the cycle runs the names are compared themselves; after it, by their ranks.
    QCOMPARE(byName(), expected);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete);
    QCOMPARE(byName(), expected);
}

void TestSchedulerListModel::compareUrgency_anomalousAndTransitionalFirst()
{
    Fixture f;
    f.cycle({ { scheduler(
                    QStringLiteral("ok"), QStringLiteral("RUNNING"), QStringLiteral("NORMAL")),
        scheduler(QStringLiteral("a-stopped-bad"), QStringLiteral("STOPPED"),
            QStringLiteral("ANOMALOUS")),
        scheduler(QStringLiteral("stopped"), QStringLiteral("STOPPED"), QStringLiteral("NORMAL")),
        scheduler(QStringLiteral("pending"), QStringLiteral("PENDING"), QStringLiteral("NORMAL")),
        scheduler(
            QStringLiteral("bad"), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS")) } });
    QList<int> order { 0, 1, 2, 3, 4 };
    std::sort(
        order.begin(), order.end(), [&](int l, int r) { return f.model.compareUrgency(l, r) < 0; });
    QStringList names;
    for (int row : order)
        names.append(f.model.nameAt(row));
    // Equally urgent ANOMALOUS ones: the running one first, whatever the names say.
    QCOMPARE(names,
        (QStringList { QStringLiteral("bad"), QStringLiteral("a-stopped-bad"),
            QStringLiteral("pending"), QStringLiteral("stopped"), QStringLiteral("ok") }));
    QCOMPARE(f.model.urgency(4), 0);
    QCOMPARE(f.model.compareUrgency(2, 2), 0);
}

void TestSchedulerListModel::rowOfName_followsRemovals()
{
    Fixture f;
    const QList<Summary> all = fleet(3);
    f.cycle({ all });
    QCOMPARE(f.model.rowOfName(QStringLiteral("pump-002")), 2);
    f.cycle({ { all[2] } });
    QCOMPARE(f.model.rowOfName(QStringLiteral("pump-002")), 0);
    QCOMPARE(f.model.rowOfName(QStringLiteral("pump-000")), -1);
}

void TestSchedulerListModel::setStatus_changesTheCellAndCountsWithoutReportingAChange()
{
    Fixture f;
    QList<Summary> all = fleet(3);
    all[1].status = QStringLiteral("STOPPED");
    f.cycle({ all });
    const QString name = *all[1].inferenceSchedulerName;
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy reported(&f.model, &SchedulerListModel::statusesChanged);
    QSignalSpy counts(&f.model, &SchedulerListModel::summaryChanged);
    const int stoppedBefore = f.model.summary().statusCount(QStringLiteral("STOPPED"));
    QVERIFY(f.model.setStatus(name, QStringLiteral("PENDING")));
    QCOMPARE(
        f.model.index(1, SchedulerListModel::StatusColumn).data(models::BadgeValueRole).toString(),
        QStringLiteral("PENDING"));
    QCOMPARE(f.model.summary().statusCount(QStringLiteral("STOPPED")), stoppedBefore - 1);
    QCOMPARE(f.model.summary().statusCount(QStringLiteral("PENDING")), 1);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(reported.size(), 0);
    QVERIFY(!changes(changed).isEmpty());
    QCOMPARE(changes(changed).first().first, int(SchedulerListModel::StatusColumn));
    // The same status again changes nothing; an unknown name is refused.
    changed.clear();
    QVERIFY(f.model.setStatus(name, QStringLiteral("PENDING")));
    QCOMPARE(changed.size(), 0);
    QVERIFY(!f.model.setStatus(QStringLiteral("no-such-scheduler"), QStringLiteral("PENDING")));
    // The next listing decides.
    all[1].status = QStringLiteral("RUNNING");
    f.cycle({ all });
    QCOMPARE(f.model.schedulerAt(1).status, QStringLiteral("RUNNING"));
}

// ---- several connections ------------------------------------------------------------------

void TestSchedulerListModel::severalConnections_sameNameInTwoAccountsIsTwoRows()
{
    Fixture f;
    f.model.setConnectionCount(2);
    f.model.setConnectionInfo(0, QStringLiteral("plant-a"), QStringLiteral("eu-west-1"));
    f.model.setConnectionInfo(1, QStringLiteral("plant-b"), QStringLiteral("us-east-1"));
    const Summary a = schedulerIn(
        QStringLiteral("pump-1"), QStringLiteral("111111111111"), QStringLiteral("eu-west-1"));
    const Summary b = schedulerIn(QStringLiteral("pump-1"), QStringLiteral("222222222222"),
        QStringLiteral("us-east-1"), QStringLiteral("STOPPED"));
    f.model.beginCycle(0);
    f.model.applyPage({ a }, 0);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 0);
    f.model.beginCycle(1);
    f.model.applyPage({ b }, 1);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 1);
    QCOMPARE(f.model.rowCount(), 2);
    const int rowA = f.model.rowOfName(QStringLiteral("pump-1"), 0);
    const int rowB = f.model.rowOfName(QStringLiteral("pump-1"), 1);
    QVERIFY(rowA >= 0 && rowB >= 0 && rowA != rowB);
    QCOMPARE(f.model.sourceAt(rowB), 1);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return f.model.index(row, column).data(role).toString();
    };
    QCOMPARE(cell(rowA, SchedulerListModel::AccountColumn), QStringLiteral("111111111111"));
    QCOMPARE(cell(rowB, SchedulerListModel::AccountColumn), QStringLiteral("222222222222"));
    QCOMPARE(cell(rowA, SchedulerListModel::RegionColumn), QStringLiteral("eu-west-1"));
    QCOMPARE(cell(rowB, SchedulerListModel::ProfileColumn), QStringLiteral("plant-b"));
    QCOMPARE(
        cell(rowA, 0, models::ConnectionGroupRole), QStringLiteral("111111111111 · eu-west-1"));
    QCOMPARE(
        cell(rowB, 0, models::ConnectionGroupRole), QStringLiteral("222222222222 · us-east-1"));
    QCOMPARE(cell(rowB, SchedulerListModel::StatusColumn, models::BadgeValueRole),
        QStringLiteral("STOPPED"));
    // The counts add both up.
    QCOMPARE(f.model.summary().statusCount(QStringLiteral("RUNNING")), 1);
    QCOMPARE(f.model.summary().statusCount(QStringLiteral("STOPPED")), 1);
    // One connection's complete cycle removes only the rows of its own it did not deliver.
    f.model.beginCycle(1);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 1);
    QCOMPARE(f.model.rowCount(), 1);
    QCOMPARE(f.model.sourceAt(0), 0);
    QVERIFY(!f.model.setStatus(QStringLiteral("pump-1"), QStringLiteral("PENDING"), 1));
    QVERIFY(f.model.setStatus(QStringLiteral("pump-1"), QStringLiteral("PENDING"), 0));
}

void TestSchedulerListModel::severalConnections_aFailedCycleMakesOnlyItsRowsStale()
{
    Fixture f;
    f.model.setConnectionCount(2);
    f.model.beginCycle(0);
    f.model.applyPage(fleet(3), 0);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 0);
    f.model.beginCycle(1);
    f.model.applyPage({ schedulerIn(QStringLiteral("fan-1"), QStringLiteral("222222222222"),
                          QStringLiteral("us-east-1")) },
        1);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 1);
    QCOMPARE(f.model.rowCount(), 4);
    const int fan = f.model.rowOfName(QStringLiteral("fan-1"), 1);

    f.model.beginCycle(1);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Incomplete, 1);
    f.model.setConnectionProblem(1, QStringLiteral("Could not connect to the endpoint URL"));
    QVERIFY(f.model.isStale());
    QVERIFY(f.model.isConnectionStale(1));
    QVERIFY(!f.model.isConnectionStale(0));
    QVERIFY(f.model.isRowStale(fan));
    QCOMPARE(f.model.index(fan, 0).data(models::ConnectionProblemRole).toString(),
        QStringLiteral("Could not connect to the endpoint URL"));
    QVERIFY(f.model.index(fan, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Could not connect to the endpoint URL")));
    for (int row = 0; row < f.model.rowCount(); ++row) {
        if (row == fan)
            continue;
        QVERIFY(!f.model.isRowStale(row));
        QCOMPARE(f.model.index(row, 0).data(models::ConnectionProblemRole).toString(), QString());
    }
    // The other connection's cycles go on, and leave the failing one's rows alone.
    f.model.beginCycle(0);
    f.model.applyPage(fleet(3), 0);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 0);
    QVERIFY(f.model.isRowStale(f.model.rowOfName(QStringLiteral("fan-1"), 1)));
    QCOMPARE(f.model.rowCount(), 4);
}

void TestSchedulerListModel::severalConnections_groupRoleAndColumnsOnlyWithMoreThanOne()
{
    Fixture f;
    f.model.setConnectionInfo(0, QStringLiteral("prod"), QStringLiteral("us-east-1"));
    f.cycle({ fleet(2) });
    QCOMPARE(f.model.index(0, 0).data(models::ConnectionGroupRole).toString(), QString());
    QCOMPARE(f.model.index(0, SchedulerListModel::AccountColumn).data().toString(),
        QStringLiteral("123456789012"));
    QVERIFY(!f.model.connectionMatches(0, QStringLiteral("1234")));
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.setConnectionCount(2);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(f.model.index(0, 0).data(models::ConnectionGroupRole).toString(),
        QStringLiteral("123456789012 · us-east-1"));
    QVERIFY(f.model.connectionMatches(0, QStringLiteral("1234")));
    QVERIFY(f.model.connectionMatches(0, QStringLiteral("PROD")));
    QVERIFY(!f.model.connectionMatches(0, QStringLiteral("eu-west")));
    // Dropping the second connection again removes its rows and the groups.
    f.model.beginCycle(1);
    f.model.applyPage({ schedulerIn(QStringLiteral("fan-1"), QStringLiteral("222222222222"),
                          QStringLiteral("us-east-1")) },
        1);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 1);
    QCOMPARE(f.model.rowCount(), 3);
    f.model.setConnectionCount(1);
    QCOMPARE(f.model.rowCount(), 2);
    QCOMPARE(f.model.index(0, 0).data(models::ConnectionGroupRole).toString(), QString());
}

void TestSchedulerListModel::
    severalConnections_nameIsAccountAndRegion_profileWhereTheyWouldBeAlike()
{
    Fixture f;
    f.model.setConnectionCount(3);
    f.model.setConnectionInfo(0, QStringLiteral("plant-a"), QStringLiteral("eu-west-1"));
    f.model.setConnectionInfo(1, QStringLiteral("plant-b"), QStringLiteral("eu-west-1"));
    f.model.setConnectionInfo(2, QStringLiteral("plant-c"), QStringLiteral("us-east-1"));
    // Before a listing names the account, the profile stands in for it.
    QCOMPARE(f.model.connectionName(0), QStringLiteral("plant-a · eu-west-1"));
    QCOMPARE(f.model.connectionName(2), QStringLiteral("plant-c · us-east-1"));
    const auto list = [&](int source, const QString &name, const QString &account) {
        f.model.beginCycle(source);
        f.model.applyPage({ schedulerIn(name, account, f.model.connectionRegion(source)) }, source);
        f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, source);
    };
    list(0, QStringLiteral("pump-1"), QStringLiteral("111111111111"));
    list(1, QStringLiteral("pump-2"), QStringLiteral("111111111111"));
    list(2, QStringLiteral("fan-1"), QStringLiteral("222222222222"));
    // Two profiles of one account in one region: the profile tells them apart.
    QCOMPARE(
        f.model.connectionName(0), QStringLiteral("111111111111 · eu-west-1 (profile plant-a)"));
    QCOMPARE(
        f.model.connectionName(1), QStringLiteral("111111111111 · eu-west-1 (profile plant-b)"));
    QCOMPARE(f.model.connectionName(2), QStringLiteral("222222222222 · us-east-1"));
    // Rows and their status changes say the same.
    for (int row = 0; row < f.model.rowCount(); ++row) {
        QCOMPARE(f.model.index(row, 0).data(models::ConnectionGroupRole).toString(),
            f.model.connectionName(f.model.sourceAt(row)));
    }
    // A connection replaced forgets its account; the other needs no profile any more.
    f.model.clearConnection(1);
    QCOMPARE(f.model.connectionName(1), QStringLiteral("plant-b · eu-west-1"));
    QCOMPARE(f.model.connectionName(0), QStringLiteral("111111111111 · eu-west-1"));
    QCOMPARE(f.model.connectionName(7), QString());
    f.model.setConnectionCount(1);
    QCOMPARE(f.model.connectionName(0), QString());
}

void TestSchedulerListModel::severalConnections_sortByAccountThenName()
{
    Fixture f;
    f.model.setConnectionCount(2);
    f.model.beginCycle(0);
    f.model.applyPage({ schedulerIn(QStringLiteral("b"), QStringLiteral("222222222222"),
                          QStringLiteral("eu-west-1")) },
        0);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 0);
    f.model.beginCycle(1);
    f.model.applyPage({ schedulerIn(QStringLiteral("a"), QStringLiteral("333333333333"),
                            QStringLiteral("us-east-1")),
                          schedulerIn(QStringLiteral("c"), QStringLiteral("111111111111"),
                              QStringLiteral("us-east-1")) },
        1);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 1);
    const int a = f.model.rowOfName(QStringLiteral("a"), 1);
    const int b = f.model.rowOfName(QStringLiteral("b"), 0);
    const int c = f.model.rowOfName(QStringLiteral("c"), 1);
    QVERIFY(f.model.compareRows(c, b, SchedulerListModel::AccountColumn) < 0);
    QVERIFY(f.model.compareRows(b, a, SchedulerListModel::AccountColumn) < 0);
    QCOMPARE(f.model.index(c, SchedulerListModel::AccountColumn).data(models::SortRole).toString(),
        QStringLiteral("111111111111"));
}

void TestSchedulerListModel::severalConnections_statusChangesNameTheirGroup()
{
    Fixture f;
    f.model.setConnectionCount(2);
    f.model.setConnectionInfo(1, QStringLiteral("plant-b"), QStringLiteral("us-east-1"));
    QList<Summary> b { schedulerIn(
        QStringLiteral("fan-1"), QStringLiteral("222222222222"), QStringLiteral("us-east-1")) };
    f.model.beginCycle(1);
    f.model.applyPage(b, 1);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 1);
    QSignalSpy reported(&f.model, &SchedulerListModel::statusesChanged);
    b[0].latestInferenceResult = QStringLiteral("ANOMALOUS");
    f.model.beginCycle(1);
    f.model.applyPage(b, 1);
    f.model.finishCycle(SchedulerListModel::CycleEnd::Complete, 1);
    QCOMPARE(reported.size(), 1);
    const auto changes = reported.first().first().value<QList<StatusChange>>();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().group, QStringLiteral("222222222222 · us-east-1"));
}

QTEST_GUILESS_MAIN(TestSchedulerListModel)
#include "tst_schedulerlistmodel.moc"
