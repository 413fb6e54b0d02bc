// DashboardView and its tiles on the offscreen platform: tile order (ANOMALOUS and changing
// states first), the counts on top, the corner's freshness text, stale tiles hatched with the time
// of their data (checked in pixels), the change frame, sizes readable at 1920×1080, and the
// keyboard.
#include "clienttestdoubles.h"
#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/timetext.h"
#include "ui/dashboardcounts.h"
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

const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);

Summary scheduler(const QString &name, const QString &status, const QString &result)
{
    Summary s;
    s.inferenceSchedulerName = name;
    s.inferenceSchedulerArn
        = QStringLiteral("arn:aws:lookoutequipment:us-east-1:1:inference-scheduler/") + name;
    s.modelName = QStringLiteral("model-x");
    s.status = status;
    if (!result.isEmpty())
        s.latestInferenceResult = result;
    return s;
}

QList<Summary> mixedFleet()
{
    return { scheduler(
                 QStringLiteral("a-running"), QStringLiteral("RUNNING"), QStringLiteral("NORMAL")),
        scheduler(QStringLiteral("b-stopped"), QStringLiteral("STOPPED"), QString()),
        scheduler(
            QStringLiteral("c-anomalous"), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS")),
        scheduler(QStringLiteral("d-pending"), QStringLiteral("PENDING"), QString()),
        scheduler(
            QStringLiteral("e-stopping"), QStringLiteral("STOPPING"), QStringLiteral("NORMAL")),
        scheduler(QStringLiteral("f-new-state"), QStringLiteral("DEGRADED"), QString()),
        scheduler(QStringLiteral("g-stopped-anomalous"), QStringLiteral("STOPPED"),
            QStringLiteral("ANOMALOUS")) };
}

struct Fixture {
    std::shared_ptr<core::ManualClock> clock = std::make_shared<core::ManualClock>(kStart);
    SchedulerListModel model { clock };
    ui::DashboardView view;

    Fixture() { view.setModel(&model); }
    void cycle(const QList<Summary> &page, bool complete = true)
    {
        model.beginCycle();
        model.applyPage(page);
        model.finishCycle(complete ? models::SchedulerListModel::CycleEnd::Complete
                                   : models::SchedulerListModel::CycleEnd::Incomplete);
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
    void tiles_readableFromAcrossTheRoom();
    void keyboard_tilesFocusableAndEnterActivates();
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
    QCOMPARE(f.view.freshnessText(), QStringLiteral("Updated ") + models::clockTimeText(kStart));
    f.clock->advance(std::chrono::seconds(30));
    f.view.setRefreshProblem(QStringLiteral("An error occurred (ThrottlingException) …"));
    f.cycle({}, false);
    QCOMPARE(f.view.freshnessText(),
        QStringLiteral("Refresh failed: hatched tiles show data from ")
            + models::clockTimeText(kStart));
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
    const QImage before = f.paintTile(f.view.tileNames().indexOf(QStringLiteral("b-stopped")));
    fleet[1].status = QStringLiteral("PENDING");
    f.cycle(fleet);
    const int row = f.view.tileNames().indexOf(QStringLiteral("b-stopped"));
    QCOMPARE(ui::DashboardTileDelegate::footerText(f.view.proxyModel()->index(row, 0)),
        QStringLiteral("Just changed"));
    QVERIFY(differingPixels(before, f.paintTile(row)) > 0);
}

void TestDashboardView::tiles_readableFromAcrossTheRoom()
{
    Fixture f;
    f.view.resize(1920, 1080);
    const QFont font = f.view.tileView()->font();
    const QSize tile = ui::DashboardTileDelegate::tileSize(font);
    // At least four tiles a row and three rows at 1920×1080, names at 1.7× and badges at 1.8×.
    QVERIFY2(1920 / tile.width() >= 4, qPrintable(QString::number(tile.width())));
    QVERIFY2(1000 / tile.height() >= 3, qPrintable(QString::number(tile.height())));
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
    f.view.tileView()->setCurrentIndex(f.view.proxyModel()->index(0, 0));
    QTest::keyClick(f.view.tileView(), Qt::Key_Right);
    QCOMPARE(f.view.tileView()->currentIndex().row(), 1);
    QTest::keyClick(f.view.tileView(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("g-stopped-anomalous"));
    // A tile reads out the whole scheduler.
    QCOMPARE(f.view.proxyModel()->index(0, 0).data(Qt::AccessibleTextRole).toString(),
        QStringLiteral("c-anomalous, Status: RUNNING, Latest result: ANOMALOUS"));
}

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
