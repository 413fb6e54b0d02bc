#pragma once

#include "aws/awserror.h"
#include "aws/clientcall.h"
#include "aws/credentialsprovider.h"
#include "aws/result.h"
#include "aws/retrystrategy.h"
#include "core/clock.h"
#include "core/timer.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace aws {

struct AwsJsonClientSettings {
    QUrl endpoint; // "https://<service>.eu-west-1.amazonaws.com" or a loopback URL
    QString region; // signing region
    QByteArray signingName; // SigV4 service name ("lookoutequipment")
    QByteArray targetPrefix; // X-Amz-Target is "<targetPrefix>.<operation>"
    int maxAttempts = 3; // AWS_MAX_ATTEMPTS / max_attempts, attempts in all
    std::chrono::milliseconds connectTimeout { 60'000 };
    std::chrono::milliseconds readTimeout { 60'000 };
    qint64 maxResponseBytes = 16 * 1024 * 1024;
};

// AWS JSON 1.0 over QNetworkAccessManager: signing, standard-mode retries with the retry quota,
// clock-skew correction, timeouts, a response size cap, and errors as AwsError values.
// Lives on one thread and never blocks it.
class AwsJsonClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<QByteArray> &)>;

    AwsJsonClient(QNetworkAccessManager *network, AwsJsonClientSettings settings,
        std::shared_ptr<CredentialsProvider> credentials, QObject *parent = nullptr);
    ~AwsJsonClient() override;

    // Tests only: replace the clock, the jitter source and the backoff timers (one per call).
    void setClock(std::shared_ptr<const core::Clock> clock);
    void setRandomSource(std::shared_ptr<RandomSource> random);
    void setTimerFactory(core::TimerFactory timers);

    // Sends `operation` (e.g. "DescribeInferenceScheduler") with a JSON body. `done` runs once,
    // later, on this thread with the response body (a JSON object) or the error — unless
    // `context` is destroyed or the call is aborted first, in which case nothing runs.
    ClientCall *call(
        const QByteArray &operation, const QByteArray &jsonBody, QObject *context, Callback done);
    // Drops every call in flight (profile or region switched); no callback runs.
    void abortAll();

    const AwsJsonClientSettings &settings() const { return m_settings; }
    // The offset applied to the local clock when signing, learned from response Date headers.
    std::chrono::seconds clockSkew() const;
    int retryQuotaRemaining() const;

private:
    class Private;
    AwsJsonClientSettings m_settings;
    std::unique_ptr<Private> d;
};

} // namespace aws
