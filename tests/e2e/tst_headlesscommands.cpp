// The built binary's headless commands against the emulator (in this process, on its own thread)
// the way a shell runs them: no display, no D-Bus session, AWS_* variables and temporary
// ~/.aws files; JSON, text and table output; the usage block and every exit status; Ctrl+C (and
// SIGTERM and SIGHUP, also for the window); and that nothing of the GUI stack is loaded on the way.
#include "emulator/emulator.h"
#include "executablescript.h"
#include "headlessrun.h"
#include "helpexample.h"
#include "processresources.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

class TestHeadlessCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void describe_listAndExecutions_withoutDisplayOrDbus();
    void outputFormats();
    void startAndStop();
    void usageErrors_exit252_data();
    void usageErrors_exit252();
    void parameterValidation_exit252();
    void configuration_exit253();
    void serviceError_exit254();
    void unreachable_exit255();
    void sigint_exit130();
    void signal_endsTheCredentialProcessAndItsChildren_data();
    void signal_endsTheCredentialProcessAndItsChildren();
    void signal_endsTheWindowAndItsCredentialProcess_data();
    void signal_endsTheWindowAndItsCredentialProcess();
    void configFileThatIsAPipe_isIgnoredAtOnce();
    void configFileWithRepeatedSection_isRefusedAsByTheCli();
    void configFileWithManyBadLines_warnsBriefly();
    void debug_goesToStderr();
    void commandHelp();
    void commandHelp_startAndStop_nameTheirOwnNewStatus();
    void commandHelp_example_worksAgainstTheEmulator_data();
    void commandHelp_example_worksAgainstTheEmulator();
    void commandHelp_example_endsWhenTheEmulatorCannotStart();
    void headlessPath_loadsNoGuiLibraries();

private:
    e2e::ProcessRun run(
        const QStringList &arguments, const QStringList &environment = {}, int timeoutMs = 60'000);
    QProcessEnvironment environmentWith(const QStringList &assignments) const;
    void signalWhileCredentialProcessRuns(const QStringList &arguments,
        const QStringList &environment, int signalNumber, int exitCode);

    std::unique_ptr<emulator::Emulator> m_emulator;
    QTemporaryDir m_dir;
    QString m_first;
};

void TestHeadlessCommands::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *name : { "config", "credentials" }) {
        QFile file(m_dir.filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(QDir(m_dir.path()).mkpath(u"home"_s));
    emulator::EmulatorOptions options;
    options.fleetSize = 700;
    options.transitions.pendingMicros = 3'600'000'000;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    const e2e::ProcessRun listed = run({ u"list"_s });
    QCOMPARE(listed.exitCode, 0);
    m_first = QJsonDocument::fromJson(listed.out)
                  .object()
                  .value(u"InferenceSchedulerSummaries"_s)
                  .toArray()
                  .first()
                  .toObject()
                  .value(u"InferenceSchedulerName"_s)
                  .toString();
    QVERIFY(!m_first.isEmpty());
}

QProcessEnvironment TestHeadlessCommands::environmentWith(const QStringList &assignments) const
{
    QProcessEnvironment environment = e2e::bareEnvironment();
    const aws::AwsCredentials credentials = m_emulator->credentials();
    environment.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
    environment.insert(u"AWS_CONFIG_FILE"_s, m_dir.filePath(u"config"_s));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir.filePath(u"credentials"_s));
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, credentials.accessKeyId);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, credentials.secretAccessKey);
    environment.insert(u"AWS_REGION"_s, m_emulator->region());
    environment.insert(u"AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT"_s, m_emulator->endpoint().toString());
    environment.insert(u"TZ"_s, u"UTC"_s);
    for (const QString &assignment : assignments) {
        if (assignment.endsWith(u'='))
            environment.remove(assignment.chopped(1));
        else
            environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    }
    return environment;
}

e2e::ProcessRun TestHeadlessCommands::run(
    const QStringList &arguments, const QStringList &environment, int timeoutMs)
{
    return e2e::runProcess(
        QStringLiteral(LOOKOUT_BINARY), arguments, environmentWith(environment), {}, timeoutMs);
}

