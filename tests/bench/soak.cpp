// Soak: the whole main window (offscreen) left running against the in-process demo emulator as
// on a wall screen, to catch slow leaks of memory and file descriptors. 5,000 schedulers with
// churn, 10 % of requests faulted (FaultConfig::mixed: throttling, internal errors, slow and
// malformed answers), a 1 s refresh interval, the details form showing one scheduler. Resident
// memory (/proc/self/statm) and open descriptors (/proc/self/fd) are sampled every minute (every
// 10 s for runs shorter than 10 minutes) and printed as a table.
//
// Exits 1 when, over the last two-thirds of the run, the high-water mark of resident memory rose
// by more than 5 MB per 20 minutes (scaled to the span, never below the 1 MB allocator noise
// floor) or that of open descriptors rose at all, or a sampling period passed without one
// successful refresh; 77 (skipped) under AddressSanitizer, whose quarantine makes resident
// memory meaningless.
//
//   build/default/tests/bench/soak                # 30 minutes, the soak
//   build/default/tests/bench/soak --minutes 2    # the CI version (ctest -L soak)
#include "benchmeasures.h"
#include "emulator/emulator.h"
#include "models/fleetsession.h"
#include "models/schedulerdetailscontroller.h"
#include "models/schedulerlistmodel.h"
#include "processresources.h"
#include "ui/choiceresolver.h"
#include "ui/demoendpoint.h"
#include "ui/fleetview.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>

using testsupport::kAddressSanitizer;
using testsupport::openDescriptors;

namespace {

using bench::residentMegabytes;

constexpr int kSkipped = 77; // ctest's SKIP_RETURN_CODE
constexpr int kFleetSize = 5'000;
constexpr double kFaultPercent = 10.0;
constexpr int kRefreshSeconds = 1;
// The bound: 5 MB over the last 20 minutes of a 30-minute run.
constexpr double kGrowthMegabytesPer20Minutes = 5.0;
// Below this, growth is the allocator keeping a few more pages between samples, not a leak.
constexpr double kNoiseFloorMegabytes = 1.0;

// The offscreen platform warns on every window resize that it cannot pass size hints on; that
// says nothing about the soak and would bury the table. Everything else goes through.
QtMessageHandler g_defaultHandler = nullptr;

void dropPlatformNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    g_defaultHandler(type, context, message);
}

struct Sample {
    qint64 seconds = 0;
    double residentMb = 0;
    int descriptors = 0;
    int succeeded = 0; // refresh cycles since the previous sample
    int failed = 0;
    int rows = 0;
};

struct Soak {
    QTemporaryDir home;
    std::unique_ptr<aws::ConfigResolver> resolver;
    std::unique_ptr<ui::DemoEndpoint> demo;
    std::unique_ptr<ui::ChoiceResolver> choices;
    QNetworkAccessManager network;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ui::MainWindow> window;
    int succeeded = 0;
    int failed = 0;

