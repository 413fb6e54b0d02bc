#pragma once

#include "results/events.h"
#include "results/series.h"
#include "ui/timeaxisticks.h"

#include <QColor>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace ui {

class PlotLayer;

// The colours of a results chart: the palette's for the frame, text and selection, and fixed
// hues from the Okabe-Ito set (told apart with any colour vision) for what the data says, in a
// lighter shade on dark palettes.
struct ResultsChartColours {
    QColor background;
    QColor text;
    QColor grid;
    QColor line; // the anomaly score
    QColor anomaly;
    QColor normal;
    QColor machineOff;
    QColor missing; // the hatching of a gap in the data
    QColor eventFill;
    QColor selection;

    static ResultsChartColours forPalette(const QPalette &palette);
};

// The anomaly score of a results series over time, drawn with QPainter: the score as a line (the
// lowest and highest score of each pixel column, from Series::decimate, so a single spike in a
// year still shows), under it a ribbon of the predictions (anomaly, normal, machine off, and
// hatching where data is missing), and the events shaded. A legend (on as many lines as the
// width needs) and the shown span are drawn above, the time axis (UTC) below.
//
// Zoom with the wheel, + and -; pan by dragging, with Shift+wheel and the arrow keys; Home and End
// go to the first and last results, 0 shows everything; Page Up and Page Down select the previous
// and next event. Hovering shows the time, score and reason of the nearest prediction; a click
// selects the event under the pointer, or else the nearest prediction.
//
// A prediction stands for the typical spacing of the series after it (Series::typicalSpacing()):
// where the next one comes later than that, the data is missing.
class ResultsChart : public QWidget {
    Q_OBJECT

public:
    explicit ResultsChart(QWidget *parent = nullptr);

    // Shows `series` and its `events` (null: nothing). Both must stay alive while shown; call
    // dataChanged() after either changed. The view then shows all of the data until the user
    // zooms or pans.
    void setData(const results::Series *series, const std::vector<results::Event> *events);
    void dataChanged();
    // Drawn when there is no data ("Loading…", "No results in this range").
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // The span shown, [from, to) in microseconds since the epoch.
    qint64 visibleFrom() const { return m_from; }
    qint64 visibleTo() const { return m_to; }
    // Shows [from, to), kept within the data and at least kMinimumSpan long.
    void setVisibleRange(qint64 from, qint64 to);
    void showAll();
    // Scales the span by `factor` (< 1 zooms in) keeping `anchor` where it is on screen.
    void zoomBy(double factor, qint64 anchor);
    void zoomBy(double factor);
    // Moves the view by `fraction` of its span (negative: to earlier times).
    void panBy(double fraction);

    // The selection: one prediction (an index into the series) or one event (an index into the
    // events); -1 when none.
    qsizetype selectedPrediction() const { return m_selectedPrediction; }
    int selectedEvent() const { return m_selectedEvent; }
    void selectPrediction(qsizetype index);
    void selectEvent(int event);
    void clearSelection();

    // Where things are drawn in the widget. The legend wraps onto more lines in a narrow chart.
    QRectF legendArea() const;
    QRectF plotArea() const;
    QRectF ribbonArea() const;
    double xForTime(qint64 time) const;
    qint64 timeForX(double x) const;
    double yForScore(double score) const;
    // What hovering at `position` shows: the nearest prediction's time (UTC), score and reason,
    // and the event it belongs to; empty away from the data.
    QString toolTipAt(const QPointF &position) const;

    // Draws the chart as shown into `rect` of any paint device (the PNG and SVG exports).
    void paintChart(QPainter &painter, const QRectF &rect) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr qint64 kMinimumSpan = 10LL * 60 * 1'000'000; // ten minutes

signals:
    void predictionSelected(qsizetype index);
    void eventSelected(int event);
    void visibleRangeChanged(qint64 from, qint64 to);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct LegendItem;
    struct Layout;
    Layout layoutFor(const QRectF &rect) const;
    // The legend's entries laid out from `firstLine` on, wrapped to its width.
    void layoutLegend(Layout &layout, const QRectF &firstLine) const;
    QStringList legendLabels() const;
    QString spanText() const;
    bool hasData() const;
    qint64 dataStart() const;
    qint64 dataEnd() const; // the last prediction plus one spacing
    qint64 spacing() const;
    // Who set a range: a user's choice (zoom, pan, keys) is kept when new data arrives.
    enum class RangeOrigin { Data, User };
    void applyRange(qint64 from, qint64 to, RangeOrigin origin);
    RangeOrigin currentOrigin() const
    {
        return m_viewChosen ? RangeOrigin::User : RangeOrigin::Data;
    }
    void selectAt(const QPointF &position);
    int eventAt(qint64 time) const;
    void updateAccessibleDescription();

    void paintLegend(QPainter &painter, const Layout &layout) const;
    void paintGrid(QPainter &painter, const Layout &layout) const;
    void addEvents(PlotLayer &layer, const Layout &layout) const;
    // The ribbon, and the score's line into `layer`.
    void paintData(QPainter &painter, PlotLayer &layer, const Layout &layout) const;
    void paintSelection(QPainter &painter, const Layout &layout) const;
    // Under the data, and the labels below it.
    void addTimeGrid(
        PlotLayer &layer, const Layout &layout, const std::vector<TimeTick> &ticks) const;
    void paintTimeLabels(
        QPainter &painter, const Layout &layout, const std::vector<TimeTick> &ticks) const;

    const results::Series *m_series = nullptr;
    const std::vector<results::Event> *m_events = nullptr;
    QString m_placeholder;
    qint64 m_from = 0;
    qint64 m_to = 0;
    bool m_viewChosen = false; // the user zoomed or panned: new data keeps the view
    qsizetype m_selectedPrediction = -1;
    int m_selectedEvent = -1;
    QPointF m_pressPosition;
    qint64 m_pressFrom = 0;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace ui
