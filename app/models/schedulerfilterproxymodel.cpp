#include "schedulerfilterproxymodel.h"

#include "itemroles.h"
#include "schedulerlistmodel.h"

namespace models {

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
    QString name;
    QString modelName;
    QString status;
    QString result;
    if (m_fleet) {
        const lookout::InferenceSchedulerSummary &s = m_fleet->schedulerAt(sourceRow);
        name = s.inferenceSchedulerName.value_or(QString());
        modelName = s.modelName.value_or(QString());
        status = s.status.value_or(QString());
        result = s.latestInferenceResult.value_or(QString());
    } else {
        const QAbstractItemModel *source = sourceModel();
        name = source->index(sourceRow, SchedulerListModel::NameColumn).data(SchedulerNameRole).toString();
        modelName = source->index(sourceRow, SchedulerListModel::ModelColumn).data(RawValueRole).toString();
        status = source->index(sourceRow, SchedulerListModel::StatusColumn).data(BadgeValueRole).toString();
        result = source->index(sourceRow, SchedulerListModel::LatestResultColumn).data(BadgeValueRole).toString();
    }
    switch (m_statusFilter.field) {
    case StatusField::Any:
        break;
    case StatusField::Status:
        if (status != m_statusFilter.value)
            return false;
        break;
    case StatusField::LatestResult:
        if (result != m_statusFilter.value)
            return false;
        break;
    }
    return m_text.isEmpty() || name.contains(m_text, Qt::CaseInsensitive)
        || modelName.contains(m_text, Qt::CaseInsensitive);
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
