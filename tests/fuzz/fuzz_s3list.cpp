// S3's XML: a ListObjectsV2 page (aws::s3xml::parseListObjectsV2) and an <Error> document
// (parseErrorDocument), from the same bytes. Whatever arrives, the page is either a listing whose
// objects all have a key and a size of at least zero, and a continuation token when it says more
// follow, or a problem with a message; an error document's texts carry no terminal control.
#include "aws/s3xml.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = fuzzsupport::bytes(data, size);
    const auto parsed = aws::s3xml::parseListObjectsV2(input);
    if (const auto *problem = std::get_if<aws::s3xml::XmlProblem>(&parsed)) {
        FUZZ_CHECK(!problem->message.isEmpty(), QStringLiteral("a problem without a message"));
    } else {
        const aws::s3xml::ListPage &page = std::get<aws::s3xml::ListPage>(parsed);
        for (const aws::s3xml::ListedObject &object : page.objects) {
            FUZZ_CHECK(!object.key.isEmpty(), QStringLiteral("an object without a key"));
            FUZZ_CHECK(object.size >= 0, QString::number(object.size));
        }
        FUZZ_CHECK(!page.isTruncated || !page.nextContinuationToken.isEmpty(),
            QStringLiteral("truncated without a token"));
        FUZZ_CHECK(page.keyCount >= -1, QString::number(page.keyCount));
    }
    const aws::s3xml::ErrorDocument error = aws::s3xml::parseErrorDocument(input);
    for (const QString &text :
        { error.fields.code, error.fields.message, error.region, error.endpoint })
        FUZZ_CHECK(!fuzzsupport::hasTerminalControls(text), text);
    return 0;
}
