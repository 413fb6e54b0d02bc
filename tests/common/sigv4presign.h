#pragma once

#include "aws/awscredentials.h"
#include "aws/sigv4signer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <chrono>

namespace testsupport {

// A SigV4 presigned request (the query form), composed from aws::sigv4's steps the way
// aws-c-auth composes it, for the query-form half of its test suite: the product signs headers.
struct PresignedRequest {
    QByteArray query; // to send: the request's own query, then X-Amz-*, X-Amz-Signature last
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;
};

// signSessionToken false: X-Amz-Security-Token is sent but left out of the signature.
PresignedRequest presignSigV4(const aws::sigv4::Request &request,
    const aws::AwsCredentials &credentials, QByteArrayView region, QByteArrayView service,
    const QDateTime &time, std::chrono::seconds expires, const aws::sigv4::Options &options,
    bool signSessionToken = true);

} // namespace testsupport
