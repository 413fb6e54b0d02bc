#include "ui/resultspane.h"

#include "models/eventtablemodel.h"
#include "models/predictiontablemodel.h"
#include "models/sensorcontributionmodel.h"
#include "models/timetext.h"
#include "results/objectcache.h"
#include "results/resultstime.h"
#include "ui/chartexport.h"
#include "ui/contributionbars.h"
#include "ui/errorbanner.h"
#include "ui/qtcontrolnames.h"
#include "ui/resultschart.h"
#include "ui/resultsrangechooser.h"
#include "ui/resultsreportview.h"
#include "ui/tablecsv.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {

constexpr int kRedrawIntervalMs = 100;

QString utcText(qint64 time)
{
    return models::utcDateTimeText(results::toDateTime(time));
}

} // namespace

ResultsPane::ResultsPane(QWidget *parent)
    : QWidget(parent)
    , m_predictionModel(new models::PredictionTableModel(this))
    , m_eventModel(new models::EventTableModel(this))
    , m_contributionModel(new models::SensorContributionModel(this))
    , m_rangeChooser(new ResultsRangeChooser(this))
    , m_errorBanner(new ErrorBanner(this))
    , m_report(new ResultsReportView(this))
    , m_chart(new ResultsChart(this))
    , m_bars(new ContributionBars(this))
    , m_selectionLabel(new QLabel(this))
    , m_componentToggle(new QCheckBox(tr("Sum per &component"), this))
    , m_tables(new QTabWidget(this))
    , m_eventsView(nullptr)
    , m_predictionsView(nullptr)
    , m_sensorsView(nullptr)
    , m_statusLabel(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("resultsPane"));
    setAccessibleName(tr("Results"));

    attachSeries();
    m_chart->setPlaceholderText(tr("No results"));
    m_chart->setObjectName(QStringLiteral("resultsChart"));
    m_bars->setModel(m_contributionModel);
    m_bars->setPlaceholderText(tr("Select an event or a time in the chart or the tables to see "
                                  "which sensors contributed."));

    m_eventsView = makeTable(m_eventModel, tr("Events"));
    m_predictionsView = makeTable(m_predictionModel, tr("Predictions"));
    m_sensorsView = makeTable(m_contributionModel, tr("Contributing sensors"));
    m_tables->addTab(m_eventsView, tr("&Events"));
    m_tables->addTab(m_predictionsView, tr("&Predictions"));
    m_tables->addTab(m_sensorsView, tr("Se&nsors"));
    m_tables->setAccessibleName(tr("Results tables"));

    auto *chartAndBars = new QSplitter(Qt::Horizontal, this);
    chartAndBars->addWidget(m_chart);
    chartAndBars->addWidget(buildContributionsPanel());
    chartAndBars->setStretchFactor(0, 3);
    chartAndBars->setStretchFactor(1, 1);
    chartAndBars->setSizes({ 900, 360 }); // the sensors' names and shares need room too
    auto *chartAndTables = new QSplitter(Qt::Vertical, this);
    chartAndTables->addWidget(chartAndBars);
    chartAndTables->addWidget(m_tables);
    chartAndTables->setStretchFactor(0, 3);
    chartAndTables->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rangeChooser);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_report);
    layout->addWidget(chartAndTables, 1);
    layout->addWidget(buildStatusRow());

    connect(m_rangeChooser, &ResultsRangeChooser::rangeChosen, this, &ResultsPane::loadRange);
    connect(m_cancelButton, &QPushButton::clicked, this, &ResultsPane::cancelLoad);
    connect(m_errorBanner, &ErrorBanner::retryRequested, this, [this] {
        if (m_rangeChooser->newest() || m_newestFromSeries)
            loadRange(m_rangeChooser->range());
        else
            start();
    });
    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(kRedrawIntervalMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &ResultsPane::applySeriesChanges);

    connect(m_chart, &ResultsChart::eventSelected, this, &ResultsPane::eventSelected);
    connect(m_chart, &ResultsChart::predictionSelected, this, &ResultsPane::predictionSelected);
    connect(m_eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (!m_syncingSelection && current.isValid())
                m_chart->selectEvent(current.row());
        });
    connect(m_predictionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (!m_syncingSelection && current.isValid())
                m_chart->selectPrediction(current.row());
        });
    connect(
        m_componentToggle, &QCheckBox::toggled, m_bars, &ContributionBars::setGroupedByComponent);

    setTabOrder(m_rangeChooser, m_chart);
    nameQtOwnControls(this);
}

ResultsPane::~ResultsPane() = default;

