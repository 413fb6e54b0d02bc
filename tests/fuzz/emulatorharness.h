#pragma once

// The emulated service as the request harnesses drive it: a fresh EmulatorService per input
// (so inputs never depend on each other), over a copy of one generated 20-scheduler fleet, on a
// clock stopped at fuzzNow(), accepting the demo keys in us-east-1 — the setup generate-seeds
// signs its requests for.

#include "emulator/emulatoroptions.h"
#include "emulator/emulatorservice.h"
#include "emulator/fleetgenerator.h"
#include "fuzzsupport.h"

#include <QJsonDocument>

#include <memory>

namespace fuzzsupport {

class EmulatorUnderTest {
public:
    EmulatorUnderTest()
        : m_clock(std::make_shared<core::ManualClock>(fuzzNow()))
        , m_fleet(emulator::generateFleet(
              emulator::GeneratedFleetSpec { 20, 1, QStringLiteral("us-east-1") },
              fuzzNow().toMSecsSinceEpoch() * 1000))
    {
        m_config.credentials = emulator::EmulatorOptions::demoCredentials();
    }

    std::unique_ptr<emulator::EmulatorService> freshService() const
    {
        return std::make_unique<emulator::EmulatorService>(m_config, m_fleet, m_clock);
    }

private:
    std::shared_ptr<core::ManualClock> m_clock;
    emulator::Fleet m_fleet;
    emulator::ServiceConfig m_config;
};

// What every answer of the S3 subset must be: a status it documents, one x-amz-request-id and
// Date, Server: AmazonS3, and for an error with a body S3's XML <Error> naming its code.
inline void checkS3Response(const emulator::HttpResponse &response)
{
    static constexpr int kStatuses[] = { 200, 206, 400, 403, 404, 405, 416, 501 };
    bool known = false;
    for (const int status : kStatuses)
        known = known || response.status == status;
    FUZZ_CHECK(known,
        QStringLiteral("unexpected S3 status %1: %2")
            .arg(response.status)
            .arg(QString::fromUtf8(response.body.left(300))));
    int requestIds = 0;
    int dates = 0;
    for (const auto &[name, value] : response.headers) {
        FUZZ_CHECK(!value.contains('\r') && !value.contains('\n'),
            QStringLiteral("a line break in header ") + QString::fromLatin1(name));
        requestIds += emulator::headerNameEquals(name, "x-amz-request-id");
        dates += emulator::headerNameEquals(name, "Date");
    }
    FUZZ_CHECK(requestIds == 1 && dates == 1, QStringLiteral("missing x-amz-request-id or Date"));
    if (response.status >= 400 && !response.body.isEmpty()) {
        FUZZ_CHECK(response.body.contains("<Error><Code>") && response.body.endsWith("</Error>"),
            QStringLiteral("an S3 error without its XML: ")
                + QString::fromUtf8(response.body.left(300)));
    }
}

// What every answer of the service must be: a status it documents, the headers every response
// carries, and a JSON object body (an error body naming its type). Answers of the S3 subset
// (any request but a POST or one with X-Amz-Target) are held to checkS3Response().
inline void checkServiceResponse(const emulator::HttpResponse &response)
{
    for (const auto &[name, value] : response.headers) {
        if (emulator::headerNameEquals(name, "Server") && value == "AmazonS3") {
            checkS3Response(response);
            return;
        }
    }
    static constexpr int kStatuses[] = { 200, 400, 403, 404, 409 };
    bool known = false;
    for (const int status : kStatuses)
        known = known || response.status == status;
    FUZZ_CHECK(known,
        QStringLiteral("unexpected status %1: %2")
            .arg(response.status)
            .arg(QString::fromUtf8(response.body.left(300))));
    int requestIds = 0;
    int dates = 0;
    int types = 0;
    for (const auto &[name, value] : response.headers) {
        FUZZ_CHECK(!value.contains('\r') && !value.contains('\n'),
            QStringLiteral("a line break in header ") + QString::fromLatin1(name));
        requestIds += emulator::headerNameEquals(name, "x-amzn-RequestId");
        dates += emulator::headerNameEquals(name, "Date");
        types += emulator::headerNameEquals(name, "X-Amzn-Errortype");
    }
    FUZZ_CHECK(requestIds == 1 && dates == 1, QStringLiteral("missing x-amzn-RequestId or Date"));
    FUZZ_CHECK((response.status == 200) == (types == 0),
        QStringLiteral("X-Amzn-Errortype on HTTP %1: %2").arg(response.status).arg(types));
    QJsonParseError error;
    const QJsonDocument body = QJsonDocument::fromJson(response.body, &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError && body.isObject(),
        QStringLiteral("the body is not a JSON object: ")
            + QString::fromUtf8(response.body.left(300)));
}

} // namespace fuzzsupport
