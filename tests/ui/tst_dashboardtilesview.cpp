// What the dashboard's tiles repaint when cells change: the tiles of the changed rows. A tile
// shows several columns of its row; QListView would lay out every tile again and repaint the
// whole viewport for a change spanning more than one cell.
#include "ui/dashboardtilesview.h"

#include <QAbstractTableModel>
#include <QHeaderView>
#include <QPaintEvent>
#include <QtTest>

namespace {

// A table whose cells never change value; touch() announces a change as the list model does.
class GridModel : public QAbstractTableModel {
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 1000;
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 6;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return QStringLiteral("r%1c%2").arg(index.row()).arg(index.column());
    }
    void touch(int firstRow, int lastRow, int firstColumn, int lastColumn)
    {
        emit dataChanged(index(firstRow, firstColumn), index(lastRow, lastColumn));
    }
};

// Collects the regions of the paint events a widget receives.
class PaintRecorder : public QObject {
public:
    explicit PaintRecorder(QWidget *widget) { widget->installEventFilter(this); }
    QList<QRegion> regions;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            regions.append(static_cast<QPaintEvent *>(event)->region());
        return false;
    }
};

// Runs the event loop until pending updates are painted.
void paintPending()
{
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::processEvents();
}

QRegion united(const QList<QRegion> &regions)
{
    QRegion all;
    for (const QRegion &region : regions)
        all += region;
    return all;
}

} // namespace

class TestDashboardTilesView : public QObject {
    Q_OBJECT
private slots:
    void changedTile_paintsThatTileOnly();
    void tilesOutOfSight_paintNothing();
};

namespace {

void showTiles(ui::DashboardTilesView &tiles, GridModel &model)
{
    tiles.setModel(&model);
    tiles.setGridSize(QSize(100, 60));
    tiles.resize(420, 300);
    tiles.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tiles));
    paintPending();
}

} // namespace

void TestDashboardTilesView::changedTile_paintsThatTileOnly()
{
    GridModel model;
    ui::DashboardTilesView tiles;
    showTiles(tiles, model);
    PaintRecorder recorder(tiles.viewport());
    // A change in columns the tile shows but the view does not (status and result of tile 1).
    model.touch(1, 1, 1, 2);
    paintPending();
    const QRegion painted = united(recorder.regions);
    QVERIFY(painted.contains(tiles.visualRect(model.index(1, 0)).center()));
    QVERIFY(!painted.contains(tiles.visualRect(model.index(0, 0)).center()));
    QVERIFY(!painted.contains(tiles.visualRect(model.index(2, 0)).center()));
    QVERIFY(!painted.contains(tiles.visualRect(model.index(5, 0)).center()));

    // Two adjacent rows, every column: their two tiles.
    recorder.regions.clear();
    model.touch(6, 7, 0, 5);
    paintPending();
    const QRegion two = united(recorder.regions);
    QVERIFY(two.contains(tiles.visualRect(model.index(6, 0)).center()));
    QVERIFY(two.contains(tiles.visualRect(model.index(7, 0)).center()));
    QVERIFY(!two.contains(tiles.visualRect(model.index(8, 0)).center()));
    QVERIFY(!two.contains(tiles.visualRect(model.index(1, 0)).center()));
}

void TestDashboardTilesView::tilesOutOfSight_paintNothing()
{
    GridModel model;
    ui::DashboardTilesView tiles;
    showTiles(tiles, model);
    PaintRecorder recorder(tiles.viewport());
    model.touch(900, 910, 0, 5);
    paintPending();
    QVERIFY2(recorder.regions.isEmpty(), "tiles far below the viewport were painted");
}

QTEST_MAIN(TestDashboardTilesView)
#include "tst_dashboardtilesview.moc"