QWidget *ResultsPane::buildContributionsPanel()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    m_selectionLabel->setWordWrap(true);
    m_selectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_selectionLabel->setTextFormat(Qt::PlainText);
    m_selectionLabel->setText(tr("Nothing selected"));
    m_selectionLabel->setAccessibleName(tr("Selected time or event"));
    m_componentToggle->setAccessibleName(tr("Sum the shares per component"));
    m_componentToggle->setToolTip(
        tr("A component is the part of a sensor's name before the backslash"));
    layout->addWidget(m_selectionLabel);
    layout->addWidget(m_componentToggle);
    layout->addWidget(m_bars, 1);
    return panel;
}

QTableView *ResultsPane::makeTable(QAbstractItemModel *model, const QString &name)
{
    auto *view = new QTableView(this);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->setVisible(false);
    // Fixed row heights: a year has 105,120 rows, and measuring each would stall the window.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setStretchLastSection(true);
    auto *copy = new QAction(tr("Copy as CSV"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copyCsv(CsvRows::Selected); });
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return view;
}

QWidget *ResultsPane::buildStatusRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progressBar->setAccessibleName(tr("Loading progress"));
    m_progressBar->setMaximumWidth(240);
    m_progressBar->setVisible(false);
    m_cancelButton->setAccessibleName(tr("Cancel loading"));
    m_cancelButton->setToolTip(tr("Stop loading and keep what has arrived"));
    m_cancelButton->setEnabled(false);
    m_statusLabel->setAccessibleName(tr("Loading status"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_statusLabel, 1);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_cancelButton);
    return row;
}

const results::Series &ResultsPane::series() const
{
    return m_loader ? m_loader->series() : m_noSeries;
}

// The models and the chart read the series in place: point them at the one shown now.
void ResultsPane::attachSeries()
{
    m_predictionModel->setSeries(&series());
    m_eventModel->setSeries(&series());
    m_chart->setData(&series(), &m_eventModel->events());
}

void ResultsPane::resetShown()
{
    m_errorBanner->clearError();
    m_report->clear();
    m_chart->clearSelection();
    m_contributionModel->clear();
    m_selectionLabel->setText(tr("Nothing selected"));
    m_pendingFirstChanged.reset();
    m_redrawTimer.stop();
}

void ResultsPane::setSource(results::ResultsSource *source, results::ObjectCache *cache)
{
    if (m_listing && m_source)
        m_source->cancelAll();
    m_listing = false;
    ++m_listingGeneration;
    m_startListing.reset();
    m_newestFromSeries = false;
    resetShown();
    // The models must not read the series of the loader that goes.
    std::unique_ptr<results::RangeLoader> previous = std::move(m_loader);
    attachSeries();
    if (previous) {
        previous->disconnect(this);
        previous.reset(); // cancels its calls on the old source
    }
    m_source = source;
    if (source) {
        m_loader = std::make_unique<results::RangeLoader>(source, cache);
        connect(m_loader.get(), &results::RangeLoader::seriesChanged, this,
            &ResultsPane::seriesChanged);
        connect(m_loader.get(), &results::RangeLoader::progressChanged, this,
            [this] { progressChanged(); });
        connect(m_loader.get(), &results::RangeLoader::finished, this, &ResultsPane::finished);
        attachSeries();
    }
    m_rangeChooser->setNewest(std::nullopt);
    m_progressBar->setVisible(false);
    m_cancelButton->setEnabled(false);
    m_statusLabel->clear();
    m_chart->setPlaceholderText(tr("No results"));
}

bool ResultsPane::isLoading() const
{
    return m_listing || (m_loader && m_loader->isLoading());
}

void ResultsPane::reload()
{
    if (m_source)
        loadRange(m_rangeChooser->range());
}

void ResultsPane::start()
{
    if (!m_source)
        return;
    if (m_loader->isLoading()) {
        const QSignalBlocker blocker(m_loader.get());
        m_loader->cancel();
    }
    m_errorBanner->clearError();
    m_listing = true;
    m_startListing.reset();
    m_statusLabel->setText(tr("Listing %1…").arg(m_source->location()));
    m_chart->setPlaceholderText(tr("Listing the results…"));
    m_cancelButton->setEnabled(true);
    const QPointer<ResultsPane> pane(this);
    const quint64 generation = ++m_listingGeneration;
    m_source->list(
        [pane, generation](const std::variant<results::Listing, results::SourceError> &result) {
            if (pane && pane->m_listingGeneration == generation)
                pane->listed(result);
        });
}

