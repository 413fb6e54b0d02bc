#include "ui/plotlayer.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Premultiplied `source` over `destination`.
QRgb over(QRgb source, QRgb destination)
{
    const uint inverse = 255 - qAlpha(source);
    const auto channel = [&](int shift) {
        const uint s = (source >> shift) & 0xff;
        const uint d = (destination >> shift) & 0xff;
        return (s + (d * inverse + 127) / 255) << shift;
    };
    return channel(24) | channel(16) | channel(8) | channel(0);
}

} // namespace

void PlotLayer::paint(
    QPainter &painter, const QRectF &area, const QColor &lineColour, double width) const
{
    if (area.isEmpty())
        return;
    const QPaintEngine *engine = painter.paintEngine();
    if (engine && engine->type() == QPaintEngine::Raster
        && painter.transform().type() <= QTransform::TxTranslate) {
        paintRaster(painter, area, lineColour, width);
    } else {
        paintVector(painter, area, lineColour, width);
    }
}

void PlotLayer::paintVector(
    QPainter &painter, const QRectF &area, const QColor &lineColour, double width) const
{
    painter.save();
    painter.setClipRect(area, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (const Span &rule : m_rules) {
        painter.setPen(QPen(rule.colour, 1));
        painter.drawLine(QPointF(rule.left, area.top()), QPointF(rule.left, area.bottom()));
    }
    painter.setPen(Qt::NoPen);
    for (const Span &band : m_bands)
        painter.fillRect(QRectF(QPointF(band.left, area.top()), QPointF(band.right, area.bottom())),
            band.colour);
    QPen pen(lineColour, width);
    pen.setCapStyle(Qt::SquareCap);
    painter.setPen(pen);
    painter.drawLines(m_lines);
    painter.restore();
}

void PlotLayer::paintRaster(
    QPainter &painter, const QRectF &area, const QColor &lineColour, double width) const
{
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const QRect target = area.toAlignedRect();
    QImage layer(target.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    if (layer.isNull())
        return;
    layer.fill(Qt::transparent);
    layer.setDevicePixelRatio(ratio);
    uchar *bits = layer.bits();
    const qsizetype stride = layer.bytesPerLine();
    const int columns = layer.width();
    const int rows = layer.height();
    const QPointF origin = target.topLeft();
    const auto row = [&](int y) { return reinterpret_cast<QRgb *>(bits + y * stride); };
    const auto deviceX = [&](double x) { return (x - origin.x()) * ratio; };

    // Rules and bands: translucent, over what is there.
    const auto shade = [&](int left, int right, const QColor &colour) {
        left = std::max(0, left);
        right = std::min(columns - 1, right);
        if (left > right)
            return;
        const QRgb pixel = qPremultiply(colour.rgba());
        for (int y = 0; y < rows; ++y) {
            QRgb *line = row(y);
            for (int x = left; x <= right; ++x)
                line[x] = over(pixel, line[x]);
        }
    };
    for (const Span &rule : m_rules) {
        const int x = static_cast<int>(std::floor(deviceX(rule.left)));
        shade(x, x + std::max(1, static_cast<int>(ratio)) - 1, rule.colour);
    }
    for (const Span &band : m_bands) {
        shade(static_cast<int>(std::floor(deviceX(band.left))),
            static_cast<int>(std::ceil(deviceX(band.right))) - 1, band.colour);
    }

    // The line: opaque, `thickness` device pixels wide and that much longer.
    const QRgb pixel = qPremultiply(lineColour.rgba());
    const int thickness = std::max(1, static_cast<int>(std::lround(width * ratio)));
    const int before = thickness / 2;
    const auto fill = [&](int x, double top, double bottom) {
        const int first = std::max(0, static_cast<int>(std::floor(top)) - before);
        const int last
            = std::min(rows - 1, static_cast<int>(std::floor(bottom)) - before + thickness - 1);
        const int left = std::max(0, x - before);
        const int right = std::min(columns - 1, x - before + thickness - 1);
        if (first > last || left > right)
            return;
        for (int y = first; y <= last; ++y)
            std::fill(row(y) + left, row(y) + right + 1, pixel);
    };
    for (const QLineF &segment : m_lines) {
        QPointF a = (segment.p1() - origin) * ratio;
        QPointF b = (segment.p2() - origin) * ratio;
        if (a.x() > b.x())
            std::swap(a, b);
        const double dx = b.x() - a.x();
        if (dx < 1) {
            fill(static_cast<int>(std::floor(a.x())), std::min(a.y(), b.y()),
                std::max(a.y(), b.y()));
            continue;
        }
        // A connector: in each column it crosses, the part of its height within that column.
        const double slope = (b.y() - a.y()) / dx;
        const int firstColumn = std::max(0, static_cast<int>(std::floor(a.x())));
        const int lastColumn = std::min(columns - 1, static_cast<int>(std::floor(b.x())));
        for (int x = firstColumn; x <= lastColumn; ++x) {
            const double from = std::clamp(static_cast<double>(x), a.x(), b.x());
            const double to = std::clamp(static_cast<double>(x + 1), a.x(), b.x());
            const double y1 = a.y() + slope * (from - a.x());
            const double y2 = a.y() + slope * (to - a.x());
            fill(x, std::min(y1, y2), std::max(y1, y2));
        }
    }
    painter.drawImage(target.topLeft(), layer);
}

} // namespace ui
