#pragma once

#include <QListView>

// The dashboard's wrapping grid of equally sized tiles. A change to a tile repaints that tile:
// QListView would lay out every tile again and repaint the whole viewport for each change, which
// at 10,000 schedulers and a refresh arriving in 20 pages cost most of the GUI thread's time.
namespace ui {

class DashboardTilesView : public QListView {
    Q_OBJECT

public:
    explicit DashboardTilesView(QWidget *parent = nullptr);

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;
};

} // namespace ui
