#include "aws/signedexchange.h"

#include "aws/awsjsonresponse.h"
#include "aws/httplogging.h"

#include <QNetworkAccessManager>

namespace aws {

using namespace Qt::StringLiterals;

namespace {

QString describeFailure(const AwsError &error)
{
    QString text = AwsError::kindName(error.kind);
    if (!error.code.isEmpty())
        text += u' ' + error.code;
    if (error.httpStatus != 0)
        text += u" HTTP %1"_s.arg(error.httpStatus);
    return text;
}

AwsError transportError(const HttpExchangeOutcome &outcome)
{
    AwsError error;
    error.kind = *outcome.failure;
    error.message = outcome.failureMessage;
    error.httpStatus = outcome.response.status;
    error.requestId = requestIdOf(outcome.response);
    return error;
}

} // namespace

SignedExchange::SignedExchange(ClientShared *shared, QByteArray operation, int maxAttempts,
    Protocol protocol, Done done, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_operation(std::move(operation))
    , m_maxAttempts(maxAttempts)
    , m_protocol(std::move(protocol))
    , m_done(std::move(done))
{
}

void SignedExchange::start()
{
    if (!m_finished)
        fetchCredentials();
}

void SignedExchange::cancel()
{
    m_finished = true;
    m_done = nullptr;
    if (m_http) {
        m_http->cancel();
        m_http->deleteLater();
        m_http = nullptr;
    }
    if (m_backoff)
        m_backoff->stop();
}

void SignedExchange::fetchCredentials()
{
    if (!m_shared->credentials) { // an unsigned request (STS AssumeRoleWithWebIdentity)
        send(m_attemptAfterCredentials);
        return;
    }
    m_shared->credentials->fetch(this, [this](const Result<AwsCredentials> &credentials) {
        if (m_finished)
            return;
        if (!credentials) {
            finish(credentials.error());
            return;
        }
        if (!credentials.value().isComplete()) {
            AwsError error;
            error.kind = AwsError::Kind::Credentials;
            error.message = u"The credentials from %1 lack an access key id or a secret access "
                            "key"_s.arg(m_shared->credentials->description());
            finish(std::move(error));
            return;
        }
        m_credentials = credentials.value();
        send(m_attemptAfterCredentials);
    });
}

void SignedExchange::send(Attempt attempt)
{
    if (m_finished)
        return;
    if (!m_shared->network) {
        AwsError error;
        error.kind = AwsError::Kind::Network;
        error.message = u"the network access manager is gone"_s;
        finish(std::move(error));
        return;
    }
    m_offsetUsed = m_shared->skew.offset();
    const QDateTime signingTime = m_shared->skew.corrected(m_shared->clock->now());
    Result<PreparedAttempt> prepared = m_protocol.prepare(m_credentials, signingTime);
    if (!prepared) {
        finish(prepared.error());
        return;
    }
    ++m_attempts;
    if (attempt == Attempt::Counted)
        ++m_countedAttempts;

    qCDebug(lcHttp).noquote() << u"%1, attempt %2 (%3 of %4 counted), signed at %5 with %6"_s
                                     .arg(prepared.value().description)
                                     .arg(m_attempts)
                                     .arg(m_countedAttempts)
                                     .arg(m_maxAttempts)
                                     .arg(signingTime.toString(Qt::ISODate),
                                         m_credentials.redactedDescription());
    m_http = new HttpExchange(
        m_shared->network, prepared.value().request, prepared.value().method, prepared.value().body,
        prepared.value().limits,
        [this](HttpExchangeOutcome outcome) { onAnswer(std::move(outcome)); }, this);
}

void SignedExchange::onAnswer(HttpExchangeOutcome outcome)
{
    if (m_finished)
        return;
    m_http->deleteLater();
    m_http = nullptr;
    const ClockSkew::Observation skew = observeDate(outcome.response);

    AttemptVerdict verdict;
    if (outcome.failure)
        verdict.error = transportError(outcome);
    else
        verdict = m_protocol.judge(outcome.response);
    if (!verdict.error && !verdict.sendAgainNow) {
        m_shared->quota.release(
            m_lastRetryCost > 0 ? m_lastRetryCost : retrystrategy::kNoRetrySuccessRefund);
        qCDebug(lcHttp).noquote() << u"HTTP %1 for %2 attempt %3: %4 bytes, request id %5"_s
                                         .arg(outcome.response.status)
                                         .arg(QString::fromLatin1(m_operation))
                                         .arg(m_attempts)
                                         .arg(outcome.response.body.size())
                                         .arg(requestIdOf(outcome.response));
        finish(Result<HttpResponse>(std::move(outcome.response)));
        return;
    }
    if (verdict.sendAgainNow) {
        send(Attempt::Repeated);
        return;
    }

    AwsError error = std::move(*verdict.error);
    qCDebug(lcHttp).noquote() << u"%1 attempt %2 failed: %3, request id %4"_s
                                     .arg(QString::fromLatin1(m_operation))
                                     .arg(m_attempts)
                                     .arg(describeFailure(error), error.requestId);

    if (error.isExpiredToken() && m_shared->credentials && !m_refreshedCredentials) {
        m_refreshedCredentials = true;
        qCDebug(lcHttp).noquote() << u"%1: fetching fresh credentials from %2 and retrying once"_s
                                         .arg(error.code, m_shared->credentials->description());
        m_shared->credentials->invalidate();
        m_attemptAfterCredentials = Attempt::Repeated;
        fetchCredentials();
        return;
    }
    if (error.isSignatureOrClockProblem() && skew.requestWasSkewed && !m_retriedForSkew) {
        m_retriedForSkew = true;
        qCDebug(lcHttp).noquote()
            << u"%1 came with clock skew; retrying %2 once with the corrected clock"_s.arg(
                   error.code, QString::fromLatin1(m_operation));
        send(Attempt::Repeated);
        return;
    }
    if (!error.isRetryable()) {
        finish(std::move(error));
        return;
    }
    if (m_countedAttempts >= m_maxAttempts) {
        error.retriesExhausted = true;
        finish(std::move(error));
        return;
    }
    const int cost = retrystrategy::retryCost(error);
    if (!m_shared->quota.tryAcquire(cost)) {
        qCDebug(lcHttp).noquote()
            << u"retry quota exhausted (%1 tokens left, %2 needed); not retrying %3"_s
                   .arg(m_shared->quota.available())
                   .arg(cost)
                   .arg(QString::fromLatin1(m_operation));
        finish(std::move(error));
        return;
    }
    m_lastRetryCost = cost;
    const std::chrono::milliseconds delay
        = retrystrategy::backoffDelay(m_countedAttempts, m_shared->random->uniform01());
    qCDebug(lcHttp).noquote()
        << u"backoff: retrying %1 in %2 ms (retry %3 of %4, %5 retry quota tokens left)"_s
               .arg(QString::fromLatin1(m_operation))
               .arg(delay.count())
               .arg(m_countedAttempts)
               .arg(m_maxAttempts - 1)
               .arg(m_shared->quota.available());
    m_backoff = m_shared->timers();
    m_backoff->start(delay, [this] { send(Attempt::Counted); });
}

ClockSkew::Observation SignedExchange::observeDate(const HttpResponse &response)
{
    const QByteArray date = response.header("Date");
    if (date.isEmpty())
        return {};
    const std::optional<QDateTime> serverTime = parseHttpDate(date);
    if (!serverTime) {
        qCDebug(lcHttp).noquote() << u"ignoring an unreadable Date header \"%1\""_s.arg(
            QString::fromLatin1(date.left(64)));
        return {};
    }
    const ClockSkew::Observation observation
        = m_shared->skew.observe(*serverTime, m_shared->clock->now(), m_offsetUsed);
    if (observation.offsetChanged) {
        qCDebug(lcHttp).noquote()
            << u"clock skew: the endpoint's clock is %1 s ahead of the local one; signing with "
               "the corrected time from now on"_s.arg(
                   std::chrono::round<std::chrono::seconds>(m_shared->skew.offset()).count());
    }
    return observation;
}

void SignedExchange::finish(Result<HttpResponse> result)
{
    m_finished = true;
    if (!result) {
        AwsError error = result.error();
        if (error.operation.isEmpty())
            error.operation = QString::fromLatin1(m_operation);
        error.attempts = m_attempts;
        qCDebug(lcHttp).noquote() << u"%1 failed after %2 attempt(s): %3"_s
                                         .arg(QString::fromLatin1(m_operation))
                                         .arg(m_attempts)
                                         .arg(describeFailure(error));
        result = Result<HttpResponse>(std::move(error));
    }
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

} // namespace aws
