// DashboardView and its tiles on the offscreen platform: tile order (ANOMALOUS and changing
// states first), the counts on top, the corner's freshness text, stale tiles hatched with the time
// of their data (checked in pixels), the change frame, sizes readable at 1920×1080, and the
// keyboard.
#include "clienttestdoubles.h"
#include "fleetrows.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/timetext.h"
#include "models/walltilesmodel.h"
#include "ui/dashboardcounts.h"
#include "ui/dashboardfit.h"
#include "ui/dashboardgroupheader.h"
#include "ui/dashboardtiledelegate.h"
#include "ui/dashboardview.h"

#include <QImage>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

using models::SchedulerListModel;
using Summary = lookout::InferenceSchedulerSummary;

namespace {

const QDateTime kStart = testsupport::fleetStart();
using testsupport::fleetScheduler;

QList<Summary> mixedFleet()
{
    return { fleetScheduler(
                 QStringLiteral("a-running"), QStringLiteral("RUNNING"), QStringLiteral("NORMAL")),
        fleetScheduler(QStringLiteral("b-stopped"), QStringLiteral("STOPPED"), QString()),
        fleetScheduler(
            QStringLiteral("c-anomalous"), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS")),
        fleetScheduler(QStringLiteral("d-pending"), QStringLiteral("PENDING"), QString()),
        fleetScheduler(
            QStringLiteral("e-stopping"), QStringLiteral("STOPPING"), QStringLiteral("NORMAL")),
        fleetScheduler(QStringLiteral("f-new-state"), QStringLiteral("DEGRADED"), QString()),
        fleetScheduler(QStringLiteral("g-stopped-anomalous"), QStringLiteral("STOPPED"),
            QStringLiteral("ANOMALOUS")) };
}

struct Fixture {
    std::shared_ptr<core::ManualClock> clock = std::make_shared<core::ManualClock>(kStart);
    SchedulerListModel model { clock };
    ui::DashboardView view;

    Fixture() { view.setModel(&model); }
    void cycle(const QList<Summary> &page, bool complete = true)
    {
        testsupport::runFleetCycle(model, page, complete);
    }
    // The tile of `row` (proxy order) painted alone.
    QImage paintTile(int row) const
    {
        const QSize size = ui::DashboardTileDelegate::tileSize(view.tileView()->font());
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.initFrom(view.tileView());
        option.rect = QRect(QPoint(0, 0), size);
        option.state &= ~(QStyle::State_HasFocus | QStyle::State_Selected);
        view.tileView()->itemDelegate()->paint(&painter, option, view.proxyModel()->index(row, 0));
        return image;
    }
};

int differingPixels(const QImage &a, const QImage &b)
{
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y);
    }
    return count;
}

} // namespace

class TestDashboardView : public QObject {
    Q_OBJECT
private slots:
    void tiles_mostUrgentFirst();
    void tiles_followRefreshes();
    void counts_statusesThenResultsWithTotal();
    void freshness_updatedOrFailedWithTime();
    void staleTiles_hatchedAndSayWhen();
    void changedTile_framedAndSaysSo();
    void refreshPages_reachTheWallInOneStep();
    void tiles_readableFromAcrossTheRoom();
    void keyboard_tilesFocusableAndEnterActivates();
    void groups_headerPerConnectionWithCountsAndBanner();
};

void TestDashboardView::tiles_mostUrgentFirst()
{
    Fixture f;
    f.cycle(mixedFleet());
    // ANOMALOUS (running before stopped), STOPPING, PENDING, unknown, STOPPED, RUNNING.
    QCOMPARE(f.view.tileNames(),
        (QStringList { QStringLiteral("c-anomalous"), QStringLiteral("g-stopped-anomalous"),
            QStringLiteral("e-stopping"), QStringLiteral("d-pending"),
            QStringLiteral("f-new-state"), QStringLiteral("b-stopped"),
            QStringLiteral("a-running") }));
}

