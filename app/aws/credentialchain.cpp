#include "aws/credentialchain.h"

#include "aws/awsprofiles.h"
#include "aws/keychainprofiles.h"

#include <QLoggingCategory>

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

AwsError unsupportedProfile(const AwsProfile &profile, const QString &key, const QString &what)
{
    const ConfigProperty *property = profile.property(key);
    return makeError(AwsError::Kind::Credentials,
        QStringLiteral(
            "The profile %1 uses %2 (%3 in %4), which Lookout Desk does not support. Use "
            "credential_process instead (for example: credential_process = aws configure "
            "export-credentials --profile %1 --format process, in a profile of its own), "
            "or static keys.")
            .arg(profile.name, what, key, property ? property->location() : profile.description()));
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

Result<CredentialSource> fromSharedProfile(const AwsProfile &profile)
{
    // As in botocore, role_arn (with source_profile, credential_source or a web identity token)
    // is what makes a profile assume a role; without it those keys mean nothing.
    if (profile.property(QStringLiteral("role_arn")))
        return unsupportedProfile(
            profile, QStringLiteral("role_arn"), QStringLiteral("assume role (role_arn)"));
    for (const char *key : { "sso_session", "sso_start_url", "sso_account_id", "sso_role_name" }) {
        if (profile.property(QLatin1String(key)))
            return unsupportedProfile(
                profile, QLatin1String(key), QStringLiteral("AWS IAM Identity Center (SSO)"));
    }
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
        return source;
    }
    if (auto keys = staticKeys(profile, profile.configProperties, QStringLiteral("config-file")))
        return *keys;
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
    const KeychainProfileStore *keychain)
{
    const AwsProfile *shared = profiles.profile(profile.name);
    const bool inKeychain = !shared && keychain && keychain->profile(profile.name);
    // "default" may be absent; any other name must exist (the CLI fails even with env keys).
    if (!shared && !inKeychain && profile.name != QLatin1String("default"))
        return AwsError::profileNotFound(profile.name);

    if (!profile.explicitlyChosen) {
        const QString accessKeyId = environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
        if (!accessKeyId.isEmpty()) {
            const QString secret = environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
            if (secret.isEmpty())
                return partialCredentials(
                    QStringLiteral("env"), QStringLiteral("AWS_SECRET_ACCESS_KEY"));
            QString token = environment.value(QStringLiteral("AWS_SESSION_TOKEN"));
            if (token.isEmpty())
                token = environment.value(QStringLiteral("AWS_SECURITY_TOKEN"));
            CredentialSource source;
            source.kind = CredentialSource::Kind::Environment;
            source.description = QStringLiteral("environment variables (AWS_ACCESS_KEY_ID)");
            source.credentials
                = AwsCredentials { accessKeyId, secret, token, std::nullopt, source.description };
            return source;
        }
    }
    if (shared)
        return fromSharedProfile(*shared);
    if (inKeychain) {
        CredentialSource source;
        source.kind = CredentialSource::Kind::Keychain;
        source.profile = profile.name;
        source.description = keychain->isSessionOnly(profile.name)
            ? QStringLiteral("profile %1 (keys kept in memory for this session)").arg(profile.name)
            : QStringLiteral("keychain profile %1").arg(profile.name);
        return source;
    }
    return noCredentials();
}

CredentialChain::CredentialChain(Selector selector, KeychainProfileStore *keychain,
    CredentialProcessOptions processOptions, Now now)
    : m_selector(std::move(selector))
    , m_keychain(keychain)
    , m_processOptions(std::move(processOptions))
    , m_now(now ? std::move(now) : Now([] { return QDateTime::currentDateTimeUtc(); }))
    , m_source(m_selector())
    , m_guard(std::make_unique<QObject>())
{
}

CredentialChain::~CredentialChain() = default;

QString CredentialChain::description() const
{
    return m_source.ok() ? m_source.value().description
                         : QStringLiteral("no credentials (%1)").arg(m_source.error().message);
}

void CredentialChain::invalidate()
{
    m_cached.reset();
    if (m_busy) {
        m_reselectWhenIdle = true; // the run in flight still answers its waiters
        return;
    }
    m_source = m_selector();
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
    if (source.kind == CredentialSource::Kind::Process)
        startProcess();
    else
        startKeychainRead();
}

void CredentialChain::startProcess()
{
    const CredentialSource &source = m_source.value();
    m_runner = std::make_unique<CredentialProcessRunner>(
        source.command, source.description, m_processOptions, m_now);
    m_runner->run(m_guard.get(), [this](const Result<AwsCredentials> &result) {
        if (result.ok()) {
            m_cached = result.value();
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
    });
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
    if (std::exchange(m_reselectWhenIdle, false)) {
        m_cached.reset();
        m_source = m_selector();
    }
    // A callback may destroy this chain: only locals are used from here on.
    for (const Waiter &waiter : waiting) {
        if (!waiter.contextGiven || waiter.context)
            waiter.done(result);
    }
}

} // namespace aws
