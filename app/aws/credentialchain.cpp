#include "aws/credentialchain.h"

#include "aws/awsprofiles.h"
#include "aws/keychainprofiles.h"
#include "aws/lazynetwork.h"
#include "core/boundedfile.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>

namespace aws {

namespace {

Q_LOGGING_CATEGORY(lcCredentials, "lookoutdesk.aws.credentials", QtWarningMsg)

AwsError makeError(AwsError::Kind kind, const QString &message)
{
    AwsError error;
    error.kind = kind;
    error.message = message;
    return error;
}

AwsError noCredentials()
{
    return makeError(AwsError::Kind::Credentials,
        QStringLiteral("Unable to locate credentials. You can configure credentials by "
                       "running \"aws configure\"."));
}

AwsError partialCredentials(const QString &provider, const QString &missing)
{
    return makeError(AwsError::Kind::Credentials,
        QStringLiteral("Partial credentials found in %1, missing: %2").arg(provider, missing));
}

// Static keys of one file's part of a profile; nullopt when it has none.
std::optional<Result<CredentialSource>> staticKeys(const AwsProfile &profile,
    const QMap<QString, ConfigProperty> &properties, const QString &providerName)
{
    const auto value = [&](const char *key) { return properties.value(QLatin1String(key)).value; };
    const QString accessKeyId = value("aws_access_key_id");
    if (accessKeyId.isEmpty())
        return std::nullopt;
    const QString secret = value("aws_secret_access_key");
    if (secret.isEmpty())
        return Result<CredentialSource>(
            partialCredentials(providerName, QStringLiteral("aws_secret_access_key")));
    QString token = value("aws_session_token");
    if (token.isEmpty())
        token = value("aws_security_token"); // the older name botocore still reads
    CredentialSource source;
    source.kind = CredentialSource::Kind::SharedFileKeys;
    source.profile = profile.name;
    source.description
        = QStringLiteral("profile %1 in %2")
              .arg(profile.name, properties.value(QStringLiteral("aws_access_key_id")).location());
    source.credentials
        = AwsCredentials { accessKeyId, secret, token, std::nullopt, source.description };
    return Result<CredentialSource>(source);
}

Result<CredentialSource> fromSsoSettings(const SsoSettings &settings, const AwsProfile &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const QString &homeDirectory)
{
    const Result<SsoEndpoints> endpoints
        = ssoEndpointsFor(settings, profile, environment, profiles, homeDirectory);
    if (!endpoints.ok())
        return endpoints.error();
    CredentialSource source;
    source.kind = CredentialSource::Kind::Sso;
    source.profile = profile.name;
    source.description = settings.description();
    source.sso = settings;
    source.ssoEndpoints = endpoints.value();
    return source;
}

CredentialSource keychainSource(const QString &name, const KeychainProfileStore &keychain)
{
    CredentialSource source;
    source.kind = CredentialSource::Kind::Keychain;
    source.profile = name;
    source.description = keychain.isSessionOnly(name)
        ? QStringLiteral("profile %1 (keys kept in memory for this session)").arg(name)
        : QStringLiteral("keychain profile %1").arg(name);
    return source;
}

AwsError invalidConfig(const QString &message)
{
    return AwsError::configuration(AwsError::Setting::Profile, message);
}

// What one selection needs while it follows source_profile links.
struct SelectionContext {
    const QProcessEnvironment &environment;
    const AwsProfiles &profiles;
    const KeychainProfileStore *keychain;
    const QString &homeDirectory; // where the SSO token cache is; empty: the user's home
    QStringList visited; // botocore's _visited_profiles
};

bool hasStaticKeys(const AwsProfile &profile)
{
    return profile.property(QStringLiteral("aws_access_key_id"))
        || profile.property(QStringLiteral("aws_secret_access_key"));
}

bool assumesRole(const AwsProfile &profile)
{
    return profile.property(QStringLiteral("role_arn"))
        && !profile.property(QStringLiteral("web_identity_token_file"));
}

// Environment keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); nullopt without
// an access key id.
std::optional<Result<CredentialSource>> environmentKeys(const QProcessEnvironment &environment)
{
    const QString accessKeyId = environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    if (accessKeyId.isEmpty())
        return std::nullopt;
    const QString secret = environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (secret.isEmpty())
        return Result<CredentialSource>(
            partialCredentials(QStringLiteral("env"), QStringLiteral("AWS_SECRET_ACCESS_KEY")));
    QString token = environment.value(QStringLiteral("AWS_SESSION_TOKEN"));
    if (token.isEmpty())
        token = environment.value(QStringLiteral("AWS_SECURITY_TOKEN"));
    CredentialSource source;
    source.kind = CredentialSource::Kind::Environment;
    source.description = QStringLiteral("environment variables (AWS_ACCESS_KEY_ID)");
    source.credentials
        = AwsCredentials { accessKeyId, secret, token, std::nullopt, source.description };
    return Result<CredentialSource>(source);
}

// botocore's AssumeRoleWithWebIdentityProvider: each setting from its environment variable (unless
// `useEnvironment` is false: the profile was chosen explicitly, or is a source profile), else from
// the profile. nullopt without a token file.
std::optional<Result<CredentialSource>> webIdentity(
    const AwsProfile *profile, const QProcessEnvironment &environment, bool useEnvironment)
{
    struct Setting {
        QString value;
        QString origin;
    };
    const auto setting = [&](const char *key, const char *variable) -> Setting {
        if (useEnvironment && environment.contains(QLatin1String(variable)))
            return { environment.value(QLatin1String(variable)), QLatin1String(variable) };
        if (profile) {
            if (const ConfigProperty *property = profile->property(QLatin1String(key)))
                return { property->value,
                    QStringLiteral("profile %1 in %2").arg(profile->name, property->location()) };
        }
        return {};
    };
    const Setting tokenFile = setting("web_identity_token_file", "AWS_WEB_IDENTITY_TOKEN_FILE");
    if (tokenFile.value.isEmpty())
        return std::nullopt;
    const Setting roleArn = setting("role_arn", "AWS_ROLE_ARN");
    if (roleArn.value.isEmpty())
        return Result<CredentialSource>(invalidConfig(QStringLiteral(
            "The provided profile or the current environment is configured to assume role with "
            "web identity but has no role ARN configured. Ensure that the profile has the "
            "role_arn configuration set or the AWS_ROLE_ARN env var is set.")));
    CredentialSource source;
    source.kind = CredentialSource::Kind::WebIdentity;
    source.profile = profile ? profile->name : QString();
    source.roleArn = roleArn.value;
    source.roleSessionName = setting("role_session_name", "AWS_ROLE_SESSION_NAME").value;
    source.tokenFile = tokenFile.value;
    source.description = QStringLiteral("web identity %1 with the token file %2 (from %3)")
                             .arg(source.roleArn, source.tokenFile, tokenFile.origin);
    return Result<CredentialSource>(source);
}

Result<CredentialSource> assumeRole(const AwsProfile &profile, SelectionContext &context);
std::optional<Result<CredentialSource>> profileProviders(const AwsProfile &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const QString &homeDirectory, bool useEnvironment);

// botocore's _resolve_credentials_from_profile for a source_profile: a profile with static keys,
// or without a role, through the profile providers (no environment); else its own role.
Result<CredentialSource> sourceProfileCredentials(const QString &name, SelectionContext &context)
{
    const AwsProfile *profile = context.profiles.profile(name);
    if (!profile)
        return keychainSource(name, *context.keychain);
    if (!hasStaticKeys(*profile) && assumesRole(*profile))
        return assumeRole(*profile, context);
    if (auto found = profileProviders(
            *profile, context.environment, context.profiles, context.homeDirectory, false))
        return *found;
    return invalidConfig(
        QStringLiteral("The source profile \"%1\" must have credentials.").arg(name));
}

QString visitedList(const QStringList &visited)
{
    QStringList quoted;
    for (const QString &name : visited)
        quoted.append(QLatin1Char('\'') + name + QLatin1Char('\''));
    return QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']');
}

// botocore's AssumeRoleProvider: _get_role_config, then the source credentials.
Result<CredentialSource> assumeRole(const AwsProfile &profile, SelectionContext &context)
{
    const QString sourceProfile = profile.value(QStringLiteral("source_profile"));
    const QString credentialSource = profile.value(QStringLiteral("credential_source"));
    const bool hasSourceProfile = profile.property(QStringLiteral("source_profile"));
    const bool hasCredentialSource = profile.property(QStringLiteral("credential_source"));
    if (hasSourceProfile && hasCredentialSource)
        return invalidConfig(QStringLiteral("The profile \"%1\" contains both source_profile and "
                                            "credential_source.")
                                 .arg(profile.name));
    if (!hasSourceProfile && !hasCredentialSource)
        return partialCredentials(
            QStringLiteral("assume-role"), QStringLiteral("source_profile or credential_source"));

    CredentialSource source;
    source.kind = CredentialSource::Kind::AssumeRole;
    source.profile = profile.name;
    source.roleArn = profile.value(QStringLiteral("role_arn"));
    source.roleSessionName = profile.value(QStringLiteral("role_session_name"));
    source.externalId = profile.value(QStringLiteral("external_id"));
    source.mfaSerial = profile.value(QStringLiteral("mfa_serial"));
    bool isNumber = false;
    const int duration = profile.value(QStringLiteral("duration_seconds")).toInt(&isNumber);
    if (isNumber) // botocore ignores a value that is not a whole number
        source.durationSeconds = duration;

    if (hasCredentialSource) {
        static const QStringList kKnown = { QStringLiteral("Environment"),
            QStringLiteral("Ec2InstanceMetadata"), QStringLiteral("EcsContainer") };
        if (!kKnown.contains(credentialSource))
            return invalidConfig(QStringLiteral("The credential source \"%1\" referenced in "
                                                "profile \"%2\" is not valid.")
                                     .arg(credentialSource, profile.name));
        if (credentialSource != QLatin1String("Environment"))
            return makeError(AwsError::Kind::Credentials,
                QStringLiteral("The profile %1 takes the credentials of its role from %2 "
                               "(credential_source), which Lookout Desk does not implement; "
                               "use credential_source = Environment or a source_profile.")
                    .arg(profile.name, credentialSource));
        std::optional<Result<CredentialSource>> keys = environmentKeys(context.environment);
        if (!keys)
            return makeError(AwsError::Kind::Credentials,
                QStringLiteral("Error when retrieving credentials from Environment: No "
                               "credentials found in credential_source referenced in profile %1")
                    .arg(profile.name));
        if (!keys->ok())
            return keys->error();
        source.roleSource = std::make_shared<CredentialSource>(keys->value());
        source.description = QStringLiteral("assume role %1 via the environment "
                                            "(credential_source of profile %2)")
                                 .arg(source.roleArn, profile.name);
        return source;
    }

    // botocore's _validate_source_profile.
    const AwsProfile *next = context.profiles.profile(sourceProfile);
    const bool inKeychain = !next && context.keychain && context.keychain->profile(sourceProfile);
    if (!next && !inKeychain)
        return invalidConfig(QStringLiteral("The source_profile \"%1\" referenced in the profile "
                                            "\"%2\" does not exist.")
                                 .arg(sourceProfile, profile.name));
    const bool selfWithKeys = sourceProfile == profile.name && next && hasStaticKeys(*next);
    if (context.visited.contains(sourceProfile) && !selfWithKeys)
        return invalidConfig(QStringLiteral("Infinite loop in credential configuration detected. "
                                            "Attempting to load from profile %1 which has "
                                            "already been visited. Visited profiles: %2")
                                 .arg(sourceProfile, visitedList(context.visited)));
    context.visited.append(sourceProfile);
    Result<CredentialSource> inner = sourceProfileCredentials(sourceProfile, context);
    if (!inner.ok())
        return inner.error();
    source.roleSource = std::make_shared<CredentialSource>(inner.value());
    source.description = QStringLiteral("assume role %1 via profile %2 (source_profile)")
                             .arg(source.roleArn, sourceProfile);
    return source;
}

// botocore's profile providers in their order: web identity, IAM Identity Center, static keys in
// the credentials file, credential_process, static keys in the config file. nullopt: none of them.
std::optional<Result<CredentialSource>> profileProviders(const AwsProfile &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const QString &homeDirectory, bool useEnvironment)
{
    if (auto identity = webIdentity(&profile, environment, useEnvironment))
        return *identity;
    const Result<std::optional<SsoSettings>> sso = ssoSettingsFor(profile, profiles);
    if (!sso.ok())
        return Result<CredentialSource>(sso.error());
    if (sso.value())
        return fromSsoSettings(*sso.value(), profile, environment, profiles, homeDirectory);
    if (auto keys = staticKeys(
            profile, profile.credentialsProperties, QStringLiteral("shared-credentials-file")))
        return *keys;
    if (const ConfigProperty *process = profile.property(QStringLiteral("credential_process"))) {
        CredentialSource source;
        source.kind = CredentialSource::Kind::Process;
        source.profile = profile.name;
        source.description
            = QStringLiteral("profile %1 in %2").arg(profile.name, process->location());
        source.command = process->value;
        return Result<CredentialSource>(source);
    }
    if (auto keys = staticKeys(profile, profile.configProperties, QStringLiteral("config-file")))
        return *keys;
    return std::nullopt;
}

Result<CredentialSource> fromSharedProfile(const AwsProfile &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const KeychainProfileStore *keychain, const QString &homeDirectory, bool explicitlyChosen)
{
    // As in botocore, role_arn (with source_profile or credential_source) makes a profile assume
    // a role unless it names a web identity token file.
    if (assumesRole(profile)) {
        SelectionContext context { environment, profiles, keychain, homeDirectory,
            { profile.name } };
        return assumeRole(profile, context);
    }
    if (auto found
        = profileProviders(profile, environment, profiles, homeDirectory, !explicitlyChosen))
        return *found;
    return noCredentials();
}

} // namespace

