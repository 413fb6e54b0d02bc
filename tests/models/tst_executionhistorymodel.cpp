// ExecutionHistoryModel: its roles (local time with UTC on hover, badges, copy texts, the failed
// reason cut for the cell), pages appended, refreshes merged in place (inserted, updated, removed
// rows, with persistent indexes surviving), where a refresh starts, the TSV and the CLI's JSON.
// Every test runs under QAbstractItemModelTester.
#include "lookout/jsoncodec.h"
#include "models/executionhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using models::ExecutionHistoryModel;
using Summary = lookout::InferenceExecutionSummary;

namespace {

constexpr qint64 kMinute = 60'000'000;
// 2024-03-04 18:50:00 UTC
constexpr qint64 kBase = 1'709'578'200'000'000;

// The execution scheduled `slot` five-minute slots after kBase, its data window just before.
Summary execution(int slot, const QString &status = QStringLiteral("SUCCESS"))
{
    Summary summary;
    summary.modelName = QStringLiteral("pump-model");
    summary.inferenceSchedulerName = QStringLiteral("pump-1");
    summary.scheduledStartTime = lookout::Timestamp { kBase + slot * 5 * kMinute };
    summary.dataStartTime = lookout::Timestamp { kBase + (slot - 1) * 5 * kMinute };
    summary.dataEndTime = lookout::Timestamp { kBase + slot * 5 * kMinute };
    summary.status = status;
    summary.modelVersion = 3;
    if (status == QLatin1String("SUCCESS"))
        summary.customerResultObject = lookout::S3Object { QStringLiteral("bucket"),
            QStringLiteral("out/2024-03-04T18:45:00Z/results.jsonl") };
    if (status == QLatin1String("FAILED"))
        summary.failedReason = QStringLiteral("Input file missing\tfor sensor\nsecond line");
    return summary;
}

// Newest first, slots from..to inclusive.
QList<Summary> executions(int from, int to)
{
    QList<Summary> list;
    for (int slot = to; slot >= from; --slot)
        list.append(execution(slot));
    return list;
}

QList<int> scheduledSlots(const ExecutionHistoryModel &model)
{
    QList<int> found;
    for (const Summary &summary : model.executions())
        found.append(int((summary.scheduledStartTime->epochMicroseconds - kBase) / (5 * kMinute)));
    return found;
}

} // namespace

class TestExecutionHistoryModel : public QObject {
    Q_OBJECT

private slots:
    void roles_showLocalTimes_utcOnHover_andBadges();
    void failedReason_isCutInTheCell_andWholeInCopyAndTooltip();
    void unknownStatus_isShownVerbatim_andAbsentMembersAreEmpty();
    void appendPage_skipsExecutionsAlreadyShown();
    void mergeFrom_insertsNewRowsOnTop_andKeepsPersistentIndexes();
    void mergeFrom_updatesInProgressRowsInPlace();
    void mergeFrom_removesRowsNoLongerMatching();
    void mergeFrom_withNothingNew_changesNothing();
    void mergeFrom_updatesOlderRowsWithoutDuplicating();
    void refreshFrom_isTheNewestOrOldestInProgress();
    void fetchMore_asksOnceUntilAllowedAgain();
    void stale_marksEveryRow();
    void tabSeparated_isOneLinePerRow();
    void cliJson_isWhatTheCliPrints();
};

void TestExecutionHistoryModel::roles_showLocalTimes_utcOnHover_andBadges()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTimeZone(QTimeZone("Europe/Berlin"));
    model.setExecutions({ execution(2) });
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(ExecutionHistoryModel::ColumnCount));
    const auto at
        = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(at(ExecutionHistoryModel::ScheduledStartColumn).toString(),
        QStringLiteral("2024-03-04 20:00:00 CET"));
    QCOMPARE(at(ExecutionHistoryModel::ScheduledStartColumn, Qt::ToolTipRole).toString(),
        QStringLiteral("2024-03-04 19:00:00 UTC"));
    QCOMPARE(at(ExecutionHistoryModel::DataWindowColumn).toString(),
        QStringLiteral("2024-03-04 19:55:00 CET – 20:00:00"));
    QCOMPARE(at(ExecutionHistoryModel::DataWindowColumn, Qt::ToolTipRole).toString(),
        QStringLiteral("2024-03-04 18:55:00 UTC – 2024-03-04 19:00:00 UTC"));
    QCOMPARE(at(ExecutionHistoryModel::StatusColumn, models::BadgeValueRole).toString(),
        QStringLiteral("SUCCESS"));
    QVERIFY(!at(ExecutionHistoryModel::ModelVersionColumn, models::BadgeValueRole).isValid());
    QCOMPARE(at(ExecutionHistoryModel::ModelVersionColumn).toString(), QStringLiteral("3"));
    QCOMPARE(at(ExecutionHistoryModel::ResultObjectColumn).toString(),
        QStringLiteral("s3://bucket/out/2024-03-04T18:45:00Z/results.jsonl"));
    QCOMPARE(at(ExecutionHistoryModel::ScheduledStartColumn, models::CopyTextRole).toString(),
        QStringLiteral("2024-03-04T19:00:00.000Z"));
    QCOMPARE(at(ExecutionHistoryModel::StatusColumn, Qt::AccessibleTextRole).toString(),
        QStringLiteral("Status: SUCCESS"));
    // A window across midnight names both days.
    model.setExecutions({ execution(50) });
    QCOMPARE(at(ExecutionHistoryModel::DataWindowColumn).toString(),
        QStringLiteral("2024-03-04 23:55:00 CET – 2024-03-05 00:00:00 CET"));
    QCOMPARE(model.headerData(ExecutionHistoryModel::FailedReasonColumn, Qt::Horizontal),
        QVariant(QStringLiteral("Failed reason")));
}

