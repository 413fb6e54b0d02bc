// The window's start-up as a process: a refused command line or a demo that cannot start is said
// on stderr with the CLI's exit status (the offscreen platform shows no message box that would
// wait to be closed).
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Outcome {
    int exitCode = -1;
    QString standardError;
};

Outcome run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A private runtime directory, so Qt has nothing to warn about before the message.
    const QTemporaryDir runtime;
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOOKOUT_BINARY), arguments);
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

class TestGuiApplication : public QObject {
    Q_OBJECT
private slots:
    void badCommandLine_exits252WithTheReason_data();
    void badCommandLine_exits252WithTheReason();
    void demoThatCannotStart_exits255();
};

void TestGuiApplication::badCommandLine_exits252WithTheReason_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("interval")
        << QStringList { QStringLiteral("--refresh-interval"), QStringLiteral("fast") }
        << QStringLiteral(
               "argument --refresh-interval: expected 0 (off) or a whole number of seconds "
               "from 5 to 86400, not 'fast'");
    QTest::newRow("demo option alone") << QStringList { QStringLiteral("--churn") }
                                       << QStringLiteral("argument --churn: only with --demo");
    QTest::newRow("results from s3 without a bucket")
        << QStringList { QStringLiteral("--results"), QStringLiteral("s3:///out/") }
        << QStringLiteral(
               "argument --results: s3:///out/ names no bucket: write s3://BUCKET/PREFIX/");
    QTest::newRow("unknown") << QStringList { QStringLiteral("--colour") }
                             << QStringLiteral("Unknown options: --colour");
    QTest::newRow("empty profile") << QStringList { QStringLiteral("--profile"),
        QString() } << QStringLiteral("argument --profile: expected a non-empty value");
}

void TestGuiApplication::badCommandLine_exits252WithTheReason()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Outcome outcome = run(arguments);
    QCOMPARE(outcome.exitCode, 252);
    QVERIFY2(outcome.standardError.startsWith(
                 QStringLiteral("lookout-desk: ") + message + QLatin1Char('\n')),
        qPrintable(outcome.standardError));
    QVERIFY(outcome.standardError.contains(
        QStringLiteral("Run 'lookout-desk --help' for the options.")));
}

void TestGuiApplication::demoThatCannotStart_exits255()
{
    QTemporaryDir empty;
    const Outcome outcome
        = run({ QStringLiteral("--demo"), QStringLiteral("--from"), empty.path() });
    QCOMPARE(outcome.exitCode, 255);
    QVERIFY2(outcome.standardError.startsWith(
                 QStringLiteral("lookout-desk: The demo endpoint could not start: ")),
        qPrintable(outcome.standardError));
}

QTEST_GUILESS_MAIN(TestGuiApplication)
#include "tst_guiapplication.moc"
