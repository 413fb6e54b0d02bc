// Several connections on one fleet table at scale (issue 18): the whole main window on the
// offscreen platform watching 10 connections, each a profile of its own (keys, region, fleet)
// served by its own in-process emulator with 1,000 schedulers. Measures, as medians over several
// runs:
//
//   first full table (10 × 1,000 rows)      ≤ 1.5 s   wall time from the window's creation until
//                                                     every connection's listing is in and painted
//   refresh with 5 % changed                ≤ 20 ms   GUI-thread CPU time, all 10 connections
//                                                     refreshed at once (the app spreads them)
//   one connection's refresh, 5 % changed   (no target) GUI-thread CPU time, as the app phases it
//   worst GUI stall while loading/refreshing ≤ 50 ms  a 5 ms watchdog timer's worst lateness,
//                                                     from the window's first frame on screen to
//                                                     the full table
//     and, beside it, the GUI thread's own CPU time between two of the watchdog's ticks at most
//     (on a loaded machine the rest of a stall is the wait for a core)
//   the window's first frame                (no target) wall time from its creation; startup
//   peak resident memory                    ≤ 200 MB  VmHWM, the 10 emulators included
//
// Exits 1 when a target is missed. Run: build/default/tests/bench/bench_connections [--runs N].
#include "benchmeasures.h"
#include "emulator/emulator.h"
#include "manualtimer.h"
#include "models/fleetsession.h"
#include "models/schedulerdetailscontroller.h"
#include "models/schedulerlistmodel.h"
#include "ui/choiceresolver.h"
#include "ui/demoendpoint.h"
#include "ui/fleetview.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

using bench::measureStep;
using bench::median;
using bench::StepCost;

constexpr int kConnections = 10;
constexpr int kFleetSize = 1'000;
constexpr double kChangePercent = 5.0;

// The process's peak resident memory (VmHWM), in MiB; -1 when unreadable.
double peakResidentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression hwm(QStringLiteral("VmHWM:\\s+(\\d+) kB"));
    const QRegularExpressionMatch match = hwm.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : -1;
}

struct Bench {
    QTemporaryDir home;
    std::shared_ptr<core::ManualClock> emulatorClock
        = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    std::vector<std::unique_ptr<emulator::Emulator>> emulators;
    std::unique_ptr<aws::ConfigResolver> resolver;
    std::unique_ptr<ui::DemoEndpoint> demo;
    std::unique_ptr<ui::ChoiceResolver> choices;
    QNetworkAccessManager network;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<models::FleetSession> session;
    std::unique_ptr<models::SchedulerDetailsController> details;
    std::unique_ptr<ui::MainWindow> window;
    QList<options::ConnectionSpec> connections;

    bool start()
    {
        const QStringList regions { QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"),
            QStringLiteral("ap-northeast-2"), QStringLiteral("us-west-2"),
            QStringLiteral("eu-central-1"), QStringLiteral("ap-south-1"),
            QStringLiteral("ca-central-1"), QStringLiteral("sa-east-1"),
            QStringLiteral("eu-north-1"), QStringLiteral("ap-southeast-2") };
        QString config;
        QString credentials;
        for (int i = 0; i < kConnections; ++i) {
            emulator::EmulatorOptions options;
            options.fleetSize = kFleetSize;
            options.fleetSeed = quint64(100 + i);
            options.region = regions[i];
            options.clock = emulatorClock;
            options.credentials.accessKeyId
                = QStringLiteral("AKIABENCHCONNECTION%1").arg(i, 1, 10, QLatin1Char('0'));
            options.credentials.secretAccessKey = QStringLiteral("BenchSecretForConnectionNumber%1")
                                                      .arg(i, 10, 10, QLatin1Char('0'));
            options.churn.enabled = true;
            options.churn.changePercent = kChangePercent;
            options.churn.interval = std::chrono::milliseconds(5000);
            options.churn.seed = quint64(i + 1);
            emulators.push_back(std::make_unique<emulator::Emulator>(options));
            if (!emulators.back()->start())
                return false;
            const QString profile = QStringLiteral("plant-%1").arg(i);
            config += QStringLiteral("[profile %1]\nregion = %2\nendpoint_url = %3\n\n")
                          .arg(profile, regions[i], emulators.back()->endpoint().toString());
            credentials
                += QStringLiteral("[%1]\naws_access_key_id = %2\naws_secret_access_key = %3\n\n")
                       .arg(profile, options.credentials.accessKeyId,
                           options.credentials.secretAccessKey);
            connections.append({ profile, QString() });
        }
        QDir(home.path()).mkpath(QStringLiteral(".aws"));
        QFile configFile(home.filePath(QStringLiteral(".aws/config")));
        QFile credentialsFile(home.filePath(QStringLiteral(".aws/credentials")));
        if (!configFile.open(QIODevice::WriteOnly) || !credentialsFile.open(QIODevice::WriteOnly))
            return false;
        configFile.write(config.toUtf8());
        credentialsFile.write(credentials.toUtf8());
        configFile.close();
        credentialsFile.close();
        resolver = std::make_unique<aws::ConfigResolver>(QProcessEnvironment(), home.path());
        demo = std::make_unique<ui::DemoEndpoint>(emulator::EmulatorOptions {});
        choices = std::make_unique<ui::ChoiceResolver>(
            resolver.get(), demo.get(), aws::RequestedConfig());
        settings = std::make_unique<QSettings>(
            home.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);
        return true;
    }

