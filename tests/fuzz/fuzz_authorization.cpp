// The Authorization header: aws::parseSigV4Authorization on any value, then the same value on
// an otherwise correctly signed DescribeInferenceScheduler request through the emulated service.
// A parse gives the header's parts or an InvalidParameter error that is short, printable and
// never quotes a signature; the service answers every value with a well-formed response, and
// grants one (HTTP 200) only when the header carries the request's true signature.
#include "aws/sigv4authorization.h"
#include "aws/sigv4signer.h"
#include "emulatorharness.h"

namespace {

using fuzzsupport::bytes;

struct SignedDescribe {
    emulator::HttpRequest request; // with an "Authorization" header last
    QByteArray signature; // the true one
};

SignedDescribe signedDescribe()
{
    SignedDescribe out;
    emulator::HttpRequest &request = out.request;
    request.method = "POST";
    request.path = "/";
    request.headers = { { "Host", "127.0.0.1:4566" },
        { "X-Amz-Target", "AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler" },
        { "Content-Type", "application/x-amz-json-1.0" } };
    request.body = R"({"InferenceSchedulerName": "centrifuge-060"})";
    aws::sigv4::Request toSign;
    toSign.method = request.method;
    toSign.path = request.path;
    toSign.headers = request.headers;
    toSign.body = request.body;
    const aws::sigv4::Signature signature
        = aws::sigv4::sign(toSign, emulator::EmulatorOptions::demoCredentials(), "us-east-1",
            "lookoutequipment", fuzzsupport::fuzzNow());
    request.headers.append({ "X-Amz-Date", signature.amzDate });
    request.headers.append({ "Authorization", signature.authorization });
    out.signature = signature.signature;
    return out;
}

// What the HTTP parser lets through as a header value: no control characters but tab, outer
// spaces and tabs trimmed.
std::optional<QByteArray> asHeaderValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0x7f || (byte < 0x20 && c != '\t'))
            return std::nullopt;
    }
    while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
        value = value.sliced(1);
    while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
        value.chop(1);
    return value.toByteArray();
}

const fuzzsupport::EmulatorUnderTest *g_setup = nullptr;
const SignedDescribe *g_describe = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    g_setup = new fuzzsupport::EmulatorUnderTest; // both live as long as the process
    g_describe = new SignedDescribe(signedDescribe());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView value = bytes(data, size);

    const aws::Result<aws::SigV4Authorization> parsed = aws::parseSigV4Authorization(value);
    if (parsed.ok()) {
        const aws::SigV4Authorization &parts = parsed.value();
        FUZZ_CHECK(!parts.accessKeyId.isEmpty() && parts.scopeDate.size() == 8
                && !parts.region.isEmpty() && !parts.service.isEmpty()
                && !parts.signedHeaders.isEmpty(),
            QStringLiteral("accepted with an empty part"));
        for (const QByteArray &name : parts.signedHeaders)
            FUZZ_CHECK(!name.isEmpty() && name == name.toLower(), QString::fromLatin1(name));
    } else {
        const aws::AwsError &error = parsed.error();
        FUZZ_CHECK(error.kind == aws::AwsError::Kind::InvalidParameter,
            aws::AwsError::kindName(error.kind));
        FUZZ_CHECK(!error.message.isEmpty() && error.message.size() < 400, error.message.left(400));
        FUZZ_CHECK(
            !fuzzsupport::hasTerminalControls(error.message), fuzzsupport::visible(error.message));
        // Signatures are never quoted back (a 64-digit one would not fit the 40-character excerpt).
        const qsizetype at = value.indexOf("Signature=");
        if (at >= 0 && value.size() - at - 10 >= 64) {
            const QByteArrayView signature = value.sliced(at + 10, 64);
            FUZZ_CHECK(!error.message.contains(QString::fromLatin1(signature)), error.message);
        }
    }

    const std::optional<QByteArray> header = asHeaderValue(value);
    if (!header)
        return 0;
    emulator::HttpRequest request = g_describe->request;
    request.headers.last().second = *header;
    const std::unique_ptr<emulator::EmulatorService> service = g_setup->freshService();
    const emulator::HttpResponse response = service->handle(request);
    fuzzsupport::checkServiceResponse(response);
    if (response.status == 200) {
        const aws::Result<aws::SigV4Authorization> granted = aws::parseSigV4Authorization(*header);
        FUZZ_CHECK(granted.ok() && granted.value().signature == g_describe->signature,
            QStringLiteral("granted without the true signature: ") + QString::fromLatin1(*header));
    }
    return 0;
}
