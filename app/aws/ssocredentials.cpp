#include "aws/ssocredentials.h"

#include "aws/configresolver.h"
#include "aws/configuredendpoint.h"

#include <QDir>
#include <QJsonObject>
#include <QLoggingCategory>

namespace aws {

namespace {

Q_LOGGING_CATEGORY(lcSso, "lookoutdesk.aws.sso", QtWarningMsg)

AwsError credentialsError(const QString &message)
{
    AwsError error;
    error.kind = AwsError::Kind::Credentials;
    error.message = message;
    return error;
}

// An SSO service's endpoint in the SSO region: configured as for any service, else the default.
Result<std::pair<QUrl, QString>> ssoEndpoint(const ServiceDescription &service,
    const QString &region, const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const AwsProfile &profile)
{
    const Result<std::optional<ConfiguredEndpoint>> configured
        = configuredEndpoint(service, environment, profiles, &profile);
    if (!configured.ok())
        return configured.error();
    const ConfiguredEndpoint endpoint = configured.value().value_or(
        ConfiguredEndpoint { service.defaultEndpoint(region).toString(),
            QStringLiteral("the default for sso_region %1").arg(region) });
    const Result<QUrl> url = parseEndpointUrl(endpoint.value, endpoint.source);
    if (!url.ok())
        return url.error();
    return std::pair { url.value(), endpoint.source };
}

} // namespace

Result<SsoEndpoints> ssoEndpointsFor(const SsoSettings &settings, const AwsProfile &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const QString &homeDirectory)
{
    if (const auto problem = regionProblem(settings.region))
        return AwsError::configuration(AwsError::Setting::Region,
            QStringLiteral("%1 (sso_region of %2)").arg(*problem, settings.location));
    SsoEndpoints endpoints;
    const auto portal
        = ssoEndpoint(ssoPortalService(), settings.region, environment, profiles, profile);
    if (!portal.ok())
        return portal.error();
    const auto oidc
        = ssoEndpoint(ssoOidcService(), settings.region, environment, profiles, profile);
    if (!oidc.ok())
        return oidc.error();
    endpoints.portal = portal.value().first;
    endpoints.portalSource = portal.value().second;
    endpoints.oidc = oidc.value().first;
    endpoints.oidcSource = oidc.value().second;
    endpoints.cacheDirectory
        = ssoTokenCacheDirectory(homeDirectory.isEmpty() ? QDir::homePath() : homeDirectory);
    return endpoints;
}

ServiceDescription ssoPortalService()
{
    return { QStringLiteral("portal.sso"), QStringLiteral("sso"), QStringLiteral("SSO"),
        QStringLiteral("https://{endpointPrefix}.{region}.amazonaws.com"), "awsssoportal", {} };
}

ServiceDescription ssoOidcService()
{
    return { QStringLiteral("oidc"), QStringLiteral("sso_oidc"), QStringLiteral("SSO_OIDC"),
        QStringLiteral("https://{endpointPrefix}.{region}.amazonaws.com"), "sso-oauth", {} };
}

SsoCredentialFetcher::SsoCredentialFetcher(
    SsoSettings settings, SsoEndpoints endpoints, SsoClient *client, Now now, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_endpoints(std::move(endpoints))
    , m_client(client)
    , m_now(std::move(now))
{
}

void SsoCredentialFetcher::fetch(Callback done)
{
    m_done = std::move(done);
    const Result<SsoToken> token = loadSsoToken(m_endpoints.cacheDirectory, m_settings.tokenName());
    if (!token.ok()) {
        finish(token.error());
        return;
    }
    const QDateTime now = m_now();
    if (m_settings.isLegacy()) {
        // Legacy profiles are never refreshed: an expired token saves the portal a call.
        if (token.value().expiresAt <= now) {
            finish(credentialsError(QStringLiteral(
                "The SSO session associated with this profile has expired or is otherwise "
                "invalid. To refresh this SSO session run aws sso login with the corresponding "
                "profile.")));
            return;
        }
        fetchRoleCredentials(token.value().accessToken);
        return;
    }
    if (token.value().expiresAt.addSecs(-kTokenRefreshWindow.count()) < now
        && token.value().canRefresh(now)) {
        refreshToken(token.value());
        return;
    }
    if (token.value().expiresAt <= now) {
        finish(credentialsError(
            QStringLiteral("Error when retrieving token from sso: Token has expired and refresh "
                           "failed")));
        return;
    }
    fetchRoleCredentials(token.value().accessToken);
}

void SsoCredentialFetcher::refreshToken(const SsoToken &token)
{
    qCInfo(lcSso) << "refreshing the SSO token of session" << m_settings.sessionName;
    const QJsonObject body { { QStringLiteral("grantType"), QStringLiteral("refresh_token") },
        { QStringLiteral("clientId"), token.clientId },
        { QStringLiteral("clientSecret"), token.clientSecret },
        { QStringLiteral("refreshToken"), token.refreshToken } };
    m_client->callOidc(m_endpoints.oidc, QStringLiteral("/token"), QStringLiteral("CreateToken"),
        body, this, [this, token](const Result<QJsonObject> &answer) {
            const QDateTime now = m_now();
            const QJsonObject object = answer.ok() ? answer.value() : QJsonObject();
            const QJsonValue accessToken = object.value(QLatin1String("accessToken"));
            const QJsonValue expiresIn = object.value(QLatin1String("expiresIn"));
            if (!answer.ok() || !accessToken.isString() || accessToken.toString().isEmpty()
                || !expiresIn.isDouble() || expiresIn.toDouble() <= 0
                || expiresIn.toDouble() > 365.0 * 24 * 3600) {
                // As botocore: a failed refresh keeps the token while it is still valid.
                qCWarning(lcSso).noquote()
                    << "SSO token refresh attempt failed:"
                    << (answer.ok() ? QStringLiteral("the answer has no accessToken or expiresIn")
                                    : answer.error().toString());
                if (token.expiresAt > now) {
                    fetchRoleCredentials(token.accessToken);
                    return;
                }
                finish(credentialsError(QStringLiteral(
                    "Error when retrieving token from sso: Token has expired and refresh failed")));
                return;
            }
            SsoToken refreshed = token;
            refreshed.startUrl = m_settings.startUrl;
            refreshed.region = m_settings.region;
            refreshed.accessToken = accessToken.toString();
            refreshed.expiresAt = now.addSecs(static_cast<qint64>(expiresIn.toDouble()));
            const QJsonValue newRefreshToken = object.value(QLatin1String("refreshToken"));
            if (newRefreshToken.isString() && !newRefreshToken.toString().isEmpty())
                refreshed.refreshToken = newRefreshToken.toString();
            const QString problem
                = saveSsoToken(m_endpoints.cacheDirectory, m_settings.tokenName(), refreshed);
            if (!problem.isEmpty())
                qCWarning(lcSso).noquote() << "the refreshed SSO token was not cached:" << problem;
            fetchRoleCredentials(refreshed.accessToken);
        });
}

void SsoCredentialFetcher::fetchRoleCredentials(const QString &accessToken)
{
    m_client->getRoleCredentials(m_endpoints.portal, m_settings.accountId, m_settings.roleName,
        accessToken, m_settings.description(), this,
        [this](const Result<AwsCredentials> &result) { finish(result); });
}

void SsoCredentialFetcher::finish(const Result<AwsCredentials> &result)
{
    const Callback done = std::exchange(m_done, {});
    if (done)
        done(result);
}

} // namespace aws
