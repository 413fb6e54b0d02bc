#include "ui/fleetview.h"

#include "core/visibletext.h"
#include "lookout/inferencescheduler.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/statuspresentation.h"
#include "ui/cachedtextdelegate.h"
#include "ui/errorbanner.h"
#include "ui/sortwhileshown.h"
#include "ui/statusbadge.h"
#include "ui/statusbadgedelegate.h"
#include "ui_fleetview.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QSignalBlocker>

#include <algorithm>

namespace ui {

namespace {

using StatusField = models::SchedulerFilterProxyModel::StatusField;
using Column = models::SchedulerListModel::Column;

constexpr int kFilterFieldRole = Qt::UserRole + 1;
constexpr int kFilterValueRole = Qt::UserRole + 2;

// Initial widths in average characters, so they follow the font.
constexpr int kColumnChars[] = { 28, 13, 14, 22, 17, 10, 14, 14, 14 };
// Room around a badge in its cell, at least the delegate's margins.
constexpr int kBadgeCellPadding = 8;

} // namespace

FleetView::FleetView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FleetViewForm>())
    , m_proxy(new models::SchedulerFilterProxyModel(this))
{
    m_ui->setupUi(this);
    // Names status values the window does not know, as the endpoint sent them.
    m_ui->summaryLabel->setTextFormat(Qt::PlainText);
    QTableView *table = m_ui->fleetTableView;
    table->setItemDelegate(new CachedTextDelegate(this));
    // Behind the dashboard or minimized, the table is re-sorted once when shown again.
    new SortWhileShown(this, m_proxy, SortWhileShown::Start::Sorting);
    auto *badges = new StatusBadgeDelegate(this);
    table->setItemDelegateForColumn(Column::StatusColumn, badges);
    table->setItemDelegateForColumn(Column::LatestResultColumn, badges);
    table->verticalHeader()->hide();
    // Fixed row heights keep layout O(1) per row for 10,000 rows; a badge fits with room around.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(
        StatusBadge::badgeSize(QStringLiteral("RUNNING"), font()).height() + 8);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    m_ui->contentStackedWidget->setCurrentWidget(m_ui->placeholderLabel);

    setUpActions();
    setUpStatusFilter();
    m_ui->filterLineEdit->installEventFilter(this);
    connect(m_ui->filterLineEdit, &QLineEdit::textChanged, m_proxy,
        &models::SchedulerFilterProxyModel::setFilterText);
    connect(m_ui->statusFilterComboBox, &QComboBox::currentIndexChanged, this,
        &FleetView::applyStatusFilter);
    connect(m_ui->fleetErrorBanner, &ErrorBanner::retryRequested, this, &FleetView::retryRequested);
    retranslate();
}

FleetView::~FleetView() = default;

QTableView *FleetView::tableView() const
{
    return m_ui->fleetTableView;
}

ErrorBanner *FleetView::errorBanner() const
{
    return m_ui->fleetErrorBanner;
}

void FleetView::setUpActions()
{
    QTableView *table = m_ui->fleetTableView;
    m_copyArnsAction = new QAction(this);
    m_copyArnsAction->setObjectName(QStringLiteral("copySchedulerArnsAction"));
    m_copyArnsAction->setShortcut(QKeySequence::Copy);
    m_copyArnsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyNamesAction = new QAction(this);
    m_copyNamesAction->setObjectName(QStringLiteral("copySchedulerNamesAction"));
    m_copyModelArnsAction = new QAction(this);
    m_copyModelArnsAction->setObjectName(QStringLiteral("copyModelArnsAction"));
    // On the table: its context menu lists them, and Ctrl+C works while it has the focus.
    table->addActions({ m_copyArnsAction, m_copyNamesAction, m_copyModelArnsAction });
    connect(m_copyArnsAction, &QAction::triggered, this, [this] {
        if (const int n = copySelected(models::SchedulerArnRole))
            emit statusMessage(
                n == 1 ? tr("Copied scheduler ARN") : tr("Copied %n scheduler ARNs", nullptr, n));
    });
    connect(m_copyNamesAction, &QAction::triggered, this, [this] {
        if (const int n = copySelected(models::SchedulerNameRole))
            emit statusMessage(
                n == 1 ? tr("Copied scheduler name") : tr("Copied %n scheduler names", nullptr, n));
    });
    connect(m_copyModelArnsAction, &QAction::triggered, this, [this] {
        if (const int n = copySelected(models::ModelArnRole))
            emit statusMessage(
                n == 1 ? tr("Copied model ARN") : tr("Copied %n model ARNs", nullptr, n));
    });

    m_findAction = new QAction(this);
    m_findAction->setObjectName(QStringLiteral("findSchedulerAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    // Anywhere in the window, as long as the fleet view is on screen.
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_findAction);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_ui->filterLineEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->filterLineEdit->selectAll();
    });
}

