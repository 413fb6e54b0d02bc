#pragma once

#include "models/schedulerfilterproxymodel.h"
#include "ui/dashboardtilesview.h"

#include <QWidget>

class QLabel;

namespace models {
class SchedulerListModel;
}

namespace ui {

class DashboardCounts;

// The wall screen: the fleet's counts on top, the time of the last good refresh in the corner,
// and one large tile per scheduler, ANOMALOUS and changing ones first (the urgency order of
// models::SchedulerFilterProxyModel). It refreshes with the window's refresh controller, since
// it shows the same model; stale tiles are hatched with the time of their data. Tiles take the
// keyboard focus (arrow keys move between them); Enter opens the scheduler in the fleet view.
class DashboardView : public QWidget {
    Q_OBJECT

public:
    explicit DashboardView(QWidget *parent = nullptr);

    // `model` must outlive the view.
    void setModel(models::SchedulerListModel *model);
    models::SchedulerFilterProxyModel *proxyModel() const { return m_proxy; }
    DashboardTilesView *tileView() const { return m_tiles; }
    DashboardCounts *counts() const { return m_counts; }

    // Why the last refresh failed (one line), shown in the corner while the data is stale; empty
    // when it did not.
    void setRefreshProblem(const QString &problem);
    QString freshnessText() const;

    // The scheduler names in tile order (tests, and the first tile to focus).
    QStringList tileNames() const;

signals:
    // Enter or a double click on a tile.
    void schedulerActivated(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateFreshness();
    void updateCounts();

    models::SchedulerListModel *m_model = nullptr;
    models::SchedulerFilterProxyModel *m_proxy;
    DashboardCounts *m_counts;
    QLabel *m_freshnessLabel;
    DashboardTilesView *m_tiles;
    QString m_problem;
};

} // namespace ui
