#include "ui/schedulereventstab.h"

#include "models/executionticks.h"
#include "models/inferenceeventmodel.h"
#include "models/schedulerdetailscontroller.h"
#include "models/sensorcontributionmodel.h"
#include "results/events.h"
#include "results/resultstime.h"
#include "results/series.h"
#include "ui/contributionbars.h"
#include "ui/errorbanner.h"
#include "ui/eventtimeline.h"
#include "ui/resultsrangechooser.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setTabKeyNavigation(false);
    return table;
}

} // namespace

SchedulerEventsTab::SchedulerEventsTab(
    models::SchedulerDetailsController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_events(new models::InferenceEventModel(this))
    , m_ticks(new models::ExecutionTicks(this))
    , m_contributions(new models::SensorContributionModel(this))
    , m_pages(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_chooser(new ResultsRangeChooser(this))
    , m_reloadAction(new QAction(tr("&Reload Events"), this))
    , m_summary(new QLabel(this))
    , m_banner(new ErrorBanner(this))
    , m_timeline(new EventTimeline(this))
    , m_table(makeTable(m_events, QStringLiteral("eventTable"), this))
    , m_detail(new QStackedWidget(this))
    , m_detailMessage(new QLabel(this))
    , m_barsPage(new QSplitter(Qt::Vertical, this))
    , m_bars(new ContributionBars(this))
    , m_sensorTable(makeTable(m_contributions, QStringLiteral("eventSensorTable"), this))
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("schedulerEventsTab"));
    setAccessibleName(tr("Scheduler events"));
    m_message->setObjectName(QStringLiteral("eventsMessageLabel"));
    m_message->setAccessibleName(tr("Events"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setFocusPolicy(Qt::StrongFocus);

    m_chooser->choiceBox()->setToolTip(
        tr("Relative to now; All runs from the scheduler's creation"));
    m_chooser->choiceBox()->setAccessibleName(tr("Events time range"));
    connect(m_chooser, &ResultsRangeChooser::rangeChosen, this, &SchedulerEventsTab::load);
    connect(m_reloadAction, &QAction::triggered, this, &SchedulerEventsTab::reload);
    auto *reloadButton = new QToolButton(this);
    reloadButton->setObjectName(QStringLiteral("reloadEventsButton"));
    reloadButton->setDefaultAction(m_reloadAction);
    reloadButton->setAccessibleName(tr("Reload Events"));
    m_summary->setObjectName(QStringLiteral("eventsSummaryLabel"));
    m_summary->setAccessibleName(tr("Events summary"));
    m_summary->setTextFormat(Qt::PlainText);
    // A line of its own under the controls, so a narrow details pane is not widened past the
    // window; it wraps only where even that line is too narrow.
    m_summary->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_chooser);
    top->addWidget(reloadButton);
    top->addStretch(1);

    m_banner->setObjectName(QStringLiteral("eventsErrorBanner"));
    connect(m_banner, &ErrorBanner::retryRequested, this, &SchedulerEventsTab::retry);

    m_timeline->setSources(m_events, m_ticks);
    connect(m_timeline, &EventTimeline::eventChosen, this, &SchedulerEventsTab::selectEvent);

    m_table->setAccessibleName(tr("Anomaly events"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](
            const QModelIndex &current) { selectEvent(current.isValid() ? current.row() : -1); });

    m_sensorTable->setAccessibleName(tr("Contributing sensors of the selected event"));
    m_bars->setModel(m_contributions);
    m_barsPage->addWidget(m_bars);
    m_barsPage->addWidget(m_sensorTable);
    m_barsPage->setChildrenCollapsible(false);
    m_text->setObjectName(QStringLiteral("eventDiagnosticsText"));
    m_text->setAccessibleName(tr("Diagnostics of the selected event"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detailMessage->setObjectName(QStringLiteral("eventDetailLabel"));
    m_detailMessage->setAccessibleName(tr("Selected event"));
    m_detailMessage->setWordWrap(true);
    m_detailMessage->setAlignment(Qt::AlignCenter);
    m_detailMessage->setTextFormat(Qt::PlainText);
    m_detail->addWidget(m_detailMessage);
    m_detail->addWidget(m_barsPage);
    m_detail->addWidget(m_text);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->setObjectName(QStringLiteral("eventsSplitter"));
    lower->addWidget(m_table);
    lower->addWidget(m_detail);
    lower->setChildrenCollapsible(false);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_banner);
    layout->addWidget(m_timeline);
    layout->addWidget(lower, 1);
    m_pages->addWidget(m_message);
    m_pages->addWidget(page);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);
    setTabOrder(m_chooser, reloadButton);
    setTabOrder(reloadButton, m_timeline);
    setTabOrder(m_timeline, m_table);

    connect(m_events, &models::InferenceEventModel::stateChanged, this,
        &SchedulerEventsTab::modelsChanged);
    connect(
        m_ticks, &models::ExecutionTicks::stateChanged, this, &SchedulerEventsTab::modelsChanged);
    connect(m_controller, &models::SchedulerDetailsController::stateChanged, this,
        &SchedulerEventsTab::controllerChanged);
    m_name = m_controller->schedulerName();
    reset();
}

SchedulerEventsTab::~SchedulerEventsTab()
{
    // The bars and the sensor table read the series the contribution model points into.
    m_contributions->clear();
}

bool SchedulerEventsTab::isShowingMessage() const
{
    return m_pages->currentWidget() == m_message;
}

QWidget *SchedulerEventsTab::currentDetail() const
{
    return m_detail->currentWidget();
}

void SchedulerEventsTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadIfShown();
}

