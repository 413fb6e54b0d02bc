#include "aws/awsjsonclient.h"

#include "appinfo.h"
#include "aws/awsjsonresponse.h"
#include "aws/endpointtarget.h"
#include "aws/registeredcall.h"
#include "aws/sigv4signer.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace aws {

class AwsJsonClient::Private : public ClientShared {
public:
    CallRegistry calls; // destroyed first: the calls use the shared state until then
};

namespace {

// One AWS JSON 1.0 call: a POST of the body with X-Amz-Target, signed for the service; a 2xx
// answer must be a JSON object, an error answer names its type (interpretJsonResponse).
class JsonCall final : public RegisteredCall {
public:
    JsonCall(AwsJsonClient *client, CallRegistry *registry, ClientShared *shared,
        QByteArray operation, QByteArray body, QObject *context, AwsJsonClient::Callback done)
        : RegisteredCall(client, registry, shared, std::move(operation), context)
        , m_client(client)
        , m_body(std::move(body))
        , m_done(std::move(done))
    {
    }

    void start(EndpointTarget target)
    {
        if (finished())
            return;
        m_target = std::move(target);
        SignedExchange::Protocol protocol;
        protocol.prepare = [this](const AwsCredentials &credentials, const QDateTime &time) {
            return prepare(credentials, time);
        };
        protocol.judge = [](const HttpResponse &response) {
            AttemptVerdict verdict;
            Result<QByteArray> body = interpretJsonResponse(response);
            if (!body)
                verdict.error = body.error();
            return verdict;
        };
        send(settings().maxAttempts, std::move(protocol), [this](Result<HttpResponse> answer) {
            if (answer)
                deliver(m_done, Result<QByteArray>(std::move(answer).value().body));
            else
                fail(answer.error());
        });
    }

    void fail(AwsError error)
    {
        if (finished())
            return;
        if (error.operation.isEmpty())
            error.operation = QString::fromLatin1(operation());
        if (error.endpoint.isEmpty()) {
            error.endpoint = m_target.url.isEmpty()
                ? settings().endpoint.adjusted(QUrl::RemoveUserInfo)
                : m_target.url;
        }
        deliver(m_done, Result<QByteArray>(std::move(error)));
    }

private:
    const AwsJsonClientSettings &settings() const { return m_client->settings(); }

    void dropCallback() override { m_done = nullptr; }

    Result<PreparedAttempt> prepare(const AwsCredentials &credentials, const QDateTime &time) const
    {
        const QByteArray target = settings().targetPrefix + '.' + operation();
        sigv4::Request toSign;
        toSign.method = "POST";
        toSign.path = m_target.path;
        toSign.query = m_target.query;
        toSign.headers = {
            { "Content-Type", "application/x-amz-json-1.0" },
            { "Host", m_target.hostHeader },
            { "X-Amz-Target", target },
        };
        toSign.body = m_body;
        const sigv4::Signature signature = sigv4::sign(
            toSign, credentials, settings().region.toUtf8(), settings().signingName, time);

        PreparedAttempt attempt;
        attempt.request = QNetworkRequest(m_target.connectUrl);
        if (!m_target.peerVerifyName.isEmpty())
            attempt.request.setPeerVerifyName(m_target.peerVerifyName);
        for (const auto &[name, value] : toSign.headers)
            attempt.request.setRawHeader(name, value);
        attempt.request.setRawHeader("X-Amz-Date", signature.amzDate);
        if (!signature.securityToken.isEmpty())
            attempt.request.setRawHeader("X-Amz-Security-Token", signature.securityToken);
        attempt.request.setRawHeader("Authorization", signature.authorization);
        attempt.request.setRawHeader("User-Agent", appinfo::kUserAgent);
        attempt.method = "POST";
        attempt.body = m_body;
        attempt.limits.connectTimeout = settings().connectTimeout;
        attempt.limits.readTimeout = settings().readTimeout;
        attempt.limits.maxResponseBytes = settings().maxResponseBytes;
        attempt.description
            = QStringLiteral("POST %1 X-Amz-Target: %2")
                  .arg(aws::withoutUserInfo(m_target.url), QString::fromLatin1(target));
        return attempt;
    }

