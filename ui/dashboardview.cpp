#include "ui/dashboardview.h"

#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/timetext.h"
#include "models/walltilesmodel.h"
#include "ui/dashboardcounts.h"
#include "ui/dashboardfit.h"
#include "ui/dashboardgroupheader.h"
#include "ui/dashboardtiledelegate.h"
#include "ui/dashboardtilesview.h"
#include "ui/plaintooltip.h"
#include "ui/sortwhileshown.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

#include <utility>

namespace ui {

// One group's part of the wall's tiles on the page shown: tiles first to first + count - 1.
class TileRangeModel : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setRange(int first, int count)
    {
        if (first == m_first && count == m_count)
            return;
        m_first = first;
        m_count = count;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return !parent.isValid() && row >= m_first && row < m_first + m_count;
    }

private:
    int m_first = 0;
    int m_count = 0;
};

DashboardView::DashboardView(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new models::SchedulerFilterProxyModel(this))
    , m_counts(new DashboardCounts(this))
    , m_freshnessLabel(new QLabel(this))
    , m_header(new QWidget(this))
    , m_wall(new models::WallTilesModel(this))
    , m_pageLabel(new QLabel(this))
    , m_area(new QWidget(this))
    , m_tiles(new DashboardTilesView(m_area))
    , m_delegate(new DashboardTileDelegate(this))
{
    setObjectName(QStringLiteral("dashboardViewWidget"));
    m_proxy->setOrder(models::SchedulerFilterProxyModel::Order::ByUrgency);
    m_proxy->sort(0);
    // A hidden dashboard does not re-sort its 10,000 tiles after every refresh.
    new SortWhileShown(this, m_proxy, SortWhileShown::Start::Deferred);

    m_freshnessLabel->setObjectName(QStringLiteral("freshnessLabel"));
    m_freshnessLabel->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_freshnessLabel->setWordWrap(true);
    m_freshnessLabel->setTextFormat(Qt::PlainText);
    QFont freshnessFont = m_freshnessLabel->font();
    freshnessFont.setPointSizeF(freshnessFont.pointSizeF() * 2.0);
    m_freshnessLabel->setFont(freshnessFont);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_pageLabel->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_pageLabel->setTextFormat(Qt::PlainText);
    freshnessFont.setBold(true);
    m_pageLabel->setFont(freshnessFont);
    m_pageLabel->hide();

    // Hidden, the dashboard's tiles follow nothing (see showEvent()).
    m_wall->setActive(false);
    m_wall->setSourceModel(m_proxy);
    m_pageTimer.setInterval(kPageInterval);
    connect(&m_pageTimer, &QTimer::timeout, m_wall, &models::WallTilesModel::showNextPage);
    connect(m_wall, &models::WallTilesModel::tilesChanged, this, [this] {
        fitTiles();
        updatePages();
    });
    // A change of tiles resets the wall's model: the focus stays on the same scheduler's tile.
    connect(m_wall, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        for (qsizetype i = 0; i < m_shownSections; ++i) {
            const QModelIndex current = m_sections.at(i).view->currentIndex();
            if (current.isValid() && (m_sections.at(i).view->hasFocus() || i == 0))
                m_currentName = current.data(models::SchedulerNameRole).toString();
        }
    });
    connect(m_wall, &QAbstractItemModel::modelReset, this, &DashboardView::restoreCurrentTile);

    m_area->setObjectName(QStringLiteral("dashboardTilesArea"));
    m_area->installEventFilter(this);
    auto *sections = new QVBoxLayout(m_area);
    sections->setContentsMargins(0, 0, 0, 0);
    sections->setSpacing(0);
    // Below the groups, what they leave of the height.
    sections->addStretch(0);
    addSection();
    m_tiles->setModel(m_wall);
    m_tiles->setModelColumn(models::SchedulerListModel::NameColumn);

    m_flash.setDuration(int(kFlashDuration.count()));
    m_flash.setUpdateInterval(int(kFlashFrame.count()));
    m_flash.setEasingCurve(QEasingCurve::Linear);
    m_delegate->setChanges(&m_changes);
    connect(&m_flash, &QTimeLine::valueChanged, this,
        [this] { updateChangedTiles(m_changes.flashing); });
    connect(&m_flash, &QTimeLine::finished, this, [this] {
        const QSet<QString> flashed = std::exchange(m_changes.flashing, {});
        updateChangedTiles(flashed);
    });
    m_freshnessTimer.setInterval(kFreshnessTick);
    connect(&m_freshnessTimer, &QTimer::timeout, this, [this] {
        updateFreshness();
        ageChangedTiles();
    });

    m_header->setObjectName(QStringLiteral("dashboardHeader"));
    auto *top = new QHBoxLayout(m_header);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_counts, 1);
    auto *corner = new QVBoxLayout;
    corner->addWidget(m_freshnessLabel);
    corner->addWidget(m_pageLabel);
    corner->addStretch(1);
    top->addLayout(corner);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_area, 1);
    setFocusProxy(m_tiles);
    changeEvent(nullptr);
}

