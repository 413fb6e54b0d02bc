#include "cli/resultscommand.h"

#include "appinfo.h"
#include "cli/helptext.h"
#include "cli/interruptwatcher.h"
#include "cli/outputtree.h"
#include "cli/resultsoutput.h"
#include "cli/standardstreams.h"
#include "cli/tableformatter.h"
#include "cli/textformatter.h"
#include "options/exitcodes.h"
#include "results/foldersource.h"
#include "results/objectcache.h"
#include "results/rangeloader.h"
#include "results/resultstime.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QIODevice>

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

// stdout and stderr as unbuffered devices, as the other commands write them.
} // namespace

std::variant<std::unique_ptr<results::ResultsSource>, QString> openResultsSource(
    const QString &source)
{
    if (source.isEmpty())
        return Text::tr("SOURCE is empty: name a folder of results.jsonl files");
    return std::unique_ptr<results::ResultsSource>(std::make_unique<results::FolderSource>(source));
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

    auto opened = openResultsSource(arguments.positional);
    if (const QString *error = std::get_if<QString>(&opened))
        return fail(err, *error);
    const std::unique_ptr<results::ResultsSource> source
        = std::move(std::get<std::unique_ptr<results::ResultsSource>>(opened));
    results::ObjectCache cache(environment.cacheDirectory.isEmpty()
            ? results::ObjectCache::defaultDirectory()
            : environment.cacheDirectory);
    results::RangeLoader loader(source.get(), &cache);

    InterruptWatcher interrupts;
    QEventLoop loop;
    std::optional<results::RangeLoader::Outcome> outcome;
    QObject::connect(&loader, &results::RangeLoader::finished, &loop,
        [&](results::RangeLoader::Outcome finished) {
            outcome = finished;
            loop.quit();
        });
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &loop, [&] { loader.cancel(); });
    loader.start(range);
    if (!outcome && !interrupts.wasInterrupted())
        loop.exec();
    if (!outcome || *outcome == results::RangeLoader::Outcome::Cancelled) {
        // Like the CLI on KeyboardInterrupt: end the line the terminal was on.
        environment.out->write("\n");
        return options::exitcode::kInterrupted;
    }
    if (*outcome == results::RangeLoader::Outcome::Failed)
        return fail(err, loader.errorMessage());

    reportProblems(err, loader);
    const results::LoadProgress &progress = loader.progress();
    const QString location = source->location();
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
    document.source = arguments.positional;
    document.files = progress.objectsDone - progress.failed;
    document.series = &loader.series();
    document.events = results::findEvents(loader.series());
    return writeOutput(environment.out, err, render(document, output.value().settings));
}

int runResultsCommand(const Invocation &invocation)
{
    // A reader that goes away (`| head`) makes write() fail with EPIPE instead of killing us.
    std::signal(SIGPIPE, SIG_IGN);
    StandardStreams streams;
    ResultsEnvironment environment;
    environment.environment = QProcessEnvironment::systemEnvironment();
    environment.out = &streams.out;
    environment.err = &streams.err;
    environment.terminal = TerminalInfo::detect();
    return runResultsCommand(invocation, environment);
}

} // namespace cli