    AwsJsonClient *m_client;
    QByteArray m_body;
    AwsJsonClient::Callback m_done;
    EndpointTarget m_target;
};

// Settings that no request could be sent with, as a Configuration error; nothing when all is well.
std::optional<AwsError> checkSettings(const AwsJsonClientSettings &settings)
{
    using Setting = AwsError::Setting;
    if (settings.region.trimmed().isEmpty())
        return AwsError::configuration(Setting::Region,
            QStringLiteral("no region is set; set one with --region, AWS_REGION or the "
                           "profile's region"));
    if (settings.maxAttempts < 1)
        return AwsError::configuration(Setting::Retries,
            QStringLiteral("max_attempts must be at least 1 (it is %1)").arg(settings.maxAttempts));
    if (settings.connectTimeout.count() <= 0)
        return AwsError::configuration(Setting::Unspecified,
            QStringLiteral("the connect timeout must be positive (it is %1 ms)")
                .arg(settings.connectTimeout.count()));
    if (settings.readTimeout.count() <= 0)
        return AwsError::configuration(Setting::Unspecified,
            QStringLiteral("the read timeout must be positive (it is %1 ms)")
                .arg(settings.readTimeout.count()));
    if (settings.maxResponseBytes <= 0)
        return AwsError::configuration(Setting::Unspecified,
            QStringLiteral("the response size limit must be positive (it is %1 bytes)")
                .arg(settings.maxResponseBytes));
    if (settings.signingName.isEmpty() || settings.targetPrefix.isEmpty())
        return AwsError::configuration(Setting::Unspecified,
            QStringLiteral("the signing name and the target prefix must not be empty"));
    return std::nullopt;
}

std::optional<AwsError> checkOperation(const QByteArray &operation)
{
    static const QRegularExpression kOperationName(QStringLiteral("^[A-Za-z][A-Za-z0-9]*$"));
    if (kOperationName.match(QString::fromLatin1(operation)).hasMatch())
        return std::nullopt;
    QString shown = QString::fromLatin1(operation.left(64));
    for (QChar &c : shown) {
        if (!c.isPrint())
            c = u'?';
    }
    AwsError error;
    error.kind = AwsError::Kind::InvalidParameter;
    error.message = QStringLiteral("the operation name \"%1\" is not an AWS operation name "
                                   "(letters and digits, starting with a letter)")
                        .arg(shown);
    return error;
}

} // namespace

AwsJsonClient::AwsJsonClient(QNetworkAccessManager *network, AwsJsonClientSettings settings,
    std::shared_ptr<CredentialsProvider> credentials, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , d(std::make_unique<Private>())
{
    d->network = network;
    d->credentials = std::move(credentials);
}

AwsJsonClient::~AwsJsonClient() = default;

void AwsJsonClient::setClock(std::shared_ptr<const core::Clock> clock)
{
    d->clock = std::move(clock);
}

void AwsJsonClient::setRandomSource(std::shared_ptr<RandomSource> random)
{
    d->random = std::move(random);
}

void AwsJsonClient::setTimerFactory(core::TimerFactory timers)
{
    d->timers = std::move(timers);
}

ClientCall *AwsJsonClient::call(
    const QByteArray &operation, const QByteArray &jsonBody, QObject *context, Callback done)
{
    // botocore sends "{}" for an operation called without parameters.
    auto *call = new JsonCall(this, &d->calls, d.get(), operation,
        jsonBody.isEmpty() ? QByteArrayLiteral("{}") : jsonBody, context, std::move(done));

    std::optional<AwsError> refusal = checkOperation(operation);
    if (!refusal)
        refusal = checkSettings(m_settings);
    if (!refusal && !d->credentials) {
        AwsError error;
        error.kind = AwsError::Kind::Credentials;
        error.message = QStringLiteral("Unable to locate credentials: the client has no provider");
        refusal = error;
    }
    Result<EndpointTarget> target = checkEndpoint(m_settings.endpoint);
    if (!refusal && !target)
        refusal = target.error();

    // Both paths start from the event loop, so `done` never runs inside call().
    if (refusal) {
        QMetaObject::invokeMethod(
            call, [call, error = *refusal] { call->fail(error); }, Qt::QueuedConnection);
    } else {
        QMetaObject::invokeMethod(
            call, [call, endpoint = std::move(target).value()] { call->start(endpoint); },
            Qt::QueuedConnection);
    }
    return call;
}

void AwsJsonClient::abortAll()
{
    d->calls.abortAll();
}

std::chrono::seconds AwsJsonClient::clockSkew() const
{
    return std::chrono::round<std::chrono::seconds>(d->skew.offset());
}

int AwsJsonClient::retryQuotaRemaining() const
{
    return d->quota.available();
}

} // namespace aws
