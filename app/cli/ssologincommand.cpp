#include "cli/ssologincommand.h"

#include "aws/awsprofiles.h"
#include "aws/credentialchain.h"
#include "aws/ssodevicesignin.h"
#include "cli/interruptedexit.h"
#include "cli/invocation.h"
#include "cli/standardstreams.h"
#include "core/interruptwatcher.h"
#include "options/exitcodes.h"

#include <QDir>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>

#include <csignal>
#include <optional>

namespace cli {

namespace {

Q_LOGGING_CATEGORY(lcSsoLogin, "lookoutdesk.cli.sso", QtWarningMsg)

int fail(QIODevice &err, const aws::AwsError &error)
{
    err.write("\n" + error.toString().toUtf8() + '\n');
    return error.exitCode();
}

// The AWS CLI's lines (awscli/customizations/sso/utils.py), in English as it prints them.
QByteArray promptText(const aws::SsoSignInPrompt &prompt, bool openBrowser)
{
    const QByteArray page = prompt.verificationUri.toString().toUtf8();
    const QByteArray code = prompt.userCode.toUtf8();
    if (openBrowser)
        return "Attempting to automatically open the SSO authorization page in your default "
               "browser.\nIf the browser does not open or you wish to use a different device to "
               "authorize this request, open the following URL:\n\n"
            + page + "\n\nThen enter the code:\n\n" + code + "\n";
    return "Browser will not be automatically opened.\nPlease visit the following URL:\n\n" + page
        + "\n\nThen enter the code:\n\n" + code
        + "\n\nAlternatively, you may visit the following URL which will autofill the code upon "
          "loading:\n"
        + prompt.verificationUriComplete.toString().toUtf8() + "\n";
}

} // namespace

int runSsoLoginCommand(const Invocation &invocation)
{
    std::signal(SIGPIPE, SIG_IGN);
    StandardStreams streams;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString home = QDir::homePath();
    const aws::AwsProfiles profiles = aws::AwsProfiles::load(environment, home);
    if (!profiles.unparsableFiles().isEmpty())
        return fail(streams.err,
            aws::AwsError::configuration(aws::AwsError::Setting::SharedFile,
                QStringLiteral("Unable to parse config file: %1")
                    .arg(profiles.unparsableFiles().constFirst())));
    const aws::ProfileSelection selection
        = aws::selectProfile(invocation.global.requestedConfig.profile, environment,
            invocation.global.requestedConfig.profileOrigin);
    const aws::AwsProfile *profile = profiles.profile(selection.name);
    if (!profile)
        return fail(streams.err, aws::AwsError::profileNotFound(selection.name));
    const aws::Result<aws::SsoSettings> settings = aws::ssoLoginSettingsFor(*profile, profiles);
    if (!settings.ok())
        return fail(streams.err, settings.error());
    const aws::Result<aws::SsoEndpoints> endpoints
        = aws::ssoEndpointsFor(settings.value(), *profile, environment, profiles, home);
    if (!endpoints.ok())
        return fail(streams.err, endpoints.error());
    qCDebug(lcSsoLogin).noquote() << "signing in to" << settings.value().startUrl << "through"
                                  << endpoints.value().oidc.toString() << "(from"
                                  << endpoints.value().oidcSource << ")";

    const bool openBrowser = !invocation.arguments.flag(QLatin1String("--no-browser"));
    core::InterruptWatcher interrupts;
    QNetworkAccessManager network;
    aws::SsoDeviceSignIn signIn(settings.value(), endpoints.value(), &network);
    QEventLoop loop;
    std::optional<aws::Result<aws::SsoToken>> outcome;
    QObject::connect(&interrupts, &core::InterruptWatcher::interrupted, &loop, [&] {
        signIn.cancel();
        loop.quit();
    });
    signIn.start(
        [&](const aws::SsoSignInPrompt &prompt) {
            streams.out.write(promptText(prompt, openBrowser));
            if (openBrowser
                && !QProcess::startDetached(
                    QStringLiteral("xdg-open"), { prompt.verificationUriComplete.toString() }))
                qCDebug(lcSsoLogin) << "Failed to open browser: xdg-open could not be started";
        },
        [&](const aws::Result<aws::SsoToken> &result) {
            outcome = result;
            loop.quit();
        });
    if (!outcome && !interrupts.wasInterrupted())
        loop.exec();
    if (interrupts.wasInterrupted())
        return endInterrupted(interrupts, &streams.out);
    if (!outcome->ok())
        return fail(streams.err, outcome->error());
    streams.out.write(
        "Successfully logged into Start URL: " + settings.value().startUrl.toUtf8() + "\n");
    return options::exitcode::kSuccess;
}

} // namespace cli
