#include "models/schedulerfilterproxymodel.h"

#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"

namespace models {

namespace {

bool accepts(const SchedulerFilterProxyModel::StatusFilter &filter, const QString &text,
    const QString &name, const QString &modelName, const QString &status, const QString &result,
    bool connectionMatches = false)
{
    using StatusField = SchedulerFilterProxyModel::StatusField;
    switch (filter.field) {
    case StatusField::Any:
        break;
    case StatusField::Status:
        if (status != filter.value)
            return false;
        break;
    case StatusField::LatestResult:
        if (result != filter.value)
            return false;
        break;
    }
    return text.isEmpty() || connectionMatches || name.contains(text, Qt::CaseInsensitive)
        || modelName.contains(text, Qt::CaseInsensitive);
}

} // namespace

SchedulerFilterProxyModel::SchedulerFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    // Rows are re-sorted and re-filtered here (settle()), once per refresh cycle, not by Qt per
    // changed row; see the header.
    setDynamicSortFilter(false);
    // The first click on a header sorts; until then the service's order (by name) is kept.
    sort(-1);
}

void SchedulerFilterProxyModel::setOrder(Order order)
{
    if (order == m_order)
        return;
    m_order = order;
    invalidate();
}

void SchedulerFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    if (m_fleet)
        disconnect(m_fleet, nullptr, this, nullptr);
    forgetPendingWork();
    m_fleet = qobject_cast<SchedulerListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
    if (!m_fleet)
        return;
    connect(m_fleet, &SchedulerListModel::cycleStarted, this, [this] { m_inCycle = true; });
    connect(m_fleet, &SchedulerListModel::cycleFinished, this, [this] {
        // With several connections, once none is listing: their first cycles end together,
        // and one sort of the whole table costs far less than one per connection.
        m_inCycle = m_fleet->isCycleRunning();
        if (!m_inCycle)
            settle();
    });
    connect(m_fleet, &QAbstractItemModel::modelReset, this,
        &SchedulerFilterProxyModel::forgetPendingWork);
    connect(m_fleet, &QAbstractItemModel::dataChanged, this,
        &SchedulerFilterProxyModel::noteSourceChange);
    connect(m_fleet, &QAbstractItemModel::rowsInserted, this, [this] {
        // Qt places and filters inserted rows itself; a sort keeps ties in name order.
        m_orderStale = true;
        if (!m_inCycle)
            settle();
    });
}

void SchedulerFilterProxyModel::forgetPendingWork()
{
    // A new or reset source is sorted and filtered by Qt as a whole.
    m_inCycle = false;
    m_orderStale = false;
    m_filterStale = false;
}

void SchedulerFilterProxyModel::noteSourceChange(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    // The list model sends value changes without roles; changes with roles (highlight, staleness)
    // change how a row looks, never its place or whether it passes the filter.
    if (!roles.isEmpty())
        return;
    const auto covers
        = [&](int column) { return topLeft.column() <= column && column <= bottomRight.column(); };
    using Column = SchedulerListModel::Column;
    if (sortColumn() >= 0) {
        const bool moves = m_order == Order::ByUrgency
            ? covers(Column::StatusColumn) || covers(Column::LatestResultColumn)
                || covers(Column::NameColumn)
            : covers(sortColumn()) || covers(Column::NameColumn);
        m_orderStale = m_orderStale || moves;
    }
    if (isFiltering()) {
        m_filterStale = m_filterStale || covers(Column::NameColumn) || covers(Column::ModelColumn)
            || covers(Column::StatusColumn) || covers(Column::LatestResultColumn);
    }
    if (!m_inCycle)
        settle();
}

void SchedulerFilterProxyModel::setDeferred(bool deferred)
{
    m_deferred = deferred;
    if (!m_deferred && !m_inCycle)
        settle();
}

void SchedulerFilterProxyModel::settle()
{
    if (m_deferred)
        return;
    if (m_filterStale) {
        m_filterStale = false;
        m_orderStale = false;
        refilter(); // re-sorts as well
        return;
    }
    if (m_orderStale) {
        m_orderStale = false;
        if (sortColumn() >= 0)
            sort(sortColumn(), sortOrder());
    }
}

void SchedulerFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refilter();
}

void SchedulerFilterProxyModel::setStatusFilter(const StatusFilter &filter)
{
    const StatusFilter normalized = filter.field == StatusField::Any ? StatusFilter {} : filter;
    if (normalized == m_statusFilter)
        return;
    m_statusFilter = normalized;
    refilter();
}

bool SchedulerFilterProxyModel::isFiltering() const
{
    return !m_text.isEmpty() || m_statusFilter.field != StatusField::Any;
}

void SchedulerFilterProxyModel::refilter()
{
    // One layout change for the whole new row set. Qt's incremental filtering would announce
    // every run of hidden rows separately, which with thousands of scattered rows costs a view
    // far more than laying the table out once.
    invalidate();
}

bool SchedulerFilterProxyModel::filterAcceptsRow(
    int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_fleet) {
        // Read in place, no copies: a keystroke tests every row.
        const lookout::InferenceSchedulerSummary &s = m_fleet->schedulerAt(sourceRow);
        static const QString absent;
        return accepts(m_statusFilter, m_text,
            s.inferenceSchedulerName ? *s.inferenceSchedulerName : absent,
            s.modelName ? *s.modelName : absent, s.status ? *s.status : absent,
            s.latestInferenceResult ? *s.latestInferenceResult : absent,
            !m_text.isEmpty() && m_fleet->connectionMatches(sourceRow, m_text));
    }
    const QAbstractItemModel *source = sourceModel();
    return accepts(m_statusFilter, m_text,
        source->index(sourceRow, SchedulerListModel::NameColumn).data(SchedulerNameRole).toString(),
        source->index(sourceRow, SchedulerListModel::ModelColumn).data(RawValueRole).toString(),
        source->index(sourceRow, SchedulerListModel::StatusColumn).data(BadgeValueRole).toString(),
        source->index(sourceRow, SchedulerListModel::LatestResultColumn)
            .data(BadgeValueRole)
            .toString());
}

bool SchedulerFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_fleet && left.model() == m_fleet && right.model() == m_fleet) {
        if (m_order == Order::ByUrgency)
            return m_fleet->compareUrgency(left.row(), right.row()) < 0;
        if (sortRole() == SortRole)
            return m_fleet->compareRows(left.row(), right.row(), left.column()) < 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace models
