#include "aws/ssodevicesignin.h"

#include <QJsonArray>
#include <QJsonObject>

namespace aws {

AwsError pendingAuthorizationExpired()
{
    AwsError error;
    error.kind = AwsError::Kind::Credentials;
    error.message = QStringLiteral(
        "The pending authorization to retrieve an SSO token has expired. The device "
        "authorization flow to retrieve an SSO token must be restarted.");
    return error;
}

namespace {

// A member the service must send, else a BadResponse naming it.
std::optional<AwsError> missing(
    const QJsonObject &object, const char *key, const QString &operation)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if ((value.isString() && !value.toString().isEmpty()) || value.isDouble())
        return std::nullopt;
    AwsError error;
    error.kind = AwsError::Kind::BadResponse;
    error.operation = operation;
    error.message = QStringLiteral("the answer has no %1").arg(QLatin1String(key));
    return error;
}

} // namespace

SsoDeviceSignIn::SsoDeviceSignIn(SsoSettings settings, SsoEndpoints endpoints,
    QNetworkAccessManager *network, Now now, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_endpoints(std::move(endpoints))
    , m_client(std::make_unique<SsoClient>(network, HttpExchangeLimits {}))
    , m_now(now ? std::move(now) : Now([] { return QDateTime::currentDateTimeUtc(); }))
{
    m_pollTimer.setSingleShot(true);
    m_pollTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire early: slow_down
    connect(&m_pollTimer, &QTimer::timeout, this, &SsoDeviceSignIn::poll);
}

SsoDeviceSignIn::~SsoDeviceSignIn() = default;

void SsoDeviceSignIn::start(PromptHandler prompt, Done done)
{
    m_prompt = std::move(prompt);
    m_done = std::move(done);
    registerClient();
}

void SsoDeviceSignIn::cancel()
{
    m_done = {};
    m_prompt = {};
    m_pollTimer.stop();
    // Answers still in flight are dropped with the client; later, as cancel() may be called from
    // inside one of its callbacks.
    if (m_client)
        m_client.release()->deleteLater();
}

void SsoDeviceSignIn::registerClient()
{
    const QString name = m_settings.isLegacy() ? QString::number(m_now().toSecsSinceEpoch())
                                               : m_settings.sessionName;
    QJsonObject body { { QStringLiteral("clientName"),
                           QString(QStringLiteral("botocore-client-") + name) },
        { QStringLiteral("clientType"), QStringLiteral("public") } };
    if (!m_settings.registrationScopes.isEmpty())
        body.insert(
            QStringLiteral("scopes"), QJsonArray::fromStringList(m_settings.registrationScopes));
    const QString operation = QStringLiteral("RegisterClient");
    m_client->callOidc(m_endpoints.oidc, QStringLiteral("/client/register"), operation, body, this,
        [this, operation](const Result<QJsonObject> &answer) {
            if (!m_client)
                return;
            if (!answer.ok()) {
                finish(answer.error());
                return;
            }
            for (const char *key : { "clientId", "clientSecret", "clientSecretExpiresAt" }) {
                if (auto error = missing(answer.value(), key, operation)) {
                    finish(*error);
                    return;
                }
            }
            m_clientId = answer.value().value(QLatin1String("clientId")).toString();
            m_clientSecret = answer.value().value(QLatin1String("clientSecret")).toString();
            m_registrationExpiresAt = QDateTime::fromSecsSinceEpoch(
                answer.value().value(QLatin1String("clientSecretExpiresAt")).toInteger(), Qt::UTC);
            authorize();
        });
}

void SsoDeviceSignIn::authorize()
{
    const QJsonObject body { { QStringLiteral("clientId"), m_clientId },
        { QStringLiteral("clientSecret"), m_clientSecret },
        { QStringLiteral("startUrl"), m_settings.startUrl } };
    const QString operation = QStringLiteral("StartDeviceAuthorization");
    m_client->callOidc(m_endpoints.oidc, QStringLiteral("/device_authorization"), operation, body,
        this, [this, operation](const Result<QJsonObject> &answer) {
            if (!m_client)
                return;
            if (!answer.ok()) {
                finish(answer.error());
                return;
            }
            const QJsonObject &object = answer.value();
            for (const char *key : { "deviceCode", "userCode", "verificationUri", "expiresIn" }) {
                if (auto error = missing(object, key, operation)) {
                    finish(*error);
                    return;
                }
            }
            m_deviceCode = object.value(QLatin1String("deviceCode")).toString();
            const qint64 expiresIn = std::clamp<qint64>(
                object.value(QLatin1String("expiresIn")).toInteger(), 1, 24 * 3600);
            m_deviceCodeExpiresAt = m_now().addSecs(expiresIn);
            // RFC 8628: 5 s when the service names no interval.
            m_interval
                = std::clamp<qint64>(object.value(QLatin1String("interval")).toInteger(5), 1, 60);
            SsoSignInPrompt prompt;
            prompt.userCode = object.value(QLatin1String("userCode")).toString();
            prompt.verificationUri
                = QUrl(object.value(QLatin1String("verificationUri")).toString());
            prompt.verificationUriComplete
                = QUrl(object.value(QLatin1String("verificationUriComplete")).toString());
            if (!prompt.verificationUriComplete.isValid()
                || prompt.verificationUriComplete.isEmpty())
                prompt.verificationUriComplete = prompt.verificationUri;
            prompt.expiresAt = m_deviceCodeExpiresAt;
            // The first poll at once, as botocore's: an approval given before is taken now.
            poll();
            if (m_prompt)
                m_prompt(prompt);
        });
}

void SsoDeviceSignIn::poll()
{
    if (!m_client)
        return;
    const QJsonObject body { { QStringLiteral("clientId"), m_clientId },
        { QStringLiteral("clientSecret"), m_clientSecret },
        { QStringLiteral("grantType"),
            QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
        { QStringLiteral("deviceCode"), m_deviceCode } };
    const QString operation = QStringLiteral("CreateToken");
    m_client->callOidc(m_endpoints.oidc, QStringLiteral("/token"), operation, body, this,
        [this, operation](const Result<QJsonObject> &answer) {
            if (!m_client)
                return;
            if (!answer.ok()) {
                const AwsError &error = answer.error();
                const bool service = error.kind == AwsError::Kind::Service;
                if (service && error.code == QLatin1String("AuthorizationPendingException")) {
                    m_pollTimer.start(std::chrono::seconds(m_interval));
                    return;
                }
                if (service && error.code == QLatin1String("SlowDownException")) {
                    m_interval += kSlowDownSeconds;
                    m_pollTimer.start(std::chrono::seconds(m_interval));
                    return;
                }
                if (service && error.code == QLatin1String("ExpiredTokenException")) {
                    finish(pendingAuthorizationExpired());
                    return;
                }
                finish(error);
                return;
            }
            const QJsonObject &object = answer.value();
            for (const char *key : { "accessToken", "expiresIn" }) {
                if (auto error = missing(object, key, operation)) {
                    finish(*error);
                    return;
                }
            }
            SsoToken token;
            token.startUrl = m_settings.startUrl;
            token.region = m_settings.region;
            token.accessToken = object.value(QLatin1String("accessToken")).toString();
            token.expiresAt = m_now().addSecs(std::clamp<qint64>(
                object.value(QLatin1String("expiresIn")).toInteger(), 0, 366 * 24 * 3600));
            token.clientId = m_clientId;
            token.clientSecret = m_clientSecret;
            token.registrationExpiresAt = m_registrationExpiresAt;
            token.refreshToken = object.value(QLatin1String("refreshToken")).toString();
            const QString problem
                = saveSsoToken(m_endpoints.cacheDirectory, m_settings.tokenName(), token);
            if (!problem.isEmpty()) {
                AwsError error;
                error.kind = AwsError::Kind::Credentials;
                error.message
                    = QStringLiteral("The SSO token could not be cached: %1").arg(problem);
                finish(error);
                return;
            }
            finish(token);
        });
}

void SsoDeviceSignIn::finish(const Result<SsoToken> &result)
{
    m_pollTimer.stop();
    const Done done = std::exchange(m_done, {});
    if (done)
        done(result);
}

} // namespace aws
