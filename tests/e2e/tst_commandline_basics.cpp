// The binary answers --version and --help with no display and no D-Bus session.
#include "appinfo.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

class TestCommandLineBasics : public QObject {
    Q_OBJECT
private slots:
    void version_printsVersion_withoutDisplayOrDbus();
    void help_listsOptions_withoutDisplayOrDbus();
    void helpWithUnknownOption_helpWins();

private:
    static QProcessEnvironment bareEnvironment();
    static QProcess *run(const QStringList &arguments);
};

QProcessEnvironment TestCommandLineBasics::bareEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "QT_QPA_PLATFORM"})
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

void TestCommandLineBasics::version_printsVersion_withoutDisplayOrDbus()
{
    std::unique_ptr<QProcess> process(run({QStringLiteral("--version")}));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    QCOMPARE(process->readAllStandardOutput(),
             QByteArray(appinfo::kBinaryName) + ' ' + appinfo::kVersion + '\n');
}

void TestCommandLineBasics::help_listsOptions_withoutDisplayOrDbus()
{
    std::unique_ptr<QProcess> process(run({QStringLiteral("--help")}));
    QCOMPARE(process->exitCode(), 0);
    const QByteArray out = process->readAllStandardOutput();
    QVERIFY2(out.contains("--version"), out.constData());
    QVERIFY(out.contains("Usage: lookout-desk"));
    QVERIFY(process->readAllStandardError().isEmpty());
}

void TestCommandLineBasics::helpWithUnknownOption_helpWins()
{
    std::unique_ptr<QProcess> process(run({QStringLiteral("--help"), QStringLiteral("--no-such-option")}));
    QCOMPARE(process->exitCode(), 0); // --help wins, as with the AWS CLI
}

QTEST_GUILESS_MAIN(TestCommandLineBasics)
#include "tst_commandline_basics.moc"