void FleetView::setUpStatusFilter()
{
    QComboBox *combo = m_ui->statusFilterComboBox;
    const QSignalBlocker blocker(combo);
    const int current = std::max(combo->currentIndex(), 0);
    combo->clear();
    combo->addItem(tr("All schedulers"));
    combo->setItemData(0, int(StatusField::Any), kFilterFieldRole);
    const auto add = [combo](const QString &text, StatusField field, const char *value) {
        combo->addItem(text);
        combo->setItemData(combo->count() - 1, int(field), kFilterFieldRole);
        combo->setItemData(combo->count() - 1, QString::fromLatin1(value), kFilterValueRole);
    };
    for (const char *status : { lookout::status::kPending, lookout::status::kRunning,
             lookout::status::kStopping, lookout::status::kStopped }) {
        add(tr("Status %1").arg(models::statusPresentation(QString::fromLatin1(status)).label),
            StatusField::Status, status);
    }
    for (const char *result : { lookout::result::kAnomalous, lookout::result::kNormal }) {
        add(tr("Latest result %1")
                .arg(models::statusPresentation(QString::fromLatin1(result)).label),
            StatusField::LatestResult, result);
    }
    combo->setCurrentIndex(std::min(current, combo->count() - 1));
}

void FleetView::applyStatusFilter(int index)
{
    QComboBox *combo = m_ui->statusFilterComboBox;
    const auto field = static_cast<StatusField>(combo->itemData(index, kFilterFieldRole).toInt());
    m_proxy->setStatusFilter({ field, combo->itemData(index, kFilterValueRole).toString() });
}

void FleetView::retranslate()
{
    m_copyArnsAction->setText(tr("Copy Scheduler &ARN"));
    m_copyArnsAction->setToolTip(tr("Copy the ARNs of the selected schedulers, one per line"));
    m_copyNamesAction->setText(tr("Copy &Name"));
    m_copyNamesAction->setToolTip(tr("Copy the names of the selected schedulers, one per line"));
    m_copyModelArnsAction->setText(tr("Copy &Model ARN"));
    m_copyModelArnsAction->setToolTip(
        tr("Copy the model ARNs of the selected schedulers, one per line"));
    m_findAction->setText(tr("&Find Scheduler"));
    m_findAction->setToolTip(tr("Filter the fleet by scheduler or model name"));
    updateSummary();
    updatePlaceholder();
}

void FleetView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        setUpStatusFilter();
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool FleetView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->filterLineEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_ui->filterLineEdit->text().isEmpty()) {
            m_ui->filterLineEdit->clear();
            return true;
        }
        if (key->key() == Qt::Key_Down
            && m_ui->contentStackedWidget->currentWidget() == m_ui->fleetTableView) {
            m_ui->fleetTableView->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FleetView::setModel(models::SchedulerListModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    // Connected before the view's selection model, so a row a refresh removes or moves is known
    // to be moving by the time the selection model announces a new current row.
    const auto moving = [this] { m_rowsMoving = true; };
    const auto settled = [this] {
        m_rowsMoving = false;
        updatePlaceholder();
        updateSummary();
    };
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, moving);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, settled);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, moving);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, settled);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, moving);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this, settled] {
        settled();
        m_currentName.clear();
    });
    // The summary line wraps and can be selected, so each new text lays out a text document and
    // the layout around it: once per refresh cycle (the model says so once, when a cycle ends),
    // not once per page (20 times at 10,000). Rows a cycle adds change the counts too.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        updatePlaceholder();
        if (!m_model || !m_model->isCycleRunning())
            updateSummary();
    });
    connect(model, &models::SchedulerListModel::summaryChanged, this, &FleetView::updateSummary);
    connect(
        model, &models::SchedulerListModel::freshnessChanged, this, &FleetView::updatePlaceholder);
    connect(model, &models::SchedulerListModel::freshnessChanged, this,
        &FleetView::updateConnectionColumns);

    QTableView *table = m_ui->fleetTableView;
    table->setModel(m_proxy);
    QHeaderView *header = table->horizontalHeader();
    // Wide enough for typical values, for the header's own label with its sort arrow (in any
    // language), and in the badge columns for the widest badge, so no badge is ever cut.
    const int average = fontMetrics().averageCharWidth();
    int badgeWidth = 0;
    for (const char *status :
        { "PENDING", "RUNNING", "STOPPING", "STOPPED", "ANOMALOUS", "NORMAL" })
        badgeWidth
            = std::max(badgeWidth, StatusBadge::badgeSize(QLatin1String(status), font()).width());
    badgeWidth += 2 * kBadgeCellPadding;
    for (int column = 0; column < models::SchedulerListModel::ColumnCount; ++column) {
        int width = std::max(kColumnChars[column] * average, header->sectionSizeHint(column));
        if (column == Column::StatusColumn || column == Column::LatestResultColumn)
            width = std::max(width, badgeWidth);
        header->resizeSection(column, width);
    }
    header->setSortIndicator(Column::NameColumn, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { onCurrentChanged(current); });
    updateSummary();
    updatePlaceholder();
    updateConnectionColumns();
}

