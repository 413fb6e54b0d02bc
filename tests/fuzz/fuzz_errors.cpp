// Error responses: aws::interpretJsonResponse and aws::parseServiceError on any status, headers
// and body. Input framing, like a response head with LF line ends:
//     <status>\n<Name>: <value>\n…\n\n<body>
// (a missing blank line means no body). Whatever arrives, the result is a JSON object body or an
// error of kind Service or BadResponse; messages that quote the body stay short; and the CLI
// sentence built from the error carries no terminal control characters the endpoint chose.
#include "aws/awserror.h"
#include "aws/awserrorparser.h"
#include "aws/awsjsonresponse.h"
#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QUrl>

namespace {

using fuzzsupport::bytes;
using fuzzsupport::hasTerminalControls;

aws::HttpResponse responseFrom(QByteArrayView input)
{
    aws::HttpResponse response;
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArrayView head = headEnd < 0 ? input : input.first(headEnd);
    if (headEnd >= 0)
        response.body = input.sliced(headEnd + 2).toByteArray();
    bool first = true;
    for (const QByteArrayView line :
        QByteArray::fromRawData(head.data(), head.size()).split('\n')) {
        if (first) {
            first = false;
            bool ok = false;
            const int status = line.trimmed().toInt(&ok);
            response.status = ok && status >= 0 && status <= 999 ? status : 0;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        response.headers.append({ line.first(colon).trimmed().toByteArray(),
            line.sliced(colon + 1).trimmed().toByteArray() });
    }
    return response;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const aws::HttpResponse response = responseFrom(bytes(data, size));

    const aws::Result<QByteArray> result = aws::interpretJsonResponse(response);
    if (result.ok()) {
        FUZZ_CHECK(response.status >= 200 && response.status <= 299,
            QStringLiteral("a result from HTTP ") + QString::number(response.status));
        FUZZ_CHECK(result.value() == response.body, QStringLiteral("the result is not the body"));
        // Qt's parser as the reference, except for numbers outside what Qt represents, which
        // are still JSON (see fuzzsupport.h).
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(result.value(), &parseError);
        FUZZ_CHECK(document.isObject()
                || fuzzsupport::qtRefusesOnlyANumberOutOfRange(result.value(), parseError),
            QStringLiteral("a result that is not a JSON object"));
    } else {
        aws::AwsError error = result.error();
        FUZZ_CHECK(error.kind == aws::AwsError::Kind::Service
                || error.kind == aws::AwsError::Kind::BadResponse,
            aws::AwsError::kindName(error.kind));
        FUZZ_CHECK(error.httpStatus == response.status, QStringLiteral("the status was not kept"));
        if (error.kind == aws::AwsError::Kind::Service) {
            FUZZ_CHECK(response.status >= 400 && response.status <= 599,
                QStringLiteral("a service error from HTTP ") + QString::number(response.status));
            FUZZ_CHECK(!error.code.isEmpty(), QStringLiteral("a service error without a code"));
        } else if (response.status < 300 || response.status > 399) {
            // Messages quote at most an excerpt of the body (the Location of a redirect is whole).
            FUZZ_CHECK(error.message.size() < 600, error.message.left(200));
        }
        error.operation = QStringLiteral("DescribeInferenceScheduler");
        error.endpoint = QUrl(QStringLiteral("http://127.0.0.1:4566/"));
        error.attempts = 3;
        error.retriesExhausted = true;
        const QString sentence = error.toString();
        FUZZ_CHECK(!hasTerminalControls(sentence),
            QStringLiteral("endpoint-chosen control characters in: ")
                + fuzzsupport::visible(sentence));
    }

    const aws::ServiceErrorFields fields
        = aws::parseServiceError(response.header("X-Amzn-Errortype"), response.body);
    FUZZ_CHECK(!fields.code.contains(u':') && !fields.code.contains(u'#'),
        QStringLiteral("the code was not shortened: ") + fields.code);
    FUZZ_CHECK(fields.code == fields.code.trimmed(), QStringLiteral("the code has outer spaces"));
    FUZZ_CHECK(!hasTerminalControls(fields.code) && !hasTerminalControls(fields.message),
        QStringLiteral("endpoint-chosen control characters in the code or message: ")
            + fuzzsupport::visible(fields.code + QLatin1Char(' ') + fields.message));
    return 0;
}
