// The window's start-up as a process: a refused command line or a demo that cannot start is said
// on stderr with the CLI's exit status (the offscreen platform shows no message box that would
// wait to be closed); without a display, one sentence and 255 instead of Qt's abort; a running
// window writes nothing on stderr unless QT_LOGGING_RULES asks; and --wall covers the screen of an
// X session without a window manager (a kiosk's), and Esc gives the window its size back.
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

namespace {

struct Outcome {
    int exitCode = -1;
    QString standardError;
};

// The environment the window runs in: the caller's with a private runtime directory (so Qt has
// nothing to warn about before the message), `changes` set ("NAME=value") or removed ("NAME").
QProcessEnvironment windowEnvironment(const QString &runtime, const QStringList &changes)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    for (const QString &change : changes) {
        const qsizetype equals = change.indexOf(u'=');
        if (equals < 0)
            environment.remove(change);
        else
            environment.insert(change.left(equals), change.mid(equals + 1));
    }
    return environment;
}

Outcome run(const QStringList &arguments, const QStringList &environmentChanges = {})
{
    QProcess process;
    const QTemporaryDir runtime;
    process.setProcessEnvironment(windowEnvironment(runtime.path(), environmentChanges));
    process.start(QStringLiteral(LOOKOUT_BINARY), arguments);
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardError()) };
}

const QStringList kNoDisplay { QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("DISPLAY"),
    QStringLiteral("WAYLAND_DISPLAY") };

const QString kCommandsStillWork
    = QStringLiteral(". The commands work without a display, for example 'lookout-desk list'; see "
                     "'lookout-desk --help'.\n");

} // namespace

class TestGuiApplication : public QObject {
    Q_OBJECT
private slots:
    void badCommandLine_exits252WithTheReason_data();
    void badCommandLine_exits252WithTheReason();
    void demoThatCannotStart_exits255();
    void badCommandLineWithoutDisplay_exits252_data();
    void badCommandLineWithoutDisplay_exits252();
    void noDisplay_oneSentenceAndExit255_data();
    void noDisplay_oneSentenceAndExit255();
    void platformOptionStillWorks();
    void runningWindow_writesNothingUnlessAsked();
    void wall_coversTheScreenWithoutAWindowManager();
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

// The command line is judged whether or not a display exists: Qt's platform used to start first
// and, without a display, abort (status 134) before any option was read.
void TestGuiApplication::badCommandLineWithoutDisplay_exits252_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option")
        << QStringList { QStringLiteral("--bogus") } << QStringLiteral("Unknown options: --bogus");
    QTest::newRow("interval")
        << QStringList { QStringLiteral("--refresh-interval"), QStringLiteral("abc") }
        << QStringLiteral(
               "argument --refresh-interval: expected 0 (off) or a whole number of seconds "
               "from 5 to 86400, not 'abc'");
    QTest::newRow("demo fleet 0") << QStringList { QStringLiteral("--demo"),
        QStringLiteral("--fleet"), QStringLiteral("0") }
                                  << QStringLiteral("argument --fleet:");
    QTest::newRow("unknown option after a Qt option") << QStringList { QStringLiteral("-platform"),
        QStringLiteral("xcb"), QStringLiteral("--bogus") }
                                                      << QStringLiteral("Unknown options: --bogus");
}

void TestGuiApplication::badCommandLineWithoutDisplay_exits252()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Outcome outcome = run(arguments, kNoDisplay);
    QCOMPARE(outcome.exitCode, 252);
    QVERIFY2(outcome.standardError.startsWith(QStringLiteral("lookout-desk: ") + message),
        qPrintable(outcome.standardError));
    QVERIFY2(outcome.standardError.endsWith(
                 QStringLiteral("\nRun 'lookout-desk --help' for the options.\n")),
        qPrintable(outcome.standardError));
    QCOMPARE(outcome.standardError.count(u'\n'), 2);
}

