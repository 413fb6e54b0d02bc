// The emulator's request handling: raw bytes from a client through emulator::HttpRequestParser
// into emulator::EmulatorService, as emulator::HttpConnection drives them (pipelined requests
// answered in order, the first rejection ends the connection). The bytes are fed three ways —
// at once, one byte at a time, and in 7-byte pieces — and must be understood the same way each
// time. Every request gets a well-formed answer, and a rejection a 4xx/5xx status with a reason.
#include "emulator/httprequestparser.h"
#include "emulatorharness.h"

#include <QList>

namespace {

using fuzzsupport::bytes;

// Tighter than the server's defaults, so inputs of a few KiB reach every limit.
emulator::HttpLimits fuzzLimits()
{
    emulator::HttpLimits limits;
    limits.maxHeaderBytes = 2048;
    limits.maxBodyBytes = 1024;
    limits.maxHeaderCount = 24;
    return limits;
}

struct Exchange {
    QByteArray request; // method, target, headers and body as parsed
    int status = 0; // the answer, or the rejection's status
    bool operator==(const Exchange &) const = default;
};

QByteArray summary(const emulator::HttpRequest &request)
{
    QByteArray text = request.method + ' ' + request.path + '?' + request.query + " 1."
        + QByteArray::number(request.minorVersion) + '\n';
    for (const auto &[name, value] : request.headers)
        text += name + ": " + value + '\n';
    return text + '\n' + request.body;
}

QList<Exchange> serve(
    QByteArrayView input, qsizetype pieceSize, const fuzzsupport::EmulatorUnderTest &setup)
{
    const emulator::HttpLimits limits = fuzzLimits();
    emulator::HttpRequestParser parser(limits);
    const std::unique_ptr<emulator::EmulatorService> service = setup.freshService();
    QList<Exchange> exchanges;
    QByteArray buffer;
    qsizetype fed = 0;
    while (fed < input.size()) {
        const qsizetype piece = qMin(pieceSize, input.size() - fed);
        buffer.append(input.sliced(fed, piece));
        fed += piece;
        for (;;) {
            const qsizetype before = buffer.size();
            const auto outcome = parser.parse(buffer);
            FUZZ_CHECK(buffer.size() <= before, QStringLiteral("the parser grew its buffer"));
            if (outcome == emulator::HttpRequestParser::Outcome::NeedMoreData) {
                // What stays buffered is bounded by the limits, whatever the client sends.
                FUZZ_CHECK(buffer.size() <= limits.maxHeaderBytes + limits.maxBodyBytes + pieceSize,
                    QStringLiteral("%1 bytes held while waiting").arg(buffer.size()));
                break;
            }
            if (outcome == emulator::HttpRequestParser::Outcome::Rejected) {
                const emulator::HttpRejection &rejection = parser.rejection();
                FUZZ_CHECK(rejection.status >= 400 && rejection.status <= 599
                        && !rejection.reason.isEmpty(),
                    QStringLiteral("rejection %1").arg(rejection.status));
                emulator::HttpResponse answer;
                answer.status = rejection.status;
                answer.body = rejection.reason;
                const QByteArray statusLine
                    = "HTTP/1.1 " + QByteArray::number(rejection.status) + ' ';
                FUZZ_CHECK(emulator::serializeResponse(answer, emulator::AfterResponse::Close)
                               .startsWith(statusLine),
                    QStringLiteral("a malformed status line"));
                exchanges.append({ QByteArray(), rejection.status });
                return exchanges;
            }
            const emulator::HttpRequest request = parser.takeRequest();
            FUZZ_CHECK(
                request.body.size() <= limits.maxBodyBytes, QStringLiteral("an oversized body"));
            const emulator::HttpResponse response = service->handle(request);
            fuzzsupport::checkServiceResponse(response);
            // A HEAD answer announces its body's length and sends none.
            const QByteArray wire
                = emulator::serializeResponse(response, emulator::AfterResponse::KeepOpen);
            FUZZ_CHECK(response.bodyOnWire == emulator::HttpResponse::Body::Sent
                    ? wire.endsWith(response.body)
                    : wire.endsWith("\r\n\r\n"),
                QStringLiteral("the body did not go out whole"));
            exchanges.append({ summary(request), response.status });
        }
    }
    return exchanges;
}

const fuzzsupport::EmulatorUnderTest *g_setup = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    g_setup = new fuzzsupport::EmulatorUnderTest; // lives as long as the process
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = bytes(data, size);
    const QList<Exchange> atOnce = serve(input, qMax<qsizetype>(1, input.size()), *g_setup);
    const QList<Exchange> byteByByte = serve(input, 1, *g_setup);
    const QList<Exchange> inPieces = serve(input, 7, *g_setup);
    FUZZ_CHECK(atOnce == byteByByte && atOnce == inPieces,
        QStringLiteral(
            "the same bytes were understood differently when split: %1, %2 and %3 exchanges")
            .arg(atOnce.size())
            .arg(byteByByte.size())
            .arg(inPieces.size()));
    return 0;
}
