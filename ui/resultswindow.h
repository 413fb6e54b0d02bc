#pragma once

#include "results/rangeloader.h"
#include "ui/resultspane.h"
#include "ui/ssosignindialog.h"

#include <QMainWindow>

#include <functional>

namespace ui {

// A window of its own for the results of one source (`lookout-desk --results DIR`): a
// ResultsPane with a menu bar (export, copy, reload, go to the chart) and a status bar; Esc
// cancels a load.
class ResultsWindow : public QMainWindow {
    Q_OBJECT

public:
    // `source` and `cache` (null: none) must outlive the window.
    explicit ResultsWindow(results::ResultsSource *source, results::ObjectCache *cache = nullptr,
        QWidget *parent = nullptr);
    ~ResultsWindow() override;

    // Finds the newest result and loads the last 7 days before it.
    void start() { m_pane->start(); }
    void loadRange(const results::TimeRange &range) { m_pane->loadRange(range); }
    void cancelLoad() { m_pane->cancelLoad(); }
    // The source reads with `profile`, which signs in to IAM Identity Center (`target`): a
    // credentials error then offers Sign In, and once signed in `afterSignIn` runs (it drops the
    // credentials cached) and the load starts again. `network` must outlive the window.
    void enableSignIn(const QString &profile, SsoSignInTarget target,
        QNetworkAccessManager *network, std::function<void()> afterSignIn,
        SsoSignInDialog::UrlOpener openUrl = {});

    ResultsPane *pane() const { return m_pane; }
    // For tests and the exports: the pane's parts.
    ResultsChart *chart() const { return m_pane->chart(); }
    ContributionBars *contributionBars() const { return m_pane->contributionBars(); }
    ResultsRangeChooser *rangeChooser() const { return m_pane->rangeChooser(); }
    ResultsReportView *reportView() const { return m_pane->reportView(); }
    ErrorBanner *errorBanner() const { return m_pane->errorBanner(); }
    QTableView *eventsView() const { return m_pane->eventsView(); }
    QTableView *predictionsView() const { return m_pane->predictionsView(); }
    QTableView *sensorsView() const { return m_pane->sensorsView(); }
    models::EventTableModel *eventModel() const { return m_pane->eventModel(); }
    models::PredictionTableModel *predictionModel() const { return m_pane->predictionModel(); }
    models::SensorContributionModel *contributionModel() const
    {
        return m_pane->contributionModel();
    }
    QPushButton *cancelButton() const { return m_pane->cancelButton(); }
    QProgressBar *progressBar() const { return m_pane->progressBar(); }
    QLabel *statusLabel() const { return m_pane->statusLabel(); }
    QLabel *selectionLabel() const { return m_pane->selectionLabel(); }
    QCheckBox *componentToggle() const { return m_pane->componentToggle(); }
    const results::RangeLoader &loader() const { return *m_pane->loader(); }
    using CsvRows = ResultsPane::CsvRows;
    using ChartFormat = ResultsPane::ChartFormat;
    QString currentTableCsv(CsvRows rows = CsvRows::Selected) const
    {
        return m_pane->currentTableCsv(rows);
    }

signals:
    // A load ended (and its outcome is shown).
    void loadFinished(results::RangeLoader::Outcome outcome);

private:
    void buildMenus();

    ResultsPane *m_pane;
};

} // namespace ui
