#include "aws/awsjsonclient.h"

#include "appinfo.h"
#include "aws/awsjsonresponse.h"
#include "aws/clockskew.h"
#include "aws/endpointtarget.h"
#include "aws/httpexchange.h"
#include "aws/httplogging.h"
#include "aws/retrystrategy.h"
#include "aws/sigv4signer.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace aws {

namespace {

class JsonCall;

// What the calls of one client share: the network, credentials, injectables, retry quota and
// clock skew.
struct ClientState {
    QPointer<QNetworkAccessManager> network;
    std::shared_ptr<CredentialsProvider> credentials;
    std::shared_ptr<const core::Clock> clock = core::Clock::system();
    std::shared_ptr<RandomSource> random = RandomSource::system();
    core::TimerFactory timers = core::qtTimers();
    RetryQuota quota;
    ClockSkew skew;
    QList<JsonCall *> calls;
};

} // namespace

class AwsJsonClient::Private : public ClientState { };

namespace {

QString describeFailure(const AwsError &error)
{
    QString text = AwsError::kindName(error.kind);
    if (!error.code.isEmpty())
        text += u' ' + error.code;
    if (error.httpStatus != 0)
        text += QStringLiteral(" HTTP %1").arg(error.httpStatus);
    return text;
}

// One call: credentials, then attempts until a result, an error that is not retried, or the
// attempts or the retry quota run out. Deletes itself once it has delivered or was aborted.
class JsonCall final : public AwsJsonCall {
public:
    JsonCall(AwsJsonClient *client, ClientState *d, QByteArray operation, QByteArray body,
        QObject *context, AwsJsonClient::Callback done)
        : AwsJsonCall(client)
        , m_client(client)
        , m_d(d)
        , m_operation(std::move(operation))
        , m_body(std::move(body))
        , m_context(context)
        , m_hasContext(context != nullptr)
        , m_done(std::move(done))
    {
        m_d->calls.append(this);
        if (context)
            connect(context, &QObject::destroyed, this, &JsonCall::abort);
    }

    ~JsonCall() override
    {
        if (m_d)
            m_d->calls.removeOne(this);
    }

    // The client is going away before this call: it must not touch the client again.
    void detachFromClient() { m_d = nullptr; }
    bool isDelivering() const { return m_delivering; }

    void abort() override
    {
        if (m_state == State::Finished)
            return;
        m_state = State::Finished;
        m_done = nullptr;
        if (m_exchange) {
            m_exchange->cancel();
            m_exchange->deleteLater();
        }
        m_exchange = nullptr;
        if (m_backoffTimer)
            m_backoffTimer->stop();
        qCDebug(lcHttp).noquote()
            << QStringLiteral("%1 aborted").arg(QString::fromLatin1(m_operation));
        deleteLater();
    }

    QByteArray operation() const override { return m_operation; }

    void start(EndpointTarget target)
    {
        if (m_state == State::Finished)
            return;
        m_target = std::move(target);
        fetchCredentials();
    }

    void fail(AwsError error)
    {
        if (m_state == State::Finished)
            return;
        fillIn(error);
        qCDebug(lcHttp).noquote() << QStringLiteral("%1 failed after %2 attempt(s): %3")
                                         .arg(QString::fromLatin1(m_operation))
                                         .arg(m_attempts)
                                         .arg(describeFailure(error));
        deliver(std::move(error));
    }

private:
    enum class State { Running, Finished };

    const AwsJsonClientSettings &settings() const { return m_client->settings(); }

    void fillIn(AwsError &error) const
    {
        if (error.operation.isEmpty())
            error.operation = QString::fromLatin1(m_operation);
        if (error.endpoint.isEmpty()) {
            error.endpoint = m_target.url.isEmpty()
                ? settings().endpoint.adjusted(QUrl::RemoveUserInfo)
                : m_target.url;
        }
        error.attempts = m_attempts;
    }

    void fetchCredentials()
    {
        m_d->credentials->fetch(this, [this](const Result<AwsCredentials> &credentials) {
            if (m_state == State::Finished)
                return;
            if (!credentials) {
                fail(credentials.error());
                return;
            }
            if (!credentials.value().isComplete()) {
                AwsError error;
                error.kind = AwsError::Kind::Credentials;
                error.message = QStringLiteral("The credentials from %1 lack an access key id or "
                                               "a secret access key")
                                    .arg(m_d->credentials->description());
                fail(std::move(error));
                return;
            }
            m_credentials = credentials.value();
            sendAttempt(m_attemptAfterCredentials);
        });
    }

    // Whether an attempt counts against max_attempts: the one clock-skew retry and the one
    // expired-token retry repeat an attempt rather than add one.
    enum class Attempt { Counted, Repeated };

