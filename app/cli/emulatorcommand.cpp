#include "cli/emulatorcommand.h"

#include "appinfo.h"
#include "emulator/emulator.h"
#include "options/exitcodes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace cli {

namespace {

using namespace Qt::StringLiterals;

// SIGINT and SIGTERM become a byte on a socket pair, read by the event loop, so shutdown runs
// as ordinary code rather than inside a signal handler.
class TerminationSignals {
public:
    TerminationSignals()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_pipe) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = &TerminationSignals::onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_previousInt);
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        m_notifier.emplace(s_pipe[0], QSocketNotifier::Read);
        QObject::connect(&*m_notifier, &QSocketNotifier::activated, [] {
            char byte = 0;
            [[maybe_unused]] const ssize_t got = ::read(s_pipe[0], &byte, 1);
            QCoreApplication::quit();
        });
    }
    ~TerminationSignals()
    {
        if (!m_notifier)
            return;
        m_notifier.reset();
        ::sigaction(SIGINT, &m_previousInt, nullptr);
        ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        ::close(s_pipe[0]);
        ::close(s_pipe[1]);
    }
    TerminationSignals(const TerminationSignals &) = delete;
    TerminationSignals &operator=(const TerminationSignals &) = delete;

    bool isInstalled() const { return m_notifier.has_value(); }

private:
    static void onSignal(int)
    {
        const char byte = 1;
        [[maybe_unused]] const ssize_t written = ::write(s_pipe[1], &byte, 1);
    }

    static inline int s_pipe[2] = { -1, -1 };
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    std::optional<QSocketNotifier> m_notifier;
};

// A POSIX shell word: single quotes, with embedded ones spelled '\''.
QString shellQuoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + escaped + u"'"_s;
}

QString helpText()
{
    return QStringLiteral(
        "Usage: %1 emulator [OPTIONS]\n"
        "\n"
        "Serves a local Amazon Lookout for Equipment endpoint on 127.0.0.1. First prints shell\n"
        "lines that point the AWS CLI and %1 at it, then serves until Ctrl+C or SIGTERM:\n"
        "    %1 emulator --fleet 500 > emulator.env &\n"
        "    until [ -s emulator.env ]; do sleep 0.1; done; . ./emulator.env\n"
        "\n"
        "Fleet (one of):\n"
        "  --fleet N                  Generate N schedulers (1..100000; default 200).\n"
        "  --seed S                   Seed of the generated fleet (default 1).\n"
        "  --from DIR                 Serve the saved describe-inference-scheduler *.json files in "
        "DIR.\n"
        "Endpoint:\n"
        "  --port N                   TCP port on 127.0.0.1 (default: any free port).\n"
        "  --region R                 Region to accept and put in ARNs (default us-east-1).\n"
        "  --access-key-id ID         Access key to accept (default the demo key %2).\n"
        "  --secret-access-key KEY    Secret key to accept (default the demo secret).\n"
        "  --session-token TOKEN      Also require this session token.\n"
        "  --max-connections N        Concurrent connections before answering 503 (default 128).\n"
        "Behaviour:\n"
        "  --transition-seconds S     PENDING -> RUNNING and STOPPING -> STOPPED take S s (default "
        "5).\n"
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
        "malformed.\n"
        "  --fault-seed S             Seed of the fault draws (default 1).\n"
        "  -h, --help                 Print this help and exit.\n")
        .arg(QString::fromLatin1(appinfo::kBinaryName),
            QString::fromLatin1(emulator::EmulatorOptions::kDemoAccessKeyId));
}

struct ParsedOptions {
    emulator::EmulatorOptions options;
    bool help = false;
    QString error;
};

// Reads one numeric option; records the first problem in error.
template<typename T>
std::optional<T> numberOption(
    const QCommandLineParser &parser, const QString &name, double low, double high, QString &error)
{
    if (!parser.isSet(name) || !error.isEmpty())
        return std::nullopt;
    const QString text = parser.value(name);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < low || value > high
        || (std::is_integral_v<T> && value != static_cast<double>(static_cast<qint64>(value)))) {
        error = u"--"_s + name + u" expects "_s
            + (std::is_integral_v<T> ? u"an integer"_s : u"a number"_s) + u" within "_s
            + QString::number(low, 'g', 17) + u".."_s + QString::number(high, 'g', 17)
            + u", not '"_s + text + u"'"_s;
        return std::nullopt;
    }
    return static_cast<T>(value);
}