void TestExecutionHistoryModel::failedReason_isCutInTheCell_andWholeInCopyAndTooltip()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Summary failed = execution(1, QStringLiteral("FAILED"));
    const QString longReason = QString(5000, QLatin1Char('x'));
    Summary tooLong = execution(2, QStringLiteral("FAILED"));
    tooLong.failedReason = longReason;
    model.setExecutions({ tooLong, failed });
    const QModelIndex longCell = model.index(0, ExecutionHistoryModel::FailedReasonColumn);
    QCOMPARE(longCell.data().toString().size(), ExecutionHistoryModel::kFailedReasonCellChars + 1);
    QVERIFY(longCell.data().toString().endsWith(QChar(0x2026)));
    QCOMPARE(longCell.data(models::CopyTextRole).toString(), longReason);
    QCOMPARE(longCell.data(Qt::ToolTipRole).toString(), longReason);
    // Only the first line is in the cell.
    QCOMPARE(model.index(1, ExecutionHistoryModel::FailedReasonColumn).data().toString(),
        QStringLiteral("Input file missing\tfor sensor") + QChar(0x2026));
    QVERIFY(!model.index(1, ExecutionHistoryModel::ResultObjectColumn).data().toString().size());
}

void TestExecutionHistoryModel::unknownStatus_isShownVerbatim_andAbsentMembersAreEmpty()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Summary bare;
    bare.status = QStringLiteral("QUEUED_SOMEDAY");
    model.setExecutions({ bare });
    QCOMPARE(model.index(0, ExecutionHistoryModel::StatusColumn).data().toString(),
        QStringLiteral("QUEUED_SOMEDAY"));
    QCOMPARE(
        model.index(0, ExecutionHistoryModel::StatusColumn).data(models::BadgeValueRole).toString(),
        QStringLiteral("QUEUED_SOMEDAY"));
    for (int column : { ExecutionHistoryModel::ScheduledStartColumn,
             ExecutionHistoryModel::DataWindowColumn, ExecutionHistoryModel::ModelVersionColumn,
             ExecutionHistoryModel::ResultObjectColumn, ExecutionHistoryModel::FailedReasonColumn })
        QCOMPARE(model.index(0, column).data().toString(), QString());
    QCOMPARE(model.index(0, ExecutionHistoryModel::ModelVersionColumn)
                 .data(Qt::AccessibleTextRole)
                 .toString(),
        QStringLiteral("Model version: not set"));
}

void TestExecutionHistoryModel::appendPage_skipsExecutionsAlreadyShown()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExecutions(executions(10, 20));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // A new execution pushed slot 10 onto the next page.
    model.appendPage(executions(5, 10));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(scheduledSlots(model),
        (QList<int> { 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5 }));
    model.appendPage(executions(10, 10));
    QCOMPARE(inserted.size(), 1);
}

void TestExecutionHistoryModel::mergeFrom_insertsNewRowsOnTop_andKeepsPersistentIndexes()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExecutions(executions(1, 10));
    const QPersistentModelIndex selected = model.index(4, 0); // slot 6
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.mergeFrom(*execution(10).dataStartTime, executions(10, 13)));
    QCOMPARE(scheduledSlots(model), (QList<int> { 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }));
    QCOMPARE(inserted.size(), 1); // one run of three rows
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 2);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(selected.row(), 7);
    QCOMPARE(model.execution(selected.row()), execution(6));
}

