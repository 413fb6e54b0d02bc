#include "aws/awsjsonresponse.h"

#include "aws/awserrorparser.h"
#include "aws/jsonreader.h"
#include "core/visibletext.h"

namespace aws {

namespace {

constexpr qsizetype kExcerptChars = 120;

// The media type without parameters, lower case: "application/x-amz-json-1.0".
QByteArray mediaType(const HttpResponse &response)
{
    QByteArray type = response.header("Content-Type");
    if (const qsizetype semicolon = type.indexOf(';'); semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

bool isJsonMediaType(const QByteArray &type)
{
    return type == "application/x-amz-json-1.0" || type == "application/x-amz-json-1.1"
        || type == "application/json";
}

// The start of a body, fit for an error message: one line, printable, shortened.
QString excerpt(const QByteArray &body)
{
    const QString head = QString::fromUtf8(body.left(kExcerptChars * 4));
    const bool shortened = body.size() > kExcerptChars * 4 || head.size() > kExcerptChars;
    QString text = head.left(kExcerptChars);
    for (QChar &c : text) {
        if (!c.isPrint())
            c = u' ';
    }
    text = text.simplified();
    if (shortened)
        text += QStringLiteral("…");
    return QStringLiteral("\"%1\"").arg(text);
}

QString contentTypeText(const HttpResponse &response)
{
    const QByteArray type = response.header("Content-Type");
    if (type.isEmpty())
        return QStringLiteral("no Content-Type");
    // An endpoint chooses the header's length; the sentence quotes its start only: at most
    // kExcerptChars characters as shown, an escape such as \x00 counting as four.
    const QString whole = QString::fromLatin1(type);
    QString text;
    qsizetype used = 0;
    for (; used < whole.size(); ++used) {
        const QString shown = core::visibleText(QStringView(whole).mid(used, 1));
        if (text.size() + shown.size() > kExcerptChars)
            break;
        text += shown;
    }
    if (used < whole.size())
        text += QStringLiteral("…");
    return QStringLiteral("Content-Type \"%1\"").arg(text);
}

AwsError badResponse(const HttpResponse &response, const QString &message)
{
    AwsError error;
    error.kind = AwsError::Kind::BadResponse;
    error.httpStatus = response.status;
    error.requestId = requestIdOf(response);
    error.message = message;
    return error;
}

Result<QByteArray> interpretSuccess(const HttpResponse &response)
{
    const QByteArray type = mediaType(response);
    if (!type.isEmpty() && !isJsonMediaType(type)) {
        return badResponse(response,
            QStringLiteral("%1 is not AWS JSON; the body starts %2")
                .arg(contentTypeText(response), excerpt(response.body)));
    }
    if (response.body.trimmed().isEmpty())
        return badResponse(response, QStringLiteral("the body is empty; expected a JSON object"));

    // Checked with the pull reader, which builds no document: a whole QJsonDocument per page
    // cost a third of listing 10,000 schedulers. The decoders read the body again anyway.
    json::JsonReader reader(response.body);
    const std::optional<json::JsonType> topLevel = reader.peekType();
    if (topLevel && *topLevel != json::JsonType::Object) {
        return badResponse(response,
            QStringLiteral("the body is a JSON %1; expected a JSON object")
                .arg(json::jsonTypeName(*topLevel)));
    }
    if (!reader.failed())
        reader.skipValue();
    if (!reader.failed())
        reader.finish();
    if (reader.failed()) {
        return badResponse(response,
            QStringLiteral("the body is not valid JSON (%1 of %2 bytes)")
                .arg(reader.errorMessage())
                .arg(response.body.size()));
    }
    return response.body;
}

AwsError interpretFailure(const HttpResponse &response)
{
    const ServiceErrorFields fields
        = parseServiceError(response.header("X-Amzn-Errortype"), response.body);
    if (fields.code.isEmpty()) {
        return badResponse(response,
            QStringLiteral("an error status without an AWS error type (no X-Amzn-Errortype "
                           "header, no __type or code in the body); %1, the body starts %2")
                .arg(contentTypeText(response), excerpt(response.body)));
    }
    AwsError error;
    error.kind = AwsError::Kind::Service;
    error.code = fields.code;
    error.message = fields.message;
    error.httpStatus = response.status;
    error.requestId = requestIdOf(response);
    return error;
}

} // namespace

QString requestIdOf(const HttpResponse &response)
{
    QByteArray id = response.header("x-amzn-RequestId");
    if (id.isEmpty())
        id = response.header("x-amz-request-id");
    return core::visibleText(QString::fromLatin1(id.trimmed()));
}

Result<QByteArray> interpretJsonResponse(const HttpResponse &response)
{
    const int status = response.status;
    if (status >= 200 && status <= 299)
        return interpretSuccess(response);
    if (status >= 300 && status <= 399) {
        const QByteArray location = response.header("Location");
        return badResponse(response,
            location.isEmpty() ? QStringLiteral("a redirect without a Location, not followed")
                               : QStringLiteral("a redirect to \"%1\", not followed")
                                     .arg(core::visibleText(QString::fromLatin1(location))));
    }
    if (status >= 400 && status <= 599)
        return interpretFailure(response);
    return badResponse(response,
        status == 0 ? QStringLiteral("no HTTP status arrived")
                    : QStringLiteral("unexpected HTTP status %1").arg(status));
}

} // namespace aws
