#pragma once

#include <QStyledItemDelegate>

namespace ui {

// Paints one dashboard tile for a fleet row (any column of models::SchedulerListModel): the
// scheduler's name in large type, its Status and Latest result as large StatusBadges (the shared
// painter, scaled), the model name, and a footer. A stale tile (its data predates a failed
// refresh, models::StaleRole) is hatched and says the time of its last good data; a tile whose
// status just changed (models::RecentlyChangedRole) has a thick amber frame; the focused tile a
// frame in the palette's highlight colour. Sizes follow the font, so the tiles scale with it.
class DashboardTileDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    static constexpr qreal kBadgeScale = 1.8;
    static constexpr qreal kNameScale = 1.7;

    explicit DashboardTileDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Tooltips as plain text (plaintooltip.h): tiles hold names and errors from the endpoint.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // The size of every tile for a view font (the dashboard uses uniform item sizes).
    static QSize tileSize(const QFont &font);
    // "Data from 12:03:05", "Changed just now", or empty: what the footer says.
    static QString footerText(const QModelIndex &index);
};

} // namespace ui
