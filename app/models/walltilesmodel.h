#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <vector>

// The tiles a wall screen shows, over the dashboard's urgency-ordered fleet (the columns of
// models::SchedulerListModel, forwarded). Given how many tiles fit on the screen (setCapacity()):
// every scheduler when all fit; otherwise every scheduler that needs attention keeps its own tile
// and the healthy ones (HealthyRole: RUNNING with a NORMAL latest result, fresh, their connection
// answering) collapse into one count tile at the end (HealthyCountRole); when even the attention
// tiles do not fit, they are split into pages of capacity - 1 tiles, each ending with the count
// tile.
//
// With several connections (setConnections()), tiles are grouped by the connection their row came
// from (ConnectionIndexRole), failing connections' groups first, then by their most urgent tile:
// each group has its own count tile, and the pages are packed group by group (setPageGeometry():
// a header per group, then rows of tiles), a group that does not fit on a page going on on the
// next (sections()).
//
// Data changes are coalesced: the tiles are recomputed once the event loop runs, reading only the
// rows that changed, and only the tiles whose rows changed are announced (dataChanged) when the
// set of tiles stays the same. Structural changes of the source (rows, order, reset) recompute at
// once, reading every row, so a tile never points at a row that is gone.
namespace models {

class WallTilesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit WallTilesModel(QObject *parent = nullptr);

    // `source` must outlive the model (or be reset first); rows in the order tiles go.
    void setSourceModel(QAbstractItemModel *source);
    QAbstractItemModel *sourceModel() const { return m_source; }

    // What a page holds: rows of `columns` tiles, each `rowHeight` high, and a `headerHeight`
    // header above each group's tiles, within `height`. No columns: no limit, one page.
    struct PageGeometry {
        int columns = 0;
        int height = 0;
        int rowHeight = 1;
        int headerHeight = 0;
        friend bool operator==(const PageGeometry &, const PageGeometry &) = default;
    };
    void setPageGeometry(const PageGeometry &geometry);
    // How many tiles fit on one page, in one row without headers; 0 or less: no limit.
    void setCapacity(int capacity);

    // The connections rows come from, by index, and which of them are failing (their groups go
    // first). Fewer than two: no groups.
    void setConnections(const QList<bool> &failing);
    bool isGrouped() const { return m_failing.size() > 1; }

    // A connection's tiles, in wall order (one group, connection 0, when not grouped).
    struct Group {
        int connection = 0;
        int schedulers = 0;
        int attention = 0;
        bool failing = false;
        int healthy() const { return schedulers - attention; }
        friend bool operator==(const Group &, const Group &) = default;
    };
    const QList<Group> &groups() const { return m_groups; }
    // A group's part of the page shown: tiles firstTile to firstTile + tileCount - 1.
    struct Section {
        int connection = 0;
        int firstTile = 0;
        int tileCount = 0;
        bool continued = false; // the group began on an earlier page
        bool continues = false; // and goes on on the next
        friend bool operator==(const Section &, const Section &) = default;
    };
    const QList<Section> &sections() const { return m_sections; }

    int pageCount() const { return m_pageCount; }
    // 0-based.
    int page() const { return m_page; }
    void setPage(int page);
    // The next page, after the last the first.
    void showNextPage();

    // Over all source rows, whatever the capacity.
    int schedulerCount() const { return m_sourceRows; }
    int attentionCount() const { return m_attentionCount; }
    int healthyCount() const { return m_sourceRows - m_attentionCount; }
    // The healthy schedulers have a count tile instead of tiles of their own.
    bool isCollapsed() const { return m_collapsed; }

    // The source row a tile shows, or -1 for a count tile.
    int sourceRow(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Recomputes pending coalesced changes now, held or not.
    void flushChanges();
    // While held (a refresh cycle runs), data changes wait for flushChanges() or the release: the
    // wall takes a refresh's pages in one step, as its order does (the sort waits for the cycle's
    // end). Rows added, removed or moved still recompute at once.
    void setHeld(bool held);
    bool isHeld() const { return m_held; }

    // While inactive (its view hidden) the model follows nothing: a refresh of 10,000 rows
    // costs it no scan. Activating it recomputes the tiles once if anything changed meanwhile.
    void setActive(bool active);
    bool isActive() const { return m_active; }

signals:
    // The attention or total count, the collapse, the pages or the groups changed.
    void tilesChanged();

private:
    // A count tile is -1 - its connection in m_tiles.
    static int countTile(int connection) { return -1 - connection; }
    // `pageTurned`: tilesChanged() is emitted whatever changed.
    void recompute(bool pageTurned = false);
    // Groups, pages and the tiles of the page shown, from m_rowStates; `rowsMoved`: the source's
    // rows may have moved, so every tile is announced.
    void layOut(int sourceRows, bool rowsMoved, bool pageTurned);
    // dataChanged() for the tiles of m_dirtyRows and the count tiles whose counts changed.
    void announceDirtyTiles(const QList<int> &oldHealthyByConnection);
    // The segments of every page: each a connection and its tiles.
    struct Segment {
        int group = 0; // in m_groups
        QList<int> tiles;
        bool continued = false;
        bool continues = false;
    };
    QList<QList<Segment>> paginate(const QList<QList<int>> &attention) const;
    // What recompute() needs of a source row, read once per change of the row.
    struct RowState {
        int connection = 0; // ConnectionIndexRole, unclamped
        bool healthy = false;
        friend bool operator==(const RowState &, const RowState &) = default;
    };
    RowState rowState(int row) const;
    void scheduleRecompute();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    QPointer<QAbstractItemModel> m_source;
    QList<QMetaObject::Connection> m_connections;
    PageGeometry m_geometry;
    QList<bool> m_failing; // by connection
    int m_page = 0;
    int m_pageCount = 1;
    int m_sourceRows = 0;
    int m_attentionCount = 0;
    bool m_collapsed = false;
    QList<Group> m_groups;
    QList<int> m_healthy; // by connection
    QList<Section> m_sections;
    QList<int> m_tiles; // the source row of every tile shown, countTile() for a count
    QList<int> m_dirtyRows; // source rows changed since the last recompute
    std::vector<RowState> m_rowStates; // by source row, valid while m_rowsKnown
    bool m_rowsKnown = false; // false after rows, their order or the source changed
    bool m_layoutStale = true; // the geometry or the connections changed since the last layOut()
    bool m_recomputePending = false;
    bool m_held = false;
    bool m_active = true;
    bool m_changedWhileInactive = false;
};

} // namespace models
