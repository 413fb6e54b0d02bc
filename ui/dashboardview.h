#pragma once

#include "models/fleetsummary.h"
#include "models/schedulerfilterproxymodel.h"
#include "ui/dashboardtiledelegate.h"
#include "ui/dashboardtilesview.h"

#include <QSet>
#include <QTimeLine>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <functional>

class QLabel;

namespace models {
struct StatusChange;
class SchedulerListModel;
class WallTilesModel;
} // namespace models

namespace ui {

class DashboardCounts;
class DashboardGroupHeader;
class TileRangeModel;

// The wall screen: the fleet's counts on top, how long ago the last good refresh was in the
// corner (a red banner across the header, saying so and why, while the data is stale),
// and one large tile per scheduler, ANOMALOUS and changing ones first (the urgency order of
// models::SchedulerFilterProxyModel). It refreshes with the window's refresh controller, since
// it shows the same model; stale tiles are hatched with the time of their data. Tiles take the
// keyboard focus (arrow keys move between them); Enter opens the scheduler in the fleet view.
//
// Nobody scrolls a wall: the tiles shrink to fit the area and stretch to fill its width
// (DashboardFit), down to a legible floor. Past it, healthy schedulers collapse into a count tile
// (models::WallTilesModel) so that every scheduler needing attention keeps its own; when even
// those do not fit, pages of them rotate every pageInterval() under a "Page 2 of 3" indicator,
// and the counts on top stay.
//
// With several connections the tiles are grouped per connection (models::WallTilesModel), each
// group under a DashboardGroupHeader with its own counts and freshness, in a tile view of its own;
// a failing connection's group comes first and its header is the red banner, while the header on
// top turns red only when every connection fails.
class DashboardView : public QWidget {
    Q_OBJECT

public:
    explicit DashboardView(QWidget *parent = nullptr);

    // `model` must outlive the view.
    void setModel(models::SchedulerListModel *model);
    models::SchedulerFilterProxyModel *proxyModel() const { return m_proxy; }
    // The first group's tiles (the only ones with a single connection).
    DashboardTilesView *tileView() const { return m_tiles; }
    // The groups on the page shown: their headers and tile views, in wall order (one, without a
    // header shown, with a single connection).
    int sectionCount() const { return int(m_shownSections); }
    DashboardGroupHeader *sectionHeader(int section) const;
    DashboardTilesView *sectionView(int section) const;
    // A wall tile's index in the view that shows it, and that view; invalid when not shown.
    QModelIndex viewIndex(int tile, DashboardTilesView **view = nullptr) const;
    DashboardCounts *counts() const { return m_counts; }
    models::WallTilesModel *wallModel() const { return m_wall; }

    static constexpr std::chrono::milliseconds kPageInterval { 10000 };
    void setPageInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds pageInterval() const { return m_pageTimer.intervalAsDuration(); }
    // "Page 2 of 3"; empty while every tile is on one page.
    QString pageText() const;
    // The pages rotate: there are several and the dashboard is shown.
    bool isRotatingPages() const { return m_pageTimer.isActive(); }

    // Why the last refresh failed (one line), shown in the header's banner while the data is
    // stale; empty when it did not.
    void setRefreshProblem(const QString &problem);
    // "Updated 12 s ago, at 12:03:05", ticking every second while shown; or the banner's text.
    QString freshnessText() const;
    // The header is a banner: the data is stale (the last refresh failed).
    bool isBannerShown() const { return m_banner; }
    static constexpr std::chrono::milliseconds kFreshnessTick { 1000 };

    // A tile whose status or latest result changed flashes once for kFlashDuration and says
    // "Changed 2 min ago" for kChangedLineDuration.
    static constexpr std::chrono::milliseconds kFlashDuration { 1500 };
    // A fade needs no more than 20 frames a second; each frame repaints every flashing tile.
    static constexpr std::chrono::milliseconds kFlashFrame { 50 };
    static constexpr std::chrono::minutes kChangedLineDuration { 10 };
    bool isFlashing(const QString &name) const;
    DashboardTileDelegate *tileDelegate() const { return m_delegate; }

    // The scheduler names in tile order (tests, and the first tile to focus).
    QStringList tileNames() const;
    // The names on the tiles of the page shown; a count tile adds its text.
    QStringList shownTileNames() const;

signals:
    // Enter or a double click on a tile.
    void schedulerActivated(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateFreshness();
    void updateCounts();
    // Each connection's counts and account, for its group header.
    void updateGroupCounts();
    // What connection `connection`'s header says about its freshness; whether it is failing.
    QString groupFreshness(int connection, bool *failing) const;
    void fitTiles();
    // The group sections of the page shown: ranges, headers and heights.
    void layoutSections();
    void addSection();
    void restoreCurrentTile();
    void updatePages();
    void noteChanges(const QList<models::StatusChange> &changes);
    void startFlash();
    // Repaints the tiles of `names` (a flash frame, changes shown).
    void updateChangedTiles(const QSet<QString> &names);
    // Drops the lines older than kChangedLineDuration and repaints every tile that says when it
    // changed: once per freshness tick while shown, not per refresh page.
    void ageChangedTiles();
    // Sets the flash's strength and the time ages count to; repaints the tiles shown whose
    // scheduler `changed` names.
    void repaintTiles(const std::function<bool(const QString &)> &changed);

    models::SchedulerListModel *m_model = nullptr;
    models::SchedulerFilterProxyModel *m_proxy;
    DashboardCounts *m_counts;
    QLabel *m_freshnessLabel;
    QWidget *m_header;
    bool m_banner = false;
    QTimer m_freshnessTimer;
    models::WallTilesModel *m_wall;
    QLabel *m_pageLabel;
    QWidget *m_area; // the sections, under the header
    struct Section {
        DashboardGroupHeader *header = nullptr;
        DashboardTilesView *view = nullptr;
        TileRangeModel *range = nullptr;
    };
    QList<Section> m_sections; // at least one; the first's view is m_tiles
    qsizetype m_shownSections = 1;
    int m_headerHeight = 0;
    bool m_headersStacked = false; // every group's name over its counts: a narrow window
    int m_columns = 0; // of tiles, as fitted
    QList<models::FleetSummary> m_groupCounts; // by connection
    bool m_groupCountsPending = false;
    DashboardTilesView *m_tiles;
    DashboardTileDelegate *m_delegate;
    QTimer m_pageTimer;
    QString m_problem;
    QString m_currentName; // the focused tile's scheduler, kept across a change of tiles
    TileChanges m_changes; // the delegate paints from it
    bool m_flashPending = false; // changes noted during a cycle flash when it ends
    QTimeLine m_flash; // from 0 to 1: the flash fades as it runs
};

} // namespace ui