ProfileSelection selectProfile(const QString &explicitProfile,
    const QProcessEnvironment &environment, const QString &explicitOrigin)
{
    if (!explicitProfile.isEmpty())
        return { explicitProfile, explicitOrigin, true };
    for (const char *variable : { "AWS_PROFILE", "AWS_DEFAULT_PROFILE" }) {
        const QString name = environment.value(QLatin1String(variable));
        if (!name.isEmpty())
            return { name, QLatin1String(variable), false };
    }
    return { QStringLiteral("default"), QStringLiteral("default"), false };
}

Result<CredentialSource> selectCredentialSource(const ProfileSelection &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const KeychainProfileStore *keychain, const QString &homeDirectory)
{
    const AwsProfile *shared = profiles.profile(profile.name);
    const bool inKeychain = !shared && keychain && keychain->profile(profile.name);
    // "default" may be absent; any other name must exist (the CLI fails even with env keys).
    if (!shared && !inKeychain && profile.name != QLatin1String("default"))
        return AwsError::profileNotFound(profile.name);

    if (!profile.explicitlyChosen) {
        if (auto keys = environmentKeys(environment))
            return *keys;
    }
    if (shared)
        return fromSharedProfile(
            *shared, environment, profiles, keychain, homeDirectory, profile.explicitlyChosen);
    // The web identity of the environment comes before any profile provider, keychain included.
    if (auto identity = webIdentity(nullptr, environment, !profile.explicitlyChosen))
        return *identity;
    if (inKeychain)
        return keychainSource(profile.name, *keychain);
    return noCredentials();
}

