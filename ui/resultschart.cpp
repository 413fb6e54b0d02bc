#include "ui/resultschart.h"

#include "models/resultstext.h"
#include "models/timetext.h"
#include "results/resultstime.h"
#include "ui/plotlayer.h"
#include "ui/timeaxisticks.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// How far the view moves for an arrow key, and how much + and - zoom.
constexpr double kPanStep = 0.1;
constexpr double kZoomStep = 0.5;
// A press that moves less than this is a click, not a drag.
constexpr double kDragThreshold = 4;
constexpr double kRibbonHeight = 14;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

enum class Ribbon { None, Normal, Anomaly, MachineOff, Missing };

Ribbon ribbonOf(const results::Bucket &bucket)
{
    if (bucket.anomalies > 0)
        return Ribbon::Anomaly;
    if (bucket.machineOff == bucket.points)
        return Ribbon::MachineOff;
    return Ribbon::Normal;
}

QString utcText(qint64 time)
{
    return models::utcDateTimeText(results::toDateTime(time));
}

} // namespace

ResultsChartColours ResultsChartColours::forPalette(const QPalette &palette)
{
    const bool dark = isDark(palette);
    ResultsChartColours colours;
    colours.background = palette.color(QPalette::Base);
    colours.text = palette.color(QPalette::Text);
    colours.grid = colours.text;
    colours.grid.setAlpha(dark ? 60 : 40);
    // Okabe-Ito: blue / sky blue, vermillion, bluish green.
    colours.line = dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    colours.anomaly = dark ? QColor(0xF0, 0x7E, 0x2E) : QColor(0xD5, 0x5E, 0x00);
    colours.normal = dark ? QColor(0x2E, 0xB8, 0x8F) : QColor(0x00, 0x9E, 0x73);
    colours.machineOff = palette.color(QPalette::Mid);
    colours.missing = colours.text;
    colours.missing.setAlpha(dark ? 150 : 120);
    colours.eventFill = colours.anomaly;
    colours.eventFill.setAlpha(dark ? 80 : 60);
    colours.selection = palette.color(QPalette::Highlight);
    return colours;
}

struct ResultsChart::LegendItem {
    QRectF mark; // the line or box
    QRectF text; // as wide as the label, or less where it is elided
    QString label;
};

struct ResultsChart::Layout {
    QRectF bounds;
    QRectF legend; // every line of it
    std::vector<LegendItem> legendItems; // in legendLabels() order
    QRectF span; // the span shown, right of the last legend line; empty when it does not fit
    QRectF plot;
    QRectF ribbon;
    QRectF axis;
    QFont font;
    ResultsChartColours colours;
};

ResultsChart::ResultsChart(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Anomaly score chart"));
    updateAccessibleDescription();
}

void ResultsChart::setData(const results::Series *series, const std::vector<results::Event> *events)
{
    m_series = series;
    m_events = events;
    m_viewChosen = false;
    m_selectedPrediction = -1;
    m_selectedEvent = -1;
    dataChanged();
}

void ResultsChart::dataChanged()
{
    if (m_selectedPrediction >= (m_series ? m_series->size() : 0))
        m_selectedPrediction = -1;
    if (m_selectedEvent >= (m_events ? static_cast<int>(m_events->size()) : 0))
        m_selectedEvent = -1;
    if (!m_viewChosen)
        applyRange(dataStart(), dataEnd(), RangeOrigin::Data);
    else
        applyRange(m_from, m_to, RangeOrigin::Data);
    updateAccessibleDescription();
    update();
}

void ResultsChart::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

bool ResultsChart::hasData() const
{
    return m_series && !m_series->isEmpty();
}

qint64 ResultsChart::spacing() const
{
    return hasData() ? m_series->typicalSpacing().value_or(0) : 0;
}

qint64 ResultsChart::dataStart() const
{
    return hasData() ? m_series->predictions().front().time : 0;
}

qint64 ResultsChart::dataEnd() const
{
    return hasData() ? m_series->predictions().back().time + qMax<qint64>(spacing(), 1) : 0;
}

void ResultsChart::setVisibleRange(qint64 from, qint64 to)
{
    applyRange(from, to, RangeOrigin::User);
}

void ResultsChart::showAll()
{
    m_viewChosen = false;
    applyRange(dataStart(), dataEnd(), RangeOrigin::Data);
}

