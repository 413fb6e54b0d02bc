// The details pane's Results tab (ui::SchedulerResultsTab in ui::MainWindow): its tab and keys,
// a load against the emulator's S3 subset through the window's connection (a profile, and
// --demo), a load dropped when another scheduler is chosen, and the sentence shown where there
// is no output location.
#include "fakeresultssource.h"
#include "fleetfixture.h"
#include "lookout/inferencescheduler.h"
#include "models/predictiontablemodel.h"
#include "models/schedulerresultssources.h"
#include "results/objectcache.h"
#include "ui/errorbanner.h"
#include "ui/fleetview.h"
#include "ui/resultschart.h"
#include "ui/resultspane.h"
#include "ui/schedulerdetailsview.h"
#include "ui/schedulerresultstab.h"

#include <QClipboard>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using fleettest::fleetOptions;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 60'000;

// Sources the test controls: a FakeResultsSource per scheduler, whose fetches wait for the test
// when `hold` is set; or, with `withoutOutput`, the answer of a real S3ResultsSources for the
// scheduler with its output location taken away.
class TestSources final : public models::SchedulerResultsSources {
public:
    bool hold = false;
    bool withoutOutput = false;
    QStringList opened;
    QPointer<FakeResultsSource> last;
    QNetworkAccessManager network;
    models::S3ResultsSources real { &network, nullptr };

    Opened open(const QString &name, const lookout::InferenceScheduler &scheduler) override
    {
        opened.append(name);
        if (withoutOutput) {
            lookout::InferenceScheduler stripped = scheduler;
            stripped.dataOutputConfiguration.reset();
            return real.open(name, stripped);
        }
        auto source = std::make_unique<FakeResultsSource>();
        source->add(QStringLiteral("2026-03-01T12:00:00Z/results.jsonl"),
            R"({"timestamp": "2026-03-01T12:00:00.000000", "prediction": 0})"
            "\n");
        source->holdFetches(hold);
        last = source.get();
        return std::unique_ptr<results::ResultsSource>(std::move(source));
    }
    results::ObjectCache *cache() const override { return nullptr; }
};

ui::MainWindowSetup setupWith(options::SchedulerTab tab,
    models::SchedulerResultsSources *sources = nullptr, results::ObjectCache *cache = nullptr,
    bool demo = false)
{
    ui::MainWindowSetup setup;
    setup.schedulerTab = tab;
    setup.resultsSources = sources;
    setup.resultsCache = cache;
    setup.demo = demo;
    return setup;
}

bool selectFirstScheduler(ui::MainWindow &window, fleettest::Environment &env, int row = 0)
{
    if (!QTest::qWaitFor([&] { return env.session->model()->rowCount() > row; }, kWaitMs))
        return false;
    window.fleetView()->tableView()->selectRow(row);
    return QTest::qWaitFor([&] { return env.details->scheduler().has_value(); }, kWaitMs);
}

} // namespace

class TestSchedulerResultsTab : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void tabs_areNamed_andReachedByKeys();
    void loadsTheSchedulersResults_fromTheEmulatorsS3();
    void demo_firstSchedulerDrawsPoints();
    void loadsOnlyWhenShown_andSwitchingSchedulerCancels();
    void noOutputLocation_saysSo();
};

void TestSchedulerResultsTab::tabs_areNamed_andReachedByKeys()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    TestSources sources;
    ui::MainWindow window(env.windowSetup(setupWith(options::SchedulerTab::Details, &sources)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTabWidget *tabs = window.schedulerTabs();
    QCOMPARE(tabs->tabText(tabs->indexOf(window.detailsView())), QStringLiteral("Details"));
    QCOMPARE(tabs->tabText(tabs->indexOf(window.resultsTab())), QStringLiteral("Results"));
    QCOMPARE(tabs->widget(0), window.detailsView());
    QCOMPARE(tabs->widget(tabs->count() - 1), window.resultsTab());
    QVERIFY(!tabs->accessibleName().isEmpty());
    QVERIFY(!window.resultsTab()->accessibleName().isEmpty());
    QCOMPARE(tabs->currentIndex(), 0);

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget(), window.resultsTab());
    // Nothing chosen yet: a sentence, and nothing opened.
    QVERIFY(window.resultsTab()->isShowingMessage());
    QVERIFY(sources.opened.isEmpty());
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget(), window.detailsView());
    QVERIFY(window.shortcutActions().contains(window.resultsTabAction()));
    QVERIFY(window.shortcutActions().contains(window.detailsTabAction()));
}