CredentialChain::CredentialChain(Selector selector, KeychainProfileStore *keychain,
    CredentialProcessOptions processOptions, Now now, StsOptions sts)
    : m_selector(std::move(selector))
    , m_keychain(keychain)
    , m_processOptions(std::move(processOptions))
    , m_now(now ? std::move(now) : Now([] { return QDateTime::currentDateTimeUtc(); }))
    , m_source(m_selector())
    , m_guard(std::make_unique<QObject>())
    , m_sts(std::move(sts))
{
    if (!m_sts.network)
        m_sts.network = std::make_shared<LazyNetwork>();
}

CredentialChain::~CredentialChain() = default;

QNetworkAccessManager *CredentialChain::network()
{
    return m_sts.network->get();
}

QString CredentialChain::description() const
{
    if (!m_source.ok())
        return QStringLiteral("no credentials (%1)").arg(m_source.error().message);
    QString text = m_source.value().description;
    if (m_cached && m_cached->expiration)
        text += QStringLiteral("; the credentials expire at %1")
                    .arg(m_cached->expiration->toUTC().toString(Qt::ISODate));
    return text;
}

void CredentialChain::invalidate()
{
    m_cached.reset();
    if (m_busy) {
        m_reselectWhenIdle = true; // the run in flight still answers its waiters
        return;
    }
    m_source = m_selector();
    m_stsClient.reset();
    m_roleSourceChain.reset();
    m_defaultSessionName.clear();
    qCInfo(lcCredentials) << "credentials invalidated; now from" << description();
}