void TestHeadlessCommands::describe_listAndExecutions_withoutDisplayOrDbus()
{
    const e2e::ProcessRun described = run({ u"describe"_s, m_first });
    QVERIFY(described.finished);
    QCOMPARE(described.exitCode, 0);
    QCOMPARE(described.err, QByteArray());
    const QJsonObject scheduler = QJsonDocument::fromJson(described.out).object();
    QCOMPARE(scheduler.value(u"InferenceSchedulerName"_s).toString(), m_first);
    QVERIFY(described.out.startsWith("{\n    \"ModelArn\": \"arn:aws:lookoutequipment:"));
    QVERIFY(scheduler.value(u"CreatedAt"_s).toString().endsWith(u"+00:00"_s));

    const e2e::ProcessRun listed = run({ u"list"_s });
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(listed.out)
                 .object()
                 .value(u"InferenceSchedulerSummaries"_s)
                 .toArray()
                 .size(),
        700);

    const e2e::ProcessRun executions = run({ u"executions"_s, m_first, u"--max-items"_s, u"5"_s });
    QCOMPARE(executions.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(executions.out)
                 .object()
                 .value(u"InferenceExecutionSummaries"_s)
                 .toArray()
                 .size(),
        5);
}

void TestHeadlessCommands::outputFormats()
{
    const e2e::ProcessRun text = run({ u"describe"_s, m_first, u"--output"_s, u"text"_s });
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("\nDATAINPUTCONFIGURATION\t"), text.out.constData());

    const e2e::ProcessRun table
        = run({ u"describe"_s, m_first, u"--output"_s, u"table"_s }, { u"COLUMNS=120"_s });
    QCOMPARE(table.exitCode, 0);
    const QList<QByteArray> lines = table.out.split('\n');
    QVERIFY(lines.size() > 10);
    QVERIFY2(lines.first().size() <= 120 || lines.at(3).startsWith("|  CreatedAt"),
        table.out.constData());
    QVERIFY(lines.at(1).contains("DescribeInferenceScheduler"));

    const e2e::ProcessRun fromEnvironment
        = run({ u"list"_s, u"--name-prefix"_s, m_first }, { u"AWS_DEFAULT_OUTPUT=text"_s });
    QCOMPARE(fromEnvironment.exitCode, 0);
    QVERIFY2(fromEnvironment.out.startsWith("INFERENCESCHEDULERSUMMARIES\t"),
        fromEnvironment.out.constData());
}

void TestHeadlessCommands::startAndStop()
{
    const e2e::ProcessRun listed = run({ u"list"_s, u"--status"_s, u"STOPPED"_s });
    const QString stopped = QJsonDocument::fromJson(listed.out)
                                .object()
                                .value(u"InferenceSchedulerSummaries"_s)
                                .toArray()
                                .first()
                                .toObject()
                                .value(u"InferenceSchedulerName"_s)
                                .toString();
    QVERIFY(!stopped.isEmpty());
    const e2e::ProcessRun started = run({ u"start"_s, stopped });
    QCOMPARE(started.exitCode, 0);
    QCOMPARE(
        QJsonDocument::fromJson(started.out).object().value(u"Status"_s).toString(), u"PENDING"_s);
    const e2e::ProcessRun stopping = run({ u"stop"_s, stopped });
    QCOMPARE(stopping.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(stopping.out).object().value(u"Status"_s).toString(),
        u"STOPPING"_s);
}

void TestHeadlessCommands::usageErrors_exit252_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("no command") << QStringList {
        u"--output"_s, u"json"_s
    } << QByteArray("lookout-desk: error: the following arguments are required: command\n");
    QTest::newRow("unknown command")
        << QStringList { u"lsit"_s }
        << QByteArray("lookout-desk: error: argument command: Invalid choice 'lsit', valid "
                      "choices are: describe | list | executions | events | start | stop | "
                      "results | configure | sso | emulator\n");
    QTest::newRow("missing name") << QStringList {
        u"describe"_s
    } << QByteArray("lookout-desk: error: the following arguments are required: NAME\n");
    QTest::newRow("unknown option") << QStringList { u"list"_s,
        u"--bogus"_s } << QByteArray("lookout-desk: error: Unknown options: --bogus\n");
    QTest::newRow("bad output")
        << QStringList { u"list"_s, u"--output"_s, u"xml"_s }
        << QByteArray("lookout-desk: error: argument --output: Invalid choice 'xml', valid "
                      "choices are: json | table | text | yaml | yaml-stream\n");
    QTest::newRow("bad timeout")
        << QStringList { u"list"_s, u"--read-timeout"_s, u"x"_s }
        << QByteArray("lookout-desk: error: argument --read-timeout: expected a number of "
                      "seconds from 0 (no timeout) to 2147483, not 'x'\n");
}

