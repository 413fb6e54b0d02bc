#pragma once

#include "aws/awscredentials.h"
#include "aws/httpexchange.h"
#include "aws/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace aws {

// The credentials in a GetRoleCredentials answer ({"roleCredentials": {"accessKeyId", …,
// "expiration": epoch milliseconds}}). Errors (BadResponse) say what is missing or mistyped,
// never quoting a value.
Result<AwsCredentials> parseRoleCredentials(QByteArrayView body, const QString &source);

// The two unsigned REST-JSON services behind IAM Identity Center: the portal
// (GET /federation/credentials, bearer token in x-amz-sso_bearer_token) and SSO OIDC
// (POST /client/register, /device_authorization, /token). One request each, no retries: a
// failure is the caller's to report. Callbacks run from the event loop, never after `context`
// is destroyed or this client is.
class SsoClient : public QObject {
    Q_OBJECT
public:
    using CredentialsCallback = std::function<void(const Result<AwsCredentials> &)>;
    using JsonCallback = std::function<void(const Result<QJsonObject> &)>;

    SsoClient(QNetworkAccessManager *network, HttpExchangeLimits limits, QObject *parent = nullptr);

    // UnauthorizedException is botocore's UnauthorizedSSOTokenError sentence (kind Credentials);
    // other answers are the service's errors, as the CLI prints them.
    void getRoleCredentials(const QUrl &portal, const QString &accountId, const QString &roleName,
        const QString &accessToken, const QString &source, QObject *context,
        CredentialsCallback done);
    // POST `path` of SSO OIDC with a JSON body; the answer's JSON object, or the error
    // (operation named, the service's error code in AwsError::code:
    // "AuthorizationPendingException", "SlowDownException", "ExpiredTokenException",
    // "AccessDeniedException", …).
    void callOidc(const QUrl &oidc, const QString &path, const QString &operation,
        const QJsonObject &body, QObject *context, JsonCallback done);

private:
    using Finished = std::function<void(const HttpExchangeOutcome &)>;
    void send(const QUrl &endpoint, const QString &path, const QByteArray &query,
        const QByteArray &method, const QList<std::pair<QByteArray, QByteArray>> &headers,
        const QByteArray &body, QObject *context, Finished finished);

    QNetworkAccessManager *m_network;
    HttpExchangeLimits m_limits;
};

// The AwsError for an exchange that failed or answered with an HTTP error status; nullopt for a
// 2xx answer.
std::optional<AwsError> ssoExchangeError(
    const HttpExchangeOutcome &outcome, const QUrl &endpoint, const QString &operation);

} // namespace aws
