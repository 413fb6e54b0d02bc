#include "models/walltilesmodel.h"

#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"

#include <QAbstractProxyModel>

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

namespace models {

WallTilesModel::WallTilesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void WallTilesModel::setSourceModel(QAbstractItemModel *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_source = source;
    if (source) {
        // Rows, order or everything changed: the tiles' source rows are recomputed before
        // anything paints them.
        const auto now = [this] {
            m_dirtyRows.clear();
            m_rowsKnown = false;
            recompute();
        };
        m_connections = {
            connect(
                source, &QAbstractItemModel::dataChanged, this, &WallTilesModel::sourceDataChanged),
            connect(source, &QAbstractItemModel::rowsInserted, this, now),
            connect(source, &QAbstractItemModel::rowsRemoved, this, now),
            connect(source, &QAbstractItemModel::rowsMoved, this, now),
            connect(source, &QAbstractItemModel::layoutChanged, this, now),
            connect(source, &QAbstractItemModel::modelReset, this, now),
        };
    }
    m_rowsKnown = false;
    recompute();
}

void WallTilesModel::setPageGeometry(const PageGeometry &geometry)
{
    if (geometry == m_geometry)
        return;
    m_geometry = geometry;
    m_layoutStale = true;
    recompute();
}

void WallTilesModel::setCapacity(int capacity)
{
    setPageGeometry(capacity > 0 ? PageGeometry { capacity, 1, 1, 0 } : PageGeometry {});
}

void WallTilesModel::setConnections(const QList<bool> &failing)
{
    if (failing == m_failing)
        return;
    m_failing = failing;
    m_layoutStale = true;
    recompute();
}

void WallTilesModel::setPage(int page)
{
    page = std::clamp(page, 0, m_pageCount - 1);
    if (page == m_page)
        return;
    m_page = page;
    recompute(true);
}

void WallTilesModel::showNextPage()
{
    setPage(m_page + 1 < m_pageCount ? m_page + 1 : 0);
}

int WallTilesModel::sourceRow(int row) const
{
    return row >= 0 && row < m_tiles.size() ? std::max(-1, m_tiles.at(row)) : -1;
}

WallTilesModel::RowState WallTilesModel::rowState(int row) const
{
    // Through a proxy, the roles are read from its source: one mapping per row, not one per role
    // (the full pass reads every row after each re-sort).
    QModelIndex index = m_source->index(row, 0);
    if (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(m_source.data()))
        index = proxy->mapToSource(index);
    return RowState { index.data(ConnectionIndexRole).toInt(), index.data(HealthyRole).toBool() };
}

int WallTilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tiles.size());
}

int WallTilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

QVariant WallTilesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tiles.size() || !m_source)
        return {};
    const int row = m_tiles.at(index.row());
    if (row >= 0)
        return m_source->index(row, index.column()).data(role);
    if (index.column() != 0)
        return {};
    const int connection = -1 - row;
    const int healthy = m_healthy.value(connection);
    switch (role) {
    case HealthyCountRole:
        return healthy;
    case ConnectionIndexRole:
        return connection;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case AccessibleTextRole:
        return tr("%n running, normal", nullptr, healthy);
    default:
        return {};
    }
}

void WallTilesModel::flushChanges()
{
    if (m_recomputePending)
        recompute();
}

void WallTilesModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_dirtyRows.append(row);
    scheduleRecompute();
}

void WallTilesModel::scheduleRecompute()
{
    if (std::exchange(m_recomputePending, true) || m_held)
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_held)
                flushChanges();
        },
        Qt::QueuedConnection);
}

void WallTilesModel::setHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    if (!held)
        flushChanges();
}

void WallTilesModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active && std::exchange(m_changedWhileInactive, false)) {
        m_dirtyRows.clear();
        m_rowsKnown = false;
        recompute();
    }
}

