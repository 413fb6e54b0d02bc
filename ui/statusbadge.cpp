#include "ui/statusbadge.h"

#include "models/statuspresentation.h"
#include "ui/plaintooltip.h"
#include "ui/symbolicicon.h"
#include "ui/theme.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QStylePainter>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Proportions relative to the font height, so a scaled badge is the same shape, only larger.
constexpr qreal kHorizontalPadding = 0.55;
constexpr qreal kVerticalPadding = 0.22;
constexpr qreal kIconSize = 0.95;
constexpr qreal kIconGap = 0.35;
// A focused badge gets a focus frame around it; this much room is kept for it.
constexpr int kFocusMargin = 2;

QFont badgeFont(const QFont &font, qreal scale)
{
    QFont result = font;
    result.setBold(true);
    if (result.pointSizeF() > 0)
        result.setPointSizeF(result.pointSizeF() * scale);
    else
        result.setPixelSize(std::max(1, qRound(result.pixelSize() * scale)));
    return result;
}

struct Geometry {
    QFont font;
    qreal textWidth = 0;
    qreal textHeight = 0;
    qreal padX = 0;
    qreal padY = 0;
    qreal icon = 0;
    qreal gap = 0;
    qreal border = 1;
    QSizeF size;
};

Geometry geometryFor(const QString &label, const QFont &font, qreal scale)
{
    Geometry g;
    g.font = badgeFont(font, scale);
    const QFontMetricsF metrics(g.font);
    g.textWidth = metrics.horizontalAdvance(label);
    g.textHeight = metrics.height();
    g.padX = std::round(g.textHeight * kHorizontalPadding);
    g.padY = std::round(g.textHeight * kVerticalPadding);
    g.icon = std::round(g.textHeight * kIconSize);
    g.gap = std::round(g.textHeight * kIconGap);
    g.border = std::max<qreal>(1.0, std::round(scale));
    g.size = QSizeF(g.padX + g.icon + g.gap + std::ceil(g.textWidth) + g.padX,
        std::max(g.textHeight, g.icon) + 2 * g.padY);
    return g;
}

// Measuring a label shapes its text. Badges show a handful of values in one or two fonts, so
// their geometry is kept (GUI thread only, like all painting).
Geometry cachedGeometry(const QString &label, const QFont &font, qreal scale)
{
    static QHash<QString, Geometry> cache;
    const QString key
        = label + QLatin1Char('\x1f') + font.key() + QLatin1Char('\x1f') + QString::number(scale);
    if (const auto found = cache.constFind(key); found != cache.cend())
        return *found;
    constexpr qsizetype kMaxEntries = 256; // fonts and scales change rarely; stay bounded anyway
    if (cache.size() >= kMaxEntries)
        cache.clear();
    return *cache.insert(key, geometryFor(label, font, scale));
}

} // namespace

// A badge is drawn once per value, font, scale, colour set, staleness and pixel ratio,
// into a pixmap that every later paint copies: shaping the label and antialiasing the pill on
// each paint cost most of a fleet refresh's GUI-thread time.
QPixmap StatusBadge::renderBadge(const QString &value, const QFont &font,
    const PaintOptions &options, models::ColorSet set, qreal ratio)
{
    const models::StatusPresentation presentation = models::statusPresentation(value);
    const models::StatusColors &colors = presentation.colors(set);
    const Geometry g = cachedGeometry(presentation.label, font, options.scale);
    const QSize size(
        static_cast<int>(std::ceil(g.size.width())), static_cast<int>(std::ceil(g.size.height())));
    QPixmap pixmap((QSizeF(size) * ratio).toSize());
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    const QRect badgeRect(QPoint(0, 0), size);

    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // The pill: background, optional stale hatching, then the border on top.
    const QRectF pill
        = QRectF(badgeRect).adjusted(g.border / 2, g.border / 2, -g.border / 2, -g.border / 2);
    const qreal radius = pill.height() / 2;
    QPainterPath path;
    path.addRoundedRect(pill, radius, radius);
    painter.fillPath(path, colors.background);
    if (options.stale) {
        QColor hatch = colors.foreground;
        hatch.setAlphaF(0.28f);
        QBrush brush(hatch, Qt::BDiagPattern);
        brush.setTransform(QTransform::fromScale(options.scale, options.scale));
        painter.fillPath(path, brush);
    }
    QPen pen(colors.border, g.border);
    // An unknown value gets a dashed outline: neutral, and unlike every known state.
    if (presentation.kind == models::StatusKind::Unknown)
        pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.drawPath(path);

    const qreal left = badgeRect.left() + g.padX;
    const QRectF iconRect(
        left, badgeRect.top() + (badgeRect.height() - g.icon) / 2, g.icon, g.icon);
    const QPixmap icon = tintedSvgPixmap(
        presentation.iconPath, iconRect.size().toSize(), colors.foreground, ratio);
    painter.drawPixmap(iconRect.topLeft(), icon);

    painter.setFont(g.font);
    painter.setPen(colors.foreground);
    const QRectF textRect(
        iconRect.right() + g.gap, badgeRect.top(), std::ceil(g.textWidth) + 1, badgeRect.height());
    painter.drawText(
        textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, presentation.label);
    return pixmap;
}

