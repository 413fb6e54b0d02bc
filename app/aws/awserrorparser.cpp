#include "aws/awserrorparser.h"

#include "core/visibletext.h"

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
    fields.code = core::visibleText(fields.code);
    fields.message = core::visibleText(fields.message);
    return fields;
}

} // namespace aws