    bool refreshing() const
    {
        for (int source = 0; source < session->connectionCount(); ++source) {
            if (session->connection(source)->refreshController()->isRefreshing())
                return true;
        }
        return details->isBusy();
    }

    // A new window on the 10 connections: the wall time until every row is on screen, and the
    // worst stall from its first frame until then.
    StepCost open()
    {
        window.reset();
        session = std::make_unique<models::FleetSession>(&network, core::Clock::system(),
            core::TimerFactory([] { return std::make_unique<testsupport::ManualTimer>(); }));
        details = std::make_unique<models::SchedulerDetailsController>(
            core::Clock::system(), std::make_unique<testsupport::ManualTimer>());
        ui::MainWindowSetup setup;
        setup.network = &network;
        setup.settings = settings.get();
        setup.choices = choices.get();
        setup.session = session.get();
        setup.details = details.get();
        setup.connections = connections;
        return measureStep(
            [&] {
                window = std::make_unique<ui::MainWindow>(setup);
                window->resize(1600, 1000);
                window->show();
            },
            [this] {
                return !refreshing() && session->model()->rowCount() == kConnections * kFleetSize;
            },
            [this] { window->fleetView()->tableView()->viewport()->repaint(); },
            bench::StallFrom::FirstFrame, [this] { return window.get(); });
    }

    // After a churn round: every connection refreshed at once (all), or only `source`'s.
    StepCost refresh(int source = -1)
    {
        emulatorClock->advance(std::chrono::milliseconds(5000));
        return measureStep(
            [&] {
                if (source < 0)
                    session->refreshAll();
                else
                    session->connection(source)->refreshController()->refreshNow();
            },
            [this] { return !refreshing(); });
    }
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("lookoutdesk.*.debug=false"));
    const int runs = bench::runsFromArguments();

    QTextStream out(stdout);
    Bench bench;
    if (!bench.start()) {
        out << "the emulators or ~/.aws could not be set up\n";
        return 2;
    }
    QList<double> firstTable;
    QList<double> loadStall;
    QList<double> loadBusiest;
    QList<double> firstFrame;
    for (int run = 0; run < runs; ++run) {
        const StepCost load = bench.open();
        firstTable.append(load.wallMs);
        loadStall.append(load.stallMs);
        loadBusiest.append(load.busiestMs);
        firstFrame.append(load.firstFrameMs);
        out << "  run " << run + 1 << ": first frame " << load.firstFrameMs << " ms, first table "
            << load.wallMs << " ms, worst stall " << load.stallMs << " ms, GUI thread busy at most "
            << load.busiestMs << " ms\n";
    }
    if (firstFrame.contains(-1.0)) {
        out << "the window painted no frame\n";
        return 2;
    }
    if (firstTable.contains(-1.0)) {
        out << "the fleet did not load: " << bench.session->model()->rowCount() << " rows\n";
        return 2;
    }
    // The open scheduler of the last connection rides along with its cycles.
    const int lastRow = [&] {
        for (int row = bench.session->model()->rowCount() - 1; row >= 0; --row) {
            if (bench.session->model()->sourceAt(row) == kConnections - 1)
                return row;
        }
        return 0;
    }();
    bench.window->fleetView()->selectScheduler(
        bench.session->model()->nameAt(lastRow), kConnections - 1);
    bench::waitFor([&] { return bench.details->scheduler().has_value(); });

    bench.refresh(); // warm-up: caches, the first highlight timers
    QList<double> cpu;
    QList<double> stall;
    for (int run = 0; run < runs; ++run) {
        const StepCost cycle = bench.refresh();
        cpu.append(cycle.cpuMs);
        stall.append(cycle.stallMs);
    }
    QList<double> oneCpu;
    for (int run = 0; run < runs; ++run) {
        const StepCost cycle = bench.refresh(run % kConnections);
        oneCpu.append(cycle.cpuMs);
        stall.append(cycle.stallMs);
    }
    const double peak = peakResidentMegabytes();

    out << "bench_connections: " << kConnections << " connections x " << kFleetSize
        << " schedulers, " << runs << " runs, medians\n";
    const bool ok = bench::printResults(out,
        {
            { "first full table, 10 x 1,000 (wall)", median(firstTable), 1500, "ms" },
            { "refresh, 5% changed, all 10, GUI-thread CPU", median(cpu), 20, "ms" },
            { "refresh, 5% changed, one connection, GUI CPU", median(oneCpu), -1, "ms" },
            { "worst GUI stall while loading, median of runs", median(loadStall), 50, "ms" },
            { "  same, worst of all runs", *std::max_element(loadStall.cbegin(), loadStall.cend()),
                50, "ms" },
            { "  GUI-thread CPU between two ticks, median", median(loadBusiest), -1, "ms" },
            { "the window's first frame (wall), median", median(firstFrame), -1, "ms" },
            { "  same, worst of all runs",
                *std::max_element(firstFrame.cbegin(), firstFrame.cend()), -1, "ms" },
            { "worst GUI stall during a refresh", *std::max_element(stall.cbegin(), stall.cend()),
                50, "ms" },
            { "peak resident memory (emulators included)", peak, 200, "MB" },
        });
    return ok ? 0 : 1;
}
