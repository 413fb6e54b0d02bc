// The dashboard as a wall screen at 1280×800, 1920×1080 and 3840×2160 with 12 to 2,000
// schedulers: no scrollbar, every tile inside the visible area, the width filled evenly, the
// scheduler names no smaller than the legible floor, and every scheduler that needs attention on
// a tile of some page; pages rotate under an indicator. Registered twice: once as is and once with
// QT_SCALE_FACTOR=2 (tst_dashboardwall_dpr2), where 3840×2160 device pixels are 1920×1080 logical
// ones. Screenshots go to wall-screenshots/ beside the executable.
#include "clienttestdoubles.h"
#include "fleetrows.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/walltilesmodel.h"
#include "ui/dashboardcounts.h"
#include "ui/dashboardfit.h"
#include "ui/dashboardgroupheader.h"
#include "ui/dashboardtiledelegate.h"
#include "ui/dashboardview.h"
#include "ui/elidedlabel.h"
#include "ui/theme.h"

#include <QDir>
#include <QScreen>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using models::SchedulerListModel;
using Summary = lookout::InferenceSchedulerSummary;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);

// A plant's fleet: mostly healthy, with every kind of trouble among them.
QList<Summary> plantFleet(int count)
{
    QList<Summary> rows;
    for (int i = 0; i < count; ++i) {
        Summary s;
        const QString name = QStringLiteral("line-%1-pump-%2")
                                 .arg(i % 12 + 1, 2, 10, QLatin1Char('0'))
                                 .arg(i, 4, 10, QLatin1Char('0'));
        s.inferenceSchedulerName = name;
        s.inferenceSchedulerArn
            = QStringLiteral("arn:aws:lookoutequipment:eu-west-1:1:inference-scheduler/") + name;
        s.modelName = QStringLiteral("pump-vibration-model");
        s.status = QStringLiteral("RUNNING");
        s.latestInferenceResult = QStringLiteral("NORMAL");
        switch (i % 20) {
        case 3:
            s.latestInferenceResult = QStringLiteral("ANOMALOUS");
            break;
        case 7:
            s.status = QStringLiteral("STOPPED");
            s.latestInferenceResult.reset();
            break;
        case 11:
            s.status = QStringLiteral("PENDING");
            s.latestInferenceResult.reset();
            break;
        default:
            break;
        }
        if (i % 50 == 17)
            s.status = QStringLiteral("STOPPING");
        rows.append(s);
    }
    return rows;
}

struct Fixture {
    std::shared_ptr<core::ManualClock> clock = std::make_shared<core::ManualClock>(kStart);
    SchedulerListModel model { clock };
    ui::DashboardView view;

    Fixture() { view.setModel(&model); }
    // The fleet spread over `connections` (scheduler i to connection i % connections, each its
    // own account and region); with several, the last one's next refresh fails.
    void cycle(const QList<Summary> &page, int connections = 1)
    {
        model.setConnectionCount(connections);
        if (connections < 2) {
            testsupport::runFleetCycle(model, page);
            return;
        }
        QList<QList<Summary>> pages(connections);
        for (int i = 0; i < page.size(); ++i) {
            Summary s = page.at(i);
            const int connection = i % connections;
            s.inferenceSchedulerArn
                = QStringLiteral("arn:aws:lookoutequipment:%1:%2:"
                                 "inference-scheduler/%3")
                      .arg(region(connection), account(connection), *s.inferenceSchedulerName);
            pages[connection].append(s);
        }
        for (int connection = 0; connection < connections; ++connection) {
            model.setConnectionInfo(
                connection, QStringLiteral("plant-%1").arg(connection + 1), region(connection));
            testsupport::runFleetCycle(model, pages.at(connection), true, connection);
        }
        clock->advance(std::chrono::minutes(3));
        model.setConnectionProblem(connections - 1,
            QStringLiteral("Could not connect to the endpoint URL: "
                           "\"https://lookoutequipment.%1.amazonaws.com/\"")
                .arg(region(connections - 1)));
        testsupport::runFleetCycle(model, {}, false, connections - 1);
    }
    static QString region(int connection)
    {
        static const QStringList regions { QStringLiteral("eu-west-1"), QStringLiteral("us-east-1"),
            QStringLiteral("ap-northeast-2") };
        return regions.at(connection % regions.size());
    }
    static QString account(int connection)
    {
        return QStringLiteral("%1").arg(123456789012LL + connection * 111111111LL);
    }
    void settle()
    {
        view.wallModel()->flushChanges();
        QCoreApplication::processEvents();
    }
};

