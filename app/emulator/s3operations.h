#pragma once

#include "emulator/httpmessage.h"
#include "emulator/pagetokens.h"
#include "emulator/resultstore.h"
#include "emulator/s3error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace emulator {

struct S3Result {
    int status = 200;
    HttpHeaders headers; // besides the ones every answer carries
    QByteArray body;
    std::optional<S3Error> error;
};

// The read-only S3 subset over the results the fleet's executions wrote (ResultStore), with
// path-style addressing: ListBuckets (GET /), ListObjectsV2 (GET /bucket?list-type=2 with
// prefix, delimiter, max-keys, start-after, continuation-token, encoding-type=url, fetch-owner),
// HeadBucket, GetBucketLocation, GetObject (with a single Range) and HeadObject. Bucket and key
// are percent-decoded once from the path, query values once (with '+' as a space). Answers are
// S3's XML; a request the subset does not serve gets S3's error for it (MethodNotAllowed for
// writes, NotImplemented for other sub-resources and ListObjects version 1).
class S3Operations {
public:
    S3Operations(const Fleet &fleet, const PageTokens &tokens, QString region, QString owner);

    // For a request that passed the signature check.
    S3Result serve(const HttpRequest &request, qint64 now) const;

    const ResultStore &store() const { return m_store; }

    static constexpr int kMaxKeys = 1000;
    static constexpr qsizetype kMaxKeyBytes = 1024; // S3's limit on a key's UTF-8 length

private:
    S3Result listBuckets() const;
    S3Result bucketRequest(const HttpRequest &request, const QByteArray &bucket, qint64 now) const;
    S3Result listObjectsV2(const QByteArray &bucket,
        const QList<std::pair<QByteArray, QByteArray>> &query, qint64 now) const;
    S3Result objectRequest(const HttpRequest &request, const QByteArray &bucket,
        const QByteArray &key, qint64 now) const;

    ResultStore m_store;
    const PageTokens &m_tokens;
    QString m_region;
    QByteArray m_ownerId; // canonical user id of the bucket owner
};

// "Mon, 07 Dec 2026 01:02:03 GMT" for epoch microseconds.
QByteArray httpDateOf(qint64 micros);
// "2026-12-07T01:02:03.000Z".
QByteArray isoTimeOf(qint64 micros);

} // namespace emulator