void FleetView::updateConnectionColumns()
{
    // Account, Region and Profile tell rows apart only when there is more than one connection.
    const bool several = m_model && m_model->connectionCount() > 1;
    QHeaderView *header = m_ui->fleetTableView->horizontalHeader();
    for (const int column : { Column::AccountColumn, Column::RegionColumn, Column::ProfileColumn })
        header->setSectionHidden(column, !several);
}

int FleetView::sourceOf(const QModelIndex &index) const
{
    return m_model && index.isValid() ? m_model->sourceAt(m_proxy->mapToSource(index).row()) : -1;
}

void FleetView::onCurrentChanged(const QModelIndex &current)
{
    if (m_rowsMoving || !current.isValid())
        return;
    const QString name = current.data(models::SchedulerNameRole).toString();
    const int source = sourceOf(current);
    if (name.isEmpty() || (name == m_currentName && source == m_currentSource))
        return;
    m_currentName = name;
    m_currentSource = source;
    emit currentSchedulerChanged(name);
}

int FleetView::currentSchedulerSource() const
{
    return sourceOf(m_ui->fleetTableView->currentIndex());
}

void FleetView::setLoading(bool loading)
{
    m_loading = loading;
    updatePlaceholder();
}

void FleetView::showError(const QString &headline, const QString &details)
{
    m_ui->fleetErrorBanner->showError(headline, details);
    updatePlaceholder();
}

void FleetView::clearError()
{
    m_ui->fleetErrorBanner->clearError();
    updatePlaceholder();
}

bool FleetView::selectScheduler(const QString &name, int source)
{
    if (!m_model)
        return false;
    const int sourceRow = m_model->rowOfName(name, source);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    QTableView *table = m_ui->fleetTableView;
    table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

QString FleetView::currentSchedulerName() const
{
    const QModelIndex current = m_ui->fleetTableView->currentIndex();
    return current.isValid() ? current.data(models::SchedulerNameRole).toString() : QString();
}

QStringList FleetView::selectedValues(int role, int source) const
{
    const QItemSelectionModel *selection = m_ui->fleetTableView->selectionModel();
    if (!selection)
        return {};
    QModelIndexList rows = selection->selectedRows(0);
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList values;
    for (const QModelIndex &row : rows) {
        if (source >= 0 && sourceOf(row) != source)
            continue;
        const QString value = row.data(role).toString();
        if (!value.isEmpty())
            values.append(value);
    }
    return values;
}

int FleetView::copySelected(int role)
{
    const QStringList values = selectedValues(role);
    if (values.isEmpty()) {
        emit statusMessage(tr("Select one or more schedulers to copy from"));
        return 0;
    }
    // One per line, exactly the values: no trailing newline or spaces to trip a paste, and no
    // control character an endpoint put in a name or ARN (shown escaped, core::visibleText).
    QStringList visible;
    for (const QString &value : values)
        visible.append(core::visibleText(value));
    QGuiApplication::clipboard()->setText(visible.join(QLatin1Char('\n')));
    return int(values.size());
}

void FleetView::updateSummary()
{
    if (!m_model) {
        m_ui->summaryLabel->setText(QString());
        return;
    }
    QString text = m_model->summary().text();
    if (m_proxy->isFiltering() && m_model->rowCount() > 0)
        text += QStringLiteral(" — ")
            + tr("showing %1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount());
    m_ui->summaryLabel->setText(text);
}

QString FleetView::placeholderText() const
{
    return m_ui->contentStackedWidget->currentWidget() == m_ui->placeholderLabel
        ? m_ui->placeholderLabel->text()
        : QString();
}

void FleetView::updatePlaceholder()
{
    QString text;
    if (!m_model || m_proxy->rowCount() == 0) {
        if (m_model && m_model->rowCount() > 0)
            text = tr("No scheduler matches the filter.");
        else if (!m_ui->fleetErrorBanner->isHidden())
            text = tr("Nothing to show: the fleet could not be loaded.");
        else if (m_loading || !m_model || !m_model->lastCompleteRefresh().isValid())
            text = tr("Loading schedulers…");
        else
            text = tr(
                "No inference schedulers here. Choose another profile or region to see a fleet.");
    }
    m_ui->placeholderLabel->setText(text);
    QWidget *page
        = text.isEmpty() ? static_cast<QWidget *>(m_ui->fleetTableView) : m_ui->placeholderLabel;
    if (m_ui->contentStackedWidget->currentWidget() != page) {
        const bool hadFocus = m_ui->contentStackedWidget->currentWidget()->hasFocus();
        m_ui->contentStackedWidget->setCurrentWidget(page);
        if (hadFocus)
            page->setFocus();
    }
}

QByteArray FleetView::saveHeaderState() const
{
    return m_ui->fleetTableView->horizontalHeader()->saveState();
}

bool FleetView::restoreHeaderState(const QByteArray &state)
{
    QHeaderView *header = m_ui->fleetTableView->horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state))
        return false;
    updateConnectionColumns();
    m_ui->fleetTableView->sortByColumn(
        header->sortIndicatorSection(), header->sortIndicatorOrder());
    return true;
}

} // namespace ui