QList<QList<WallTilesModel::Segment>> WallTilesModel::paginate(
    const QList<QList<int>> &attention) const
{
    const PageGeometry &g = m_geometry;
    const int rowHeight = std::max(1, g.rowHeight);
    QList<QList<Segment>> pages(1);
    int remaining = g.height;
    const auto newPage = [&] {
        pages.append(QList<Segment>());
        remaining = g.height;
    };
    for (int group = 0; group < m_groups.size(); ++group) {
        const QList<int> &tiles = attention.at(group);
        const bool hasCountTile = m_groups.at(group).healthy() > 0;
        qsizetype next = 0;
        bool first = true;
        do {
            int rows = (remaining - g.headerHeight) / rowHeight;
            const bool headerOnly = tiles.isEmpty() && !hasCountTile;
            if ((headerOnly ? remaining < g.headerHeight : rows < 1) && !pages.last().isEmpty()) {
                newPage();
                rows = (remaining - g.headerHeight) / rowHeight;
            }
            // A page too small for one row still shows one: the fit keeps that from happening.
            rows = std::max(1, rows);
            const int places = rows * g.columns;
            const int take = tiles.isEmpty() ? 0 : std::max(1, places - (hasCountTile ? 1 : 0));
            Segment segment;
            segment.group = group;
            segment.tiles = tiles.mid(next, take);
            next += segment.tiles.size();
            if (hasCountTile)
                segment.tiles.append(countTile(m_groups.at(group).connection));
            segment.continued = !first;
            segment.continues = next < tiles.size();
            const int usedRows = int((segment.tiles.size() + g.columns - 1) / g.columns);
            remaining -= g.headerHeight + usedRows * rowHeight;
            pages.last().append(segment);
            first = false;
        } while (next < tiles.size());
    }
    return pages;
}

void WallTilesModel::recompute(bool pageTurned)
{
    m_recomputePending = false;
    if (!m_active) {
        m_changedWhileInactive = true;
        m_dirtyRows.clear();
        m_rowsKnown = false;
        if (pageTurned)
            emit tilesChanged();
        return;
    }
    // Every row's state read again after a structural change, else only the changed rows'.
    const int sourceRows = m_source ? m_source->rowCount() : 0;
    const bool rowsRead = !m_rowsKnown || m_rowStates.size() != std::size_t(sourceRows);
    bool statesChanged = rowsRead;
    if (rowsRead) {
        m_rowStates.resize(std::size_t(sourceRows));
        for (int row = 0; row < sourceRows; ++row)
            m_rowStates[std::size_t(row)] = rowState(row);
        m_rowsKnown = true;
    } else {
        for (const int row : std::as_const(m_dirtyRows)) {
            if (row < 0 || row >= sourceRows)
                continue;
            const RowState state = rowState(row);
            statesChanged = statesChanged || state != m_rowStates[std::size_t(row)];
            m_rowStates[std::size_t(row)] = state;
        }
    }
    if (!statesChanged && !m_layoutStale && !pageTurned) {
        // What rows say changed, not which rows have tiles or where: the tiles stay.
        announceDirtyTiles(m_healthy);
        return;
    }
    m_layoutStale = false;
    layOut(sourceRows, rowsRead, pageTurned);
}