void DashboardView::changeEvent(QEvent *event)
{
    if (!event || event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Dashboard"));
        layoutSections();
        m_freshnessLabel->setAccessibleName(tr("Last refresh"));
        m_pageLabel->setAccessibleName(tr("Page of tiles shown"));
        updateFreshness();
        updatePages();
    }
    if (event)
        QWidget::changeEvent(event);
}

void DashboardView::showEvent(QShowEvent *event)
{
    m_wall->setActive(true);
    updateGroupCounts();
    updateFreshness();
    ageChangedTiles();
    m_freshnessTimer.start();
    updatePages();
    QWidget::showEvent(event);
}

void DashboardView::hideEvent(QHideEvent *event)
{
    // Nobody sees a hidden dashboard: neither its age nor its pages move on.
    m_freshnessTimer.stop();
    m_pageTimer.stop();
    m_wall->setActive(false);
    QWidget::hideEvent(event);
}

void DashboardView::setModel(models::SchedulerListModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    m_tiles->setModelColumn(models::SchedulerListModel::NameColumn);
    // The count chips lay themselves out by width: once per refresh cycle (summaryChanged()).
    connect(model, &models::SchedulerListModel::summaryChanged, this, &DashboardView::updateCounts);
    connect(model, &models::SchedulerListModel::freshnessChanged, this,
        &DashboardView::updateFreshness);
    connect(model, &QAbstractItemModel::modelReset, this, &DashboardView::updateFreshness);
    connect(model, &models::SchedulerListModel::statusesChanged, this, &DashboardView::noteChanges);
    // The wall takes a refresh in one step, not page by page: one layout and one paint of the
    // tiles per cycle, and one flash for what it changed. Each connection's cycle end shows what
    // has arrived, so a slow connection holds back nobody else's changes for long.
    connect(
        model, &models::SchedulerListModel::cycleStarted, this, [this] { m_wall->setHeld(true); });
    connect(model, &models::SchedulerListModel::cycleFinished, this, [this] {
        m_wall->flushChanges();
        m_wall->setHeld(m_model->isCycleRunning());
        if (std::exchange(m_flashPending, false))
            startFlash();
    });
    updateCounts();
    updateFreshness();
}

void DashboardView::updateCounts()
{
    m_counts->setSummary(m_model ? m_model->summary() : models::FleetSummary());
    // The groups' counts once per pass of the event loop, however many connections' cycles
    // ended in it, and not while hidden (showEvent() counts them).
    if (std::exchange(m_groupCountsPending, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_groupCountsPending = false;
            if (!isVisible())
                return;
            updateGroupCounts();
            fitTiles(); // the groups' headers fit their names and counts
        },
        Qt::QueuedConnection);
}

