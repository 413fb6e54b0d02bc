#pragma once

#include "awscredentials.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

#include <chrono>
#include <memory>
#include <utility>

namespace aws {

// One HTTP request as it will go on the wire, before signing.
struct SigV4Request {
    QByteArray method;   // "POST"
    QByteArray path;     // as on the request line, percent-encoded as sent ("/" for this service)
    QByteArray query;    // as on the request line without '?', percent-encoded as sent; may be empty
    QList<std::pair<QByteArray, QByteArray>> headers; // as sent, including Host; any case, any order
    QByteArray body;
};

struct SigV4Options {
    bool normalizePath = true;      // RFC 3986 dot-segment removal (off for S3-style services)
    bool signBody = false;          // add and sign x-amz-content-sha256
    bool omitSessionToken = false;  // add X-Amz-Security-Token after signing, unsigned
    bool keepIntermediates = false; // fill canonicalRequest and stringToSign in the result
};

// Header-form result: the headers to add to the request.
struct SigV4Signature {
    QByteArray authorization;  // "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"
    QByteArray amzDate;        // X-Amz-Date value, yyyyMMdd'T'HHmmss'Z'
    QByteArray securityToken;  // X-Amz-Security-Token value; empty when the credentials have none
    QByteArray contentSha256;  // x-amz-content-sha256 value; only when SigV4Options::signBody
    QByteArray signedHeaders;  // "content-type;host;x-amz-date;x-amz-target"
    QByteArray signature;      // lower-case hex
    QByteArray canonicalRequest; // only with keepIntermediates
    QByteArray stringToSign;     // only with keepIntermediates
};

// Query-form (presigned URL) result.
struct SigV4Presigned {
    QByteArray query;          // the full query string to send, X-Amz-Signature last
    QByteArray signature;
    QByteArray canonicalRequest; // only with keepIntermediates
    QByteArray stringToSign;     // only with keepIntermediates
};

// AWS Signature Version 4. The results depend only on the arguments; the object only caches
// derived signing keys per (secret, day, region, service), which does not change any result.
// Not thread-safe: use one signer per thread.
class SigV4Signer {
public:
    SigV4Signer();
    ~SigV4Signer();
    SigV4Signer(const SigV4Signer &) = delete;
    SigV4Signer &operator=(const SigV4Signer &) = delete;

    SigV4Signature sign(const SigV4Request &request, const AwsCredentials &credentials,
                        QByteArrayView region, QByteArrayView service, const QDateTime &time,
                        const SigV4Options &options = {});

    SigV4Presigned presign(const SigV4Request &request, const AwsCredentials &credentials,
                           QByteArrayView region, QByteArrayView service, const QDateTime &time,
                           std::chrono::seconds expires, const SigV4Options &options = {});

    // Lower-case hex SHA-256 of data (the payload hash of an empty body is e3b0c442…b855).
    static QByteArray sha256Hex(QByteArrayView data);
    // "20150830T123600Z" for a UTC time.
    static QByteArray amzDate(const QDateTime &time);

private:
    struct KeyCache;
    std::unique_ptr<KeyCache> m_keyCache;
};

} // namespace aws
