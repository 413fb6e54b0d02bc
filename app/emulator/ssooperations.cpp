#include "emulator/ssooperations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace emulator {

namespace {

const QByteArray kPortalPath = "/federation/credentials";
const QByteArray kApprovePath = "/_emulator/sso/approve";
const QByteArray kDenyPath = "/_emulator/sso/deny";
const QByteArray kDevicePath = "/_emulator/sso/device";
constexpr qint64 kPollToleranceMs = 250;

HttpResponse json(int status, const QJsonObject &body)
{
    HttpResponse response;
    response.status = status;
    response.headers = { { "Content-Type", "application/json" } };
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

// SSO OIDC's errors: the exception in X-Amzn-ErrorType, the OAuth error in the body.
HttpResponse oidcError(
    int status, const QByteArray &code, const QString &oauthError, const QString &description)
{
    HttpResponse response = json(status,
        { { QStringLiteral("error"), oauthError },
            { QStringLiteral("error_description"), description } });
    response.headers.append({ "X-Amzn-ErrorType", code });
    return response;
}

// The portal's errors: the exception in X-Amzn-ErrorType, {"message": …} in the body.
HttpResponse portalError(int status, const QByteArray &code, const QString &message)
{
    HttpResponse response = json(status, { { QStringLiteral("message"), message } });
    response.headers.append({ "X-Amzn-ErrorType", code });
    return response;
}

QString text(const QJsonObject &input, const char *key)
{
    return input.value(QLatin1String(key)).toString();
}

} // namespace

SsoOperations::SsoOperations(TemporaryCredentials *issued)
    : m_issued(issued)
    , m_random(QRandomGenerator::system()->generate64())
{
}

bool SsoOperations::handles(const HttpRequest &request)
{
    if (request.method == "GET")
        return (request.path == kPortalPath && request.headerCount("authorization") == 0)
            || request.path == kApprovePath || request.path == kDenyPath
            || request.path == kDevicePath;
    return request.method == "POST" && request.header("x-amz-target").isEmpty()
        && (request.path == "/client/register" || request.path == "/device_authorization"
            || request.path == "/token");
}

void SsoOperations::forgetExpired(const QDateTime &now)
{
    for (auto it = m_clients.begin(); it != m_clients.end();)
        it = it->expiresAt <= now ? m_clients.erase(it) : std::next(it);
    // A device code is kept an hour past its expiry, so that polls still hear it expired.
    for (auto it = m_authorizations.begin(); it != m_authorizations.end();)
        it = it->expiresAt.addSecs(3600) <= now ? m_authorizations.erase(it) : std::next(it);
    for (auto it = m_accessTokens.begin(); it != m_accessTokens.end();)
        it = *it <= now ? m_accessTokens.erase(it) : std::next(it);
    for (auto it = m_refreshTokens.begin(); it != m_refreshTokens.end();)
        it = !m_clients.contains(*it) ? m_refreshTokens.erase(it) : std::next(it);
}

HttpResponse SsoOperations::serve(
    const HttpRequest &request, const QDateTime &now, const QString &baseUrl)
{
    // Bounded state however many clients register or sign in: what expired goes, and past the
    // limit new sign-ins are refused until something expires.
    if (++m_requestsSincePrune >= kPruneEvery) {
        m_requestsSincePrune = 0;
        forgetExpired(now);
    }
    if (request.method == "POST"
        && (m_clients.size() >= kMaxEntries || m_authorizations.size() >= kMaxEntries
            || m_accessTokens.size() >= kMaxEntries || m_refreshTokens.size() >= kMaxEntries)) {
        forgetExpired(now);
        if (m_clients.size() >= kMaxEntries || m_authorizations.size() >= kMaxEntries
            || m_accessTokens.size() >= kMaxEntries || m_refreshTokens.size() >= kMaxEntries)
            return oidcError(429, "TooManyRequestsException", QStringLiteral("slow_down"),
                QStringLiteral("The emulator holds too many sign-ins; try again later"));
    }
    if (request.method == "GET") {
        if (request.path == kPortalPath)
            return getRoleCredentials(request, now);
        if (request.path == kDevicePath) {
            // What the browser shows: the emulator has no sign-in page, it says how to approve.
            HttpResponse page;
            page.headers = { { "Content-Type", "text/plain; charset=utf-8" } };
            page.body = "Lookout Desk emulator: approve this sign-in with GET "
                        "/_emulator/sso/approve?user_code=CODE (refuse it with "
                        "/_emulator/sso/deny?user_code=CODE).\n";
            return page;
        }
        return decide(request, request.path == kApprovePath);
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return oidcError(400, "InvalidRequestException", QStringLiteral("invalid_request"),
            QStringLiteral("The request body must be a JSON object"));
    const QJsonObject input = document.object();
    if (request.path == "/client/register")
        return registerClient(input, now);
    if (request.path == "/device_authorization")
        return startDeviceAuthorization(input, now, baseUrl);
    return createToken(input, now);
}

QString SsoOperations::randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &byte : raw)
        byte = static_cast<char>(m_random.generate() & 0xff);
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString SsoOperations::randomUserCode()
{
    // As the service shows them: two groups of four letters, without look-alikes.
    static constexpr char kLetters[] = "BCDFGHJKLMNPQRSTVWXZ";
    QString code;
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            code += u'-';
        code += QLatin1Char(kLetters[m_random.bounded(20U)]);
    }
    return code;
}

