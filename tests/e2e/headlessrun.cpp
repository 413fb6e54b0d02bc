#include "headlessrun.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace e2e {

QProcessEnvironment bareEnvironment(bool keepDbus)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(QLatin1String("AWS_")))
            environment.remove(name);
    }
    for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "COLUMNS" })
        environment.remove(QString::fromLatin1(name));
    if (!keepDbus)
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    return environment;
}

ProcessRun runProcess(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, const QByteArray &input, int timeoutMs)
{
    ProcessRun run;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(30'000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    run.finished
        = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!run.finished) {
        process.kill();
        process.waitForFinished(10'000);
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

std::optional<AwsCli> findAwsCli(QString *problem)
{
    problem->clear();
    AwsCli cli;
    cli.program = QStandardPaths::findExecutable(QStringLiteral("aws"));
    if (cli.program.isEmpty())
        return std::nullopt;
    // The CLI's own settings must not change what it prints about itself.
    const ProcessRun version
        = runProcess(cli.program, { QStringLiteral("--version") }, bareEnvironment(), {}, 120'000);
    // v1 before 1.18 printed its version on stderr, later ones and v2 on stdout.
    cli.version = QString::fromUtf8(version.out + version.err).trimmed();
    if (!version.finished || version.exitCode != 0) {
        *problem = QStringLiteral("`%1 --version` failed (exit status %2): %3")
                       .arg(cli.program)
                       .arg(version.exitCode)
                       .arg(cli.version);
        return std::nullopt;
    }
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("^aws-cli/(\\d+)\\.\\d+\\.\\d+\\s")).match(cli.version);
    cli.majorVersion = match.hasMatch() ? match.captured(1).toInt() : 0;
    if (cli.majorVersion != 1 && cli.majorVersion != 2) {
        *problem
            = QStringLiteral("cannot tell whether %1 is AWS CLI v1 or v2 from its --version: %2")
                  .arg(cli.program, cli.version);
        return std::nullopt;
    }
    return cli;
}

} // namespace e2e