void TestExecutionHistoryModel::mergeFrom_updatesInProgressRowsInPlace()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Summary> shown = executions(1, 5);
    shown[0] = execution(5, QStringLiteral("IN_PROGRESS"));
    shown[2] = execution(3, QStringLiteral("IN_PROGRESS"));
    model.setExecutions(shown);
    QCOMPARE(*model.refreshFrom(), *execution(3).dataStartTime);

    QList<Summary> fresh = executions(3, 6);
    fresh[2] = execution(4, QStringLiteral("FAILED"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(model.mergeFrom(*execution(3).dataStartTime, fresh));
    QCOMPARE(scheduledSlots(model), (QList<int> { 6, 5, 4, 3, 2, 1 }));
    QCOMPARE(inserted.size(), 1);
    // Slots 5 and 3 finished, slot 4 failed: three rows changed in place.
    QCOMPARE(changed.size(), 3);
    QCOMPARE(model.execution(1).status, QStringLiteral("SUCCESS"));
    QCOMPARE(model.execution(2).status, QStringLiteral("FAILED"));
    QCOMPARE(model.execution(3).status, QStringLiteral("SUCCESS"));
    QCOMPARE(*model.refreshFrom(), *execution(6).dataStartTime);
}

void TestExecutionHistoryModel::mergeFrom_removesRowsNoLongerMatching()
{
    // Filtered on IN_PROGRESS: the ones that finished leave.
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExecutions({ execution(5, QStringLiteral("IN_PROGRESS")),
        execution(4, QStringLiteral("IN_PROGRESS")) });
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(model.mergeFrom(*execution(4).dataStartTime,
        { execution(6, QStringLiteral("IN_PROGRESS")),
            execution(5, QStringLiteral("IN_PROGRESS")) }));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(scheduledSlots(model), (QList<int> { 6, 5 }));
}

void TestExecutionHistoryModel::mergeFrom_withNothingNew_changesNothing()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExecutions(executions(1, 10));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(!model.mergeFrom(*execution(10).dataStartTime, executions(10, 10)));
    QCOMPARE(changed.size() + inserted.size() + removed.size(), 0);
}

void TestExecutionHistoryModel::mergeFrom_updatesOlderRowsWithoutDuplicating()
{
    // The request reaches back a little before `from`: rows from there are not new.
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExecutions(executions(1, 10));
    QList<Summary> fresh = executions(9, 11);
    fresh[2] = execution(9, QStringLiteral("FAILED"));
    QVERIFY(model.mergeFrom(*execution(10).dataStartTime, fresh));
    QCOMPARE(scheduledSlots(model), (QList<int> { 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }));
    QCOMPARE(model.execution(2).status, QStringLiteral("FAILED"));
}

void TestExecutionHistoryModel::refreshFrom_isTheNewestOrOldestInProgress()
{
    ExecutionHistoryModel model;
    QVERIFY(!model.refreshFrom());
    model.setExecutions(executions(1, 10));
    QCOMPARE(*model.refreshFrom(), *execution(10).dataStartTime);
    QList<Summary> rows = executions(1, 10);
    rows[7] = execution(3, QStringLiteral("IN_PROGRESS"));
    model.setExecutions(rows);
    QCOMPARE(*model.refreshFrom(), *execution(3).dataStartTime);
}

void TestExecutionHistoryModel::fetchMore_asksOnceUntilAllowedAgain()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExecutions(executions(1, 3));
    QSignalSpy asked(&model, &ExecutionHistoryModel::moreRequested);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(asked.size(), 0);
    model.setCanFetchMore(true);
    QVERIFY(model.canFetchMore({}));
    QVERIFY(!model.canFetchMore(model.index(0, 0)));
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(asked.size(), 1);
    QVERIFY(!model.canFetchMore({}));
}

void TestExecutionHistoryModel::stale_marksEveryRow()
{
    ExecutionHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExecutions(executions(1, 3));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setStale(true);
    QCOMPARE(changed.size(), 1);
    QVERIFY(model.index(2, 3).data(models::StaleRole).toBool());
    QVERIFY(model.index(2, 3).data(Qt::FontRole).value<QFont>().italic());
    // A refresh that succeeds clears it, though no row changed.
    QVERIFY(model.mergeFrom(*execution(3).dataStartTime, executions(3, 3)));
    QVERIFY(!model.isStale());
}

void TestExecutionHistoryModel::tabSeparated_isOneLinePerRow()
{
    ExecutionHistoryModel model;
    model.setExecutions({ execution(2, QStringLiteral("FAILED")), execution(1) });
    const QString expected
        = QStringLiteral("ScheduledStartTime\tDataStartTime\tDataEndTime\tStatus\tModelVersion\t"
                         "CustomerResultObject\tFailedReason\n"
                         "2024-03-04T19:00:00.000Z\t2024-03-04T18:55:00.000Z\t"
                         "2024-03-04T19:00:00.000Z\tFAILED\t3\t\t"
                         "Input file missing for sensor second line\n"
                         "2024-03-04T18:55:00.000Z\t2024-03-04T18:50:00.000Z\t"
                         "2024-03-04T18:55:00.000Z\tSUCCESS\t3\t"
                         "s3://bucket/out/2024-03-04T18:45:00Z/results.jsonl\t\n");
    QCOMPARE(model.tabSeparated(), expected);
    QCOMPARE(model.tabSeparated({ 1 }).count(QLatin1Char('\n')), 2);
}

void TestExecutionHistoryModel::cliJson_isWhatTheCliPrints()
{
    ExecutionHistoryModel model;
    model.setExecutions({ execution(2, QStringLiteral("FAILED")), execution(1) });
    QCOMPARE(model.cliJson(1),
        QString::fromUtf8(lookout::json::cliListInferenceExecutions({ execution(1) })));
    QVERIFY(model.cliJson(0).contains(QStringLiteral("\"FailedReason\"")));
    QCOMPARE(model.cliJson(2), QString());
}

QTEST_MAIN(TestExecutionHistoryModel)
#include "tst_executionhistorymodel.moc"
