// `lookout-desk emulator` as a process: export lines first (eval-able, also from a file while
// it keeps serving), requests served with the printed keys, clean exit 0 on SIGINT/SIGTERM/SIGHUP,
// and the command-line errors.
#include "emulatorprocess.h"
#include "helpexample.h"
#include "rawhttpclient.h"
#include "signedrequests.h"

#include <QTcpServer>
#include <QtTest>

#include <csignal>

namespace {

const QString kData = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/emulator");

struct Finished {
    int exitCode = -1;
    QString out;
    QString err;
};

Finished runToCompletion(const QStringList &arguments)
{
    QProcess process;
    process.start(
        QStringLiteral(LOOKOUT_BINARY), QStringList { QStringLiteral("emulator") } + arguments);
    Finished finished;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return finished;
    }
    finished.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    finished.out = QString::fromUtf8(process.readAllStandardOutput());
    finished.err = QString::fromUtf8(process.readAllStandardError());
    return finished;
}

// What a POSIX shell makes of the lines: the listed variables after `. file`.
QString sourceAndPrint(const QString &file, const QString &variables)
{
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
        { QStringLiteral("-c"), QStringLiteral(". \"$1\" && printf '%s|' ") + variables,
            QStringLiteral("sh"), file });
    shell.waitForFinished(30'000);
    return QString::fromUtf8(shell.readAllStandardOutput());
}

} // namespace

class TestEmulatorCommand : public QObject {
    Q_OBJECT
private slots:
    void printsExportLines_servesThem_andStopsOnSigterm();
    void sigint_stopsCleanly();
    void redirectedToAFile_linesAreCompleteWhileServing();
    void chosenKeysRegionAndToken_areQuotedForTheShell();
    void fromDirectory_reportsSkippedFiles_andServesTheRest();
    void keysFromFileAndEnvironment_stayOffTheCommandLine();
    void badCommandLines_exit252_data();
    void badCommandLines_exit252();
    void faultMix_addsSingleRatesToTheSpreadShare();
    void startupLine_isPrintedOnce();
    void unusableArchive_exits255();
    void help_listsTheOptions();
    void help_winsOverErrors();
    void help_example_startsTheEmulatorAndSourcesItsLines();
    void help_example_endsWhenTheEmulatorCannotStart();
};

void TestEmulatorCommand::printsExportLines_servesThem_andStopsOnSigterm()
{
    EmulatorProcess emulator;
    QVERIFY2(emulator.start({ QStringLiteral("--fleet"), QStringLiteral("30"),
                 QStringLiteral("--seed"), QStringLiteral("4") }),
        qPrintable(emulator.error()));
    const QString endpoint = QStringLiteral("http://127.0.0.1:") + QString::number(emulator.port());
    QCOMPARE(emulator.exportLines(),
        QStringLiteral("export AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT='") + endpoint
            + QStringLiteral("'\nexport AWS_ENDPOINT_URL_S3='") + endpoint + QStringLiteral("'\n")
            + QStringLiteral(
                "export AWS_ACCESS_KEY_ID='AKIALOOKOUTDESKDEMO1'\n"
                "export AWS_SECRET_ACCESS_KEY='LookoutDeskDemoSecretKeyForTheEmulator00'\n"
                "export AWS_REGION='us-east-1'\n"
                "export AWS_DEFAULT_REGION='us-east-1'\n"
                "unset AWS_SESSION_TOKEN\n"));

    RawHttpClient client(emulator.port());
    client.send(emulatortest::wireForm(emulatortest::signedRequest(
        "ListInferenceSchedulers", R"({"MaxResults":500})", QDateTime::currentDateTimeUtc())));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(QJsonDocument::fromJson(response->body)
                 .object()
                 .value(QLatin1String("InferenceSchedulerSummaries"))
                 .toArray()
                 .size(),
        30);

    QCOMPARE(emulator.stop(SIGTERM), 0);
    const QString err = QString::fromUtf8(emulator.process().readAllStandardError());
    QVERIFY2(
        err.contains(QStringLiteral("Lookout for Equipment emulator: 30 inference schedulers on ")
            + endpoint + QStringLiteral(" (region us-east-1). Stop with Ctrl+C.")),
        qPrintable(err));
    QVERIFY2(
        err.contains(QLatin1String("Lookout for Equipment emulator stopped.")), qPrintable(err));
    QVERIFY(emulator.process()
                .readAllStandardOutput()
                .isEmpty()); // nothing but the export lines on stdout
}