HttpResponse SsoOperations::registerClient(const QJsonObject &input, const QDateTime &now)
{
    if (text(input, "clientName").isEmpty() || text(input, "clientType") != QLatin1String("public"))
        return oidcError(400, "InvalidRequestException", QStringLiteral("invalid_request"),
            QStringLiteral("clientName is required and clientType must be public"));
    const QString clientId = randomToken(16);
    Client client { randomToken(48), now.addSecs(kRegistrationSeconds) };
    m_clients.insert(clientId, client);
    return json(200,
        { { QStringLiteral("clientId"), clientId },
            { QStringLiteral("clientSecret"), client.secret },
            { QStringLiteral("clientIdIssuedAt"), double(now.toSecsSinceEpoch()) },
            { QStringLiteral("clientSecretExpiresAt"),
                double(client.expiresAt.toSecsSinceEpoch()) } });
}

std::optional<HttpResponse> SsoOperations::invalidClient(
    const QJsonObject &input, const QDateTime &now) const
{
    const auto client = m_clients.constFind(text(input, "clientId"));
    if (client == m_clients.cend() || client->secret != text(input, "clientSecret")
        || client->expiresAt <= now)
        return oidcError(401, "InvalidClientException", QStringLiteral("invalid_client"),
            QStringLiteral("Invalid client"));
    return std::nullopt;
}

HttpResponse SsoOperations::startDeviceAuthorization(
    const QJsonObject &input, const QDateTime &now, const QString &baseUrl)
{
    if (auto refused = invalidClient(input, now))
        return *std::move(refused);
    const QString clientId = text(input, "clientId");
    if (text(input, "startUrl").isEmpty())
        return oidcError(400, "InvalidRequestException", QStringLiteral("invalid_request"),
            QStringLiteral("startUrl is required"));
    const QString deviceCode = randomToken(32);
    Authorization authorization;
    authorization.clientId = clientId;
    authorization.userCode = randomUserCode();
    authorization.expiresAt = now.addSecs(kDeviceCodeSeconds);
    m_authorizations.insert(deviceCode, authorization);
    const QString verification = baseUrl + QStringLiteral("/_emulator/sso/device");
    return json(200,
        { { QStringLiteral("deviceCode"), deviceCode },
            { QStringLiteral("userCode"), authorization.userCode },
            { QStringLiteral("verificationUri"), verification },
            { QStringLiteral("verificationUriComplete"),
                QString(verification + QStringLiteral("?user_code=") + authorization.userCode) },
            { QStringLiteral("expiresIn"), double(kDeviceCodeSeconds) },
            { QStringLiteral("interval"), double(kPollIntervalSeconds) } });
}

HttpResponse SsoOperations::newAccessToken(const QString &clientId, const QDateTime &now)
{
    const QString accessToken = randomToken(64);
    const QString refreshToken = randomToken(64);
    m_accessTokens.insert(accessToken, now.addSecs(kAccessTokenSeconds));
    m_refreshTokens.insert(refreshToken, clientId);
    return json(200,
        { { QStringLiteral("accessToken"), accessToken },
            { QStringLiteral("tokenType"), QStringLiteral("Bearer") },
            { QStringLiteral("expiresIn"), double(kAccessTokenSeconds) },
            { QStringLiteral("refreshToken"), refreshToken } });
}

