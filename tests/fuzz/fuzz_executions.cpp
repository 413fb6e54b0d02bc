// ListInferenceExecutions pages: whatever the bytes, decoding ends in a page or a BadResponse
// error; an accepted page is JSON Qt accepts too, survives its own wire JSON (timestamps to the
// double's resolution), and prints as CLI output that is valid JSON holding every execution.
#include "fuzzsupport.h"
#include "lookout/jsoncodec.h"
#include "roundtrip.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using fuzzsupport::bytes;
namespace json = lookout::json;

QJsonDocument parsedByQt(QByteArrayView text, const char *what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError && document.isObject(),
        QLatin1StringView(what) + QStringLiteral(" is not a JSON object for Qt: ")
            + error.errorString() + QStringLiteral(" at ") + QString::number(error.offset));
    return document;
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
    const auto page = json::decodeListInferenceExecutions(body);
    if (!page.ok()) {
        FUZZ_CHECK(page.error().kind == aws::AwsError::Kind::BadResponse, page.error().message);
        FUZZ_CHECK(!page.error().message.isEmpty(), QStringLiteral("an error without a message"));
        FUZZ_CHECK(page.error().message.size() < 600, page.error().message.left(200));
        return 0;
    }
    QJsonParseError qtError;
    QJsonDocument::fromJson(body.toByteArray(), &qtError);
    if (!fuzzsupport::qtRefusesOnlyANumberOutOfRange(body, qtError))
        parsedByQt(body, "an accepted page");

    const QByteArray encoded = json::encodeListInferenceExecutions(page.value());
    const auto again = json::decodeListInferenceExecutions(encoded);
    FUZZ_CHECK(
        again.ok(), QStringLiteral("cannot read back its own wire JSON: ") + again.error().message);
    FUZZ_CHECK(fuzzsupport::closeEnough(again.value().summaries, page.value().summaries)
            && again.value().nextToken == page.value().nextToken,
        QStringLiteral("wire round trip changed the page: ") + QString::fromUtf8(encoded));

    for (const auto timestamps :
        { json::CliFormat::Timestamps::Iso8601, json::CliFormat::Timestamps::Wire }) {
        json::CliFormat format;
        format.timestamps = timestamps;
        const QByteArray printed = json::cliListInferenceExecutions(page.value().summaries, format);
        const QJsonDocument cli = parsedByQt(printed, "the CLI output");
        FUZZ_CHECK(
            cli.object().value(QLatin1StringView("InferenceExecutionSummaries")).toArray().size()
                == page.value().summaries.size(),
            QStringLiteral("the CLI output lost executions: ") + QString::fromUtf8(printed));
    }
    return 0;
}
