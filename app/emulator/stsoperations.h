#pragma once

#include "emulator/httpmessage.h"
#include "emulator/sigv4verifier.h"
#include "emulator/temporarycredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace emulator {

// The STS subset the credential chain needs, in the AWS Query protocol: a form-encoded POST
// (Action, Version=2011-06-15, the parameters) answered with STS's XML, errors as
// <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>.
// AssumeRole must be signed (service "sts") with the emulator's keys or keys it issued;
// AssumeRoleWithWebIdentity goes unsigned and takes any token shaped as a JWT (three base64url
// parts). Both issue TemporaryCredentials for DurationSeconds (900 to 43,200; 3,600 by default).
// An operation in `deniedOperations` is refused with AccessDenied after authentication.
class StsOperations {
public:
    StsOperations(QByteArray region, const aws::AwsCredentials &accepted,
        TemporaryCredentials *issued, QStringList deniedOperations);

    // True for the requests that go to STS: a POST with a form body and no X-Amz-Target.
    static bool isStsRequest(const HttpRequest &request);

    // `requestTime` checks signatures and starts the expiration; `requestId` goes into the answer.
    HttpResponse serve(
        const HttpRequest &request, const QDateTime &requestTime, const QByteArray &requestId);

private:
    TemporaryCredentials *m_issued;
    SigV4Verifier m_verifier;
    QStringList m_deniedOperations;
};

} // namespace emulator
