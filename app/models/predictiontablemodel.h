#pragma once

#include "models/itemroles.h"
#include "results/series.h"

#include <QAbstractTableModel>

// The predictions of a results series, one row each, in time order: time, prediction, reason,
// anomaly score and the sensors that contributed most. The series is the range loader's; the
// model reads it in place and is told when it changed (seriesChanged()), so a year of 105,120
// predictions costs no copy and a partial load shows as it arrives.
//
// Roles (models/itemroles.h):
//   Qt::DisplayRole      local time with its zone, "1"/"0", the reason as the service spells it,
//                        "0.974", "pump\Sensor3 49.6 %, …"; empty when absent
//   Qt::ToolTipRole      the time in UTC; the score in full; every sensor's share
//   RawValueRole         QDateTime (UTC), int, QString, double, QStringList of the top sensors;
//                        invalid when absent
//   AbsentRole           true when the member is absent
//   SortRole             microseconds since the epoch, the prediction, the reason, the score
//                        (absent below every score), the largest share
//   AccessibleTextRole   "Anomaly score: 0.974", "Anomaly score: not set"
//   Qt::TextAlignmentRole  numbers to the right
namespace models {

class PredictionTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        PredictionColumn,
        ReasonColumn,
        ScoreColumn,
        TopSensorsColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit PredictionTableModel(QObject *parent = nullptr);

    // Shows `series` (null: nothing). It must stay alive while shown; tell the model of every
    // change to it with seriesChanged().
    void setSeries(const results::Series *series);
    const results::Series *series() const { return m_series; }
    // The series changed from index firstChanged on (results::RangeLoader::seriesChanged):
    // predictions only added at the end are inserted rows; anything else resets the model.
    void seriesChanged(qsizetype firstChanged);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The row of the prediction closest to `microseconds` (-1 when there is none), for a chart
    // that selects a time.
    int rowNearest(qint64 microseconds) const;

private:
    QVariant displayData(const results::Prediction &prediction, int column) const;
    QVariant rawData(int row, int column) const;
    bool isAbsent(const results::Prediction &prediction, int column) const;

    const results::Series *m_series = nullptr;
    int m_rows = 0; // what the views were told
};

} // namespace models
