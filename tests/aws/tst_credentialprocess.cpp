// credential_process: shell-like splitting without a shell, the Version 1 JSON, and running the
// command (exit status, stderr, timeout, output limit) with tiny scripts in a temporary directory.
#include "aws/credentialprocess.h"
#include "executablescript.h"
#include "processresources.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>

using aws::AwsCredentials;
using aws::AwsError;
using aws::CredentialProcessOptions;
using aws::CredentialProcessRunner;
using aws::Result;
using testing_support::writeExecutableScript;

namespace {

const QDateTime kNow = QDateTime(QDate(2025, 6, 1), QTime(12, 0), QTimeZone::utc());
const QByteArray kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

// Runs the command and waits (on the event loop, bounded) for its result; empty when none came.
std::optional<Result<AwsCredentials>> runToEnd(CredentialProcessRunner &runner)
{
    std::optional<Result<AwsCredentials>> outcome;
    runner.run(nullptr, [&](const Result<AwsCredentials> &result) { outcome = result; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000))
        return std::nullopt;
    return outcome;
}

CredentialProcessOptions quickOptions()
{
    CredentialProcessOptions options;
    options.timeout = std::chrono::milliseconds(20'000);
    return options;
}

} // namespace

class TestCredentialProcess : public QObject {
    Q_OBJECT
private slots:
    void init();

    void split_data();
    void split();
    void split_brokenQuoting_data();
    void split_brokenQuoting();

    void parse_full();
    void parse_minimal_hasNoExpiration();
    void parse_expirationForms_data();
    void parse_expirationForms();
    void parse_errors_data();
    void parse_errors();

    void run_success_passesArgumentsAndEnvironment();
    void run_nonZeroExit_stderrIsTheMessage();
    void run_stderrWithTerminalEscapes_shownAsVisibleEscapes();
    void run_nonZeroExitWithoutStderr_saysTheStatus();
    void run_badJson();
    void run_wrongVersion();
    void run_expiredCredentials();
    void run_timeout_killsTheCommand();
    void run_outputTooLarge_isRefused();
    void run_missingProgram();
    void run_killedBySignal();
    void run_emptyOrUnsplittableCommand_failsAtOnce();
    void run_contextDestroyed_callbackNeverRuns();
    void destroyingRunner_killsTheCommand();
    void timeout_endsTheCommandsChildren();
    void destroyingRunner_endsTheCommandsChildren();
    void childIgnoringSigterm_isKilled();
    void outputTooLarge_endsTheCommandsChildren();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString script(const QByteArray &body);
    // A command that starts `child` in the background, writes its pid to a file and then waits.
    QString spawningScript(const QByteArray &child, const QByteArray &then = "wait\n");
    // The pid the command's child wrote, once it has.
    pid_t childPid();
};

void TestCredentialProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCredentialProcess::script(const QByteArray &body)
{
    static int counter = 0;
    return writeExecutableScript(
        m_dir->path(), QStringLiteral("process-%1.sh").arg(++counter), body);
}

void TestCredentialProcess::split_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("only spaces") << QStringLiteral("   \t ") << QStringList();
    QTest::newRow("words") << QStringLiteral("tool --profile prod")
                           << QStringList { "tool", "--profile", "prod" };
    QTest::newRow("runs of whitespace")
        << QStringLiteral("  tool \t a\n b  ") << QStringList { "tool", "a", "b" };
    QTest::newRow("single quotes keep everything") << QStringLiteral(
        R"(tool 'a b' '$HOME \x "q"')") << QStringList { "tool", "a b", R"($HOME \x "q")" };
    QTest::newRow("double quotes with escapes")
        << QStringLiteral(R"(tool "a \"b\" c\\d \x")") << QStringList { "tool", R"(a "b" c\d \x)" };
    QTest::newRow("backslash outside quotes escapes the next character")
        << QStringLiteral(R"(tool a\ b \'c\')") << QStringList { "tool", "a b", "'c'" };
    QTest::newRow("adjacent quoted parts join")
        << QStringLiteral(R"(tool a"b c"'d e'f)") << QStringList { "tool", "ab cd ef" };
    QTest::newRow("empty quoted word is kept")
        << QStringLiteral("tool '' \"\"") << QStringList { "tool", "", "" };
    QTest::newRow("no shell features: pipes and variables are words") << QStringLiteral(
        "tool | cat $HOME > out") << QStringList { "tool", "|", "cat", "$HOME", ">", "out" };
    QTest::newRow("aws export-credentials")
        << QStringLiteral("aws configure export-credentials --profile sso-prod --format process")
        << QStringList { "aws", "configure", "export-credentials", "--profile", "sso-prod",
               "--format", "process" };
}

