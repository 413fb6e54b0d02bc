#include "cli/resultscommand.h"

#include "appinfo.h"
#include "aws/awsjsonclient.h"
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "aws/s3client.h"
#include "cli/debuglog.h"
#include "cli/helptext.h"
#include "cli/interruptedexit.h"
#include "cli/mfaprompt.h"
#include "cli/outputtree.h"
#include "cli/resultsoutput.h"
#include "cli/standardstreams.h"
#include "cli/tableformatter.h"
#include "cli/textformatter.h"
#include "cli/yamlformatter.h"
#include "lookout/lookoutclient.h"
#include "lookout/parametervalidation.h"
#include "lookout/service.h"
#include "options/exitcodes.h"
#include "results/foldersource.h"
#include "results/objectcache.h"
#include "results/rangeloader.h"
#include "results/resultstime.h"
#include "results/s3source.h"
#include "results/scheduleroutput.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace cli {

namespace {

using namespace Qt::StringLiterals;

constexpr QLatin1StringView kStartTime("--start-time");
constexpr QLatin1StringView kEndTime("--end-time");

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::ResultsCommand)
};

void warn(QIODevice *err, const QString &text)
{
    err->write((Text::tr("Warning: %1").arg(text) + u'\n').toUtf8());
}

int fail(QIODevice *err, const QString &text)
{
    err->write((text + u'\n').toUtf8());
    return options::exitcode::kFailure;
}

// An AWS error after a blank line, with its own exit status, as the AWS CLI prints it.
int fail(QIODevice *err, const aws::AwsError &error)
{
    err->write("\n" + error.toString().toUtf8() + '\n');
    return error.exitCode();
}

// Where a scheduler writes its results: DescribeInferenceScheduler's
// DataOutputConfiguration.S3OutputConfiguration, with the connection of the other commands.
std::variant<results::S3Location, aws::AwsError> outputLocationOf(const QString &name,
    const aws::ResolvedConfig &config, QNetworkAccessManager *network,
    core::InterruptWatcher &interrupts)
{
    aws::AwsJsonClient client(network, config.clientSettings(), config.credentials);
    lookout::LookoutClient lookoutClient(&client);
    QEventLoop loop;
    QObject context;
    std::optional<aws::Result<lookout::InferenceScheduler>> described;
    QObject::connect(&interrupts, &core::InterruptWatcher::interrupted, &loop, [&] {
        client.abortAll();
        loop.quit();
    });
    lookoutClient.describeInferenceScheduler(
        name, &context, [&](const aws::Result<lookout::InferenceScheduler> &result) {
            described = result;
            loop.quit();
        });
    if (!described && !interrupts.wasInterrupted())
        loop.exec();
    if (!described) {
        aws::AwsError error;
        error.kind = aws::AwsError::Kind::Cancelled;
        return error;
    }
    if (!described->ok())
        return described->error();
    // A describe answer that names no usable location, as the error of that call.
    QString problem;
    const std::optional<results::S3Location> location
        = results::schedulerOutputLocation(name, described->value(), &problem);
    if (!location) {
        aws::AwsError error;
        error.kind = aws::AwsError::Kind::BadResponse;
        error.operation
            = QString::fromLatin1(lookout::service::operation::kDescribeInferenceScheduler);
        error.endpoint = config.endpoint;
        error.httpStatus = 200;
        error.message = problem;
        return error;
    }
    return *location;
}