void CredentialChain::fetch(QObject *context, Callback done)
{
    if (!m_source.ok()) {
        done(m_source.error());
        return;
    }
    const CredentialSource &source = m_source.value();
    switch (source.kind) {
    case CredentialSource::Kind::Environment:
    case CredentialSource::Kind::SharedFileKeys:
        done(source.credentials);
        return;
    case CredentialSource::Kind::Process:
    case CredentialSource::Kind::Keychain:
    case CredentialSource::Kind::Sso:
    case CredentialSource::Kind::AssumeRole:
    case CredentialSource::Kind::WebIdentity:
        break;
    }
    if (m_cached && !m_cached->expiresWithin(kAdvisoryRefresh, m_now())) {
        done(*m_cached);
        return;
    }
    m_waiting.append(Waiter { context, context != nullptr, std::move(done) });
    if (m_busy)
        return;
    m_busy = true;
    switch (source.kind) {
    case CredentialSource::Kind::Process:
        startProcess();
        break;
    case CredentialSource::Kind::Sso:
        startSso();
        break;
    case CredentialSource::Kind::AssumeRole:
        startAssumeRole();
        break;
    case CredentialSource::Kind::WebIdentity:
        startWebIdentity();
        break;
    default:
        startKeychainRead();
        break;
    }
}