void TestCredentialProcess::split()
{
    QFETCH(QString, commandLine);
    QFETCH(QStringList, words);
    const Result<QStringList> result = aws::splitCommandLine(commandLine);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value(), words);
}

void TestCredentialProcess::split_brokenQuoting_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("message");
    QTest::newRow("unterminated single")
        << QStringLiteral("tool 'abc") << QStringLiteral("unterminated single quote");
    QTest::newRow("unterminated double")
        << QStringLiteral("tool \"abc") << QStringLiteral("unterminated double quote");
    QTest::newRow("trailing backslash")
        << QStringLiteral("tool abc\\") << QStringLiteral("backslash");
}

void TestCredentialProcess::split_brokenQuoting()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, message);
    const Result<QStringList> result = aws::splitCommandLine(commandLine);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, AwsError::Kind::Configuration);
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
}

void TestCredentialProcess::parse_full()
{
    const QByteArray output = R"({"Version": 1, "AccessKeyId": "ASIAEXAMPLE", "SecretAccessKey": ")"
        + kSecret
        + R"(", "SessionToken": "TOKEN", "Expiration": "2025-06-01T13:00:00Z", "AccountId": "123"})";
    const Result<AwsCredentials> result = aws::parseCredentialProcessOutput(output, kNow);
    QVERIFY(result.ok());
    QCOMPARE(result.value().accessKeyId, QStringLiteral("ASIAEXAMPLE"));
    QCOMPARE(result.value().secretAccessKey, QString::fromLatin1(kSecret));
    QCOMPARE(result.value().sessionToken, QStringLiteral("TOKEN"));
    QCOMPARE(
        *result.value().expiration, QDateTime(QDate(2025, 6, 1), QTime(13, 0), QTimeZone::utc()));
}

void TestCredentialProcess::parse_minimal_hasNoExpiration()
{
    const Result<AwsCredentials> result = aws::parseCredentialProcessOutput(
        R"({"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"S","SessionToken":null})", kNow);
    QVERIFY(result.ok());
    QVERIFY(!result.value().expiration);
    QVERIFY(!result.value().hasSessionToken());
}

void TestCredentialProcess::parse_expirationForms_data()
{
    QTest::addColumn<QString>("expiration");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime oneOClock(QDate(2025, 6, 1), QTime(13, 0), QTimeZone::utc());
    QTest::newRow("Z") << QStringLiteral("2025-06-01T13:00:00Z") << oneOClock;
    QTest::newRow("offset") << QStringLiteral("2025-06-01T15:00:00+02:00") << oneOClock;
    QTest::newRow("milliseconds") << QStringLiteral("2025-06-01T13:00:00.000Z") << oneOClock;
    QTest::newRow("no zone is UTC") << QStringLiteral("2025-06-01T13:00:00") << oneOClock;
}

void TestCredentialProcess::parse_expirationForms()
{
    QFETCH(QString, expiration);
    QFETCH(QDateTime, expected);
    const Result<AwsCredentials> result = aws::parseCredentialProcessOutput(
        QStringLiteral(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"%1"})")
            .arg(expiration)
            .toUtf8(),
        kNow);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(*result.value().expiration, expected);
}

