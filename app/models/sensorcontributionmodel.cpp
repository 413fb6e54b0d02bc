#include "models/sensorcontributionmodel.h"

#include "models/resultstext.h"

#include <QLocale>

namespace models {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::SensorContributionModel)
};

} // namespace

SensorContributionModel::SensorContributionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SensorContributionModel::showPrediction(const results::Series *series, qsizetype index)
{
    if (!series || index < 0 || index >= series->size()) {
        clear();
        return;
    }
    show(series, results::contributions(*series, index, index));
}

void SensorContributionModel::showEvent(const results::Series *series, const results::Event &event)
{
    if (!series) {
        clear();
        return;
    }
    show(series, results::contributions(*series, event));
}

void SensorContributionModel::show(
    const results::Series *series, results::Contributions contributions)
{
    beginResetModel();
    m_series = series;
    m_contributions = series ? std::move(contributions) : results::Contributions();
    endResetModel();
}

void SensorContributionModel::clear()
{
    show(nullptr, {});
}

int SensorContributionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_contributions.sensors.size());
}

int SensorContributionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SensorContributionModel::value(int row, int column) const
{
    const results::SensorShare &share = m_contributions.sensors[static_cast<size_t>(row)];
    switch (column) {
    case SensorColumn:
        return m_series->sensorName(share.sensor);
    case ComponentColumn:
        return results::componentOf(m_series->sensorName(share.sensor));
    case ShareColumn:
        return share.share;
    default:
        return {};
    }
}

QVariant SensorContributionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == ShareColumn)
            return shareText(value(row, column).toDouble());
        return value(row, column);
    case Qt::ToolTipRole:
        if (column == ShareColumn)
            return QLocale().toString(
                value(row, column).toDouble(), 'g', QLocale::FloatingPointShortest);
        return value(row, SensorColumn);
    case Qt::TextAlignmentRole:
        if (column == ShareColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
    case SortRole:
        return value(row, column);
    case AccessibleTextRole:
        return QString(value(row, SensorColumn).toString() + QStringLiteral(": ")
            + shareText(value(row, ShareColumn).toDouble()));
    default:
        return {};
    }
}

QVariant SensorContributionModel::headerData(
    int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool display = role == Qt::DisplayRole;
    switch (section) {
    case SensorColumn:
        return display ? Text::tr("Sensor") : Text::tr("Component and sensor");
    case ComponentColumn:
        return display ? Text::tr("Component") : Text::tr("The part before the backslash");
    case ShareColumn:
        return display ? Text::tr("Share") : Text::tr("The sensor's share of the anomaly");
    default:
        return {};
    }
}

} // namespace models
