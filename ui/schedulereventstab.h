#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace aws {
class AwsJsonClient;
}

namespace models {
class ExecutionTicks;
class InferenceEventModel;
class SchedulerDetailsController;
class SensorContributionModel;
} // namespace models

namespace results {
class Series;
struct TimeRange;
} // namespace results

namespace ui {

class ContributionBars;
class ErrorBanner;
class EventTimeline;
class ResultsRangeChooser;

// The details pane's Events tab: the anomaly events the service lists for the scheduler shown by
// a models::SchedulerDetailsController (ListInferenceEvents) in a chosen interval (the last 24
// hours, 7 days or 30 days before now, all since the scheduler was created, or a custom span),
// with its executions of the same interval.
//
// A timeline draws the events as bands and the executions as ticks; the table below lists the
// events (the keyboard's and screen readers' way to the same figures). The selected event's
// contributing sensors are drawn as bars (ContributionBars, with their table), or, when its
// Diagnostics are not the service's JSON list, shown as text. A listing that fails is reported
// in place with Retry. It loads when first shown for a scheduler whose description has arrived,
// through the controller's connection, and again when the range is chosen or Reload is pressed.
class SchedulerEventsTab : public QWidget {
    Q_OBJECT

public:
    // `controller` must outlive the tab.
    explicit SchedulerEventsTab(
        models::SchedulerDetailsController *controller, QWidget *parent = nullptr);
    ~SchedulerEventsTab() override;

    models::InferenceEventModel *eventModel() const { return m_events; }
    models::ExecutionTicks *executionTicks() const { return m_ticks; }
    models::SensorContributionModel *contributionModel() const { return m_contributions; }
    EventTimeline *timeline() const { return m_timeline; }
    QTableView *eventTable() const { return m_table; }
    QTableView *sensorTable() const { return m_sensorTable; }
    ContributionBars *bars() const { return m_bars; }
    QPlainTextEdit *diagnosticsText() const { return m_text; }
    ErrorBanner *errorBanner() const { return m_banner; }
    ResultsRangeChooser *rangeChooser() const { return m_chooser; }
    QAction *reloadAction() const { return m_reloadAction; }
    QLabel *messageLabel() const { return m_message; }
    bool isShowingMessage() const;
    // What is shown for the selected event: bars, text, or a sentence (none, or no diagnostics).
    QWidget *currentDetail() const;
    // The scheduler whose events are shown or loading; empty when none.
    QString loadedScheduler() const { return m_loadedFor; }
    // Selects the event of `row` (-1: none) in the table, the timeline and the detail.
    void selectEvent(int row);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void controllerChanged();
    void reset();
    void loadIfShown();
    void load(const results::TimeRange &range);
    void reload();
    void retry();
    void showMessage(const QString &text);
    void modelsChanged();
    static QString eventCountText(int events);
    static QString executionCountText(int executions, qsizetype failed);
    void showDetail(int row);
    qint64 now() const;
    qint64 newestActivity() const;

    QPointer<models::SchedulerDetailsController> m_controller;
    models::InferenceEventModel *m_events;
    models::ExecutionTicks *m_ticks;
    models::SensorContributionModel *m_contributions;
    std::unique_ptr<results::Series> m_shownSeries; // what m_contributions shows
    QStackedWidget *m_pages;
    QLabel *m_message;
    ResultsRangeChooser *m_chooser;
    QAction *m_reloadAction;
    QLabel *m_summary;
    ErrorBanner *m_banner;
    EventTimeline *m_timeline;
    QTableView *m_table;
    QStackedWidget *m_detail;
    QLabel *m_detailMessage;
    QSplitter *m_barsPage; // the bars over their table
    ContributionBars *m_bars;
    QTableView *m_sensorTable;
    QPlainTextEdit *m_text;
    QString m_name; // the controller's scheduler, as last seen
    QString m_loadedFor; // the scheduler whose events were loaded
    QPointer<aws::AwsJsonClient> m_loadedClient; // the connection they were loaded through
};

} // namespace ui
