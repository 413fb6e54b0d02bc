#include "ui/executionhistorytab.h"

#include "lookout/inferencescheduler.h"
#include "models/executionhistorycontroller.h"
#include "models/schedulerdetailscontroller.h"
#include "results/timerange.h"
#include "ui/copyablefieldlabel.h"
#include "ui/elidedlabel.h"
#include "ui/errorbanner.h"
#include "ui/resultsrangechooser.h"
#include "ui/statusbadgedelegate.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

using Model = models::ExecutionHistoryModel;

const char *const kStatuses[] = { "IN_PROGRESS", "SUCCESS", "FAILED" };

} // namespace

ExecutionHistoryTab::ExecutionHistoryTab(
    models::SchedulerDetailsController *details, QWidget *parent)
    : QWidget(parent)
    , m_details(details)
    , m_history(new models::ExecutionHistoryController(this))
    , m_status(new QComboBox(this))
    , m_range(new ResultsRangeChooser(this))
    , m_banner(new ErrorBanner(this))
    , m_message(new QLabel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_resultObject(new CopyableFieldLabel(this))
    , m_failedReason(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("executionHistoryTab"));
    setAccessibleName(tr("Inference history"));

    m_status->setObjectName(QStringLiteral("historyStatusComboBox"));
    m_status->addItem(tr("All statuses"), QString());
    for (const char *status : kStatuses)
        m_status->addItem(QLatin1String(status), QLatin1String(status));
    m_status->setAccessibleName(tr("Execution status"));
    m_range->setObjectName(QStringLiteral("historyRangeChooser"));
    m_range->choiceBox()->setToolTip(
        tr("Executions whose data window lies in this range, counted back from now"));
    m_range->setNewest(QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() * 1000,
        ResultsRangeChooser::Choice::All);
    auto *statusLabel = new QLabel(tr("Stat&us:"), this);
    statusLabel->setBuddy(m_status);
    // The status filter shares the buttons' row: the range chooser is as wide as the pane allows.
    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_range, 1);

    m_banner->setObjectName(QStringLiteral("historyErrorBanner"));
    m_message->setObjectName(QStringLiteral("historyMessageLabel"));
    m_message->setAccessibleName(tr("Inference history"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_table->setObjectName(QStringLiteral("historyTableView"));
    m_table->setAccessibleName(tr("Inference executions"));
    m_table->setModel(m_history->model());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 8,000 rows to scroll.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(Model::StatusColumn, new StatusBadgeDelegate(m_table));
    const QFontMetrics metrics = m_table->fontMetrics();
    const int timeWidth = metrics.horizontalAdvance(QStringLiteral("2024-03-04 19:50:00 CEST  "));
    m_table->setColumnWidth(Model::ScheduledStartColumn, timeWidth);
    m_table->setColumnWidth(Model::DataWindowColumn, timeWidth * 2);
    m_table->setColumnWidth(
        Model::StatusColumn, metrics.horizontalAdvance(QStringLiteral("M")) * 14);
    m_table->setColumnWidth(Model::ResultObjectColumn, timeWidth * 2);

    m_summary->setObjectName(QStringLiteral("historySummaryLabel"));
    m_summary->setAccessibleName(tr("Executions shown"));
    m_summary->setWordWrap(true);

    m_resultObject->setObjectName(QStringLiteral("historyResultObjectField"));
    m_resultObject->setField(QStringLiteral("resultObject"), tr("result object"));
    m_resultObject->setCopyButtonVisible(true);
    m_resultObject->setAccessibleName(tr("Result object"));
    m_resultObject->label()->setAccessibleName(tr("Result object of the selected execution"));
    auto *resultLabel = new QLabel(tr("Result object:"), this);
    resultLabel->setBuddy(m_resultObject);
    m_failedReason->setObjectName(QStringLiteral("historyFailedReasonText"));
    m_failedReason->setReadOnly(true);
    m_failedReason->setTextInteractionFlags(
        Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_failedReason->setAccessibleName(tr("Failed reason of the selected execution"));
    m_failedReason->setPlaceholderText(tr("The selected execution has no failed reason."));
    auto *reasonLabel = new QLabel(tr("Failed r&eason:"), this);
    reasonLabel->setBuddy(m_failedReason);

    m_copyJsonAction = new QAction(tr("Copy Row as &JSON"), this);
    m_copyJsonAction->setObjectName(QStringLiteral("copyExecutionJsonAction"));
    m_copyJsonAction->setShortcut(QKeySequence::Copy);
    m_copyJsonAction->setShortcutContext(Qt::WidgetShortcut);
    m_copyJsonAction->setToolTip(
        tr("Copy what aws lookoutequipment list-inference-executions prints for this execution"));
    connect(m_copyJsonAction, &QAction::triggered, this,
        [this] { copy(m_history->model()->cliJson(currentRow())); });
    m_copyReasonAction = new QAction(tr("Copy Fai&led Reason"), this);
    m_copyReasonAction->setObjectName(QStringLiteral("copyFailedReasonAction"));
    connect(m_copyReasonAction, &QAction::triggered, this, [this] {
        const int row = currentRow();
        if (row >= 0)
            copy(m_history->model()->execution(row).failedReason.value_or(QString()));
    });
    m_copyResultAction = new QAction(tr("Copy Result &Object"), this);
    m_copyResultAction->setObjectName(QStringLiteral("copyResultObjectAction"));
    connect(m_copyResultAction, &QAction::triggered, this, [this] {
        const int row = currentRow();
        if (row >= 0)
            copy(models::resultObjectUri(m_history->model()->execution(row)));
    });
    m_copyTsvAction = new QAction(tr("Copy Rows as TS&V"), this);
    m_copyTsvAction->setObjectName(QStringLiteral("copyExecutionsTsvAction"));
    m_copyTsvAction->setToolTip(tr("Copy every row shown, tab-separated, with a header line"));
    connect(m_copyTsvAction, &QAction::triggered, this,
        [this] { copy(m_history->model()->tabSeparated()); });
    m_table->addAction(m_copyJsonAction);
    connect(
        m_resultObject, &CopyableFieldLabel::copyRequested, m_copyResultAction, &QAction::trigger);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(statusLabel);
    buttons->addWidget(m_status);
    const auto addButton = [&](QAction *action, const QString &objectName) {
        auto *button = new QToolButton(this);
        button->setObjectName(objectName);
        button->setDefaultAction(action);
        button->setAccessibleName(action->text().remove(QLatin1Char('&')));
        buttons->addWidget(button);
    };
    addButton(m_copyJsonAction, QStringLiteral("copyExecutionJsonButton"));
    addButton(m_copyReasonAction, QStringLiteral("copyFailedReasonButton"));
    addButton(m_copyTsvAction, QStringLiteral("copyExecutionsTsvButton"));
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    buttons->addWidget(m_summary, 1);

    auto *selected = new QWidget(this);
    auto *selectedLayout = new QVBoxLayout(selected);
    selectedLayout->setContentsMargins(0, 0, 0, 0);
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(resultLabel);
    resultRow->addWidget(m_resultObject, 1);
    selectedLayout->addLayout(resultRow);
    selectedLayout->addWidget(reasonLabel);
    selectedLayout->addWidget(m_failedReason, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(selected);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_banner);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_status, &QComboBox::activated, this, &ExecutionHistoryTab::applyFilter);
    connect(m_range, &ResultsRangeChooser::rangeChosen, this, &ExecutionHistoryTab::applyFilter);
    connect(m_banner, &ErrorBanner::retryRequested, m_history,
        &models::ExecutionHistoryController::retry);
    connect(m_history, &models::ExecutionHistoryController::stateChanged, this,
        &ExecutionHistoryTab::historyChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ExecutionHistoryTab::selectionChanged);
    connect(m_history->model(), &QAbstractItemModel::dataChanged, this,
        &ExecutionHistoryTab::selectionChanged);
    connect(m_history->model(), &QAbstractItemModel::modelReset, this,
        &ExecutionHistoryTab::selectionChanged);
    connect(
        m_table, &QWidget::customContextMenuRequested, this, &ExecutionHistoryTab::showContextMenu);
    connect(m_history->model(), &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this](const QModelIndex &, int first) {
            const QModelIndex top = m_table->indexAt(QPoint(0, 0));
            m_topRow = top.isValid() && top.row() > 0 && first <= top.row()
                ? QPersistentModelIndex(top)
                : QPersistentModelIndex();
        });
    connect(m_history->model(), &QAbstractItemModel::rowsInserted, this,
        &ExecutionHistoryTab::keepScrollPosition);
    connect(m_details, &models::SchedulerDetailsController::stateChanged, this,
        &ExecutionHistoryTab::followDetails);
    connect(m_details, &models::SchedulerDetailsController::busyChanged, this,
        &ExecutionHistoryTab::detailsBusyChanged);
    followDetails();
    historyChanged();
    selectionChanged();
}

void ExecutionHistoryTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    followDetails();
    if (m_history->state() == models::ExecutionHistoryController::State::Idle)
        m_history->load();
    else if (m_refreshDue && m_history->refresh())
        m_refreshDue = false;
}

void ExecutionHistoryTab::followDetails()
{
    const QString name = m_details->schedulerName();
    const std::optional<lookout::LookoutClient> &client = m_details->client();
    aws::AwsJsonClient *connection = client ? client->jsonClient() : nullptr;
    if (name == m_name && connection == m_connection.data())
        return;
    m_name = name;
    m_connection = connection;
    m_refreshDue = false;
    m_history->setClient(client);
    m_history->setScheduler(name);
    if (isVisible())
        m_history->load();
}

void ExecutionHistoryTab::detailsBusyChanged(bool busy)
{
    if (!busy)
        return;
    followDetails();
    // A listing that failed is tried again with the form, as a shown one is refreshed.
    using State = models::ExecutionHistoryController::State;
    const State state = m_history->state();
    if (state != State::Loaded && state != State::Failed)
        return;
    if (!isVisible() || !m_history->refresh())
        m_refreshDue = true;
}

void ExecutionHistoryTab::applyFilter()
{
    lookout::InferenceExecutionFilter filter;
    const QString status = m_status->currentData().toString();
    if (!status.isEmpty())
        filter.status = status;
    using Choice = ResultsRangeChooser::Choice;
    const Choice choice = m_range->choice();
    const bool relative = choice != Choice::All && choice != Choice::Custom;
    // "Last 7 days" counts back from now, and stays open at the end so that refreshes bring
    // what is new; a custom range is sent as chosen.
    if (relative)
        m_range->setNewest(QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() * 1000, choice);
    const results::TimeRange range = m_range->range();
    if (range.from)
        filter.dataStartTimeAfter = lookout::Timestamp { *range.from };
    if (range.to && !relative)
        filter.dataEndTimeBefore = lookout::Timestamp { *range.to };
    m_history->setFilter(filter);
    if (isVisible())
        m_history->load();
}

