#pragma once

#include "lookout/inferencescheduler.h"
#include "models/itemroles.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

// One scheduler's inference executions as the History tab shows them, newest first (the
// service's order): one row per InferenceExecutionSummary.
//
// Roles (models/itemroles.h):
//   Qt::DisplayRole      times in the model's time zone ("2024-03-04 19:50:00 CET"), the data
//                        window as "start – end" (the end's day left out when it is the
//                        start's), the status verbatim, the model version, the
//                        result object as s3://bucket/key, the failed reason's first line
//                        (cut at kFailedReasonCellChars; the view elides the rest)
//   Qt::ToolTipRole      times and the data window in UTC; the result object and the failed
//                        reason in full
//   BadgeValueRole       the status column: the value the badge paints (unknown ones verbatim)
//   CopyTextRole         what a copy puts on the clipboard: times in ISO 8601 UTC, the result
//                        object's URI, the failed reason in full
//   StaleRole            true while the rows are from before a failed refresh
//   AccessibleTextRole   "Status: FAILED", "Scheduled start: 2024-03-04 19:50:00 CET"
// A refresh (mergeFrom) changes rows in place, inserts the new ones and removes the ones that
// no longer match, so views keep selection and current index.
namespace models {

class ExecutionHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ScheduledStartColumn,
        DataWindowColumn,
        StatusColumn,
        ModelVersionColumn,
        ResultObjectColumn,
        FailedReasonColumn,
        ColumnCount
    };
    // FailedReason can hold 5,000 characters: the cell shows this many at most.
    static constexpr int kFailedReasonCellChars = 200;

    explicit ExecutionHistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // More pages are available and none is being fetched: views call fetchMore() as the user
    // scrolls toward the end, which emits moreRequested().
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The zone times are shown in (the system's by default); UTC is in the tooltips.
    void setTimeZone(const QTimeZone &zone);

    // Replaces every row.
    void setExecutions(const QList<lookout::InferenceExecutionSummary> &executions);
    // Adds an older page at the end; executions already shown are skipped.
    void appendPage(const QList<lookout::InferenceExecutionSummary> &page);
    // A refresh: `fresh` are all executions whose DataStartTime is at or after `from` (newest
    // first), and maybe some from before. Shown rows in that span are updated in place, removed
    // when absent from `fresh`; older ones in `fresh` update their rows; new ones are inserted
    // in order. Returns whether anything changed.
    bool mergeFrom(
        const lookout::Timestamp &from, const QList<lookout::InferenceExecutionSummary> &fresh);
    // Where a refresh must start so that it sees every execution newer than the newest shown and
    // every IN_PROGRESS one shown: the earliest of their DataStartTimes. nullopt without rows.
    std::optional<lookout::Timestamp> refreshFrom() const;

    void setCanFetchMore(bool canFetchMore);
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    const lookout::InferenceExecutionSummary &execution(int row) const { return m_rows.at(row); }
    const QList<lookout::InferenceExecutionSummary> &executions() const { return m_rows; }
    // `rows` (every row when empty) as tab-separated values with a header line: times in ISO 8601
    // UTC, tabs and line breaks inside a value written as spaces, lines ending in "\n".
    QString tabSeparated(const QList<int> &rows = {}) const;
    // What `aws lookoutequipment list-inference-executions` prints for this one execution.
    QString cliJson(int row) const;

signals:
    void moreRequested();

private:
    QString displayText(const lookout::InferenceExecutionSummary &execution, int column) const;
    QString tooltipText(const lookout::InferenceExecutionSummary &execution, int column) const;
    QString timeText(const std::optional<lookout::Timestamp> &time) const;

    QList<lookout::InferenceExecutionSummary> m_rows;
    QTimeZone m_zone;
    bool m_canFetchMore = false;
    bool m_stale = false;
};

// What identifies an execution among a scheduler's: its scheduled start and data window start.
struct ExecutionKey {
    qint64 scheduledStart = 0;
    qint64 dataStart = 0;
    static ExecutionKey of(const lookout::InferenceExecutionSummary &execution);
    friend auto operator<=>(const ExecutionKey &, const ExecutionKey &) = default;
};

// The result object as "s3://bucket/key"; empty when the execution has none.
QString resultObjectUri(const lookout::InferenceExecutionSummary &execution);

} // namespace models