void TestCredentialProcess::parse_errors_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("message");
    const QByteArray secret = R"(,"SecretAccessKey":")" + kSecret + '"';
    QTest::newRow("not JSON") << QByteArray("AccessKeyId=A " + kSecret)
                              << QStringLiteral("not valid JSON");
    QTest::newRow("empty output") << QByteArray() << QStringLiteral("not valid JSON");
    QTest::newRow("not an object") << QByteArray("[1]") << QStringLiteral("not a JSON object");
    QTest::newRow("no Version") << QByteArray(R"({"AccessKeyId":"A")" + secret
        + "}") << QStringLiteral("Unsupported version '<Version key not provided>'");
    QTest::newRow("Version 2") << QByteArray(R"({"Version":2,"AccessKeyId":"A")" + secret + "}")
                               << QStringLiteral(
                                      "Unsupported version '2' for credential process provider, "
                                      "supported versions: 1");
    QTest::newRow("Version as a string")
        << QByteArray(R"({"Version":"1","AccessKeyId":"A")" + secret + "}")
        << QStringLiteral("Unsupported version '1'");
    QTest::newRow("no AccessKeyId")
        << QByteArray(R"({"Version":1)" + secret + "}")
        << QStringLiteral("Missing required key in response: 'AccessKeyId'");
    QTest::newRow("no SecretAccessKey")
        << QByteArray(R"({"Version":1,"AccessKeyId":"A"})")
        << QStringLiteral("Missing required key in response: 'SecretAccessKey'");
    QTest::newRow("AccessKeyId not a string")
        << QByteArray(R"({"Version":1,"AccessKeyId":5)" + secret + "}")
        << QStringLiteral("'AccessKeyId' is not a non-empty string");
    QTest::newRow("SessionToken not a string")
        << QByteArray(R"({"Version":1,"AccessKeyId":"A")" + secret + R"(,"SessionToken":7})")
        << QStringLiteral("'SessionToken' is not a string");
    QTest::newRow("Expiration not a time")
        << QByteArray(R"({"Version":1,"AccessKeyId":"A")" + secret + R"(,"Expiration":"tomorrow"})")
        << QStringLiteral("'Expiration' is not an ISO 8601 time");
    QTest::newRow("already expired") << QByteArray(
        R"({"Version":1,"AccessKeyId":"A")" + secret + R"(,"Expiration":"2025-06-01T11:59:59Z"})")
                                     << QStringLiteral("expired at 2025-06-01T11:59:59Z");
}

void TestCredentialProcess::parse_errors()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, message);
    const Result<AwsCredentials> result = aws::parseCredentialProcessOutput(output, kNow);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, AwsError::Kind::Credentials);
    QVERIFY2(result.error().message.startsWith(
                 QLatin1String("Error when retrieving credentials from custom-process: ")),
        qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    QVERIFY(!result.error().message.contains(QString::fromLatin1(kSecret)));
}

