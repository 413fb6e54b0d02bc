#pragma once

// The example scripts that --help texts show, taken out of the text and run by /bin/sh as a user
// would paste them, for the tests that check that each example does what its help says.
#include "executablescript.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <csignal>
#include <unistd.h>

namespace testing_support {

// The lines after the first line of `help` that starts with `header`, as long as they are indented
// by `indent` spaces (or more), with those spaces removed. Empty when there is no such header.
inline QString exampleScript(const QString &help, const QString &header, qsizetype indent)
{
    const QStringList lines = help.split(u'\n');
    qsizetype line = 0;
    while (line < lines.size() && !lines.at(line).startsWith(header))
        ++line;
    const QString prefix(indent, u' ');
    QString script;
    for (++line; line < lines.size() && lines.at(line).startsWith(prefix); ++line)
        script += lines.at(line).mid(indent) + u'\n';
    return script;
}

struct ShellRun {
    bool finished = false; // within the deadline, by itself
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `script` with /bin/sh in `directory`, `binaryDirectory` first on PATH, and waits at most
// `timeoutMs`. A script that has not ended by then is killed (finished is false). `stopOnError`:
// sh -e, the script ends at the first command that fails. The shell runs in a process group of
// its own, which is sent SIGTERM at the end: whatever the script left running in the background
// (an emulator, when the script failed before stopping it) does not outlive the test.
inline ShellRun runShellScript(const QString &script, const QString &directory,
    const QString &binaryDirectory, QProcessEnvironment environment, bool stopOnError,
    int timeoutMs)
{
    environment.insert(
        QStringLiteral("PATH"), binaryDirectory + u':' + environment.value(QStringLiteral("PATH")));
    QProcess shell;
    shell.setProcessEnvironment(environment);
    shell.setWorkingDirectory(directory);
    shell.setChildProcessModifier([] { ::setpgid(0, 0); });
    shell.start(QStringLiteral("/bin/sh"),
        { stopOnError ? QStringLiteral("-ec") : QStringLiteral("-c"), script });
    ShellRun run;
    const bool started = shell.waitForStarted(30'000);
    const auto group = static_cast<pid_t>(shell.processId());
    run.finished
        = started && shell.waitForFinished(timeoutMs) && shell.exitStatus() == QProcess::NormalExit;
    if (group > 0)
        ::kill(-group, SIGTERM);
    if (!run.finished) {
        shell.kill();
        shell.waitForFinished(10'000);
    }
    run.exitCode = shell.exitCode();
    run.out = QString::fromUtf8(shell.readAllStandardOutput());
    run.err = QString::fromUtf8(shell.readAllStandardError());
    return run;
}

// A directory's `lookout-desk` that fails at once as the emulator does when its port is taken
// (exit status 255, nothing on stdout): what a help example meets when the emulator cannot start.
inline QString writeFailingEmulator(const QString &directory)
{
    return writeExecutableScript(directory, QStringLiteral("lookout-desk"),
        "echo 'lookout-desk emulator: cannot listen on 127.0.0.1:1: address in use' >&2\n"
        "exit 255\n");
}

} // namespace testing_support
