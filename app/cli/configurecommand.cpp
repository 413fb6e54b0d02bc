#include "cli/configurecommand.h"

#include "appinfo.h"
#include "aws/awsprofiles.h"
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "cli/exportcredentials.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTextStream>

#include <csignal>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace cli {

namespace {

constexpr int kExitBadCommandLine = 252;
constexpr int kExitInterrupted = 130;

constexpr QLatin1String kListProfiles("list-profiles");
constexpr QLatin1String kExportCredentials("export-credentials");

QString usageText()
{
    return QStringLiteral(
        "Usage: %1 configure --profile NAME [--delete]\n"
        "       %1 configure list-profiles\n"
        "       %1 configure export-credentials [--profile NAME] [--format FORMAT]\n"
        "\n"
        "Keeps a profile's keys in the OS keychain (service \"lookout-desk\"), never in a file.\n"
        "Asks like \"aws configure\": AWS Access Key ID, AWS Secret Access Key (not echoed),\n"
        "AWS Session Token (optional), Default region name. When standard input is not a\n"
        "terminal, the same four lines are read from it. The name must not be one of the\n"
        "profiles in ~/.aws/config or ~/.aws/credentials.\n"
        "\n"
        "  --profile NAME   the keychain profile to create, replace or delete\n"
        "  --delete         remove the profile and its keychain entry\n"
        "  list-profiles    list the ~/.aws profiles and the keychain profiles\n"
        "  export-credentials  print the profile's credentials as \"aws configure\n"
        "                   export-credentials\" does; --format process (the default), env,\n"
        "                   env-no-export, powershell or windows-cmd\n"
        "  -h, --help       print this help and exit\n")
        .arg(QString::fromLatin1(appinfo::kBinaryName));
}

QTextStream &standardOutput()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &standardError()
{
    static QTextStream stream(stderr);
    return stream;
}

int badCommandLine(const QString &message)
{
    standardError() << message << "\n\n" << usageText();
    standardError().flush();
    return kExitBadCommandLine;
}

int fail(const aws::AwsError &error)
{
    standardError() << error.toString() << '\n';
    standardError().flush();
    return error.kind == aws::AwsError::Kind::InvalidParameter ? kExitBadCommandLine
                                                               : error.exitCode();
}

// The terminal as it was before echo was turned off, restored by the Ctrl+C handler too.
termios g_savedTerminal;
volatile std::sig_atomic_t g_echoIsOff = 0;

void onInterrupt(int)
{
    if (g_echoIsOff)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    static const char newline = '\n';
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, &newline, 1);
    ::_exit(kExitInterrupted);
}

// Asks questions on the terminal, or reads the answers from piped stdin, one line each.
class Prompter {
public:
    Prompter()
        : m_input(stdin)
        , m_isTerminal(::isatty(STDIN_FILENO) == 1)
    {
        struct sigaction action = {};
        action.sa_handler = &onInterrupt;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &m_previousInterrupt);
    }
    ~Prompter()
    {
        restoreEcho();
        ::sigaction(SIGINT, &m_previousInterrupt, nullptr);
    }
    Prompter(const Prompter &) = delete;
    Prompter &operator=(const Prompter &) = delete;

    enum class Echo { Shown, Hidden }; // Hidden: the terminal does not show what is typed

    // The trimmed answer; empty at the end of the input.
    QString ask(const QString &question, Echo echo)
    {
        standardOutput() << question << ' ';
        standardOutput().flush();
        if (echo == Echo::Hidden && m_isTerminal
            && ::tcgetattr(STDIN_FILENO, &g_savedTerminal) == 0) {
            termios quiet = g_savedTerminal;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            g_echoIsOff = 1;
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
        QString answer = m_input.readLine().trimmed();
        if (g_echoIsOff) {
            restoreEcho();
            standardOutput() << '\n'; // the Enter the terminal did not echo
        } else if (!m_isTerminal) {
            standardOutput() << '\n'; // keep piped transcripts one prompt a line
        }
        standardOutput().flush();
        return answer;
    }

private:
    static void restoreEcho()
    {
        if (!g_echoIsOff)
            return;
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        g_echoIsOff = 0;
    }

    QTextStream m_input;
    bool m_isTerminal;
    struct sigaction m_previousInterrupt = {};
};