void ResultsChart::applyRange(qint64 from, qint64 to, RangeOrigin origin)
{
    if (!hasData()) {
        m_from = m_to = 0;
        return;
    }
    const qint64 start = dataStart();
    const qint64 end = dataEnd();
    const qint64 extent = qMax<qint64>(end - start, kMinimumSpan);
    qint64 span = std::clamp<qint64>(to - from, kMinimumSpan, extent);
    if (from < start)
        from = start;
    if (from + span > start + extent)
        from = start + extent - span;
    if (origin == RangeOrigin::User)
        m_viewChosen = true;
    if (from == m_from && from + span == m_to)
        return;
    m_from = from;
    m_to = from + span;
    updateAccessibleDescription();
    update();
    emit visibleRangeChanged(m_from, m_to);
}

void ResultsChart::zoomBy(double factor, qint64 anchor)
{
    if (!hasData())
        return;
    const double span = static_cast<double>(m_to - m_from);
    const double before = static_cast<double>(anchor - m_from) / span;
    const auto newSpan = static_cast<qint64>(std::llround(span * factor));
    const auto from = anchor - static_cast<qint64>(std::llround(before * newSpan));
    applyRange(from, from + newSpan, RangeOrigin::User);
}

void ResultsChart::zoomBy(double factor)
{
    const qint64 anchor = m_selectedPrediction >= 0
            && m_series->at(m_selectedPrediction).time >= m_from
            && m_series->at(m_selectedPrediction).time < m_to
        ? m_series->at(m_selectedPrediction).time
        : m_from + (m_to - m_from) / 2;
    zoomBy(factor, anchor);
}

void ResultsChart::panBy(double fraction)
{
    const auto shift
        = static_cast<qint64>(std::llround(static_cast<double>(m_to - m_from) * fraction));
    applyRange(m_from + shift, m_to + shift, RangeOrigin::User);
}

void ResultsChart::selectPrediction(qsizetype index)
{
    if (!hasData() || index < 0 || index >= m_series->size())
        index = -1;
    if (index == m_selectedPrediction && m_selectedEvent < 0)
        return;
    m_selectedPrediction = index;
    m_selectedEvent = -1;
    if (index >= 0) {
        const qint64 time = m_series->at(index).time;
        if (time < m_from || time >= m_to)
            applyRange(time - (m_to - m_from) / 2, time + (m_to - m_from) / 2, currentOrigin());
    }
    update();
    emit predictionSelected(index);
}

void ResultsChart::selectEvent(int event)
{
    if (!m_events || event < 0 || event >= static_cast<int>(m_events->size()))
        event = -1;
    if (event == m_selectedEvent)
        return;
    m_selectedEvent = event;
    m_selectedPrediction = -1;
    if (event >= 0) {
        const results::Event &shown = (*m_events)[static_cast<size_t>(event)];
        if (shown.end < m_from || shown.start >= m_to) {
            const qint64 middle = shown.start + (shown.end - shown.start) / 2;
            applyRange(middle - (m_to - m_from) / 2, middle + (m_to - m_from) / 2, currentOrigin());
        }
    }
    update();
    emit eventSelected(event);
}

void ResultsChart::clearSelection()
{
    if (m_selectedEvent < 0 && m_selectedPrediction < 0)
        return;
    m_selectedEvent = -1;
    m_selectedPrediction = -1;
    update();
}

ResultsChart::Layout ResultsChart::layoutFor(const QRectF &rect) const
{
    Layout layout;
    layout.bounds = rect;
    layout.font = font();
    layout.colours = ResultsChartColours::forPalette(palette());
    const QFontMetricsF metrics(layout.font);
    const double line = metrics.height();
    const double left = metrics.horizontalAdvance(QStringLiteral("0.00")) + 12;
    const double right = 12;
    layoutLegend(layout,
        QRectF(rect.left() + left, rect.top() + 4, qMax(0.0, rect.width() - left - right), line));
    const double plotTop = layout.legend.bottom() + 8;
    const double axisHeight = line + 8;
    const double plotBottom = rect.bottom() - axisHeight - kRibbonHeight - 4;
    layout.plot = QRectF(QPointF(rect.left() + left, plotTop),
        QPointF(rect.right() - right, qMax(plotTop + 10, plotBottom)));
    layout.ribbon
        = QRectF(layout.plot.left(), layout.plot.bottom() + 4, layout.plot.width(), kRibbonHeight);
    layout.axis
        = QRectF(layout.plot.left(), layout.ribbon.bottom(), layout.plot.width(), axisHeight);
    return layout;
}

