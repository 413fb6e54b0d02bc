#pragma once

#include "aws/awscredentials.h"

#include <QByteArrayView>
#include <QString>

#include <variant>

namespace aws::stsxml {

// Why a document is not the STS answer it should be: where and what ("line 3, column 5: …").
struct XmlProblem {
    QString message;
};

// The error an STS endpoint put into <ErrorResponse><Error><Type/><Code/><Message/></Error>;
// empty fields when the document names none. Texts are shown on one line (core::visibleText).
struct ServiceErrorFields {
    QString type; // "Sender", "Receiver"
    QString code; // "AccessDenied", "ExpiredToken"
    QString message;
    QString requestId;
};

// The <Credentials> of an AssumeRole or AssumeRoleWithWebIdentity answer
// (<{operation}Response><{operation}Result><Credentials>…): AccessKeyId, SecretAccessKey,
// SessionToken and Expiration (ISO 8601) must all be there. A document type declaration (and so
// any entity) is refused; no element's text is read past 64 KiB. The caller caps the body's size.
std::variant<AwsCredentials, XmlProblem> parseCredentials(
    QByteArrayView body, QStringView operation);

// The fields of an STS error document; all empty when the body is not one.
ServiceErrorFields parseError(QByteArrayView body);

} // namespace aws::stsxml
