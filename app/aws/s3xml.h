#pragma once

#include "aws/awserrorparser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <variant>

// The XML S3 answers with (RestXml): a ListObjectsV2 page and an <Error> document. Read with
// QXmlStreamReader, which expands no entity but the five predefined ones and the numeric ones and
// reads no DTD; documents over kMaxS3XmlBytes are refused before reading, and elements the
// parser does not know are skipped wherever they are.
namespace aws::s3xml {

// A page of 1,000 keys of up to 1,024 bytes each, with their other fields, is about 400 KB.
inline constexpr qsizetype kMaxS3XmlBytes = 8 * 1024 * 1024;

struct ListedObject {
    QString key; // decoded when the page says <EncodingType>url</EncodingType>
    qint64 size = 0;
    QByteArray etag; // as sent, quotes included
    QDateTime lastModified; // UTC; invalid when the page had none
};

struct ListPage {
    QList<ListedObject> objects;
    bool isTruncated = false;
    QString nextContinuationToken; // set when isTruncated
    int keyCount = -1; // <KeyCount>, -1 when absent
};

// Why a document could not be read, in a sentence ("line 3, column 7: …").
struct XmlProblem {
    QString message;
};

// A <ListBucketResult>. Problems: not XML, another root element, a <Contents> without <Key>, a
// <Size> that is not a whole number ≥ 0, a truncated page without a continuation token.
std::variant<ListPage, XmlProblem> parseListObjectsV2(QByteArrayView document);

// The fields of an S3 <Error> document. Texts pass through core::visibleText().
struct ErrorDocument {
    ServiceErrorFields fields; // Code and Message
    QString region; // <Region>, sent with AuthorizationHeaderMalformed and some redirects
    QString endpoint; // <Endpoint>, sent with PermanentRedirect
};

// The <Error> element's fields; an empty ErrorDocument when the body is not one (an empty body,
// HTML from a proxy, malformed XML): the caller then names the HTTP status instead.
ErrorDocument parseErrorDocument(QByteArrayView document);

} // namespace aws::s3xml