    Soak()
    {
        emulator::EmulatorOptions options
            = ui::DemoEndpoint::defaultOptions(); // churn on, as --churn
        options.fleetSize = kFleetSize;
        options.faults = emulator::FaultConfig::mixed(kFaultPercent);
        resolver = std::make_unique<aws::ConfigResolver>(QProcessEnvironment(), home.path());
        demo = std::make_unique<ui::DemoEndpoint>(options);
        choices = std::make_unique<ui::ChoiceResolver>(
            resolver.get(), demo.get(), aws::RequestedConfig());
        settings = std::make_unique<QSettings>(
            home.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);

        ui::MainWindowSetup setup;
        setup.network = &network;
        setup.settings = settings.get();
        setup.choices = choices.get();
        setup.demo = true;
        setup.refreshIntervalSeconds = kRefreshSeconds;
        window = std::make_unique<ui::MainWindow>(setup);
        QObject::connect(window->session(), &models::FleetSession::refreshFinished, window.get(),
            [this](models::RefreshController::Outcome outcome) {
                if (outcome == models::RefreshController::Outcome::Success)
                    ++succeeded;
                else
                    ++failed;
            });
        window->resize(1600, 1000);
        window->show();
    }
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    g_defaultHandler = qInstallMessageHandler(dropPlatformNoise);
    QApplication app(argc, argv);
    // Faulted refreshes are expected here by the thousand: keep warnings out of the table.
    QLoggingCategory::setFilterRules(
        QStringLiteral("lookoutdesk.*.debug=false\nlookoutdesk.*.warning=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Soak the main window against the emulator with churn and faults."));
    parser.addHelpOption();
    const QCommandLineOption minutesOption(QStringLiteral("minutes"),
        QStringLiteral("Run time (default 30)."), QStringLiteral("minutes"), QStringLiteral("30"));
    const QCommandLineOption sampleOption(QStringLiteral("sample-seconds"),
        QStringLiteral("Sampling period (default 60, or 10 below 10 minutes)."),
        QStringLiteral("seconds"));
    parser.addOptions({ minutesOption, sampleOption });
    parser.process(app);
    QTextStream out(stdout);
    bool ok = false;
    const double minutes = parser.value(minutesOption).toDouble(&ok);
    if (!ok || minutes < 0.5 || minutes > 24 * 60) {
        out << "soak: --minutes must be a number from 0.5 to 1440, not '"
            << parser.value(minutesOption) << "'\n";
        return 2;
    }
    int sampleSeconds = minutes < 10 ? 10 : 60;
    if (parser.isSet(sampleOption)) {
        sampleSeconds = parser.value(sampleOption).toInt(&ok);
        if (!ok || sampleSeconds < 1) {
            out << "soak: --sample-seconds must be a whole number of at least 1\n";
            return 2;
        }
    }
    if (kAddressSanitizer) {
        out << "soak: skipped under AddressSanitizer: its quarantine holds freed memory, so "
               "resident memory "
               "says nothing about leaks (LeakSanitizer covers them in the test suite)\n";
        return kSkipped;
    }

    Soak soak;
    out << "soak: " << kFleetSize << " schedulers, churn, " << kFaultPercent
        << " % faults, refresh every " << kRefreshSeconds << " s, " << minutes
        << " min, a sample every " << sampleSeconds << " s\n";
    out << "  time    RSS MB    fds  refreshes ok  failed   rows\n";
    out.flush();

    // The details form shows one scheduler from the first loaded page on.
    bool detailsOpen = false;
    QObject::connect(
        soak.window->session(), &models::FleetSession::refreshFinished, soak.window.get(), [&] {
            const models::SchedulerListModel *model = soak.window->session()->model();
            if (!detailsOpen && model->rowCount() > 0)
                detailsOpen = soak.window->fleetView()->selectScheduler(
                    model->nameAt(model->rowCount() / 2));
        });