void TestSchedulerResultsTab::loadsTheSchedulersResults_fromTheEmulatorsS3()
{
    fleettest::Environment env;
    // The emulator's own clock: its executions (and so its results) are of the last 7 days.
    emulator::EmulatorOptions options;
    options.fleetSize = 4;
    options.fleetSeed = 3;
    QVERIFY(env.setUp({ { QStringLiteral("north"), options } }));
    env.useProfile(QStringLiteral("north"));
    QTemporaryDir cacheDir;
    results::ObjectCache cache(cacheDir.path());
    ui::MainWindow window(
        env.windowSetup(setupWith(options::SchedulerTab::Results, nullptr, &cache)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.schedulerTabs()->currentWidget(), window.resultsTab());
    QVERIFY(selectFirstScheduler(window, env));
    ui::ResultsPane *pane = window.resultsTab()->pane();
    QVERIFY(QTest::qWaitFor(
        [&] { return pane->loader() && !pane->isLoading() && !pane->series().isEmpty(); },
        kWaitMs));
    QVERIFY(!window.resultsTab()->isShowingMessage());
    QCOMPARE(window.resultsTab()->loadedScheduler(), env.details->schedulerName());
    QVERIFY(pane->source()->location().startsWith(QStringLiteral("s3://")));
    QVERIFY(pane->loader()->progress().objectsDone > 0);
    QCOMPARE(pane->loader()->progress().failed, qsizetype(0));
    QCOMPARE(pane->predictionModel()->rowCount(), int(pane->series().size()));

    // The Results window's menu commands, as the tab's buttons.
    ui::SchedulerResultsTab *tab = window.resultsTab();
    for (const char *name :
        { "reloadResultsButton", "copyResultsTableButton", "exportResultsChartButton" }) {
        auto *button = tab->findChild<QToolButton *>(QLatin1String(name));
        QVERIFY2(button && button->isVisible() && !button->accessibleName().isEmpty(), name);
    }
    QGuiApplication::clipboard()->clear();
    tab->copyTableAction()->trigger();
    const QString csv = QGuiApplication::clipboard()->text();
    QVERIFY(!csv.isEmpty());
    QCOMPARE(csv, pane->currentTableCsv(ui::ResultsPane::CsvRows::All));
    // The emulator's scheduler keeps running, so the week a reload reads may have gained a newer
    // object and lost its oldest: the reload is judged by finishing with objects and no failure.
    QSignalSpy finished(pane, &ui::ResultsPane::loadFinished);
    tab->reloadAction()->trigger();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(pane->loader()->progress().objectsDone > 0);
    QCOMPARE(pane->loader()->progress().failed, qsizetype(0));
    QVERIFY(tab->exportPngAction()->isEnabled() && tab->exportSvgAction()->isEnabled());
}

void TestSchedulerResultsTab::demo_firstSchedulerDrawsPoints()
{
    fleettest::Environment env;
    // What `--demo` starts.
    QVERIFY(env.setUp({}, ui::DemoEndpoint::defaultOptions()));
    ui::MainWindow window(
        env.windowSetup(setupWith(options::SchedulerTab::Results, nullptr, nullptr, true)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(selectFirstScheduler(window, env));
    ui::ResultsPane *pane = window.resultsTab()->pane();
    const bool loaded = QTest::qWaitFor(
        [&] { return pane->loader() && !pane->isLoading() && !pane->series().isEmpty(); }, kWaitMs);
    QVERIFY2(loaded,
        qPrintable(window.resultsTab()->messageLabel()->text() + u" | "_s
            + pane->statusLabel()->text() + u" | "_s + pane->chart()->placeholderText() + u" | "_s
            + env.details->schedulerName()));
    QVERIFY2(pane->errorBanner()->isHidden(), "the demo's S3 answered with an error");
    // The chart shows every prediction loaded, and one is found where its point is drawn.
    ui::ResultsChart *chart = pane->chart();
    const results::Series &series = pane->series();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return chart->visibleFrom() <= series.predictions().front().time
                && chart->visibleTo() >= series.predictions().back().time;
        },
        kWaitMs));
    const qint64 last = series.predictions().back().time;
    QVERIFY(!chart->toolTipAt(QPointF(chart->xForTime(last), chart->plotArea().center().y()))
                 .isEmpty());
}

