// The binary's command line with no display and no D-Bus session: --version, --help (which
// lists every command and option, and agrees with the man page), help winning over errors.
#include "appinfo.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCommandLineBasics : public QObject {
    Q_OBJECT
private slots:
    void version_printsVersion_withoutDisplayOrDbus();
    void help_listsOptions_withoutDisplayOrDbus();
    void help_namesEveryCommandAndOption();
    void helpWithUnknownOption_helpWins();
    void manPage_listsExactlyTheOptionsOfHelp();

private:
    static QProcessEnvironment bareEnvironment();
    static QProcess *run(const QStringList &arguments);
    static QSet<QString> longOptions(const QString &text);
};

QProcessEnvironment TestCommandLineBasics::bareEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
        { "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "QT_QPA_PLATFORM" })
        environment.remove(QString::fromLatin1(name));
    return environment;
}

QProcess *TestCommandLineBasics::run(const QStringList &arguments)
{
    auto *process = new QProcess;
    process->setProcessEnvironment(bareEnvironment());
    process->start(QStringLiteral(LOOKOUT_BINARY), arguments);
    process->waitForFinished(30'000);
    return process;
}

QSet<QString> TestCommandLineBasics::longOptions(const QString &text)
{
    QSet<QString> options;
    static const QRegularExpression option(u"(?<![\\w-])--[a-z][a-z-]*[a-z]"_s);
    for (auto it = option.globalMatch(text); it.hasNext();)
        options.insert(it.next().captured());
    return options;
}

void TestCommandLineBasics::version_printsVersion_withoutDisplayOrDbus()
{
    std::unique_ptr<QProcess> process(run({ QStringLiteral("--version") }));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    QCOMPARE(process->readAllStandardOutput(),
        QByteArray(appinfo::kBinaryName) + ' ' + appinfo::kVersion + '\n');
}

void TestCommandLineBasics::help_listsOptions_withoutDisplayOrDbus()
{
    std::unique_ptr<QProcess> process(run({ QStringLiteral("--help") }));
    QCOMPARE(process->exitCode(), 0);
    const QByteArray out = process->readAllStandardOutput();
    QVERIFY2(out.contains("--version"), out.constData());
    QVERIFY(out.contains("Usage: lookout-desk"));
    QVERIFY(process->readAllStandardError().isEmpty());
}

void TestCommandLineBasics::help_namesEveryCommandAndOption()
{
    std::unique_ptr<QProcess> process(run({ u"-h"_s }));
    QCOMPARE(process->exitCode(), 0);
    const QString out = QString::fromUtf8(process->readAllStandardOutput());
    for (const QString &command :
        { u"describe NAME"_s, u"list"_s, u"executions NAME"_s, u"start NAME"_s, u"stop NAME"_s,
            u"results SOURCE"_s, u"configure"_s, u"sso login"_s, u"emulator"_s })
        QVERIFY2(out.contains(u"\n  "_s + command), qPrintable(command));
    const QSet<QString> expected { u"--profile"_s, u"--region"_s, u"--endpoint-url"_s,
        u"--output"_s, u"--color"_s, u"--read-timeout"_s, u"--connect-timeout"_s, u"--debug"_s,
        u"--name-prefix"_s, u"--status"_s, u"--model"_s, u"--max-items"_s, u"--start-time-after"_s,
        u"--end-time-before"_s, u"--start-time"_s, u"--end-time"_s, u"--demo"_s, u"--scheduler"_s,
        u"--show"_s, u"--refresh-interval"_s, u"--fleet"_s, u"--seed"_s, u"--churn"_s, u"--from"_s,
        u"--results"_s, u"--wall"_s, u"--connection"_s, u"--theme"_s, u"--help"_s, u"--version"_s,
        u"--delete"_s, u"--no-browser"_s };
    QCOMPARE(longOptions(out), expected);
}

void TestCommandLineBasics::helpWithUnknownOption_helpWins()
{
    std::unique_ptr<QProcess> process(
        run({ QStringLiteral("--help"), QStringLiteral("--no-such-option") }));
    QCOMPARE(process->exitCode(), 0); // --help wins, as with the AWS CLI
}

void TestCommandLineBasics::manPage_listsExactlyTheOptionsOfHelp()
{
    QFile page(QStringLiteral(LOOKOUT_SOURCE_DIR "/packaging/lookout-desk.1.in"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    QString man = QString::fromUtf8(page.readAll());
    man.replace(u"\\-"_s, u"-"_s).replace(u"\\fI"_s, QString()).replace(u"\\fR"_s, QString());
    std::unique_ptr<QProcess> help(run({ u"--help"_s }));
    QSet<QString> fromHelp = longOptions(QString::fromUtf8(help->readAllStandardOutput()));
    // The man page documents the emulator's options too (`emulator --help` lists them all).
    std::unique_ptr<QProcess> emulatorHelp(run({ u"emulator"_s, u"--help"_s }));
    const QSet<QString> emulatorOptions
        = longOptions(QString::fromUtf8(emulatorHelp->readAllStandardOutput()));
    const QSet<QString> fromMan = longOptions(man);
    QCOMPARE(fromMan - fromHelp - emulatorOptions, QSet<QString>());
    QCOMPARE(fromHelp - fromMan, QSet<QString>());
}

QTEST_GUILESS_MAIN(TestCommandLineBasics)
#include "tst_commandline_basics.moc"