int writeOutput(QIODevice *out, QIODevice *err, const QByteArray &bytes)
{
    if (bytes.isEmpty() || out->write(bytes) == bytes.size())
        return options::exitcode::kSuccess;
    // A reader that went away (`| head`) is not a failure.
    if (errno == EPIPE)
        return options::exitcode::kSuccess;
    return fail(err,
        Text::tr("Cannot write the output: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
}

QString timeText(qint64 microseconds)
{
    return QString::fromLatin1(results::timestampText(microseconds));
}

// What was skipped and why, the first few problems with their file and line, and a count of the
// rest.
void reportProblems(QIODevice *err, const results::RangeLoader &loader)
{
    for (const results::SkippedEntry &entry : loader.skipped())
        warn(err, Text::tr("%1 was not read: %2").arg(entry.key, entry.reason));
    const results::ParseReport &report = loader.report();
    for (const results::ParseIssue &issue : report.issues)
        warn(err, issue.toString());
    if (report.issueCount() > report.issues.size()) {
        warn(err,
            Text::tr("%1 more problems are not listed (in all: %2 lines skipped, %3 lines read in "
                     "part, %4 objects not read)")
                .arg(report.issueCount() - report.issues.size())
                .arg(report.skippedLines)
                .arg(report.trimmedLines)
                .arg(report.otherIssues));
    }
}

QByteArray render(const ResultsDocument &document, const OutputSettings &settings)
{
    switch (settings.format) {
    case OutputFormat::Json:
        return resultsJson(document);
    case OutputFormat::Csv:
        return resultsCsv(*document.series);
    case OutputFormat::Yaml:
    case OutputFormat::YamlStream: {
        // The same document as json, predictions included.
        const aws::Result<OutputValue> full = readOutputValue(resultsJson(document));
        if (!full.ok())
            return QByteArray();
        return settings.format == OutputFormat::Yaml ? formatYaml(full.value())
                                                     : formatYamlStream(full.value());
    }
    case OutputFormat::Text:
    case OutputFormat::Table:
        break;
    }
    // The events, through the CLI's own formatters.
    const aws::Result<OutputValue> tree
        = readOutputValue(resultsJson(document, Predictions::Omitted));
    if (!tree.ok())
        return QByteArray();
    if (settings.format == OutputFormat::Text)
        return formatText(tree.value());

    return formatTable(
        u"Results"_s, tree.value(), TableStyle { settings.tableWidth, settings.color });
}

int readAndPrint(const Invocation &invocation, const ResultsEnvironment &environment,
    results::ResultsSource &source, const results::S3Source *s3Source,
    const results::TimeRange &range, const OutputSettings &settings,
    core::InterruptWatcher &interrupts)
{
    QIODevice *err = environment.err;
    results::ObjectCache cache(environment.cacheDirectory.isEmpty()
            ? results::ObjectCache::defaultDirectory()
            : environment.cacheDirectory);
    results::RangeLoader loader(&source, &cache);

    QEventLoop loop;
    std::optional<results::RangeLoader::Outcome> outcome;
    QObject::connect(&loader, &results::RangeLoader::finished, &loop,
        [&](results::RangeLoader::Outcome finished) {
            outcome = finished;
            loop.quit();
        });
    QObject::connect(
        &interrupts, &core::InterruptWatcher::interrupted, &loop, [&] { loader.cancel(); });
    loader.start(range);
    if (!outcome && !interrupts.wasInterrupted())
        loop.exec();
    if (!outcome || *outcome == results::RangeLoader::Outcome::Cancelled) {
        return endInterrupted(interrupts, environment.out);
    }
    if (*outcome == results::RangeLoader::Outcome::Failed) {
        if (s3Source && s3Source->lastListingError())
            return fail(err, *s3Source->lastListingError());
        return fail(err, loader.error().message);
    }

    reportProblems(err, loader);
    const results::LoadProgress &progress = loader.progress();
    const QString location = source.location();
    if (progress.objectsListed == 0) {
        return fail(err,
            loader.skipped().isEmpty()
                ? Text::tr("No results.jsonl files in %1").arg(location)
                : Text::tr("No results.jsonl file in %1 could be read").arg(location));
    }
    const results::ParseReport &report = loader.report();
    if (progress.objectsTotal > 0 && report.predictions == 0) {
        const QString files = progress.objectsTotal == 1
            ? Text::tr("the results.jsonl file")
            : Text::tr("the %1 results.jsonl files").arg(progress.objectsTotal);
        return fail(err,
            report.lines == 0 && progress.failed == 0
                ? Text::tr("No predictions in %1 in %2").arg(files, location)
                : Text::tr("Nothing could be read from %1 in %2").arg(files, location));
    }
    if (loader.series().isEmpty() && !range.isAll()) {
        err->write(Text::tr("No predictions in %1 from %2 to %3\n")
                       .arg(location, range.from ? timeText(*range.from) : Text::tr("the first"),
                           range.to ? timeText(*range.to) : Text::tr("the last"))
                       .toUtf8());
    }

    ResultsDocument document;
    document.source = invocation.arguments.positional;
    document.files = progress.objectsDone - progress.failed;
    document.series = &loader.series();
    document.events = results::findEvents(loader.series());
    return writeOutput(environment.out, err, render(document, settings));
}

} // namespace

SourceKind sourceKindOf(const QString &source)
{
    if (results::S3Location::isS3Url(source))
        return SourceKind::S3Location;
    if (source.contains(u'/') || QFileInfo::exists(source))
        return SourceKind::Folder;
    lookout::ParameterCheck check;
    check.identifier("InferenceSchedulerName"_L1, source);
    return check.problems().isEmpty() ? SourceKind::SchedulerName : SourceKind::Folder;
}

int runResultsCommand(const Invocation &invocation, const ResultsEnvironment &environment)
{
    QIODevice *err = environment.err;
    const CommandArguments &arguments = invocation.arguments;
    results::TimeRange range;
    if (const auto start = arguments.timestamp(kStartTime))
        range.from = start->epochMicroseconds;
    if (const auto end = arguments.timestamp(kEndTime))
        range.to = end->epochMicroseconds;
    if (range.from && range.to && *range.to <= *range.from) {
        err->write((usageBlock() + u'\n' + QString::fromLatin1(appinfo::kBinaryName)
            + Text::tr(": error: argument --end-time: %1 is not after --start-time %2")
                  .arg(timeText(*range.to), timeText(*range.from))
            + u'\n')
                       .toUtf8());
        return options::exitcode::kBadCommandLine;
    }

    const aws::Result<ResolvedOutput> output
        = resolveOutput(invocation.global, environment.environment, nullptr, environment.terminal);
    if (!output.ok())
        return fail(err, output.error().toString());

    const DebugLogScope debugLog(invocation.global.debug, err);
    core::InterruptWatcher interrupts;
    std::unique_ptr<results::ResultsSource> source;
    results::S3Source *s3Source = nullptr;
    const QString &named = arguments.positional;
    const SourceKind kind = sourceKindOf(named);
    if (named.isEmpty()) {
        return fail(err,
            Text::tr("SOURCE is empty: name a folder of results.jsonl files, an s3:// location "
                     "or a scheduler"));
    }
    if (kind == SourceKind::Folder) {
        source = std::make_unique<results::FolderSource>(named);
    } else {
        const std::unique_ptr<aws::KeychainProfileStore> keychain = environment.profileSettings
            ? std::make_unique<aws::KeychainProfileStore>(environment.profileSettings)
            : nullptr;
        aws::ConfigResolver resolver(environment.environment,
            environment.homeDirectory.isEmpty() ? QDir::homePath() : environment.homeDirectory,
            keychain.get());
        resolver.setMfaPrompt(terminalMfaPrompt());
        for (const aws::ConfigProblem &problem : resolver.problems())
            warn(err, problem.toString());
        QNetworkAccessManager ownNetwork;
        QNetworkAccessManager *network = environment.network ? environment.network : &ownNetwork;
        // --endpoint-url is the endpoint of the service the command calls, as with the AWS CLI:
        // S3's for an s3:// location; Lookout for Equipment's for a scheduler NAME, whose S3
        // endpoint is then S3's own setting (AWS_ENDPOINT_URL_S3, the services section, …).
        aws::RequestedConfig s3Request = invocation.global.requestedConfig;
        std::optional<results::S3Location> location;
        if (kind == SourceKind::SchedulerName) {
            const aws::Result<aws::ResolvedConfig> lookoutConfig = resolver.resolve(
                lookout::service::description(), invocation.global.requestedConfig);
            if (!lookoutConfig.ok())
                return fail(err, lookoutConfig.error());
            auto described = outputLocationOf(named, lookoutConfig.value(), network, interrupts);
            if (const aws::AwsError *error = std::get_if<aws::AwsError>(&described)) {
                if (error->kind == aws::AwsError::Kind::Cancelled) {
                    return endInterrupted(interrupts, environment.out);
                }
                return fail(err, *error);
            }
            location = std::get<results::S3Location>(described);
            s3Request = results::outputRequestFor(s3Request);
        } else {
            QString problem;
            location = results::S3Location::parse(named, &problem);
            if (!location)
                return fail(err, problem);
        }
        const aws::Result<aws::ResolvedConfig> s3Config
            = resolver.resolve(aws::s3ServiceDescription(), s3Request);
        if (!s3Config.ok())
            return fail(err, s3Config.error());
        for (const QString &line : s3Config.value().describe())
            qCDebug(lcCli).noquote() << line;
        auto opened = results::S3Source::open(*location, s3Config.value(), network);
        if (const aws::AwsError *error = std::get_if<aws::AwsError>(&opened))
            return fail(err, *error);
        source = std::move(std::get<std::unique_ptr<results::S3Source>>(opened));
        s3Source = static_cast<results::S3Source *>(source.get());
        return readAndPrint(
            invocation, environment, *source, s3Source, range, output.value().settings, interrupts);
    }
    return readAndPrint(
        invocation, environment, *source, s3Source, range, output.value().settings, interrupts);
}

int runResultsCommand(const Invocation &invocation)
{
    // A reader that goes away (`| head`) makes write() fail with EPIPE instead of killing us.
    std::signal(SIGPIPE, SIG_IGN);
    StandardStreams streams;
    const std::unique_ptr<QSettings> profileSettings
        = aws::KeychainProfileStore::openDefaultSettings();
    QNetworkAccessManager network;
    ResultsEnvironment environment;
    environment.homeDirectory = QDir::homePath();
    environment.profileSettings = profileSettings.get();
    environment.network = &network;
    environment.environment = QProcessEnvironment::systemEnvironment();
    environment.out = &streams.out;
    environment.err = &streams.err;
    environment.terminal = TerminalInfo::detect();
    return runResultsCommand(invocation, environment);
}

} // namespace cli
