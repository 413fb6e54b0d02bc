#include "ui/cachedtextdelegate.h"

#include "core/visibletext.h"
#include "ui/plaintooltip.h"

#include <QApplication>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>

namespace ui {

namespace {

// Several screens of a 4-column table: scrolling back and forth finds its text laid out.
constexpr qsizetype kMaxCachedTexts = 4000;

} // namespace

CachedTextDelegate::CachedTextDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_texts(kMaxCachedTexts)
{
}

const QStaticText &CachedTextDelegate::laidOut(const QString &text, int width, const QFont &font,
    Qt::TextElideMode elideMode, Qt::LayoutDirection direction) const
{
    TextKey key { text, width, font, elideMode, direction };
    if (const QStaticText *known = m_texts.object(key))
        return *known;
    // One line, as the table shows it: line breaks (possible in archived JSON) become spaces.
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    const QString shown = QFontMetrics(font).elidedText(line, elideMode, width);
    auto *laid = new QStaticText(shown);
    laid->setTextFormat(Qt::PlainText);
    laid->setPerformanceHint(QStaticText::AggressiveCaching);
    QTextOption option;
    option.setTextDirection(direction); // as QCommonStyle lays out an item's text
    laid->setTextOption(option);
    m_texts.insert(std::move(key), laid);
    return *laid;
}

void CachedTextDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Anything but plain text (an icon, a check box) is painted the usual way.
    if (cell.features
        & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // A name with a direction override or a control character is shown, not obeyed.
    const QString text = core::visibleText(cell.text);
    const bool focused = cell.state & QStyle::State_HasFocus;
    QStyleOptionViewItem background = cell;
    background.text.clear();
    background.features &= ~QStyleOptionViewItem::HasDisplay;
    background.state &= ~QStyle::State_HasFocus; // drawn over the text, as QCommonStyle does
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    if (!text.isEmpty())
        drawText(painter, cell, text);
    if (focused)
        drawFocus(painter, cell, style);
}

void CachedTextDelegate::drawText(
    QPainter *painter, const QStyleOptionViewItem &cell, const QString &text) const
{
    // Placed and coloured as QCommonStyle places an item's text, so that glyphs land on the
    // same pixels: its margins, the line's natural width, the line height centred in the cell.
    const QWidget *widget = cell.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = cell.rect.adjusted(margin, 0, -margin, 0);
    if (area.width() <= 0)
        return;
    const QStaticText &shown
        = laidOut(text, area.width(), cell.font, cell.textElideMode, cell.direction);
    const qreal width = shown.size().width();
    const qreal height = QFontMetricsF(cell.font).height();
    const Qt::Alignment alignment = QStyle::visualAlignment(cell.direction, cell.displayAlignment);
    qreal x = area.x();
    if (alignment & Qt::AlignRight)
        x = area.x() + area.width() - width;
    else if (alignment & Qt::AlignHCenter)
        x = area.x() + (area.width() - width) / 2;
    qreal y = (area.top() + area.bottom() - height) / 2;
    if (alignment & Qt::AlignTop)
        y = area.top();
    else if (alignment & Qt::AlignBottom)
        y = area.bottom() - height;

    const QPalette::ColorGroup group = !(cell.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (cell.state & QStyle::State_Active)                                ? QPalette::Normal
                                                                             : QPalette::Inactive;
    const bool selected = cell.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(cell.font);
    painter->setPen(
        cell.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setClipRect(cell.rect, Qt::IntersectClip);
    painter->drawStaticText(QPointF(x, y), shown);
    painter->restore();
}

void CachedTextDelegate::drawFocus(
    QPainter *painter, const QStyleOptionViewItem &cell, QStyle *style) const
{
    // QCommonStyle's focus frame of an item: the current cell is one per view, so measuring its
    // text for the frame's rectangle costs nothing worth keeping.
    QStyleOptionFocusRect focus;
    focus.QStyleOption::operator=(cell);
    focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &cell, cell.widget);
    focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
    const QPalette::ColorGroup group
        = (cell.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    focus.backgroundColor = cell.palette.color(
        group, (cell.state & QStyle::State_Selected) ? QPalette::Highlight : QPalette::Window);
    style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, cell.widget);
}

bool CachedTextDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip)
        return showPlainToolTip(event, view, index);
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace ui
