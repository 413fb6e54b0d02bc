#pragma once

#include "aws/awscredentials.h"
#include "aws/sigv4signer.h"
#include "scriptedhttpserver.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace testsupport {

// The outcome of checking a recorded request's SigV4 Authorization header the way the service
// does: re-sign exactly the headers it claims to have signed, at the time its X-Amz-Date names,
// with the credentials the test expects, and compare.
struct SignatureCheck {
    bool valid = false;
    QString problem; // why not, when !valid
    QByteArray signedHeaders; // "content-type;host;x-amz-date;x-amz-target"
    QByteArray credentialScope; // "20240304/eu-west-1/lookoutequipment/aws4_request"
    QDateTime signingTime; // from X-Amz-Date, UTC
};

// `options` as the client signed with (S3: path as sent, payload hash signed).
SignatureCheck checkSigV4(const RecordedRequest &request, const aws::AwsCredentials &credentials,
    QByteArrayView region, QByteArrayView service, const aws::sigv4::Options &options = {});

} // namespace testsupport
