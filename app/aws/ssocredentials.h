#pragma once

#include "aws/awscredentials.h"
#include "aws/result.h"
#include "aws/servicedescription.h"
#include "aws/ssoclient.h"
#include "aws/ssosettings.h"
#include "aws/ssotokencache.h"

#include <QDateTime>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

namespace aws {

// The IAM Identity Center portal (sso: AWS_ENDPOINT_URL_SSO, services key "sso") and SSO OIDC
// (sso-oidc: AWS_ENDPOINT_URL_SSO_OIDC, services key "sso_oidc"), for the endpoint resolution
// every service shares.
ServiceDescription ssoPortalService();
ServiceDescription ssoOidcService();

// Where an SSO profile's calls go and where its token is cached.
struct SsoEndpoints {
    QUrl portal; // portal.sso.<sso_region>.amazonaws.com unless configured
    QString portalSource;
    QUrl oidc; // oidc.<sso_region>.amazonaws.com unless configured
    QString oidcSource;
    QString cacheDirectory; // ~/.aws/sso/cache
};

// The endpoints of `settings` in its sso_region, configured as any service's are (the profile's
// services section, AWS_ENDPOINT_URL_SSO, …; configuredendpoint.h), else the regional defaults,
// and the token cache under `homeDirectory` (the user's home when empty). Configuration errors:
// an invalid sso_region or endpoint.
Result<SsoEndpoints> ssoEndpointsFor(const SsoSettings &settings, const AwsProfile &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const QString &homeDirectory);

// botocore's SSOTokenProvider (sso-session profiles) and SSOCredentialFetcher: reads the token
// `aws sso login` cached; for an sso-session profile whose token expires within 15 minutes,
// refreshes it through SSO OIDC CreateToken (grant refresh_token) and writes it back; then asks
// the portal for the role's credentials, which carry their expiry.
class SsoCredentialFetcher : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<AwsCredentials> &)>;
    using Now = std::function<QDateTime()>;

    static constexpr std::chrono::seconds kTokenRefreshWindow { 15 * 60 };

    SsoCredentialFetcher(SsoSettings settings, SsoEndpoints endpoints, SsoClient *client, Now now,
        QObject *parent = nullptr);

    // One fetch at a time; `done` runs once, from the event loop or at once for a cache error.
    void fetch(Callback done);

private:
    void fetchRoleCredentials(const QString &accessToken);
    void refreshToken(const SsoToken &token);
    void finish(const Result<AwsCredentials> &result);

    SsoSettings m_settings;
    SsoEndpoints m_endpoints;
    SsoClient *m_client;
    Now m_now;
    Callback m_done;
};

} // namespace aws