void CredentialChain::startProcess()
{
    const CredentialSource &source = m_source.value();
    m_runner = std::make_unique<CredentialProcessRunner>(
        source.command, source.description, m_processOptions, m_now);
    m_runner->run(
        m_guard.get(), [this](const Result<AwsCredentials> &result) { refreshed(result); });
}

void CredentialChain::refreshed(const Result<AwsCredentials> &result)
{
    if (result.ok()) {
        m_cached = result.value();
        qCDebug(lcCredentials).noquote() << "credentials from" << description();
        deliver(result);
        return;
    }
    // Inside the advisory window the old credentials are still good enough.
    if (m_cached && !m_cached->expiresWithin(kMandatoryRefresh, m_now())) {
        qCWarning(lcCredentials)
            << "refresh failed; keeping credentials until the mandatory window:"
            << result.error().message;
        deliver(*m_cached);
        return;
    }
    m_cached.reset();
    deliver(result);
}

void CredentialChain::startSso()
{
    const CredentialSource &source = m_source.value();
    if (!m_ssoClient)
        m_ssoClient = std::make_unique<SsoClient>(network(), HttpExchangeLimits {});
    m_ssoFetcher = std::make_unique<SsoCredentialFetcher>(
        *source.sso, source.ssoEndpoints, m_ssoClient.get(), m_now);
    m_ssoFetcher->fetch([this](const Result<AwsCredentials> &result) { refreshed(result); });
}

QString CredentialChain::roleSessionName()
{
    const QString &configured = m_source.value().roleSessionName;
    if (!configured.isEmpty())
        return configured;
    // botocore names the session once per provider, by the time it was made.
    if (m_defaultSessionName.isEmpty())
        m_defaultSessionName
            = QStringLiteral("botocore-session-%1").arg(m_now().toSecsSinceEpoch());
    return m_defaultSessionName;
}

