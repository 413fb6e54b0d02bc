#include "ui/dashboardtiledelegate.h"

#include "core/visibletext.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/statuspresentation.h"
#include "models/timetext.h"
#include "models/walltilesmodel.h"
#include "ui/plaintooltip.h"
#include "ui/statusbadge.h"
#include "ui/theme.h"

#include <QAbstractProxyModel>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QHash>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmapCache>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Proportions of the font's line height.
constexpr qreal kPadding = 0.6;
constexpr qreal kGap = 0.5;
constexpr qreal kRadius = 0.6;
// The name column of a tile holds this many average characters of the large font.
constexpr int kNameChars = 20;

QFont scaledFont(const QFont &font, qreal scale, QFont::Weight weight)
{
    QFont result = font;
    result.setWeight(weight);
    if (result.pointSizeF() > 0)
        result.setPointSizeF(result.pointSizeF() * scale);
    else
        result.setPixelSize(std::max(1, qRound(result.pixelSize() * scale)));
    return result;
}

// The same amber as the list model's change tint, opaque enough for a frame.
const QColor kChangedFrame(255, 176, 0);

struct TileLayout {
    QFont nameFont;
    QFont smallFont;
    int padding = 0;
    int gap = 0;
    int nameHeight = 0;
    int smallHeight = 0;
    QSize badge;
};

TileLayout measureLayout(const QFont &font)
{
    TileLayout layout;
    layout.nameFont = scaledFont(font, DashboardTileDelegate::kNameScale, QFont::Bold);
    layout.smallFont = scaledFont(font, 1.1, QFont::Normal);
    const int line = QFontMetrics(font).height();
    layout.padding = qRound(line * kPadding);
    layout.gap = qRound(line * kGap);
    layout.nameHeight = QFontMetrics(layout.nameFont).height();
    layout.smallHeight = QFontMetrics(layout.smallFont).height();
    // Room for the widest pair the service can send.
    const QSize status = StatusBadge::badgeSize(
        QStringLiteral("STOPPING"), font, DashboardTileDelegate::kBadgeScale);
    const QSize result = StatusBadge::badgeSize(
        QStringLiteral("ANOMALOUS"), font, DashboardTileDelegate::kBadgeScale);
    layout.badge = QSize(
        status.width() + layout.gap + result.width(), std::max(status.height(), result.height()));
    return layout;
}

// Measured once per font: every tile of every paint asks (GUI thread only, like all painting).
TileLayout layoutFor(const QFont &font)
{
    static QHash<QString, TileLayout> cache;
    const QString key = font.key();
    if (const auto found = cache.constFind(key); found != cache.cend())
        return *found;
    constexpr qsizetype kMaxEntries = 32; // one or two fonts in practice; stay bounded anyway
    if (cache.size() >= kMaxEntries)
        cache.clear();
    return *cache.insert(key, measureLayout(font));
}

} // namespace

DashboardTileDelegate::DashboardTileDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QSize DashboardTileDelegate::tileSize(const QFont &font)
{
    const TileLayout layout = layoutFor(font);
    const int nameWidth = QFontMetrics(layout.nameFont).averageCharWidth() * kNameChars;
    const int width = 2 * layout.padding + std::max(nameWidth, layout.badge.width());
    const int height = 2 * layout.padding + layout.nameHeight + layout.smallHeight + 2 * layout.gap
        + layout.badge.height() + layout.smallHeight;
    return { width, height };
}

QSize DashboardTileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    if (m_tileSize.isValid())
        return m_tileSize;
    return tileSize(option.font);
}

QString DashboardTileDelegate::footerText(const QModelIndex &index)
{
    if (index.data(models::StaleRole).toBool()) {
        // The tile knows its last good data only through the source model.
        const QAbstractItemModel *model = index.model();
        QModelIndex source = index;
        for (;;) {
            if (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model)) {
                source = proxy->mapToSource(source);
                model = proxy->sourceModel();
            } else if (const auto *wall = qobject_cast<const models::WallTilesModel *>(model);
                       wall && wall->sourceModel()) {
                model = wall->sourceModel();
                source = model->index(wall->sourceRow(source.row()), source.column());
            } else {
                break;
            }
        }
        if (const auto *fleet = qobject_cast<const models::SchedulerListModel *>(model)) {
            return QCoreApplication::translate("DashboardTileDelegate", "Stale: data from %1")
                .arg(models::clockTimeText(fleet->lastGoodDataAt(source.row())));
        }
        return QCoreApplication::translate("DashboardTileDelegate", "Stale");
    }
    if (index.data(models::RecentlyChangedRole).toBool())
        return QCoreApplication::translate("DashboardTileDelegate", "Just changed");
    return {};
}

