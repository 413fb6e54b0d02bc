// DescribeInferenceScheduler in both dialects (wire and saved CLI output) and the
// Start/StopInferenceScheduler responses: whatever the bytes, decoding ends in a value or a
// BadResponse error; an accepted body is JSON Qt accepts too; a decoded value survives being
// written and read again, exactly through the CLI's ISO 8601 form.
#include "fuzzsupport.h"
#include "lookout/jsoncodec.h"
#include "roundtrip.h"

#include <QJsonDocument>

namespace {

using fuzzsupport::bytes;
using lookout::InferenceScheduler;
namespace json = lookout::json;

template<typename T> void checkRejection(const aws::Result<T> &result)
{
    if (result.ok())
        return;
    FUZZ_CHECK(result.error().kind == aws::AwsError::Kind::BadResponse, result.error().message);
    FUZZ_CHECK(!result.error().message.isEmpty(), QStringLiteral("an error without a message"));
    // Errors quote at most a short excerpt of the body.
    FUZZ_CHECK(result.error().message.size() < 600, result.error().message.left(200));
}

void checkQtAgrees(QByteArrayView body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (fuzzsupport::qtRefusesOnlyANumberOutOfRange(body, error))
        return;
    FUZZ_CHECK(error.error == QJsonParseError::NoError && document.isObject(),
        QStringLiteral("accepted a body QJsonDocument refuses: ") + error.errorString()
            + QStringLiteral(" at ") + QString::number(error.offset));
}

bool hasAnyMember(const InferenceScheduler &s)
{
    return s != InferenceScheduler {};
}

void checkScheduler(const InferenceScheduler &scheduler)
{
    const QByteArray wire = json::encodeDescribeInferenceScheduler(scheduler);
    const auto again = json::decodeDescribeInferenceScheduler(wire);
    FUZZ_CHECK(again.ok(),
        QStringLiteral("cannot read back its own wire JSON: ") + again.error().message
            + QStringLiteral(" in ") + QString::fromUtf8(wire));
    FUZZ_CHECK(fuzzsupport::closeEnough(scheduler, again.value()),
        QStringLiteral("wire round trip changed the value: ") + QString::fromUtf8(wire));

    if (!hasAnyMember(scheduler))
        return; // the CLI prints nothing for an empty response, so there is nothing to read
    const QByteArray iso = json::cliDescribeInferenceScheduler(scheduler);
    const auto fromIso = json::decodeCliDescribeInferenceScheduler(iso);
    FUZZ_CHECK(fromIso.ok(),
        QStringLiteral("cannot read back its own CLI output: ") + fromIso.error().message
            + QStringLiteral(" in ") + QString::fromUtf8(iso));
    FUZZ_CHECK(fromIso.value() == scheduler,
        QStringLiteral("CLI ISO 8601 round trip changed the value: ") + QString::fromUtf8(iso));

    json::CliFormat wireFormat;
    wireFormat.timestamps = json::CliFormat::Timestamps::Wire;
    const QByteArray numbers = json::cliDescribeInferenceScheduler(scheduler, wireFormat);
    const auto fromNumbers = json::decodeCliDescribeInferenceScheduler(numbers);
    FUZZ_CHECK(fromNumbers.ok(),
        QStringLiteral("cannot read back its own CLI v1 output: ") + fromNumbers.error().message);
    FUZZ_CHECK(fuzzsupport::closeEnough(scheduler, fromNumbers.value()),
        QStringLiteral("CLI v1 round trip changed the value: ") + QString::fromUtf8(numbers));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body = bytes(data, size);

    const auto wire = json::decodeDescribeInferenceScheduler(body);
    checkRejection(wire);
    if (wire.ok()) {
        checkQtAgrees(body);
        checkScheduler(wire.value());
    }

    const auto cli = json::decodeCliDescribeInferenceScheduler(body);
    checkRejection(cli);
    if (cli.ok()) {
        checkQtAgrees(body);
        checkScheduler(cli.value());
    }

    const auto change = json::decodeSchedulerStateChange(body);
    checkRejection(change);
    if (change.ok()) {
        checkQtAgrees(body);
        const QByteArray encoded = json::encodeSchedulerStateChange(change.value());
        const auto again = json::decodeSchedulerStateChange(encoded);
        FUZZ_CHECK(again.ok() && again.value() == change.value(),
            QStringLiteral("state change round trip failed: ") + QString::fromUtf8(encoded));
        const QByteArray printed = json::cliSchedulerStateChange(change.value());
        if (!printed.isEmpty())
            checkQtAgrees(printed);
    }
    return 0;
}