QStringList ResultsChart::legendLabels() const
{
    return { tr("Anomaly score"), tr("Anomaly"), tr("Normal"), tr("Machine off"), tr("No data"),
        tr("Event") };
}

void ResultsChart::layoutLegend(Layout &layout, const QRectF &firstLine) const
{
    // The entries flow left to right and wrap to another line where the next does not fit, so the
    // legend stays inside a narrow chart; a label wider than a whole line is elided.
    const QFontMetricsF metrics(layout.font);
    const double line = firstLine.height();
    const double box = line * 0.7;
    const double left = firstLine.left();
    const double right = firstLine.right();
    double x = left;
    double top = firstLine.top();
    const QStringList labels = legendLabels();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const double markWidth = i == 0 ? box * 1.6 : box; // the score is a line, the rest boxes
        const double textWidth = metrics.horizontalAdvance(labels.at(i)) + 1;
        if (x > left && x + markWidth + 4 + textWidth > right) {
            x = left;
            top += line;
        }
        LegendItem item;
        item.label = labels.at(i);
        item.mark = QRectF(x, top + (line - box) / 2, markWidth, box);
        const double textLeft = x + markWidth + 4;
        item.text = QRectF(textLeft, top, qMax(0.0, qMin(textWidth, right - textLeft)), line);
        x = item.text.right() + 14;
        layout.legendItems.push_back(std::move(item));
    }
    layout.legend = QRectF(left, firstLine.top(), firstLine.width(), top + line - firstLine.top());
    if (hasData()) {
        // The span shown, right of the last line where the legend leaves room for it.
        const double width = metrics.horizontalAdvance(spanText()) + 1;
        if (x + width <= right)
            layout.span = QRectF(right - width, top, width, line);
    }
}

QString ResultsChart::spanText() const
{
    return tr("%1 to %2").arg(utcText(m_from), utcText(m_to));
}

QRectF ResultsChart::legendArea() const
{
    const Layout layout = layoutFor(QRectF(rect()));
    QRectF area = layout.span;
    for (const LegendItem &item : layout.legendItems)
        area = area.united(item.mark).united(item.text);
    return area;
}

QRectF ResultsChart::plotArea() const
{
    return layoutFor(QRectF(rect())).plot;
}

QRectF ResultsChart::ribbonArea() const
{
    return layoutFor(QRectF(rect())).ribbon;
}

double ResultsChart::xForTime(qint64 time) const
{
    const QRectF plot = plotArea();
    if (m_to <= m_from)
        return plot.left();
    return plot.left()
        + static_cast<double>(time - m_from) * plot.width() / static_cast<double>(m_to - m_from);
}

qint64 ResultsChart::timeForX(double x) const
{
    const QRectF plot = plotArea();
    if (plot.width() <= 0)
        return m_from;
    return m_from
        + static_cast<qint64>(
            std::floor((x - plot.left()) * static_cast<double>(m_to - m_from) / plot.width()));
}

double ResultsChart::yForScore(double score) const
{
    const QRectF plot = plotArea();
    return plot.bottom() - std::clamp(score, 0.0, 1.0) * plot.height();
}

int ResultsChart::eventAt(qint64 time) const
{
    if (!m_events)
        return -1;
    const qint64 cover = qMax<qint64>(spacing(), 1);
    const auto found = std::upper_bound(m_events->begin(), m_events->end(), time,
        [](qint64 value, const results::Event &event) { return value < event.start; });
    if (found == m_events->begin())
        return -1;
    const auto candidate = std::prev(found);
    return time < candidate->end + cover ? static_cast<int>(candidate - m_events->begin()) : -1;
}

