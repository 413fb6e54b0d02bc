#include "cli/emulatorcommand.h"

#include "appinfo.h"
#include "aws/s3client.h"
#include "cli/helptext.h"
#include "core/boundedfile.h"
#include "core/interruptwatcher.h"
#include "emulator/emulator.h"
#include "lookout/service.h"
#include "options/exitcodes.h"
#include "options/optionscanner.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <optional>

namespace cli {

namespace {

using namespace Qt::StringLiterals;

// A POSIX shell word: single quotes, with embedded ones spelled '\''.
QString shellQuoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + escaped + u"'"_s;
}

// A folder of thousands of broken files is summed up, not listed.
constexpr qsizetype kShownArchiveProblems = 20;

QString helpText()
{
    return QStringLiteral(
               "Usage: %1 emulator [OPTIONS]\n"
               "\n"
               "Serves a local Amazon Lookout for Equipment endpoint on 127.0.0.1 and, on the "
               "same port,\n"
               "the results its executions wrote over S3 (aws s3 ls --endpoint-url URL). First "
               "prints\n"
               "shell lines that point the AWS CLI and %1 at it, then serves until Ctrl+C or "
               "SIGTERM.\n"
               "From a shell, waiting at most 30 s for the lines, or for its end when it cannot "
               "start:\n")
               .arg(QString::fromLatin1(appinfo::kBinaryName))
        + emulatorStartLines(u"--fleet 500"_s, u"    "_s)
        + QStringLiteral(
            "\n"
            "Fleet (one of):\n"
            "  --fleet N                  Generate N schedulers (1..100000; default 200).\n"
            "  --seed S                   Seed of the generated fleet (default 1).\n"
            "  --from DIR                 Serve the saved describe-inference-scheduler *.json "
            "files in DIR.\n"
            "Endpoint:\n"
            "  --port N                   TCP port on 127.0.0.1 (default: any free port).\n"
            "  --region R                 Region to accept and put in ARNs (default us-east-1).\n"
            "  --access-key-id ID         Access key to accept (default the demo key %1).\n"
            "  --secret-access-key KEY    Secret key to accept (default the demo secret).\n"
            "                             Other users see it in ps: prefer the file, or the\n"
            "                             variable LOOKOUT_EMULATOR_SECRET_ACCESS_KEY.\n"
            "  --secret-access-key-file PATH\n"
            "                             Read the secret key from the file PATH.\n"
            "  --session-token TOKEN      Also require this session token (or the file, or\n"
            "                             LOOKOUT_EMULATOR_SESSION_TOKEN).\n"
            "  --session-token-file PATH  Read the session token from the file PATH.\n"
            "  --max-connections N        Concurrent connections before answering 503 (default "
            "128).\n"
            "Behaviour:\n"
            "  --transition-seconds S     PENDING -> RUNNING and STOPPING -> STOPPED take S s "
            "(default 5).\n"
            "  --churn                    Change statuses and latest results over time.\n"
            "  --churn-interval-ms MS     One round of changes every MS ms (default 5000).\n"
            "  --churn-percent P          Share of the fleet touched per round (default 2).\n"
            "  --churn-seed S             Seed of the changes (default: the fleet seed).\n"
            "Faults (percent of requests; together at most 100):\n"
            "  --throttle-percent P       429 ThrottlingException.\n"
            "  --error-percent P          500 InternalServerException.\n"
            "  --malformed-percent P      200 with a broken body.\n"
            "  --slow-percent P           Answer after --slow-ms (default 3000).\n"
            "  --fault-percent P          P spread as 40% throttling, 30% errors, 20% slow, 10% "
            "malformed;\n"
            "                             the rates above, when given too, add to their share.\n"
            "  --fault-seed S             Seed of the fault draws (default 1).\n"
            "  -h, --help                 Print this help and exit.\n")
              .arg(QString::fromLatin1(emulator::EmulatorOptions::kDemoAccessKeyId));
}

struct ParsedOptions {
    emulator::EmulatorOptions options;
    bool help = false;
    QString error;
};

constexpr QLatin1StringView kHelp("--help");
constexpr QLatin1StringView kHelpShort("-h");
constexpr QLatin1StringView kChurn("--churn");
constexpr QLatin1StringView kFrom("--from");
constexpr QLatin1StringView kFleet("--fleet");
constexpr QLatin1StringView kSeed("--seed");
constexpr QLatin1StringView kSecretAccessKeyFile("--secret-access-key-file");
constexpr QLatin1StringView kSessionTokenFile("--session-token-file");
// A key file is a line; anything bigger is not one.
constexpr qint64 kMaxKeyFileBytes = 64 * 1024;

// A secret from the command line (visible to every user in ps), a file or the environment, in
// that order; two of the first two is a mistake. Records the first problem in error; the
// problem never quotes the secret.
std::optional<QString> secretOption(const options::ScannedArguments &scanned,
    QLatin1StringView option, QLatin1StringView fileOption, const char *variable, QString &error)
{
    if (!error.isEmpty())
        return std::nullopt;
    const std::optional<QString> given = scanned.value(option);
    const std::optional<QString> file = scanned.value(fileOption);
    if (given && file) {
        error = option + u" and "_s + fileOption + u" both give the same key; use one"_s;
        return std::nullopt;
    }
    if (given)
        return given;
    if (file) {
        const core::Result<QByteArray, core::FileReadError> read
            = core::readBoundedFile(*file, kMaxKeyFileBytes);
        if (!read.ok()) {
            error = fileOption + u": "_s + read.error().message();
            return std::nullopt;
        }
        const QString text = QString::fromUtf8(read.value()).trimmed();
        if (text.isEmpty()) {
            error = fileOption + u": "_s + *file + u" is empty"_s;
            return std::nullopt;
        }
        return text;
    }
    if (qEnvironmentVariableIsSet(variable))
        return qEnvironmentVariable(variable);
    return std::nullopt;
}

const QList<options::OptionSpec> &optionSpecs()
{
    static const QList<options::OptionSpec> specs = [] {
        QList<options::OptionSpec> all { { kHelp, false }, { kHelpShort, false },
            { kChurn, false } };
        for (const QLatin1StringView name :
            { "--port"_L1, kFleet, kSeed, kFrom, "--region"_L1, "--access-key-id"_L1,
                "--secret-access-key"_L1, kSecretAccessKeyFile, "--session-token"_L1,
                kSessionTokenFile, "--max-connections"_L1, "--transition-seconds"_L1,
                "--churn-interval-ms"_L1, "--churn-percent"_L1, "--churn-seed"_L1,
                "--throttle-percent"_L1, "--error-percent"_L1, "--malformed-percent"_L1,
                "--slow-percent"_L1, "--slow-ms"_L1, "--fault-percent"_L1, "--fault-seed"_L1 })
            all.append({ name, true });
        return all;
    }();
    return specs;
}

// Reads one numeric option; records the first problem in error.
template<typename T>
std::optional<T> numberOption(const options::ScannedArguments &scanned, QLatin1StringView name,
    double low, double high, QString &error)
{
    const std::optional<QString> text = scanned.value(name);
    if (!text || !error.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double value = text->toDouble(&ok);
    if (!ok || value < low || value > high
        || (std::is_integral_v<T> && value != static_cast<double>(static_cast<qint64>(value)))) {
        error = name + u" expects "_s + (std::is_integral_v<T> ? u"an integer"_s : u"a number"_s)
            + u" within "_s + QString::number(low, 'g', 17) + u".."_s
            + QString::number(high, 'g', 17) + u", not '"_s + *text + u"'"_s;
        return std::nullopt;
    }
    return static_cast<T>(value);
}

// A mix over 100 % names the options that make it up, as given.
QString faultMixProblem(
    const options::ScannedArguments &scanned, const emulator::FaultConfig &faults)
{
    const double total = faults.throttlingPercent + faults.internalErrorPercent
        + faults.malformedPercent + faults.slowPercent;
    if (total <= 100.0)
        return {};
    QStringList given;
    for (const QLatin1StringView name : { "--fault-percent"_L1, "--throttle-percent"_L1,
             "--error-percent"_L1, "--malformed-percent"_L1, "--slow-percent"_L1 }) {
        if (const auto value = scanned.value(name))
            given.append(name + u" "_s + *value);
    }
    return given.join(u" and "_s) + u" add up to "_s + QString::number(total, 'g', 17)
        + u" %, more than 100 %"_s;
}

// `arguments`: "emulator", then its options. Read as the main command reads its own (the option
// scanner, argparse's words); --help wins over every problem.
ParsedOptions parseOptions(const QStringList &arguments)
{
    ParsedOptions parsed;
    const options::ScannedArguments scanned
        = options::scanArguments(arguments.mid(1), optionSpecs());
    if (scanned.has(kHelp) || scanned.has(kHelpShort)) {
        parsed.help = true;
        return parsed;
    }
    QString &error = parsed.error;
    if (scanned.error) {
        error = scanned.error->message;
        return parsed;
    }
    if (!scanned.unknownOptions.isEmpty()) {
        // Names only: the value of a mistyped --secret-access-key=… is a secret all the same.
        QStringList names;
        for (const QString &option : scanned.unknownOptions)
            names.append(option.section(u'=', 0, 0));
        error = u"Unknown options: "_s + names.join(u", "_s);
        return parsed;
    }
    if (!scanned.positionals.isEmpty()) {
        error = u"unexpected argument '"_s + scanned.positionals.first() + u"'"_s;
        return parsed;
    }
    if (scanned.has(kFrom) && (scanned.has(kFleet) || scanned.has(kSeed))) {
        error = u"--from serves saved files; it cannot be combined with --fleet or --seed"_s;
        return parsed;
    }
    // An empty directory name would silently mean "no archive": a generated fleet.
    if (const auto directory = scanned.value(kFrom); directory && directory->trimmed().isEmpty()) {
        error = u"--from expects a directory, not '"_s + *directory + u"'"_s;
        return parsed;
    }

    emulator::EmulatorOptions &options = parsed.options;
    options.ownThread = false; // this process does nothing else: serve on the main event loop
    if (auto port = numberOption<int>(scanned, "--port"_L1, 0, 65535, error))
        options.port = static_cast<quint16>(*port);
    if (auto fleet
        = numberOption<int>(scanned, kFleet, 1, emulator::GeneratedFleetSpec::kMaxCount, error))
        options.fleetSize = *fleet;
    if (auto seed = numberOption<qint64>(scanned, kSeed, 0, 9007199254740991.0, error))
        options.fleetSeed = static_cast<quint64>(*seed);
    options.churn.seed = options.fleetSeed;
    options.archiveDirectory = scanned.value(kFrom).value_or(QString());
    if (const auto region = scanned.value("--region"_L1))
        options.region = *region;
    const auto accessKeyId = scanned.value("--access-key-id"_L1);
    const auto secretAccessKey = secretOption(scanned, "--secret-access-key"_L1,
        kSecretAccessKeyFile, "LOOKOUT_EMULATOR_SECRET_ACCESS_KEY", error);
    if (accessKeyId)
        options.credentials.accessKeyId = *accessKeyId;
    if (secretAccessKey)
        options.credentials.secretAccessKey = *secretAccessKey;
    if (const auto token = secretOption(scanned, "--session-token"_L1, kSessionTokenFile,
            "LOOKOUT_EMULATOR_SESSION_TOKEN", error))
        options.credentials.sessionToken = *token;
    if (accessKeyId || secretAccessKey)
        options.credentials.source = u"emulator command line"_s;
    if (!error.isEmpty())
        return parsed;
    if (auto connections = numberOption<int>(scanned, "--max-connections"_L1, 1, 10000, error))
        options.limits.maxConnections = *connections;
    if (auto seconds = numberOption<double>(scanned, "--transition-seconds"_L1, 0, 3600, error)) {
        options.transitions.pendingMicros = static_cast<qint64>(*seconds * 1e6);
        options.transitions.stoppingMicros = options.transitions.pendingMicros;
    }
    options.churn.enabled = scanned.has(kChurn);
    if (auto interval
        = numberOption<qint64>(scanned, "--churn-interval-ms"_L1, 10, 86'400'000, error))
        options.churn.interval = std::chrono::milliseconds(*interval);
    if (auto percent = numberOption<double>(scanned, "--churn-percent"_L1, 0, 100, error))
        options.churn.changePercent = *percent;
    if (auto seed = numberOption<qint64>(scanned, "--churn-seed"_L1, 0, 9007199254740991.0, error))
        options.churn.seed = static_cast<quint64>(*seed);
    // --fault-percent spreads its share over every fault; a rate given on its own adds to its
    // part, so the mix as a whole is what validate() holds to 100 %.
    if (auto total = numberOption<double>(scanned, "--fault-percent"_L1, 0, 100, error))
        options.faults = emulator::FaultConfig::mixed(*total);
    if (auto percent = numberOption<double>(scanned, "--throttle-percent"_L1, 0, 100, error))
        options.faults.throttlingPercent += *percent;
    if (auto percent = numberOption<double>(scanned, "--error-percent"_L1, 0, 100, error))
        options.faults.internalErrorPercent += *percent;
    if (auto percent = numberOption<double>(scanned, "--malformed-percent"_L1, 0, 100, error))
        options.faults.malformedPercent += *percent;
    if (auto percent = numberOption<double>(scanned, "--slow-percent"_L1, 0, 100, error))
        options.faults.slowPercent += *percent;
    if (auto delay = numberOption<qint64>(scanned, "--slow-ms"_L1, 0, 120'000, error))
        options.faults.slowDelay = std::chrono::milliseconds(*delay);
    if (auto seed = numberOption<qint64>(scanned, "--fault-seed"_L1, 0, 9007199254740991.0, error))
        options.faults.seed = static_cast<quint64>(*seed);
    if (error.isEmpty())
        error = faultMixProblem(scanned, options.faults);
    if (error.isEmpty())
        error = options.validate();
    return parsed;
}

QString exportLines(const emulator::Emulator &server)
{
    const aws::AwsCredentials credentials = server.credentials();
    const QString endpoint = shellQuoted(server.endpoint().toString());
    // S3 is served on the same port: `aws s3`, the SDKs and `results NAME` read their own variable.
    QString lines = u"export "_s + lookout::service::description().endpointVariable() + u"="_s
        + endpoint + u"\n"_s + u"export "_s + aws::s3ServiceDescription().endpointVariable()
        + u"="_s + endpoint + u"\n"_s + u"export AWS_ACCESS_KEY_ID="_s
        + shellQuoted(credentials.accessKeyId) + u"\n"_s + u"export AWS_SECRET_ACCESS_KEY="_s
        + shellQuoted(credentials.secretAccessKey)
        + u"\n"_s
        // The AWS CLI v1 reads AWS_DEFAULT_REGION only; v2 and the SDKs read AWS_REGION first.
        + u"export AWS_REGION="_s + shellQuoted(server.region()) + u"\n"_s
        + u"export AWS_DEFAULT_REGION="_s + shellQuoted(server.region()) + u"\n"_s;
    // A token left over from real credentials would be sent along and refused.
    lines += credentials.hasSessionToken()
        ? u"export AWS_SESSION_TOKEN="_s + shellQuoted(credentials.sessionToken) + u"\n"_s
        : u"unset AWS_SESSION_TOKEN\n"_s;
    return lines;
}

} // namespace

int runEmulatorCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    const ParsedOptions parsed = parseOptions(arguments);
    if (parsed.help) {
        QTextStream(stdout) << helpText();
        return options::exitcode::kSuccess;
    }
    if (!parsed.error.isEmpty()) {
        err << appinfo::kBinaryName << " emulator: " << parsed.error << '\n'
            << "Run '" << appinfo::kBinaryName << " emulator --help' for the options.\n";
        return options::exitcode::kBadCommandLine;
    }

    // Ctrl+C, SIGTERM and SIGHUP end the serving as ordinary code: exit status 0.
    const core::InterruptWatcher terminationSignals;
    if (!terminationSignals.isInstalled()) {
        err << appinfo::kBinaryName << " emulator: cannot watch for SIGINT/SIGTERM/SIGHUP\n";
        return options::exitcode::kFailure;
    }
    QObject::connect(&terminationSignals, &core::InterruptWatcher::interrupted,
        QCoreApplication::instance(), &QCoreApplication::quit);
    // The library logs its start-up at info level; this command says the same in its own
    // "Lookout for Equipment emulator: …" line, once. A rule in QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(u"lookoutdesk.emulator.info=false"_s);
    emulator::Emulator server(parsed.options);
    const bool started = server.start();
    const QList<emulator::ArchiveProblem> skipped = server.archiveProblems();
    for (qsizetype i = 0; i < qMin(skipped.size(), kShownArchiveProblems); ++i)
        err << "skipped " << skipped.at(i).path << ": " << skipped.at(i).reason << '\n';
    if (skipped.size() > kShownArchiveProblems)
        err << "skipped " << skipped.size() - kShownArchiveProblems << " more files\n";
    if (!started) {
        err << appinfo::kBinaryName << " emulator: " << server.errorString() << '\n';
        return options::exitcode::kFailure;
    }

    // Everything a shell needs, flushed before serving, so `… > emulator.env &` is complete as
    // soon as the file is non-empty.
    QTextStream out(stdout);
    out << exportLines(server);
    out.flush();
    err << "Lookout for Equipment emulator: " << server.schedulerCount()
        << " inference schedulers on " << server.endpoint().toString() << " (region "
        << server.region() << "). Stop with Ctrl+C.\n";
    err.flush();

    QCoreApplication::exec();
    server.stop();
    err << "Lookout for Equipment emulator stopped.\n";
    return options::exitcode::kSuccess;
}

} // namespace cli
