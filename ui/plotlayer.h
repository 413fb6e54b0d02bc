#pragma once

#include <QColor>
#include <QLineF>
#include <QList>
#include <QRectF>

class QPainter;

namespace ui {

// What the chart draws across the full height of its plot, in drawing order: the time grid's
// rules, the events' translucent bands, then the anomaly score's line (mostly short vertical
// segments, each pixel column's lowest to highest score, and connectors between columns).
//
// On a raster device (the window, a PNG) all of it is written column by column into one image
// that is drawn once: Qt's raster engine hands every fill taller than about a hundred rows to its
// thread pool, and a year's 1,600 tall columns a frame cost far more in those hand-offs than in
// pixels. On other devices (SVG) it stays vector rules, rectangles and lines.
class PlotLayer {
public:
    void addRule(double x, const QColor &colour) { m_rules.append({ x, x, colour }); }
    void addBand(double left, double right, const QColor &colour)
    {
        m_bands.append({ left, right, colour });
    }
    void reserveLines(qsizetype count) { m_lines.reserve(count); }
    void addLine(const QLineF &line) { m_lines.append(line); }
    qsizetype lineCount() const { return m_lines.size(); }

    // Draws everything over `area` (its height is the rules' and bands'), the line `width`
    // pixels wide in `lineColour`.
    void paint(QPainter &painter, const QRectF &area, const QColor &lineColour, double width) const;

private:
    struct Span {
        double left;
        double right;
        QColor colour;
    };
    void paintRaster(
        QPainter &painter, const QRectF &area, const QColor &lineColour, double width) const;
    void paintVector(
        QPainter &painter, const QRectF &area, const QColor &lineColour, double width) const;

    QList<Span> m_rules;
    QList<Span> m_bands;
    QList<QLineF> m_lines;
};

} // namespace ui