void TestSchedulerResultsTab::loadsOnlyWhenShown_andSwitchingSchedulerCancels()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    TestSources sources;
    sources.hold = true;
    ui::MainWindow window(env.windowSetup(setupWith(options::SchedulerTab::Details, &sources)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(selectFirstScheduler(window, env));
    const QString first = env.details->schedulerName();
    // Not shown: nothing opened.
    QVERIFY(sources.opened.isEmpty());

    window.showSchedulerTab(options::SchedulerTab::Results);
    QCOMPARE(sources.opened, QStringList { first });
    ui::ResultsPane *pane = window.resultsTab()->pane();
    QVERIFY(
        QTest::qWaitFor([&] { return sources.last && sources.last->maxInFlight == 1; }, kWaitMs));
    QVERIFY(pane->isLoading());
    QSignalSpy finished(pane, &ui::ResultsPane::loadFinished);
    const QPointer<FakeResultsSource> held = sources.last;

    // Another scheduler: the held load is dropped with its source, and the new one loads.
    window.fleetView()->tableView()->selectRow(1);
    QVERIFY(env.details->schedulerName() != first);
    QVERIFY(held.isNull());
    QVERIFY(!pane->isLoading());
    QVERIFY(finished.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return sources.opened.size() == 2; }, kWaitMs));
    QCOMPARE(sources.opened.last(), env.details->schedulerName());
    QCOMPARE(window.resultsTab()->loadedScheduler(), env.details->schedulerName());
    QVERIFY(QTest::qWaitFor([&] { return sources.last->maxInFlight == 1; }, kWaitMs));
    QVERIFY(sources.last->release(QStringLiteral("2026-03-01T12:00:00Z/results.jsonl")));
    QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
    QCOMPARE(finished.first().first().value<results::RangeLoader::Outcome>(),
        results::RangeLoader::Outcome::Complete);
    QCOMPARE(pane->series().size(), qsizetype(1));
}

void TestSchedulerResultsTab::noOutputLocation_saysSo()
{
    lookout::InferenceScheduler scheduler;
    QNetworkAccessManager network;
    models::S3ResultsSources direct(&network, nullptr);
    auto answer = direct.open(QStringLiteral("pump-1"), scheduler);
    QVERIFY(std::holds_alternative<QString>(answer));
    QVERIFY2(std::get<QString>(answer).contains(QStringLiteral("names no S3 output location")),
        qPrintable(std::get<QString>(answer)));

    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(3) } }));
    env.useProfile(QStringLiteral("north"));
    TestSources sources;
    sources.withoutOutput = true;
    ui::MainWindow window(env.windowSetup(setupWith(options::SchedulerTab::Results, &sources)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(selectFirstScheduler(window, env));
    QVERIFY(QTest::qWaitFor([&] { return !sources.opened.isEmpty(); }, kWaitMs));
    QVERIFY(window.resultsTab()->isShowingMessage());
    const QString shown = window.resultsTab()->messageLabel()->text();
    QVERIFY2(shown.contains(env.details->schedulerName())
            && shown.contains(QStringLiteral("names no S3 output location")),
        qPrintable(shown));
    QVERIFY(window.resultsTab()->pane()->source() == nullptr);
}

QTEST_MAIN(TestSchedulerResultsTab)
#include "tst_schedulerresultstab.moc"
