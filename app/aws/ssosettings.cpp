#include "aws/ssosettings.h"

namespace aws {

QString SsoSettings::description() const
{
    const QString session = isLegacy()
        ? QStringLiteral("IAM Identity Center start URL %1").arg(startUrl)
        : QStringLiteral("IAM Identity Center session %1").arg(sessionName);
    return QStringLiteral("%1, account %2, role %3 (profile %4)")
        .arg(session, accountId, roleName, profile);
}

namespace {

AwsError invalidConfig(const QString &message)
{
    return AwsError::configuration(AwsError::Setting::Profile, message);
}

} // namespace

Result<std::optional<SsoSettings>> ssoSettingsFor(
    const AwsProfile &profile, const AwsProfiles &profiles)
{
    using Found = std::optional<SsoSettings>;
    if (!profile.property(QStringLiteral("sso_account_id"))
        && !profile.property(QStringLiteral("sso_role_name")))
        return Found();

    // The profile's values, with the session's merged in; a key in both must agree.
    QMap<QString, QString> values;
    for (const QString &key : { QStringLiteral("sso_account_id"), QStringLiteral("sso_role_name"),
             QStringLiteral("sso_start_url"), QStringLiteral("sso_region"),
             QStringLiteral("sso_session"), QStringLiteral("sso_registration_scopes") }) {
        if (const ConfigProperty *property = profile.property(key))
            values.insert(key, property->value);
    }
    QStringList required = { QStringLiteral("sso_role_name"), QStringLiteral("sso_account_id"),
        QStringLiteral("sso_start_url"), QStringLiteral("sso_region") };
    if (values.contains(QStringLiteral("sso_session"))) {
        const QString name = values.value(QStringLiteral("sso_session"));
        const ConfigSection *session = profiles.ssoSession(name);
        if (!session)
            return invalidConfig(
                QStringLiteral("The specified sso-session does not exist: \"%1\"").arg(name));
        for (auto it = session->properties.cbegin(); it != session->properties.cend(); ++it) {
            const auto existing = values.constFind(it.key());
            if (existing != values.cend() && *existing != it->value)
                return invalidConfig(
                    QStringLiteral("The value for %1 is inconsistent between profile (%2) and "
                                   "sso-session (%3).")
                        .arg(it.key(), *existing, it->value));
            values.insert(it.key(), it->value);
        }
        required.append(QStringLiteral("sso_session"));
    }
    QStringList missing;
    for (const QString &key : required) {
        if (values.value(key).isEmpty())
            missing.append(key);
    }
    if (!missing.isEmpty())
        return invalidConfig(QStringLiteral("The profile \"%1\" is configured to use SSO but is "
                                            "missing required configuration: %2")
                                 .arg(profile.name, missing.join(QLatin1String(", "))));

    SsoSettings settings;
    settings.profile = profile.name;
    settings.sessionName = values.value(QStringLiteral("sso_session"));
    settings.startUrl = values.value(QStringLiteral("sso_start_url"));
    settings.region = values.value(QStringLiteral("sso_region"));
    settings.accountId = values.value(QStringLiteral("sso_account_id"));
    settings.roleName = values.value(QStringLiteral("sso_role_name"));
    for (const QString &scope :
        values.value(QStringLiteral("sso_registration_scopes")).split(u',', Qt::SkipEmptyParts)) {
        if (!scope.trimmed().isEmpty())
            settings.registrationScopes.append(scope.trimmed());
    }
    settings.location = profile.description();
    return Found(settings);
}

Result<SsoSettings> ssoLoginSettingsFor(const AwsProfile &profile, const AwsProfiles &profiles)
{
    SsoSettings settings;
    settings.profile = profile.name;
    settings.location = profile.description();
    settings.accountId = profile.value(QStringLiteral("sso_account_id"));
    settings.roleName = profile.value(QStringLiteral("sso_role_name"));
    const auto value = [](const QMap<QString, ConfigProperty> &properties, const char *key) {
        return properties.value(QLatin1String(key)).value;
    };
    QMap<QString, ConfigProperty> source = profile.configProperties;
    for (auto it = profile.credentialsProperties.cbegin();
         it != profile.credentialsProperties.cend(); ++it)
        source.insert(it.key(), it.value());
    settings.sessionName = value(source, "sso_session");
    if (!settings.sessionName.isEmpty()) {
        const ConfigSection *session = profiles.ssoSession(settings.sessionName);
        if (!session)
            return invalidConfig(QStringLiteral("The specified sso-session does not exist: \"%1\"")
                                     .arg(settings.sessionName));
        source = session->properties;
    }
    QStringList missing;
    for (const char *key : { "sso_start_url", "sso_region" }) {
        if (value(source, key).isEmpty())
            missing.append(QLatin1String(key));
    }
    if (!missing.isEmpty())
        return invalidConfig(
            QStringLiteral("Missing the following required SSO configuration values: %1. ")
                .arg(missing.join(QLatin1String(", ")))
            + (settings.isLegacy() ? QStringLiteral("To make sure this profile is properly "
                                                    "configured to use SSO, please run: aws "
                                                    "configure sso")
                                   : QString()));
    settings.startUrl = value(source, "sso_start_url");
    settings.region = value(source, "sso_region");
    for (const QString &scope :
        value(source, "sso_registration_scopes").split(u',', Qt::SkipEmptyParts)) {
        if (!scope.trimmed().isEmpty())
            settings.registrationScopes.append(scope.trimmed());
    }
    return settings;
}

} // namespace aws
