#pragma once

#include "aws/endpointtarget.h"
#include "aws/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

// Where an S3 request goes: the bucket in the host name (virtual-hosted style,
// "bucket.s3.eu-west-1.amazonaws.com/key") or in the path (path style, "endpoint/bucket/key"),
// and the key in the path, URI-encoded once with its slashes kept, never normalised (S3 signs the
// path as sent: "a//b", "./x" and "%" are parts of keys).
namespace aws::s3 {

// The profile's `s3 = \n  addressing_style = …` (botocore: auto, virtual, path).
enum class AddressingStyle { Auto, Virtual, Path };
std::optional<AddressingStyle> addressingStyleFromText(const QString &text);

// What botocore calls a DNS-compatible bucket name: 3 to 63 lower-case letters, digits, '-' and
// '.', starting and ending with a letter or digit, no "..", not an IPv4 address.
bool isDnsCompatibleBucket(const QString &bucket);

// Path style when asked for, or when the bucket cannot be a host name label here: not DNS
// compatible, dotted under https (the certificate *.s3.… covers one label only), or an endpoint
// that is an IP address or a loopback host (no name to put the bucket in front of). Virtual-hosted
// otherwise.
bool usesPathStyle(AddressingStyle style, const QUrl &endpoint, const QString &bucket);

using QueryParameters = QList<std::pair<QByteArray, QByteArray>>; // raw names and values

// The target of a request on `bucket` (and `key`, empty for the bucket itself) at the endpoint,
// `query` encoded as SigV4 wants it. Fails as checkEndpoint() does, for an empty bucket, and for
// a key whose path QNetworkAccessManager would rewrite (it normalises the request line's path:
// "." and ".." segments), which would then be neither the key nor what was signed.
Result<EndpointTarget> requestTarget(const QUrl &endpoint, AddressingStyle style,
    const QString &bucket, const QString &key, const QueryParameters &query = {});

} // namespace aws::s3
