#pragma once

#include "aws/awscredentials.h"
#include "core/clock.h"
#include "emulator/churn.h"
#include "emulator/faultinjector.h"
#include "emulator/fleet.h"
#include "emulator/httpmessage.h"
#include "emulator/lookoutoperations.h"
#include "emulator/pagetokens.h"
#include "emulator/s3operations.h"
#include "emulator/sigv4verifier.h"
#include "emulator/ssooperations.h"
#include "emulator/stsoperations.h"
#include "emulator/temporarycredentials.h"

#include <QRandomGenerator64>
#include <QString>
#include <QStringList>

#include <memory>

namespace emulator {

struct ServiceConfig {
    QString region = QStringLiteral("us-east-1");
    aws::AwsCredentials credentials; // the only ones accepted
    ChurnConfig churn;
    FaultConfig faults;
    // Operations refused with AccessDeniedException after authentication, as for credentials
    // whose IAM policy does not allow them ("StartInferenceScheduler").
    QStringList deniedOperations;
    // The time signatures are checked against and the Date header says; null: the fleet's clock.
    // A test that stops the fleet's clock gives the real one here, so clients that sign with the
    // real time are still inside the accepted skew however long the test runs.
    std::shared_ptr<const core::Clock> requestClock;
};

// The emulated service with no sockets: one HTTP request in, one HTTP response out, so it can be
// unit-tested and fuzzed directly. A POST or a request with X-Amz-Target goes to Lookout for
// Equipment; in order, like the service's front end: route (POST /, X-Amz-Target
// AWSLookoutEquipmentFrontendService.<Operation>, AWS JSON Content-Type), SigV4, body must be a
// JSON object, denied operations, injected faults, then the operation. Every response carries
// x-amzn-RequestId and Date; errors carry X-Amzn-Errortype and the JSON error body. Any other
// request goes to the S3 subset over the results the executions wrote (S3Operations): SigV4 for
// service s3, injected faults (throttling as S3's 503 SlowDown), then the operation; its answers
// carry x-amz-request-id, x-amz-id-2, Date and Server: AmazonS3, its errors S3's XML. A POST of a
// form without X-Amz-Target goes to STS (StsOperations), the IAM Identity Center portal and OIDC
// requests (SsoOperations::handles) to SsoOperations; the temporary keys both issue go into one
// store (TemporaryCredentials) and are accepted by every front end, with their session token,
// until they expire. Not thread-safe: the server calls it from one thread.
class EmulatorService {
public:
    EmulatorService(
        const ServiceConfig &config, Fleet fleet, std::shared_ptr<const core::Clock> clock);

    HttpResponse handle(const HttpRequest &request);

    // Applies churn and due transitions up to the clock's now (handle() does this itself).
    void synchronize();

    void setFaults(const FaultConfig &faults);
    const FaultConfig &faults() const { return m_faults.config(); }
    const Fleet &fleet() const { return m_fleet; }
    const ResultStore &results() const { return m_s3.store(); }
    const QString &region() const { return m_region; }
    const QStringList &deniedOperations() const { return m_deniedOperations; }

    struct Counters {
        quint64 requests = 0;
        quint64 throttled = 0;
        quint64 internalErrors = 0;
        quint64 malformed = 0;
        quint64 slowed = 0;
    };
    const Counters &counters() const { return m_counters; }

private:
    // `now` is the fleet's time; `requestTime` the one signatures are checked against.
    OperationResult process(const HttpRequest &request, const QDateTime &now,
        const QDateTime &requestTime, HttpResponse &response);
    void synchronize(qint64 now);
    HttpResponse handleS3(
        const HttpRequest &request, const QDateTime &now, const QDateTime &requestTime);
    S3Result processS3(const HttpRequest &request, const QDateTime &now,
        const QDateTime &requestTime, HttpResponse &response);
    // Draws the fault for one request of either protocol and counts it; a slow one delays
    // `response`. Throttling and InternalError are answered by the caller in its protocol.
    Fault drawFault(HttpResponse &response);
    // `body` damaged as the Malformed fault damages answers; counted.
    QByteArray malformed(const QByteArray &body);
    QByteArray newRequestId();
    QByteArray httpDate(const QDateTime &now);

    QString m_region;
    QStringList m_deniedOperations;
    std::shared_ptr<const core::Clock> m_clock;
    std::shared_ptr<const core::Clock> m_requestClock;
    Fleet m_fleet;
    PageTokens m_tokens;
    LookoutOperations m_operations;
    SigV4Verifier m_verifier;
    S3Operations m_s3;
    SigV4Verifier m_s3Verifier;
    TemporaryCredentials m_temporary;
    StsOperations m_sts;
    SsoOperations m_sso;
    FaultInjector m_faults;
    Churn m_churn;
    Counters m_counters;
    QRandomGenerator64 m_requestIds;
    qint64 m_dateSecond = -1; // the second m_dateHeader was formatted for
    QByteArray m_dateHeader;
};

} // namespace emulator