void ResultsPane::listed(const std::variant<results::Listing, results::SourceError> &result)
{
    if (!m_listing)
        return; // cancelled
    m_listing = false;
    if (const auto *error = std::get_if<results::SourceError>(&result)) {
        m_cancelButton->setEnabled(false);
        m_chart->setPlaceholderText(tr("No results"));
        m_statusLabel->setText(tr("Could not list the results"));
        m_errorBanner->showError(tr("Could not read results from %1.").arg(m_source->location()),
            error->message, error->credentialsFailed);
        emit loadFinished(results::RangeLoader::Outcome::Failed);
        return;
    }
    m_startListing = std::get<results::Listing>(result);
    std::optional<qint64> newest;
    for (const results::ObjectInfo &object : m_startListing->objects) {
        if (const auto time = results::folderTimeOfKey(object.key))
            newest = newest ? std::max(*newest, *time) : *time;
    }
    m_newestFromSeries = !newest;
    m_rangeChooser->setNewest(newest);
    loadRange(m_rangeChooser->range());
}

void ResultsPane::loadRange(const results::TimeRange &range)
{
    if (!m_source)
        return;
    m_listing = false;
    if (m_loader->isLoading()) {
        // The load this one replaces ends here, without reporting itself as cancelled.
        const QSignalBlocker blocker(m_loader.get());
        m_loader->cancel();
    }
    resetShown();
    m_chart->setPlaceholderText(tr("Loading…"));
    m_statusLabel->setText(tr("Listing %1…").arg(m_source->location()));
    m_progressBar->setRange(0, 0);
    m_progressBar->setVisible(true);
    m_cancelButton->setEnabled(true);
    if (m_startListing)
        m_loader->start(range, *std::exchange(m_startListing, std::nullopt));
    else
        m_loader->start(range);
    // The loader cleared its series: the views must not read what was there.
    m_predictionModel->seriesChanged(0);
    m_eventModel->seriesChanged();
    m_chart->setData(&series(), &m_eventModel->events());
}

void ResultsPane::cancelLoad()
{
    if (m_listing) {
        m_listing = false;
        m_source->cancelAll();
        m_cancelButton->setEnabled(false);
        m_chart->setPlaceholderText(tr("Cancelled"));
        m_statusLabel->setText(tr("Cancelled before the listing arrived"));
        emit loadFinished(results::RangeLoader::Outcome::Cancelled);
        return;
    }
    if (m_loader && m_loader->isLoading())
        m_loader->cancel();
}

void ResultsPane::seriesChanged(qsizetype firstChanged)
{
    m_pendingFirstChanged = std::min(m_pendingFirstChanged.value_or(firstChanged), firstChanged);
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start();
}

void ResultsPane::applySeriesChanges()
{
    m_redrawTimer.stop();
    if (m_progressPending && m_loader) {
        m_progressPending = false;
        showProgress(m_loader->progress());
    }
    if (!m_pendingFirstChanged)
        return;
    const qsizetype first = *m_pendingFirstChanged;
    m_pendingFirstChanged.reset();
    m_syncingSelection = true;
    m_predictionModel->seriesChanged(first);
    m_eventModel->seriesChanged();
    m_syncingSelection = false;
    m_chart->dataChanged();
}

// Shown with the redraw, not once per object: a week of objects from a folder arrives in 150 ms,
// and formatting and laying out the label 2,000 times cost as much again.
void ResultsPane::progressChanged()
{
    m_progressPending = true;
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start();
}

void ResultsPane::showProgress(const results::LoadProgress &progress)
{
    const QLocale locale;
    if (progress.objectsTotal > 0) {
        m_progressBar->setRange(0, static_cast<int>(progress.objectsTotal));
        m_progressBar->setValue(static_cast<int>(progress.objectsDone));
    }
    m_statusLabel->setText(
        tr("Files read: %1 of %n; %2 of %3", nullptr, static_cast<int>(progress.objectsTotal))
            .arg(locale.toString(progress.objectsDone),
                locale.formattedDataSize(progress.bytesDone),
                locale.formattedDataSize(progress.bytesTotal)));
}

