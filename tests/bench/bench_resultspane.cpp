// The Results pane's time to screen (issue 17: 7 days of 5-minute results, 2,016 objects, from the
// emulator's S3 on screen in 3 s or less, several requests in flight; from a local folder in
// 300 ms or less). A `lookout-desk emulator` process serves a fleet; the 5-minute scheduler with
// the most objects in its output location is read by a ui::ResultsPane (offscreen, 1,400 x 900,
// as the Results tab and the results window show it) from start() to the chart painted with the
// whole load: cold (an empty on-disk cache each run), warm (the cache filled) and from a folder
// holding the same objects, as `aws s3 sync` would have written them. Prints the median of each;
// exits 1 when a median is over its target.
//
// Run: build/default/tests/bench/bench_resultspane [--runs N]    (5 runs by default)
#include "aws/configresolver.h"
#include "aws/s3client.h"
#include "emulatorprocess.h"
#include "results/foldersource.h"
#include "results/objectcache.h"
#include "results/rangeloader.h"
#include "results/s3source.h"
#include "ui/resultschart.h"
#include "ui/resultspane.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <optional>
#include <vector>

namespace {

using namespace Qt::StringLiterals;

constexpr double kS3TargetMs = 3000;
constexpr double kFolderTargetMs = 300;
constexpr int kLoadDeadlineMs = 300'000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void fail(const QString &why)
{
    QTextStream(stderr) << "bench_resultspane: " << why << '\n';
    std::exit(2);
}

QJsonObject runCommand(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOOKOUT_BINARY), arguments);
    if (!process.waitForFinished(120'000) || process.exitCode() != 0)
        fail(u"lookout-desk %1: %2"_s.arg(
            arguments.join(u' '), QString::fromUtf8(process.readAllStandardError())));
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// Waits for `done` while the event loop runs, sleeping between events as the application's loop
// does; fails after the deadline. (processEvents() with a time limit never waits for an event:
// looping on it polls without pause and takes a core from the load being measured.)
template<typename Predicate> void waitFor(Predicate done, const QString &what)
{
    QElapsedTimer timer;
    timer.start();
    QTimer deadlineCheck; // wakes the loop when nothing else does
    deadlineCheck.start(1000);
    while (!done()) {
        if (timer.elapsed() > kLoadDeadlineMs)
            fail(u"timed out waiting for "_s + what);
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
}

struct Run {
    double ms = 0;
    qsizetype objects = 0;
    qsizetype fromCache = 0;
    qsizetype predictions = 0;
};

// From start() to the chart painted with everything the load brought.
Run timeLoad(ui::ResultsPane &pane, results::ResultsSource *source, results::ObjectCache *cache)
{
    pane.setSource(source, cache);
    std::optional<results::RangeLoader::Outcome> outcome;
    const QMetaObject::Connection connection
        = QObject::connect(&pane, &ui::ResultsPane::loadFinished,
            [&](results::RangeLoader::Outcome finished) { outcome = finished; });
    QElapsedTimer timer;
    timer.start();
    pane.start();
    waitFor([&] { return outcome.has_value(); }, u"the load"_s);
    pane.chart()->repaint();
    Run run;
    run.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    QObject::disconnect(connection);
    if (*outcome != results::RangeLoader::Outcome::Complete)
        fail(u"the load did not complete: "_s + pane.loader()->error().message);
    const results::LoadProgress &progress = pane.loader()->progress();
    if (progress.failed > 0 || progress.objectsDone != progress.objectsTotal)
        fail(u"objects were not read"_s);
    run.objects = progress.objectsDone;
    run.fromCache = progress.fromCache;
    run.predictions = pane.series().size();
    pane.setSource(nullptr);
    return run;
}

double median(std::vector<Run> runs)
{
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.ms < b.ms; });
    const std::size_t middle = runs.size() / 2;
    return runs.size() % 2 ? runs[middle].ms : (runs[middle - 1].ms + runs[middle].ms) / 2;
}

QString range(const std::vector<Run> &runs)
{
    const auto [low, high] = std::minmax_element(
        runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.ms < b.ms; });
    return u"%1–%2 ms"_s.arg(low->ms, 0, 'f', 0).arg(high->ms, 0, 'f', 0);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 5;
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) == "--runs"_L1)
            runs = std::max(1, arguments.at(i + 1).toInt());
    }

    EmulatorProcess emulator;
    if (!emulator.start({ u"--fleet"_s, u"40"_s, u"--seed"_s, u"3"_s }))
        fail(u"the emulator did not start: "_s + emulator.error());
    QTemporaryDir home;
    QProcessEnvironment environment;
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    for (const char *name : { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
             "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT", "AWS_ENDPOINT_URL_S3" })
        environment.insert(QLatin1String(name), emulator.variable(QLatin1String(name)));
    const aws::ConfigResolver resolver(environment, home.path());
    const aws::Result<aws::ResolvedConfig> s3Config
        = resolver.resolve(aws::s3ServiceDescription(), aws::RequestedConfig());
    if (!s3Config.ok())
        fail(s3Config.error().toString());
    QNetworkAccessManager network;
    const auto openS3 = [&](const results::S3Location &location) {
        auto opened = results::S3Source::open(location, s3Config.value(), &network);
        if (auto *error = std::get_if<aws::AwsError>(&opened))
            fail(error->toString());
        return std::move(std::get<std::unique_ptr<results::S3Source>>(opened));
    };

    // The 5-minute scheduler with the most objects: one that ran all week.
    std::optional<results::S3Location> week;
    results::Listing weekListing;
    const QJsonArray schedulers
        = runCommand({ u"list"_s }, environment)[u"InferenceSchedulerSummaries"_s].toArray();
    for (const QJsonValue &summary : schedulers) {
        if (summary[u"DataUploadFrequency"_s].toString() != "PT5M"_L1)
            continue;
        const QJsonObject output
            = runCommand({ u"describe"_s, summary[u"InferenceSchedulerName"_s].toString() },
                environment)[u"DataOutputConfiguration"_s][u"S3OutputConfiguration"_s]
                  .toObject();
        const auto location = results::S3Location::parse(
            u"s3://%1/%2"_s.arg(output[u"Bucket"_s].toString(), output[u"Prefix"_s].toString()));
        if (!location)
            continue;
        const std::unique_ptr<results::S3Source> source = openS3(*location);
        std::optional<std::variant<results::Listing, results::SourceError>> listed;
        source->list([&](const std::variant<results::Listing, results::SourceError> &result) {
            listed = result;
        });
        waitFor([&] { return listed.has_value(); }, u"a listing"_s);
        if (const auto *listing = std::get_if<results::Listing>(&*listed)) {
            if (listing->objects.size() > weekListing.objects.size()) {
                week = location;
                weekListing = *listing;
            }
        }
    }
    if (!week || weekListing.objects.size() < 1800)
        fail(u"no 5-minute scheduler of the fleet ran all week"_s);

    ui::ResultsPane pane;
    pane.resize(1400, 900);
    pane.show();

    // Cold: an empty cache each run. The caches are deleted together at the end, not between runs:
    // ext4 skips inodes freed in the last seconds when it allocates one, so creating a week's
    // entries just after deleting another week's costs a scan per file that a user's first load
    // does not pay.
    QTemporaryDir coldCaches;
    int coldCache = 0;
    std::vector<Run> cold;
    for (int i = 0; i < runs; ++i) {
        results::ObjectCache cache(coldCaches.filePath(QString::number(++coldCache)));
        const std::unique_ptr<results::S3Source> source = openS3(*week);
        cold.push_back(timeLoad(pane, source.get(), &cache));
    }
    // The same cold load without the pane (what `lookout-desk results` does), for the pane's share.
    std::vector<Run> loaderAlone;
    for (int i = 0; i < runs; ++i) {
        results::ObjectCache cache(coldCaches.filePath(QString::number(++coldCache)));
        const std::unique_ptr<results::S3Source> source = openS3(*week);
        results::RangeLoader loader(source.get(), &cache);
        std::optional<results::RangeLoader::Outcome> outcome;
        QObject::connect(&loader, &results::RangeLoader::finished,
            [&](results::RangeLoader::Outcome finished) { outcome = finished; });
        QElapsedTimer timer;
        timer.start();
        loader.start(results::TimeRange::all());
        waitFor([&] { return outcome.has_value(); }, u"the load without the pane"_s);
        Run run;
        run.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        run.objects = loader.progress().objectsDone;
        loaderAlone.push_back(run);
    }
    // Warm: one cache, filled by a first load that is not counted.
    QTemporaryDir warmDir;
    results::ObjectCache warmCache(warmDir.path());
    std::vector<Run> warm;
    for (int i = 0; i <= runs; ++i) {
        const std::unique_ptr<results::S3Source> source = openS3(*week);
        const Run run = timeLoad(pane, source.get(), &warmCache);
        if (i > 0)
            warm.push_back(run);
    }
    // A folder of the same objects, as `aws s3 sync` writes them.
    QTemporaryDir folder;
    {
        const std::unique_ptr<results::S3Source> source = openS3(*week);
        int pending = 0;
        for (const results::ObjectInfo &object : weekListing.objects) {
            ++pending;
            source->fetch(object, [&, key = object.key](const auto &result) {
                --pending;
                const auto *bytes = std::get_if<QByteArray>(&result);
                if (!bytes)
                    fail(u"GetObject "_s + key);
                QDir().mkpath(QFileInfo(folder.filePath(key)).path());
                QFile file(folder.filePath(key));
                if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size())
                    fail(u"cannot write "_s + file.fileName());
            });
        }
        waitFor([&] { return pending == 0; }, u"the copy to a folder"_s);
    }
    std::vector<Run> fromFolder;
    for (int i = 0; i < runs; ++i) {
        results::FolderSource source(folder.path());
        fromFolder.push_back(timeLoad(pane, &source, nullptr));
    }

    const double coldMs = median(cold);
    const double warmMs = median(warm);
    const double folderMs = median(fromFolder);
    out() << "Results pane, " << week->toString() << ": " << cold.front().objects << " of "
          << weekListing.objects.size() << " objects in the range, " << cold.front().predictions
          << " predictions; " << runs << " runs each, " << results::RangeLoader::kDefaultMaxInFlight
          << " requests in flight\n";
    out() << u"  S3, cold cache:  median %1 ms (%2), target <= %3 ms\n"_s.arg(coldMs, 0, 'f', 0)
                 .arg(range(cold))
                 .arg(kS3TargetMs, 0, 'f', 0);
    out() << u"  S3, cold cache, the loader alone (no pane): median %1 ms (%2)\n"_s
                 .arg(median(loaderAlone), 0, 'f', 0)
                 .arg(range(loaderAlone));
    out() << u"  S3, warm cache:  median %1 ms (%2), %3 of %4 objects from the cache\n"_s
                 .arg(warmMs, 0, 'f', 0)
                 .arg(range(warm))
                 .arg(warm.front().fromCache)
                 .arg(warm.front().objects);
    out() << u"  folder:          median %1 ms (%2), target <= %3 ms\n"_s.arg(folderMs, 0, 'f', 0)
                 .arg(range(fromFolder))
                 .arg(kFolderTargetMs, 0, 'f', 0);
    out().flush();
    emulator.stop(SIGTERM);
    return coldMs <= kS3TargetMs && warmMs <= kS3TargetMs && folderMs <= kFolderTargetMs ? 0 : 1;
}
