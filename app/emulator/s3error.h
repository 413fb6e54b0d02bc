#pragma once

#include "emulator/sigv4verifier.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace emulator {

// An error answer of the S3 subset in S3's REST XML form:
//   <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>
//   <BucketName>b</BucketName><RequestId>…</RequestId><HostId>…</HostId></Error>
// with S3's status for the code and its texts.
struct S3Error {
    QByteArray code;
    int httpStatus = 400;
    QString message;
    QList<std::pair<QByteArray, QString>> details; // elements after Message: BucketName, Key, …

    QByteArray body(QByteArrayView requestId, QByteArrayView hostId) const;
};

namespace s3errors {

S3Error noSuchBucket(const QString &bucket);
S3Error noSuchKey(const QString &key);
S3Error keyTooLong(qsizetype size);
S3Error accessDenied();
S3Error methodNotAllowed(QByteArrayView method, QByteArrayView resourceType);
S3Error invalidArgument(const QString &message, const QString &name, const QString &value);
S3Error invalidRange(const QString &range, qint64 size);
S3Error notImplemented(const QString &what);
S3Error slowDown();
S3Error internalError();
// A problem with the signature as S3 answers it (region: the one the emulator serves).
S3Error forSignature(const SignatureProblem &problem, const QString &region);

} // namespace s3errors

// Text escaped for XML character data and attribute values.
QByteArray xmlEscaped(const QString &text);
QByteArray xmlEscaped(QByteArrayView utf8);

} // namespace emulator