    void sendAttempt(Attempt attempt)
    {
        if (m_state == State::Finished)
            return;
        if (!m_d->network) {
            AwsError error;
            error.kind = AwsError::Kind::Network;
            error.message = QStringLiteral("the network access manager is gone");
            fail(std::move(error));
            return;
        }
        ++m_attempts;
        if (attempt == Attempt::Counted)
            ++m_countedAttempts;

        m_offsetUsed = m_d->skew.offset();
        const QDateTime signingTime = m_d->skew.corrected(m_d->clock->now());
        const QByteArray target = settings().targetPrefix + '.' + m_operation;

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
            toSign, m_credentials, settings().region.toUtf8(), settings().signingName, signingTime);

        QNetworkRequest request(m_target.connectUrl);
        if (!m_target.peerVerifyName.isEmpty())
            request.setPeerVerifyName(m_target.peerVerifyName);
        for (const auto &[name, value] : toSign.headers)
            request.setRawHeader(name, value);
        request.setRawHeader("X-Amz-Date", signature.amzDate);
        if (!signature.securityToken.isEmpty())
            request.setRawHeader("X-Amz-Security-Token", signature.securityToken);
        request.setRawHeader("Authorization", signature.authorization);
        request.setRawHeader("User-Agent", appinfo::kUserAgent);

        qCDebug(lcHttp).noquote() << QStringLiteral(
            "POST %1 X-Amz-Target: %2, attempt %3 (%4 of %5 counted), signed "
            "at %6 with %7")
                                         .arg(m_target.url.toString(QUrl::RemoveUserInfo),
                                             QString::fromLatin1(target))
                                         .arg(m_attempts)
                                         .arg(m_countedAttempts)
                                         .arg(settings().maxAttempts)
                                         .arg(QString::fromLatin1(signature.amzDate),
                                             m_credentials.redactedDescription());

        HttpExchangeLimits limits;
        limits.connectTimeout = settings().connectTimeout;
        limits.readTimeout = settings().readTimeout;
        limits.maxResponseBytes = settings().maxResponseBytes;
        m_exchange = new HttpExchange(
            m_d->network, request, m_body, limits,
            [this](HttpExchangeOutcome outcome) { onExchangeDone(std::move(outcome)); }, this);
    }

    void onExchangeDone(HttpExchangeOutcome outcome)
    {
        if (m_state == State::Finished)
            return;
        m_exchange->deleteLater();
        m_exchange = nullptr;
        const ClockSkew::Observation skew = observeDate(outcome.response);

        Result<QByteArray> result = outcome.failure ? Result<QByteArray>(transportError(outcome))
                                                    : interpretJsonResponse(outcome.response);
        if (result) {
            m_d->quota.release(
                m_lastRetryCost > 0 ? m_lastRetryCost : retrystrategy::kNoRetrySuccessRefund);
            qCDebug(lcHttp).noquote()
                << QStringLiteral("HTTP %1 for %2 attempt %3: %4 bytes, request id %5")
                       .arg(outcome.response.status)
                       .arg(QString::fromLatin1(m_operation))
                       .arg(m_attempts)
                       .arg(result.value().size())
                       .arg(requestIdOf(outcome.response));
            deliver(std::move(result));
            return;
        }

        AwsError error = result.error();
        fillIn(error);
        qCDebug(lcHttp).noquote() << QStringLiteral("%1 attempt %2 failed: %3, request id %4")
                                         .arg(QString::fromLatin1(m_operation))
                                         .arg(m_attempts)
                                         .arg(describeFailure(error), error.requestId);

        if (error.isExpiredToken() && !m_refreshedCredentials) {
            m_refreshedCredentials = true;
            qCDebug(lcHttp).noquote()
                << QStringLiteral("%1: fetching fresh credentials from %2 and retrying once")
                       .arg(error.code, m_d->credentials->description());
            m_d->credentials->invalidate();
            m_attemptAfterCredentials = Attempt::Repeated;
            fetchCredentials();
            return;
        }
        if (error.isSignatureOrClockProblem() && skew.requestWasSkewed && !m_retriedForSkew) {
            m_retriedForSkew = true;
            qCDebug(lcHttp).noquote()
                << QStringLiteral("%1 came with clock skew; retrying %2 once with the corrected "
                                  "clock")
                       .arg(error.code, QString::fromLatin1(m_operation));
            sendAttempt(Attempt::Repeated);
            return;
        }
        if (!error.isRetryable()) {
            fail(std::move(error));
            return;
        }
        if (m_countedAttempts >= settings().maxAttempts) {
            error.retriesExhausted = true;
            fail(std::move(error));
            return;
        }
        const int cost = retrystrategy::retryCost(error);
        if (!m_d->quota.tryAcquire(cost)) {
            qCDebug(lcHttp).noquote()
                << QStringLiteral("retry quota exhausted (%1 tokens left, %2 needed); not "
                                  "retrying %3")
                       .arg(m_d->quota.available())
                       .arg(cost)
                       .arg(QString::fromLatin1(m_operation));
            fail(std::move(error));
            return;
        }
        m_lastRetryCost = cost;
        const std::chrono::milliseconds delay
            = retrystrategy::backoffDelay(m_countedAttempts, m_d->random->uniform01());
        qCDebug(lcHttp).noquote() << QStringLiteral(
            "backoff: retrying %1 in %2 ms (retry %3 of %4, %5 retry quota "
            "tokens left)")
                                         .arg(QString::fromLatin1(m_operation))
                                         .arg(delay.count())
                                         .arg(m_countedAttempts)
                                         .arg(settings().maxAttempts - 1)
                                         .arg(m_d->quota.available());
        m_backoffTimer = m_d->timers();
        m_backoffTimer->start(delay, [this] { sendAttempt(Attempt::Counted); });
    }

