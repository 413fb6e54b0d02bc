#include "aws/sigv4signer.h"

#include "aws/sha256.h"

#include <QLoggingCategory>

#include <openssl/crypto.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace aws::sigv4 {

namespace {

Q_LOGGING_CATEGORY(lcSigV4, "lookoutdesk.aws.sigv4")

QByteArray hex(const Sha256Digest &digest)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(digest.data()), digest.size())
        .toHex();
}

// The parts, one per line (no newline after the last).
template<typename... Parts> QByteArray lines(const Parts &...parts)
{
    QByteArray text;
    text.reserve((QByteArrayView(parts).size() + ...) + qsizetype(sizeof...(parts)));
    ((text.append(QByteArrayView(parts)).append('\n')), ...);
    text.chop(1);
    return text;
}

template<typename Bytes> void wipe(Bytes &secret)
{
    OPENSSL_cleanse(secret.data(), secret.size());
}

// Decodes %XX escapes; '+' stays a plus and a '%' without two hex digits stays a '%'.
QByteArray percentDecoded(QByteArrayView text)
{
    const auto isHex = [&](qsizetype i) {
        return i < text.size() && QByteArrayView("0123456789ABCDEFabcdef").contains(text[i]);
    };
    QByteArray decoded;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && isHex(i + 1) && isHex(i + 2)) {
            decoded += QByteArray::fromHex(text.sliced(i + 1, 2).toByteArray());
            i += 2;
        } else {
            decoded += text[i];
        }
    }
    return decoded;
}

// SigV4's Trimall: no whitespace at either end, and each run inside one space.
QByteArray trimAll(const QByteArray &value)
{
    // Most values have no space or control character at all, and are kept as they are.
    const auto spaceOrControl = [](char c) { return uchar(c) <= ' '; };
    return std::any_of(value.begin(), value.end(), spaceOrControl) ? value.simplified() : value;
}

// RFC 3986 section 5.2.4 dot-segment removal; empty segments ("//") go too.
QByteArray normalizedPath(QByteArrayView path)
{
    const QList<QByteArray> segments = path.toByteArray().split('/');
    QList<QByteArray> kept;
    for (const QByteArray &segment : segments) {
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
        } else if (!segment.isEmpty() && segment != ".") {
            kept.append(segment);
        }
    }
    // "/a/b/" and "/a/b/.." both name a directory.
    const bool directory
        = segments.last().isEmpty() || segments.last() == "." || segments.last() == "..";
    return '/' + kept.join('/') + (directory && !kept.isEmpty() ? "/" : "");
}

} // namespace

Signature sign(const Request &request, const AwsCredentials &credentials, QByteArrayView region,
    QByteArrayView service, const QDateTime &time, const Options &options)
{
    Signature result;
    result.amzDate = amzDate(time);
    result.securityToken = credentials.sessionToken.toUtf8();
    const QByteArray payloadHash = hashedPayload(request.body);
    if (options.signPayloadHash)
        result.contentSha256 = payloadHash;

    // Step 1.
    const CanonicalHeaders headers = canonicalHeaders(
        headersToSign(request.headers, result.amzDate, result.securityToken, result.contentSha256));
    const QByteArray canonical
        = canonicalRequest(request.method, canonicalUri(request.path, options),
            canonicalQueryString(request.query), headers, payloadHash);

    // Steps 2 to 4.
    const QByteArrayView date = QByteArrayView(result.amzDate).first(8);
    const QByteArray scope = credentialScope(date, region, service);
    QByteArray secret = credentials.secretAccessKey.toUtf8();
    QByteArray key = signingKey(secret, date, region, service);
    result.signature = signature(key, stringToSign(result.amzDate, scope, canonical));
    wipe(secret);
    wipe(key);

    // Step 5.
    result.signedHeaders = headers.signedHeaders;
    result.authorization = authorization(
        credentials.accessKeyId.toUtf8(), scope, headers.signedHeaders, result.signature);
    return result;
}

QByteArray uriEncode(QByteArrayView bytes, Slashes slashes)
{
    return bytes.toByteArray().toPercentEncoding(slashes == Slashes::Kept ? "/" : "");
}

QByteArray canonicalUri(QByteArrayView path, const Options &options)
{
    if (path.isEmpty() || path == "/")
        return "/";
    const QByteArray uri = options.normalizePath ? normalizedPath(path) : path.toByteArray();
    return options.doubleEncodePath ? uriEncode(uri, Slashes::Kept) : uri;
}

QByteArray canonicalQueryString(QByteArrayView query)
{
    if (query.isEmpty())
        return {};
    std::vector<std::pair<QByteArray, QByteArray>> parameters;
    for (const QByteArray &parameter : query.toByteArray().split('&')) {
        if (parameter.isEmpty())
            continue; // "a=1&&b=2" and a trailing '&' carry no parameter
        const qsizetype equals = parameter.indexOf('=');
        const QByteArray name = equals < 0 ? parameter : parameter.first(equals);
        const QByteArray value = equals < 0 ? QByteArray() : parameter.sliced(equals + 1);
        parameters.emplace_back(uriEncode(percentDecoded(name)), uriEncode(percentDecoded(value)));
    }
    std::sort(parameters.begin(), parameters.end());
    QByteArrayList joined;
    for (const auto &[name, value] : parameters)
        joined.append(name + '=' + value);
    return joined.join('&');
}