void TestGuiApplication::noDisplay_oneSentenceAndExit255_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("missing");
    QTest::newRow("no display at all")
        << QStringList {} << kNoDisplay
        << QStringLiteral("no X11 or Wayland display (DISPLAY and WAYLAND_DISPLAY are not set)");
    QTest::newRow("demo, no display at all")
        << QStringList { QStringLiteral("--demo") } << kNoDisplay
        << QStringLiteral("no X11 or Wayland display (DISPLAY and WAYLAND_DISPLAY are not set)");
    QTest::newRow("an X11 display nobody serves")
        << QStringList {} << (kNoDisplay + QStringList { QStringLiteral("DISPLAY=:4093") })
        << QStringLiteral("the X11 display ':4093' could not be opened");
    QTest::newRow("-platform xcb without DISPLAY")
        << QStringList { QStringLiteral("-platform"), QStringLiteral("xcb") } << kNoDisplay
        << QStringLiteral("no X11 display (DISPLAY is not set)");
    QTest::newRow("a Wayland display nobody serves")
        << QStringList {}
        << (kNoDisplay
               + QStringList { QStringLiteral("QT_QPA_PLATFORM=wayland"),
                   QStringLiteral("WAYLAND_DISPLAY=lookout-desk-test-none") })
        << QStringLiteral("the Wayland display 'lookout-desk-test-none' could not be opened");
    QTest::newRow("a platform that does not exist")
        << QStringList {}
        << (kNoDisplay + QStringList { QStringLiteral("QT_QPA_PLATFORM=nosuchplatform") })
        << QStringLiteral("Qt's platform 'nosuchplatform' could not start");
}

void TestGuiApplication::noDisplay_oneSentenceAndExit255()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, missing);
    const Outcome outcome = run(arguments, environment);
    QCOMPARE(outcome.standardError,
        QStringLiteral("lookout-desk: cannot open the window: ") + missing + kCommandsStillWork);
    QCOMPARE(outcome.exitCode, 255);
}