// Runs an asynchronous store call to its end on a local event loop.
template<typename T, typename Start> aws::Result<T> waitFor(Start start)
{
    std::optional<aws::Result<T>> outcome;
    QEventLoop loop;
    start([&](const aws::Result<T> &result) {
        outcome = result;
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return *outcome;
}

void printProblems(const aws::AwsProfiles &profiles)
{
    for (const QString &problem : aws::problemLines(profiles.problems()))
        standardError() << "Warning: " << problem << '\n';
    standardError().flush();
}

int listProfiles(aws::KeychainProfileStore &store)
{
    const aws::ConfigResolver resolver = aws::ConfigResolver::forCurrentProcess(&store);
    printProblems(resolver.sharedProfiles());
    for (const aws::ProfileListEntry &entry : resolver.profiles()) {
        standardOutput() << entry.name;
        if (entry.origin == aws::ProfileListEntry::Origin::Keychain)
            standardOutput() << (entry.shadowed
                    ? "  (keychain; hidden by the ~/.aws profile of the same name)"
                    : "  (keychain)");
        standardOutput() << '\n';
    }
    standardOutput().flush();
    return 0;
}

int deleteProfile(
    aws::KeychainProfileStore &store, const QString &name, const aws::AwsProfiles &shared)
{
    if (!store.profile(name)) {
        if (const aws::AwsProfile *sharedProfile = shared.profile(name)) {
            standardError() << QStringLiteral(
                "The profile %1 is not a keychain profile: it is %2. "
                "configure --delete removes only keychain profiles.\n")
                                   .arg(name, sharedProfile->description());
            standardError().flush();
            return kExitBadCommandLine;
        }
    }
    const aws::Result<bool> removed
        = waitFor<bool>([&](auto done) { store.remove(name, nullptr, done); });
    if (!removed.ok())
        return fail(removed.error());
    standardOutput() << QStringLiteral("Removed keychain profile %1.\n").arg(name);
    standardOutput().flush();
    return 0;
}

int storeProfile(aws::KeychainProfileStore &store, const QString &name)
{
    // Nobody should type four answers only to hear there is nowhere to keep them.
    const aws::Result<bool> usable
        = waitFor<bool>([&](auto done) { store.probe(name, nullptr, done); });
    if (!usable.ok()) {
        aws::AwsError error = usable.error();
        error.message
            += QStringLiteral(" Nothing was stored: Lookout Desk never writes keys in plain text.");
        return fail(error);
    }
    aws::KeychainSecret secret;
    QString region;
    {
        Prompter prompter;
        secret.accessKeyId
            = prompter.ask(QStringLiteral("AWS Access Key ID:"), Prompter::Echo::Shown);
        secret.secretAccessKey
            = prompter.ask(QStringLiteral("AWS Secret Access Key:"), Prompter::Echo::Hidden);
        secret.sessionToken
            = prompter.ask(QStringLiteral("AWS Session Token (optional):"), Prompter::Echo::Hidden);
        region = prompter.ask(QStringLiteral("Default region name:"), Prompter::Echo::Shown);
    }
    if (secret.accessKeyId.isEmpty())
        return badCommandLine(
            QStringLiteral("No AWS Access Key ID was given; nothing was stored."));
    if (secret.secretAccessKey.isEmpty())
        return badCommandLine(
            QStringLiteral("No AWS Secret Access Key was given; nothing was stored."));

    // Re-configuring keeps what the prompts do not ask for (the endpoint set in the app).
    aws::KeychainProfile profile
        = store.profile(name).value_or(aws::KeychainProfile { name, {}, {} });
    profile.region = region;
    const aws::Result<aws::KeychainSaveOutcome> saved
        = waitFor<aws::KeychainSaveOutcome>([&](auto done) {
              store.save(profile, secret, aws::KeychainProfileStore::Fallback::Fail, nullptr, done);
          });
    if (!saved.ok())
        return fail(saved.error());
    standardOutput() << QStringLiteral("Stored profile %1 in the keychain (service %2).\n")
                            .arg(name, store.service());
    standardOutput().flush();
    return 0;
}

} // namespace

int runConfigureCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption deleteOption(QStringLiteral("delete"));
    const QCommandLineOption formatOption(
        QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("process"));
    const QCommandLineOption helpOption(
        QStringList { QStringLiteral("h"), QStringLiteral("help") });
    parser.addOptions({ profileOption, deleteOption, formatOption, helpOption });
    if (!parser.parse(arguments))
        return badCommandLine(parser.errorText());
    if (parser.isSet(helpOption)) {
        standardOutput() << usageText();
        standardOutput().flush();
        return 0;
    }
    // parse() takes the first argument ("configure") for the program name.
    const QStringList positional = parser.positionalArguments();
    const bool listing = positional.size() == 1 && positional.first() == kListProfiles;
    const bool exporting = positional.size() == 1 && positional.first() == kExportCredentials;
    if (!positional.isEmpty() && !listing && !exporting)
        return badCommandLine(QStringLiteral("Unknown argument \"%1\".").arg(positional.first()));

    const std::unique_ptr<QSettings> settings = aws::KeychainProfileStore::openDefaultSettings();
    aws::KeychainProfileStore store(settings.get());
    if (listing) {
        if (parser.isSet(profileOption) || parser.isSet(deleteOption))
            return badCommandLine(QStringLiteral("list-profiles takes no --profile or --delete."));
        return listProfiles(store);
    }
    if (exporting) {
        const std::optional<CredentialFormat> format
            = credentialFormatNamed(parser.value(formatOption));
        if (!format || parser.isSet(deleteOption))
            return badCommandLine(format
                    ? QStringLiteral("export-credentials takes no --delete.")
                    : QStringLiteral("--format must be one of: %1").arg(credentialFormatNames()));
        return exportCredentials(
            parser.value(profileOption), *format, &store, standardOutput(), standardError());
    }
    if (parser.isSet(formatOption))
        return badCommandLine(QStringLiteral("--format goes with export-credentials only."));
    if (!parser.isSet(profileOption))
        return badCommandLine(QStringLiteral("configure needs --profile NAME."));
    const QString name = parser.value(profileOption);
    if (const auto problem = aws::KeychainProfileStore::nameProblem(name))
        return badCommandLine(*problem);

    const aws::AwsProfiles shared
        = aws::AwsProfiles::load(QProcessEnvironment::systemEnvironment(), QDir::homePath());
    printProblems(shared);
    if (parser.isSet(deleteOption))
        return deleteProfile(store, name, shared);
    if (const auto clash = aws::KeychainProfileStore::sharedProfileClash(name, shared)) {
        standardError() << *clash << '\n';
        standardError().flush();
        return kExitBadCommandLine;
    }
    return storeProfile(store, name);
}

} // namespace cli