void TestHeadlessCommands::usageErrors_exit252()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, error);
    const e2e::ProcessRun refused = run(arguments);
    QCOMPARE(refused.exitCode, 252);
    QCOMPARE(refused.out, QByteArray());
    QCOMPARE(refused.err,
        QByteArray("usage: lookout-desk [options] <command> [parameters]\n"
                   "To see help text, you can run:\n"
                   "\n"
                   "  lookout-desk --help\n"
                   "  lookout-desk <command> --help\n"
                   "\n")
            + error);
}

void TestHeadlessCommands::parameterValidation_exit252()
{
    const e2e::ProcessRun refused = run({ u"describe"_s, u"bad/name"_s });
    QCOMPARE(refused.exitCode, 252);
    QCOMPARE(refused.err,
        QByteArray(
            "\nParameter validation failed:\nInvalid value for parameter InferenceSchedulerName, "
            "value: bad/name, valid pattern: ^[0-9a-zA-Z_-]{1,200}$\n"));
}

void TestHeadlessCommands::configuration_exit253()
{
    const e2e::ProcessRun noRegion = run({ u"list"_s }, { u"AWS_REGION="_s });
    QCOMPARE(noRegion.exitCode, 253);
    QCOMPARE(noRegion.err,
        QByteArray("\nYou must specify a region. You can also configure your region by running "
                   "\"aws configure\".\n"));
    const e2e::ProcessRun noProfile = run({ u"list"_s, u"--profile"_s, u"ghost"_s });
    QCOMPARE(noProfile.exitCode, 253);
    QCOMPARE(noProfile.err, QByteArray("\nThe config profile (ghost) could not be found\n"));
    const e2e::ProcessRun noKeys
        = run({ u"list"_s }, { u"AWS_ACCESS_KEY_ID="_s, u"AWS_SECRET_ACCESS_KEY="_s });
    QCOMPARE(noKeys.exitCode, 253);
    QCOMPARE(noKeys.err,
        QByteArray("\nUnable to locate credentials. You can configure credentials by running \"aws "
                   "configure\".\n"));
}

void TestHeadlessCommands::serviceError_exit254()
{
    const e2e::ProcessRun missing = run({ u"describe"_s, u"not-there"_s });
    QCOMPARE(missing.exitCode, 254);
    QCOMPARE(missing.err,
        QByteArray("\nAn error occurred (ResourceNotFoundException) when calling the "
                   "DescribeInferenceScheduler operation: Inference scheduler not-there does not "
                   "exist.\n"));
    QCOMPARE(missing.out, QByteArray());
}

void TestHeadlessCommands::unreachable_exit255()
{
    const e2e::ProcessRun refused = run(
        { u"list"_s, u"--endpoint-url"_s, u"http://127.0.0.1:9"_s }, { u"AWS_MAX_ATTEMPTS=1"_s });
    QCOMPARE(refused.exitCode, 255);
    QVERIFY2(
        refused.err.startsWith("\nCould not connect to the endpoint URL: \"http://127.0.0.1:9/\""),
        refused.err.constData());
}