qreal devicePixelRatio()
{
    return QGuiApplication::primaryScreen()->devicePixelRatio();
}

QString screenshotDir()
{
    const QString dir
        = QCoreApplication::applicationDirPath() + QStringLiteral("/wall-screenshots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TestDashboardWall : public QObject {
    Q_OBJECT
private slots:
    void fitsWithoutScrolling_data();
    void fitsWithoutScrolling();
    void pages_rotateWithIndicator();
    void fewSchedulers_growTiles();
    void threeConnections_oneFailing_data();
    void threeConnections_oneFailing();
    void groupHeaders_narrowWindow_nameOverCounts_nothingClipped_data();
    void groupHeaders_narrowWindow_nameOverCounts_nothingClipped();
    void themes_apply_data();
    void themes_apply();
};
// The page test and the growing one use logical sizes: at a pixel ratio of 2 those are 2560×1600
// and 3840×2160 screens.

void TestDashboardWall::fitsWithoutScrolling_data()
{
    QTest::addColumn<QSize>("screen"); // device pixels
    QTest::addColumn<int>("schedulers");
    QTest::addColumn<int>("connections"); // the last of several failing
    const QList<QSize> screens { QSize(1280, 800), QSize(1920, 1080), QSize(3840, 2160) };
    for (const QSize &screen : screens) {
        // At twice the pixel ratio a screen is half as large in logical pixels: 3840×2160 only.
        if (screen.width() / devicePixelRatio() < 1280)
            continue;
        for (const int connections : { 1, 2, 5 }) {
            for (const int schedulers : { 12, 60, 400, 2000 }) {
                QTest::addRow(
                    "%dx%d-%d-%dconn", screen.width(), screen.height(), schedulers, connections)
                    << screen << schedulers << connections;
            }
        }
    }
}

void TestDashboardWall::fitsWithoutScrolling()
{
    QFETCH(QSize, screen);
    QFETCH(int, schedulers);
    QFETCH(int, connections);
    Fixture f;
    const QList<Summary> fleet = plantFleet(schedulers);
    f.cycle(fleet, connections);
    const QSize logical = screen / devicePixelRatio();
    f.view.resize(logical);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.settle();
    QCOMPARE(f.view.size(), logical);

    models::WallTilesModel *wall = f.view.wallModel();
    QVERIFY(wall->rowCount() > 0);
    QCOMPARE(wall->isGrouped(), connections > 1);
    const auto *area = f.view.findChild<QWidget *>(QStringLiteral("dashboardTilesArea"));
    QVERIFY(area);

    // The names are at least the floor: 18 pt at the screen's logical DPI.
    ui::DashboardTilesView *first = f.view.tileView();
    const qreal namePixels
        = QFontInfo(first->font()).pixelSize() * ui::DashboardTileDelegate::kNameScale;
    const qreal floorPixels = ui::DashboardFit::kNameFloorPoints * first->logicalDpiY() / 72.0;
    QVERIFY2(namePixels >= floorPixels - 1.0,
        qPrintable(QStringLiteral("%1 < %2").arg(namePixels).arg(floorPixels)));

    // Every scheduler needing attention, and every one of the failing connection.
    QStringList attention;
    for (int i = 0; i < fleet.size(); ++i) {
        const Summary &s = fleet.at(i);
        const bool failing = connections > 1 && i % connections == connections - 1;
        if (failing || s.status != QLatin1String("RUNNING")
            || s.latestInferenceResult != QStringLiteral("NORMAL"))
            attention.append(*s.inferenceSchedulerName);
    }
    QSet<QString> shown;
    const QString dpr = QString::number(devicePixelRatio());
    const auto inside = [](const QRect &outer, const QRect &inner) {
        return outer.contains(inner) ? QString()
                                     : QStringLiteral("%1,%2 %3×%4 outside %5,%6 %7×%8")
                                           .arg(inner.x())
                                           .arg(inner.y())
                                           .arg(inner.width())
                                           .arg(inner.height())
                                           .arg(outer.x())
                                           .arg(outer.y())
                                           .arg(outer.width())
                                           .arg(outer.height());
    };
    for (int page = 0; page < wall->pageCount(); ++page) {
        wall->setPage(page);
        f.settle();
        QCOMPARE(wall->page(), page);
        QCOMPARE(f.view.sectionCount(), int(wall->sections().size()));
        // The failing connection's group heads the first page.
        if (connections > 1 && page == 0) {
            QCOMPARE(wall->sections().first().connection, connections - 1);
            QVERIFY(f.view.sectionHeader(0)->isBannerShown());
        }
        int tilesShown = 0;
        for (int section = 0; section < f.view.sectionCount(); ++section) {
            ui::DashboardTilesView *tiles = f.view.sectionView(section);
            QVERIFY(!tiles->verticalScrollBar()->isVisible());
            QVERIFY(!tiles->horizontalScrollBar()->isVisible());
            QCOMPARE(tiles->font(), first->font());
            ui::DashboardGroupHeader *header = f.view.sectionHeader(section);
            QCOMPARE(header->isVisible(), connections > 1);
            if (connections > 1) {
                const QString outside
                    = inside(area->rect(), QRect(header->mapTo(area, QPoint()), header->size()));
                QVERIFY2(outside.isEmpty(), qPrintable(QStringLiteral("header ") + outside));
            }
            const int count = tiles->model()->rowCount();
            tilesShown += count;
            if (count == 0)
                continue;
            const QString viewOutside
                = inside(area->rect(), QRect(tiles->mapTo(area, QPoint()), tiles->size()));
            QVERIFY2(viewOutside.isEmpty(), qPrintable(QStringLiteral("view ") + viewOutside));
            const QRect visible = tiles->viewport()->rect();
            int rightmost = 0;
            for (int row = 0; row < count; ++row) {
                const QModelIndex tile = tiles->model()->index(row, 0);
                const QRect rect = tiles->visualRect(tile);
                const QString outside = inside(visible, rect);
                QVERIFY2(!rect.isEmpty() && outside.isEmpty(),
                    qPrintable(QStringLiteral("tile %1 ").arg(row) + outside));
                rightmost = std::max(rightmost, rect.right());
                const QString name = tile.data(models::SchedulerNameRole).toString();
                if (!name.isEmpty())
                    shown.insert(name);
            }
            // No empty strip: what is left over at the right is the rounding of the tile width.
            const int columns = std::max(
                1, visible.width() / tiles->visualRect(tiles->model()->index(0, 0)).width());
            // (A group with less than a row of tiles leaves the rest of its row empty.)
            QVERIFY2(count < columns || visible.width() - (rightmost + 1) <= columns + 1,
                qPrintable(QStringLiteral("%1 px of %2 unused")
                               .arg(visible.width() - rightmost - 1)
                               .arg(visible.width())));
        }
        QCOMPARE(tilesShown, wall->rowCount());
        if (page < 2) {
            QVERIFY(f.view.grab().save(screenshotDir()
                + QStringLiteral("/wall-%1x%2-%3-%4conn-dpr%5-page%6.png")
                      .arg(screen.width())
                      .arg(screen.height())
                      .arg(schedulers)
                      .arg(connections)
                      .arg(dpr)
                      .arg(page + 1)));
        }
    }
    for (const QString &name : std::as_const(attention))
        QVERIFY2(shown.contains(name), qPrintable(name + QStringLiteral(" has no tile")));
    if (wall->isCollapsed()) {
        QCOMPARE(wall->attentionCount(), attention.size());
        QCOMPARE(wall->healthyCount(), schedulers - attention.size());
    } else {
        QCOMPARE(shown.size(), schedulers);
    }
}

void TestDashboardWall::pages_rotateWithIndicator()
{
    Fixture f;
    f.cycle(plantFleet(2000));
    f.view.resize(1280, 800);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.settle();
    const int pages = f.view.wallModel()->pageCount();
    QVERIFY2(pages > 2, qPrintable(QString::number(pages)));
    const auto *label = f.view.findChild<QWidget *>(QStringLiteral("pageLabel"));
    QVERIFY(label && label->isVisible());
    QVERIFY(!label->accessibleName().isEmpty());
    QCOMPARE(f.view.pageText(), QStringLiteral("Page 1 of %1").arg(pages));
    QCOMPARE(f.view.pageInterval(), ui::DashboardView::kPageInterval);
    // What each page showed, as the rotation goes on.
    QStringList indicators;
    QList<QStringList> tiles;
    connect(f.view.wallModel(), &models::WallTilesModel::tilesChanged, this, [&] {
        indicators.append(f.view.pageText());
        tiles.append(f.view.shownTileNames());
    });
    f.view.setPageInterval(std::chrono::milliseconds(20));
    QTRY_VERIFY(indicators.size() >= 2);
    QCOMPARE(indicators.at(0), QStringLiteral("Page 2 of %1").arg(pages));
    QCOMPARE(indicators.at(1), QStringLiteral("Page 3 of %1").arg(pages));
    QVERIFY(tiles.at(0).first() != tiles.at(1).first());
    disconnect(f.view.wallModel(), nullptr, this, nullptr);
    // Hidden, the pages stand still (the rotation's timer is stopped, not left to fire); shown
    // again, they rotate on from where they stood.
    QVERIFY(f.view.isRotatingPages());
    f.view.hide();
    QVERIFY(!f.view.isRotatingPages());
    const int hiddenAt = f.view.wallModel()->page();
    QSignalSpy pageChanges(f.view.wallModel(), &models::WallTilesModel::tilesChanged);
    // Ten intervals, each of which would have turned the page while shown.
    QTest::qWait(200);
    QCOMPARE(pageChanges.count(), 0);
    QCOMPARE(f.view.wallModel()->page(), hiddenAt);
    f.view.show();
    QVERIFY(f.view.isRotatingPages());
    QTRY_VERIFY(f.view.wallModel()->page() != hiddenAt);
    f.view.setPageInterval(ui::DashboardView::kPageInterval);
    // The counts on top stay the whole fleet's.
    QVERIFY(f.view.counts()->accessibleName().contains(QStringLiteral("2000")));
    // A fleet that fits again: no pages, no indicator.
    f.cycle(plantFleet(8));
    f.settle();
    QCOMPARE(f.view.wallModel()->pageCount(), 1);
    QVERIFY(f.view.pageText().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestDashboardWall::fewSchedulers_growTiles()
{
    Fixture f;
    f.cycle(plantFleet(4));
    f.view.resize(1920, 1080);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.settle();
    // Four tiles on a large screen get more than the floor, and fill the width.
    QVERIFY(f.view.tileView()->font().pointSizeF() > ui::DashboardFit::floorPointSize() + 1);
    QCOMPARE(f.view.wallModel()->rowCount(), 4);
    QVERIFY(!f.view.wallModel()->isCollapsed());
}

void TestDashboardWall::threeConnections_oneFailing_data()
{
    QTest::addColumn<int>("schedulers");
    QTest::newRow("60") << 60;
    QTest::newRow("400") << 400;
}

// The screenshot to look at: three plants, the third unreachable for three minutes.
void TestDashboardWall::threeConnections_oneFailing()
{
    QFETCH(int, schedulers);
    Fixture f;
    f.cycle(plantFleet(schedulers), 3);
    f.view.resize(QSize(1920, 1080) / devicePixelRatio());
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.settle();
    QVERIFY(f.view.grab().save(screenshotDir()
        + QStringLiteral("/wall-1920x1080-%1-3conn-onefailing-dpr%2.png")
              .arg(schedulers)
              .arg(devicePixelRatio())));
    QVERIFY(f.view.sectionCount() >= 1);
    ui::DashboardGroupHeader *failing = f.view.sectionHeader(0);
    QVERIFY2(failing->titleText().startsWith(QStringLiteral("123679011234 · ap-northeast-2")),
        qPrintable(failing->titleText()));
    QVERIFY(failing->isBannerShown());
    QVERIFY(failing->freshnessText().contains(QStringLiteral("Could not connect")));
    QVERIFY(!f.view.isBannerShown());
    for (int section = 1; section < f.view.sectionCount(); ++section)
        QVERIFY(!f.view.sectionHeader(section)->isBannerShown());
}

void TestDashboardWall::groupHeaders_narrowWindow_nameOverCounts_nothingClipped_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("stacked");
    QTest::newRow("1920x1080") << QSize(1920, 1080) << false;
    QTest::newRow("640x900") << QSize(640, 900) << true;
    QTest::newRow("420x900") << QSize(420, 900) << true;
}

// A header's name and counts share its line while they fit; in a narrow window the name goes over
// the counts, which wrap: nothing is cut off at the header's edges, and the name is elided (whole
// in its tooltip) rather than clipped.
void TestDashboardWall::groupHeaders_narrowWindow_nameOverCounts_nothingClipped()
{
    QFETCH(QSize, size);
    QFETCH(bool, stacked);
    Fixture f;
    f.cycle(plantFleet(60), 3);
    f.view.resize(size);
    f.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    f.settle();
    QTRY_VERIFY(f.view.sectionCount() >= 1);
    for (int section = 0; section < f.view.sectionCount(); ++section) {
        ui::DashboardGroupHeader *header = f.view.sectionHeader(section);
        QCOMPARE(header->isStacked(), stacked);
        auto *title = header->findChild<ui::ElidedLabel *>(QStringLiteral("groupTitleLabel"));
        QVERIFY(title);
        ui::DashboardCounts *counts = header->counts();
        const QRect inside = header->contentsRect();
        QVERIFY2(inside.contains(title->geometry()), qPrintable(header->titleText()));
        QVERIFY2(inside.contains(counts->geometry()), qPrintable(header->titleText()));
        QVERIFY(counts->height() >= counts->heightForWidth(counts->width()));
        QCOMPARE(title->toolTip(), header->titleText());
        if (stacked)
            QVERIFY(counts->geometry().top() >= title->geometry().bottom());
        else
            QVERIFY(qAbs(counts->geometry().center().y() - title->geometry().center().y()) <= 1);
    }
}

void TestDashboardWall::themes_apply_data()
{
    QTest::addColumn<options::Theme>("theme");
    QTest::addColumn<int>("schedulers");
    for (const int schedulers : { 60, 2000 }) {
        for (const options::ThemeName &entry : options::kThemeNames) {
            if (entry.theme != options::Theme::System) {
                QTest::addRow("%s-%d", entry.name.data(), schedulers) << entry.theme << schedulers;
            }
        }
    }
}

void TestDashboardWall::themes_apply()
{
    QFETCH(options::Theme, theme);
    QFETCH(int, schedulers);
    const QPalette before = QApplication::palette();
    ui::applyTheme(theme);
    const QPalette palette = ui::themePalette(theme, before);
    {
        Fixture f;
        f.cycle(plantFleet(schedulers));
        f.view.resize(1920, 1080);
        f.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.settle();
        const QImage shot = f.view.grab().toImage();
        QVERIFY(shot.save(screenshotDir()
            + QStringLiteral("/wall-1920x1080-theme-%1-dpr%2.png")
                  .arg(QString::fromLatin1(QTest::currentDataTag()))
                  .arg(devicePixelRatio())));
        // The window's background and a tile's face are the theme's.
        QCOMPARE(shot.pixelColor(1, shot.height() - 2), palette.color(QPalette::Window));
        const QRect tile = f.view.tileView()->visualRect(f.view.wallModel()->index(0, 0));
        const QPoint face = f.view.tileView()->viewport()->mapTo(
            &f.view, QPoint(tile.center().x(), tile.bottom() - tile.height() / 8));
        QCOMPARE(shot.pixelColor((QPointF(face) * devicePixelRatio()).toPoint()),
            palette.color(QPalette::Base));
    }
    QApplication::setPalette(before);
}

QTEST_MAIN(TestDashboardWall)
#include "tst_dashboardwall.moc"