void DashboardView::updateGroupCounts()
{
    const int connections = m_model ? m_model->connectionCount() : 1;
    m_groupCounts = QList<models::FleetSummary>(connections);
    if (!m_model || connections < 2)
        return;
    // Once per refresh cycle, over the fleet's rows: no sorting, no proxies.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const int connection = m_model->sourceAt(row);
        if (connection < 0 || connection >= connections)
            continue;
        m_groupCounts[connection].add(m_model->schedulerAt(row));
    }
}

QString DashboardView::groupFreshness(int connection, bool *failing) const
{
    const QDateTime lastGood = m_model->connectionLastCompleteRefresh(connection);
    const QDateTime now = m_model->clock()->now();
    const QString problem = m_model->connectionProblem(connection);
    *failing = m_model->isConnectionStale(connection) || !problem.isEmpty();
    if (*failing) {
        QString text = lastGood.isValid()
            ? tr("Refresh failed: hatched tiles show data from %1 (%2)")
                  .arg(models::clockTimeText(lastGood), models::relativeAgeText(lastGood, now))
            : tr("Refresh failed");
        return problem.isEmpty() ? text
                                 : tr("%1 \u2014 %2", "refresh failed — why").arg(text, problem);
    }
    if (lastGood.isValid()) {
        return tr("Updated %1, at %2")
            .arg(models::relativeAgeText(lastGood, now), models::clockTimeText(lastGood));
    }
    return tr("Waiting for the first refresh…");
}

void DashboardView::setRefreshProblem(const QString &problem)
{
    m_problem = problem;
    updateFreshness();
}

QString DashboardView::freshnessText() const
{
    return m_freshnessLabel->text();
}

void DashboardView::updateFreshness()
{
    QString text;
    const QDateTime lastGood = m_model ? m_model->lastCompleteRefresh() : QDateTime();
    const QDateTime now = m_model ? m_model->clock()->now() : QDateTime();
    const int connections = m_model ? m_model->connectionCount() : 1;
    QList<bool> failing(connections, false);
    if (m_model && connections > 1) {
        for (int connection = 0; connection < connections; ++connection)
            groupFreshness(connection, &failing[connection]);
    }
    const auto failingCount = std::count(failing.cbegin(), failing.cend(), true);
    // With several connections the header on top is a banner only when all of them fail; the
    // groups' headers say which fail and why.
    const bool stale
        = m_model && m_model->isStale() && (connections < 2 || failingCount == connections);
    if (stale) {
        text = lastGood.isValid()
            ? tr("Refresh failed: hatched tiles show data from %1 (%2)")
                  .arg(models::clockTimeText(lastGood), models::relativeAgeText(lastGood, now))
            : tr("Refresh failed");
        if (!m_problem.isEmpty() && connections < 2)
            text += QLatin1Char('\n') + m_problem;
    } else if (failingCount > 0) {
        text = tr("%n of %1 connections failing", nullptr, int(failingCount)).arg(connections);
    } else if (lastGood.isValid()) {
        text = tr("Updated %1, at %2")
                   .arg(models::relativeAgeText(lastGood, now), models::clockTimeText(lastGood));
    } else {
        text = tr("Waiting for the first refresh…");
    }
    m_freshnessLabel->setText(text);
    m_freshnessLabel->setToolTip(stale ? plainToolTip(m_problem) : QString());
    if (stale != m_banner) {
        // Across the room, a failing connection is the whole header turning red, not a line.
        m_banner = stale;
        m_header->setAutoFillBackground(stale);
        QPalette banner; // nothing set: the header follows the window's palette
        if (stale) {
            banner = palette();
            banner.setColor(QPalette::Window, DashboardGroupHeader::bannerColor());
            banner.setColor(QPalette::WindowText, Qt::white);
        }
        m_header->setPalette(banner);
    }
    if (m_model && m_groupCounts.size() != connections)
        updateGroupCounts();
    // Failing connections' groups go first (this may lay the tiles out again).
    m_wall->setConnections(connections > 1 ? failing : QList<bool>());
    for (qsizetype i = 0; m_model && connections > 1 && i < m_shownSections; ++i) {
        const int connection = m_wall->sections().value(i).connection;
        bool groupFailing = false;
        const QString groupText = groupFreshness(connection, &groupFailing);
        m_sections.at(i).header->setFreshness(groupText, groupFailing);
    }
}

