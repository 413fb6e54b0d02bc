#include "ui/choiceresolver.h"

#include "aws/s3client.h"
#include "lookout/service.h"
#include "results/scheduleroutput.h"
#include "ui/demoendpoint.h"

#include <QCoreApplication>

#include <algorithm>

namespace ui {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ChoiceResolver)
};

const QString kEnvironmentValue = QStringLiteral("environment");
const QString kDemoValue = QStringLiteral("demo");
const QString kProfilePrefix = QStringLiteral("profile:");

} // namespace

QString ProfileChoice::toSettingsValue() const
{
    switch (kind) {
    case Kind::Environment:
        return kEnvironmentValue;
    case Kind::Demo:
        return kDemoValue;
    case Kind::Profile:
        break;
    }
    return kProfilePrefix + name;
}

std::optional<ProfileChoice> ProfileChoice::fromSettingsValue(const QString &value)
{
    if (value == kEnvironmentValue)
        return environment();
    if (value == kDemoValue)
        return demo();
    if (value.startsWith(kProfilePrefix) && value.size() > kProfilePrefix.size())
        return profile(value.mid(kProfilePrefix.size()));
    return std::nullopt;
}

ChoiceResolver::ChoiceResolver(
    aws::ConfigResolver *resolver, DemoEndpoint *demo, aws::RequestedConfig commandLine)
    : m_resolver(resolver)
    , m_demo(demo)
    , m_commandLine(std::move(commandLine))
{
}

QList<aws::ProfileListEntry> ChoiceResolver::profiles() const
{
    QList<aws::ProfileListEntry> entries = m_resolver->profiles();
    entries.removeIf([](const aws::ProfileListEntry &entry) { return entry.shadowed; });
    return entries;
}

bool ChoiceResolver::environmentHasCredentials() const
{
    return !m_resolver->environment().value(QStringLiteral("AWS_ACCESS_KEY_ID")).isEmpty();
}

QString ChoiceResolver::defaultProfileName() const
{
    for (const char *variable : { "AWS_PROFILE", "AWS_DEFAULT_PROFILE" }) {
        const QString name = m_resolver->environment().value(QLatin1String(variable));
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("default");
}

ProfileChoice ChoiceResolver::initialChoice(const std::optional<ProfileChoice> &saved) const
{
    if (!m_commandLine.profile.isEmpty())
        return ProfileChoice::profile(m_commandLine.profile);
    if (environmentHasCredentials())
        return ProfileChoice::environment();
    if (saved) {
        switch (saved->kind) {
        case ProfileChoice::Kind::Demo:
            if (m_demo)
                return *saved;
            break;
        case ProfileChoice::Kind::Profile: {
            const QList<aws::ProfileListEntry> entries = profiles();
            const bool exists = std::any_of(entries.cbegin(), entries.cend(),
                [&](const aws::ProfileListEntry &entry) { return entry.name == saved->name; });
            if (exists)
                return *saved;
            break;
        }
        case ProfileChoice::Kind::Environment:
            break;
        }
    }
    return ProfileChoice::profile(defaultProfileName());
}

aws::AwsError ChoiceResolver::demoUnavailable()
{
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::Configuration;
    error.message = Text::tr("The demo endpoint is not available.");
    return error;
}

aws::Result<ResolvedChoice> ChoiceResolver::resolve(
    const ProfileChoice &choice, const QString &region, const QString &regionOrigin) const
{
    if (choice.kind == ProfileChoice::Kind::Demo) {
        if (!m_demo)
            return demoUnavailable();
        aws::Result<aws::ResolvedConfig> demo = m_demo->config();
        if (!demo.ok())
            return demo.error();
        return ResolvedChoice { std::move(demo).value(), Text::tr("Demo") };
    }

    const QString label
        = choice.kind == ProfileChoice::Kind::Profile ? choice.name : Text::tr("Environment");
    aws::Result<aws::ResolvedConfig> config = m_resolver->resolve(
        lookout::service::description(), requestFor(choice, region, regionOrigin));
    if (!config.ok())
        return config.error();
    return ResolvedChoice { std::move(config).value(), label };
}

aws::Result<aws::ResolvedConfig> ChoiceResolver::resolveResults(
    const ProfileChoice &choice, const QString &region, const QString &regionOrigin) const
{
    if (choice.kind == ProfileChoice::Kind::Demo) {
        if (!m_demo)
            return demoUnavailable();
        return m_demo->s3Config();
    }
    return m_resolver->resolve(aws::s3ServiceDescription(),
        results::outputRequestFor(requestFor(choice, region, regionOrigin)));
}

aws::RequestedConfig ChoiceResolver::requestFor(
    const ProfileChoice &choice, const QString &region, const QString &regionOrigin) const
{
    aws::RequestedConfig request;
    request.endpointUrl = m_commandLine.endpointUrl;
    request.endpointOrigin = m_commandLine.endpointOrigin;
    request.connectTimeout = m_commandLine.connectTimeout;
    request.readTimeout = m_commandLine.readTimeout;
    request.region = region;
    request.regionOrigin = regionOrigin;
    if (choice.kind == ProfileChoice::Kind::Profile) {
        request.profile = choice.name;
        request.profileOrigin = choice.name == m_commandLine.profile
            ? m_commandLine.profileOrigin
            : Text::tr("the profile picker");
    }
    return request;
}

void ChoiceResolver::reload()
{
    m_resolver->reload();
}

} // namespace ui
