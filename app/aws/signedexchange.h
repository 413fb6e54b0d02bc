#pragma once

#include "aws/awserror.h"
#include "aws/clockskew.h"
#include "aws/credentialsprovider.h"
#include "aws/httpexchange.h"
#include "aws/result.h"
#include "aws/retrystrategy.h"
#include "core/clock.h"
#include "core/timer.h"

#include <QByteArray>
#include <QDateTime>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace aws {

// What every request of one client shares: the network, the credentials, the injectables, the
// standard-mode retry quota and the clock skew learned from Date headers.
struct ClientShared {
    QPointer<QNetworkAccessManager> network;
    std::shared_ptr<CredentialsProvider> credentials; // null: requests go unsigned
    std::shared_ptr<const core::Clock> clock = core::Clock::system();
    std::shared_ptr<RandomSource> random = RandomSource::system();
    core::TimerFactory timers = core::qtTimers();
    RetryQuota quota;
    ClockSkew skew;
};

// One attempt as a protocol builds it, already signed.
struct PreparedAttempt {
    QNetworkRequest request;
    QByteArray method; // "POST", "GET"
    QByteArray body;
    HttpExchangeLimits limits;
    // The first words of the debug line of the attempt, without secrets: "POST https://…".
    QString description;
};

// What a protocol makes of a complete answer.
struct AttemptVerdict {
    // None: the answer is the result.
    std::optional<AwsError> error;
    // The answer names another place for the same request (S3's region redirect): send it again
    // at once, as a repeat that does not count against max_attempts.
    bool sendAgainNow = false;
};

// One request with the AWS CLI's standard retry behaviour (aws-conventions.md, "Retries"):
// credentials fetched, then attempts until a result, an error that is not retried, or the
// attempts or the retry quota run out; an expired token fetches credentials once more and a
// signature error that came with a clock 5 minutes or more away is retried once with the
// corrected clock (neither counts as an attempt). The protocol (JSON 1.0, S3's REST-XML) signs
// each attempt and judges each answer. Errors carry the attempts made.
class SignedExchange : public QObject {
public:
    struct Protocol {
        // The request for `credentials` signed at `signingTime`; an error ends the exchange.
        std::function<Result<PreparedAttempt>(
            const AwsCredentials &credentials, const QDateTime &signingTime)>
            prepare;
        // What a complete HTTP answer (any status) means.
        std::function<AttemptVerdict(const HttpResponse &response)> judge;
    };
    using Done = std::function<void(Result<HttpResponse>)>;

    SignedExchange(ClientShared *shared, QByteArray operation, int maxAttempts, Protocol protocol,
        Done done, QObject *parent);

    // Starts from the current call stack; `done` runs once, later, unless cancel() came first.
    void start();
    void cancel();

private:
    enum class Attempt { Counted, Repeated };

    void fetchCredentials();
    void send(Attempt attempt);
    void onAnswer(HttpExchangeOutcome outcome);
    ClockSkew::Observation observeDate(const HttpResponse &response);
    void finish(Result<HttpResponse> result);

    ClientShared *m_shared;
    QByteArray m_operation;
    int m_maxAttempts;
    Protocol m_protocol;
    Done m_done;
    AwsCredentials m_credentials;
    QPointer<HttpExchange> m_http;
    std::unique_ptr<core::Timer> m_backoff;
    Attempt m_attemptAfterCredentials = Attempt::Counted;
    int m_attempts = 0; // requests sent, the reported figure
    int m_countedAttempts = 0; // requests that count against max_attempts
    int m_lastRetryCost = 0; // 0 while no retry was paid for
    bool m_refreshedCredentials = false;
    bool m_retriedForSkew = false;
    bool m_finished = false;
    std::chrono::milliseconds m_offsetUsed { 0 };
};

} // namespace aws