bool DashboardView::isFlashing(const QString &name) const
{
    return m_flash.state() == QTimeLine::Running && m_changes.flashing.contains(name);
}

void DashboardView::noteChanges(const QList<models::StatusChange> &changes)
{
    const QDateTime now = m_model->clock()->now();
    for (const models::StatusChange &change : changes)
        m_changes.changedAt.insert(change.name, now);
    if (!isVisible())
        return; // no flash nobody sees; the tiles say when they changed once shown
    for (const models::StatusChange &change : changes)
        m_changes.flashing.insert(change.name);
    if (m_model->isCycleRunning())
        m_flashPending = true; // when the wall shows the cycle's changes
    else
        startFlash();
}

void DashboardView::startFlash()
{
    // One animation for every tile that changed; a change during a flash starts it again.
    m_flash.stop();
    m_flash.start();
    updateChangedTiles(m_changes.flashing);
}

void DashboardView::ageChangedTiles()
{
    if (!m_model)
        return;
    const QDateTime oldest = m_model->clock()->now().addSecs(
        -std::chrono::duration_cast<std::chrono::seconds>(kChangedLineDuration).count());
    QSet<QString> gone;
    for (auto it = m_changes.changedAt.begin(); it != m_changes.changedAt.end();) {
        if (it.value() < oldest) {
            gone.insert(it.key());
            it = m_changes.changedAt.erase(it);
        } else {
            ++it;
        }
    }
    // Every tile with a line: its age ticks, or its line goes.
    repaintTiles([this, &gone](const QString &name) {
        return gone.contains(name) || m_changes.changedAt.contains(name);
    });
}

void DashboardView::updateChangedTiles(const QSet<QString> &names)
{
    if (!names.isEmpty())
        repaintTiles([&names](const QString &name) { return names.contains(name); });
}

void DashboardView::repaintTiles(const std::function<bool(const QString &)> &changed)
{
    m_changes.now = m_model ? m_model->clock()->now() : QDateTime();
    m_changes.flash = m_flash.state() == QTimeLine::Running ? 1.0 - m_flash.currentValue() : 0.0;
    // Only the tiles shown: at most a page of them.
    for (int row = 0; row < m_wall->rowCount(); ++row) {
        const QModelIndex tile = m_wall->index(row, models::SchedulerListModel::NameColumn);
        if (!changed(tile.data(models::SchedulerNameRole).toString()))
            continue;
        DashboardTilesView *view = nullptr;
        const QModelIndex shown = viewIndex(row, &view);
        if (view)
            view->update(shown);
    }
}

void DashboardView::setPageInterval(std::chrono::milliseconds interval)
{
    m_pageTimer.setInterval(interval);
}

QString DashboardView::pageText() const
{
    return m_pageLabel->text();
}

void DashboardView::updatePages()
{
    const int pages = m_wall->pageCount();
    if (pages > 1) {
        m_pageLabel->setText(tr("Page %1 of %2").arg(m_wall->page() + 1).arg(pages));
        m_pageLabel->show();
        if (!m_pageTimer.isActive() && isVisible())
            m_pageTimer.start();
    } else {
        m_pageLabel->setText(QString());
        m_pageLabel->hide();
        m_pageTimer.stop();
    }
}

