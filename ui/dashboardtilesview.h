#pragma once

#include <QListView>

// The dashboard's wrapping grid of equally sized tiles. A change to a tile repaints that tile:
// QListView would lay out every tile again and repaint the whole viewport for each change, which
// at 10,000 schedulers and a refresh arriving in 20 pages cost most of the GUI thread's time.
// It never scrolls: the dashboard fits its tiles to the viewport (DashboardFit).
namespace ui {

class DashboardTilesView : public QListView {
    Q_OBJECT

public:
    explicit DashboardTilesView(QWidget *parent = nullptr);

    // The height the view asks for (a group's rows of tiles on the wall); -1: QListView's.
    void setHeightHint(int height);
    QSize sizeHint() const override;

signals:
    // The viewport's size changed: the tiles are fitted to it again.
    void areaChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;

private:
    int m_heightHint = -1;
};

} // namespace ui
