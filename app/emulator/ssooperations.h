#pragma once

#include "emulator/httpmessage.h"
#include "emulator/temporarycredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QRandomGenerator64>
#include <QString>

#include <memory>
#include <optional>

namespace emulator {

// IAM Identity Center as the AWS CLI and Lookout Desk reach it, unsigned REST-JSON:
//  - SSO OIDC: POST /client/register (RegisterClient), POST /device_authorization
//    (StartDeviceAuthorization), POST /token (CreateToken, grant types device_code and
//    refresh_token), answering pending, slow_down (a poll sooner than the interval, less a quarter
//    second, after the previous one), expired and denied authorizations as the service does;
//  - the portal: GET /federation/credentials?account_id=…&role_name=… (GetRoleCredentials) with
//    the x-amz-sso_bearer_token header, for any account and role, with a token this emulator
//    issued and that has not expired (else 401 UnauthorizedException). The keys it returns, one
//    set per role and sign-in, go into the emulator's TemporaryCredentials, which every front end
//    accepts;
//  - emulator-only: GET /_emulator/sso/approve?user_code=CODE and /_emulator/sso/deny?user_code=
//    CODE stand for the user approving or refusing the sign-in in the browser; the verification
//    URI, GET /_emulator/sso/device, says so in plain text.
// Not thread-safe, like the rest of the service.
class SsoOperations {
public:
    static constexpr qint64 kAccessTokenSeconds = 8 * 3600;
    static constexpr qint64 kRegistrationSeconds = 90 * 24 * 3600;
    static constexpr qint64 kDeviceCodeSeconds = 600;
    static constexpr qint64 kPollIntervalSeconds = 1;
    static constexpr qint64 kSlowDownSeconds = 5;
    static constexpr qint64 kRoleCredentialsSeconds = 3600;
    // Registrations, device authorizations, access and refresh tokens each kept at most.
    static constexpr qsizetype kMaxEntries = 10'000;

    // `issued` must outlive the operations.
    explicit SsoOperations(TemporaryCredentials *issued);

    // True for the requests above (a GET of /federation/credentials only without SigV4, so
    // that an S3 bucket of that name still works).
    static bool handles(const HttpRequest &request);
    // The answer (status, headers, JSON body) at `now`; `baseUrl` is where the emulator is
    // reached ("http://127.0.0.1:4566", from the Host header), for the verification URI.
    HttpResponse serve(const HttpRequest &request, const QDateTime &now, const QString &baseUrl);

private:
    struct Client {
        QString secret;
        QDateTime expiresAt;
    };
    struct Authorization {
        QString clientId;
        QString userCode;
        QDateTime expiresAt;
        qint64 interval = kPollIntervalSeconds;
        std::optional<QDateTime> lastPoll;
        bool approved = false;
        bool denied = false;
    };

    HttpResponse registerClient(const QJsonObject &input, const QDateTime &now);
    HttpResponse startDeviceAuthorization(
        const QJsonObject &input, const QDateTime &now, const QString &baseUrl);
    HttpResponse createToken(const QJsonObject &input, const QDateTime &now);
    HttpResponse getRoleCredentials(const HttpRequest &request, const QDateTime &now);
    HttpResponse decide(const HttpRequest &request, bool approve);
    HttpResponse newAccessToken(const QString &clientId, const QDateTime &now);
    // OIDC's answer to a client id and secret it did not register, or whose registration has
    // expired; nullopt for a valid client.
    std::optional<HttpResponse> invalidClient(const QJsonObject &input, const QDateTime &now) const;
    QString randomToken(int bytes);
    QString randomUserCode();
    void forgetExpired(const QDateTime &now);

    static constexpr int kPruneEvery = 256;
    int m_requestsSincePrune = 0;

    TemporaryCredentials *m_issued;
    QRandomGenerator64 m_random;
    QHash<QString, Client> m_clients;
    QHash<QString, Authorization> m_authorizations; // by device code
    QHash<QString, QDateTime> m_accessTokens; // token → expiry
    QHash<QString, QString> m_refreshTokens; // token → client id
};

} // namespace emulator
