#pragma once

#include "core/blockvector.h"
#include "core/clock.h"
#include "lookout/inferencescheduler.h"
#include "models/fleetsummary.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

// The fleet table: one row per inference scheduler, filled from ListInferenceSchedulers pages.
//
// A refresh is a cycle: beginCycle(), applyPage() for each page as it arrives, finishCycle().
// Every page is merged in place, keyed by the scheduler ARN (the name when a summary has no ARN):
// an unchanged row emits nothing, a changed cell emits dataChanged for that cell only, a new
// scheduler is appended with rowsInserted. A summary whose texts share storage with its row's
// (see SummaryReuser) is known unchanged without reading them. Rows a completed cycle did not
// deliver are removed then, and only then: after a failed cycle they stay, marked stale
// (StaleRole), with the time of their last good data. A row whose status or latest result changed
// is RecentlyChangedRole (and tinted through Qt::BackgroundRole) for kHighlightDuration.
//
// Rows come from one or more connections (sources 0, 1, …; setConnectionCount()), each with its
// own cycles: a row's identity is its connection and ARN, so the same name in two accounts is two
// rows, and a failed cycle of one connection makes only that connection's rows stale. The Account,
// Region and Profile columns and ConnectionGroupRole name a row's connection;
// ConnectionProblemRole says why it is failing (setConnectionProblem()).
//
// Roles: Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole, Qt::FontRole (italic when stale),
// Qt::TextAlignmentRole, Qt::AccessibleTextRole and models::RawValueRole, CopyTextRole,
// AbsentRole, BadgeValueRole, StaleRole, RecentlyChangedRole, SchedulerNameRole,
// SchedulerArnRole, ModelArnRole, SortRole, AccessibleTextRole, ConnectionGroupRole,
// ConnectionProblemRole, ConnectionIndexRole. Time is read from an injected
// clock; expireHighlights() is driven by a QTimer and may be called directly by tests after moving
// their clock.
namespace models {

// A scheduler whose Status or LatestInferenceResult differs from the previous refresh.
struct StatusChange {
    QString name;
    QString arn;
    QString oldStatus;
    QString newStatus;
    QString oldResult;
    QString newResult;
    // "123456789012 · eu-west-1" while several connections are open; empty with one.
    QString group;
    friend bool operator==(const StatusChange &, const StatusChange &) = default;
};

class SchedulerListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StatusColumn,
        LatestResultColumn,
        ModelColumn,
        UploadFrequencyColumn,
        DelayColumn,
        AccountColumn, // the 12 digits of the scheduler ARN
        RegionColumn, // the row's connection's region
        ProfileColumn, // the row's connection's profile
        ColumnCount,
    };
    Q_ENUM(Column)

    static constexpr std::chrono::milliseconds kHighlightDuration { 6000 };

    explicit SchedulerListModel(QObject *parent = nullptr);
    explicit SchedulerListModel(
        std::shared_ptr<const core::Clock> clock, QObject *parent = nullptr);
    ~SchedulerListModel() override;

    // Checks the bounds itself: sorting 10,000 rows asks for two indexes per comparison, and the
    // base class checks each through three virtual calls.
    QModelIndex index(
        int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The connections rows come from: sources 0 to count - 1 (at least one). Rows of sources
    // beyond the new count are removed.
    void setConnectionCount(int count);
    int connectionCount() const { return static_cast<int>(m_sources.size()); }
    // What the Region and Profile columns and ConnectionGroupRole say for `source`'s rows.
    void setConnectionInfo(int source, const QString &profile, const QString &region);
    QString connectionProfile(int source) const;
    QString connectionRegion(int source) const;
    // What rows of several connections shown together are grouped under (the wall's headers,
    // notifications, ConnectionGroupRole): "123456789012 · eu-west-1", as the Account and Region
    // columns say it. The profile stands in for the account until a listing names it, and is
    // added, "(profile plant-b)", where two connections share account and region. Empty with one
    // connection.
    QString connectionName(int source) const;
    // When `source`'s last cycle completed (UTC); invalid before its first.
    QDateTime connectionLastCompleteRefresh(int source) const;
    // One line on why `source`'s connection is stale or failing; empty when it is well.
    void setConnectionProblem(int source, const QString &problem);
    QString connectionProblem(int source) const;

    // Starts a refresh cycle of `source`. A cycle of it still running is abandoned as failed
    // first.
    void beginCycle(int source = 0);
    // Merges one page of `source`'s running cycle (a page outside a cycle is merged too,
    // removing nothing).
    void applyPage(const QList<lookout::InferenceSchedulerSummary> &page, int source = 0);
    enum class CycleEnd { Complete, Incomplete };
    // Ends `source`'s cycle. Complete: every page arrived, so its rows the cycle did not deliver
    // are gone from the fleet and are removed. Incomplete: nothing is removed and its rows not
    // delivered since the cycle began become stale.
    void finishCycle(CycleEnd end, int source = 0);
    // Drops every row at once (another profile, region or endpoint).
    void clear();
    // Drops the rows of one connection (it was replaced); its cycle and staleness are forgotten.
    void clearConnection(int source);
    // Shows the status an action of the user's own answered with (StartInferenceScheduler's
    // PENDING) before the next listing confirms it: the cell and the counts change, and no
    // StatusChange is reported (the user needs no notification of what they just did). False when
    // `source` has no row with that name.
    bool setStatus(const QString &name, const QString &status, int source = 0);

    // A cycle of some connection is running.
    bool isCycleRunning() const;
    // The last cycle of some connection failed: rows it did not deliver are stale.
    bool isStale() const;
    bool isConnectionStale(int source) const;
    // When the table was last wholly refreshed (UTC): the oldest of the connections' last
    // complete cycles; invalid before each has had one.
    QDateTime lastCompleteRefresh() const;
    // When the row's data last arrived (UTC).
    QDateTime lastGoodDataAt(int row) const;
    bool isRowStale(int row) const;
    bool isRowRecentlyChanged(int row) const;

    const FleetSummary &summary() const { return m_summary; }
    const lookout::InferenceSchedulerSummary &schedulerAt(int row) const
    {
        return m_rows[std::size_t(row)].summary;
    }
    QString nameAt(int row) const;
    // The connection the row came from.
    int sourceAt(int row) const;
    // The row of `source`'s scheduler with this name, or -1.
    int rowOfName(const QString &name, int source = 0) const;
    // "123456789012 · eu-west-1" for the row, while several connections are open; else empty.
    QString groupAt(int row) const;
    // While several connections are open: whether the row's account, region or profile contains
    // `text` (case-insensitively), for the filter box. Always false with one connection.
    bool connectionMatches(int row, const QString &text) const;

    // Typed ordering for the proxies (no QVariant per comparison): < 0, 0, > 0 as the left row
    // sorts before, with, or after the right one by `column`'s SortRole; ties go by name.
    int compareRows(int left, int right, int column) const;
    // The tile order of the dashboard: the more urgent of status and latest result first
    // (statusSeverity), then running schedulers, then the name.
    int compareUrgency(int left, int right) const;
    // The more urgent of the row's status and latest result severities.
    int urgency(int row) const;

    void setClock(std::shared_ptr<const core::Clock> clock);
    const std::shared_ptr<const core::Clock> &clock() const { return m_clock; }

public slots:
    // Ends the highlight of rows whose kHighlightDuration has passed (dataChanged for them).
    void expireHighlights();

signals:
    // The counts changed (rows added, removed, or a status or result changed): once when a
    // refresh cycle ends, whatever its pages changed; at once outside a cycle.
    void summaryChanged();
    // The model's staleness or last complete refresh changed.
    void freshnessChanged();
    // Statuses and latest results that changed within one page (not on first sight).
    void statusesChanged(const QList<models::StatusChange> &changes);
    // A cycle of connection `source` began; its pages follow, then cycleFinished().
    void cycleStarted(int source);
    // A cycle of connection `source` ended.
    void cycleFinished(bool complete, int source);

private:
    struct Row {
        lookout::InferenceSchedulerSummary summary;
        QString key;
        QString account; // the ARN's account field
        int source = 0; // the connection it came from
        qint64 cycle = 0; // the last cycle that delivered this row
        qint64 receivedAt = 0; // ms since the epoch, when its data last arrived
        qint64 changedAt = -1; // ms since the epoch of the last status change; -1: none
        // Derived from the summary when it arrives (deriveSortKeys()), so that sorting 10,000
        // rows compares integers instead of status texts.
        QString foldedName; // the name case-folded: names compare case-insensitively
        qint64 uploadSeconds = -1;
        int statusSeverity = 0;
        int resultSeverity = 0;
        bool running = false;
        bool normal = false; // the latest result is NORMAL
    };
    static void deriveSortKeys(Row &row);

    // What a column sorts rows by; the one definition behind SortRole (Qt's proxy compares it as
    // a QVariant) and compareRows() (the fleet's proxy compares it typed). Ties go by name.
    struct SortKey {
        enum class Kind {
            None, // the column has no order of its own: by name
            Name, // the scheduler name: by its place in name order
            Text, // case-insensitively, then exactly
            Number,
        };
        Kind kind = Kind::None;
        const QString *text = nullptr; // Name and Text; never null for them
        qint64 number = 0; // Number
    };
    SortKey sortKey(const Row &row, int column) const;

    static int changedColumns(const lookout::InferenceSchedulerSummary &before,
        const lookout::InferenceSchedulerSummary &after);
    QVariant displayData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;
    QVariant rawData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    QString accessibleText(const Row &row, int column) const;
    qint64 nowMs() const;
    void emitCellChanges(int row, int columnMask);
    void emitRowRangesChanged(const QList<int> &rows, const QList<int> &roles);
    void removeRowsNotIn(qint64 cycle, int source);
    void removeRowsWhere(const std::function<bool(const Row &)> &gone);
    void rebuildIndex();
    void scheduleHighlightExpiry();
    bool rowIsStale(const Row &row) const;
    QString nameKey(const QString &name, int source) const;
    void emitSourceRowsChanged(int source, const QList<int> &roles);

    // One connection's part of the table.
    struct Source {
        QString profile;
        QString region;
        QString account; // of its rows (one per connection), as the newest one listed says
        QString problem;
        qint64 cycle = 0; // its cycle running or last run
        bool cycleRunning = false;
        std::size_t nextRowHint = 0; // the row its next listed summary most likely belongs to
        qint64 failedCycle = -1; // its last cycle, when it failed; -1 after a complete one
        qint64 lastCompleteAt = -1;
    };
    std::vector<Source> m_sources { Source {} };

    std::shared_ptr<const core::Clock> m_clock;
    // In blocks, so that appending a page never moves the rows already in: a vector's regrowth
    // moves them all, 10-20 ms of the GUI thread at 8,000 rows.
    core::BlockVector<Row> m_rows;
    // Each row's place in name order, so that a sort compares integers; rebuilt on first use
    // after rows come, go or are renamed (a sort of 10,000 rows would otherwise compare names
    // case-insensitively some 100,000 times).
    // Orders two rows by name: by rank while the ranks are current or can be made so at once;
    // while a cycle brings rows, by the names themselves, since inserting a page into a sorted
    // view compares a few rows only and ranking every row again per page would cost far more.
    int compareNames(int left, int right) const;
    // Case-insensitively, then exactly (as compareText() orders texts), on the folded names.
    static int compareNamesOf(const Row &left, const Row &right);
    void rankNames() const;
    void forgetNameRanks() { m_nameRanks.clear(); }
    mutable std::vector<int> m_nameRanks;
    QHash<QString, int> m_rowByKey;
    QHash<QString, int> m_rowByName;
    FleetSummary m_summary;
    qint64 m_cycle = 0; // the last cycle number given to any connection
    bool m_summaryPending = false; // the counts changed during a cycle running
    // Every highlight started, oldest first. A row highlighted again gets a second entry rather
    // than its first moved (a search and a shift of thousands of keys per change); an entry
    // whose start no longer matches its row's is dropped when it comes up.
    struct HighlightStart {
        QString key;
        qint64 at = -1;
    };
    std::deque<HighlightStart> m_highlights;
    QTimer m_highlightTimer;
};

} // namespace models

Q_DECLARE_METATYPE(models::StatusChange)
