#include "aws/ssoclient.h"

#include "appinfo.h"
#include "aws/awserrorparser.h"
#include "aws/endpointtarget.h"
#include "core/visibletext.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkRequest>

namespace aws {

namespace {

AwsError badResponse(
    const QString &message, const QUrl &endpoint, const QString &operation, int status = 200)
{
    AwsError error;
    error.kind = AwsError::Kind::BadResponse;
    error.message = message;
    error.endpoint = endpoint;
    error.operation = operation;
    error.httpStatus = status;
    error.attempts = 1;
    return error;
}

} // namespace

Result<AwsCredentials> parseRoleCredentials(QByteArrayView body, const QString &source)
{
    const QString operation = QStringLiteral("GetRoleCredentials");
    QJsonParseError parseError {};
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), body.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return badResponse(QStringLiteral("the answer is not a JSON object"), {}, operation);
    const QJsonValue credentials = document.object().value(QLatin1String("roleCredentials"));
    if (!credentials.isObject())
        return badResponse(
            QStringLiteral("the answer has no roleCredentials object"), {}, operation);
    const QJsonObject object = credentials.toObject();
    AwsCredentials result;
    result.source = source;
    for (const auto &[key, target] : { std::pair { "accessKeyId", &result.accessKeyId },
             std::pair { "secretAccessKey", &result.secretAccessKey },
             std::pair { "sessionToken", &result.sessionToken } }) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isString() || value.toString().isEmpty())
            return badResponse(QStringLiteral("roleCredentials.%1 is missing or not a string")
                                   .arg(QLatin1String(key)),
                {}, operation);
        *target = value.toString();
    }
    const QJsonValue expiration = object.value(QLatin1String("expiration"));
    // Epoch milliseconds; a double holds them exactly far beyond any real expiry.
    constexpr double kLatestMilliseconds = 253402300799000.0; // 9999-12-31T23:59:59Z
    if (!expiration.isDouble() || expiration.toDouble() < 0
        || expiration.toDouble() > kLatestMilliseconds)
        return badResponse(
            QStringLiteral("roleCredentials.expiration is missing or not a time in milliseconds"),
            {}, operation);
    result.expiration
        = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(expiration.toDouble()), Qt::UTC);
    return result;
}

std::optional<AwsError> ssoExchangeError(
    const HttpExchangeOutcome &outcome, const QUrl &endpoint, const QString &operation)
{
    AwsError error;
    error.endpoint = endpoint;
    error.operation = operation;
    error.attempts = 1;
    error.httpStatus = outcome.response.status;
    if (outcome.failure) {
        error.kind = *outcome.failure;
        error.message = outcome.failureMessage;
        return error;
    }
    if (outcome.response.status >= 200 && outcome.response.status < 300)
        return std::nullopt;
    const ServiceErrorFields fields
        = parseServiceError(outcome.response.header("x-amzn-errortype"), outcome.response.body);
    error.kind = AwsError::Kind::Service;
    error.code = fields.code;
    error.message = fields.message;
    // SSO OIDC names its errors in the body's "error" member (RFC 8628: authorization_pending).
    if (error.code.isEmpty()) {
        const QJsonObject body = QJsonDocument::fromJson(outcome.response.body).object();
        static const QMap<QString, QString> oauthCodes = {
            { QStringLiteral("authorization_pending"),
                QStringLiteral("AuthorizationPendingException") },
            { QStringLiteral("slow_down"), QStringLiteral("SlowDownException") },
            { QStringLiteral("expired_token"), QStringLiteral("ExpiredTokenException") },
            { QStringLiteral("access_denied"), QStringLiteral("AccessDeniedException") },
            { QStringLiteral("invalid_grant"), QStringLiteral("InvalidGrantException") },
            { QStringLiteral("invalid_client"), QStringLiteral("InvalidClientException") },
        };
        error.code = oauthCodes.value(body.value(QLatin1String("error")).toString());
    }
    // SSO OIDC describes its errors in "error_description" (botocore shows none of it).
    if (error.message.isEmpty()) {
        const QJsonObject body = QJsonDocument::fromJson(outcome.response.body).object();
        error.message
            = core::visibleText(body.value(QLatin1String("error_description")).toString());
    }
    return error;
}

