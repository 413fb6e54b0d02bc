#pragma once

#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QPixmap>
#include <QSet>
#include <QStyledItemDelegate>

namespace ui {

// Paints one dashboard tile for a fleet row (any column of models::SchedulerListModel): the
// scheduler's name in large type, its Status and Latest result as large StatusBadges (the shared
// painter, scaled), the model name, and a footer. A stale tile (its data predates a failed
// refresh, models::StaleRole) is hatched and says the time of its last good data; a tile whose
// status just changed (models::RecentlyChangedRole) has a thick amber frame; the focused tile a
// frame in the palette's highlight colour. Sizes follow the font, so the tiles scale with it. A
// wall count tile (models::HealthyCountRole) says how many healthy schedulers it stands for, with
// the RUNNING and NORMAL badges. A scheduler that changed flashes amber once and says how long ago
// it changed for a while (setChanges()).
//
// What changed when: the dashboard's record, which the delegate reads as it paints (no copy: a
// refresh adds to it page by page while thousands of entries are kept).
struct TileChanges {
    QHash<QString, QDateTime> changedAt; // by scheduler name
    QSet<QString> flashing; // names
    QDateTime now; // the time "Changed 2 min ago" counts to
    qreal flash = 0; // the flash's strength: 1 at the change, fading to 0
};

class DashboardTileDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    static constexpr qreal kBadgeScale = 1.5;
    static constexpr qreal kNameScale = 1.7;

    explicit DashboardTileDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Every tile this size (the wall stretches tiles to share the width); invalid: tileSize().
    void setTileSize(const QSize &size) { m_tileSize = size; }
    QSize fixedTileSize() const { return m_tileSize; }
    // Tooltips as plain text (plaintooltip.h): tiles hold names and errors from the endpoint.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // The size of every tile for a view font (the dashboard uses uniform item sizes).
    static QSize tileSize(const QFont &font);
    // "Stale: data from 12:03:05", "Just changed", or empty: what the row's roles say.
    static QString footerText(const QModelIndex &index);
    // footerText(), else "Changed 2 min ago" for a scheduler in the change times; what a tile says.
    QString footer(const QModelIndex &index) const;

    // The record of changes to paint from; it must outlive the delegate's painting. None: no
    // tile flashes or says when it changed.
    void setChanges(const TileChanges *changes) { m_changes = changes; }

private:
    // The flash fades in this many steps: the tile backgrounds are cached per step.
    static constexpr int kFlashLevels = 16;
    // What a tile's background is painted from: its fill, hatch, flash and frame.
    struct TileLook {
        QColor behind; // the view's background, around the rounded shape
        QColor base;
        bool stale = false;
        QColor hatch;
        QColor frame;
        qreal frameWidth = 1.5;
        int flashLevel = 0; // 0 to kFlashLevels
        qreal radius = 0;
    };
    // The background of a tile `size` big for `look`, drawn once and then taken from
    // QPixmapCache: a wall repaints every tile shown for each refresh and flash frame, and the
    // antialiased rounded shape is most of a tile's cost.
    static QPixmap tileBackground(const QSize &size, qreal dpr, const TileLook &look);
    // How far the background reaches beyond the tile on each side (the frame's outer half).
    static int backgroundMargin(const TileLook &look);

    QSize m_tileSize;
    const TileChanges *m_changes = nullptr;
};

} // namespace ui
