#include "emulator/s3error.h"

namespace emulator {

namespace {

S3Error error(const char *code, int status, QString message)
{
    return S3Error { QByteArray(code), status, std::move(message), {} };
}

} // namespace

QByteArray xmlEscaped(QByteArrayView utf8)
{
    QByteArray escaped;
    escaped.reserve(utf8.size());
    for (const char c : utf8) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\r':
            escaped += "&#13;";
            break;
        case '\n':
            escaped += "&#10;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

QByteArray xmlEscaped(const QString &text)
{
    return xmlEscaped(QByteArrayView(text.toUtf8()));
}

QByteArray S3Error::body(QByteArrayView requestId, QByteArrayView hostId) const
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
        + "</Code><Message>" + xmlEscaped(message) + "</Message>";
    for (const auto &[name, value] : details)
        xml += '<' + name + '>' + xmlEscaped(value) + "</" + name + '>';
    xml += "<RequestId>" + requestId.toByteArray() + "</RequestId><HostId>" + hostId.toByteArray()
        + "</HostId></Error>";
    return xml;
}

namespace s3errors {

S3Error noSuchBucket(const QString &bucket)
{
    S3Error result
        = error("NoSuchBucket", 404, QStringLiteral("The specified bucket does not exist"));
    result.details.append({ "BucketName", bucket });
    return result;
}

S3Error noSuchKey(const QString &key)
{
    S3Error result = error("NoSuchKey", 404, QStringLiteral("The specified key does not exist."));
    result.details.append({ "Key", key });
    return result;
}

S3Error keyTooLong(qsizetype size)
{
    S3Error result = error("KeyTooLongError", 400, QStringLiteral("Your key is too long"));
    result.details.append({ "Size", QString::number(size) });
    result.details.append({ "MaxSizeAllowed", QString::number(1024) });
    return result;
}

S3Error accessDenied()
{
    return error("AccessDenied", 403, QStringLiteral("Access Denied"));
}

S3Error methodNotAllowed(QByteArrayView method, QByteArrayView resourceType)
{
    S3Error result = error("MethodNotAllowed", 405,
        QStringLiteral("The specified method is not allowed against this resource."));
    result.details.append({ "Method", QString::fromLatin1(method) });
    result.details.append({ "ResourceType", QString::fromLatin1(resourceType) });
    return result;
}

S3Error invalidArgument(const QString &message, const QString &name, const QString &value)
{
    S3Error result = error("InvalidArgument", 400, message);
    result.details.append({ "ArgumentName", name });
    result.details.append({ "ArgumentValue", value });
    return result;
}

S3Error invalidRange(const QString &range, qint64 size)
{
    S3Error result
        = error("InvalidRange", 416, QStringLiteral("The requested range is not satisfiable"));
    result.details.append({ "RangeRequested", range });
    result.details.append({ "ActualObjectSize", QString::number(size) });
    return result;
}

S3Error notImplemented(const QString &what)
{
    S3Error result = error("NotImplemented", 501,
        QStringLiteral("A header or query you provided implies functionality that is not "
                       "implemented"));
    result.details.append({ "Header", what });
    return result;
}

S3Error slowDown()
{
    return error("SlowDown", 503, QStringLiteral("Please reduce your request rate."));
}

S3Error internalError()
{
    return error("InternalError", 500,
        QStringLiteral("We encountered an internal error. Please try again."));
}

S3Error forSignature(const SignatureProblem &problem, const QString &region)
{
    using Kind = SignatureProblem::Kind;
    const QString malformed = QStringLiteral("The authorization header is malformed; ");
    switch (problem.kind) {
    case Kind::MissingAuthentication:
        return accessDenied();
    case Kind::Incomplete:
    case Kind::WrongScopeDate:
    case Kind::WrongTerminator:
        return error("AuthorizationHeaderMalformed", 400, malformed + problem.message);
    case Kind::WrongRegion: {
        S3Error result = error("AuthorizationHeaderMalformed", 400,
            malformed + QLatin1String("the region '") + problem.detail
                + QLatin1String("' is wrong; expecting '") + region + QLatin1Char('\''));
        result.details.append({ "Region", region });
        return result;
    }
    case Kind::WrongService:
        return error("AuthorizationHeaderMalformed", 400,
            malformed + QLatin1String("incorrect service \"") + problem.detail
                + QLatin1String("\". This endpoint belongs to \"s3\"."));
    case Kind::UnsignedHeader: {
        S3Error result = error("AccessDenied", 403,
            QStringLiteral("There were headers present in the request which were not signed"));
        result.details.append({ "HeadersNotSigned", problem.detail });
        return result;
    }
    case Kind::Expired:
    case Kind::NotYetCurrent:
        return error("RequestTimeTooSkewed", 403,
            QStringLiteral("The difference between the request time and the current time is too "
                           "large."));
    case Kind::UnknownAccessKey:
        return error("InvalidAccessKeyId", 403,
            QStringLiteral("The AWS Access Key Id you provided does not exist in our records."));
    case Kind::InvalidToken:
        return error("InvalidToken", 400,
            QStringLiteral("The provided token is malformed or otherwise invalid."));
    case Kind::ExpiredToken:
        return error("ExpiredToken", 400, QStringLiteral("The provided token has expired."));
    case Kind::MissingPayloadHash:
        return error("InvalidRequest", 400, problem.message);
    case Kind::PayloadHashMismatch:
        return error("XAmzContentSHA256Mismatch", 400, problem.message);
    case Kind::SignatureMismatch:
        break;
    }
    return error("SignatureDoesNotMatch", 403,
        QStringLiteral("The request signature we calculated does not match the signature you "
                       "provided. Check your key and signing method."));
}

} // namespace s3errors

} // namespace emulator
