#include "aws/configresolver.h"

#include "aws/configuredendpoint.h"
#include "aws/endpointtarget.h"
#include "aws/keychainprofiles.h"

#include <QDir>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>

namespace aws {

namespace {

Q_LOGGING_CATEGORY(lcConfig, "lookoutdesk.aws.config", QtWarningMsg)

using Setting = AwsError::Setting;

QString profileSettingSource(const AwsProfile &profile, const ConfigProperty &property)
{
    return QStringLiteral("profile %1 in %2").arg(profile.name, property.location());
}

// First non-empty of: the explicit value, the environment variables, the profile key.
std::optional<SourcedValue> firstOf(const QString &explicitValue, const QString &explicitOrigin,
    const QProcessEnvironment &environment, const QStringList &variables, const AwsProfile *profile,
    const QString &profileKey)
{
    if (!explicitValue.isEmpty())
        return SourcedValue { explicitValue, explicitOrigin };
    for (const QString &variable : variables) {
        const QString value = environment.value(variable);
        if (!value.isEmpty())
            return SourcedValue { value, variable };
    }
    if (profile) {
        if (const ConfigProperty *property = profile->property(profileKey);
            property && !property->value.isEmpty())
            return SourcedValue { property->value, profileSettingSource(*profile, *property) };
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> regionProblem(const QString &region)
{
    static const QRegularExpression label(
        QStringLiteral("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$"));
    if (label.match(region).hasMatch())
        return std::nullopt;
    return QStringLiteral("Provided region_name '%1' doesn't match a supported format.")
        .arg(region);
}

Result<QUrl> parseEndpointUrl(const QString &text, const QString &source)
{
    const auto invalid = [&](const QString &why) {
        return AwsError::configuration(Setting::Endpoint,
            QStringLiteral("Invalid endpoint: \"%1\" (from %2): %3")
                .arg(withoutUserInfo(text), source, why));
    };
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return invalid(QStringLiteral("not a valid URL"));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return invalid(
            QStringLiteral("the URL must start with https:// (or http:// for a loopback address)"));
    if (url.host().isEmpty())
        return invalid(QStringLiteral("the URL has no host"));
    if (!url.userInfo().isEmpty())
        return invalid(QStringLiteral("the URL must not contain a user name or password"));
    if (url.hasQuery() || url.hasFragment())
        return invalid(QStringLiteral("the URL must not have a query or a fragment"));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return invalid(
            QStringLiteral("plain http is allowed only to loopback addresses (127.0.0.1, "
                           "::1, localhost); use https://"));
    return url;
}

AwsJsonClientSettings ResolvedConfig::clientSettings() const
{
    AwsJsonClientSettings settings;
    settings.signingName = service.signingName;
    settings.targetPrefix = service.targetPrefix;
    settings.endpoint = endpoint;
    settings.region = region.value;
    settings.maxAttempts = maxAttempts.value.toInt();
    settings.connectTimeout = connectTimeout;
    settings.readTimeout = readTimeout;
    return settings;
}

QStringList ResolvedConfig::describe() const
{
    const auto line = [](const char *what, const QString &value, const QString &source) {
        return QStringLiteral("%1: %2 (from %3)").arg(QLatin1String(what), value, source);
    };
    return { line("profile", profile.value, profile.source),
        line("region", region.value, region.source),
        line("endpoint", aws::withoutUserInfo(endpoint), endpointSource),
        QStringLiteral("credentials: %1").arg(credentials ? credentials->description() : QString()),
        line("max attempts", maxAttempts.value, maxAttempts.source),
        line("retry mode", retryMode.value, retryMode.source) };
}

ConfigResolver::ConfigResolver(
    const QProcessEnvironment &environment, QString homeDirectory, KeychainProfileStore *keychain)
    : m_environment(environment)
    , m_homeDirectory(std::move(homeDirectory))
    , m_keychain(keychain)
{
    m_processOptions.environment = m_environment;
    reload();
}

ConfigResolver ConfigResolver::forCurrentProcess(KeychainProfileStore *keychain)
{
    return { QProcessEnvironment::systemEnvironment(), QDir::homePath(), keychain };
}

void ConfigResolver::reload()
{
    m_profiles = AwsProfiles::load(m_environment, m_homeDirectory);
    // Callers show problems() where users look (stderr, the GUI); the log is for --debug.
    for (const QString &problem : problemLines(m_profiles.problems()))
        qCInfo(lcConfig).noquote() << problem;
}

void ConfigResolver::setCredentialProcessOptions(CredentialProcessOptions options)
{
    m_processOptions = std::move(options);
    m_processOptions.environment = m_environment; // the command sees the environment resolved with
}

QList<ProfileListEntry> ConfigResolver::profiles() const
{
    QList<ProfileListEntry> entries;
    for (const QString &name : m_profiles.names())
        entries.append({ name, ProfileListEntry::Origin::SharedFiles,
            m_profiles.profile(name)->description(), false });
    if (m_keychain) {
        for (const KeychainProfile &profile : m_keychain->profiles()) {
            const bool sessionOnly = m_keychain->isSessionOnly(profile.name);
            entries.append({ profile.name,
                sessionOnly ? ProfileListEntry::Origin::SessionOnly
                            : ProfileListEntry::Origin::Keychain,
                sessionOnly ? QStringLiteral("profile %1 (keys kept in memory for this session)")
                                  .arg(profile.name)
                            : QStringLiteral("keychain profile %1").arg(profile.name),
                m_profiles.contains(profile.name) });
        }
    }
    std::stable_sort(entries.begin(), entries.end(),
        [](const ProfileListEntry &a, const ProfileListEntry &b) { return a.name < b.name; });
    return entries;
}

Result<StsClientSettings> ConfigResolver::stsSettings(
    const AwsProfile *profile, const ResolvedConfig &config) const
{
    const ServiceDescription sts = stsServiceDescription();
    std::optional<SourcedValue> endpoint;
    const Result<std::optional<ConfiguredEndpoint>> configured
        = configuredEndpoint(sts, m_environment, m_profiles, profile);
    if (!configured.ok())
        return configured.error();
    if (configured.value())
        endpoint = SourcedValue { configured.value()->value, configured.value()->source };
    if (!endpoint) {
        // The AWS CLI v2 defaults to regional; legacy keeps the global endpoint for the regions
        // that had only it.
        const std::optional<SourcedValue> mode = firstOf({}, {}, m_environment,
            { "AWS_STS_REGIONAL_ENDPOINTS" }, profile, QStringLiteral("sts_regional_endpoints"));
        if (mode && mode->value != QLatin1String("legacy")
            && mode->value != QLatin1String("regional"))
            return AwsError::configuration(Setting::Endpoint,
                QStringLiteral("STS regional endpoints option %1 is invalid (from %2). Valid "
                               "values are: legacy, regional")
                    .arg(mode->value, mode->source));
        if (mode && mode->value == QLatin1String("legacy")
            && isLegacyGlobalStsRegion(config.region.value))
            endpoint = SourcedValue { QStringLiteral("https://sts.amazonaws.com"), mode->source };
        else
            endpoint = SourcedValue { sts.defaultEndpoint(config.region.value).toString(),
                QStringLiteral("the default for region %1").arg(config.region.value) };
    }
    const Result<QUrl> url = parseEndpointUrl(endpoint->value, endpoint->source);
    if (!url.ok())
        return url.error();
    StsClientSettings settings;
    settings.endpoint = url.value();
    settings.region = config.region.value;
    settings.maxAttempts = config.maxAttempts.value.toInt();
    settings.connectTimeout = config.connectTimeout;
    settings.readTimeout = config.readTimeout;
    settings.endpointSource = endpoint->source;
    return settings;
}

Result<ResolvedConfig> ConfigResolver::resolve(
    const ServiceDescription &service, const RequestedConfig &request) const
{
    // botocore's ConfigParseError, which ends every command before a profile is chosen.
    if (!m_profiles.unparsableFiles().isEmpty())
        return AwsError::configuration(Setting::SharedFile,
            QStringLiteral("Unable to parse config file: %1")
                .arg(m_profiles.unparsableFiles().constFirst()));
    ResolvedConfig config;
    config.service = service;
    const ProfileSelection selection
        = selectProfile(request.profile, m_environment, request.profileOrigin);
    config.profile = { selection.name, selection.source };
    const AwsProfile *profile = m_profiles.profile(selection.name);
    const std::optional<KeychainProfile> keychainProfile
        = (!profile && m_keychain) ? m_keychain->profile(selection.name) : std::nullopt;
    config.keychainProfile = keychainProfile.has_value();
    if (!profile && !keychainProfile && selection.name != QLatin1String("default"))
        return AwsError::profileNotFound(selection.name);
    const QString keychainSource = QStringLiteral("keychain profile %1").arg(selection.name);

    // Region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
    std::optional<SourcedValue> region = firstOf(request.region, request.regionOrigin,
        m_environment, { "AWS_REGION", "AWS_DEFAULT_REGION" }, profile, QStringLiteral("region"));
    if (!region && keychainProfile && !keychainProfile->region.isEmpty())
        region = SourcedValue { keychainProfile->region, keychainSource };
    if (!region)
        return AwsError::configuration(Setting::Region,
            QStringLiteral("You must specify a region. You can also configure your "
                           "region by running \"aws configure\"."));
    if (const auto problem = regionProblem(region->value))
        return AwsError::configuration(
            Setting::Region, QStringLiteral("%1 (from %2)").arg(*problem, region->source));
    config.region = *region;

    // Endpoint: --endpoint-url always; the configured ones unless ignored; else the default.
    std::optional<SourcedValue> endpoint;
    if (!request.endpointUrl.isEmpty())
        endpoint = SourcedValue { request.endpointUrl, request.endpointOrigin };
    QString ignoreSource;
    const bool ignoreConfigured = configuredEndpointsIgnored(m_environment, profile, &ignoreSource);
    if (!endpoint && !ignoreConfigured) {
        const Result<std::optional<ConfiguredEndpoint>> configured
            = configuredEndpoint(service, m_environment, m_profiles, profile);
        if (!configured.ok())
            return configured.error();
        if (configured.value())
            endpoint = SourcedValue { configured.value()->value, configured.value()->source };
        if (!endpoint && keychainProfile && !keychainProfile->endpointUrl.isEmpty())
            endpoint = SourcedValue { keychainProfile->endpointUrl, keychainSource };
    }
    if (!endpoint) {
        endpoint = SourcedValue { service.defaultEndpoint(region->value).toString(),
            QStringLiteral("the default for region %1").arg(region->value) };
    }
    if (ignoreConfigured && request.endpointUrl.isEmpty())
        endpoint->source
            += QStringLiteral("; configured endpoints ignored by %1").arg(ignoreSource);
    const Result<QUrl> url = parseEndpointUrl(endpoint->value, endpoint->source);
    if (!url.ok())
        return url.error();
    config.endpoint = url.value();
    config.endpointSource = endpoint->source;

    // Retries: AWS_MAX_ATTEMPTS / max_attempts, AWS_RETRY_MODE / retry_mode.
    const std::optional<SourcedValue> attempts = firstOf(
        {}, {}, m_environment, { "AWS_MAX_ATTEMPTS" }, profile, QStringLiteral("max_attempts"));
    config.maxAttempts
        = attempts.value_or(SourcedValue { QStringLiteral("3"), QStringLiteral("default") });
    bool isNumber = false;
    const int maxAttempts = config.maxAttempts.value.toInt(&isNumber);
    if (!isNumber || maxAttempts < 1)
        return AwsError::configuration(Setting::Retries,
            QStringLiteral("max_attempts must be a whole number of at least 1, "
                           "not '%1' (from %2)")
                .arg(config.maxAttempts.value, config.maxAttempts.source));
    const std::optional<SourcedValue> mode = firstOf(
        {}, {}, m_environment, { "AWS_RETRY_MODE" }, profile, QStringLiteral("retry_mode"));
    config.retryMode
        = mode.value_or(SourcedValue { QStringLiteral("standard"), QStringLiteral("default") });
    config.s3AddressingStyle = { QStringLiteral("auto"), QStringLiteral("default") };
    if (const ConfigProperty *s3 = profile ? profile->property(QStringLiteral("s3")) : nullptr) {
        const auto style = s3->subProperties.constFind(QStringLiteral("addressing_style"));
        if (style != s3->subProperties.constEnd() && !style->value.isEmpty())
            config.s3AddressingStyle = { style->value,
                QStringLiteral("s3.addressing_style in %1 line %2")
                    .arg(style->file, QString::number(style->line)) };
    }
    config.connectTimeout = request.connectTimeout.value_or(config.connectTimeout);
    config.readTimeout = request.readTimeout.value_or(config.readTimeout);
    static const QStringList modes
        = { QStringLiteral("legacy"), QStringLiteral("standard"), QStringLiteral("adaptive") };
    if (!modes.contains(config.retryMode.value))
        return AwsError::configuration(Setting::Retries,
            QStringLiteral("Invalid value '%1' provided to retry_mode (from %2). Valid "
                           "values are: legacy, standard, adaptive")
                .arg(config.retryMode.value, config.retryMode.source));

    // Credentials: chosen now from the files as read; chosen again after invalidate() from the
    // files as they are then.
    const QProcessEnvironment environment = m_environment;
    const QString home = m_homeDirectory;
    KeychainProfileStore *keychain = m_keychain;
    auto selector = [selection, environment, home, keychain,
                        loaded = std::optional<AwsProfiles>(m_profiles)]() mutable {
        const AwsProfiles profiles
            = loaded ? *std::exchange(loaded, std::nullopt) : AwsProfiles::load(environment, home);
        return selectCredentialSource(selection, environment, profiles, keychain, home);
    };
    StsOptions sts;
    sts.settings = stsSettings(profile, config);
    sts.mfaPrompt = m_mfaPrompt;
    if (sts.settings.ok())
        config.stsEndpoint = { withoutUserInfo(sts.settings.value().endpoint),
            sts.settings.value().endpointSource };
    config.credentials = std::make_shared<CredentialChain>(
        std::move(selector), m_keychain, m_processOptions, m_now, std::move(sts));
    qCDebug(lcConfig).noquote() << config.describe().join(QLatin1String("; "));
    return config;
}

} // namespace aws
