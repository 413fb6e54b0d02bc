#include "ui/statusbadgedelegate.h"

#include "models/itemroles.h"
#include "models/statuspresentation.h"
#include "ui/plaintooltip.h"
#include "ui/statusbadge.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace ui {

namespace {

// Room between the badge and the cell's edges, so badges in adjacent rows never touch.
constexpr int kCellMargin = 3;

} // namespace

StatusBadgeDelegate::StatusBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void StatusBadgeDelegate::setScale(qreal scale)
{
    if (scale > 0)
        m_scale = scale;
}

QString StatusBadgeDelegate::badgeValue(const QModelIndex &index)
{
    const QVariant badge = index.data(models::BadgeValueRole);
    return badge.isValid() ? badge.toString() : index.data(Qt::DisplayRole).toString();
}

void StatusBadgeDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The style paints the cell (selection, focus, alternate rows) without its text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    cell.icon = QIcon();
    cell.features &= ~QStyleOptionViewItem::HasDisplay;
    cell.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const QString value = badgeValue(index);
    if (value.isEmpty())
        return;
    StatusBadge::PaintOptions options;
    options.scale = m_scale;
    options.stale = index.data(models::StaleRole).toBool();
    options.alignment = Qt::AlignLeft | Qt::AlignVCenter;
    const QRect area = option.rect.adjusted(kCellMargin, kCellMargin, -kCellMargin, -kCellMargin);
    // Badges keep their own colours on a selected row; they have their own border and background.
    StatusBadge::paint(painter, area, value, option.palette, option.font, options);
}

QSize StatusBadgeDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString value = badgeValue(index);
    const QSize badge = StatusBadge::badgeSize(
        value.isEmpty() ? QStringLiteral("RUNNING") : value, option.font, m_scale);
    return badge + QSize(2 * kCellMargin, 2 * kCellMargin);
}

bool StatusBadgeDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && view && event->type() == QEvent::ToolTip
        && !index.data(Qt::ToolTipRole).isValid()) {
        const QString value = badgeValue(index);
        if (!value.isEmpty()) {
            QToolTip::showText(event->globalPos(),
                plainToolTip(models::statusPresentation(value).description), view->viewport(),
                option.rect);
            return true;
        }
    }
    if (event && event->type() == QEvent::ToolTip)
        return showPlainToolTip(event, view, index);
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace ui