    QList<Sample> samples;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto takeSample = [&] {
        Sample sample;
        sample.seconds = elapsed.elapsed() / 1000;
        sample.residentMb = residentMegabytes();
        sample.descriptors = openDescriptors();
        sample.succeeded = std::exchange(soak.succeeded, 0);
        sample.failed = std::exchange(soak.failed, 0);
        sample.rows = soak.window->session()->model()->rowCount();
        samples.append(sample);
        out << QStringLiteral("%1:%2 %3 %4 %5 %6 %7\n")
                   .arg(sample.seconds / 60, 3)
                   .arg(sample.seconds % 60, 2, 10, QLatin1Char('0'))
                   .arg(sample.residentMb, 9, 'f', 1)
                   .arg(sample.descriptors, 6)
                   .arg(sample.succeeded, 13)
                   .arg(sample.failed, 7)
                   .arg(sample.rows, 6);
        out.flush();
    };
    QTimer sampler;
    sampler.setInterval(sampleSeconds * 1000);
    QObject::connect(&sampler, &QTimer::timeout, &app, [&] {
        takeSample();
        if (elapsed.elapsed() >= qint64(minutes * 60'000) - 500)
            app.quit();
    });
    QTimer::singleShot(0, &app, [&] {
        takeSample();
        sampler.start();
    });
    app.exec();

    // Growth over the last two-thirds, as the rise of the high-water mark: the largest value after
    // the first sample at or after one third of the run, against the largest one before it (from
    // the first loaded sample on). A sample catches a keep-alive connection or an allocator
    // arena open or not, so single samples swing by a few descriptors and megabytes; a leak
    // raises the high-water mark, a swing does not.
    const qint64 oneThird = qint64(minutes * 60.0 / 3.0);
    const auto baseline = std::find_if(samples.cbegin(), samples.cend(),
        [oneThird](const Sample &sample) { return sample.seconds >= oneThird; });
    if (samples.size() < 3 || baseline == samples.cend() || baseline == samples.cend() - 1) {
        out << "soak: too few samples to judge\n";
        return 1;
    }
    const Sample &last = samples.constLast();
    const double spanMinutes = double(last.seconds - baseline->seconds) / 60.0;
    double earlierMb = 0;
    double laterMb = 0;
    int earlierDescriptors = 0;
    int laterDescriptors = 0;
    for (auto sample = samples.cbegin() + 1; sample != samples.cend(); ++sample) {
        const bool later = sample > baseline;
        double &mb = later ? laterMb : earlierMb;
        int &descriptors = later ? laterDescriptors : earlierDescriptors;
        mb = std::max(mb, sample->residentMb);
        descriptors = std::max(descriptors, sample->descriptors);
    }
    const double growthMb = laterMb - earlierMb;
    const double limitMb
        = std::max(kNoiseFloorMegabytes, kGrowthMegabytesPer20Minutes * spanMinutes / 20.0);
    const int descriptorGrowth = laterDescriptors - earlierDescriptors;
    const bool refreshedThroughout = std::all_of(samples.cbegin() + 1, samples.cend(),
        [](const Sample &sample) { return sample.succeeded > 0; });
    int totalOk = 0;
    int totalFailed = 0;
    for (const Sample &sample : samples) {
        totalOk += sample.succeeded;
        totalFailed += sample.failed;
    }
    const emulator::EmulatorService::Counters counters = soak.demo->emulator()->counters();
    out << QStringLiteral(
        "RSS %1 MB at the start, %2 MB at the end; high-water growth over the last %3 min: %4 MB "
        "(limit %5 MB)%6\n")
               .arg(samples.constFirst().residentMb, 0, 'f', 1)
               .arg(last.residentMb, 0, 'f', 1)
               .arg(spanMinutes, 0, 'f', 1)
               .arg(growthMb, 0, 'f', 2)
               .arg(limitMb, 0, 'f', 2)
               .arg(growthMb > limitMb ? QStringLiteral("  EXCEEDED") : QString());
    out << QStringLiteral(
        "descriptors %1 at the start, %2 at the end; high-water growth over the last %3 min: %4 "
        "(limit 0)%5\n")
               .arg(samples.constFirst().descriptors)
               .arg(last.descriptors)
               .arg(spanMinutes, 0, 'f', 1)
               .arg(descriptorGrowth)
               .arg(descriptorGrowth > 0 ? QStringLiteral("  EXCEEDED") : QString());
    out << QStringLiteral("refresh cycles: %1 succeeded, %2 failed; emulator requests: %3%4\n")
               .arg(totalOk)
               .arg(totalFailed)
               .arg(counters.requests)
               .arg(refreshedThroughout
                       ? QString()
                       : QStringLiteral("  (a sampling period had no successful refresh)"));
    out.flush();
    return growthMb <= limitMb && descriptorGrowth <= 0 && refreshedThroughout && detailsOpen ? 0
                                                                                              : 1;
}
