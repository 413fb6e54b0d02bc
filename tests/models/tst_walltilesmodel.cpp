// WallTilesModel: every scheduler its own tile while all fit; past the capacity, healthy ones
// (RUNNING, NORMAL, fresh, connection answering) collapse into one count tile and everyone else
// keeps a tile, in pages when they do not fit; data changes reach only the tiles that show them.
#include "clienttestdoubles.h"
#include "fleetrows.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/walltilesmodel.h"

#include <QSignalSpy>
#include <QStandardItemModel>
#include <QtTest>

using models::SchedulerListModel;
using models::WallTilesModel;
using Summary = lookout::InferenceSchedulerSummary;

namespace {

const QDateTime kStart = testsupport::fleetStart();
using testsupport::fleetScheduler;

// `healthy` RUNNING/NORMAL schedulers h0…, then `anomalous` RUNNING/ANOMALOUS a0….
QList<Summary> fleet(int healthy, int anomalous)
{
    QList<Summary> rows;
    for (int i = 0; i < healthy; ++i) {
        rows.append(fleetScheduler(
            QStringLiteral("h%1").arg(i), QStringLiteral("RUNNING"), QStringLiteral("NORMAL")));
    }
    for (int i = 0; i < anomalous; ++i) {
        rows.append(fleetScheduler(
            QStringLiteral("a%1").arg(i), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS")));
    }
    return rows;
}

// Schedulers named `prefix`0…: `healthy` RUNNING/NORMAL, then `attention` of `status`.
QList<Summary> connectionFleet(
    const QString &prefix, int healthy, int attention, const QString &status)
{
    QList<Summary> rows;
    for (int i = 0; i < healthy + attention; ++i) {
        const bool ok = i < healthy;
        rows.append(fleetScheduler(prefix + QString::number(i),
            ok ? QStringLiteral("RUNNING") : status, ok ? QStringLiteral("NORMAL") : QString()));
    }
    return rows;
}

struct Fixture {
    std::shared_ptr<core::ManualClock> clock = std::make_shared<core::ManualClock>(kStart);
    SchedulerListModel fleetModel { clock };
    WallTilesModel wall;

    Fixture() { wall.setSourceModel(&fleetModel); }
    void cycle(const QList<Summary> &page, bool complete = true)
    {
        testsupport::runFleetCycle(fleetModel, page, complete);
    }
    QStringList tiles() const
    {
        QStringList names;
        for (int row = 0; row < wall.rowCount(); ++row) {
            const QModelIndex tile = wall.index(row, 0);
            names.append(tile.data(models::HealthyCountRole).isValid()
                    ? QStringLiteral("count:%1").arg(tile.data(models::HealthyCountRole).toInt())
                    : tile.data(models::SchedulerNameRole).toString());
        }
        return names;
    }
};

} // namespace

class TestWallTilesModel : public QObject {
    Q_OBJECT
private slots:
    void allFit_everySchedulerItsTile();
    void pastCapacity_healthyCollapseIntoCount();
    void attentionBeyondCapacity_pagesRotate();
    void staleOrFailingConnection_needsAttention();
    void dataChange_reachesOnlyItsTile();
    void turningAnomalous_getsItsTile();
    void held_changesWaitForTheRelease();
    void inactive_followsNothingUntilActive();
    void groups_perConnectionFailingFirst();
    void groups_pagedGroupByGroupAndContinued();
};

void TestWallTilesModel::allFit_everySchedulerItsTile()
{
    Fixture f;
    f.cycle(fleet(3, 2));
    QCOMPARE(f.tiles(),
        (QStringList { QStringLiteral("h0"), QStringLiteral("h1"), QStringLiteral("h2"),
            QStringLiteral("a0"), QStringLiteral("a1") }));
    QVERIFY(!f.wall.isCollapsed());
    QCOMPARE(f.wall.columnCount(), int(SchedulerListModel::ColumnCount));
    QCOMPARE(f.wall.index(3, SchedulerListModel::LatestResultColumn).data(models::BadgeValueRole),
        QVariant(QStringLiteral("ANOMALOUS")));
    f.wall.setCapacity(5);
    QVERIFY(!f.wall.isCollapsed());
    QCOMPARE(f.wall.rowCount(), 5);
    QCOMPARE(f.wall.attentionCount(), 2);
    QCOMPARE(f.wall.healthyCount(), 3);
}

void TestWallTilesModel::pastCapacity_healthyCollapseIntoCount()
{
    Fixture f;
    f.cycle(fleet(412, 2));
    QSignalSpy changed(&f.wall, &WallTilesModel::tilesChanged);
    f.wall.setCapacity(10);
    QCOMPARE(changed.size(), 1);
    QVERIFY(f.wall.isCollapsed());
    QCOMPARE(f.wall.pageCount(), 1);
    QCOMPARE(f.tiles(),
        (QStringList { QStringLiteral("a0"), QStringLiteral("a1"), QStringLiteral("count:412") }));
    const QModelIndex count = f.wall.index(2, 0);
    QCOMPARE(count.data().toString(), QStringLiteral("412 running, normal"));
    QVERIFY(count.data(models::SchedulerNameRole).toString().isEmpty());
    QCOMPARE(f.wall.sourceRow(2), -1);
}

void TestWallTilesModel::attentionBeyondCapacity_pagesRotate()
{
    Fixture f;
    f.cycle(fleet(5, 7));
    f.wall.setCapacity(4); // three attention tiles and the count on each page
    QCOMPARE(f.wall.pageCount(), 3);
    QCOMPARE(f.tiles(),
        (QStringList { QStringLiteral("a0"), QStringLiteral("a1"), QStringLiteral("a2"),
            QStringLiteral("count:5") }));
    QSignalSpy changed(&f.wall, &WallTilesModel::tilesChanged);
    f.wall.showNextPage();
    QCOMPARE(f.wall.page(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(f.tiles().first(), QStringLiteral("a3"));
    f.wall.showNextPage();
    QCOMPARE(f.tiles(), (QStringList { QStringLiteral("a6"), QStringLiteral("count:5") }));
    f.wall.showNextPage();
    QCOMPARE(f.wall.page(), 0);
    QCOMPARE(f.tiles().first(), QStringLiteral("a0"));
    // No healthy ones: no count tile, every place holds a scheduler.
    f.cycle(fleet(0, 7));
    QCOMPARE(f.wall.pageCount(), 2);
    QCOMPARE(f.wall.rowCount(), 4);
    // Fewer schedulers again: the page shown is clamped.
    f.wall.setPage(1);
    f.cycle(fleet(0, 3));
    QCOMPARE(f.wall.pageCount(), 1);
    QCOMPARE(f.wall.page(), 0);
    QVERIFY(!f.wall.isCollapsed());
}

void TestWallTilesModel::staleOrFailingConnection_needsAttention()
{
    Fixture f;
    f.cycle(fleet(6, 0));
    f.wall.setCapacity(3);
    QCOMPARE(f.tiles(), QStringList { QStringLiteral("count:6") });
    // A failed refresh: every healthy-looking row is stale now and shows itself.
    f.clock->advance(std::chrono::seconds(60));
    f.cycle({}, false);
    f.wall.flushChanges();
    QCOMPARE(f.wall.attentionCount(), 6);
    QCOMPARE(f.wall.pageCount(), 2);

    // A connection reporting a problem (an expired SSO token): its healthy rows show themselves,
    // the other connection's stay collapsed; once it answers again they collapse again.
    Fixture g;
    g.fleetModel.setConnectionCount(2);
    testsupport::runFleetCycle(g.fleetModel, fleet(2, 0));
    testsupport::runFleetCycle(g.fleetModel,
        connectionFleet(QStringLiteral("b"), 3, 0, QStringLiteral("STOPPED")), true, 1);
    g.wall.setCapacity(3);
    QCOMPARE(g.wall.attentionCount(), 0);
    g.fleetModel.setConnectionProblem(1, QStringLiteral("the SSO token expired"));
    g.wall.flushChanges();
    QCOMPARE(g.wall.attentionCount(), 3);
    g.fleetModel.setConnectionProblem(1, QString());
    g.wall.flushChanges();
    QCOMPARE(g.wall.attentionCount(), 0);
}

void TestWallTilesModel::dataChange_reachesOnlyItsTile()
{
    Fixture f;
    QList<Summary> rows = fleet(2, 3);
    f.cycle(rows);
    QSignalSpy data(&f.wall, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&f.wall, &QAbstractItemModel::modelReset);
    rows[3].modelName = QStringLiteral("model-y"); // a1
    f.cycle(rows);
    QTRY_COMPARE(data.size(), 1);
    QCOMPARE(data.at(0).at(0).value<QModelIndex>().row(), 3);
    QCOMPARE(data.at(0).at(1).value<QModelIndex>().row(), 3);
    QCOMPARE(reset.size(), 0);
}

void TestWallTilesModel::turningAnomalous_getsItsTile()
{
    Fixture f;
    QList<Summary> rows = fleet(20, 1);
    f.cycle(rows);
    f.wall.setCapacity(5);
    QCOMPARE(f.tiles(), (QStringList { QStringLiteral("a0"), QStringLiteral("count:20") }));
    QSignalSpy reset(&f.wall, &QAbstractItemModel::modelReset);
    rows[7].latestInferenceResult = QStringLiteral("ANOMALOUS");
    f.cycle(rows);
    QTRY_COMPARE(reset.size(), 1);
    QCOMPARE(f.tiles(),
        (QStringList { QStringLiteral("h7"), QStringLiteral("a0"), QStringLiteral("count:19") }));
}

void TestWallTilesModel::held_changesWaitForTheRelease()
{
    Fixture f;
    QList<Summary> rows = fleet(20, 1);
    f.cycle(rows);
    f.wall.setCapacity(5);
    QSignalSpy reset(&f.wall, &QAbstractItemModel::modelReset);
    f.wall.setHeld(true);
    rows[7].latestInferenceResult = QStringLiteral("ANOMALOUS");
    f.cycle(rows);
    QCoreApplication::processEvents();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(f.wall.attentionCount(), 1);
    f.wall.setHeld(false);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(f.wall.attentionCount(), 2);
    QCOMPARE(f.tiles(),
        (QStringList { QStringLiteral("h7"), QStringLiteral("a0"), QStringLiteral("count:19") }));
    // Rows added while held recompute at once: no tile may point at a row that is not there.
    f.wall.setHeld(true);
    rows.append(fleetScheduler(
        QStringLiteral("z-new"), QStringLiteral("STOPPED"), QStringLiteral("NORMAL")));
    f.cycle(rows);
    QCOMPARE(f.wall.schedulerCount(), 22);
    QCOMPARE(f.wall.attentionCount(), 3);
    f.wall.setHeld(false);
}

void TestWallTilesModel::inactive_followsNothingUntilActive()
{
    Fixture f;
    f.cycle(fleet(3, 1));
    f.wall.setActive(false);
    QSignalSpy changed(&f.wall, &WallTilesModel::tilesChanged);
    f.cycle(fleet(3, 4));
    f.wall.flushChanges();
    QCOMPARE(changed.size(), 0);
    QCOMPARE(f.wall.schedulerCount(), 4);
    f.wall.setActive(true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(f.wall.schedulerCount(), 7);
    QCOMPARE(f.wall.attentionCount(), 4);
    // Nothing changed meanwhile: nothing to recompute.
    f.wall.setActive(false);
    f.wall.setActive(true);
    QCOMPARE(changed.size(), 1);
}

namespace {

using Section = WallTilesModel::Section;

} // namespace

void TestWallTilesModel::groups_perConnectionFailingFirst()
{
    Fixture f;
    f.fleetModel.setConnectionCount(2);
    testsupport::runFleetCycle(
        f.fleetModel, connectionFleet(QStringLiteral("a"), 3, 1, QStringLiteral("STOPPED")));
    testsupport::runFleetCycle(f.fleetModel,
        connectionFleet(QStringLiteral("b"), 2, 1, QStringLiteral("PENDING")), true, 1);
    f.wall.setConnections({ false, false });
    QVERIFY(f.wall.isGrouped());
    // Everything fits: every scheduler its tile, one section per connection, in row order.
    QCOMPARE(f.wall.sections(),
        (QList<Section> { { 0, 0, 4, false, false }, { 1, 4, 3, false, false } }));
    QCOMPARE(f.wall.groups().at(0).attention, 1);
    QCOMPARE(f.wall.groups().at(1).schedulers, 3);

    // Connection 1 fails: its group goes first.
    f.wall.setConnections({ false, true });
    QCOMPARE(f.wall.groups().at(0).connection, 1);
    QVERIFY(f.wall.groups().at(0).failing);
    QCOMPARE(f.wall.sections().at(0).connection, 1);
    QCOMPARE(f.tiles().mid(0, 3),
        (QStringList { QStringLiteral("b0"), QStringLiteral("b1"), QStringLiteral("b2") }));

    // Past the capacity each group keeps its attention tiles and gets its own count tile.
    f.wall.setPageGeometry({ 2, 30, 10, 5 });
    QVERIFY(f.wall.isCollapsed());
    QCOMPARE(f.tiles(),
        (QStringList { QStringLiteral("b2"), QStringLiteral("count:2"), QStringLiteral("a3"),
            QStringLiteral("count:3") }));
    QCOMPARE(f.wall.index(1, 0).data(models::ConnectionIndexRole).toInt(), 1);
    QCOMPARE(f.wall.index(3, 0).data(models::ConnectionIndexRole).toInt(), 0);
    QCOMPARE(f.wall.sections(),
        (QList<Section> { { 1, 0, 2, false, false }, { 0, 2, 2, false, false } }));

    // Back to one connection: no groups, one count tile.
    f.wall.setConnections({});
    QVERIFY(!f.wall.isGrouped());
    QCOMPARE(f.wall.sections().size(), 1);
    QCOMPARE(f.tiles().last(), QStringLiteral("count:5"));
}

void TestWallTilesModel::groups_pagedGroupByGroupAndContinued()
{
    Fixture f;
    f.fleetModel.setConnectionCount(2);
    testsupport::runFleetCycle(
        f.fleetModel, connectionFleet(QStringLiteral("a"), 1, 5, QStringLiteral("STOPPED")));
    testsupport::runFleetCycle(f.fleetModel,
        connectionFleet(QStringLiteral("b"), 0, 1, QStringLiteral("PENDING")), true, 1);
    f.wall.setConnections({ false, false });
    // Two columns; a page is 30 high: a 5 high header and rows 10 high.
    f.wall.setPageGeometry({ 2, 30, 10, 5 });
    QVERIFY(f.wall.isCollapsed());
    QCOMPARE(f.wall.pageCount(), 3);
    // Page 1: two rows of connection 0, three attention tiles and its count; it goes on.
    QCOMPARE(f.tiles(),
        (QStringList { QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"),
            QStringLiteral("count:1") }));
    QCOMPARE(f.wall.sections(), (QList<Section> { { 0, 0, 4, false, true } }));
    f.wall.showNextPage();
    QCOMPARE(f.tiles(),
        (QStringList { QStringLiteral("a4"), QStringLiteral("a5"), QStringLiteral("count:1") }));
    QCOMPARE(f.wall.sections(), (QList<Section> { { 0, 0, 3, true, false } }));
    f.wall.showNextPage();
    QCOMPARE(f.tiles(), (QStringList { QStringLiteral("b0") }));
    QCOMPARE(f.wall.sections(), (QList<Section> { { 1, 0, 1, false, false } }));

    // A failing connection is never paged behind the others: it is on the first page.
    f.wall.setConnections({ false, true });
    f.wall.setPage(0);
    QCOMPARE(f.wall.sections().first().connection, 1);
    QCOMPARE(f.tiles().first(), QStringLiteral("b0"));
}

QTEST_MAIN(TestWallTilesModel)
#include "tst_walltilesmodel.moc"
