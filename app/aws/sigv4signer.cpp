#include "aws/sigv4signer.h"

#include <QLoggingCategory>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <vector>

namespace aws::sigv4 {

namespace {

Q_LOGGING_CATEGORY(lcSigV4, "lookoutdesk.aws.sigv4")

using Digest = std::array<unsigned char, 32>; // a SHA-256 hash or HMAC-SHA256

void requireOpenSsl(bool succeeded, const char *what)
{
    // Fails only when memory runs out or the default provider is missing: no signature then.
    if (!succeeded)
        qFatal("SigV4: OpenSSL %s failed", what);
}

const unsigned char *bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char *>(data.data());
}

Digest sha256(QByteArrayView data)
{
    // Fetched once: OpenSSL 3 otherwise looks the name up on every use, which costs more than
    // the hashing (crypto(7), "Performance").
    static EVP_MD *const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    Digest digest {};
    requireOpenSsl(algorithm != nullptr
            && EVP_Digest(data.data(), static_cast<std::size_t>(data.size()), digest.data(),
                   nullptr, algorithm, nullptr)
                == 1,
        "SHA-256");
    return digest;
}

using MacContext = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;

MacContext newHmacSha256Context()
{
    EVP_MAC *hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    MacContext context(hmac ? EVP_MAC_CTX_new(hmac) : nullptr, &EVP_MAC_CTX_free);
    EVP_MAC_free(hmac); // the context holds its own reference
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    requireOpenSsl(context && EVP_MAC_CTX_set_params(context.get(), params) == 1, "HMAC setup");
    return context;
}

Digest hmacSha256(QByteArrayView key, QByteArrayView message)
{
    // One context per thread, keyed anew for each MAC: setting one up costs more than a MAC.
    thread_local const MacContext context = newHmacSha256Context();
    Digest mac {};
    std::size_t length = 0;
    requireOpenSsl(
        EVP_MAC_init(context.get(), bytes(key), static_cast<std::size_t>(key.size()), nullptr) == 1
            && EVP_MAC_update(
                   context.get(), bytes(message), static_cast<std::size_t>(message.size()))
                == 1
            && EVP_MAC_final(context.get(), mac.data(), &length, mac.size()) == 1,
        "HMAC-SHA256");
    return mac;
}

QByteArray hex(const Digest &digest)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(digest.data()), digest.size())
        .toHex();
}

template<typename Bytes> void wipe(Bytes &secret)
{
    OPENSSL_cleanse(secret.data(), static_cast<std::size_t>(secret.size()));
}

// Decodes %XX escapes; '+' stays a plus and a '%' without two hex digits stays a '%'.
QByteArray percentDecoded(QByteArrayView text)
{
    const auto isHex
        = [&](qsizetype i) { return QByteArrayView("0123456789ABCDEFabcdef").contains(text[i]); };
    QByteArray decoded;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && isHex(i + 1) && isHex(i + 2)) {
            decoded += QByteArray::fromHex(text.sliced(i + 1, 2).toByteArray());
            i += 2;
        } else {
            decoded += text[i];
        }
    }
    return decoded;
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
    const QByteArray &last = segments.last();
    const bool directory = last.isEmpty() || last == "." || last == "..";
    return '/' + kept.join('/') + (directory && !kept.isEmpty() ? "/" : "");
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
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

QByteArray uriEncode(QByteArrayView bytes, bool keepSlashes)
{
    return bytes.toByteArray().toPercentEncoding(keepSlashes ? "/" : "");
}

QByteArray canonicalUri(QByteArrayView path, const Options &options)
{
    if (path.isEmpty() || path == "/")
        return "/";
    const QByteArray uri = options.normalizePath ? normalizedPath(path) : path.toByteArray();
    return options.doubleEncodePath ? uriEncode(uri, true) : uri;
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
        const QByteArray key = equals < 0 ? parameter : parameter.first(equals);
        const QByteArray value = equals < 0 ? QByteArray() : parameter.sliced(equals + 1);
        parameters.emplace_back(uriEncode(percentDecoded(key)), uriEncode(percentDecoded(value)));
    }
    std::sort(parameters.begin(), parameters.end());
    QByteArrayList joined;
    for (const auto &[key, value] : parameters)
        joined.append(key + '=' + value);
    return joined.join('&');
}

Headers headersToSign(const Headers &headers, const QByteArray &amzDate,
    const QByteArray &securityToken, const QByteArray &contentSha256)
{
    Headers result;
    result.reserve(headers.size() + 3);
    for (const auto &[name, value] : headers) {
        const bool replaced = equalsIgnoringCase(name, "authorization")
            || equalsIgnoringCase(name, "x-amz-date")
            || (!securityToken.isEmpty() && equalsIgnoringCase(name, "x-amz-security-token"))
            || (!contentSha256.isEmpty() && equalsIgnoringCase(name, "x-amz-content-sha256"));
        if (!replaced)
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
        sorted.append({ name.toLower(), value.simplified() });
        size += name.size() + value.size() + 2;
    }
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    CanonicalHeaders result;
    result.text.reserve(size);
    result.signedHeaders.reserve(size / 2);
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const auto &[name, value] = sorted[i];
        if (i > 0 && name == sorted[i - 1].first) {
            result.text += ',' + value; // a repeated header: values in the order given
            continue;
        }
        if (i > 0) {
            result.text += '\n';
            result.signedHeaders += ';';
        }
        result.text += name + ':' + value;
        result.signedHeaders += name;
    }
    result.text += '\n';
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
    return method + '\n' + canonicalUri + '\n' + canonicalQueryString + '\n' + headers.text + '\n'
        + headers.signedHeaders + '\n' + hashedPayload;
}

QByteArray amzDate(const QDateTime &time)
{
    static const QDateTime first(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    static const QDateTime last(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC);
    QDateTime utc = time.toUTC();
    if (!time.isValid()) {
        qCWarning(lcSigV4, "The signing time is invalid; signing at 1970-01-01T00:00:00Z instead");
        utc = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    } else if (utc < first || utc > last) {
        qCWarning(lcSigV4, "The signing time is outside years 1-9999; signing at the nearest end");
        utc = utc < first ? first : last;
    }
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char text[17];
    std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02dZ", date.year(), date.month(),
        date.day(), clock.hour(), clock.minute(), clock.second());
    return text;
}

QByteArray credentialScope(QByteArrayView date, QByteArrayView region, QByteArrayView service)
{
    return date + '/' + region + '/' + service + "/aws4_request";
}

QByteArray stringToSign(
    QByteArrayView amzDate, QByteArrayView credentialScope, QByteArrayView canonicalRequest)
{
    return kAlgorithm + '\n' + amzDate + '\n' + credentialScope + '\n'
        + hex(sha256(canonicalRequest));
}

QByteArray signingKey(QByteArrayView secretAccessKey, QByteArrayView date, QByteArrayView region,
    QByteArrayView service)
{
    QByteArray secret = "AWS4" + secretAccessKey;
    Digest dateKey = hmacSha256(secret, date);
    Digest regionKey = hmacSha256(dateKey, region);
    Digest serviceKey = hmacSha256(regionKey, service);
    Digest signingKey = hmacSha256(serviceKey, "aws4_request");
    const QByteArray key(reinterpret_cast<const char *>(signingKey.data()), signingKey.size());
    wipe(secret);
    for (Digest *intermediate : { &dateKey, &regionKey, &serviceKey, &signingKey })
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
