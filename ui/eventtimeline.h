#pragma once

#include <QWidget>

#include <vector>

namespace models {
class ExecutionTicks;
class InferenceEventModel;
} // namespace models

namespace ui {

// A ribbon across an interval: each anomaly event of a models::InferenceEventModel as a band from
// its start to its end (at least a few pixels wide, so a short one still shows), and under it the
// scheduler's executions from a models::ExecutionTicks as ticks, failed ones taller and marked.
// A time axis (UTC) runs below.
//
// A click on a band, or Left/Right, Home/End with the keyboard focus, selects an event
// (eventChosen); setSelectedRow() shows the selection made elsewhere. An event without a start is
// drawn from the interval's start, one without an end to the interval's end.
class EventTimeline : public QWidget {
    Q_OBJECT

public:
    explicit EventTimeline(QWidget *parent = nullptr);

    // Both must outlive the widget (or be unset first); they are read when painting.
    void setSources(const models::InferenceEventModel *events, const models::ExecutionTicks *ticks);
    // The span drawn, in microseconds; `to` after `from`.
    void setInterval(qint64 from, qint64 to);
    void setSelectedRow(int row);
    int selectedRow() const { return m_selected; }
    // The row of the event whose band is at `x` (the nearest within a few pixels), or -1.
    int rowAt(double x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The user chose the event of `row`, with the pointer or the keyboard.
    void eventChosen(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Band {
        double left;
        double right;
    };
    QRectF plotArea() const;
    double xOf(qint64 time, const QRectF &plot) const;
    std::vector<Band> bands(const QRectF &plot) const;
    void choose(int row);
    void updateDescription();

    const models::InferenceEventModel *m_events = nullptr;
    const models::ExecutionTicks *m_ticks = nullptr;
    qint64 m_from = 0;
    qint64 m_to = 1;
    int m_selected = -1;
};

} // namespace ui