void ExecutionHistoryTab::historyChanged()
{
    using State = models::ExecutionHistoryController::State;
    const State state = m_history->state();
    const int rows = m_history->model()->rowCount();
    QString message;
    switch (state) {
    case State::Empty:
        message = tr("Choose a scheduler to see its inference executions.");
        break;
    case State::NoConnection:
        message = tr("Executions cannot be listed without a connection.");
        break;
    case State::Idle:
        message = tr("The executions of %1 are listed when this tab is shown.").arg(m_name);
        break;
    case State::Loading:
        message = tr("Listing the executions of %1…").arg(m_name);
        break;
    case State::Failed:
        message = tr("The executions of %1 could not be listed.").arg(m_name);
        break;
    case State::Loaded:
        if (rows == 0)
            message = tr("%1 has no executions that match.").arg(m_name);
        break;
    }
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());

    if (const auto &error = m_history->lastError()) {
        using Operation = models::ExecutionHistoryController::Operation;
        const std::optional<Operation> failed = m_history->failedOperation();
        const QString headline = failed == Operation::Refresh
            ? tr("Could not refresh the executions of %1.").arg(m_name)
            : failed == Operation::NextPage
            ? tr("Could not list more executions of %1.").arg(m_name)
            : tr("Could not list the executions of %1.").arg(m_name);
        m_banner->showError(
            headline, error->toString(), error->kind == aws::AwsError::Kind::Credentials);
    } else {
        m_banner->clearError();
    }

    if (state == State::Loaded) {
        const QString shown = QLocale().toString(rows);
        // English has no numerus catalogue: the one-row sentences are their own strings.
        if (m_history->hasMorePages())
            m_summary->setText(rows == 1
                    ? tr("1 execution shown; more load as you scroll")
                    : tr("%1 executions shown; more load as you scroll", nullptr, rows).arg(shown));
        else
            m_summary->setText(rows == 1 ? tr("The only execution is shown")
                                         : tr("All %1 executions shown", nullptr, rows).arg(shown));
    } else {
        m_summary->clear();
    }
    const bool hasRows = rows > 0;
    m_copyTsvAction->setEnabled(hasRows);
    selectionChanged();

    // The form refreshed while a page was arriving: refresh once the tab is free.
    if (m_refreshDue && isVisible() && (state == State::Loaded || state == State::Failed)
        && !m_history->isBusy()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_refreshDue && isVisible() && m_history->refresh())
                    m_refreshDue = false;
            },
            Qt::QueuedConnection);
    }
}

