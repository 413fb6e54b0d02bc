#pragma once

#include "aws/awscredentials.h"

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
    QByteArray method; // "POST"
    QByteArray path; // as on the request line, percent-encoded as sent ("/" for this service)
    QByteArray query; // as on the request line without '?', percent-encoded as sent; may be empty
    QList<std::pair<QByteArray, QByteArray>>
        headers; // as sent, including Host; any case, any order
    QByteArray body;
};

struct SigV4Options {
    bool normalizePath = true; // RFC 3986 dot-segment removal (off for S3-style services)
    bool signBody = false; // add and sign x-amz-content-sha256
    bool omitSessionToken = false; // add X-Amz-Security-Token after signing, unsigned
    bool keepIntermediates = false; // fill canonicalRequest and stringToSign in the result
};

// Header-form result: the headers to add to the request.
struct SigV4Signature {
    QByteArray authorization; // "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"
    QByteArray amzDate; // X-Amz-Date value, yyyyMMdd'T'HHmmss'Z'
    QByteArray securityToken; // X-Amz-Security-Token value; empty when the credentials have none
    QByteArray contentSha256; // x-amz-content-sha256 value; only when SigV4Options::signBody
    QByteArray signedHeaders; // "content-type;host;x-amz-date;x-amz-target"
    QByteArray signature; // lower-case hex
    QByteArray canonicalRequest; // only with keepIntermediates
    QByteArray stringToSign; // only with keepIntermediates
};

// Query-form (presigned URL) result.
struct SigV4Presigned {
    QByteArray query; // the full query string to send, X-Amz-Signature last
    QByteArray signature;
    QByteArray canonicalRequest; // only with keepIntermediates
    QByteArray stringToSign; // only with keepIntermediates
};

// AWS Signature Version 4. The results depend only on the arguments; the object only caches
// derived signing keys per (secret, day, region, service), which does not change any result,
// and reuses its hashing contexts and buffers between calls (hence no allocation-heavy hot path).
// Not thread-safe: use one signer per thread.
//
// What gets signed: exactly the headers in request.headers, plus the ones the signer adds
// (x-amz-date; x-amz-security-token when the credentials carry a token, unless
// omitSessionToken; x-amz-content-sha256 with signBody). Headers the signer produces replace any
// the caller passed under the same name (Authorization and X-Amz-Date always, the token and
// content hash when the signer adds them), so re-signing a request for a retry is safe; the
// caller sends the values from the result. Path: dot segments removed and "//" collapsed unless
// normalizePath is false, then every byte but unreserved ones and '/' percent-encoded (once more,
// as SigV4 wants for everything but S3). Query: each key and value percent-decoded ('+' stays a
// plus; a '%' not followed by two hex digits is a literal '%'), re-encoded, sorted by key then
// value. Header values: trimmed, inner whitespace runs collapsed to one space, repeated headers
// joined with ',' in the order given.
class SigV4Signer {
public:
    // X-Amz-Expires must lie in [1 s, 7 days]; presign() clamps to it and logs a warning.
    static constexpr std::chrono::seconds maxPresignExpiry { 7 * 24 * 3600 };

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
    struct Workspace;
    std::unique_ptr<KeyCache> m_keyCache;
    std::unique_ptr<Workspace> m_workspace; // hashing contexts and buffers reused between calls
};

} // namespace aws
