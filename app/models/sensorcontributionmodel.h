#pragma once

#include "models/itemroles.h"
#include "results/events.h"

#include <QAbstractTableModel>

// How much each sensor contributed to one prediction (its diagnostics) or to an event (the mean
// over its predictions), largest first: sensor, component and share. Empty until something is
// shown.
//
// Roles (models/itemroles.h):
//   Qt::DisplayRole      "pump\Sensor3", "pump", "49.6 %"
//   Qt::ToolTipRole      the share in full ("0.49567777777777776")
//   RawValueRole         the name, the component, the share as a double
//   SortRole             the name, the component, the share
//   AccessibleTextRole   "pump\Sensor3: 49.6 %"
//   Qt::TextAlignmentRole  shares to the right
namespace models {

class SensorContributionModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { SensorColumn, ComponentColumn, ShareColumn, ColumnCount };
    Q_ENUM(Column)

    explicit SensorContributionModel(QObject *parent = nullptr);

    // The shares of the prediction at `index` of `series`, or of an event's predictions; the
    // series must stay alive while shown. clear() shows nothing.
    void showPrediction(const results::Series *series, qsizetype index);
    void showEvent(const results::Series *series, const results::Event &event);
    void show(const results::Series *series, results::Contributions contributions);
    void clear();

    const results::Contributions &contributions() const { return m_contributions; }
    // The series of what is shown; null when nothing is.
    const results::Series *series() const { return m_series; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(int row, int column) const;

    const results::Series *m_series = nullptr;
    results::Contributions m_contributions;
};

} // namespace models