void ExecutionHistoryTab::selectionChanged()
{
    const int row = currentRow();
    const bool hasRow = row >= 0;
    m_copyJsonAction->setEnabled(hasRow);
    if (!hasRow) {
        m_resultObject->setValue(tr("no execution selected"), true);
        m_failedReason->clear();
        m_copyReasonAction->setEnabled(false);
        m_copyResultAction->setEnabled(false);
        return;
    }
    const lookout::InferenceExecutionSummary &execution = m_history->model()->execution(row);
    const QString uri = models::resultObjectUri(execution);
    m_resultObject->setValue(uri.isEmpty() ? tr("none") : uri, uri.isEmpty());
    m_copyResultAction->setEnabled(!uri.isEmpty());
    const QString reason = execution.failedReason.value_or(QString());
    if (m_failedReason->toPlainText() != reason)
        m_failedReason->setPlainText(reason);
    m_copyReasonAction->setEnabled(!reason.isEmpty());
}

int ExecutionHistoryTab::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ExecutionHistoryTab::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (index.isValid() && !m_table->selectionModel()->isRowSelected(index.row(), {}))
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    menu.addAction(m_copyJsonAction);
    menu.addAction(m_copyReasonAction);
    menu.addAction(m_copyResultAction);
    menu.addSeparator();
    menu.addAction(m_copyTsvAction);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void ExecutionHistoryTab::copy(const QString &text)
{
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void ExecutionHistoryTab::keepScrollPosition()
{
    if (!m_topRow.isValid())
        return;
    // Rows were inserted above what the user was reading: keep it where it was.
    const QPersistentModelIndex top = m_topRow;
    m_topRow = QPersistentModelIndex();
    QMetaObject::invokeMethod(
        this,
        [this, top] {
            if (top.isValid())
                m_table->scrollTo(top, QAbstractItemView::PositionAtTop);
        },
        Qt::QueuedConnection);
}

} // namespace ui