void ResultsPane::finished(results::RangeLoader::Outcome outcome)
{
    applySeriesChanges();
    // Times and sensors in full (the views measure at most their first thousand rows).
    for (QTableView *view : { m_eventsView, m_predictionsView })
        view->resizeColumnsToContents();
    m_progressBar->setVisible(false);
    m_cancelButton->setEnabled(false);
    m_report->showReport(m_loader->report(), m_loader->skipped());
    const results::Series &series = m_loader->series();
    const results::LoadProgress &progress = m_loader->progress();
    const QLocale locale;
    const QString counts = tr("Predictions: %n", nullptr, static_cast<int>(series.size()))
        + QLatin1String(", ")
        + tr("events: %n", nullptr, static_cast<int>(m_eventModel->events().size()));
    switch (outcome) {
    case results::RangeLoader::Outcome::Complete:
        if (progress.objectsListed == 0) {
            m_chart->setPlaceholderText(tr("No results"));
            m_statusLabel->setText(tr("No results"));
            m_errorBanner->showError(tr("No results in %1.").arg(m_source->location()),
                tr("No file named results.jsonl was found in it or in its folders."));
        } else {
            m_chart->setPlaceholderText(tr("No results in this range"));
            m_statusLabel->setText(
                tr("%1; files: %n (%2)", nullptr, static_cast<int>(progress.objectsDone))
                    .arg(counts, locale.formattedDataSize(progress.bytesDone)));
        }
        if (m_newestFromSeries && !series.isEmpty()) {
            // The folder names were no times: now the newest prediction is known.
            m_newestFromSeries = false;
            m_rangeChooser->setNewest(
                series.predictions().back().time, ResultsRangeChooser::Choice::All);
        }
        break;
    case results::RangeLoader::Outcome::Failed:
        m_chart->setPlaceholderText(tr("No results"));
        m_statusLabel->setText(tr("Could not read the results"));
        m_errorBanner->showError(tr("Could not read results from %1.").arg(m_source->location()),
            m_loader->error().message, m_loader->error().credentialsFailed);
        break;
    case results::RangeLoader::Outcome::Cancelled:
        m_chart->setPlaceholderText(tr("Cancelled"));
        m_statusLabel->setText(tr("Cancelled with %1 of %n files read. Shown: %2", nullptr,
            static_cast<int>(progress.objectsTotal))
                                   .arg(locale.toString(progress.objectsDone), counts));
        break;
    }
    emit loadFinished(outcome);
}

void ResultsPane::eventSelected(int event)
{
    const results::Event *shown = m_eventModel->eventAt(event);
    if (!shown) {
        m_contributionModel->clear();
        m_selectionLabel->setText(tr("Nothing selected"));
        return;
    }
    m_contributionModel->showEvent(&series(), *shown);
    m_selectionLabel->setText(
        tr("Event from %1 to %2 (predictions: %n)", nullptr, static_cast<int>(shown->points))
            .arg(utcText(shown->start), utcText(shown->end)));
    m_syncingSelection = true;
    m_eventsView->selectionModel()->setCurrentIndex(m_eventModel->index(event, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_eventsView->scrollTo(m_eventModel->index(event, 0));
    m_syncingSelection = false;
}

void ResultsPane::predictionSelected(qsizetype index)
{
    if (index < 0 || index >= series().size()) {
        m_contributionModel->clear();
        m_selectionLabel->setText(tr("Nothing selected"));
        return;
    }
    m_contributionModel->showPrediction(&series(), index);
    const results::Prediction &prediction = series().at(index);
    m_selectionLabel->setText(m_contributionModel->rowCount() > 0
            ? tr("Prediction at %1").arg(utcText(prediction.time))
            : tr("Prediction at %1: no diagnostics").arg(utcText(prediction.time)));
    if (index < m_predictionModel->rowCount()) {
        m_syncingSelection = true;
        const QModelIndex row = m_predictionModel->index(static_cast<int>(index), 0);
        m_predictionsView->selectionModel()->setCurrentIndex(
            row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_predictionsView->scrollTo(row);
        m_syncingSelection = false;
    }
}

QString ResultsPane::currentTableCsv(CsvRows which) const
{
    const auto *view = qobject_cast<QTableView *>(m_tables->currentWidget());
    if (!view)
        return {};
    QList<int> rows;
    if (which == CsvRows::Selected) {
        for (const QModelIndex &index : view->selectionModel()->selectedRows())
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    return tableAsCsv(*view->model(), rows);
}

void ResultsPane::copyCsv(CsvRows rows)
{
    QGuiApplication::clipboard()->setText(currentTableCsv(rows));
    emit statusMessage(
        tr("Copied the %1 table as CSV")
            .arg(m_tables->tabText(m_tables->currentIndex()).remove(QLatin1Char('&'))));
}

void ResultsPane::exportChart(ChartFormat format, const QString &title)
{
    const bool svg = format == ChartFormat::Svg;
    const QString filter = svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)");
    QString path = QFileDialog::getSaveFileName(this,
        svg ? tr("Export Chart as SVG") : tr("Export Chart as PNG"),
        svg ? QStringLiteral("results.svg") : QStringLiteral("results.png"), filter);
    if (path.isEmpty())
        return;
    const QString error
        = svg ? exportChartSvg(*m_chart, path, title) : exportChartPng(*m_chart, path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    emit statusMessage(tr("Saved %1").arg(path));
}

} // namespace ui