void TestHeadlessCommands::sigint_exit130()
{
    emulator::FaultConfig slow;
    slow.slowPercent = 100;
    slow.slowDelay = std::chrono::milliseconds(60'000);
    QVERIFY(m_emulator->setFaults(slow));
    QProcess process;
    process.setProcessEnvironment(environmentWith({}));
    process.start(QStringLiteral(LOOKOUT_BINARY), { u"describe"_s, m_first });
    QVERIFY(process.waitForStarted(30'000));
    // Interrupt once the request is in flight: the emulator has a connection.
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->connectionCount() > 0, 30'000);
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(10'000));
    QVERIFY(m_emulator->setFaults({}));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QCOMPARE(process.readAllStandardOutput(), QByteArray("\n"));
}

void TestHeadlessCommands::signal_endsTheCredentialProcessAndItsChildren_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("SIGINT") << int(SIGINT) << 130;
    QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
    QTest::newRow("SIGHUP") << int(SIGHUP) << 129;
}

// Ctrl+C used to end the command and leave what its credential_process had started running;
// SIGTERM and SIGHUP (a closed terminal) ended the command at once and left it too.
void TestHeadlessCommands::signal_endsTheCredentialProcessAndItsChildren()
{
    QFETCH(int, signalNumber);
    QFETCH(int, exitCode);
    signalWhileCredentialProcessRuns(
        { u"list"_s, u"--profile"_s, u"slow"_s }, {}, signalNumber, exitCode);
}

void TestHeadlessCommands::signal_endsTheWindowAndItsCredentialProcess_data()
{
    signal_endsTheCredentialProcessAndItsChildren_data();
}

// The window (lookout-desk with no command) ended by SIGTERM (a session's end, kill) or SIGHUP
// left its credential_process and what that had started running; now it closes as Quit would.
void TestHeadlessCommands::signal_endsTheWindowAndItsCredentialProcess()
{
    QFETCH(int, signalNumber);
    QFETCH(int, exitCode);
    signalWhileCredentialProcessRuns(
        { u"--profile"_s, u"slow"_s }, { u"QT_QPA_PLATFORM=offscreen"_s }, signalNumber, exitCode);
}

// Starts the binary with `arguments` on a profile whose credential_process starts a child and
// waits, signals the binary once both run, and checks its exit status and that both are gone.
void TestHeadlessCommands::signalWhileCredentialProcessRuns(
    const QStringList &arguments, const QStringList &environment, int signalNumber, int exitCode)
{
    const QString pids = m_dir.filePath(u"credential-process-pids"_s);
    QFile::remove(pids);
    const QString script
        = testing_support::writeExecutableScript(m_dir.path(), u"slow-credentials.sh"_s,
            "sleep 300 &\necho $$ $! > '" + QFile::encodeName(pids) + "'\nwait\n");
    QFile config(m_dir.filePath(u"config-credential-process"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile slow]\ncredential_process = " + QFile::encodeName(script) + "\n");
    config.close();

    QProcess process;
    process.setProcessEnvironment(
        environmentWith(QStringList { u"AWS_CONFIG_FILE="_s + config.fileName(),
                            u"AWS_ACCESS_KEY_ID="_s, u"AWS_SECRET_ACCESS_KEY="_s }
            + environment));
    process.start(QStringLiteral(LOOKOUT_BINARY), arguments);
    QVERIFY(process.waitForStarted(30'000));
    // One write of "PID CHILD\n" by the script once its child runs.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pids).size() > 0, 30'000);
    QFile written(pids);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QList<QByteArray> both = written.readAll().trimmed().split(' ');
    QCOMPARE(both.size(), 2);
    const qint64 command = both.at(0).toLongLong();
    const qint64 child = both.at(1).toLongLong();
    QVERIFY(testsupport::isRunning(command) && testsupport::isRunning(child));

    ::kill(static_cast<pid_t>(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), exitCode);
    QTRY_VERIFY_WITH_TIMEOUT(
        !testsupport::isRunning(command) && !testsupport::isRunning(child), 30'000);
}

// A pipe with no writer as AWS_CONFIG_FILE (or AWS_SHARED_CREDENTIALS_FILE) made every command
// wait forever; the AWS CLI skips what is not a regular file.
void TestHeadlessCommands::configFileThatIsAPipe_isIgnoredAtOnce()
{
    const QString fifo = m_dir.filePath(u"config-fifo"_s);
    QFile::remove(fifo);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString &variable : { u"AWS_CONFIG_FILE"_s, u"AWS_SHARED_CREDENTIALS_FILE"_s }) {
        const e2e::ProcessRun listed = run({ u"describe"_s, m_first }, { variable + u'=' + fifo });
        QVERIFY2(listed.finished, qPrintable(variable));
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.err,
            "Warning: " + QFile::encodeName(fifo)
                + ": is a named pipe, not a regular file; it is ignored\n");
    }
}

// The AWS CLI ends every command on a file that repeats a section ("Unable to parse config
// file"); it used to be merged without a word.
void TestHeadlessCommands::configFileWithRepeatedSection_isRefusedAsByTheCli()
{
    QFile config(m_dir.filePath(u"config-repeated"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile x]\nregion = us-east-1\n[default]\nregion = eu-west-1\n"
                 "[profile x]\noutput = json\n");
    config.close();
    const e2e::ProcessRun listed
        = run({ u"describe"_s, m_first }, { u"AWS_CONFIG_FILE="_s + config.fileName() });
    QCOMPARE(listed.exitCode, 255);
    QVERIFY(listed.out.isEmpty());
    const QByteArray path = QFile::encodeName(config.fileName());
    QCOMPARE(listed.err,
        "Warning: " + path
            + " line 5: the section [profile x] appears again (first at line 1); the AWS CLI "
              "refuses a file that repeats a section or a key in a section, so the whole file "
              "is ignored\n\nUnable to parse config file: "
            + path + "\n");
    if (QFile::exists(u"/usr/bin/aws"_s)) { // Debian's AWS CLI v2 says the same
        const e2e::ProcessRun cli = e2e::runProcess(u"/usr/bin/aws"_s,
            { u"lookoutequipment"_s, u"describe-inference-scheduler"_s,
                u"--inference-scheduler-name"_s, m_first, u"--endpoint-url"_s,
                m_emulator->endpoint().toString() },
            environmentWith({ u"AWS_CONFIG_FILE="_s + config.fileName() }));
        QCOMPARE(cli.exitCode, 255);
        QCOMPARE(cli.err, "\nUnable to parse config file: " + path + "\n");
    }
}

// A file of thousands of bad lines printed a warning for each, on every command.
void TestHeadlessCommands::configFileWithManyBadLines_warnsBriefly()
{
    QFile config(m_dir.filePath(u"config-bad-lines"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\n");
    for (int i = 0; i < 68'000; ++i)
        config.write("not a setting\n");
    config.close();
    const e2e::ProcessRun listed
        = run({ u"describe"_s, m_first }, { u"AWS_CONFIG_FILE="_s + config.fileName() });
    QCOMPARE(listed.exitCode, 0);
    const QList<QByteArray> lines = listed.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines.last(),
        "Warning: " + QFile::encodeName(config.fileName()) + ": 67995 more problems are not shown");
}

void TestHeadlessCommands::debug_goesToStderr()
{
    const e2e::ProcessRun debugged = run({ u"describe"_s, m_first, u"--debug"_s });
    QCOMPARE(debugged.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(debugged.out).isObject()); // stdout stays clean JSON
    QVERIFY2(debugged.err.contains("lookoutdesk.cli - DEBUG - region: us-east-1 (from AWS_REGION)"),
        debugged.err.constData());
    QVERIFY(debugged.err.contains(QByteArray(
        "lookoutdesk.http - DEBUG - POST " + m_emulator->endpoint().toString().toUtf8())));
    QVERIFY(!debugged.err.contains(m_emulator->credentials().secretAccessKey.toUtf8()));
}

void TestHeadlessCommands::commandHelp()
{
    for (const QString &command :
        { u"describe"_s, u"list"_s, u"executions"_s, u"start"_s, u"stop"_s }) {
        const e2e::ProcessRun help = run({ command, u"--help"_s });
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QByteArray("Usage: lookout-desk " + command.toUtf8())),
            help.out.constData());
        QVERIFY(help.out.contains("--endpoint-url URL"));
        QCOMPARE(help.err, QByteArray());
    }
    QVERIFY(run({ u"list"_s, u"--help"_s }).out.contains("--name-prefix P"));
    QVERIFY(run({ u"executions"_s, u"-h"_s }).out.contains("--start-time-after T"));
}

void TestHeadlessCommands::commandHelp_startAndStop_nameTheirOwnNewStatus()
{
    const e2e::ProcessRun start = run({ u"start"_s, u"--help"_s });
    QVERIFY2(start.out.contains("(its new status: PENDING)"), start.out.constData());
    QVERIFY2(!start.out.contains("STOPPING"), start.out.constData());
    const e2e::ProcessRun stop = run({ u"stop"_s, u"--help"_s });
    QVERIFY2(stop.out.contains("(its new status: STOPPING)"), stop.out.constData());
    QVERIFY2(!stop.out.contains("(its new status: PENDING"), stop.out.constData());
}

void TestHeadlessCommands::commandHelp_example_worksAgainstTheEmulator_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("printed"); // what its table output must show
    QTest::newRow("describe") << u"describe"_s << u"DescribeInferenceScheduler"_s;
    QTest::newRow("list") << u"list"_s << u"ListInferenceSchedulers"_s;
    QTest::newRow("executions") << u"executions"_s << u"ListInferenceExecutions"_s;
    QTest::newRow("start") << u"start"_s << u"PENDING"_s;
    QTest::newRow("stop") << u"stop"_s << u"STOPPING"_s;
}

// The example as a user pastes it into a shell: it starts the emulator the help names, runs the
// command against it and stops the emulator; every step must succeed.
void TestHeadlessCommands::commandHelp_example_worksAgainstTheEmulator()
{
    QFETCH(QString, command);
    QFETCH(QString, printed);
    const e2e::ProcessRun help = run({ command, u"--help"_s });
    QCOMPARE(help.exitCode, 0);
    const QString example = testing_support::exampleScript(
        QString::fromUtf8(help.out), u"Example, against the emulator:"_s, 2);
    QVERIFY2(example.contains(u"lookout-desk "_s + command + u' '), qPrintable(example));
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QProcessEnvironment environment = e2e::bareEnvironment();
    environment.insert(u"HOME"_s, directory.path());
    environment.insert(u"AWS_CONFIG_FILE"_s, m_dir.filePath(u"config"_s));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir.filePath(u"credentials"_s));
    // Whatever happens, the emulator the example started does not outlive the test.
    const QString script = u"trap 'kill \"$emulator\" 2>/dev/null || true' EXIT\n"_s + example
        + u"wait \"$emulator\"\n"_s;
    const testing_support::ShellRun ran = testing_support::runShellScript(script, directory.path(),
        QFileInfo(QStringLiteral(LOOKOUT_BINARY)).absolutePath(), environment, true, 120'000);
    QVERIFY2(ran.finished, qPrintable(ran.err));
    QVERIFY2(ran.exitCode == 0, qPrintable(script + u"\n"_s + ran.err));
    QVERIFY2(ran.out.contains(printed), qPrintable(ran.out));
}

// A fake lookout-desk that fails like an emulator whose port is taken: the example must give up
// at once and say so, not wait forever for the shell lines.
void TestHeadlessCommands::commandHelp_example_endsWhenTheEmulatorCannotStart()
{
    const e2e::ProcessRun help = run({ u"start"_s, u"--help"_s });
    const QString example = testing_support::exampleScript(
        QString::fromUtf8(help.out), u"Example, against the emulator:"_s, 2);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QVERIFY(!testing_support::writeFailingEmulator(directory.path()).isEmpty());
    const testing_support::ShellRun ran = testing_support::runShellScript(
        example, directory.path(), directory.path(), e2e::bareEnvironment(), false, 60'000);
    QVERIFY2(ran.finished, "the example still waits for an emulator that has ended");
    QVERIFY2(
        ran.err.contains(u"the emulator did not start (exit status 255)"_s), qPrintable(ran.err));
}

void TestHeadlessCommands::headlessPath_loadsNoGuiLibraries()
{
    emulator::FaultConfig slow;
    slow.slowPercent = 100;
    slow.slowDelay = std::chrono::milliseconds(60'000);
    QVERIFY(m_emulator->setFaults(slow));
    QProcess process;
    process.setProcessEnvironment(environmentWith({}));
    process.start(QStringLiteral(LOOKOUT_BINARY), { u"describe"_s, m_first });
    QVERIFY(process.waitForStarted(30'000));
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->connectionCount() > 0, 30'000);
    QFile maps(u"/proc/%1/maps"_s.arg(process.processId()));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    process.kill();
    process.waitForFinished(10'000);
    QVERIFY(m_emulator->setFaults({}));
    QVERIFY(mapped.contains("libQt6Core.so"));
    for (const char *library :
        { "libQt6Widgets.so", "libQt6Gui.so", "libQt6Svg.so", "libX11.so", "libEGL.so" })
        QVERIFY2(!mapped.contains(library), library);
}

QTEST_GUILESS_MAIN(TestHeadlessCommands)
#include "tst_headlesscommands.moc"