void DashboardView::fitTiles()
{
    const QSize area = m_area->contentsRect().size();
    const QFont base = font();
    const bool grouped = m_wall->isGrouped();
    // Every group header is as high, whatever it says: turning a page changes no tile's size.
    m_headerHeight = 0;
    if (grouped) {
        QList<std::pair<QString, models::FleetSummary>> named;
        for (const models::WallTilesModel::Group &group : m_wall->groups())
            named.append({ m_model->connectionName(group.connection),
                m_groupCounts.value(group.connection) });
        const DashboardGroupHeader::Fit headers
            = m_sections.first().header->fitFor(area.width(), named);
        m_headerHeight = headers.height;
        m_headersStacked = headers.stacked;
    }
    QList<int> every;
    QList<int> collapsed;
    for (const models::WallTilesModel::Group &group : m_wall->groups()) {
        every.append(group.schedulers);
        collapsed.append(group.attention + (group.healthy() > 0 ? 1 : 0));
    }
    DashboardFit fit = DashboardFit::fit(area, every, m_headerHeight, base);
    models::WallTilesModel::PageGeometry geometry; // every scheduler its own tile
    if (!fit.fits) {
        fit = DashboardFit::fit(area, collapsed, m_headerHeight, base);
        geometry = { fit.columns, area.height(), fit.tile.height(), m_headerHeight };
    }
    const bool sizeChanged = fit.tile != m_delegate->fixedTileSize();
    m_delegate->setTileSize(fit.tile);
    m_columns = fit.columns;
    for (const Section &section : std::as_const(m_sections)) {
        if (section.view->font() != fit.font)
            section.view->setFont(fit.font);
        else if (sizeChanged)
            section.view->doItemsLayout();
    }
    m_wall->setPageGeometry(geometry);
    layoutSections();
}

void DashboardView::addSection()
{
    Section section;
    section.header = new DashboardGroupHeader(m_area);
    section.header->hide();
    section.view = m_sections.isEmpty() ? m_tiles : new DashboardTilesView(m_area);
    section.range = new TileRangeModel(this);
    section.range->setDynamicSortFilter(false);
    section.range->setSourceModel(m_wall);
    DashboardTilesView *view = section.view;
    view->setObjectName(m_sections.isEmpty() ? QStringLiteral("dashboardTilesListView")
                                             : QStringLiteral("dashboardGroupTilesListView"));
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setFrameShape(QFrame::NoFrame);
    view->viewport()->setBackgroundRole(QPalette::Window);
    view->setItemDelegate(m_delegate);
    view->setFont(m_tiles->font());
    view->setAccessibleName(tr("Scheduler tiles, most urgent first"));
    connect(view, &QListView::activated, this, [this](const QModelIndex &index) {
        const QString name = index.data(models::SchedulerNameRole).toString();
        if (!name.isEmpty())
            emit schedulerActivated(name);
    });
    if (!m_sections.isEmpty()) {
        view->setModel(section.range);
        view->setModelColumn(models::SchedulerListModel::NameColumn);
        view->hide();
    }
    // Before the stretch at the end.
    auto *layout = static_cast<QVBoxLayout *>(m_area->layout());
    layout->insertWidget(layout->count() - 1, section.header);
    layout->insertWidget(layout->count() - 1, view);
    m_sections.append(section);
}

