#pragma once

#include "aws/awscredentials.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

#include <utility>

// AWS Signature Version 4, header form, as the IAM guide "Create a signed AWS API request" lays
// it out: one function per step, sign() running them all. The steps are public so that tests can
// hold each one against the official test suites. Every function is thread-safe, and its result
// depends only on its arguments.
namespace aws::sigv4 {

using Headers = QList<std::pair<QByteArray, QByteArray>>; // as sent: any case, any order

// One HTTP request as it will go on the wire, before signing.
struct Request {
    QByteArray method; // "POST"
    QByteArray path; // as on the request line, percent-encoded as sent
    QByteArray query; // as on the request line without '?', percent-encoded as sent; may be empty
    Headers headers; // as sent, including Host
    QByteArray body;
};

struct Options {
    bool normalizePath = true; // remove "." and ".." segments and empty ones; S3: false
    bool doubleEncodePath = true; // URI-encode the path as sent once more; S3: false
    bool signPayloadHash = false; // add and sign x-amz-content-sha256, as S3 requires
};

// The headers to add to the request.
struct Signature {
    QByteArray authorization; // "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"
    QByteArray amzDate; // X-Amz-Date
    QByteArray securityToken; // X-Amz-Security-Token; empty when the credentials have none
    QByteArray contentSha256; // x-amz-content-sha256; only with Options::signPayloadHash
    QByteArray signedHeaders; // "content-type;host;x-amz-date;x-amz-target"
    QByteArray signature; // lower-case hex
};

inline constexpr QByteArrayView kAlgorithm = "AWS4-HMAC-SHA256";

// Signs the request's headers plus those headersToSign() adds.
Signature sign(const Request &request, const AwsCredentials &credentials, QByteArrayView region,
    QByteArrayView service, const QDateTime &time, const Options &options = {});

// Step 1: the canonical request.

// RFC 3986 percent-encoding of every byte but the unreserved ones (and '/' with Slashes::Kept),
// with upper-case hex.
enum class Slashes { Encoded, Kept };
QByteArray uriEncode(QByteArrayView bytes, Slashes slashes = Slashes::Encoded);
QByteArray canonicalUri(QByteArrayView path, const Options &options = {});
// Each name and value percent-decoded ('+' stays a plus, a '%' without two hex digits stays a
// '%') and URI-encoded again, sorted by name and then by value.
QByteArray canonicalQueryString(QByteArrayView query);
// The request's headers without Authorization and without any the signer sets, plus X-Amz-Date,
// X-Amz-Security-Token (unless empty) and x-amz-content-sha256 (unless empty): re-signing a
// request for a retry is safe.
Headers headersToSign(const Headers &headers, const QByteArray &amzDate,
    const QByteArray &securityToken = {}, const QByteArray &contentSha256 = {});
struct CanonicalHeaders {
    QByteArray text; // "name:value\n" per name: lower case, sorted, values trimmed and joined
    QByteArray signedHeaders; // the names, joined with ';'
};
CanonicalHeaders canonicalHeaders(const Headers &headers);
QByteArray hashedPayload(QByteArrayView payload); // lower-case hex SHA-256
QByteArray canonicalRequest(QByteArrayView method, QByteArrayView canonicalUri,
    QByteArrayView canonicalQueryString, const CanonicalHeaders &headers,
    QByteArrayView hashedPayload);

// Steps 2 and 3: the string to sign, which holds the hash of the canonical request.

// yyyyMMdd'T'HHmmss'Z' in UTC. An invalid time gives the epoch and a time outside years
// 1-9999 the nearest one inside, each with a warning.
QByteArray amzDate(const QDateTime &time);
QByteArray credentialScope(QByteArrayView date, QByteArrayView region, QByteArrayView service);
QByteArray stringToSign(
    QByteArrayView amzDate, QByteArrayView credentialScope, QByteArrayView canonicalRequest);

// Step 4: the signature.

// kSigning, from kDate, kRegion and kService (32 bytes).
QByteArray signingKey(QByteArrayView secretAccessKey, QByteArrayView date, QByteArrayView region,
    QByteArrayView service);
QByteArray signature(QByteArrayView signingKey, QByteArrayView stringToSign); // lower-case hex

// Step 5: the Authorization header.
QByteArray authorization(QByteArrayView accessKeyId, QByteArrayView credentialScope,
    QByteArrayView signedHeaders, QByteArrayView signature);

} // namespace aws::sigv4