SsoClient::SsoClient(QNetworkAccessManager *network, HttpExchangeLimits limits, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_limits(limits)
{
}

void SsoClient::send(const QUrl &endpoint, const QString &path, const QByteArray &query,
    const QByteArray &method, const QList<std::pair<QByteArray, QByteArray>> &headers,
    const QByteArray &body, QObject *context, Finished finished)
{
    QUrl url = endpoint;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    const Result<EndpointTarget> target = checkEndpoint(url);
    if (!target.ok()) {
        HttpExchangeOutcome outcome;
        outcome.failure = AwsError::Kind::Network;
        outcome.failureMessage = target.error().message;
        finished(outcome);
        return;
    }
    QNetworkRequest request(target.value().connectUrl);
    if (!target.value().peerVerifyName.isEmpty())
        request.setPeerVerifyName(target.value().peerVerifyName);
    request.setRawHeader("Host", target.value().hostHeader);
    request.setRawHeader("User-Agent", appinfo::kUserAgent);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    const QPointer<QObject> guard = context;
    const bool contextGiven = context != nullptr;
    auto exchange = std::make_shared<QPointer<HttpExchange>>();
    *exchange = new HttpExchange(
        m_network, request, method, body, m_limits,
        [exchange, guard, contextGiven, finished = std::move(finished)](
            const HttpExchangeOutcome &outcome) {
            if (*exchange)
                (*exchange)->deleteLater();
            if (!contextGiven || guard)
                finished(outcome);
        },
        this);
}

void SsoClient::getRoleCredentials(const QUrl &portal, const QString &accountId,
    const QString &roleName, const QString &accessToken, const QString &source, QObject *context,
    CredentialsCallback done)
{
    const QString operation = QStringLiteral("GetRoleCredentials");
    const QByteArray query = "account_id=" + QUrl::toPercentEncoding(accountId)
        + "&role_name=" + QUrl::toPercentEncoding(roleName);
    send(portal, QStringLiteral("/federation/credentials"), query, "GET",
        { { "x-amz-sso_bearer_token", accessToken.toUtf8() } }, {}, context,
        [portal, operation, source, done = std::move(done)](const HttpExchangeOutcome &outcome) {
            if (std::optional<AwsError> error = ssoExchangeError(outcome, portal, operation)) {
                if (error->kind == AwsError::Kind::Service
                    && error->code == QLatin1String("UnauthorizedException")) {
                    AwsError unauthorized;
                    unauthorized.kind = AwsError::Kind::Credentials;
                    unauthorized.code = error->code;
                    unauthorized.message = QStringLiteral(
                        "The SSO session associated with this profile has expired or is "
                        "otherwise invalid. To refresh this SSO session run aws sso login with "
                        "the corresponding profile.");
                    done(unauthorized);
                    return;
                }
                done(*error);
                return;
            }
            Result<AwsCredentials> credentials
                = parseRoleCredentials(outcome.response.body, source);
            if (!credentials.ok()) {
                AwsError error = credentials.error();
                error.endpoint = portal;
                done(error);
                return;
            }
            done(credentials);
        });
}

void SsoClient::callOidc(const QUrl &oidc, const QString &path, const QString &operation,
    const QJsonObject &body, QObject *context, JsonCallback done)
{
    send(oidc, path, {}, "POST", { { "Content-Type", "application/json" } },
        QJsonDocument(body).toJson(QJsonDocument::Compact), context,
        [oidc, operation, done = std::move(done)](const HttpExchangeOutcome &outcome) {
            if (std::optional<AwsError> error = ssoExchangeError(outcome, oidc, operation)) {
                done(*error);
                return;
            }
            QJsonParseError parseError {};
            const QJsonDocument document
                = QJsonDocument::fromJson(outcome.response.body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                done(badResponse(QStringLiteral("the answer is not a JSON object"), oidc, operation,
                    outcome.response.status));
                return;
            }
            done(document.object());
        });
}

} // namespace aws