void DashboardView::layoutSections()
{
    const QList<models::WallTilesModel::Section> &sections = m_wall->sections();
    const bool grouped = m_wall->isGrouped() && m_model;
    auto *layout = static_cast<QVBoxLayout *>(m_area->layout());
    if (!grouped) {
        // One grid over the whole area, as without connections to tell apart.
        if (m_tiles->model() != m_wall) {
            m_tiles->setModel(m_wall);
            m_tiles->setModelColumn(models::SchedulerListModel::NameColumn);
        }
        m_tiles->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        m_tiles->setHeightHint(-1);
        m_tiles->setMinimumHeight(0);
        m_tiles->setAccessibleName(tr("Scheduler tiles, most urgent first"));
        m_tiles->show();
        layout->setStretchFactor(m_tiles, 1);
        for (qsizetype i = 0; i < m_sections.size(); ++i) {
            m_sections.at(i).header->hide();
            if (i > 0)
                m_sections.at(i).view->hide();
        }
        m_shownSections = 1;
        restoreCurrentTile();
        return;
    }
    while (m_sections.size() < sections.size())
        addSection();
    layout->setStretchFactor(m_tiles, 0);
    const QSize tile = m_delegate->fixedTileSize();
    const int columns = std::max(1, m_columns);
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        const Section &section = m_sections.at(i);
        if (i >= sections.size()) {
            section.header->hide();
            section.view->hide();
            continue;
        }
        const models::WallTilesModel::Section &shown = sections.at(i);
        if (section.view->model() != section.range) {
            section.view->setModel(section.range);
            section.view->setModelColumn(models::SchedulerListModel::NameColumn);
        }
        section.range->setRange(shown.firstTile, shown.tileCount);
        const QString name = m_model->connectionName(shown.connection);
        section.header->setGroup(name, m_groupCounts.value(shown.connection));
        section.header->setContinuation(shown.continued, shown.continues);
        section.header->setStacked(m_headersStacked);
        bool failing = false;
        const QString freshness = groupFreshness(shown.connection, &failing);
        section.header->setFreshness(freshness, failing);
        // At most what the fit gave them, never more: a fit for an area not laid out yet must
        // not make the window grow.
        section.header->setMinimumHeight(0);
        section.header->setMaximumHeight(m_headerHeight);
        section.header->show();
        const int rows = (shown.tileCount + columns - 1) / columns;
        section.view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
        section.view->setHeightHint(std::max(0, rows * tile.height()));
        section.view->setMinimumHeight(1);
        section.view->setAccessibleName(tr("Scheduler tiles of %1, most urgent first").arg(name));
        section.view->setVisible(rows > 0);
    }
    // What the groups leave of the height stays empty below them.
    layout->invalidate();
    m_shownSections = sections.size();
    restoreCurrentTile();
}

void DashboardView::restoreCurrentTile()
{
    if (m_currentName.isEmpty())
        return;
    for (int row = 0; row < m_wall->rowCount(); ++row) {
        const QModelIndex tile = m_wall->index(row, models::SchedulerListModel::NameColumn);
        if (tile.data(models::SchedulerNameRole).toString() != m_currentName)
            continue;
        DashboardTilesView *view = nullptr;
        const QModelIndex shown = viewIndex(row, &view);
        if (view && view->currentIndex() != shown)
            view->setCurrentIndex(shown);
        return;
    }
}

DashboardGroupHeader *DashboardView::sectionHeader(int section) const
{
    return section >= 0 && section < m_shownSections ? m_sections.at(section).header : nullptr;
}

DashboardTilesView *DashboardView::sectionView(int section) const
{
    return section >= 0 && section < m_shownSections ? m_sections.at(section).view : nullptr;
}

QModelIndex DashboardView::viewIndex(int tile, DashboardTilesView **view) const
{
    if (view)
        *view = nullptr;
    const QModelIndex index = m_wall->index(tile, models::SchedulerListModel::NameColumn);
    if (!index.isValid())
        return {};
    if (m_tiles->model() == m_wall) {
        if (view)
            *view = m_tiles;
        return index;
    }
    for (qsizetype i = 0; i < m_shownSections; ++i) {
        const QModelIndex shown = m_sections.at(i).range->mapFromSource(index);
        if (shown.isValid()) {
            if (view)
                *view = m_sections.at(i).view;
            return shown;
        }
    }
    return {};
}

bool DashboardView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_area && event->type() == QEvent::Resize)
        fitTiles();
    return QWidget::eventFilter(watched, event);
}

QStringList DashboardView::shownTileNames() const
{
    QStringList names;
    for (int row = 0; row < m_wall->rowCount(); ++row) {
        const QModelIndex tile = m_wall->index(row, 0);
        const QString name = tile.data(models::SchedulerNameRole).toString();
        names.append(name.isEmpty() ? tile.data().toString() : name);
    }
    return names;
}

QStringList DashboardView::tileNames() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names.append(m_proxy->index(row, 0).data(models::SchedulerNameRole).toString());
    return names;
}

} // namespace ui
