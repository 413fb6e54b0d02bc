#include "headlessrun.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

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

QList<ProcessRun> runProcesses(const QList<ProcessSpec> &specs)
{
    QList<ProcessRun> runs(specs.size());
    std::vector<std::unique_ptr<QProcess>> processes(specs.size());
    const qsizetype atOnce = std::max(2, QThread::idealThreadCount());
    qsizetype next = 0;
    qsizetype running = 0;
    QEventLoop loop;
    std::function<void()> startMore;
    // Collects a process's output and exit, then starts the next; the event loop reads every
    // pipe meanwhile, so a child never blocks on a full one.
    const auto finish = [&](qsizetype i, bool finished) {
        QProcess &process = *processes[i];
        process.disconnect(); // its finished() after a kill is not news
        if (!finished) {
            process.kill();
            process.waitForFinished(10'000);
        }
        runs[i].finished = finished && process.exitStatus() == QProcess::NormalExit;
        runs[i].exitCode = process.exitCode();
        runs[i].out = process.readAllStandardOutput();
        runs[i].err = process.readAllStandardError();
        --running;
        startMore();
    };
    startMore = [&] {
        while (running < atOnce && next < specs.size()) {
            const qsizetype i = next++;
            processes[i] = std::make_unique<QProcess>();
            QProcess *process = processes[i].get();
            process->setProcessEnvironment(specs[i].environment);
            auto *timer = new QTimer(process);
            timer->setSingleShot(true);
            QObject::connect(timer, &QTimer::timeout, process, [&finish, i] { finish(i, false); });
            QObject::connect(process, &QProcess::finished, process, [&finish, i, timer] {
                timer->stop();
                finish(i, true);
            });
            QObject::connect(process, &QProcess::errorOccurred, process,
                [&finish, i, timer](QProcess::ProcessError error) {
                    if (error == QProcess::FailedToStart) {
                        timer->stop();
                        finish(i, false);
                    }
                });
            ++running;
            timer->start(specs[i].timeoutMs);
            process->start(specs[i].program, specs[i].arguments);
            process->closeWriteChannel();
        }
        if (running == 0 && next == specs.size())
            loop.quit();
    };
    startMore();
    if (running > 0)
        loop.exec();
    return runs;
}

namespace {

// Reads `aws --version` ("aws-cli/2.9.19 Python/3.11.2 …"); nullopt and `problem` set when the
// version cannot be read or is neither 1 nor 2.
std::optional<AwsCli> describeCli(const QString &program, QString *problem)
{
    AwsCli cli;
    cli.program = program;
    // The CLI's own settings must not change what it prints about itself.
    const ProcessRun version
        = runProcess(program, { QStringLiteral("--version") }, bareEnvironment(), {}, 120'000);
    // v1 before 1.18 printed its version on stderr, later ones and v2 on stdout.
    cli.version = QString::fromUtf8(version.out + version.err).trimmed();
    if (!version.finished || version.exitCode != 0) {
        *problem = QStringLiteral("`%1 --version` failed (exit status %2): %3")
                       .arg(program)
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
                  .arg(program, cli.version);
        return std::nullopt;
    }
    return cli;
}

// The interpreter a script names on its #! line when that is a Python ("#!/usr/bin/python3",
// "#!/usr/bin/env python3"), else empty (a pyenv shim is a bash script).
QString scriptPython(const QString &program)
{
    QFile file(program);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    const QByteArray line = file.readLine(512).trimmed();
    if (!line.startsWith("#!"))
        return QString();
    QStringList words = QString::fromUtf8(line.mid(2)).split(u' ', Qt::SkipEmptyParts);
    if (!words.isEmpty() && QFileInfo(words.first()).fileName() == u"env")
        words.removeFirst();
    if (words.isEmpty() || !QFileInfo(words.first()).fileName().startsWith(u"python"))
        return QString();
    return words.first().startsWith(u'/') ? words.first()
                                          : QStandardPaths::findExecutable(words.first());
}

// The Python that runs this CLI's own awscli package: the one on its #! line, else python3 on
// PATH, whichever imports an awscli of the very version `aws --version` printed; recorded by its
// real path (sys.executable), not a version manager's shim. When the CLI itself is such a shim
// (pyenv's is a bash script that starts `pyenv exec`, half a second of CPU on every run), the
// `aws` script beside that interpreter is run instead: the same CLI, started directly.
void findPython(AwsCli &cli)
{
    const QString number = cli.version.section(u' ', 0, 0).section(u'/', 1);
    const QString shebangPython = scriptPython(cli.program);
    QStringList candidates { shebangPython,
        QStandardPaths::findExecutable(QStringLiteral("python3")) };
    candidates.removeAll(QString());
    candidates.removeDuplicates();
    QStringList tried;
    for (const QString &python : std::as_const(candidates)) {
        const ProcessRun imported = runProcess(python,
            { QStringLiteral("-c"),
                QStringLiteral("import sys, awscli; print(awscli.__version__); "
                               "print(sys.executable)") },
            bareEnvironment(), {}, 120'000);
        const QStringList lines = QString::fromUtf8(imported.out).trimmed().split(u'\n');
        const QString found = lines.value(0).trimmed();
        const QString executable = lines.value(1).trimmed();
        if (imported.finished && imported.exitCode == 0 && found == number
            && QFileInfo(executable).isExecutable()) {
            cli.python = executable;
            const QString direct = QFileInfo(executable).dir().filePath(QStringLiteral("aws"));
            if (shebangPython.isEmpty() && QFileInfo(direct).isExecutable()
                && !scriptPython(direct).isEmpty()) {
                QString problem;
                const std::optional<AwsCli> same = describeCli(direct, &problem);
                if (same && same->version == cli.version)
                    cli.program = direct;
            }
            return;
        }
        tried.append(python + QStringLiteral(" (")
            + (found.isEmpty() ? QStringLiteral("no awscli") : found) + u')');
    }
    cli.pythonProblem = QStringLiteral("no Python imports the awscli %1 of %2; tried: %3")
                            .arg(number, cli.program,
                                tried.isEmpty() ? QStringLiteral("none") : tried.join(u", "));
}

AwsClis findAwsClis()
{
    AwsClis clis;
    // Debian's v2 first, by its path: a v1 earlier on PATH (pyenv) must not hide it.
    QStringList programs { QStringLiteral("/usr/bin/aws") };
    for (const QString &directory : qEnvironmentVariable("PATH").split(u':', Qt::SkipEmptyParts)) {
        programs.append(QDir(directory).filePath(QStringLiteral("aws")));
    }
    QStringList seen;
    for (const QString &program : std::as_const(programs)) {
        const QFileInfo info(program);
        if (!info.isFile() || !info.isExecutable() || seen.contains(info.canonicalFilePath()))
            continue;
        seen.append(info.canonicalFilePath());
        QString problem;
        std::optional<AwsCli> cli = describeCli(program, &problem);
        if (!cli) {
            clis.problems.append(problem);
            continue;
        }
        std::optional<AwsCli> &slot = cli->majorVersion == 2 ? clis.v2 : clis.v1;
        if (!slot) {
            findPython(*cli);
            slot = std::move(cli);
        }
        if (clis.v1 && clis.v2)
            break;
    }
    return clis;
}

} // namespace

QList<int> awsCliMajorVersions()
{
#if defined(__SANITIZE_ADDRESS__)
    return { 2 };
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return { 2 };
#else
    return { 2, 1 };
#endif
#else
    return { 2, 1 };
#endif
}

const AwsClis &awsClis()
{
    static const AwsClis clis = findAwsClis();
    return clis;
}

AwsCliChoice awsCli(int majorVersion, bool needPython)
{
    AwsCliChoice choice;
    const AwsClis &clis = awsClis();
    const std::optional<AwsCli> &cli = majorVersion == 2 ? clis.v2 : clis.v1;
    choice.required = majorVersion == 2 && qEnvironmentVariable("CI") == u"true";
    if (!cli) {
        choice.missing = majorVersion == 2
            ? QStringLiteral("no AWS CLI v2 to compare with: neither /usr/bin/aws nor an `aws` on "
                             "PATH is v2 (packaging/install-deps installs Debian's awscli)")
            : QStringLiteral("no AWS CLI v1 on PATH to compare with (optional; pip install "
                             "awscli)");
    } else if (needPython && cli->python.isEmpty()) {
        choice.missing = QStringLiteral("cannot run the formatters of %1: %2")
                             .arg(cli->version, cli->pythonProblem);
    } else {
        choice.cli = &*cli;
    }
    return choice;
}

} // namespace e2e