    ClockSkew::Observation observeDate(const HttpResponse &response)
    {
        const QByteArray date = response.header("Date");
        if (date.isEmpty())
            return {};
        const std::optional<QDateTime> serverTime = parseHttpDate(date);
        if (!serverTime) {
            qCDebug(lcHttp).noquote() << QStringLiteral("ignoring an unreadable Date header \"%1\"")
                                             .arg(QString::fromLatin1(date.left(64)));
            return {};
        }
        const ClockSkew::Observation observation
            = m_d->skew.observe(*serverTime, m_d->clock->now(), m_offsetUsed);
        if (observation.offsetChanged) {
            qCDebug(lcHttp).noquote()
                << QStringLiteral("clock skew: the endpoint's clock is %1 s ahead of the local "
                                  "one; signing with the corrected time from now on")
                       .arg(std::chrono::round<std::chrono::seconds>(m_d->skew.offset()).count());
        }
        return observation;
    }

    AwsError transportError(const HttpExchangeOutcome &outcome) const
    {
        AwsError error;
        error.kind = *outcome.failure;
        error.message = outcome.failureMessage;
        error.httpStatus = outcome.response.status;
        error.requestId = requestIdOf(outcome.response);
        return error;
    }

    void deliver(Result<QByteArray> result)
    {
        m_state = State::Finished;
        AwsJsonClient::Callback done = std::move(m_done);
        m_done = nullptr;
        deleteLater();
        if (m_hasContext && !m_context)
            return;
        if (!done)
            return;
        // The callback may destroy the client, whose destructor then leaves this call to the
        // deleteLater() above; and a deferred delete never runs inside the callback's own
        // nested event loops. So this object is still here when the callback returns.
        m_delivering = true;
        done(result);
        m_delivering = false;
    }

    AwsJsonClient *m_client;
    ClientState *m_d;
    QByteArray m_operation;
    QByteArray m_body;
    QPointer<QObject> m_context;
    bool m_hasContext;
    AwsJsonClient::Callback m_done;
    EndpointTarget m_target;
    AwsCredentials m_credentials;
    QPointer<HttpExchange> m_exchange;
    std::unique_ptr<core::Timer> m_backoffTimer;
    State m_state = State::Running;
    int m_attempts = 0; // requests sent, the reported figure
    int m_countedAttempts = 0; // requests that count against maxAttempts
    int m_lastRetryCost = 0; // 0 while no retry was paid for
    bool m_refreshedCredentials = false;
    bool m_retriedForSkew = false;
    Attempt m_attemptAfterCredentials = Attempt::Counted; // the attempt a credentials fetch starts
    bool m_delivering = false;
    std::chrono::milliseconds m_offsetUsed { 0 };
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

AwsJsonClient::~AwsJsonClient()
{
    const QList<JsonCall *> calls = d->calls;
    d->calls.clear();
    for (JsonCall *call : calls) {
        call->detachFromClient();
        call->abort();
        // A call whose callback is deleting this client is still on the stack; it deletes
        // itself from the event loop (deliver() scheduled that) instead of here.
        if (call->isDelivering())
            call->setParent(nullptr);
        else
            delete call;
    }
}

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

AwsJsonCall *AwsJsonClient::call(
    const QByteArray &operation, const QByteArray &jsonBody, QObject *context, Callback done)
{
    // botocore sends "{}" for an operation called without parameters.
    auto *call = new JsonCall(this, d.get(), operation,
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
    const QList<JsonCall *> calls = d->calls;
    for (JsonCall *call : calls)
        call->abort();
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