// -platform is Qt's and still chooses the platform: offscreen needs no display.
void TestGuiApplication::platformOptionStillWorks()
{
    const Outcome outcome = run(
        { QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--colour") },
        kNoDisplay);
    QCOMPARE(outcome.exitCode, 252);
    QVERIFY2(
        outcome.standardError.startsWith(QStringLiteral("lookout-desk: Unknown options: --colour")),
        qPrintable(outcome.standardError));
}

// A demo fleet's every list page used to be logged on stderr (200 lines a refresh at 100,000
// schedulers). Only what QT_LOGGING_RULES turns on may appear: here the fleet loader's line at
// the start of each listing, which also says when a whole listing has been served.
void TestGuiApplication::runningWindow_writesNothingUnlessAsked()
{
    QProcess process;
    const QTemporaryDir runtime;
    process.setProcessEnvironment(windowEnvironment(runtime.path(),
        { QStringLiteral("QT_LOGGING_RULES=lookoutdesk.models.fleetloader.debug=true") }));
    process.start(QStringLiteral(LOOKOUT_BINARY),
        { QStringLiteral("--demo"), QStringLiteral("--fleet"), QStringLiteral("300"),
            QStringLiteral("--refresh-interval"), QStringLiteral("5") });
    QVERIFY(process.waitForStarted(30'000));
    QByteArray err;
    const bool listedTwice = QTest::qWaitFor(
        [&] {
            err += process.readAllStandardError();
            return err.count("listing the fleet at") >= 2;
        },
        60'000);
    // Core dumps are off in the window process (secrets live in its memory).
    QFile limits(QStringLiteral("/proc/%1/limits").arg(process.processId()));
    const QByteArray limitsText
        = limits.open(QIODevice::ReadOnly) ? limits.readAll() : QByteArray();
    process.kill();
    process.waitForFinished(10'000);
    err += process.readAllStandardError();
    QVERIFY2(listedTwice, err.constData());
    QVERIFY2(QRegularExpression(QStringLiteral("Max core file size +0 +0 "))
                 .match(QString::fromLatin1(limitsText))
                 .hasMatch(),
        limitsText.constData());
    // Qt's own warnings (the offscreen platform has a few) are not the window's log.
    for (const QByteArray &line : err.split('\n')) {
        if (line.startsWith("lookoutdesk."))
            QVERIFY2(line.startsWith("lookoutdesk.models.fleetloader: "), line.constData());
    }
}

namespace {

// What xdotool `arguments` prints on X display `display`; nullopt when it did not finish.
std::optional<QString> xdotoolOn(
    const QString &xdotool, const QString &display, const QStringList &arguments)
{
    QProcess run;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), display);
    run.setProcessEnvironment(environment);
    run.start(xdotool, arguments);
    if (!run.waitForFinished(10'000))
        return std::nullopt;
    return QString::fromLatin1(run.readAllStandardOutput());
}

// "1600x900" for the window titled Lookout Desk on `display`, empty while there is none.
QString windowSize(const QString &xdotool, const QString &display)
{
    const QString out = xdotoolOn(xdotool, display,
        { QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"),
            QStringLiteral("Lookout Desk"), QStringLiteral("getwindowgeometry"),
            QStringLiteral("--shell") })
                            .value_or(QString());
    const QRegularExpressionMatch size
        = QRegularExpression(QStringLiteral("WIDTH=(\\d+)\\nHEIGHT=(\\d+)")).match(out);
    return size.hasMatch() ? size.captured(1) + u'x' + size.captured(2) : QString();
}

} // namespace

void TestGuiApplication::wall_coversTheScreenWithoutAWindowManager()
{
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    const QString xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
    if (xvfb.isEmpty() || xdotool.isEmpty())
        QSKIP("Xvfb and xdotool are not installed (packaging/install-deps installs them)");
    // An X server of its own and no window manager, as a kiosk's bare session has. -noreset: by
    // default it resets whenever its last client leaves (each xdotool below), and a window
    // connecting meanwhile is refused.
    QProcess server;
    server.start(xvfb,
        { QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-noreset"),
            QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1600x900x24"),
            QStringLiteral("-nolisten"), QStringLiteral("tcp") });
    QVERIFY(server.waitForStarted(30'000));
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 30'000); // it says its display number
    const QString display = u':' + QString::fromLatin1(server.readLine()).trimmed();

    QProcess window;
    const QTemporaryDir runtime;
    const QTemporaryDir config; // no window geometry remembered from elsewhere
    QStringList settings { QStringLiteral("QT_QPA_PLATFORM=xcb"),
        QStringLiteral("DISPLAY=") + display, QStringLiteral("XDG_CONFIG_HOME=") + config.path() };
    // Under AddressSanitizer: libxkbcommon-x11 hands strndup() names that are not NUL-terminated,
    // with their length, which is correct C that strict_string_checks reports as an overflow.
    if (const QString asan = qEnvironmentVariable("ASAN_OPTIONS"); !asan.isEmpty())
        settings.append(
            QStringLiteral("ASAN_OPTIONS=") + asan + QStringLiteral(":strict_string_checks=0"));
    window.setProcessEnvironment(windowEnvironment(runtime.path(), settings));
    window.start(QStringLiteral(LOOKOUT_BINARY),
        { QStringLiteral("--demo"), QStringLiteral("--wall"), QStringLiteral("--refresh-interval"),
            QStringLiteral("60") });
    QVERIFY(window.waitForStarted(30'000));
    // Each look runs xdotool: QTest::qWaitFor() counts the time that takes, QTRY_* would not.
    QString size;
    const bool covers = QTest::qWaitFor(
        [&] {
            size = windowSize(xdotool, display);
            return size == QStringLiteral("1600x900") || window.state() == QProcess::NotRunning;
        },
        60'000);
    QVERIFY2(covers && window.state() == QProcess::Running,
        qPrintable(QStringLiteral("the window is ") + size + u" on a 1600x900 screen; "
            + (window.state() == QProcess::Running ? QStringLiteral("it runs")
                                                   : QStringLiteral("it ended"))
            + u": " + QString::fromLocal8Bit(window.readAllStandardError()).left(4000)));

    // Esc leaves full screen: the window has its own size again.
    QVERIFY(xdotoolOn(xdotool, display, { QStringLiteral("key"), QStringLiteral("Escape") }));
    const bool ownSize = QTest::qWaitFor(
        [&] {
            size = windowSize(xdotool, display);
            return !size.isEmpty() && size != QStringLiteral("1600x900");
        },
        30'000);
    QVERIFY2(ownSize, qPrintable(QStringLiteral("after Esc the window is ") + size));

    window.kill();
    window.waitForFinished(10'000);
    server.terminate();
    server.waitForFinished(10'000);
}

QTEST_GUILESS_MAIN(TestGuiApplication)
#include "tst_guiapplication.moc"
