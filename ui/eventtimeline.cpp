#include "ui/eventtimeline.h"

#include "models/executionticks.h"
#include "models/inferenceeventmodel.h"
#include "ui/resultschart.h"
#include "ui/timeaxisticks.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr double kMargin = 8;
constexpr double kMinBandWidth = 3; // pixels: a five-minute event in a month still shows
constexpr double kPickTolerance = 4; // pixels either side of a band that a click still hits
constexpr double kTickRow = 14;

} // namespace

EventTimeline::EventTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("eventTimeline"));
    setAccessibleName(tr("Events timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void EventTimeline::setSources(
    const models::InferenceEventModel *events, const models::ExecutionTicks *ticks)
{
    if (m_events)
        disconnect(m_events, nullptr, this, nullptr);
    if (m_ticks)
        disconnect(m_ticks, nullptr, this, nullptr);
    m_events = events;
    m_ticks = ticks;
    const auto changed = [this] {
        m_selected = -1;
        updateDescription();
        update();
    };
    if (m_events)
        connect(m_events, &QAbstractItemModel::modelReset, this, changed);
    if (m_ticks)
        connect(m_ticks, &models::ExecutionTicks::stateChanged, this, [this] {
            updateDescription();
            update();
        });
    changed();
}

void EventTimeline::setInterval(qint64 from, qint64 to)
{
    m_from = from;
    m_to = std::max(to, from + 1);
    update();
}

void EventTimeline::setSelectedRow(int row)
{
    const int count = m_events ? m_events->rowCount() : 0;
    const int selected = row >= 0 && row < count ? row : -1;
    if (selected == m_selected)
        return;
    m_selected = selected;
    updateDescription();
    update();
}

QSize EventTimeline::sizeHint() const
{
    return { 600, minimumSizeHint().height() };
}

QSize EventTimeline::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return { 200, static_cast<int>(line * 2 + kTickRow + line + 4 * kMargin) };
}

QRectF EventTimeline::plotArea() const
{
    const double line = fontMetrics().height();
    return QRectF(kMargin, kMargin, std::max(1.0, width() - 2 * kMargin), line * 2);
}

double EventTimeline::xOf(qint64 time, const QRectF &plot) const
{
    const double fraction = static_cast<double>(time - m_from) / static_cast<double>(m_to - m_from);
    return plot.left() + std::clamp(fraction, 0.0, 1.0) * plot.width();
}

std::vector<EventTimeline::Band> EventTimeline::bands(const QRectF &plot) const
{
    std::vector<Band> result;
    if (!m_events)
        return result;
    result.reserve(m_events->events().size());
    for (const models::InferenceEventModel::Event &event : m_events->events()) {
        double left = xOf(event.start.value_or(m_from), plot);
        double right = xOf(event.end.value_or(m_to), plot);
        if (right < left)
            std::swap(left, right);
        if (right - left < kMinBandWidth) {
            const double middle = (left + right) / 2;
            left = middle - kMinBandWidth / 2;
            right = middle + kMinBandWidth / 2;
        }
        result.push_back({ left, right });
    }
    return result;
}

int EventTimeline::rowAt(double x) const
{
    const std::vector<Band> all = bands(plotArea());
    int best = -1;
    double bestDistance = kPickTolerance;
    for (size_t row = 0; row < all.size(); ++row) {
        const double distance
            = x < all[row].left ? all[row].left - x : (x > all[row].right ? x - all[row].right : 0);
        if (distance < bestDistance || (distance == 0 && best < 0)) {
            best = static_cast<int>(row);
            bestDistance = distance;
        }
    }
    return best;
}

void EventTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const ResultsChartColours colours = ResultsChartColours::forPalette(palette());
    painter.fillRect(rect(), colours.background);
    const QRectF plot = plotArea();
    const QFontMetricsF metrics(font());

    // The axis first: its day rules run under the bands.
    const QRectF ticksRow(plot.left(), plot.bottom() + 2, plot.width(), kTickRow);
    const double axisTop = ticksRow.bottom() + 2;
    const std::vector<TimeTick> axis = timeAxisTicks(m_from, m_to, plot.width(), metrics);
    painter.setPen(colours.text);
    for (const TimeTick &tick : axis) {
        const double x = std::round(xOf(tick.time, plot)) + 0.5;
        QColor rule = colours.grid;
        if (tick.major)
            rule.setAlpha(std::min(255, rule.alpha() * 2));
        painter.setPen(rule);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, ticksRow.bottom()));
        painter.setPen(colours.text);
        painter.drawText(
            QRectF(x + 2, axisTop, metrics.horizontalAdvance(tick.label) + 2, metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter, tick.label);
    }

    // The executions, one pixel column at a time: 30 days of 5-minute runs are 8,640 ticks.
    if (m_ticks && !m_ticks->ticks().empty()) {
        const int columns = std::max(1, static_cast<int>(plot.width()));
        std::vector<quint8> seen(static_cast<size_t>(columns) + 1, 0); // 1 ran, 2 failed
        for (const models::ExecutionTicks::Tick &tick : m_ticks->ticks()) {
            const auto column = static_cast<size_t>(
                std::clamp(xOf(tick.time, plot) - plot.left(), 0.0, static_cast<double>(columns)));
            seen[column] |= tick.outcome == models::ExecutionTicks::Outcome::Failed ? 2 : 1;
        }
        QList<QLineF> ran;
        QList<QLineF> failed;
        for (size_t column = 0; column < seen.size(); ++column) {
            const double x = plot.left() + static_cast<double>(column) + 0.5;
            if (seen[column] & 2)
                failed.append(QLineF(x, ticksRow.top(), x, ticksRow.bottom()));
            else if (seen[column] & 1)
                ran.append(QLineF(x, ticksRow.center().y(), x, ticksRow.bottom()));
        }
        painter.setPen(QPen(colours.normal, 1));
        painter.drawLines(ran);
        painter.setPen(QPen(colours.text, 2));
        painter.drawLines(failed);
        // Failed runs are marked above their tick as well: shape, not only colour.
        painter.setBrush(colours.text);
        painter.setPen(Qt::NoPen);
        for (const QLineF &line : std::as_const(failed)) {
            const QPointF top = line.p1();
            painter.drawPolygon(
                QPolygonF({ top + QPointF(-3, -1), top + QPointF(3, -1), top + QPointF(0, 3) }));
        }
    }

    // The events.
    painter.setPen(Qt::NoPen);
    const std::vector<Band> all = bands(plot);
    for (const Band &each : all)
        painter.fillRect(
            QRectF(each.left, plot.top(), each.right - each.left, plot.height()), colours.anomaly);
    if (m_selected >= 0 && static_cast<size_t>(m_selected) < all.size()) {
        const Band &chosen = all[static_cast<size_t>(m_selected)];
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(colours.selection, 2));
        painter.drawRect(QRectF(
            chosen.left - 2, plot.top() - 2, chosen.right - chosen.left + 4, plot.height() + 4));
    }
    if (all.empty()) {
        painter.setPen(colours.text);
        painter.drawText(plot, Qt::AlignCenter,
            m_events && m_events->state() == models::InferenceEventModel::State::Loaded
                ? tr("No anomaly events in this interval")
                : QString());
    }
    if (hasFocus()) {
        painter.setPen(QPen(colours.selection, 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void EventTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int row = rowAt(event->position().x());
    if (row >= 0)
        choose(row);
    event->accept();
}

void EventTimeline::keyPressEvent(QKeyEvent *event)
{
    const int count = m_events ? m_events->rowCount() : 0;
    if (count == 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        choose(m_selected < 0 ? count - 1 : std::max(0, m_selected - 1));
        break;
    case Qt::Key_Right:
        choose(m_selected < 0 ? 0 : std::min(count - 1, m_selected + 1));
        break;
    case Qt::Key_Home:
        choose(0);
        break;
    case Qt::Key_End:
        choose(count - 1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void EventTimeline::choose(int row)
{
    setSelectedRow(row);
    emit eventChosen(m_selected);
}

void EventTimeline::updateDescription()
{
    const int count = m_events ? m_events->rowCount() : 0;
    QString text = tr("%n anomaly events", nullptr, count);
    if (m_ticks && m_ticks->state() == models::ExecutionTicks::State::Loaded)
        text += QStringLiteral("; ")
            + tr("%n executions", nullptr, static_cast<int>(m_ticks->ticks().size()))
            + QStringLiteral(", ")
            + tr("%n failed", nullptr, static_cast<int>(m_ticks->failedCount()));
    if (m_events && m_events->eventAt(m_selected))
        text += QStringLiteral("; ")
            + tr("selected: %1")
                  .arg(m_events->index(m_selected, models::InferenceEventModel::StartColumn)
                           .data()
                           .toString());
    setAccessibleDescription(text);
}

} // namespace ui