void CredentialChain::startAssumeRole()
{
    const CredentialSource &source = m_source.value();
    if (!m_sts.settings.ok()) {
        refreshed(m_sts.settings.error());
        return;
    }
    if (!m_stsClient) {
        m_roleSourceChain = std::make_shared<CredentialChain>(
            [inner = *source.roleSource] { return Result<CredentialSource>(inner); }, m_keychain,
            m_processOptions, m_now, m_sts);
        m_stsClient
            = std::make_unique<StsClient>(network(), m_sts.settings.value(), m_roleSourceChain);
    }
    AssumeRoleParameters parameters;
    parameters.roleArn = source.roleArn;
    parameters.roleSessionName = roleSessionName();
    parameters.externalId = source.externalId;
    parameters.durationSeconds = source.durationSeconds;
    const auto send
        = [this, description = source.description](const AssumeRoleParameters &request) {
              m_stsClient->assumeRole(request, description, m_guard.get(),
                  [this](const Result<AwsCredentials> &result) { refreshed(result); });
          };
    if (source.mfaSerial.isEmpty()) {
        send(parameters);
        return;
    }
    // botocore asks at each refresh too (its refresher needs a new code each time).
    parameters.serialNumber = source.mfaSerial;
    if (!m_sts.mfaPrompt) {
        refreshed(makeError(AwsError::Kind::Credentials,
            QStringLiteral("The profile %1 assumes its role with the MFA device %2, and the code "
                           "can be typed only in a terminal: run a lookout-desk command there, or "
                           "use a profile with credential_process = aws configure "
                           "export-credentials --profile %1.")
                .arg(source.profile, source.mfaSerial)));
        return;
    }
    QPointer<QObject> guard = m_guard.get();
    m_sts.mfaPrompt(source.profile, source.mfaSerial,
        [this, guard, parameters, send](std::optional<QString> code) mutable {
            if (!guard)
                return;
            if (!code || code->trimmed().isEmpty()) {
                refreshed(makeError(AwsError::Kind::Credentials,
                    QStringLiteral("No MFA code was given for %1.").arg(parameters.serialNumber)));
                return;
            }
            parameters.tokenCode = code->trimmed();
            send(parameters);
            parameters.tokenCode.fill(u'\0');
        });
}

void CredentialChain::startWebIdentity()
{
    const CredentialSource &source = m_source.value();
    if (!m_sts.settings.ok()) {
        refreshed(m_sts.settings.error());
        return;
    }
    // Read at each refresh: the file is rotated by whatever issues the tokens.
    const auto token = core::readBoundedFile(source.tokenFile, kMaxWebIdentityTokenBytes);
    if (!token.ok()) {
        const core::FileReadError &problem = token.error();
        refreshed(makeError(AwsError::Kind::Credentials,
            QStringLiteral("Unable to read the web identity token file: %1%2")
                .arg(problem.message(),
                    problem.kind == core::FileReadError::Kind::TooLarge
                        ? QStringLiteral(" (a token is at most 20,000 characters)")
                        : QString())));
        return;
    }
    const QByteArray text = token.value().trimmed();
    if (text.isEmpty()) {
        refreshed(makeError(AwsError::Kind::Credentials,
            QStringLiteral("The web identity token file %1 is empty").arg(source.tokenFile)));
        return;
    }
    if (!m_stsClient)
        m_stsClient = std::make_unique<StsClient>(network(), m_sts.settings.value(), nullptr);
    WebIdentityParameters parameters;
    parameters.roleArn = source.roleArn;
    parameters.roleSessionName = roleSessionName();
    parameters.webIdentityToken = text;
    m_stsClient->assumeRoleWithWebIdentity(parameters, source.description, m_guard.get(),
        [this](const Result<AwsCredentials> &result) { refreshed(result); });
}

void CredentialChain::startKeychainRead()
{
    const QString profile = m_source.value().profile;
    if (!m_keychain) {
        deliver(makeError(AwsError::Kind::Credentials,
            QStringLiteral("The keychain profile %1 cannot be used here.").arg(profile)));
        return;
    }
    const QString description = m_source.value().description;
    m_keychain->readSecret(
        profile, m_guard.get(), [this, description](const Result<KeychainSecret> &secret) {
            if (!secret.ok()) {
                deliver(secret.error());
                return;
            }
            m_cached = AwsCredentials { secret.value().accessKeyId, secret.value().secretAccessKey,
                secret.value().sessionToken, std::nullopt, description };
            deliver(*m_cached);
        });
}

void CredentialChain::deliver(const Result<AwsCredentials> &result)
{
    m_busy = false;
    const QList<Waiter> waiting = std::exchange(m_waiting, {});
    if (m_runner)
        m_runner.release()->deleteLater(); // we are inside its callback
    if (m_ssoFetcher)
        m_ssoFetcher.release()->deleteLater();
    if (std::exchange(m_reselectWhenIdle, false)) {
        m_cached.reset();
        m_source = m_selector();
        if (m_stsClient) // we may be inside one of its calls' callbacks
            m_stsClient.release()->deleteLater();
        m_roleSourceChain.reset();
        m_defaultSessionName.clear();
    }
    // A callback may destroy this chain: only locals are used from here on.
    for (const Waiter &waiter : waiting) {
        if (!waiter.contextGiven || waiter.context)
            waiter.done(result);
    }
}

} // namespace aws
