#pragma once

#include <QSortFilterProxyModel>
#include <QString>

// What the fleet table shows of a SchedulerListModel: the rows whose name or model name contains
// the filter text (case-insensitive), optionally only one status or one latest result, sorted by
// models::SortRole (severity for the status columns, seconds and minutes for the durations,
// names otherwise; ties by name).
//
// Rows follow the source as it refreshes: a row whose status changes leaves or joins the filtered
// view and moves to its sorted place. With a SchedulerListModel as source, comparisons are
// typed (no QVariant per comparison), which keeps sorting 10,000 rows within a frame.
//
// While the source runs a refresh cycle, rows keep their places and take their new sorted places
// (and filter verdicts) once, when the cycle ends; outside a cycle, at once. Cells show new values
// at once either way. Qt's dynamic sorting would move each changed row on its own, at a cost
// that grows with the row count (500 changed rows out of 10,000: 30 ms of GUI-thread time), and
// also for changes that cannot move a row (a highlight, a status while sorted by name).
namespace models {

class SchedulerListModel;

class SchedulerFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    // Which member the status filter looks at.
    enum class StatusField { Any, Status, LatestResult };
    Q_ENUM(StatusField)

    struct StatusFilter {
        StatusField field = StatusField::Any;
        QString value; // the service's value ("RUNNING", "ANOMALOUS")
        friend bool operator==(const StatusFilter &, const StatusFilter &) = default;
    };

    // How sort() orders rows.
    enum class Order {
        ByColumn, // the sorted column's SortRole (the fleet table)
        ByUrgency, // the more urgent of status and latest result first, then running ones, then
                   // name (the dashboard's tile order; the sort column is ignored)
    };
    Q_ENUM(Order)

    explicit SchedulerFilterProxyModel(QObject *parent = nullptr);

    void setOrder(Order order);
    Order order() const { return m_order; }

    // Text to look for in scheduler and model names; surrounding spaces are ignored.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setStatusFilter(const StatusFilter &filter);
    StatusFilter statusFilter() const { return m_statusFilter; }
    // Whether a filter hides anything at all.
    bool isFiltering() const;

    void setSourceModel(QAbstractItemModel *model) override;

    // While nobody looks (a hidden dashboard), re-sorting and re-filtering wait until shown again.
    void setDeferred(bool deferred);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    void forgetPendingWork();
    void noteSourceChange(
        const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    // Sorts or re-filters when a change since the last time calls for it.
    void settle();

    bool m_inCycle = false; // between the source's cycleStarted() and cycleFinished()
    bool m_deferred = false; // see setDeferred()
    bool m_orderStale = false; // a change may have moved a row
    bool m_filterStale = false; // a change may have changed a row's filter verdict
    SchedulerListModel *m_fleet = nullptr;
    Order m_order = Order::ByColumn;
    QString m_text;
    StatusFilter m_statusFilter;
};

} // namespace models