void SchedulerEventsTab::controllerChanged()
{
    const aws::AwsJsonClient *current
        = m_controller->client() ? m_controller->client()->jsonClient() : nullptr;
    if (m_controller->schedulerName() != m_name
        || (!m_loadedFor.isEmpty() && (!m_loadedClient || m_loadedClient != current))) {
        m_name = m_controller->schedulerName();
        reset();
        return;
    }
    // The description (and the creation time that All starts from) may just have arrived.
    loadIfShown();
}

void SchedulerEventsTab::reset()
{
    m_events->clear();
    m_ticks->clear();
    m_loadedFor.clear();
    m_loadedClient = nullptr;
    showMessage(m_name.isEmpty()
            ? tr("Choose a scheduler to see its anomaly events.")
            : tr("The anomaly events of %1 are loaded when this tab is shown.").arg(m_name));
    loadIfShown();
}

void SchedulerEventsTab::loadIfShown()
{
    if (!isVisible() || m_name.isEmpty() || m_loadedFor == m_name)
        return;
    if (!m_controller->client()) {
        showMessage(tr("Events cannot be listed without a connection."));
        return;
    }
    if (!m_controller->scheduler()) {
        showMessage(m_controller->state() == models::SchedulerDetailsController::State::Loading
                ? tr("Fetching %1…").arg(m_name)
                : tr("%1 could not be fetched: see the Details tab.").arg(m_name));
        return;
    }
    m_loadedFor = m_name;
    m_pages->setCurrentIndex(1);
    m_chooser->setNewest(newestActivity(), ResultsRangeChooser::Choice::Last7Days);
    load(m_chooser->range());
}

qint64 SchedulerEventsTab::now() const
{
    return results::fromDateTime(m_controller->clock()->now());
}

qint64 SchedulerEventsTab::newestActivity() const
{
    const auto &scheduler = m_controller->scheduler();
    return scheduler ? models::InferenceEventModel::newestActivity(*scheduler, now()) : now();
}

void SchedulerEventsTab::load(const results::TimeRange &range)
{
    if (m_loadedFor.isEmpty() || !m_controller->client())
        return;
    std::optional<qint64> createdAt;
    if (const auto &scheduler = m_controller->scheduler(); scheduler && scheduler->createdAt)
        createdAt = scheduler->createdAt->epochMicroseconds;
    const lookout::InferenceEventInterval interval
        = models::InferenceEventModel::intervalFor(range, now(), createdAt);
    const lookout::LookoutClient &client = *m_controller->client();
    m_loadedClient = client.jsonClient();
    m_timeline->setInterval(interval.start.epochMicroseconds, interval.end.epochMicroseconds);
    m_events->load(client, m_loadedFor, interval);
    m_ticks->load(client, m_loadedFor, interval);
}

void SchedulerEventsTab::reload()
{
    if (m_loadedFor.isEmpty())
        return;
    // Relative ranges count back from the time of the reload (or when the scheduler stopped).
    if (m_chooser->choice() != ResultsRangeChooser::Choice::Custom)
        m_chooser->setNewest(newestActivity(), m_chooser->choice());
    load(m_chooser->range());
}

