#pragma once

#include <QFont>
#include <QList>
#include <QSize>

// How the wall's tiles fit an area: the largest tile font with which `tiles` tiles fit without
// scrolling, between a legible floor and a ceiling, the tiles stretched to fill the width evenly.
// Grouped tiles (several connections) start a row per group, under a header of their own.
// Sizes are in points, so the floor follows the screen's logical DPI: kNameFloorPoints is 18 pt,
// a quarter of a logical inch (24 px at 96 dpi), whose capital letters are about 11 mm tall on a
// 55-inch 1080p screen, 1/270 of a 3 m viewing distance (signage asks for 1/300 to 1/250).
namespace ui {

struct DashboardFit {
    static constexpr qreal kNameFloorPoints = 18.0;
    static constexpr qreal kNameCeilingPoints = 40.0;

    QFont font; // the tiles' font (the name is DashboardTileDelegate::kNameScale times larger)
    QSize tile; // every tile, stretched to share the width evenly
    int columns = 0;
    int rows = 0; // of tiles, besides the headers
    bool fits = false; // all `tiles` fit; otherwise this is the floor, with capacity() tiles
    int capacity() const { return columns * rows; }
    // The rows the groups' tiles take, each group starting a row.
    int rowsFor(const QList<int> &groups) const;

    // The tile font's point size whose name is at the floor.
    static qreal floorPointSize();
    static DashboardFit fit(const QSize &area, int tiles, const QFont &base);
    // Groups of tiles, each under a header `headerHeight` high.
    static DashboardFit fit(
        const QSize &area, const QList<int> &groups, int headerHeight, const QFont &base);
    // The fit at the floor, whatever fits.
    static DashboardFit atFloor(const QSize &area, const QFont &base, int headersHeight = 0);
};

} // namespace ui
