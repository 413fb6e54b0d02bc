#pragma once

#include "aws/awscredentials.h"
#include "core/clock.h"
#include "emulator/churn.h"
#include "emulator/faultinjector.h"
#include "emulator/fleet.h"
#include "emulator/httpmessage.h"
#include "emulator/lookoutoperations.h"
#include "emulator/pagetokens.h"
#include "emulator/sigv4verifier.h"

#include <QRandomGenerator64>
#include <QString>

#include <memory>

namespace emulator {

struct ServiceConfig {
    QString region = QStringLiteral("us-east-1");
    aws::AwsCredentials credentials; // the only ones accepted
    ChurnConfig churn;
    FaultConfig faults;
};

// The emulated service with no sockets: one HTTP request in, one HTTP response out, so it can be
// unit-tested and fuzzed directly. In order, like the service's front end: route (POST /,
// X-Amz-Target AWSLookoutEquipmentFrontendService.<Operation>, AWS JSON Content-Type), SigV4,
// body must be a JSON object, injected faults, then the operation. Every response carries
// x-amzn-RequestId and Date; errors carry X-Amzn-Errortype and the JSON error body.
// Not thread-safe: the server calls it from one thread.
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
    const QString &region() const { return m_region; }

    struct Counters {
        quint64 requests = 0;
        quint64 throttled = 0;
        quint64 internalErrors = 0;
        quint64 malformed = 0;
        quint64 slowed = 0;
    };
    const Counters &counters() const { return m_counters; }

private:
    OperationResult process(
        const HttpRequest &request, const QDateTime &now, HttpResponse &response);
    void synchronize(qint64 now);
    QByteArray newRequestId();
    QByteArray httpDate(const QDateTime &now);

    QString m_region;
    std::shared_ptr<const core::Clock> m_clock;
    Fleet m_fleet;
    PageTokens m_tokens;
    LookoutOperations m_operations;
    SigV4Verifier m_verifier;
    FaultInjector m_faults;
    Churn m_churn;
    Counters m_counters;
    QRandomGenerator64 m_requestIds;
    qint64 m_dateSecond = -1; // the second m_dateHeader was formatted for
    QByteArray m_dateHeader;
};

} // namespace emulator
