#include "cli/commandline.h"

#include "appinfo.h"
#include "aws/keychainprofiles.h"
#include "cli/helptext.h"
#include "cli/invocation.h"
#include "cli/servicecommand.h"
#include "cli/standardstreams.h"
#include "options/exitcodes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStringList>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace cli {

namespace {

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

// stdout and stderr as unbuffered devices: every write reaches the descriptor at once, so
// output and --debug lines interleave as they happen.
int runServiceCommandInThisProcess(const Invocation &invocation, StandardStreams &streams)
{
    // A reader that goes away (`| head`) makes write() fail with EPIPE instead of killing us.
    std::signal(SIGPIPE, SIG_IGN);
    const std::unique_ptr<QSettings> profileSettings
        = aws::KeychainProfileStore::openDefaultSettings();
    QNetworkAccessManager network;
    CommandEnvironment environment;
    environment.environment = QProcessEnvironment::systemEnvironment();
    environment.homeDirectory = QDir::homePath();
    environment.profileSettings = profileSettings.get();
    environment.network = &network;
    environment.out = &streams.out;
    environment.err = &streams.err;
    environment.terminal = TerminalInfo::detect();
    return runServiceCommand(invocation, environment);
}

} // namespace

bool isHeadlessInvocation(int argc, char *argv[])
{
    return isHeadlessCommandLine(argumentsOf(argc, argv));
}

int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(appinfo::kBinaryName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(appinfo::kVersion));
    StandardStreams streams;

    const options::Result<Invocation> parsed
        = parseInvocation(QCoreApplication::arguments().mid(1));
    if (!parsed.ok()) {
        streams.err.write(
            (usageBlock() + QLatin1Char('\n') + QString::fromLatin1(appinfo::kBinaryName)
                + QLatin1String(": error: ") + parsed.error().message + QLatin1Char('\n'))
                .toUtf8());
        return options::exitcode::kBadCommandLine;
    }
    const Invocation &invocation = parsed.value();
    switch (invocation.action) {
    case Invocation::Action::Help:
        streams.out.write(commandHelp(invocation.command).toUtf8());
        return options::exitcode::kSuccess;
    case Invocation::Action::Version:
        streams.out.write(QByteArray(appinfo::kBinaryName) + ' ' + appinfo::kVersion + '\n');
        return options::exitcode::kSuccess;
    case Invocation::Action::Run:
        break;
    }
    if (invocation.command && invocation.command->call)
        return runServiceCommandInThisProcess(invocation, streams);
    if (invocation.command && invocation.command->run)
        return invocation.command->run(invocation);
    streams.err.write((usageBlock() + QLatin1Char('\n')).toUtf8());
    return options::exitcode::kBadCommandLine;
}

} // namespace cli
