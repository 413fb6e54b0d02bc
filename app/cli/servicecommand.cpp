#include "cli/servicecommand.h"

#include "appinfo.h"
#include "aws/awsjsonclient.h"
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "cli/debuglog.h"
#include "cli/interruptedexit.h"
#include "cli/lookoutcalls.h"
#include "cli/mfaprompt.h"
#include "cli/responseprinter.h"
#include "lookout/lookoutclient.h"
#include "lookout/service.h"
#include "options/exitcodes.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QIODevice>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

namespace cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::ServiceCommand)
};

// Every failure after a blank line, as AWS CLI v2 prints it (awscli.utils.write_exception, and
// clidriver's _show_error for the two "configure" hints, which v1 printed without one).
int fail(QIODevice *err, const aws::AwsError &error)
{
    err->write("\n" + error.toString().toUtf8() + '\n');
    return error.exitCode();
}

void applyTimeouts(const GlobalOptions &options, aws::AwsJsonClientSettings &settings)
{
    if (options.readTimeout)
        settings.readTimeout = *options.readTimeout;
    if (options.connectTimeout)
        settings.connectTimeout = *options.connectTimeout;
}

int writeOutput(QIODevice *out, QIODevice *err, const QByteArray &bytes)
{
    if (bytes.isEmpty() || out->write(bytes) == bytes.size())
        return options::exitcode::kSuccess;
    // A reader that went away (`| head`) is not a failure, as with the CLI.
    if (errno == EPIPE)
        return options::exitcode::kSuccess;
    err->write(Text::tr("Cannot write the output: %1\n")
                   .arg(QString::fromLocal8Bit(std::strerror(errno)))
                   .toUtf8());
    return options::exitcode::kFailure;
}

} // namespace

int runServiceCommand(const Invocation &invocation, const CommandEnvironment &environment)
{
    QIODevice *err = environment.err;
    if (!invocation.command || !invocation.command->call) {
        // A caller's mistake, reported like any other failure rather than crashing.
        aws::AwsError error;
        error.kind = aws::AwsError::Kind::InvalidParameter;
        error.message = QStringLiteral("'%1' is not a Lookout for Equipment command")
                            .arg(invocation.commandName());
        return fail(err, error);
    }
    const DebugLogScope debugLog(invocation.global.debug, err);
    qCDebug(lcCli).noquote() << QStringLiteral("%1 %2, Qt %3: %4 (%5)")
                                    .arg(QLatin1String(appinfo::kBinaryName),
                                        QLatin1String(appinfo::kVersion), QLatin1String(qVersion()),
                                        invocation.commandName(),
                                        QString(invocation.command->operation));

    // Listing keychain profiles reads only the settings; the keychain itself is opened only when
    // the chosen profile's keys are fetched.
    const std::unique_ptr<aws::KeychainProfileStore> keychain = environment.profileSettings
        ? std::make_unique<aws::KeychainProfileStore>(environment.profileSettings)
        : nullptr;
    aws::ConfigResolver resolver(
        environment.environment, environment.homeDirectory, keychain.get());
    resolver.setMfaPrompt(terminalMfaPrompt());
    for (const QString &problem : aws::problemLines(resolver.problems()))
        err->write(Text::tr("Warning: %1\n").arg(problem).toUtf8());

    const aws::Result<aws::ResolvedConfig> config
        = resolver.resolve(lookout::service::description(), invocation.global.requestedConfig);
    if (!config.ok())
        return fail(err, config.error());
    for (const QString &line : config.value().describe())
        qCDebug(lcCli).noquote() << line;

    const aws::AwsProfile *profile
        = resolver.sharedProfiles().profile(config.value().profile.value);
    const aws::Result<ResolvedOutput> output
        = resolveOutput(invocation.global, environment.environment, profile, environment.terminal);
    if (!output.ok())
        return fail(err, output.error());
    for (const QString &line : output.value().describe)
        qCDebug(lcCli).noquote() << line;

    aws::AwsJsonClientSettings settings = config.value().clientSettings();
    applyTimeouts(invocation.global, settings);
    qCDebug(lcCli).noquote() << QStringLiteral("timeouts: connect %1 ms, read %2 ms")
                                    .arg(settings.connectTimeout.count())
                                    .arg(settings.readTimeout.count());
    aws::AwsJsonClient client(environment.network, settings, config.value().credentials);
    lookout::LookoutClient lookoutClient(&client);

    core::InterruptWatcher interrupts;
    QEventLoop loop;
    QObject context;
    std::optional<aws::Result<QByteArray>> outcome;
    QObject::connect(&interrupts, &core::InterruptWatcher::interrupted, &loop, [&] {
        client.abortAll();
        loop.quit();
    });
    invocation.command->call(
        ServiceCall { invocation.arguments, lookoutClient, output.value().settings.timestamps,
            &context, environment.clock ? *environment.clock : *core::Clock::system() },
        [&](const aws::Result<QByteArray> &result) {
            outcome = result;
            loop.quit();
        });
    if (!outcome && !interrupts.wasInterrupted())
        loop.exec();
    if (!outcome) {
        return endInterrupted(interrupts, environment.out);
    }
    if (!outcome->ok())
        return fail(err, outcome->error());

    const aws::Result<QByteArray> printed = renderResponse(
        outcome->value(), QString(invocation.command->operation), output.value().settings);
    if (!printed.ok())
        return fail(err, printed.error());
    return writeOutput(environment.out, err, printed.value());
}

} // namespace cli