Headers headersToSign(const Headers &headers, const QByteArray &amzDate,
    const QByteArray &securityToken, const QByteArray &contentSha256)
{
    const auto is = [](QByteArrayView name, QByteArrayView lowerCase) {
        return name.compare(lowerCase, Qt::CaseInsensitive) == 0;
    };
    Headers result;
    result.reserve(headers.size() + 3);
    for (const auto &[name, value] : headers) {
        if (!is(name, "authorization") && !is(name, "x-amz-date")
            && !(is(name, "x-amz-security-token") && !securityToken.isEmpty())
            && !(is(name, "x-amz-content-sha256") && !contentSha256.isEmpty()))
            result.append({ name, value });
    }
    result.append({ QByteArrayLiteral("x-amz-date"), amzDate });
    if (!securityToken.isEmpty())
        result.append({ QByteArrayLiteral("x-amz-security-token"), securityToken });
    if (!contentSha256.isEmpty())
        result.append({ QByteArrayLiteral("x-amz-content-sha256"), contentSha256 });
    return result;
}

CanonicalHeaders canonicalHeaders(const Headers &headers)
{
    Headers sorted; // names lower case, values trimmed and inner whitespace runs collapsed
    sorted.reserve(headers.size());
    qsizetype size = 0;
    for (const auto &[name, value] : headers) {
        sorted.append({ name.toLower(), trimAll(value) });
        size += name.size() + value.size() + 2;
    }
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    CanonicalHeaders result;
    result.text.reserve(size);
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const auto &[name, value] = sorted[i];
        if (i > 0 && name == sorted[i - 1].first) {
            // A repeated header: its values joined in the order given, before the line's '\n'.
            result.text.insert(result.text.size() - 1, ',' + value);
            continue;
        }
        if (i > 0)
            result.signedHeaders.append(';');
        result.signedHeaders.append(name);
        result.text.append(name).append(':').append(value).append('\n');
    }
    return result;
}

QByteArray hashedPayload(QByteArrayView payload)
{
    return hex(sha256(payload));
}

QByteArray canonicalRequest(QByteArrayView method, QByteArrayView canonicalUri,
    QByteArrayView canonicalQueryString, const CanonicalHeaders &headers,
    QByteArrayView hashedPayload)
{
    return lines(method, canonicalUri, canonicalQueryString, headers.text, headers.signedHeaders,
        hashedPayload);
}

QByteArray amzDate(const QDateTime &time)
{
    static const QDateTime first(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    static const QDateTime last(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC);
    const QDateTime utc = time.isValid() ? std::clamp(time.toUTC(), first, last)
                                         : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char text[17];
    std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02dZ", date.year(), date.month(),
        date.day(), clock.hour(), clock.minute(), clock.second());
    if (utc != time)
        qCWarning(
            lcSigV4, "The signing time is invalid or outside years 1-9999; signing at %s", text);
    return text;
}

QByteArray credentialScope(QByteArrayView date, QByteArrayView region, QByteArrayView service)
{
    return date + '/' + region + '/' + service + "/aws4_request";
}

QByteArray stringToSign(
    QByteArrayView amzDate, QByteArrayView credentialScope, QByteArrayView canonicalRequest)
{
    return lines(kAlgorithm, amzDate, credentialScope, hex(sha256(canonicalRequest)));
}

QByteArray signingKey(QByteArrayView secretAccessKey, QByteArrayView date, QByteArrayView region,
    QByteArrayView service)
{
    QByteArray secret = "AWS4" + secretAccessKey;
    Sha256Digest dateKey = hmacSha256(secret, date);
    Sha256Digest regionKey = hmacSha256(dateKey, region);
    Sha256Digest serviceKey = hmacSha256(regionKey, service);
    Sha256Digest signingKey = hmacSha256(serviceKey, "aws4_request");
    const QByteArray key(reinterpret_cast<const char *>(signingKey.data()), signingKey.size());
    wipe(secret);
    for (Sha256Digest *intermediate : { &dateKey, &regionKey, &serviceKey, &signingKey })
        wipe(*intermediate);
    return key;
}

QByteArray signature(QByteArrayView signingKey, QByteArrayView stringToSign)
{
    return hex(hmacSha256(signingKey, stringToSign));
}

QByteArray authorization(QByteArrayView accessKeyId, QByteArrayView credentialScope,
    QByteArrayView signedHeaders, QByteArrayView signature)
{
    return kAlgorithm + " Credential=" + accessKeyId + '/' + credentialScope
        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
}

} // namespace aws::sigv4