StatusBadge::StatusBadge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setFocusPolicy(Qt::StrongFocus);
    updateAccessibility();
}

void StatusBadge::setValue(const QString &value)
{
    if (value == m_value)
        return;
    m_value = value;
    updateAccessibility();
    updateGeometry();
    update();
}

void StatusBadge::setFieldName(const QString &fieldName)
{
    m_fieldName = fieldName;
    updateAccessibility();
    updateGeometry();
    update();
}

void StatusBadge::setScale(qreal scale)
{
    if (!(scale > 0) || qFuzzyCompare(scale, m_options.scale))
        return;
    m_options.scale = scale;
    updateGeometry();
    update();
}

void StatusBadge::setStale(bool stale)
{
    if (stale == m_options.stale)
        return;
    m_options.stale = stale;
    updateAccessibility();
    update();
}

QString StatusBadge::notSetText() const
{
    // Alone in a header, "not set" needs the field's name to say what is not set.
    return m_fieldName.isEmpty() ? tr("not set") : tr("%1: not set").arg(m_fieldName);
}

QFont StatusBadge::notSetFont() const
{
    QFont italic = font();
    italic.setItalic(true);
    return italic;
}

QSize StatusBadge::sizeHint() const
{
    QSize size;
    if (m_value.isEmpty()) {
        size = QFontMetrics(notSetFont()).size(Qt::TextSingleLine, notSetText());
    } else {
        size = badgeSize(m_value, font(), m_options.scale);
    }
    return size + QSize(2 * kFocusMargin, 2 * kFocusMargin);
}

QSize StatusBadge::minimumSizeHint() const
{
    return sizeHint();
}

QSize StatusBadge::badgeSize(const QString &value, const QFont &font, qreal scale)
{
    if (value.isEmpty())
        return {};
    const Geometry g = cachedGeometry(models::statusPresentation(value).label, font, scale);
    return QSize(
        static_cast<int>(std::ceil(g.size.width())), static_cast<int>(std::ceil(g.size.height())));
}

QRect StatusBadge::paint(QPainter *painter, const QRect &rect, const QString &value,
    const QPalette &palette, const QFont &font, const PaintOptions &options)
{
    if (value.isEmpty())
        return {};
    const models::ColorSet set = colorSetOf(palette);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QString key = QStringLiteral("lookout-badge:%1:%2:%3:%4:%5:%6")
                            .arg(value, font.key())
                            .arg(options.scale)
                            .arg(int(set))
                            .arg(int(options.stale))
                            .arg(ratio);
    QPixmap pixmap;
    if (!QPixmapCache::find(key, &pixmap)) {
        pixmap = renderBadge(value, font, options, set, ratio);
        QPixmapCache::insert(key, pixmap);
    }
    const QSize size = (QSizeF(pixmap.size()) / pixmap.devicePixelRatio()).toSize();
    const QRect badgeRect = QStyle::alignedRect(Qt::LeftToRight, options.alignment, size, rect);
    painter->save();
    painter->setClipRect(rect);
    painter->drawPixmap(badgeRect.topLeft(), pixmap);
    painter->restore();
    return badgeRect;
}

QString StatusBadge::accessibleText(const QString &fieldName, const QString &value)
{
    const QString shown = value.isEmpty() ? tr("not set") : models::statusPresentation(value).label;
    if (fieldName.isEmpty())
        return shown;
    return tr("%1: %2", "field name: status value").arg(fieldName, shown);
}

void StatusBadge::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    const QRect area = rect().adjusted(kFocusMargin, kFocusMargin, -kFocusMargin, -kFocusMargin);
    QRect painted;
    if (m_value.isEmpty()) {
        // The absent style of every field: italic placeholder text, never a gap.
        painter.setFont(notSetFont());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painted = painter.boundingRect(area, Qt::AlignLeft | Qt::AlignVCenter, notSetText());
        painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter, notSetText());
    } else {
        painted = paint(&painter, area, m_value, palette(), font(), m_options);
    }
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = painted.adjusted(-kFocusMargin, -kFocusMargin, kFocusMargin, kFocusMargin);
        focus.backgroundColor = palette().color(QPalette::Window);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, focus);
    }
}

void StatusBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    } else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        update();
    }
    QWidget::changeEvent(event);
}

void StatusBadge::updateAccessibility()
{
    setAccessibleName(accessibleText(m_fieldName, m_value));
    QString description
        = m_value.isEmpty() ? QString() : models::statusPresentation(m_value).description;
    if (m_options.stale)
        description = description.isEmpty()
            ? tr("Stale: from before the last failed refresh.")
            : tr("%1 Stale: from before the last failed refresh.").arg(description);
    setAccessibleDescription(description);
    setToolTip(plainToolTip(description));
}

} // namespace ui
