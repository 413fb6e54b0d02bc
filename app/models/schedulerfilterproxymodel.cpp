#include "schedulerfilterproxymodel.h"

#include "itemroles.h"
#include "schedulerlistmodel.h"

namespace models {

namespace {

bool accepts(const SchedulerFilterProxyModel::StatusFilter &filter, const QString &text, const QString &name,
             const QString &modelName, const QString &status, const QString &result)
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
    return text.isEmpty() || name.contains(text, Qt::CaseInsensitive) || modelName.contains(text, Qt::CaseInsensitive);
}

} // namespace

SchedulerFilterProxyModel::SchedulerFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
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
    m_fleet = qobject_cast<SchedulerListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
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
    const StatusFilter normalized = filter.field == StatusField::Any ? StatusFilter{} : filter;
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

bool SchedulerFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_fleet) {
        // Read in place, no copies: a keystroke tests every row.
        const lookout::InferenceSchedulerSummary &s = m_fleet->schedulerAt(sourceRow);
        static const QString absent;
        return accepts(m_statusFilter, m_text, s.inferenceSchedulerName ? *s.inferenceSchedulerName : absent,
                       s.modelName ? *s.modelName : absent, s.status ? *s.status : absent,
                       s.latestInferenceResult ? *s.latestInferenceResult : absent);
    }
    const QAbstractItemModel *source = sourceModel();
    return accepts(m_statusFilter, m_text,
                   source->index(sourceRow, SchedulerListModel::NameColumn).data(SchedulerNameRole).toString(),
                   source->index(sourceRow, SchedulerListModel::ModelColumn).data(RawValueRole).toString(),
                   source->index(sourceRow, SchedulerListModel::StatusColumn).data(BadgeValueRole).toString(),
                   source->index(sourceRow, SchedulerListModel::LatestResultColumn).data(BadgeValueRole).toString());
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