void TestDashboardView::tiles_followRefreshes()
{
    Fixture f;
    QList<Summary> fleet = mixedFleet();
    f.cycle(fleet);
    fleet[0].latestInferenceResult = QStringLiteral("ANOMALOUS"); // a-running turns ANOMALOUS
    fleet[2].latestInferenceResult = QStringLiteral("NORMAL"); // c-anomalous recovers
    f.cycle(fleet);
    // A hidden dashboard keeps its order (and spares the sort) until it is shown again.
    QCOMPARE(f.view.tileNames().first(), QStringLiteral("c-anomalous"));
    f.view.show();
    const QStringList names = f.view.tileNames();
    QCOMPARE(names.first(), QStringLiteral("a-running"));
    QCOMPARE(names.last(), QStringLiteral("c-anomalous"));
}

void TestDashboardView::counts_statusesThenResultsWithTotal()
{
    Fixture f;
    f.cycle(mixedFleet());
    const models::FleetSummary &summary = f.view.counts()->summary();
    QCOMPARE(summary.total(), 7);
    QCOMPARE(summary.latestResultCount(QStringLiteral("ANOMALOUS")), 2);
    QVERIFY(
        f.view.counts()->accessibleName().startsWith(QStringLiteral("Fleet counts: 7 schedulers")));
    QVERIFY(f.view.counts()->heightForWidth(200) > f.view.counts()->heightForWidth(4000));
}

void TestDashboardView::freshness_updatedOrFailedWithTime()
{
    Fixture f;
    QCOMPARE(f.view.freshnessText(), QStringLiteral("Waiting for the first refresh…"));
    f.cycle(mixedFleet());
    QCOMPARE(f.view.freshnessText(),
        QStringLiteral("Updated just now, at ") + models::clockTimeText(kStart));
    QVERIFY(!f.view.isBannerShown());
    // Shown, it ticks: how long ago is what a wall is read for.
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.clock->advance(std::chrono::seconds(12));
    QTRY_COMPARE(f.view.freshnessText(),
        QStringLiteral("Updated 12 s ago, at ") + models::clockTimeText(kStart));
    auto *header = f.view.findChild<QWidget *>(QStringLiteral("dashboardHeader"));
    QVERIFY(header);
    const QImage calm = header->grab().toImage();
    f.clock->advance(std::chrono::seconds(18));
    f.view.setRefreshProblem(QStringLiteral("An error occurred (ThrottlingException) …"));
    f.cycle({}, false);
    QCOMPARE(f.view.freshnessText(),
        QStringLiteral("Refresh failed: hatched tiles show data from ")
            + models::clockTimeText(kStart)
            + QStringLiteral(" (30 s ago)\nAn error occurred (ThrottlingException) …"));
    // The whole header turns into a red banner.
    QVERIFY(f.view.isBannerShown());
    const QImage banner = header->grab().toImage();
    QCOMPARE(banner.pixelColor(2, 2), QColor(0xb0, 0x00, 0x20));
    QVERIFY(calm.pixelColor(2, 2) != banner.pixelColor(2, 2));
    f.cycle(mixedFleet());
    QVERIFY(!f.view.isBannerShown());
    QCOMPARE(header->grab().toImage().pixelColor(2, 2), calm.pixelColor(2, 2));
}

void TestDashboardView::staleTiles_hatchedAndSayWhen()
{
    Fixture f;
    f.cycle(mixedFleet());
    const QImage fresh = f.paintTile(6);
    QVERIFY(ui::DashboardTileDelegate::footerText(f.view.proxyModel()->index(6, 0)).isEmpty());
    f.clock->advance(std::chrono::seconds(30));
    f.cycle({}, false);
    const QModelIndex tile = f.view.proxyModel()->index(6, 0);
    QVERIFY(tile.data(models::StaleRole).toBool());
    QCOMPARE(ui::DashboardTileDelegate::footerText(tile),
        QStringLiteral("Stale: data from ") + models::clockTimeText(kStart));
    // The same through the wall's tiles, which the view paints (all seven on a large screen).
    const QString staleName = tile.data(models::SchedulerNameRole).toString();
    f.view.resize(1920, 1080);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.view.wallModel()->flushChanges();
    const int shown = f.view.shownTileNames().indexOf(staleName);
    QVERIFY(shown >= 0);
    QCOMPARE(ui::DashboardTileDelegate::footerText(f.view.wallModel()->index(shown, 0)),
        QStringLiteral("Stale: data from ") + models::clockTimeText(kStart));
    const QImage stale = f.paintTile(6);
    // The hatching covers the tile: a large share of its pixels change, not just the footer.
    QVERIFY2(differingPixels(fresh, stale) > fresh.width() * fresh.height() * 8 / 100,
        qPrintable(QString::number(differingPixels(fresh, stale))));
}