void TestCredentialProcess::run_success_passesArgumentsAndEnvironment()
{
    const QString path = script(
        R"(printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s", "SessionToken": "%s"}' "$1" "$FROM_ENV" "$2")");
    CredentialProcessOptions options = quickOptions();
    options.environment.insert(QStringLiteral("FROM_ENV"), QStringLiteral("secret-from-env"));
    CredentialProcessRunner runner(QStringLiteral("'%1' 'key id' \"token value\"").arg(path),
        QStringLiteral("profile test"), options, [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY2(outcome->ok(), qPrintable(outcome->ok() ? QString() : outcome->error().message));
    QCOMPARE(outcome->value().accessKeyId, QStringLiteral("key id"));
    QCOMPARE(outcome->value().secretAccessKey, QStringLiteral("secret-from-env"));
    QCOMPARE(outcome->value().sessionToken, QStringLiteral("token value"));
    QCOMPARE(outcome->value().source, QStringLiteral("credential_process of profile test"));
    QVERIFY(!runner.isRunning());
}

void TestCredentialProcess::run_nonZeroExit_stderrIsTheMessage()
{
    const QString path
        = script("echo 'partial output' ; echo 'Token for sso-prod has expired' >&2 ; exit 3\n");
    CredentialProcessRunner runner(
        path, QStringLiteral("profile prod in /c line 2"), quickOptions(), [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().kind, AwsError::Kind::Credentials);
    QCOMPARE(outcome->error().message,
        QStringLiteral(
            "Error when retrieving credentials from custom-process: Token for sso-prod has "
            "expired (credential_process of profile prod in /c line 2)"));
    QCOMPARE(outcome->error().exitCode(), 253);
}

void TestCredentialProcess::run_stderrWithTerminalEscapes_shownAsVisibleEscapes()
{
    // A window title, a screen clear and a direction override: shown, not acted on. Its lines
    // stay lines.
    const QString path = script("printf 'first line\\n\\033]0;owned\\007\\033[2J\\342\\200\\256"
                                "evil\\rtail\\n' >&2 ; exit 1\n");
    CredentialProcessRunner runner(
        path, QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().message,
        QStringLiteral("Error when retrieving credentials from custom-process: first line\n"
                       "\\x1b]0;owned\\x07\\x1b[2J\\u202eevil\\rtail (credential_process of "
                       "profile p)"));
}

void TestCredentialProcess::run_nonZeroExitWithoutStderr_saysTheStatus()
{
    CredentialProcessRunner runner(
        script("exit 7\n"), QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(QLatin1String("exited with status 7")),
        qPrintable(outcome->error().message));
}

void TestCredentialProcess::run_badJson()
{
    CredentialProcessRunner runner(script("echo 'AccessKeyId: nope'\n"),
        QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(QLatin1String("not valid JSON")),
        qPrintable(outcome->error().message));
    QVERIFY(outcome->error().message.contains(QLatin1String("(credential_process of profile p)")));
}

void TestCredentialProcess::run_wrongVersion()
{
    CredentialProcessRunner runner(
        script(R"(echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}')"
               "\n"),
        QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(QLatin1String("Unsupported version '2'")),
        qPrintable(outcome->error().message));
}

void TestCredentialProcess::run_expiredCredentials()
{
    CredentialProcessRunner runner(
        script(
            R"(echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "2025-06-01T11:00:00Z"}')"
            "\n"),
        QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(QLatin1String("expired at 2025-06-01T11:00:00Z")),
        qPrintable(outcome->error().message));
}

void TestCredentialProcess::run_timeout_killsTheCommand()
{
    CredentialProcessOptions options = quickOptions();
    options.timeout = std::chrono::milliseconds(150);
    CredentialProcessRunner runner(
        script("exec sleep 60\n"), QStringLiteral("profile slow"), options, [] { return kNow; });
    QElapsedTimer elapsed;
    elapsed.start();
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(elapsed.elapsed() < 15'000); // not the 60 s of the command
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(
                 QLatin1String("did not finish within 0.15 s and was stopped")),
        qPrintable(outcome->error().message));
    QVERIFY(!runner.isRunning());
}

void TestCredentialProcess::run_outputTooLarge_isRefused()
{
    CredentialProcessOptions options = quickOptions();
    options.maxOutputBytes = 1024;
    CredentialProcessRunner runner(script("head -c 200000 /dev/zero | tr '\\0' 'x'\n"),
        QStringLiteral("profile big"), options, [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(QLatin1String("more than 1 KiB")),
        qPrintable(outcome->error().message));
}

void TestCredentialProcess::run_missingProgram()
{
    CredentialProcessRunner runner(
        m_dir->filePath(QStringLiteral("no-such-tool")) + QStringLiteral(" --x"),
        QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(QLatin1String("could not start")),
        qPrintable(outcome->error().message));
    QVERIFY(outcome->error().message.contains(QLatin1String("no-such-tool")));
}

void TestCredentialProcess::run_killedBySignal()
{
    CredentialProcessRunner runner(script("echo 'dying' >&2\nkill -9 $$\n"),
        QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
    const auto outcome = runToEnd(runner);
    QVERIFY(outcome);
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(QLatin1String("dying")),
        qPrintable(outcome->error().message));
}

void TestCredentialProcess::run_emptyOrUnsplittableCommand_failsAtOnce()
{
    for (const QString &command : { QStringLiteral("  "), QStringLiteral("tool 'open") }) {
        CredentialProcessRunner runner(
            command, QStringLiteral("profile p in /c line 4"), quickOptions(), [] { return kNow; });
        std::optional<Result<AwsCredentials>> outcome;
        runner.run(nullptr, [&](const Result<AwsCredentials> &result) { outcome = result; });
        QVERIFY(outcome.has_value()); // synchronously: nothing was started
        QVERIFY(!outcome->ok());
        QCOMPARE(outcome->error().kind, AwsError::Kind::Configuration);
        QVERIFY2(outcome->error().message.endsWith(QLatin1String("(profile p in /c line 4)")),
            qPrintable(outcome->error().message));
    }
}

void TestCredentialProcess::run_contextDestroyed_callbackNeverRuns()
{
    const QString marker = m_dir->filePath(QStringLiteral("done"));
    CredentialProcessRunner runner(
        script(R"(echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S"}'; touch "$1")"
               "\n")
            + u' ' + marker,
        QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
    auto context = std::make_unique<QObject>();
    bool called = false;
    runner.run(context.get(), [&](const Result<AwsCredentials> &) { called = true; });
    context.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isRunning(), 20'000);
    QVERIFY(QFile::exists(marker));
    QVERIFY(!called);
}

void TestCredentialProcess::destroyingRunner_killsTheCommand()
{
    const QString pidFile = m_dir->filePath(QStringLiteral("pid"));
    bool called = false;
    {
        CredentialProcessRunner runner(script("echo $$ > \"$1\"\nexec sleep 60\n") + u' ' + pidFile,
            QStringLiteral("profile p"), quickOptions(), [] { return kNow; });
        runner.run(nullptr, [&](const Result<AwsCredentials> &) { called = true; });
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 20'000);
    }
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const pid_t pid = file.readAll().trimmed().toInt();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid, 0), -1); // killed and reaped
    QCOMPARE(errno, ESRCH);
    QVERIFY(!called);
}

QString TestCredentialProcess::spawningScript(const QByteArray &child, const QByteArray &then)
{
    const QByteArray pidFile = QFile::encodeName(m_dir->filePath(QStringLiteral("child-pid")));
    return script(child + " &\necho $! > '" + pidFile + "'\n" + then);
}

pid_t TestCredentialProcess::childPid()
{
    QFile file(m_dir->filePath(QStringLiteral("child-pid")));
    if (!QTest::qWaitFor([&] { return file.exists() && file.size() > 0; }, 20'000))
        return 0;
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return static_cast<pid_t>(file.readAll().trimmed().toInt());
}

// The command's children are ended with it: a script killed at its timeout used to leave its
// children running, unseen, for as long as they liked.
void TestCredentialProcess::timeout_endsTheCommandsChildren()
{
    CredentialProcessOptions options = quickOptions();
    options.timeout = std::chrono::milliseconds(500);
    CredentialProcessRunner runner(
        spawningScript("sleep 60"), QStringLiteral("profile slow"), options, [] { return kNow; });
    std::optional<Result<AwsCredentials>> outcome;
    runner.run(nullptr, [&](const Result<AwsCredentials> &result) { outcome = result; });
    const pid_t child = childPid();
    QVERIFY(child > 0);
    QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000));
    QVERIFY(!outcome->ok());
    QVERIFY2(outcome->error().message.contains(QLatin1String("was stopped")),
        qPrintable(outcome->error().message));
    QTRY_VERIFY_WITH_TIMEOUT(!testsupport::isRunning(child), 20'000);
}

void TestCredentialProcess::destroyingRunner_endsTheCommandsChildren()
{
    pid_t child = 0;
    {
        CredentialProcessRunner runner(spawningScript("sleep 60"), QStringLiteral("profile p"),
            quickOptions(), [] { return kNow; });
        runner.run(nullptr, [](const Result<AwsCredentials> &) {});
        child = childPid();
        QVERIFY(child > 0);
        QVERIFY(testsupport::isRunning(child));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!testsupport::isRunning(child), 20'000);
}

void TestCredentialProcess::childIgnoringSigterm_isKilled()
{
    pid_t child = 0;
    {
        CredentialProcessOptions options = quickOptions();
        options.terminationGrace = std::chrono::milliseconds(200);
        CredentialProcessRunner runner(
            spawningScript("sh -c \"trap '' TERM; sleep 60\"", "trap '' TERM\nwait\n"),
            QStringLiteral("profile p"), options, [] { return kNow; });
        runner.run(nullptr, [](const Result<AwsCredentials> &) {});
        child = childPid();
        QVERIFY(child > 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!testsupport::isRunning(child), 20'000);
}

void TestCredentialProcess::outputTooLarge_endsTheCommandsChildren()
{
    CredentialProcessOptions options = quickOptions();
    options.maxOutputBytes = 1024;
    CredentialProcessRunner runner(
        spawningScript("sleep 60", "head -c 200000 /dev/zero | tr '\\0' 'x'\nwait\n"),
        QStringLiteral("profile big"), options, [] { return kNow; });
    std::optional<Result<AwsCredentials>> outcome;
    runner.run(nullptr, [&](const Result<AwsCredentials> &result) { outcome = result; });
    const pid_t child = childPid();
    QVERIFY(child > 0);
    QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000));
    QVERIFY(!outcome->ok());
    QTRY_VERIFY_WITH_TIMEOUT(!testsupport::isRunning(child), 20'000);
}

QTEST_GUILESS_MAIN(TestCredentialProcess)
#include "tst_credentialprocess.moc"
