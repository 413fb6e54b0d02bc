// STS's XML: an AssumeRole answer (aws::stsxml::parseCredentials) and an <ErrorResponse>
// (parseError), from the same bytes. Whatever arrives, the answer is either complete credentials
// (key id, secret, token and a valid expiration) or a problem with a message; an error document's
// texts carry no terminal control.
#include "aws/stsxml.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = fuzzsupport::bytes(data, size);
    const auto parsed = aws::stsxml::parseCredentials(input, QStringLiteral("AssumeRole"));
    if (const auto *problem = std::get_if<aws::stsxml::XmlProblem>(&parsed)) {
        FUZZ_CHECK(!problem->message.isEmpty(), QStringLiteral("a problem without a message"));
    } else {
        const aws::AwsCredentials &credentials = std::get<aws::AwsCredentials>(parsed);
        FUZZ_CHECK(credentials.isComplete() && credentials.hasSessionToken(),
            QStringLiteral("incomplete credentials"));
        FUZZ_CHECK(credentials.expiration && credentials.expiration->isValid(),
            QStringLiteral("no valid expiration"));
        FUZZ_CHECK(credentials.accessKeyId.size() <= 64 * 1024,
            QString::number(credentials.accessKeyId.size()));
    }
    const aws::stsxml::ServiceErrorFields error = aws::stsxml::parseError(input);
    for (const QString &text : { error.type, error.code, error.message, error.requestId })
        FUZZ_CHECK(!fuzzsupport::hasTerminalControls(text), text);
    return 0;
}
