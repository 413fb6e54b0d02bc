#pragma once

#include "aws/awscredentials.h"
#include "emulator/httpmessage.h"

#include <QByteArray>
#include <QDateTime>

// Requests for the service core, built and signed the way the AWS CLI builds them.
namespace emulatortest {

inline constexpr char kRegion[] = "us-east-1";
inline constexpr char kHost[] = "127.0.0.1:4566";

aws::AwsCredentials demoCredentials();

// POST / with X-Amz-Target AWSLookoutEquipmentFrontendService.<operation>, the JSON content
// type and body, signed at time (SigV4, service lookoutequipment).
emulator::HttpRequest signedRequest(QByteArrayView operation, const QByteArray &body,
    const QDateTime &time, const aws::AwsCredentials &credentials = demoCredentials(),
    QByteArrayView region = kRegion);

// The same request, unsigned (no Authorization, no X-Amz-Date).
emulator::HttpRequest unsignedRequest(QByteArrayView operation, const QByteArray &body);

// A path-style S3 request signed as botocore signs one over http (service s3): the path as sent,
// x-amz-content-sha256 holding payloadHash (empty: the hash of the empty body) and signed.
emulator::HttpRequest signedS3Request(QByteArrayView method, QByteArrayView path,
    QByteArrayView query, const QDateTime &time, QByteArrayView payloadHash = {},
    const aws::AwsCredentials &credentials = demoCredentials(), QByteArrayView region = kRegion);

// The request as bytes on the wire, for socket tests.
QByteArray wireForm(const emulator::HttpRequest &request);

} // namespace emulatortest