void TestDashboardView::changedTile_framedAndSaysSo()
{
    Fixture f;
    QList<Summary> fleet = mixedFleet();
    f.cycle(fleet);
    // A hidden dashboard notes when a scheduler changed, but nobody sees a flash.
    fleet[1].status = QStringLiteral("STOPPING");
    f.cycle(fleet);
    QVERIFY(!f.view.isFlashing(QStringLiteral("b-stopped")));
    f.view.resize(1920, 1080);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    fleet[1].status = QStringLiteral("STOPPED");
    f.cycle(fleet);
    QTRY_VERIFY(!f.view.isFlashing(QStringLiteral("b-stopped")));
    f.clock->advance(std::chrono::minutes(1));
    f.model.expireHighlights();
    const QImage before = f.paintTile(f.view.tileNames().indexOf(QStringLiteral("b-stopped")));
    QVERIFY(!f.view.isFlashing(QStringLiteral("b-stopped")));
    fleet[1].status = QStringLiteral("PENDING");
    f.cycle(fleet);
    const int row = f.view.tileNames().indexOf(QStringLiteral("b-stopped"));
    QCOMPARE(ui::DashboardTileDelegate::footerText(f.view.proxyModel()->index(row, 0)),
        QStringLiteral("Just changed"));
    QVERIFY(differingPixels(before, f.paintTile(row)) > 0);
    // It flashes once, and only it.
    QVERIFY(f.view.isFlashing(QStringLiteral("b-stopped")));
    QVERIFY(!f.view.isFlashing(QStringLiteral("a-running")));
    QTRY_VERIFY(!f.view.isFlashing(QStringLiteral("b-stopped")));
    // After the highlight, the tile keeps saying when it changed, for ten minutes.
    f.clock->advance(std::chrono::minutes(2));
    f.model.expireHighlights();
    const QModelIndex tile = f.view.wallModel()->index(
        f.view.shownTileNames().indexOf(QStringLiteral("b-stopped")), 0);
    QVERIFY(ui::DashboardTileDelegate::footerText(tile).isEmpty());
    QTRY_COMPARE(f.view.tileDelegate()->footer(tile), QStringLiteral("Changed 2 min ago"));
    QVERIFY(f.view.tileDelegate()->footer(f.view.wallModel()->index(0, 0)).isEmpty());
    f.clock->advance(std::chrono::minutes(9));
    QTRY_VERIFY(f.view.tileDelegate()->footer(tile).isEmpty());
}

