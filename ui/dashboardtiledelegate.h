#pragma once

#include <QDateTime>
#include <QHash>
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

    // When schedulers (by name) changed, for "Changed 2 min ago", the time to count from, and
    // the tiles that flash with what strength (1 at the change, fading to 0).
    void setChanges(const QHash<QString, QDateTime> &changedAt, const QDateTime &now,
        const QSet<QString> &flashing, qreal flash);

private:
    QSize m_tileSize;
    QHash<QString, QDateTime> m_changedAt;
    QDateTime m_now;
    QSet<QString> m_flashing;
    qreal m_flash = 0;
};

} // namespace ui
