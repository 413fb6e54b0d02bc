#include "aws/stsxml.h"

#include "aws/xmlreading.h"
#include "core/visibletext.h"

#include <QXmlStreamReader>

namespace aws::stsxml {

namespace {

using namespace Qt::StringLiterals;
using xmlreading::elementText;

XmlProblem problemAt(const QXmlStreamReader &reader, const QString &what)
{
    return XmlProblem { u"%1: %2"_s.arg(xmlreading::position(reader), what) };
}

// Moves to the root element. A document type declaration is refused: STS sends none, and its
// entity declarations are the one way XML could make a small document expand.
bool readRoot(QXmlStreamReader &reader)
{
    reader.setEntityExpansionLimit(0);
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement)
            return true;
        if (token == QXmlStreamReader::DTD) {
            reader.raiseError(u"a document type declaration, which STS never sends"_s);
            return false;
        }
    }
    return false;
}

// Enters the child element called `name` of the current element; false when there is none.
bool enterChild(QXmlStreamReader &reader, QLatin1StringView name)
{
    while (reader.readNextStartElement()) {
        if (reader.name() == name)
            return true;
        reader.skipCurrentElement();
    }
    return false;
}

} // namespace

std::variant<AwsCredentials, XmlProblem> parseCredentials(
    QByteArrayView body, QStringView operation)
{
    if (body.trimmed().isEmpty())
        return XmlProblem { u"the answer is empty"_s };
    QXmlStreamReader reader(body.toByteArray());
    const auto malformed
        = [&] { return problemAt(reader, u"malformed XML: %1"_s.arg(reader.errorString())); };
    if (!readRoot(reader))
        return malformed();
    const QString root = operation + "Response"_L1;
    const QString result = operation + "Result"_L1;
    if (reader.name() != root)
        return problemAt(reader,
            u"the document is <%1>, not <%2>"_s.arg(
                core::visibleText(reader.name().left(80).toString()), root));
    if (!enterChild(reader, QLatin1StringView(result.toLatin1())))
        return reader.hasError() ? malformed() : problemAt(reader, u"no <%1>"_s.arg(result));
    if (!enterChild(reader, "Credentials"_L1))
        return reader.hasError() ? malformed() : problemAt(reader, u"no <Credentials>"_s);
    AwsCredentials credentials;
    QString expiration;
    while (reader.readNextStartElement()) {
        const QStringView name = reader.name();
        if (name == "AccessKeyId"_L1)
            credentials.accessKeyId = elementText(reader).trimmed();
        else if (name == "SecretAccessKey"_L1)
            credentials.secretAccessKey = elementText(reader).trimmed();
        else if (name == "SessionToken"_L1)
            credentials.sessionToken = elementText(reader).trimmed();
        else if (name == "Expiration"_L1)
            expiration = elementText(reader).trimmed();
        else
            reader.skipCurrentElement();
    }
    // The rest of the document must be well formed too: a truncated answer is not an answer.
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError())
        return malformed();
    for (const auto &[value, element] : { std::pair { credentials.accessKeyId, "AccessKeyId"_L1 },
             std::pair { credentials.secretAccessKey, "SecretAccessKey"_L1 },
             std::pair { credentials.sessionToken, "SessionToken"_L1 },
             std::pair { expiration, "Expiration"_L1 } }) {
        if (value.isEmpty())
            return XmlProblem { u"the <Credentials> have no <%1>"_s.arg(element) };
    }
    const QDateTime expires = QDateTime::fromString(expiration, Qt::ISODateWithMs);
    if (!expires.isValid())
        return XmlProblem { u"the <Expiration> \"%1\" is not an ISO 8601 time"_s.arg(
            core::visibleText(expiration.left(40))) };
    credentials.expiration = expires.toUTC();
    return credentials;
}

ServiceErrorFields parseError(QByteArrayView body)
{
    ServiceErrorFields fields;
    QXmlStreamReader reader(body.toByteArray());
    if (!readRoot(reader) || reader.name() != "ErrorResponse"_L1)
        return fields;
    while (reader.readNextStartElement()) {
        if (reader.name() == "RequestId"_L1) {
            fields.requestId = core::visibleText(elementText(reader).trimmed().left(200));
        } else if (reader.name() == "Error"_L1) {
            while (reader.readNextStartElement()) {
                const QStringView name = reader.name();
                if (name == "Type"_L1)
                    fields.type = core::visibleText(elementText(reader).trimmed().left(200));
                else if (name == "Code"_L1)
                    fields.code = core::visibleText(elementText(reader).trimmed().left(200));
                else if (name == "Message"_L1)
                    fields.message = core::visibleText(elementText(reader).trimmed());
                else
                    reader.skipCurrentElement();
            }
        } else {
            reader.skipCurrentElement();
        }
    }
    return fields;
}

} // namespace aws::stsxml
