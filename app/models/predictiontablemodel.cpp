#include "models/predictiontablemodel.h"

#include "models/resultstext.h"
#include "models/timetext.h"
#include "results/resultstime.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace models {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::PredictionTableModel)
};

int rowsOf(const results::Series *series)
{
    return series
        ? static_cast<int>(std::min<qsizetype>(series->size(), std::numeric_limits<int>::max()))
        : 0;
}

} // namespace

PredictionTableModel::PredictionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PredictionTableModel::setSeries(const results::Series *series)
{
    beginResetModel();
    m_series = series;
    m_rows = rowsOf(series);
    endResetModel();
}

void PredictionTableModel::seriesChanged(qsizetype firstChanged)
{
    const int rows = rowsOf(m_series);
    if (firstChanged >= m_rows && rows > m_rows) {
        beginInsertRows(QModelIndex(), m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (firstChanged < m_rows || rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
}

int PredictionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PredictionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool PredictionTableModel::isAbsent(const results::Prediction &p, int column) const
{
    using results::Prediction;
    switch (column) {
    case PredictionColumn:
        return !p.has(Prediction::HasPrediction);
    case ReasonColumn:
        return p.reason == results::Reason::Absent;
    case ScoreColumn:
        return !p.has(Prediction::HasScore);
    case TopSensorsColumn:
        return !p.has(Prediction::HasDiagnostics);
    default:
        return false;
    }
}

QVariant PredictionTableModel::displayData(const results::Prediction &p, int column) const
{
    if (isAbsent(p, column))
        return QString();
    switch (column) {
    case TimeColumn:
        return localDateTimeText(results::toDateTime(p.time));
    case PredictionColumn:
        return QString::number(p.prediction);
    case ReasonColumn:
        return m_series->reasonText(p);
    case ScoreColumn:
        return scoreText(p.score);
    case TopSensorsColumn:
        return topSensorsText(*m_series, m_series->diagnostics(p));
    default:
        return {};
    }
}

QVariant PredictionTableModel::rawData(int row, int column) const
{
    const results::Prediction &p = m_series->at(row);
    if (isAbsent(p, column))
        return {};
    switch (column) {
    case TimeColumn:
        return results::toDateTime(p.time);
    case PredictionColumn:
        return p.prediction;
    case ReasonColumn:
        return m_series->reasonText(p);
    case ScoreColumn:
        return p.score;
    case TopSensorsColumn: {
        const results::Contributions shares = results::contributions(*m_series, row, row);
        QStringList names;
        for (const results::SensorShare &share : shares.sensors)
            names.append(m_series->sensorName(share.sensor));
        return names;
    }
    default:
        return {};
    }
}

QVariant PredictionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.row() >= rowsOf(m_series))
        return {};
    const results::Prediction &p = m_series->at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(p, column);
    case Qt::ToolTipRole:
        if (column == TimeColumn)
            return utcDateTimeText(results::toDateTime(p.time));
        if (column == ScoreColumn && !isAbsent(p, column))
            return QLocale().toString(p.score, 'g', QLocale::FloatingPointShortest);
        if (column == TopSensorsColumn && !isAbsent(p, column))
            return topSensorsText(
                *m_series, m_series->diagnostics(p), std::numeric_limits<int>::max())
                .replace(QLatin1String(", "), QLatin1String("\n"));
        return {};
    case Qt::TextAlignmentRole:
        if (column == ScoreColumn || column == PredictionColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawData(index.row(), column);
    case AbsentRole:
        return isAbsent(p, column);
    case SortRole:
        switch (column) {
        case TimeColumn:
            return p.time;
        case PredictionColumn:
            return isAbsent(p, column) ? QVariant(std::numeric_limits<int>::min())
                                       : QVariant(p.prediction);
        case ReasonColumn:
            return m_series->reasonText(p);
        case ScoreColumn:
            return isAbsent(p, column) ? -std::numeric_limits<double>::infinity() : p.score;
        case TopSensorsColumn: {
            float largest = 0;
            for (const results::Diagnostic &diagnostic : m_series->diagnostics(p))
                largest = std::max(largest, diagnostic.share);
            return static_cast<double>(largest);
        }
        default:
            return {};
        }
    case AccessibleTextRole:
        return QString(headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()
            + QStringLiteral(": ")
            + (isAbsent(p, column) ? Text::tr("not set") : displayData(p, column).toString()));
    default:
        return {};
    }
}

QVariant PredictionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool display = role == Qt::DisplayRole;
    switch (section) {
    case TimeColumn:
        return display ? Text::tr("Time") : Text::tr("The time of the data the prediction is for");
    case PredictionColumn:
        return display ? Text::tr("Prediction") : Text::tr("1: an anomaly, 0: none");
    case ReasonColumn:
        return display ? Text::tr("Reason") : Text::tr("Why the scheduler predicted it");
    case ScoreColumn:
        return display ? Text::tr("Anomaly score")
                       : Text::tr("How anomalous the data looked, from 0 to 1");
    case TopSensorsColumn:
        return display ? Text::tr("Top sensors")
                       : Text::tr("The sensors with the largest share of the anomaly");
    default:
        return {};
    }
}

int PredictionTableModel::rowNearest(qint64 microseconds) const
{
    if (!m_series || m_rows == 0)
        return -1;
    return static_cast<int>(std::min<qsizetype>(m_series->nearest(microseconds), m_rows - 1));
}

} // namespace models
