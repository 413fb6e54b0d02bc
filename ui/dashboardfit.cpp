#include "ui/dashboardfit.h"

#include "ui/dashboardtiledelegate.h"

#include <algorithm>

namespace ui {

namespace {

// Half points: finer steps change no tile by a pixel that matters from across the room.
constexpr qreal kStep = 0.5;

// `headers` of the area's height go to group headers, the rest to rows of tiles.
DashboardFit fitWith(const QSize &area, const QFont &base, qreal pointSize, int headers)
{
    DashboardFit fit;
    fit.font = base;
    fit.font.setPointSizeF(pointSize);
    const QSize natural = DashboardTileDelegate::tileSize(fit.font);
    if (area.isEmpty() || natural.isEmpty())
        return fit;
    // QListView wraps a tile whose right edge reaches the viewport's last pixel column.
    const int width = area.width() - 1;
    const int height = area.height() - headers;
    fit.columns = std::max(1, width / natural.width());
    fit.rows = std::max(1, height / natural.height());
    // The rows share the height too: no empty band under the last one.
    fit.tile = QSize(width / fit.columns, std::max(1, height / fit.rows));
    return fit;
}

} // namespace

qreal DashboardFit::floorPointSize()
{
    return kNameFloorPoints / DashboardTileDelegate::kNameScale;
}

int DashboardFit::rowsFor(const QList<int> &groups) const
{
    int rows = 0;
    for (const int tiles : groups)
        rows += columns > 0 ? (tiles + columns - 1) / columns : tiles;
    return rows;
}

DashboardFit DashboardFit::atFloor(const QSize &area, const QFont &base, int headersHeight)
{
    return fitWith(area, base, floorPointSize(), headersHeight);
}

DashboardFit DashboardFit::fit(const QSize &area, int tiles, const QFont &base)
{
    return fit(area, QList<int> { tiles }, 0, base);
}

DashboardFit DashboardFit::fit(
    const QSize &area, const QList<int> &groups, int headerHeight, const QFont &base)
{
    const int headers = int(groups.size()) * headerHeight;
    // The capacity shrinks as the font grows: the largest step that still holds every tile.
    int low = 0; // steps above the floor
    int high
        = int((kNameCeilingPoints - kNameFloorPoints) / DashboardTileDelegate::kNameScale / kStep);
    DashboardFit best = atFloor(area, base, headers);
    if (best.rows < best.rowsFor(groups) || area.height() < headers)
        return best;
    best.fits = true;
    while (low < high) {
        const int middle = (low + high + 1) / 2;
        DashboardFit candidate = fitWith(area, base, floorPointSize() + middle * kStep, headers);
        if (candidate.rows >= candidate.rowsFor(groups)) {
            candidate.fits = true;
            best = candidate;
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return best;
}

} // namespace ui
