#include "emulator/serviceerror.h"

#include "lookout/service.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace emulator {

QByteArray ServiceError::errorTypeHeader() const
{
    return code
        + (origin == Origin::Model
                ? QByteArray(QByteArrayLiteral(":http://internal.amazon.com/coral/")
                    + lookout::service::kErrorTypeNamespace + '/')
                : QByteArrayLiteral(":http://internal.amazon.com/coral/com.amazon.coral.service/"));
}

QByteArray ServiceError::body() const
{
    QJsonObject object;
    if (origin == Origin::Model) {
        object.insert(QLatin1String("__type"),
            QString(QLatin1String(lookout::service::kErrorTypeNamespace) + u'#'
                + QString::fromLatin1(code)));
        object.insert(QLatin1String("Message"), message);
    } else {
        object.insert(QLatin1String("__type"), QString::fromLatin1(code));
        object.insert(QLatin1String("message"), message);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace serviceerrors {

namespace {

ServiceError modelled(QByteArray code, int status, const QString &message)
{
    return ServiceError { std::move(code), status, message, ServiceError::Origin::Model };
}

ServiceError framework(QByteArray code, const QString &message)
{
    return ServiceError { std::move(code), 400, message, ServiceError::Origin::Framework };
}

} // namespace

ServiceError validation(const QString &message)
{
    return modelled("ValidationException", 400, message);
}

ServiceError resourceNotFound(const QString &message)
{
    return modelled("ResourceNotFoundException", 404, message);
}

ServiceError conflict(const QString &message)
{
    return modelled("ConflictException", 409, message);
}

ServiceError accessDenied(const QString &message)
{
    return modelled("AccessDeniedException", 400, message);
}

ServiceError throttling()
{
    return modelled("ThrottlingException", 429, QStringLiteral("Rate exceeded"));
}

ServiceError internalServer()
{
    return modelled("InternalServerException", 500,
        QStringLiteral("An internal error occurred. Please retry your request."));
}

ServiceError unknownOperation(const QString &message)
{
    return framework("UnknownOperationException", message);
}

ServiceError serialization(const QString &message)
{
    return framework("SerializationException", message);
}

ServiceError missingAuthenticationToken()
{
    return framework("MissingAuthenticationTokenException",
        QStringLiteral("Request is missing Authentication Token"));
}

ServiceError incompleteSignature(const QString &message)
{
    return framework("IncompleteSignatureException", message);
}

ServiceError invalidSignature(const QString &message)
{
    return framework("InvalidSignatureException", message);
}

ServiceError signatureMismatch()
{
    return invalidSignature(QStringLiteral(
        "The request signature we calculated does not match the signature you provided. Check "
        "your AWS Secret Access Key and signing method. Consult the service documentation for "
        "details."));
}

ServiceError unrecognizedClient()
{
    return framework("UnrecognizedClientException",
        QStringLiteral("The security token included in the request is invalid."));
}

ServiceError expiredToken()
{
    return framework("ExpiredTokenException",
        QStringLiteral("The security token included in the request is expired"));
}

} // namespace serviceerrors

} // namespace emulator