void WallTilesModel::layOut(int sourceRows, bool rowsMoved, bool pageTurned)
{
    const int oldRows = m_sourceRows;
    const int oldHealthy = healthyCount();
    const QList<int> oldHealthyByConnection = m_healthy;
    const int oldPages = m_pageCount;
    const int oldPage = m_page;
    const bool oldCollapsed = m_collapsed;
    const QList<Group> oldGroups = m_groups;
    const QList<Section> oldSections = m_sections;
    m_sourceRows = sourceRows;

    // Each connection's counts and most urgent row, in source (urgency) order.
    const int connections = isGrouped() ? int(m_failing.size()) : 1;
    const auto connectionOf = [&](const RowState &state) {
        return isGrouped() ? std::clamp(state.connection, 0, connections - 1) : 0;
    };
    QList<int> schedulersOf(connections, 0);
    QList<int> attentionOf(connections, 0);
    QList<int> firstRow(connections, std::numeric_limits<int>::max());
    m_attentionCount = 0;
    for (int row = 0; row < m_sourceRows; ++row) {
        const RowState &state = m_rowStates[std::size_t(row)];
        const int connection = connectionOf(state);
        ++schedulersOf[connection];
        firstRow[connection] = std::min(firstRow[connection], row);
        if (!state.healthy) {
            ++attentionOf[connection];
            ++m_attentionCount;
        }
    }
    // Failing connections first, then the group of the most urgent tile.
    QList<int> order(connections);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int left, int right) {
        const bool leftFailing = isGrouped() && m_failing.at(left);
        const bool rightFailing = isGrouped() && m_failing.at(right);
        if (leftFailing != rightFailing)
            return leftFailing;
        return firstRow.at(left) < firstRow.at(right);
    });
    m_groups.clear();
    m_healthy = QList<int>(connections, 0);
    QList<int> groupOf(connections, 0);
    for (const int connection : std::as_const(order)) {
        Group group;
        group.connection = connection;
        group.schedulers = schedulersOf.at(connection);
        group.attention = attentionOf.at(connection);
        group.failing = isGrouped() && m_failing.at(connection);
        m_healthy[connection] = group.healthy();
        groupOf[connection] = int(m_groups.size());
        m_groups.append(group);
    }

    // Every tile on one page when that fits; else the healthy ones collapse, in pages if need be.
    const PageGeometry &g = m_geometry;
    bool fitsAll = g.columns <= 0;
    if (!fitsAll) {
        qint64 height = 0;
        for (const Group &group : std::as_const(m_groups))
            height += g.headerHeight
                + qint64((group.schedulers + g.columns - 1) / g.columns) * std::max(1, g.rowHeight);
        fitsAll = height <= g.height;
    }
    // Each group's rows with tiles of their own: all of them, or those needing attention.
    QList<QList<int>> tilesOf(m_groups.size());
    for (int group = 0; group < m_groups.size(); ++group)
        tilesOf[group].reserve(
            fitsAll ? m_groups.at(group).schedulers : m_groups.at(group).attention);
    for (int row = 0; row < m_sourceRows; ++row) {
        const RowState &state = m_rowStates[std::size_t(row)];
        if (fitsAll || !state.healthy)
            tilesOf[groupOf.at(connectionOf(state))].append(row);
    }
    QList<QList<Segment>> pages;
    if (fitsAll) {
        pages.append(QList<Segment>());
        for (int group = 0; group < m_groups.size(); ++group)
            pages.last().append(Segment { group, tilesOf.at(group), false, false });
    } else {
        pages = paginate(tilesOf);
    }
    m_collapsed = !fitsAll;
    m_pageCount = int(pages.size());
    m_page = std::min(m_page, m_pageCount - 1);
    QList<int> tiles;
    m_sections.clear();
    for (const Segment &segment : pages.at(m_page)) {
        m_sections.append(Section { m_groups.at(segment.group).connection, int(tiles.size()),
            int(segment.tiles.size()), segment.continued, segment.continues });
        tiles.append(segment.tiles);
    }

    if (tiles == m_tiles && rowsMoved) {
        // The same tile rows after rows moved (a re-sort): any tile may show another scheduler.
        m_dirtyRows.clear();
        if (!m_tiles.isEmpty() && columnCount() > 0)
            emit dataChanged(index(0, 0), index(int(m_tiles.size()) - 1, columnCount() - 1));
    } else if (tiles == m_tiles) {
        announceDirtyTiles(oldHealthyByConnection);
    } else {
        m_dirtyRows.clear();
        beginResetModel();
        m_tiles = tiles;
        endResetModel();
    }
    if (pageTurned || oldRows != m_sourceRows || oldHealthy != healthyCount()
        || oldPages != m_pageCount || oldPage != m_page || oldCollapsed != m_collapsed
        || oldGroups != m_groups || oldSections != m_sections) {
        emit tilesChanged();
    }
}

void WallTilesModel::announceDirtyTiles(const QList<int> &oldHealthyByConnection)
{
    // The same tiles: announce the ones whose rows changed, not a layout of every tile.
    const int columns = columnCount();
    std::sort(m_dirtyRows.begin(), m_dirtyRows.end());
    for (int tile = 0; tile < m_tiles.size() && columns > 0; ++tile) {
        const int row = m_tiles.at(tile);
        const bool changed = row < 0
            ? m_healthy.value(-1 - row) != oldHealthyByConnection.value(-1 - row)
            : std::binary_search(m_dirtyRows.cbegin(), m_dirtyRows.cend(), row);
        if (changed)
            emit dataChanged(index(tile, 0), index(tile, columns - 1));
    }
    m_dirtyRows.clear();
}

} // namespace models