QString ResultsChart::toolTipAt(const QPointF &position) const
{
    const QRectF plot = plotArea();
    const QRectF ribbon = ribbonArea();
    if (!hasData() || position.x() < plot.left() || position.x() > plot.right()
        || position.y() < plot.top() || position.y() > ribbon.bottom())
        return {};
    const qint64 time = timeForX(position.x());
    const qsizetype index = m_series->nearest(time);
    const results::Prediction &prediction = m_series->at(index);
    // Nothing to show where the nearest prediction is far from the pointer (a gap).
    const double reach
        = qMax(8.0, xForTime(prediction.time + spacing()) - xForTime(prediction.time));
    if (std::abs(xForTime(prediction.time) - position.x()) > reach)
        return tr("No data at %1").arg(utcText(time));
    QStringList lines { utcText(prediction.time) };
    lines << (prediction.has(results::Prediction::HasScore)
            ? tr("Anomaly score: %1").arg(models::scoreText(prediction.score))
            : tr("Anomaly score: not set"));
    const QString reason = m_series->reasonText(prediction);
    lines << (reason.isEmpty() ? tr("Reason: not set") : tr("Reason: %1").arg(reason));
    if (const int event = eventAt(prediction.time); event >= 0) {
        const results::Event &found = (*m_events)[static_cast<size_t>(event)];
        lines << tr("Event %1 to %2 (predictions: %n)", nullptr, static_cast<int>(found.points))
                     .arg(utcText(found.start), utcText(found.end));
    }
    return lines.join(QLatin1Char('\n'));
}

void ResultsChart::selectAt(const QPointF &position)
{
    if (!hasData())
        return;
    const qint64 time = timeForX(position.x());
    if (const int event = eventAt(time); event >= 0) {
        selectEvent(event);
        return;
    }
    selectPrediction(m_series->nearest(time));
}

void ResultsChart::updateAccessibleDescription()
{
    QString description;
    if (!hasData()) {
        description = m_placeholder.isEmpty() ? tr("No results") : m_placeholder;
    } else {
        const int events = m_events ? static_cast<int>(m_events->size()) : 0;
        description
            = tr("Predictions from %1 to %2: %n", nullptr, static_cast<int>(m_series->size()))
                  .arg(utcText(dataStart()), utcText(m_series->predictions().back().time))
            + QLatin1String("; ") + tr("Events: %n", nullptr, events) + QLatin1String("; ")
            + tr("showing %1 to %2").arg(utcText(m_from), utcText(m_to));
    }
    if (description != accessibleDescription())
        setAccessibleDescription(description);
}

QSize ResultsChart::sizeHint() const
{
    return { 800, 320 };
}

QSize ResultsChart::minimumSizeHint() const
{
    return { 240, 140 };
}

void ResultsChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintChart(painter, QRectF(rect()));
    if (hasFocus()) {
        QPen pen(palette().color(QPalette::Highlight), 2);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void ResultsChart::paintChart(QPainter &painter, const QRectF &rect) const
{
    const Layout layout = layoutFor(rect);
    painter.save();
    painter.setFont(layout.font);
    painter.fillRect(rect, layout.colours.background);
    paintLegend(painter, layout);
    paintGrid(painter, layout);
    if (!hasData()) {
        painter.setPen(layout.colours.text);
        painter.drawText(layout.plot, Qt::AlignCenter,
            m_placeholder.isEmpty() ? tr("No results") : m_placeholder);
        painter.restore();
        return;
    }
    const std::vector<TimeTick> ticks
        = timeAxisTicks(m_from, m_to, layout.plot.width(), QFontMetricsF(layout.font));
    PlotLayer layer;
    addTimeGrid(layer, layout, ticks);
    painter.save();
    painter.setClipRect(layout.plot.united(layout.ribbon));
    addEvents(layer, layout);
    paintData(painter, layer, layout);
    layer.paint(painter, layout.plot, layout.colours.line, 2);
    paintSelection(painter, layout);
    painter.restore();
    paintTimeLabels(painter, layout, ticks);
    painter.restore();
}

void ResultsChart::paintLegend(QPainter &painter, const Layout &layout) const
{
    const ResultsChartColours &colours = layout.colours;
    const QFontMetricsF metrics(layout.font);
    const QBrush brushes[] = { Qt::NoBrush, colours.anomaly, colours.normal, colours.machineOff,
        QBrush(colours.missing, Qt::BDiagPattern), colours.eventFill };
    for (std::size_t i = 0; i < layout.legendItems.size(); ++i) {
        const LegendItem &item = layout.legendItems[i];
        if (i == 0) {
            painter.setPen(QPen(colours.line, 2));
            painter.drawLine(QPointF(item.mark.left(), item.mark.center().y()),
                QPointF(item.mark.right(), item.mark.center().y()));
        } else {
            painter.setPen(QPen(colours.grid, 1));
            painter.setBrush(brushes[i]);
            painter.drawRect(item.mark);
        }
        painter.setPen(colours.text);
        painter.drawText(item.text, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(item.label, Qt::ElideRight, item.text.width()));
    }
    if (!layout.span.isEmpty()) {
        painter.setPen(colours.text);
        painter.drawText(layout.span, Qt::AlignRight | Qt::AlignVCenter, spanText());
    }
}

void ResultsChart::paintGrid(QPainter &painter, const Layout &layout) const
{
    const ResultsChartColours &colours = layout.colours;
    const QRectF &plot = layout.plot;
    painter.setPen(QPen(colours.grid, 1));
    for (const double score : { 0.0, 0.25, 0.5, 0.75, 1.0 }) {
        const double y = std::round(plot.bottom() - score * plot.height()) + 0.5;
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    painter.setPen(colours.text);
    const QFontMetricsF metrics(layout.font);
    for (const double score : { 0.0, 0.5, 1.0 }) {
        const double y = plot.bottom() - score * plot.height();
        const QRectF label(layout.bounds.left(), y - metrics.height() / 2,
            plot.left() - layout.bounds.left() - 6, metrics.height());
        painter.drawText(
            label, Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(score, 'f', 1));
    }
}

void ResultsChart::addEvents(PlotLayer &layer, const Layout &layout) const
{
    if (!m_events)
        return;
    const QRectF &plot = layout.plot;
    const double scale = plot.width() / static_cast<double>(m_to - m_from);
    const qint64 cover = qMax<qint64>(spacing(), 1);
    const auto x
        = [&](qint64 time) { return plot.left() + static_cast<double>(time - m_from) * scale; };
    // Events are in time order: skip to the first that ends in view.
    auto it = std::lower_bound(m_events->begin(), m_events->end(), m_from,
        [cover](const results::Event &event, qint64 value) { return event.end + cover < value; });
    // Events that touch on screen are one rectangle: a year has thousands, a few per pixel.
    double runLeft = 0;
    double runRight = -1;
    const auto flush = [&] {
        if (runRight > runLeft)
            layer.addBand(runLeft, runRight, layout.colours.eventFill);
    };
    for (; it != m_events->end() && it->start < m_to; ++it) {
        const double left = std::floor(x(it->start));
        const double right = std::max(left + 1, std::ceil(x(it->end + cover)));
        if (left <= runRight) {
            runRight = std::max(runRight, right);
            continue;
        }
        flush();
        runLeft = left;
        runRight = right;
    }
    flush();
}

void ResultsChart::paintData(QPainter &painter, PlotLayer &layer, const Layout &layout) const
{
    const ResultsChartColours &colours = layout.colours;
    const QRectF &plot = layout.plot;
    const QRectF &ribbon = layout.ribbon;
    const int columns = qMax(1, static_cast<int>(std::floor(plot.width())));
    const std::vector<results::Bucket> buckets = m_series->decimate(m_from, m_to, columns);
    const qint64 cover = qMax<qint64>(spacing(), 1);
    // A prediction stands for one spacing; beyond one and a half without one, data is missing.
    const qint64 gapLimit = cover + cover / 2;
    const qint64 lastTime = m_series->predictions().back().time;
    const double height = plot.height();
    const auto y
        = [&](double score) { return plot.bottom() - std::clamp(score, 0.0, 1.0) * height; };

    // The ribbon: runs of one state drawn as one rectangle each.
    std::vector<std::pair<Ribbon, QRectF>> runs;
    const auto addRibbon = [&](Ribbon state, double left) {
        if (state == Ribbon::None)
            return;
        if (!runs.empty() && runs.back().first == state && runs.back().second.right() >= left) {
            runs.back().second.setRight(left + 1);
            return;
        }
        runs.emplace_back(state, QRectF(left, ribbon.top(), 1, ribbon.height()));
    };

    PlotLayer &lines = layer;
    lines.reserveLines(columns * 2);
    bool havePrevious = false;
    double previousX = 0;
    double previousScore = 0;
    qint64 previousTime = 0;
    bool anyBefore = false; // a prediction at or before this column
    Ribbon previousState = Ribbon::None;
    qint64 previousStateTime = 0;
    // Whether predictions come before the view (so the first empty columns are a gap or a
    // continuation, not "before the data").
    const qsizetype firstInView = m_series->lowerBound(m_from);
    if (firstInView > 0) {
        const results::Prediction &before = m_series->at(firstInView - 1);
        anyBefore = true;
        previousStateTime = before.time;
        previousState = before.isAnomaly()                 ? Ribbon::Anomaly
            : before.reason == results::Reason::MachineOff ? Ribbon::MachineOff
                                                           : Ribbon::Normal;
        if (before.has(results::Prediction::HasScore)) {
            havePrevious = true;
            previousTime = before.time;
            previousScore = before.score;
            previousX = plot.left()
                + static_cast<double>(before.time - m_from) * plot.width()
                    / static_cast<double>(m_to - m_from);
        }
    }

    for (int column = 0; column < static_cast<int>(buckets.size()); ++column) {
        const results::Bucket &bucket = buckets[static_cast<size_t>(column)];
        const double left = plot.left() + column;
        const double x = left + 0.5;
        if (bucket.points == 0) {
            if (!anyBefore || bucket.start > lastTime)
                continue;
            addRibbon(
                bucket.start < previousStateTime + cover ? previousState : Ribbon::Missing, left);
            continue;
        }
        const Ribbon state = ribbonOf(bucket);
        addRibbon(state, left);
        anyBefore = true;
        previousState = state;
        previousStateTime = bucket.lastTime;
        if (bucket.scored == 0) {
            havePrevious = false; // the machine was off: no line across
            continue;
        }
        if (havePrevious && bucket.start - previousTime <= gapLimit) {
            lines.addLine(QLineF(previousX, y(previousScore), x,
                y(std::clamp(previousScore, bucket.minScore, bucket.maxScore))));
        }
        lines.addLine(QLineF(x, y(bucket.maxScore), x, y(bucket.minScore)));
        havePrevious = true;
        previousX = x;
        previousScore = bucket.lastScore;
        previousTime = bucket.lastTime;
    }
    // The line on to the first prediction after the view.
    const qsizetype after = m_series->lowerBound(m_to);
    if (havePrevious && after < m_series->size()) {
        const results::Prediction &next = m_series->at(after);
        if (next.has(results::Prediction::HasScore) && next.time - previousTime <= gapLimit) {
            const double nextX = plot.left()
                + static_cast<double>(next.time - m_from) * plot.width()
                    / static_cast<double>(m_to - m_from);
            lines.addLine(QLineF(previousX, y(previousScore), nextX, y(next.score)));
        }
    }

    for (const auto &[state, area] : runs) {
        switch (state) {
        case Ribbon::Anomaly:
            painter.fillRect(area, colours.anomaly);
            break;
        case Ribbon::Normal:
            painter.fillRect(area, colours.normal);
            break;
        case Ribbon::MachineOff:
            painter.fillRect(area, colours.machineOff);
            break;
        case Ribbon::Missing:
            painter.fillRect(area, QBrush(colours.missing, Qt::BDiagPattern));
            break;
        case Ribbon::None:
            break;
        }
    }
}

void ResultsChart::paintSelection(QPainter &painter, const Layout &layout) const
{
    const QRectF &plot = layout.plot;
    const double scale = plot.width() / static_cast<double>(m_to - m_from);
    const auto x
        = [&](qint64 time) { return plot.left() + static_cast<double>(time - m_from) * scale; };
    QPen pen(layout.colours.selection, 2);
    painter.setBrush(Qt::NoBrush);
    if (m_selectedEvent >= 0 && m_events) {
        const results::Event &event = (*m_events)[static_cast<size_t>(m_selectedEvent)];
        const double left = x(event.start);
        const double right = qMax(left + 2, x(event.end + qMax<qint64>(spacing(), 1)));
        painter.setPen(pen);
        painter.drawRect(
            QRectF(QPointF(left, plot.top() + 1), QPointF(right, layout.ribbon.bottom() - 1)));
    }
    if (m_selectedPrediction >= 0) {
        const results::Prediction &prediction = m_series->at(m_selectedPrediction);
        const double at = std::round(x(prediction.time)) + 0.5;
        painter.setPen(pen);
        painter.drawLine(QPointF(at, plot.top()), QPointF(at, layout.ribbon.bottom()));
        if (prediction.has(results::Prediction::HasScore)) {
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setBrush(layout.colours.background);
            const double score = std::clamp(prediction.score, 0.0, 1.0);
            painter.drawEllipse(QPointF(at, plot.bottom() - score * plot.height()), 4, 4);
        }
    }
}

void ResultsChart::addTimeGrid(
    PlotLayer &layer, const Layout &layout, const std::vector<TimeTick> &ticks) const
{
    const QRectF &plot = layout.plot;
    const double scale = plot.width() / static_cast<double>(m_to - m_from);
    for (const TimeTick &tick : ticks) {
        QColor grid = layout.colours.grid;
        if (tick.major)
            grid.setAlpha(qMin(255, grid.alpha() * 2));
        layer.addRule(
            std::round(plot.left() + static_cast<double>(tick.time - m_from) * scale), grid);
    }
}

void ResultsChart::paintTimeLabels(
    QPainter &painter, const Layout &layout, const std::vector<TimeTick> &ticks) const
{
    const QRectF &plot = layout.plot;
    const QFontMetricsF metrics(layout.font);
    const double scale = plot.width() / static_cast<double>(m_to - m_from);
    painter.setPen(layout.colours.text);
    double lastRight = layout.axis.left() - 1e9;
    for (const TimeTick &tick : ticks) {
        const double x = plot.left() + static_cast<double>(tick.time - m_from) * scale;
        const double width = metrics.horizontalAdvance(tick.label);
        const QRectF label(x - width / 2, layout.axis.top() + 4, width + 1, metrics.height());
        if (label.left() <= lastRight + 4 || label.right() > layout.bounds.right())
            continue;
        painter.drawText(label, Qt::AlignCenter, tick.label);
        lastRight = label.right();
    }
}

bool ResultsChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void ResultsChart::wheelEvent(QWheelEvent *event)
{
    if (!hasData()) {
        event->ignore();
        return;
    }
    const QPoint angle = event->angleDelta();
    const bool horizontal = event->modifiers().testFlag(Qt::ShiftModifier) || angle.x() != 0;
    const double steps = (angle.x() != 0 ? angle.x() : angle.y()) / 120.0;
    if (horizontal)
        panBy(-steps * kPanStep);
    else
        zoomBy(std::pow(0.8, steps), timeForX(event->position().x()));
    event->accept();
}

void ResultsChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressed = true;
    m_dragging = false;
    m_pressPosition = event->position();
    m_pressFrom = m_from;
    event->accept();
}

void ResultsChart::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed || !hasData()) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const double dx = event->position().x() - m_pressPosition.x();
    if (!m_dragging && std::abs(dx) < kDragThreshold)
        return;
    if (!m_dragging)
        setCursor(Qt::ClosedHandCursor);
    m_dragging = true;
    const qint64 span = m_to - m_from;
    const double width = plotArea().width();
    const auto shift = static_cast<qint64>(std::llround(dx * static_cast<double>(span) / width));
    applyRange(m_pressFrom - shift, m_pressFrom - shift + span, RangeOrigin::User);
    event->accept();
}

void ResultsChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
    } else if (plotArea().united(ribbonArea()).contains(event->position())) {
        selectAt(event->position());
    }
    event->accept();
}

void ResultsChart::keyPressEvent(QKeyEvent *event)
{
    if (!hasData()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const bool large = event->modifiers().testFlag(Qt::ShiftModifier);
    const qint64 span = m_to - m_from;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kZoomStep);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomBy(1 / kZoomStep);
        break;
    case Qt::Key_Left:
        panBy(large ? -0.5 : -kPanStep);
        break;
    case Qt::Key_Right:
        panBy(large ? 0.5 : kPanStep);
        break;
    case Qt::Key_Home:
        applyRange(dataStart(), dataStart() + span, RangeOrigin::User);
        break;
    case Qt::Key_End:
        applyRange(dataEnd() - span, dataEnd(), RangeOrigin::User);
        break;
    case Qt::Key_0:
        showAll();
        break;
    case Qt::Key_PageUp:
    case Qt::Key_PageDown: {
        if (!m_events || m_events->empty())
            break;
        const int count = static_cast<int>(m_events->size());
        const bool next = event->key() == Qt::Key_PageDown;
        int target = 0;
        if (m_selectedEvent >= 0) {
            target = std::clamp(m_selectedEvent + (next ? 1 : -1), 0, count - 1);
        } else {
            // From the selected prediction or the view: the first event after (or before) it.
            const qint64 from
                = m_selectedPrediction >= 0 ? m_series->at(m_selectedPrediction).time : m_from;
            target = next ? count - 1 : 0;
            for (int i = 0; i < count; ++i) {
                const results::Event &candidate = (*m_events)[static_cast<size_t>(i)];
                if (next && candidate.start >= from) {
                    target = i;
                    break;
                }
                if (!next && candidate.start < from)
                    target = i;
            }
        }
        selectEvent(target);
        break;
    }
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ResultsChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace ui
