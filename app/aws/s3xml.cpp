#include "aws/s3xml.h"

#include "aws/xmlreading.h"
#include "core/visibletext.h"

#include <QXmlStreamReader>

namespace aws::s3xml {

namespace {

using namespace Qt::StringLiterals;
using xmlreading::elementText;

XmlProblem problemAt(const QXmlStreamReader &reader, const QString &what)
{
    return XmlProblem { u"%1: %2"_s.arg(xmlreading::position(reader), what) };
}

// Keys of a page that asked for encoding-type=url: S3 percent-encodes them and writes spaces as
// '+' (botocore decodes them with unquote_plus).
QString urlDecoded(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

std::variant<ListedObject, XmlProblem> readContents(QXmlStreamReader &reader)
{
    ListedObject object;
    bool hasKey = false;
    bool hasSize = false;
    while (reader.readNextStartElement()) {
        const QStringView name = reader.name();
        if (name == "Key"_L1) {
            object.key = elementText(reader);
            hasKey = true;
        } else if (name == "Size"_L1) {
            bool isNumber = false;
            const QString text = elementText(reader).trimmed();
            object.size = text.toLongLong(&isNumber);
            if (!isNumber || object.size < 0)
                return problemAt(reader,
                    u"the <Size> of an object is \"%1\", not a number of bytes"_s.arg(
                        core::visibleText(text.left(40))));
            hasSize = true;
        } else if (name == "ETag"_L1) {
            object.etag = elementText(reader).trimmed().toUtf8();
        } else if (name == "LastModified"_L1) {
            object.lastModified
                = QDateTime::fromString(elementText(reader).trimmed(), Qt::ISODateWithMs).toUTC();
        } else {
            reader.skipCurrentElement();
        }
    }
    if (reader.hasError())
        return XmlProblem {};
    if (!hasKey || object.key.isEmpty())
        return problemAt(reader, u"an object (<Contents>) has no <Key>"_s);
    if (!hasSize)
        return problemAt(reader,
            u"the object \"%1\" has no <Size>"_s.arg(core::visibleText(object.key.left(200))));
    return object;
}

QString malformed(const QXmlStreamReader &reader)
{
    return u"%1: %2"_s.arg(xmlreading::position(reader), reader.errorString());
}

// Moves to the root element. A document type declaration is refused: S3 sends none, and its
// entity declarations are the one way XML could make a small document expand.
bool readRoot(QXmlStreamReader &reader)
{
    reader.setEntityExpansionLimit(0);
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement)
            return true;
        if (token == QXmlStreamReader::DTD) {
            reader.raiseError(u"a document type declaration, which S3 never sends"_s);
            return false;
        }
    }
    return false;
}

} // namespace

std::variant<ListPage, XmlProblem> parseListObjectsV2(QByteArrayView document)
{
    if (document.size() > kMaxS3XmlBytes)
        return XmlProblem { u"the listing is %1 bytes, more than the %2 MiB a page may have"_s
                                .arg(document.size())
                                .arg(kMaxS3XmlBytes >> 20) };
    if (document.trimmed().isEmpty())
        return XmlProblem { u"the listing is empty, not XML"_s };
    QXmlStreamReader reader(QByteArray::fromRawData(document.data(), document.size()));
    if (!readRoot(reader)) {
        return XmlProblem { reader.hasError() ? malformed(reader)
                                              : u"the listing is empty, not XML"_s };
    }
    if (reader.name() != "ListBucketResult"_L1)
        return problemAt(reader,
            u"expected a <ListBucketResult>, found <%1>"_s.arg(
                core::visibleText(reader.name().left(80))));

    ListPage page;
    QList<ListedObject> raw;
    bool urlEncoded = false;
    QString truncated;
    while (reader.readNextStartElement()) {
        const QStringView name = reader.name();
        if (name == "Contents"_L1) {
            auto object = readContents(reader);
            if (XmlProblem *problem = std::get_if<XmlProblem>(&object)) {
                if (reader.hasError())
                    return XmlProblem { malformed(reader) };
                return *problem;
            }
            raw.append(std::get<ListedObject>(std::move(object)));
        } else if (name == "IsTruncated"_L1) {
            truncated = elementText(reader).trimmed();
        } else if (name == "NextContinuationToken"_L1) {
            page.nextContinuationToken = elementText(reader);
        } else if (name == "KeyCount"_L1) {
            bool isNumber = false;
            const int count = elementText(reader).trimmed().toInt(&isNumber);
            page.keyCount = isNumber && count >= 0 ? count : -1;
        } else if (name == "EncodingType"_L1) {
            urlEncoded = elementText(reader).trimmed() == "url"_L1;
        } else {
            reader.skipCurrentElement();
        }
    }
    if (!reader.hasError()) {
        // Nothing may follow the root element but comments and white space.
        while (!reader.atEnd()) {
            if (reader.readNext() == QXmlStreamReader::StartElement) {
                reader.raiseError(u"more than one root element"_s);
                break;
            }
        }
    }
    if (reader.hasError())
        return XmlProblem { malformed(reader) };

    if (truncated == "true"_L1)
        page.isTruncated = true;
    else if (!truncated.isEmpty() && truncated != "false"_L1)
        return XmlProblem { u"<IsTruncated> is \"%1\", not true or false"_s.arg(
            core::visibleText(truncated.left(40))) };
    if (page.isTruncated && page.nextContinuationToken.isEmpty())
        return XmlProblem { u"the page says more keys follow (<IsTruncated>true) but gives no "
                            "<NextContinuationToken>"_s };
    for (ListedObject &object : raw) {
        if (urlEncoded)
            object.key = urlDecoded(object.key);
        page.objects.append(std::move(object));
    }
    return page;
}

ErrorDocument parseErrorDocument(QByteArrayView document)
{
    ErrorDocument error;
    if (document.isEmpty() || document.size() > kMaxS3XmlBytes)
        return error;
    QXmlStreamReader reader(QByteArray::fromRawData(document.data(), document.size()));
    if (!readRoot(reader) || reader.name() != "Error"_L1)
        return error;
    ErrorDocument found;
    while (reader.readNextStartElement()) {
        const QStringView name = reader.name();
        if (name == "Code"_L1)
            found.fields.code = core::visibleText(elementText(reader).trimmed().left(200));
        else if (name == "Message"_L1)
            found.fields.message = core::visibleText(elementText(reader).trimmed().left(2000));
        else if (name == "Region"_L1)
            found.region = core::visibleText(elementText(reader).trimmed().left(100));
        else if (name == "Endpoint"_L1)
            found.endpoint = core::visibleText(elementText(reader).trimmed().left(300));
        else
            reader.skipCurrentElement();
    }
    // A document cut short still says what it said before the break.
    return found;
}

} // namespace aws::s3xml