ParsedOptions parseOptions(const QStringList &arguments)
{
    ParsedOptions parsed;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QStringList valued = { u"port"_s, u"fleet"_s, u"seed"_s, u"from"_s, u"region"_s,
        u"access-key-id"_s, u"secret-access-key"_s, u"session-token"_s, u"max-connections"_s,
        u"transition-seconds"_s, u"churn-interval-ms"_s, u"churn-percent"_s, u"churn-seed"_s,
        u"throttle-percent"_s, u"error-percent"_s, u"malformed-percent"_s, u"slow-percent"_s,
        u"slow-ms"_s, u"fault-percent"_s, u"fault-seed"_s };
    for (const QString &name : valued)
        parser.addOption(QCommandLineOption(name, QString(), u"value"_s));
    parser.addOption(QCommandLineOption(u"churn"_s));
    parser.addOption(QCommandLineOption(QStringList { u"h"_s, u"help"_s }));
    parser.addPositionalArgument(u"command"_s, QString());

    // QCommandLineParser wants a program name first.
    if (!parser.parse(QStringList { QString::fromLatin1(appinfo::kBinaryName) } + arguments)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    if (parser.isSet(u"help"_s)) {
        parsed.help = true;
        return parsed;
    }
    if (parser.positionalArguments() != QStringList { QString::fromLatin1(kEmulatorCommand) }) {
        parsed.error = u"unexpected argument '"_s + parser.positionalArguments().value(1) + u"'"_s;
        return parsed;
    }
    if (parser.isSet(u"from"_s) && (parser.isSet(u"fleet"_s) || parser.isSet(u"seed"_s))) {
        parsed.error = u"--from serves saved files; it cannot be combined with --fleet or --seed"_s;
        return parsed;
    }

    emulator::EmulatorOptions &options = parsed.options;
    options.ownThread = false; // this process does nothing else: serve on the main event loop
    QString &error = parsed.error;
    if (auto port = numberOption<int>(parser, u"port"_s, 0, 65535, error))
        options.port = static_cast<quint16>(*port);
    if (auto fleet
        = numberOption<int>(parser, u"fleet"_s, 1, emulator::GeneratedFleetSpec::kMaxCount, error))
        options.fleetSize = *fleet;
    if (auto seed = numberOption<qint64>(parser, u"seed"_s, 0, 9007199254740991.0, error))
        options.fleetSeed = static_cast<quint64>(*seed);
    options.churn.seed = options.fleetSeed;
    options.archiveDirectory = parser.value(u"from"_s);
    if (parser.isSet(u"region"_s))
        options.region = parser.value(u"region"_s);
    if (parser.isSet(u"access-key-id"_s))
        options.credentials.accessKeyId = parser.value(u"access-key-id"_s);
    if (parser.isSet(u"secret-access-key"_s))
        options.credentials.secretAccessKey = parser.value(u"secret-access-key"_s);
    if (parser.isSet(u"session-token"_s))
        options.credentials.sessionToken = parser.value(u"session-token"_s);
    if (parser.isSet(u"access-key-id"_s) || parser.isSet(u"secret-access-key"_s))
        options.credentials.source = u"emulator command line"_s;
    if (auto connections = numberOption<int>(parser, u"max-connections"_s, 1, 10000, error))
        options.limits.maxConnections = *connections;
    if (auto seconds = numberOption<double>(parser, u"transition-seconds"_s, 0, 3600, error)) {
        options.transitions.pendingMicros = static_cast<qint64>(*seconds * 1e6);
        options.transitions.stoppingMicros = options.transitions.pendingMicros;
    }
    options.churn.enabled = parser.isSet(u"churn"_s);
    if (auto interval = numberOption<qint64>(parser, u"churn-interval-ms"_s, 10, 86'400'000, error))
        options.churn.interval = std::chrono::milliseconds(*interval);
    if (auto percent = numberOption<double>(parser, u"churn-percent"_s, 0, 100, error))
        options.churn.changePercent = *percent;
    if (auto seed = numberOption<qint64>(parser, u"churn-seed"_s, 0, 9007199254740991.0, error))
        options.churn.seed = static_cast<quint64>(*seed);
    if (auto total = numberOption<double>(parser, u"fault-percent"_s, 0, 100, error))
        options.faults = emulator::FaultConfig::mixed(*total);
    if (auto percent = numberOption<double>(parser, u"throttle-percent"_s, 0, 100, error))
        options.faults.throttlingPercent = *percent;
    if (auto percent = numberOption<double>(parser, u"error-percent"_s, 0, 100, error))
        options.faults.internalErrorPercent = *percent;
    if (auto percent = numberOption<double>(parser, u"malformed-percent"_s, 0, 100, error))
        options.faults.malformedPercent = *percent;
    if (auto percent = numberOption<double>(parser, u"slow-percent"_s, 0, 100, error))
        options.faults.slowPercent = *percent;
    if (auto delay = numberOption<qint64>(parser, u"slow-ms"_s, 0, 120'000, error))
        options.faults.slowDelay = std::chrono::milliseconds(*delay);
    if (auto seed = numberOption<qint64>(parser, u"fault-seed"_s, 0, 9007199254740991.0, error))
        options.faults.seed = static_cast<quint64>(*seed);
    if (error.isEmpty())
        error = options.validate();
    return parsed;
}

QString exportLines(const emulator::Emulator &server)
{
    const aws::AwsCredentials credentials = server.credentials();
    QString lines = u"export AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT="_s
        + shellQuoted(server.endpoint().toString()) + u"\n"_s + u"export AWS_ACCESS_KEY_ID="_s
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

    const TerminationSignals terminationSignals;
    if (!terminationSignals.isInstalled()) {
        err << appinfo::kBinaryName << " emulator: cannot watch for SIGINT/SIGTERM\n";
        return options::exitcode::kFailure;
    }
    emulator::Emulator server(parsed.options);
    const bool started = server.start();
    for (const emulator::ArchiveProblem &problem : server.archiveProblems())
        err << "skipped " << problem.path << ": " << problem.reason << '\n';
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
