#pragma once

#include <QByteArray>
#include <QString>

namespace emulator {

// An error answer in the service's AWS JSON 1.0 form.
//  - Modelled errors (the Lookout for Equipment model's shapes) carry the HTTP status of their
//    smithy.api#httpError trait and a body {"__type":"com.amazonaws.lookoutequipment#Code",
//    "Message":"…"}.
//  - Framework errors (authentication, routing, deserialization) come from the front end shared
//    by all AWS JSON services: status 400 and a body {"__type":"Code","message":"…"}, as
//    Rekognition, DynamoDB and friends answer them.
// Both carry X-Amzn-Errortype "Code:<namespace URL>"; clients keep what is before ':' and after
// '#', so every form yields the short code.
struct ServiceError {
    enum class Origin { Model, Framework };

    QByteArray code; // short form: "ValidationException"
    int httpStatus = 400;
    QString message;
    Origin origin = Origin::Model;

    QByteArray errorTypeHeader() const;
    QByteArray body() const;
};

namespace serviceerrors {

ServiceError validation(const QString &message);
ServiceError resourceNotFound(const QString &message);
ServiceError conflict(const QString &message);
ServiceError accessDenied(const QString &message);
ServiceError throttling();
ServiceError internalServer();

ServiceError unknownOperation(const QString &message);
ServiceError serialization(const QString &message);
ServiceError missingAuthenticationToken();
ServiceError incompleteSignature(const QString &message);
ServiceError invalidSignature(const QString &message);
ServiceError signatureMismatch();
ServiceError unrecognizedClient();
// Temporary keys past their expiration.
ServiceError expiredToken();

} // namespace serviceerrors

} // namespace emulator