HttpResponse SsoOperations::createToken(const QJsonObject &input, const QDateTime &now)
{
    if (auto refused = invalidClient(input, now))
        return *std::move(refused);
    const QString clientId = text(input, "clientId");
    const QString grantType = text(input, "grantType");
    if (grantType == QLatin1String("refresh_token")) {
        const QString refreshToken = text(input, "refreshToken");
        const auto found = m_refreshTokens.constFind(refreshToken);
        if (found == m_refreshTokens.cend() || *found != clientId)
            return oidcError(400, "InvalidGrantException", QStringLiteral("invalid_grant"),
                QStringLiteral("Invalid refresh token provided"));
        m_refreshTokens.remove(refreshToken); // refresh tokens are used once
        return newAccessToken(clientId, now);
    }
    if (grantType != QLatin1String("urn:ietf:params:oauth:grant-type:device_code"))
        return oidcError(400, "UnsupportedGrantTypeException",
            QStringLiteral("unsupported_grant_type"),
            QStringLiteral("Unsupported grant type: %1").arg(grantType));
    const QString deviceCode = text(input, "deviceCode");
    const auto found = m_authorizations.find(deviceCode);
    if (found == m_authorizations.end() || found->clientId != clientId)
        return oidcError(400, "InvalidGrantException", QStringLiteral("invalid_grant"),
            QStringLiteral("Invalid device code provided"));
    if (found->expiresAt <= now) {
        m_authorizations.erase(found);
        return oidcError(400, "ExpiredTokenException", QStringLiteral("expired_token"),
            QStringLiteral("Device code has expired"));
    }
    if (found->denied) {
        m_authorizations.erase(found);
        return oidcError(400, "AccessDeniedException", QStringLiteral("access_denied"),
            QStringLiteral("The user denied the authorization"));
    }
    if (found->approved) {
        m_authorizations.erase(found);
        return newAccessToken(clientId, now);
    }
    // A client's timer may fire a little early; a quarter second is forgiven.
    const bool tooSoon = found->lastPoll
        && found->lastPoll->msecsTo(now) < found->interval * 1000 - kPollToleranceMs;
    found->lastPoll = now;
    if (tooSoon) {
        found->interval += kSlowDownSeconds;
        return oidcError(400, "SlowDownException", QStringLiteral("slow_down"),
            QStringLiteral("Client is polling too quickly"));
    }
    return oidcError(400, "AuthorizationPendingException", QStringLiteral("authorization_pending"),
        QStringLiteral("Authorization is still pending"));
}

HttpResponse SsoOperations::decide(const HttpRequest &request, bool approve)
{
    const QString userCode
        = QUrlQuery(QString::fromLatin1(request.query)).queryItemValue(QStringLiteral("user_code"));
    for (Authorization &authorization : m_authorizations) {
        if (!userCode.isEmpty() && authorization.userCode == userCode) {
            authorization.approved = approve;
            authorization.denied = !approve;
            return json(200,
                { { QStringLiteral("userCode"), userCode },
                    { QStringLiteral("approved"), approve } });
        }
    }
    return json(404,
        { { QStringLiteral("message"),
            QStringLiteral("No pending sign-in has the user code %1").arg(userCode) } });
}

HttpResponse SsoOperations::getRoleCredentials(const HttpRequest &request, const QDateTime &now)
{
    const QString token = QString::fromUtf8(request.header("x-amz-sso_bearer_token"));
    const auto found = m_accessTokens.constFind(token);
    if (token.isEmpty() || found == m_accessTokens.cend() || *found <= now)
        return portalError(
            401, "UnauthorizedException", QStringLiteral("Session token not found or invalid"));
    const QUrlQuery query(QString::fromLatin1(request.query));
    const QString accountId = query.queryItemValue(QStringLiteral("account_id"));
    const QString roleName = query.queryItemValue(QStringLiteral("role_name"));
    if (accountId.isEmpty() || roleName.isEmpty())
        return portalError(400, "InvalidRequestException",
            QStringLiteral("account_id and role_name are required"));
    // The sign-in's token names the session, so each sign-in has keys of its own.
    const aws::AwsCredentials credentials
        = m_issued->issue(QStringLiteral("arn:aws:iam::%1:role/%2").arg(accountId, roleName), token,
            now, int(kRoleCredentialsSeconds));
    return json(200,
        { { QStringLiteral("roleCredentials"),
            QJsonObject { { QStringLiteral("accessKeyId"), credentials.accessKeyId },
                { QStringLiteral("secretAccessKey"), credentials.secretAccessKey },
                { QStringLiteral("sessionToken"), credentials.sessionToken },
                { QStringLiteral("expiration"),
                    double(credentials.expiration->toMSecsSinceEpoch()) } } } });
}

} // namespace emulator
