#pragma once

#include "aws/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace aws {

// The parts of an "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,
// SignedHeaders=host;x-amz-date, Signature=…" header, as a server checking signatures needs them.
struct SigV4Authorization {
    QByteArray accessKeyId;
    QByteArray scopeDate; // "20150830"
    QByteArray region;
    QByteArray service;
    QByteArray terminator; // "aws4_request"
    QList<QByteArray> signedHeaders; // lower case, in the order given
    QByteArray signature; // lower-case hex as sent
};

// Parses an Authorization header value. Never trusts its input: any malformation is an
// AwsError of kind InvalidParameter whose message says what is wrong (the emulator turns it into
// the service's IncompleteSignatureException / InvalidSignatureException texts).
Result<SigV4Authorization> parseSigV4Authorization(QByteArrayView headerValue);

} // namespace aws
