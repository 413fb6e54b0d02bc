#pragma once

#include "results/rangeloader.h"
#include "results/series.h"
#include "results/timerange.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QAbstractItemModel;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace results {
class ObjectCache;
}

namespace models {
class EventTableModel;
class PredictionTableModel;
class SensorContributionModel;
} // namespace models

namespace ui {

class ContributionBars;
class ErrorBanner;
class ResultsChart;
class ResultsRangeChooser;
class ResultsReportView;

// The results of one source, drawn: the range chooser, the chart, the contributing sensors of the
// selected time or event, and the same data as tables (Events, Predictions, Sensors) for
// keyboards and screen readers; below them the loading progress (files and bytes) with Cancel.
// What has arrived is drawn as it arrives. What reading left out (malformed lines, entries that
// are not files) is shown above the chart; a source that cannot be read is an error in place,
// with Retry. ResultsWindow and the details pane's Results tab both show one.
//
// The ranges are relative to the newest result: start() lists the source once to find it from
// the objects' folder names, and the first load uses that listing; without such names the whole
// source is loaded first and the newest prediction decides.
class ResultsPane : public QWidget {
    Q_OBJECT

public:
    explicit ResultsPane(QWidget *parent = nullptr);
    ~ResultsPane() override;

    // The source to show (and the on-disk cache to read it through; null: none). Both must
    // outlive the pane or the next setSource(). A load of the previous source is dropped without
    // a loadFinished(); null shows nothing.
    void setSource(results::ResultsSource *source, results::ObjectCache *cache = nullptr);
    results::ResultsSource *source() const { return m_source; }

    // Finds the newest result and loads the last 7 days before it.
    void start();
    void loadRange(const results::TimeRange &range);
    // The range chosen, again.
    void reload();
    void cancelLoad();
    bool isLoading() const;

    // Which rows of the table shown are copied: the selected ones (all when none is selected),
    // or every row.
    enum class CsvRows { Selected, All };
    // Which file an exported chart is written as.
    enum class ChartFormat { Png, Svg };
    QString currentTableCsv(CsvRows rows = CsvRows::Selected) const;
    void copyCsv(CsvRows rows);
    // Asks for a file name, then writes the chart; `title` names an SVG's contents.
    void exportChart(ChartFormat format, const QString &title);

    // For tests and the exports.
    ResultsChart *chart() const { return m_chart; }
    ContributionBars *contributionBars() const { return m_bars; }
    ResultsRangeChooser *rangeChooser() const { return m_rangeChooser; }
    ResultsReportView *reportView() const { return m_report; }
    ErrorBanner *errorBanner() const { return m_errorBanner; }
    QTableView *eventsView() const { return m_eventsView; }
    QTableView *predictionsView() const { return m_predictionsView; }
    QTableView *sensorsView() const { return m_sensorsView; }
    models::EventTableModel *eventModel() const { return m_eventModel; }
    models::PredictionTableModel *predictionModel() const { return m_predictionModel; }
    models::SensorContributionModel *contributionModel() const { return m_contributionModel; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progressBar; }
    QLabel *statusLabel() const { return m_statusLabel; }
    QLabel *selectionLabel() const { return m_selectionLabel; }
    QCheckBox *componentToggle() const { return m_componentToggle; }
    // Null until setSource().
    const results::RangeLoader *loader() const { return m_loader.get(); }
    const results::Series &series() const;

signals:
    // A load ended (and its outcome is shown).
    void loadFinished(results::RangeLoader::Outcome outcome);
    // A short confirmation for the status bar ("Copied the Events table as CSV").
    void statusMessage(const QString &message);

private:
    QWidget *buildContributionsPanel();
    QWidget *buildStatusRow();
    QTableView *makeTable(QAbstractItemModel *model, const QString &name);
    void attachSeries();
    void resetShown();
    void listed(const std::variant<results::Listing, results::SourceError> &result);
    void seriesChanged(qsizetype firstChanged);
    void applySeriesChanges();
    void progressChanged();
    void showProgress(const results::LoadProgress &progress);
    void finished(results::RangeLoader::Outcome outcome);
    void eventSelected(int event);
    void predictionSelected(qsizetype index);

    results::ResultsSource *m_source = nullptr;
    std::unique_ptr<results::RangeLoader> m_loader;
    results::Series m_noSeries; // shown while there is no source
    models::PredictionTableModel *m_predictionModel;
    models::EventTableModel *m_eventModel;
    models::SensorContributionModel *m_contributionModel;

    ResultsRangeChooser *m_rangeChooser;
    ErrorBanner *m_errorBanner;
    ResultsReportView *m_report;
    ResultsChart *m_chart;
    ContributionBars *m_bars;
    QLabel *m_selectionLabel;
    QCheckBox *m_componentToggle;
    QTabWidget *m_tables;
    QTableView *m_eventsView;
    QTableView *m_predictionsView;
    QTableView *m_sensorsView;
    QLabel *m_statusLabel;
    QProgressBar *m_progressBar;
    QPushButton *m_cancelButton;

    // Series changes are applied to the models and the chart at most every kRedrawInterval
    // while loading: a year arrives in thousands of merges.
    QTimer m_redrawTimer;
    std::optional<qsizetype> m_pendingFirstChanged;
    bool m_progressPending = false; // the loader's progress changed since it was shown
    bool m_listing = false;
    quint64 m_listingGeneration = 0; // a listing answer of an earlier start() is dropped
    // The listing start() made, for the first load after it (later loads list afresh).
    std::optional<results::Listing> m_startListing;
    bool m_newestFromSeries = false; // no folder names were times: decide after loading all
    bool m_syncingSelection = false;
};

} // namespace ui