QString DashboardTileDelegate::footer(const QModelIndex &index) const
{
    QString text = footerText(index);
    if (!text.isEmpty())
        return text;
    if (!m_changes)
        return {};
    const auto changed
        = m_changes->changedAt.constFind(index.data(models::SchedulerNameRole).toString());
    if (changed == m_changes->changedAt.cend())
        return {};
    return QCoreApplication::translate("DashboardTileDelegate", "Changed %1")
        .arg(models::relativeAgeText(*changed, m_changes->now));
}

int DashboardTileDelegate::backgroundMargin(const TileLook &look)
{
    return int(std::ceil(look.frameWidth / 2));
}

QPixmap DashboardTileDelegate::tileBackground(const QSize &size, qreal dpr, const TileLook &look)
{
    // The hatch's colour stands for staleness: 0 (no colour) on a fresh tile.
    const QString key = QStringLiteral("lookoutdesk-tile:%1x%2@%3:%4:%5:%6:%7:%8:%9:%10")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(dpr)
                            .arg(look.behind.rgba())
                            .arg(look.base.rgba())
                            .arg(look.stale ? look.hatch.rgba() : 0)
                            .arg(look.frame.rgba())
                            .arg(look.frameWidth)
                            .arg(look.flashLevel)
                            .arg(look.radius);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;
    // The frame is stroked on the shape's edge: half of it lies outside, over the gap.
    const int margin = backgroundMargin(look);
    pixmap = QPixmap((size + QSize(2 * margin, 2 * margin)) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    // Opaque, the view's background around the shape: drawn as a copy, not blended.
    pixmap.fill(look.behind);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath shape;
    shape.addRoundedRect(
        QRectF(QPointF(margin, margin), QSizeF(size)).adjusted(1.5, 1.5, -1.5, -1.5), look.radius,
        look.radius);
    painter.fillPath(shape, look.base);
    if (look.stale) {
        // Hatched across the whole tile: unmistakable from across the room.
        QBrush brush(look.hatch, Qt::BDiagPattern);
        brush.setTransform(QTransform::fromScale(2.0, 2.0));
        painter.fillPath(shape, brush);
    }
    if (look.flashLevel > 0) {
        // The change flash: the amber of the change frame, fading out.
        QColor flash = kChangedFrame;
        flash.setAlphaF(float(0.7 * look.flashLevel / kFlashLevels));
        painter.fillPath(shape, flash);
    }
    painter.setPen(QPen(look.frame, look.frameWidth));
    painter.drawPath(shape);
    painter.end();
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

void DashboardTileDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const TileLayout layout = layoutFor(option.font);
    const QPalette &palette = option.palette;
    const int line = QFontMetrics(option.font).height();
    const QRect tile
        = option.rect.adjusted(layout.gap / 2, layout.gap / 2, -layout.gap / 2, -layout.gap / 2);
    // A count tile stands for healthy schedulers: its text where a name goes, their badges.
    const bool countTile = index.data(models::HealthyCountRole).isValid();
    const bool stale = !countTile && index.data(models::StaleRole).toBool();
    const bool changed = !countTile && index.data(models::RecentlyChangedRole).toBool();
    const bool focused = option.state.testFlag(QStyle::State_HasFocus);
    const bool selected = option.state.testFlag(QStyle::State_Selected);

    TileLook look;
    const auto *view = qobject_cast<const QAbstractScrollArea *>(option.widget);
    look.behind = palette.color(view ? view->viewport()->backgroundRole() : QPalette::Window);
    look.behind.setAlpha(255);
    look.base = palette.color(QPalette::Base);
    look.stale = stale;
    look.hatch = palette.color(QPalette::Text);
    look.hatch.setAlphaF(0.18f);
    look.frame = palette.color(QPalette::Mid);
    // The high-contrast theme draws every tile's edge thick and white.
    look.frameWidth = isHighContrast(palette) ? 3.0 : 1.5;
    if (changed) {
        look.frame = kChangedFrame;
        look.frameWidth = std::max(4.0, line * 0.3);
    }
    if (focused || selected) {
        look.frame = palette.color(QPalette::Highlight);
        look.frameWidth = std::max(4.0, line * 0.3);
    }
    if (m_changes && m_changes->flash > 0 && !countTile
        && m_changes->flashing.contains(index.data(models::SchedulerNameRole).toString())) {
        look.flashLevel
            = std::clamp(int(std::lround(m_changes->flash * kFlashLevels)), 0, kFlashLevels);
    }
    look.radius = line * kRadius;
    painter->save();
    painter->drawPixmap(tile.topLeft() - QPoint(backgroundMargin(look), backgroundMargin(look)),
        tileBackground(tile.size(), painter->device()->devicePixelRatioF(), look));
    painter->setRenderHint(QPainter::Antialiasing);

    const QRect content
        = tile.adjusted(layout.padding, layout.padding, -layout.padding, -layout.padding);
    // A tile stretched taller than its content (the wall fills the height) centres it.
    const int contentHeight
        = layout.nameHeight + 2 * layout.smallHeight + 2 * layout.gap + layout.badge.height();
    int y = content.top() + std::max(0, (content.height() - contentHeight) / 2);
    const QString name = countTile
        ? index.data(Qt::DisplayRole).toString()
        : core::visibleText(index.data(models::SchedulerNameRole).toString());
    painter->setFont(layout.nameFont);
    painter->setPen(palette.color(QPalette::Text));
    const QRect nameRect(content.left(), y, content.width(), layout.nameHeight);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        QFontMetrics(layout.nameFont).elidedText(name, Qt::ElideMiddle, content.width()));
    y += layout.nameHeight;

    // The model column's display text, wherever the tile's index points.
    const QString modelName = countTile
        ? QString()
        : index.siblingAtColumn(models::SchedulerListModel::ModelColumn).data().toString();
    painter->setFont(layout.smallFont);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(QRect(content.left(), y, content.width(), layout.smallHeight),
        Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        QFontMetrics(layout.smallFont).elidedText(modelName, Qt::ElideMiddle, content.width()));
    y += layout.smallHeight + layout.gap;

    StatusBadge::PaintOptions badge;
    badge.scale = kBadgeScale;
    badge.stale = stale;
    const QString status = countTile
        ? QStringLiteral("RUNNING")
        : index.siblingAtColumn(models::SchedulerListModel::StatusColumn)
              .data(models::BadgeValueRole)
              .toString();
    const QString result = countTile
        ? QStringLiteral("NORMAL")
        : index.siblingAtColumn(models::SchedulerListModel::LatestResultColumn)
              .data(models::BadgeValueRole)
              .toString();
    const QRect badgeRow(content.left(), y, content.width(), layout.badge.height());
    const QRect painted
        = StatusBadge::paint(painter, badgeRow, status, palette, option.font, badge);
    QRect resultArea = badgeRow;
    resultArea.setLeft(painted.isValid() ? painted.right() + layout.gap : badgeRow.left());
    if (!result.isEmpty()) {
        StatusBadge::paint(painter, resultArea, result, palette, option.font, badge);
    } else {
        painter->setFont(layout.smallFont);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(resultArea, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            QCoreApplication::translate("DashboardTileDelegate", "no result yet"));
    }
    y += layout.badge.height() + layout.gap;

    const QString footer = this->footer(index);
    if (!footer.isEmpty()) {
        QFont footerFont = layout.smallFont;
        footerFont.setBold(true);
        painter->setFont(footerFont);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(QRect(content.left(), y, content.width(), layout.smallHeight),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            QFontMetrics(footerFont).elidedText(footer, Qt::ElideRight, content.width()));
    }
    painter->restore();
}

bool DashboardTileDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip)
        return showPlainToolTip(event, view, index);
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace ui