void SchedulerEventsTab::retry()
{
    if (m_events->state() == models::InferenceEventModel::State::Failed)
        m_events->retry();
    if (m_ticks->state() == models::ExecutionTicks::State::Failed)
        m_ticks->retry();
}

void SchedulerEventsTab::showMessage(const QString &text)
{
    m_message->setText(text);
    m_pages->setCurrentWidget(m_message);
}

void SchedulerEventsTab::modelsChanged()
{
    using EventState = models::InferenceEventModel::State;
    using TickState = models::ExecutionTicks::State;
    const EventState events = m_events->state();
    const TickState ticks = m_ticks->state();
    if (events == EventState::Failed && m_events->error())
        m_banner->showError(tr("Could not list the anomaly events of %1.").arg(m_loadedFor),
            m_events->error()->toString(),
            m_events->error()->kind == aws::AwsError::Kind::Credentials);
    else if (ticks == TickState::Failed && m_ticks->error())
        m_banner->showError(tr("Could not list the executions of %1.").arg(m_loadedFor),
            m_ticks->error()->toString(),
            m_ticks->error()->kind == aws::AwsError::Kind::Credentials);
    else
        m_banner->clearError();

    QString summary;
    if (events == EventState::Loading || ticks == TickState::Loading)
        summary = tr("Loading…");
    else if (events == EventState::Loaded)
        summary = eventCountText(m_events->rowCount());
    if (ticks == TickState::Loaded)
        summary += (summary.isEmpty() ? QString() : QStringLiteral(" · "))
            + executionCountText(static_cast<int>(m_ticks->ticks().size()), m_ticks->failedCount());
    m_summary->setText(summary);
    m_timeline->update();
    // Nothing selected yet (or any more): the detail says how to choose an event.
    if (events != EventState::Loaded || m_timeline->selectedRow() < 0)
        showDetail(-1);
}

// English has no numerus catalogue here: one of a kind has its own sentence.
QString SchedulerEventsTab::eventCountText(int events)
{
    return events == 1 ? tr("1 anomaly event") : tr("%n anomaly events", nullptr, events);
}

QString SchedulerEventsTab::executionCountText(int executions, qsizetype failed)
{
    return executions == 1 ? (failed == 1 ? tr("1 execution, failed") : tr("1 execution"))
                           : tr("%n executions, %1 failed", nullptr, executions).arg(failed);
}

void SchedulerEventsTab::selectEvent(int row)
{
    if (!m_events->eventAt(row))
        row = -1;
    m_timeline->setSelectedRow(row);
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if ((current.isValid() ? current.row() : -1) != row) {
        if (row < 0) {
            m_table->selectionModel()->clear();
        } else {
            m_table->selectionModel()->setCurrentIndex(m_events->index(row, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(m_events->index(row, 0));
        }
    }
    showDetail(row);
}

void SchedulerEventsTab::showDetail(int row)
{
    const models::InferenceEventModel::Event *event = m_events->eventAt(row);
    m_contributions->clear();
    m_shownSeries.reset();
    if (!event) {
        m_detailMessage->setText(m_events->rowCount() > 0
                ? tr("Select an event in the timeline or the table to see the sensors that "
                     "contributed.")
                : QString());
        m_detail->setCurrentWidget(m_detailMessage);
        return;
    }
    switch (event->decoded.form) {
    case results::EventDiagnostics::Form::Absent:
        m_detailMessage->setText(tr("The service sent no diagnostics for this event."));
        m_detail->setCurrentWidget(m_detailMessage);
        return;
    case results::EventDiagnostics::Form::Text:
        m_text->setPlainText(event->decoded.text);
        m_detail->setCurrentWidget(m_text);
        return;
    case results::EventDiagnostics::Form::Contributions:
        break;
    }
    if (event->decoded.sensors.empty()) {
        m_detailMessage->setText(tr("The service listed no contributing sensors for this event."));
        m_detail->setCurrentWidget(m_detailMessage);
        return;
    }
    m_shownSeries = std::make_unique<results::Series>(event->contributions);
    m_contributions->show(m_shownSeries.get(), results::contributions(*m_shownSeries, 0, 0));
    m_detail->setCurrentWidget(m_barsPage);
}

} // namespace ui
