#include "aws/awserrorparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace aws {

namespace {

QString stringMember(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

} // namespace

QString printableText(QStringView text)
{
    QString printable = text.toString();
    for (QChar &c : printable) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7f && u <= 0x9f))
            c = QChar::ReplacementCharacter;
    }
    return printable;
}

QString shortErrorCode(QStringView rawType)
{
    QStringView code = rawType;
    if (const qsizetype colon = code.indexOf(u':'); colon >= 0)
        code = code.left(colon);
    if (const qsizetype hash = code.lastIndexOf(u'#'); hash >= 0)
        code = code.mid(hash + 1);
    return code.trimmed().toString();
}

ServiceErrorFields parseServiceError(QByteArrayView errorTypeHeader, QByteArrayView body)
{
    QJsonObject object;
    if (!body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
        if (parseError.error == QJsonParseError::NoError && document.isObject())
            object = document.object();
    }

    ServiceErrorFields fields;
    const QString headerType = QString::fromUtf8(errorTypeHeader).trimmed();
    if (!headerType.isEmpty()) {
        fields.code = shortErrorCode(headerType);
    } else {
        QString bodyType = stringMember(object, QLatin1StringView("__type"));
        if (bodyType.isEmpty())
            bodyType = stringMember(object, QLatin1StringView("code"));
        fields.code = shortErrorCode(bodyType);
    }

    fields.message = stringMember(object, QLatin1StringView("message"));
    if (fields.message.isEmpty())
        fields.message = stringMember(object, QLatin1StringView("Message"));
    fields.code = printableText(fields.code);
    fields.message = printableText(fields.message);
    return fields;
}

} // namespace aws