void TestEmulatorCommand::sigint_stopsCleanly()
{
    EmulatorProcess emulator;
    QVERIFY2(emulator.start({ QStringLiteral("--fleet"), QStringLiteral("5") }),
        qPrintable(emulator.error()));
    QCOMPARE(emulator.stop(SIGINT), 0);
}

void TestEmulatorCommand::redirectedToAFile_linesAreCompleteWhileServing()
{
    QTemporaryDir directory;
    const QString envFile = directory.filePath(QStringLiteral("emulator.env"));
    QProcess process;
    process.setStandardOutputFile(envFile);
    // Port 0: the kernel picks a free port as the emulator binds, and the lines name it.
    process.start(QStringLiteral(LOOKOUT_BINARY),
        { QStringLiteral("emulator"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--fleet"), QStringLiteral("3") });
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(envFile).size() > 0, 60'000);
    // The moment the file is non-empty it is complete, and the server is already listening.
    const QStringList printed = sourceAndPrint(envFile,
        QStringLiteral("\"$AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT\" \"$AWS_ACCESS_KEY_ID\" "
                       "\"$AWS_DEFAULT_REGION\" \"${AWS_SESSION_TOKEN-unset}\""))
                                    .split(QLatin1Char('|'));
    QCOMPARE(printed.mid(1),
        QStringList({ QStringLiteral("AKIALOOKOUTDESKDEMO1"), QStringLiteral("us-east-1"),
            QStringLiteral("unset"), QString() }));
    const QUrl endpoint(printed.value(0));
    QCOMPARE(endpoint.scheme(), QStringLiteral("http"));
    QCOMPARE(endpoint.host(), QStringLiteral("127.0.0.1"));
    const int port = endpoint.port();
    QVERIFY2(port > 0, qPrintable(printed.value(0)));
    RawHttpClient client(static_cast<quint16>(port));
    QVERIFY(client.isConnected());
    process.terminate();
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 0);
}

void TestEmulatorCommand::chosenKeysRegionAndToken_areQuotedForTheShell()
{
    const QString secret = QStringLiteral("it's$ecret/with\"quotes`and+more");
    EmulatorProcess emulator;
    QVERIFY2(
        emulator.start({ QStringLiteral("--fleet"), QStringLiteral("4"), QStringLiteral("--region"),
            QStringLiteral("eu-west-1"), QStringLiteral("--access-key-id"),
            QStringLiteral("AKIDCUSTOM"), QStringLiteral("--secret-access-key"), secret,
            QStringLiteral("--session-token"), QStringLiteral("token/123=") }),
        qPrintable(emulator.error()));
    QTemporaryDir directory;
    QFile envFile(directory.filePath(QStringLiteral("env.sh")));
    QVERIFY(envFile.open(QIODevice::WriteOnly));
    envFile.write(emulator.exportLines().toUtf8());
    envFile.close();
    QCOMPARE(sourceAndPrint(envFile.fileName(),
                 QStringLiteral("\"$AWS_ACCESS_KEY_ID\" \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_REGION\" "
                                "\"$AWS_SESSION_TOKEN\"")),
        QStringLiteral("AKIDCUSTOM|") + secret + QStringLiteral("|eu-west-1|token/123=|"));

    aws::AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDCUSTOM");
    credentials.secretAccessKey = secret;
    credentials.sessionToken = QStringLiteral("token/123=");
    RawHttpClient client(emulator.port());
    client.send(emulatortest::wireForm(emulatortest::signedRequest("ListInferenceSchedulers", "{}",
        QDateTime::currentDateTimeUtc(), credentials, "eu-west-1")));
    const auto accepted = client.readResponse();
    QVERIFY(accepted);
    QCOMPARE(accepted->status, 200);
    QVERIFY(accepted->body.contains(":eu-west-1:"));
    client.send(emulatortest::wireForm(emulatortest::signedRequest("ListInferenceSchedulers", "{}",
        QDateTime::currentDateTimeUtc(), emulatortest::demoCredentials(), "eu-west-1")));
    const auto refused = client.readResponse();
    QVERIFY(refused);
    QCOMPARE(refused->status, 400);
    QVERIFY(refused->body.contains("UnrecognizedClientException"));
    // A closed terminal (SIGHUP) stops it as cleanly as Ctrl+C and SIGTERM.
    QCOMPARE(emulator.stop(SIGHUP), 0);
}

void TestEmulatorCommand::fromDirectory_reportsSkippedFiles_andServesTheRest()
{
    EmulatorProcess emulator;
    QVERIFY2(emulator.start({ QStringLiteral("--from"), kData + QLatin1String("/archive-mixed") }),
        qPrintable(emulator.error()));
    QCOMPARE(emulator.stop(SIGTERM), 0);
    const QString err = QString::fromUtf8(emulator.process().readAllStandardError());
    QCOMPARE(err.count(QLatin1String("skipped ")), 5);
    QVERIFY2(err.contains(QStringLiteral("skipped ") + kData
                 + QStringLiteral(
                     "/archive-mixed/missing-name.json: InferenceSchedulerName is missing\n")),
        qPrintable(err));
    QVERIFY(
        err.contains(QLatin1String("Lookout for Equipment emulator: 3 inference schedulers on")));
}

// --secret-access-key and --session-token on the command line are in every user's `ps`; a file
// (read with the bounded reader) and the environment keep them out of it.
void TestEmulatorCommand::keysFromFileAndEnvironment_stayOffTheCommandLine()
{
    const QString secret
        = QStringLiteral("file-secret/") + QString::number(QDateTime::currentMSecsSinceEpoch());
    const QString token = QStringLiteral("environment-token-")
        + QString::number(QDateTime::currentMSecsSinceEpoch());
    QTemporaryDir directory;
    QFile keyFile(directory.filePath(QStringLiteral("secret")));
    QVERIFY(keyFile.open(QIODevice::WriteOnly));
    keyFile.write(secret.toUtf8() + '\n');
    keyFile.close();
    qputenv("LOOKOUT_EMULATOR_SESSION_TOKEN", token.toUtf8());
    EmulatorProcess emulator;
    const bool started = emulator.start({ QStringLiteral("--fleet"), QStringLiteral("2"),
        QStringLiteral("--access-key-id"), QStringLiteral("AKIDFROMFILE"),
        QStringLiteral("--secret-access-key-file"), keyFile.fileName() });
    qunsetenv("LOOKOUT_EMULATOR_SESSION_TOKEN");
    QVERIFY2(started, qPrintable(emulator.error()));
    QCOMPARE(emulator.variable(QStringLiteral("AWS_SECRET_ACCESS_KEY")), secret);
    QCOMPARE(emulator.variable(QStringLiteral("AWS_SESSION_TOKEN")), token);
    QFile commandLine(QStringLiteral("/proc/%1/cmdline").arg(emulator.process().processId()));
    QVERIFY(commandLine.open(QIODevice::ReadOnly));
    const QByteArray arguments = commandLine.readAll();
    QVERIFY(arguments.contains("--secret-access-key-file"));
    // Core dumps are off in the command's process too.
    QFile limits(QStringLiteral("/proc/%1/limits").arg(emulator.process().processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    QVERIFY(QRegularExpression(QStringLiteral("Max core file size +0 +0 "))
                .match(QString::fromLatin1(limits.readAll()))
                .hasMatch());
    QVERIFY(!arguments.contains(secret.toUtf8()));
    QVERIFY(!arguments.contains(token.toUtf8()));

    aws::AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDFROMFILE");
    credentials.secretAccessKey = secret;
    credentials.sessionToken = token;
    RawHttpClient client(emulator.port());
    client.send(emulatortest::wireForm(emulatortest::signedRequest("ListInferenceSchedulers", "{}",
        QDateTime::currentDateTimeUtc(), credentials, "us-east-1")));
    const auto accepted = client.readResponse();
    QVERIFY(accepted);
    QCOMPARE(accepted->status, 200);
    QCOMPARE(emulator.stop(SIGTERM), 0);
}

void TestEmulatorCommand::badCommandLines_exit252_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("fleet 0") << QStringList { QStringLiteral("--fleet"), QStringLiteral("0") }
                             << QStringLiteral(
                                    "--fleet expects an integer within 1..100000, not '0'");
    QTest::newRow("port text") << QStringList { QStringLiteral("--port"), QStringLiteral("http") }
                               << QStringLiteral(
                                      "--port expects an integer within 0..65535, not 'http'");
    QTest::newRow("from and fleet") << QStringList {
        QStringLiteral("--from"), kData, QStringLiteral("--fleet"), QStringLiteral("3")
    } << QStringLiteral("--from serves saved files; it cannot be combined with --fleet or --seed");
    QTest::newRow("throttle 150") << QStringList {
        QStringLiteral("--throttle-percent"), QStringLiteral("150")
    } << QStringLiteral("--throttle-percent expects a number within 0..100, not '150'");
    QTest::newRow("faults above 100")
        << QStringList { QStringLiteral("--throttle-percent"), QStringLiteral("60"),
               QStringLiteral("--error-percent"), QStringLiteral("60") }
        << QStringLiteral("--throttle-percent 60 and --error-percent 60 add up "
                          "to 120 %, more than 100 %");
    QTest::newRow("unknown option")
        << QStringList { QStringLiteral("--bogus") } << QStringLiteral("Unknown options: --bogus");
    QTest::newRow("unknown options") << QStringList { QStringLiteral("--bogus"),
        QStringLiteral("--fleet=3"), QStringLiteral("-x") }
                                     << QStringLiteral("Unknown options: --bogus, -x");
    QTest::newRow("unknown option with a value, never echoed")
        << QStringList { QStringLiteral("--secret-acess-key=it-is-a-secret") }
        << QStringLiteral("Unknown options: --secret-acess-key");
    QTest::newRow("missing value") << QStringList { QStringLiteral("--fleet") }
                                   << QStringLiteral("argument --fleet: expected one argument");
    QTest::newRow("fault mix above 100")
        << QStringList { QStringLiteral("--fault-percent"), QStringLiteral("100"),
               QStringLiteral("--throttle-percent"), QStringLiteral("1") }
        << QStringLiteral("--fault-percent 100 and --throttle-percent 1 add up "
                          "to 101 %, more than 100 %");
    QTest::newRow("key file is a device")
        << QStringList { QStringLiteral("--secret-access-key-file"), QStringLiteral("/dev/null") }
        << QStringLiteral("--secret-access-key-file: /dev/null is a device, not a regular file");
    QTest::newRow("key file missing")
        << QStringList { QStringLiteral("--session-token-file"), QStringLiteral("/nonexistent/t") }
        << QStringLiteral("--session-token-file: /nonexistent/t does not exist");
    QTest::newRow("key twice") << QStringList { QStringLiteral("--secret-access-key"),
        QStringLiteral("it-is-a-secret"), QStringLiteral("--secret-access-key-file"),
        QStringLiteral("/dev/null") }
                               << QStringLiteral("--secret-access-key and --secret-access-key-file "
                                                 "both give the same key; use one");
    QTest::newRow("empty from") << QStringList { QStringLiteral("--from"), QString() }
                                << QStringLiteral("--from expects a directory, not ''");
    QTest::newRow("stray argument")
        << QStringList { QStringLiteral("now") } << QStringLiteral("unexpected argument 'now'");
    QTest::newRow("region") << QStringList {
        QStringLiteral("--region"), QStringLiteral("Moon Base")
    } << QStringLiteral("region 'Moon Base' is not a region name like us-east-1");
}

void TestEmulatorCommand::badCommandLines_exit252()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Finished finished = runToCompletion(arguments);
    QCOMPARE(finished.exitCode, 252);
    QVERIFY(finished.out.isEmpty());
    QCOMPARE(finished.err,
        QStringLiteral("lookout-desk emulator: ") + message
            + QStringLiteral("\nRun 'lookout-desk emulator --help' for the options.\n"));
}

void TestEmulatorCommand::unusableArchive_exits255()
{
    const Finished finished
        = runToCompletion({ QStringLiteral("--from"), kData + QLatin1String("/archive-bad") });
    QCOMPARE(finished.exitCode, 255);
    QVERIFY(finished.out.isEmpty());
    QCOMPARE(finished.err.count(QLatin1String("skipped ")), 3);
    QVERIFY2(finished.err.endsWith(QStringLiteral("lookout-desk emulator: ") + kData
                 + QStringLiteral("/archive-bad: none of the 3 *.json files holds a usable "
                                  "describe-inference-scheduler output\n")),
        qPrintable(finished.err));
}

void TestEmulatorCommand::help_listsTheOptions()
{
    const Finished finished = runToCompletion({ QStringLiteral("--help") });
    QCOMPARE(finished.exitCode, 0);
    for (const char *option :
        { "--fleet N", "--seed S", "--from DIR", "--port N", "--region R", "--access-key-id ID",
            "--secret-access-key KEY", "--churn", "--throttle-percent P", "--error-percent P",
            "--malformed-percent P", "--slow-percent P", "--fault-percent P" })
        QVERIFY2(finished.out.contains(QLatin1String(option)), option);
    QVERIFY(finished.err.isEmpty());
}

void TestEmulatorCommand::faultMix_addsSingleRatesToTheSpreadShare()
{
    // 100 % spread over every fault leaves no room for one more throttled request, but 90 %
    // leaves 10.
    EmulatorProcess emulator;
    QVERIFY2(emulator.start({ QStringLiteral("--fleet"), QStringLiteral("3"),
                 QStringLiteral("--fault-percent"), QStringLiteral("90"),
                 QStringLiteral("--throttle-percent"), QStringLiteral("10") }),
        qPrintable(emulator.error()));
    QCOMPARE(emulator.stop(SIGTERM), 0);
}

void TestEmulatorCommand::startupLine_isPrintedOnce()
{
    EmulatorProcess emulator;
    QVERIFY2(emulator.start({ QStringLiteral("--fleet"), QStringLiteral("3") }),
        qPrintable(emulator.error()));
    QCOMPARE(emulator.stop(SIGTERM), 0);
    const QString err = QString::fromUtf8(emulator.process().readAllStandardError());
    const QString address = QStringLiteral("127.0.0.1:") + QString::number(emulator.port());
    QVERIFY2(err.count(address) == 1, qPrintable(err));
    QVERIFY2(
        err.contains(QStringLiteral("Lookout for Equipment emulator: 3 inference schedulers on "
                                    "http://")
            + address),
        qPrintable(err));
}

void TestEmulatorCommand::help_winsOverErrors()
{
    for (const QStringList &arguments :
        { QStringList { QStringLiteral("--bogus"), QStringLiteral("--help") },
            QStringList { QStringLiteral("--fleet"), QStringLiteral("0"), QStringLiteral("-h") },
            QStringList { QStringLiteral("now"), QStringLiteral("--help") } }) {
        const Finished finished = runToCompletion(arguments);
        QCOMPARE(finished.exitCode, 0);
        QVERIFY(finished.out.startsWith(QLatin1String("Usage: lookout-desk emulator")));
        QVERIFY2(finished.err.isEmpty(), qPrintable(finished.err));
    }
}

// The help's example as a user pastes it into a shell: the lines are sourced.
void TestEmulatorCommand::help_example_startsTheEmulatorAndSourcesItsLines()
{
    const Finished help = runToCompletion({ QStringLiteral("--help") });
    const QString example
        = testing_support::exampleScript(help.out, QStringLiteral("From a shell"), 4);
    QVERIFY2(example.contains(QLatin1String("lookout-desk emulator ")), qPrintable(help.out));
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString script = QStringLiteral("trap 'kill \"$emulator\" 2>/dev/null || true' EXIT\n")
        + example
        + QStringLiteral("printf '%s' \"$AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT\"\n"
                         "kill \"$emulator\"\nwait \"$emulator\"\n");
    const testing_support::ShellRun ran = testing_support::runShellScript(script, directory.path(),
        QFileInfo(QStringLiteral(LOOKOUT_BINARY)).absolutePath(),
        QProcessEnvironment::systemEnvironment(), true, 120'000);
    QVERIFY2(ran.finished, qPrintable(ran.err));
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    QVERIFY2(ran.out.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(ran.out));
}

// A fake lookout-desk that fails like an emulator whose port is taken: the example gives up at
// once and says so, instead of waiting forever for the shell lines.
void TestEmulatorCommand::help_example_endsWhenTheEmulatorCannotStart()
{
    const Finished help = runToCompletion({ QStringLiteral("--help") });
    const QString example
        = testing_support::exampleScript(help.out, QStringLiteral("From a shell"), 4);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QVERIFY(!testing_support::writeFailingEmulator(directory.path()).isEmpty());
    const testing_support::ShellRun ran = testing_support::runShellScript(example, directory.path(),
        directory.path(), QProcessEnvironment::systemEnvironment(), false, 60'000);
    QVERIFY2(ran.finished, "the example still waits for an emulator that has ended");
    QVERIFY2(ran.err.contains(QLatin1String("the emulator did not start (exit status 255)")),
        qPrintable(ran.err));
}

QTEST_GUILESS_MAIN(TestEmulatorCommand)
#include "tst_emulatorcommand.moc"
