#pragma once

#include "models/itemroles.h"
#include "results/events.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

// The events of a results series (results::findEvents: runs of anomalous predictions), one row
// each, in time order: start, end, duration, predictions, highest score and the sensors that
// contributed most on average. seriesChanged() finds the events again and tells the views only
// what changed: rows before the first changed event keep their selection.
//
// Roles (models/itemroles.h):
//   Qt::DisplayRole      local times with their zone, "1 h 25 min", "18", "0.985",
//                        "pump\Sensor3 49.6 %, …"; the highest score is empty without scores
//   Qt::ToolTipRole      times in UTC; every sensor's mean share
//   RawValueRole         QDateTime (UTC), QDateTime, qint64 microseconds, int, double, QStringList
//                        of the sensors by share; invalid when absent
//   AbsentRole           true for a highest score of an event without scores
//   SortRole             microseconds, the count, the score (absent below every score)
//   AccessibleTextRole   "Start: 2022-07-25 12:00:00 CEST"
//   Qt::TextAlignmentRole  numbers to the right
namespace models {

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        StartColumn,
        EndColumn,
        DurationColumn,
        PointsColumn,
        MaxScoreColumn,
        TopSensorsColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit EventTableModel(QObject *parent = nullptr);

    // Shows the events of `series` (null: none), found with `rules`. The series must stay alive
    // while shown; tell the model of every change with seriesChanged().
    void setSeries(const results::Series *series, const results::EventRules &rules = {});
    const results::Series *series() const { return m_series; }
    void seriesChanged();

    const std::vector<results::Event> &events() const { return m_events; }
    // The event of `row`; null for a row that is not one.
    const results::Event *eventAt(int row) const;
    // The row of the event that spans `microseconds` (from its start to its end), or -1.
    int rowAt(qint64 microseconds) const;
    // The sensors' mean shares over the event of `row` (empty for a row that is not one).
    results::Contributions contributions(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(int row, int column) const;
    QVariant rawData(int row, int column) const;
    const QString &topSensors(int row) const;

    const results::Series *m_series = nullptr;
    results::EventRules m_rules;
    std::vector<results::Event> m_events;
    mutable std::vector<std::optional<QString>> m_topSensors; // computed when first shown
};

} // namespace models
