#include "models/eventtablemodel.h"

#include "models/resultstext.h"
#include "models/timetext.h"
#include "results/resultstime.h"

#include <algorithm>
#include <limits>

namespace models {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::EventTableModel)
};

bool sameEvent(const results::Event &a, const results::Event &b)
{
    return a.first == b.first && a.last == b.last && a.start == b.start && a.end == b.end
        && a.points == b.points && a.maxScore == b.maxScore;
}

} // namespace

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EventTableModel::setSeries(const results::Series *series, const results::EventRules &rules)
{
    beginResetModel();
    m_series = series;
    m_rules = rules;
    m_events = series ? results::findEvents(*series, rules) : std::vector<results::Event>();
    m_topSensors.assign(m_events.size(), std::nullopt);
    endResetModel();
}

void EventTableModel::seriesChanged()
{
    std::vector<results::Event> found
        = m_series ? results::findEvents(*m_series, m_rules) : std::vector<results::Event>();
    // Unchanged rows first; the rest are changed, then inserted or removed at the end.
    size_t same = 0;
    while (same < found.size() && same < m_events.size() && sameEvent(found[same], m_events[same]))
        ++same;
    const size_t common = std::min(found.size(), m_events.size());
    if (found.size() < m_events.size()) {
        beginRemoveRows(
            QModelIndex(), static_cast<int>(found.size()), static_cast<int>(m_events.size()) - 1);
        m_events.resize(found.size());
        m_topSensors.resize(found.size());
        endRemoveRows();
    }
    for (size_t i = same; i < common; ++i) {
        m_events[i] = found[i];
        m_topSensors[i].reset();
    }
    if (same < common)
        emit dataChanged(
            index(static_cast<int>(same), 0), index(static_cast<int>(common) - 1, ColumnCount - 1));
    if (found.size() > m_events.size()) {
        beginInsertRows(
            QModelIndex(), static_cast<int>(m_events.size()), static_cast<int>(found.size()) - 1);
        m_events = std::move(found);
        m_topSensors.resize(m_events.size());
        endInsertRows();
    }
}

const results::Event *EventTableModel::eventAt(int row) const
{
    return row >= 0 && static_cast<size_t>(row) < m_events.size()
        ? &m_events[static_cast<size_t>(row)]
        : nullptr;
}

int EventTableModel::rowAt(qint64 microseconds) const
{
    const auto after = std::upper_bound(m_events.begin(), m_events.end(), microseconds,
        [](qint64 time, const results::Event &event) { return time < event.start; });
    if (after == m_events.begin())
        return -1;
    const auto candidate = after - 1;
    return microseconds <= candidate->end ? static_cast<int>(candidate - m_events.begin()) : -1;
}

results::Contributions EventTableModel::contributions(int row) const
{
    const results::Event *found = eventAt(row);
    if (!found || !m_series)
        return {};
    return results::contributions(*m_series, *found);
}

const QString &EventTableModel::topSensors(int row) const
{
    std::optional<QString> &cached = m_topSensors[static_cast<size_t>(row)];
    if (!cached)
        cached = topSensorsText(*m_series, contributions(row));
    return *cached;
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::displayData(int row, int column) const
{
    const results::Event &e = m_events[static_cast<size_t>(row)];
    switch (column) {
    case StartColumn:
        return localDateTimeText(results::toDateTime(e.start));
    case EndColumn:
        return localDateTimeText(results::toDateTime(e.end));
    case DurationColumn:
        return eventDurationText(e.end - e.start);
    case PointsColumn:
        return QString::number(e.points);
    case MaxScoreColumn:
        return e.maxScore ? scoreText(*e.maxScore) : QString();
    case TopSensorsColumn:
        return topSensors(row);
    default:
        return {};
    }
}

QVariant EventTableModel::rawData(int row, int column) const
{
    const results::Event &e = m_events[static_cast<size_t>(row)];
    switch (column) {
    case StartColumn:
        return results::toDateTime(e.start);
    case EndColumn:
        return results::toDateTime(e.end);
    case DurationColumn:
        return e.end - e.start;
    case PointsColumn:
        return static_cast<int>(e.points);
    case MaxScoreColumn:
        return e.maxScore ? QVariant(*e.maxScore) : QVariant();
    case TopSensorsColumn: {
        QStringList names;
        for (const results::SensorShare &share : contributions(row).sensors)
            names.append(m_series->sensorName(share.sensor));
        return names;
    }
    default:
        return {};
    }
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_series)
        return {};
    const int row = index.row();
    const int column = index.column();
    const results::Event &e = m_events[static_cast<size_t>(row)];
    const bool absent = column == MaxScoreColumn && !e.maxScore;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        if (column == StartColumn)
            return utcDateTimeText(results::toDateTime(e.start));
        if (column == EndColumn)
            return utcDateTimeText(results::toDateTime(e.end));
        if (column == TopSensorsColumn)
            return topSensorsText(*m_series, contributions(row), std::numeric_limits<int>::max())
                .replace(QLatin1String(", "), QLatin1String("\n"));
        return {};
    case Qt::TextAlignmentRole:
        if (column == DurationColumn || column == PointsColumn || column == MaxScoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawData(row, column);
    case AbsentRole:
        return absent;
    case SortRole:
        switch (column) {
        case StartColumn:
            return e.start;
        case EndColumn:
            return e.end;
        case DurationColumn:
            return e.end - e.start;
        case PointsColumn:
            return static_cast<qint64>(e.points);
        case MaxScoreColumn:
            return e.maxScore ? *e.maxScore : -std::numeric_limits<double>::infinity();
        case TopSensorsColumn:
            return topSensors(row);
        default:
            return {};
        }
    case AccessibleTextRole:
        return QString(headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()
            + QStringLiteral(": ")
            + (absent ? Text::tr("not set") : displayData(row, column).toString()));
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool display = role == Qt::DisplayRole;
    switch (section) {
    case StartColumn:
        return display ? Text::tr("Start") : Text::tr("The first anomalous prediction");
    case EndColumn:
        return display ? Text::tr("End") : Text::tr("The last anomalous prediction");
    case DurationColumn:
        return display ? Text::tr("Duration") : Text::tr("From the first to the last prediction");
    case PointsColumn:
        return display ? Text::tr("Predictions") : Text::tr("Anomalous predictions in the event");
    case MaxScoreColumn:
        return display ? Text::tr("Highest score") : Text::tr("The highest anomaly score");
    case TopSensorsColumn:
        return display ? Text::tr("Top sensors")
                       : Text::tr("The sensors with the largest mean share of the anomaly");
    default:
        return {};
    }
}

} // namespace models
