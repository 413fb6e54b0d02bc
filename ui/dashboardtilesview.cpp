#include "ui/dashboardtilesview.h"

namespace ui {

namespace {
// Beyond this many changed rows in one signal, one viewport repaint is cheaper than the rects.
constexpr int kMaxRowsRepaintedOneByOne = 64;
} // namespace

DashboardTilesView::DashboardTilesView(QWidget *parent)
    : QListView(parent)
{
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    // Every tile is the same size, so a change never moves one and layout stays linear.
    setUniformItemSizes(true);
    setSpacing(0);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void DashboardTilesView::setHeightHint(int height)
{
    if (height == m_heightHint)
        return;
    m_heightHint = height;
    updateGeometry();
}

QSize DashboardTilesView::sizeHint() const
{
    const QSize hint = QListView::sizeHint();
    return m_heightHint < 0 ? hint : QSize(hint.width(), m_heightHint);
}

void DashboardTilesView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    emit areaChanged();
}

void DashboardTilesView::dataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    // Not QListView::dataChanged(), which schedules a layout of every tile. A tile shows several
    // columns of its row, so a change in any column repaints the tile, which belongs to the
    // row's index in the model column; for a range QAbstractItemView would repaint everything.
    const bool fewRows = topLeft.isValid() && bottomRight.isValid()
        && topLeft.parent() == rootIndex()
        && bottomRight.row() - topLeft.row() < kMaxRowsRepaintedOneByOne;
    if (!fewRows) {
        QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex tile = model()->index(row, modelColumn(), rootIndex());
        QAbstractItemView::dataChanged(tile, tile, roles);
    }
}

} // namespace ui