void TestDashboardView::refreshPages_reachTheWallInOneStep()
{
    Fixture f;
    QList<Summary> fleet = mixedFleet();
    f.cycle(fleet);
    f.view.resize(1920, 1080);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    QSignalSpy tiles(f.view.wallModel(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(f.view.wallModel(), &QAbstractItemModel::modelReset);
    // A refresh in two pages: the wall shows neither page's changes, nor flashes, until the
    // cycle ends; then both at once, with one flash.
    fleet[0].modelName = QStringLiteral("model-y"); // a-running
    fleet[1].status = QStringLiteral("PENDING"); // b-stopped
    f.model.beginCycle();
    f.model.applyPage(fleet.mid(0, 1));
    QCoreApplication::processEvents();
    f.model.applyPage(fleet.mid(1));
    QCoreApplication::processEvents();
    QCOMPARE(tiles.size(), 0);
    QCOMPARE(reset.size(), 0);
    QVERIFY(!f.view.isFlashing(QStringLiteral("b-stopped")));
    f.model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    // b-stopped moved ahead (PENDING is more urgent): every tile is announced, in one signal.
    QCOMPARE(reset.size(), 0);
    QCOMPARE(tiles.size(), 1);
    QCOMPARE(tiles.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(tiles.at(0).at(1).value<QModelIndex>().row(), 6);
    QCOMPARE(f.view.shownTileNames().indexOf(QStringLiteral("b-stopped")), 3);
    QVERIFY(f.view.isFlashing(QStringLiteral("b-stopped")));
    QVERIFY(!f.view.isFlashing(QStringLiteral("a-running")));
    const int row = f.view.shownTileNames().indexOf(QStringLiteral("a-running"));
    QCOMPARE(
        f.view.wallModel()->index(row, models::SchedulerListModel::ModelColumn).data().toString(),
        QStringLiteral("model-y"));
}

void TestDashboardView::tiles_readableFromAcrossTheRoom()
{
    Fixture f;
    f.cycle(mixedFleet());
    f.view.resize(1920, 1080);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    // Seven tiles on a wall grow well beyond the floor, names at 1.7× and badges at 1.8×.
    const QFont font = f.view.tileView()->font();
    QVERIFY2(font.pointSizeF() * ui::DashboardTileDelegate::kNameScale
            > ui::DashboardFit::kNameFloorPoints,
        qPrintable(QString::number(font.pointSizeF())));
    QVERIFY(ui::DashboardTileDelegate::kNameScale >= 1.5);
    QVERIFY(ui::DashboardTileDelegate::kBadgeScale >= 1.5);
}

void TestDashboardView::keyboard_tilesFocusableAndEnterActivates()
{
    Fixture f;
    f.cycle(mixedFleet());
    f.view.resize(1200, 800);
    f.view.show();
    f.view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.view));
    f.view.setFocus();
    QVERIFY(f.view.tileView()->hasFocus());
    QVERIFY(!f.view.tileView()->accessibleName().isEmpty());
    QSignalSpy activated(&f.view, &ui::DashboardView::schedulerActivated);
    f.view.tileView()->setCurrentIndex(f.view.wallModel()->index(0, 0));
    QTest::keyClick(f.view.tileView(), Qt::Key_Right);
    QCOMPARE(f.view.tileView()->currentIndex().row(), 1);
    QTest::keyClick(f.view.tileView(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("g-stopped-anomalous"));
    // A tile reads out the whole scheduler.
    QCOMPARE(f.view.proxyModel()->index(0, 0).data(Qt::AccessibleTextRole).toString(),
        QStringLiteral("c-anomalous, Status: RUNNING, Latest result: ANOMALOUS"));
}

void TestDashboardView::groups_headerPerConnectionWithCountsAndBanner()
{
    Fixture f;
    f.view.resize(1600, 1000);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.cycle(mixedFleet());
    // One connection: no group header.
    QCOMPARE(f.view.sectionCount(), 1);
    QVERIFY(!f.view.sectionHeader(0)->isVisible());

    // Three: two share an account and region, so their headers name the profile too.
    f.model.setConnectionCount(3);
    f.model.setConnectionInfo(0, QStringLiteral("plant-a"), QStringLiteral("eu-west-1"));
    f.model.setConnectionInfo(1, QStringLiteral("plant-b"), QStringLiteral("us-east-1"));
    f.model.setConnectionInfo(2, QStringLiteral("plant-c"), QStringLiteral("eu-west-1"));
    const auto rows = [](const QString &prefix, const QString &region, const QString &account,
                          int count) {
        QList<Summary> page;
        for (int i = 0; i < count; ++i) {
            page.append(fleetScheduler(prefix + QString::number(i), QStringLiteral("RUNNING"),
                i == 0 ? QStringLiteral("ANOMALOUS") : QStringLiteral("NORMAL"), region, account));
        }
        return page;
    };
    const QString west = QStringLiteral("eu-west-1");
    const QString east = QStringLiteral("us-east-1");
    testsupport::runFleetCycle(
        f.model, rows(QStringLiteral("a"), west, QStringLiteral("111111111111"), 4));
    testsupport::runFleetCycle(
        f.model, rows(QStringLiteral("b"), east, QStringLiteral("222222222222"), 3), true, 1);
    testsupport::runFleetCycle(
        f.model, rows(QStringLiteral("c"), west, QStringLiteral("111111111111"), 2), true, 2);
    // Connection 1's next refresh fails.
    f.clock->advance(std::chrono::minutes(2));
    f.model.setConnectionProblem(1,
        QStringLiteral("The security token included in the request "
                       "is expired"));
    testsupport::runFleetCycle(f.model, {}, false, 1);
    f.view.wallModel()->flushChanges();
    QCoreApplication::processEvents();

    QCOMPARE(f.view.sectionCount(), 3);
    // The failing connection's group first, as a banner saying since when and why.
    ui::DashboardGroupHeader *failing = f.view.sectionHeader(0);
    QVERIFY(failing->isVisible());
    QCOMPARE(failing->titleText(), QStringLiteral("222222222222 · us-east-1"));
    QVERIFY2(failing->isBannerShown(), qPrintable(failing->freshnessText()));
    QVERIFY2(failing->freshnessText().contains(
                 QStringLiteral("data from ") + models::clockTimeText(kStart)),
        qPrintable(failing->freshnessText()));
    QVERIFY(failing->freshnessText().contains(QStringLiteral("token included")));
    QCOMPARE(failing->palette().color(QPalette::Window), ui::DashboardGroupHeader::bannerColor());
    QCOMPARE(failing->counts()->summary().total(), 3);
    // The others stay normal, each with its own counts and freshness.
    QStringList names;
    for (int section = 1; section < 3; ++section) {
        ui::DashboardGroupHeader *header = f.view.sectionHeader(section);
        QVERIFY(!header->isBannerShown());
        QVERIFY(header->freshnessText().startsWith(QStringLiteral("Updated 2 min ago")));
        QVERIFY(!header->accessibleName().isEmpty());
        QVERIFY(!f.view.sectionView(section)->accessibleName().isEmpty());
        names.append(header->titleText());
    }
    QCOMPARE(names,
        (QStringList { QStringLiteral("111111111111 · eu-west-1 (profile plant-a)"),
            QStringLiteral("111111111111 · eu-west-1 (profile plant-c)") }));
    QCOMPARE(f.view.sectionHeader(1)->counts()->summary().total(), 4);
    QCOMPARE(
        f.view.sectionHeader(2)->counts()->summary().latestResultCount(QStringLiteral("ANOMALOUS")),
        1);
    // Each group's tiles in its own view; the counts on top are the whole fleet's.
    QCOMPARE(f.view.sectionView(0)->model()->rowCount(), 3);
    QCOMPARE(f.view.sectionView(1)->model()->rowCount(), 4);
    QCOMPARE(f.view.counts()->summary().total(), 9);
    // The header on top says one fails, and is no banner: the others answer.
    QVERIFY(!f.view.isBannerShown());
    QCOMPARE(f.view.freshnessText(), QStringLiteral("1 of 3 connections failing"));

    // The failing connection answers again: no banner anywhere.
    f.model.setConnectionProblem(1, QString());
    testsupport::runFleetCycle(
        f.model, rows(QStringLiteral("b"), east, QStringLiteral("222222222222"), 3), true, 1);
    f.view.wallModel()->flushChanges();
    QCoreApplication::processEvents();
    for (int section = 0; section < f.view.sectionCount(); ++section)
        QVERIFY(!f.view.sectionHeader(section)->isBannerShown());
    QVERIFY(f.view.freshnessText().startsWith(QStringLiteral("Updated")));
}

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
