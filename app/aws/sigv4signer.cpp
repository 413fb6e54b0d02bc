#include "sigv4signer.h"

#include <QLoggingCategory>
#include <QVarLengthArray>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace aws {

namespace {

Q_LOGGING_CATEGORY(lcSigV4, "lookoutdesk.aws.sigv4")

constexpr QByteArrayView kAlgorithm("AWS4-HMAC-SHA256");
constexpr QByteArrayView kTerminator("aws4_request");
constexpr QByteArrayView kEmptyPayloadHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

// The headers the signer itself produces, lower case.
constexpr QByteArrayView kAuthorization("authorization");
constexpr QByteArrayView kAmzDate("x-amz-date");
constexpr QByteArrayView kSecurityToken("x-amz-security-token");
constexpr QByteArrayView kContentSha256("x-amz-content-sha256");

constexpr int kDigestSize = 32;
constexpr int kBlockSize = 64;
constexpr int kHexDigestSize = 2 * kDigestSize;
constexpr int kAmzDateSize = 16;
constexpr int kScopeDateSize = 8;

// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range a four-digit X-Amz-Date can spell.
constexpr qint64 kFirstSigningSecond = -62167219200;
constexpr qint64 kLastSigningSecond = 253402300799;

using Digest = std::array<unsigned char, kDigestSize>;

void requireOpenSsl(int result, const char *what)
{
    // These calls fail only when memory runs out or the default provider is missing; there is no
    // signature to return then.
    if (result != 1)
        qFatal("SigV4 signer: OpenSSL %s failed", what);
}

// ---- Bytes ----------------------------------------------------------------------------------

constexpr char toLowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool isHeaderSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

constexpr bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_' || c == '.' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void writeLowerHex(const Digest &digest, char *out)
{
    static constexpr char digits[] = "0123456789abcdef";
    for (int i = 0; i < kDigestSize; ++i) {
        out[2 * i] = digits[digest[static_cast<std::size_t>(i)] >> 4];
        out[2 * i + 1] = digits[digest[static_cast<std::size_t>(i)] & 0x0f];
    }
}

bool equalsIgnoringCase(QByteArrayView text, QByteArrayView lowerCase)
{
    if (text.size() != lowerCase.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (toLowerAscii(text[i]) != lowerCase[i])
            return false;
    }
    return true;
}

int compareIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        const auto ca = static_cast<unsigned char>(toLowerAscii(a[i]));
        const auto cb = static_cast<unsigned char>(toLowerAscii(b[i]));
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

void appendLowerCase(QByteArray &out, QByteArrayView text)
{
    const qsizetype start = out.size();
    out.append(text);
    char *written = out.data() + start;
    for (qsizetype i = 0; i < text.size(); ++i)
        written[i] = toLowerAscii(written[i]);
}

// SigV4 header value: trimmed, every inner whitespace run one space.
void appendTrimmedCollapsed(QByteArray &out, QByteArrayView value)
{
    const char *p = value.data();
    const char *end = p + value.size();
    while (p < end && isHeaderSpace(*p))
        ++p;
    while (end > p && isHeaderSpace(end[-1]))
        --end;
    while (p < end) {
        const char *word = p;
        while (p < end && !isHeaderSpace(*p))
            ++p;
        out.append(word, p - word);
        if (p < end) {
            out.append(' ');
            while (p < end && isHeaderSpace(*p))
                ++p;
        }
    }
}

// RFC 3986 percent-encoding of everything but the unreserved set (and '/' in paths), upper-case
// hex, as SigV4 wants.
void appendUriEncoded(QByteArray &out, QByteArrayView bytes, bool keepSlash)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    while (p < end) {
        const char *run = p;
        while (p < end && (isUnreserved(*p) || (keepSlash && *p == '/')))
            ++p;
        out.append(run, p - run);
        if (p < end) {
            const auto byte = static_cast<unsigned char>(*p++);
            const char escaped[3] = {'%', digits[byte >> 4], digits[byte & 0x0f]};
            out.append(escaped, 3);
        }
    }
}

// Decodes %XX escapes; '+' stays a plus and a '%' without two hex digits stays a '%', as
// aws-c-auth reads them.
QByteArray percentDecoded(QByteArrayView bytes)
{
    QByteArray decoded;
    decoded.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '%' && i + 2 < bytes.size() && hexValue(bytes[i + 1]) >= 0
            && hexValue(bytes[i + 2]) >= 0) {
            decoded.append(static_cast<char>(hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2])));
            i += 2;
        } else {
            decoded.append(bytes[i]);
        }
    }
    return decoded;
}

// ---- Time -----------------------------------------------------------------------------------

qint64 signingSeconds(const QDateTime &time)
{
    if (!time.isValid()) {
        qCWarning(lcSigV4, "The signing time is invalid; signing with 1970-01-01T00:00:00Z instead");
        return 0;
    }
    const qint64 seconds = time.toSecsSinceEpoch();
    if (seconds < kFirstSigningSecond || seconds > kLastSigningSecond) {
        qCWarning(lcSigV4, "The signing time %lld s since the epoch is outside years 0000-9999; clamped",
                  static_cast<long long>(seconds));
        return std::clamp(seconds, kFirstSigningSecond, kLastSigningSecond);
    }
    return seconds;
}

void writeDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

// yyyyMMdd'T'HHmmss'Z' without QDateTime formatting (civil-from-days, H. Hinnant's algorithm).
void writeAmzDate(qint64 seconds, char *out)
{
    const qint64 days = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
    const qint64 secondOfDay = seconds - days * 86400;
    const qint64 shifted = days + 719468;
    const qint64 era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
    const qint64 dayOfEra = shifted - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    const qint64 month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    writeDigits(out, static_cast<int>(year), 4);
    writeDigits(out + 4, static_cast<int>(month), 2);
    writeDigits(out + 6, static_cast<int>(day), 2);
    out[8] = 'T';
    writeDigits(out + 9, static_cast<int>(secondOfDay / 3600), 2);
    writeDigits(out + 11, static_cast<int>(secondOfDay / 60 % 60), 2);
    writeDigits(out + 13, static_cast<int>(secondOfDay % 60), 2);
    out[15] = 'Z';
}

// ---- Hashing --------------------------------------------------------------------------------

// SHA-256 through one reusable EVP context. The digest is fetched once: OpenSSL 3's implicit
// fetch on every EVP_sha256() init costs more than hashing a short canonical request.
class Sha256 {
public:
    Sha256() : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)), m_context(EVP_MD_CTX_new())
    {
        if (m_md == nullptr || m_context == nullptr)
            qFatal("SigV4 signer: OpenSSL has no SHA-256 (is the default provider available?)");
    }
    ~Sha256()
    {
        EVP_MD_CTX_free(m_context);
        EVP_MD_free(m_md);
    }
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    const EVP_MD *md() const { return m_md; }
    EVP_MD_CTX *context() { return m_context; }

    Digest digest(QByteArrayView data)
    {
        Digest out{};
        unsigned int length = 0;
        requireOpenSsl(EVP_DigestInit_ex2(m_context, m_md, nullptr), "DigestInit");
        requireOpenSsl(EVP_DigestUpdate(m_context, data.data(), static_cast<std::size_t>(data.size())),
                       "DigestUpdate");
        requireOpenSsl(EVP_DigestFinal_ex(m_context, out.data(), &length), "DigestFinal");
        return out;
    }

private:
    EVP_MD *m_md;
    EVP_MD_CTX *m_context;
};

// HMAC-SHA256 (RFC 2104) with the key's inner and outer pad blocks already absorbed, so a MAC
// costs two context copies plus hashing the message and one digest.
class HmacSha256Key {
public:
    HmacSha256Key(Sha256 &sha, QByteArrayView key)
        : m_inner(EVP_MD_CTX_new()), m_outer(EVP_MD_CTX_new())
    {
        if (m_inner == nullptr || m_outer == nullptr)
            qFatal("SigV4 signer: OpenSSL could not allocate a digest context");
        std::array<unsigned char, kBlockSize> block{};
        if (key.size() > kBlockSize) {
            const Digest hashed = sha.digest(key);
            std::memcpy(block.data(), hashed.data(), hashed.size());
        } else if (!key.isEmpty()) {
            std::memcpy(block.data(), key.data(), static_cast<std::size_t>(key.size()));
        }
        std::array<unsigned char, kBlockSize> pad{};
        absorbPad(m_inner, sha.md(), block, pad, 0x36);
        absorbPad(m_outer, sha.md(), block, pad, 0x5c);
        OPENSSL_cleanse(block.data(), block.size());
        OPENSSL_cleanse(pad.data(), pad.size());
    }
    ~HmacSha256Key()
    {
        // The provider wipes the hash state when it frees it.
        EVP_MD_CTX_free(m_inner);
        EVP_MD_CTX_free(m_outer);
    }
    HmacSha256Key(const HmacSha256Key &) = delete;
    HmacSha256Key &operator=(const HmacSha256Key &) = delete;

    Digest mac(EVP_MD_CTX *work, QByteArrayView message) const
    {
        Digest inner{};
        Digest out{};
        unsigned int length = 0;
        requireOpenSsl(EVP_MD_CTX_copy_ex(work, m_inner), "MD_CTX_copy");
        requireOpenSsl(EVP_DigestUpdate(work, message.data(), static_cast<std::size_t>(message.size())),
                       "DigestUpdate");
        requireOpenSsl(EVP_DigestFinal_ex(work, inner.data(), &length), "DigestFinal");
        requireOpenSsl(EVP_MD_CTX_copy_ex(work, m_outer), "MD_CTX_copy");
        requireOpenSsl(EVP_DigestUpdate(work, inner.data(), inner.size()), "DigestUpdate");
        requireOpenSsl(EVP_DigestFinal_ex(work, out.data(), &length), "DigestFinal");
        return out;
    }

private:
    static void absorbPad(EVP_MD_CTX *context, const EVP_MD *md,
                          const std::array<unsigned char, kBlockSize> &block,
                          std::array<unsigned char, kBlockSize> &pad, unsigned char fill)
    {
        for (std::size_t i = 0; i < block.size(); ++i)
            pad[i] = static_cast<unsigned char>(block[i] ^ fill);
        requireOpenSsl(EVP_DigestInit_ex2(context, md, nullptr), "DigestInit");
        requireOpenSsl(EVP_DigestUpdate(context, pad.data(), pad.size()), "DigestUpdate");
    }

    EVP_MD_CTX *m_inner;
    EVP_MD_CTX *m_outer;
};

QByteArrayView digestView(const Digest &digest)
{
    return {reinterpret_cast<const char *>(digest.data()), kDigestSize};
}

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
std::unique_ptr<HmacSha256Key> deriveSigningKey(Sha256 &sha, const QString &secret,
                                                QByteArrayView scopeDate, QByteArrayView region,
                                                QByteArrayView service)
{
    QByteArray secretKey = QByteArrayLiteral("AWS4") + secret.toUtf8();
    Digest dateKey = HmacSha256Key(sha, secretKey).mac(sha.context(), scopeDate);
    OPENSSL_cleanse(secretKey.data(), static_cast<std::size_t>(secretKey.size()));
    Digest regionKey = HmacSha256Key(sha, digestView(dateKey)).mac(sha.context(), region);
    Digest serviceKey = HmacSha256Key(sha, digestView(regionKey)).mac(sha.context(), service);
    Digest signingKey = HmacSha256Key(sha, digestView(serviceKey)).mac(sha.context(), kTerminator);
    auto key = std::make_unique<HmacSha256Key>(sha, digestView(signingKey));
    for (Digest *intermediate : {&dateKey, &regionKey, &serviceKey, &signingKey})
        OPENSSL_cleanse(intermediate->data(), intermediate->size());
    return key;
}

// ---- Canonical request pieces ---------------------------------------------------------------

struct HeaderField {
    QByteArrayView name; // any case
    QByteArrayView value; // as given
};
using HeaderFields = QVarLengthArray<HeaderField, 16>;

// Stable, case-insensitive sort by name: repeated headers keep their order.
void sortByName(HeaderFields &fields)
{
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const HeaderField moving = fields[i];
        qsizetype j = i;
        while (j > 0 && compareIgnoringCase(fields[j - 1].name, moving.name) > 0) {
            fields[j] = fields[j - 1];
            --j;
        }
        fields[j] = moving;
    }
}

// "name:value\n" per header name, repeated ones joined with ','; names also go to signedHeaders.
void appendCanonicalHeaders(QByteArray &out, QByteArray &signedHeaders, const HeaderFields &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0 && compareIgnoringCase(fields[i - 1].name, fields[i].name) == 0) {
            out.append(',');
        } else {
            if (i > 0) {
                out.append('\n');
                signedHeaders.append(';');
            }
            appendLowerCase(out, fields[i].name);
            appendLowerCase(signedHeaders, fields[i].name);
            out.append(':');
        }
        appendTrimmedCollapsed(out, fields[i].value);
    }
    if (!fields.isEmpty())
        out.append('\n');
}

void appendCanonicalPath(QByteArray &out, QByteArrayView path, bool normalize)
{
    if (path.isEmpty() || path == "/") {
        out.append('/');
        return;
    }
    if (!normalize) {
        appendUriEncoded(out, path, true);
        return;
    }
    // RFC 3986 5.2.4 dot-segment removal; empty segments ("//") are dropped too.
    QVarLengthArray<QByteArrayView, 32> segments;
    QByteArrayView lastRaw;
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype slash = path.indexOf('/', start);
        if (slash < 0)
            slash = path.size();
        const QByteArrayView segment = path.sliced(start, slash - start);
        lastRaw = segment;
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
        } else if (!segment.isEmpty() && segment != ".") {
            segments.append(segment);
        }
        start = slash + 1;
    }
    // "/a/b/" and "/a/b/.." both end in a directory.
    const bool endsInDirectory = lastRaw.isEmpty() || lastRaw == "." || lastRaw == "..";
    out.append('/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out.append('/');
        appendUriEncoded(out, segments[i], false);
    }
    if (endsInDirectory && !segments.isEmpty())
        out.append('/');
}

struct QueryParameter {
    QByteArray key;   // SigV4-encoded
    QByteArray value; // SigV4-encoded
    friend bool operator<(const QueryParameter &a, const QueryParameter &b)
    {
        return a.key != b.key ? a.key < b.key : a.value < b.value;
    }
};

QByteArray sigV4Encoded(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 8);
    appendUriEncoded(out, bytes, false);
    return out;
}

constexpr std::array<QByteArrayView, 7> kPresignParameters = {
    "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
    "X-Amz-SignedHeaders", "X-Amz-Security-Token", "X-Amz-Signature"};

bool isPresignParameter(QByteArrayView decodedKey)
{
    return std::find(kPresignParameters.begin(), kPresignParameters.end(), decodedKey)
        != kPresignParameters.end();
}

// Splits a query as sent into its parameters, re-encoded the SigV4 way. With dropPresign, the
// parameters presign() sets itself are left out, and `kept` receives the rest as sent.
std::vector<QueryParameter> parseQuery(QByteArrayView query, bool dropPresign, QByteArray *kept)
{
    std::vector<QueryParameter> parameters;
    qsizetype start = 0;
    while (start < query.size()) {
        qsizetype ampersand = query.indexOf('&', start);
        if (ampersand < 0)
            ampersand = query.size();
        const QByteArrayView piece = query.sliced(start, ampersand - start);
        start = ampersand + 1;
        if (piece.isEmpty())
            continue; // "a=1&&b=2" and a trailing '&' carry no parameter
        const qsizetype equals = piece.indexOf('=');
        const QByteArray key = percentDecoded(equals < 0 ? piece : piece.first(equals));
        if (dropPresign && isPresignParameter(key))
            continue;
        const QByteArray value = equals < 0 ? QByteArray() : percentDecoded(piece.sliced(equals + 1));
        parameters.push_back({sigV4Encoded(key), sigV4Encoded(value)});
        if (kept != nullptr) {
            if (!kept->isEmpty())
                kept->append('&');
            kept->append(piece);
        }
    }
    return parameters;
}

void appendCanonicalQuery(QByteArray &out, std::vector<QueryParameter> &parameters)
{
    std::sort(parameters.begin(), parameters.end());
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        if (i > 0)
            out.append('&');
        out.append(parameters[i].key).append('=').append(parameters[i].value);
    }
}

// The request's own headers minus those the signer produces (see the header's rules).
void collectRequestHeaders(const SigV4Request &request, bool signerSetsToken, bool signerSetsContentHash,
                           HeaderFields &fields)
{
    for (const auto &[name, value] : request.headers) {
        if (equalsIgnoringCase(name, kAuthorization) || equalsIgnoringCase(name, kAmzDate)
            || (signerSetsToken && equalsIgnoringCase(name, kSecurityToken))
            || (signerSetsContentHash && equalsIgnoringCase(name, kContentSha256)))
            continue;
        fields.append({name, value});
    }
}

} // namespace

// ---- Caches ---------------------------------------------------------------------------------

struct SigV4Signer::KeyCache {
    struct Entry {
        QString secret; // shares the caller's string, so equal credentials compare in O(1)
        std::array<char, kScopeDateSize> scopeDate{};
        QByteArray region;
        QByteArray service;
        std::unique_ptr<HmacSha256Key> key;
        quint64 lastUse = 0;
    };
    // A client signs for one region and service; a few more cover day changes, profile switches
    // and the emulator. The least recently used key goes first.
    static constexpr std::size_t capacity = 8;
    std::vector<Entry> entries;
    quint64 useCounter = 0;

    const HmacSha256Key &signingKey(Sha256 &sha, const QString &secret, QByteArrayView scopeDate,
                                    QByteArrayView region, QByteArrayView service)
    {
        ++useCounter;
        for (Entry &entry : entries) {
            if (QByteArrayView(entry.scopeDate.data(), kScopeDateSize) == scopeDate
                && entry.region == region && entry.service == service && entry.secret == secret) {
                entry.lastUse = useCounter;
                return *entry.key;
            }
        }
        Entry fresh;
        fresh.secret = secret;
        std::memcpy(fresh.scopeDate.data(), scopeDate.data(), kScopeDateSize);
        fresh.region = region.toByteArray();
        fresh.service = service.toByteArray();
        fresh.key = deriveSigningKey(sha, secret, scopeDate, region, service);
        fresh.lastUse = useCounter;
        if (entries.size() < capacity) {
            entries.push_back(std::move(fresh));
            return *entries.back().key;
        }
        auto oldest = std::min_element(entries.begin(), entries.end(),
                                       [](const Entry &a, const Entry &b) { return a.lastUse < b.lastUse; });
        *oldest = std::move(fresh);
        return *oldest->key;
    }
};

struct SigV4Signer::Workspace {
    Sha256 sha;
    QByteArray canonicalRequest;
    QByteArray canonicalHeaders;
    QByteArray signedHeaders;
    QByteArray scope;
    QByteArray stringToSign;

    // UTF-8 forms of the last credentials seen, converted when they change rather than per call.
    QString accessKeyIdSource;
    QByteArray accessKeyId;
    QString sessionTokenSource;
    QByteArray sessionToken;

    void useCredentials(const AwsCredentials &credentials)
    {
        if (credentials.accessKeyId != accessKeyIdSource || accessKeyId.isNull()) {
            accessKeyIdSource = credentials.accessKeyId;
            accessKeyId = credentials.accessKeyId.toUtf8();
        }
        if (credentials.sessionToken != sessionTokenSource || sessionToken.isNull()) {
            sessionTokenSource = credentials.sessionToken;
            sessionToken = credentials.sessionToken.toUtf8();
        }
    }

    // The parts shared by both forms, from the canonical request on: hashes it, builds the string
    // to sign and returns the lower-case hex signature.
    std::array<char, kHexDigestSize> signCanonicalRequest(const HmacSha256Key &key, const char *amzDate)
    {
        std::array<char, kHexDigestSize> canonicalHash{};
        writeLowerHex(sha.digest(canonicalRequest), canonicalHash.data());
        stringToSign.resize(0);
        stringToSign.append(kAlgorithm)
            .append('\n')
            .append(amzDate, kAmzDateSize)
            .append('\n')
            .append(scope)
            .append('\n')
            .append(canonicalHash.data(), kHexDigestSize);
        std::array<char, kHexDigestSize> signature{};
        writeLowerHex(key.mac(sha.context(), stringToSign), signature.data());
        return signature;
    }

    void buildScope(const char *amzDate, QByteArrayView region, QByteArrayView service)
    {
        scope.resize(0);
        scope.append(amzDate, kScopeDateSize)
            .append('/')
            .append(region)
            .append('/')
            .append(service)
            .append('/')
            .append(kTerminator);
    }

    std::array<char, kHexDigestSize> payloadHash(QByteArrayView body)
    {
        std::array<char, kHexDigestSize> hash{};
        if (body.isEmpty())
            std::memcpy(hash.data(), kEmptyPayloadHash.data(), kHexDigestSize);
        else
            writeLowerHex(sha.digest(body), hash.data());
        return hash;
    }

    void assembleCanonicalRequest(const SigV4Request &request, bool normalizePath,
                                  std::vector<QueryParameter> *queryParameters, QByteArrayView payloadHashHex)
    {
        QByteArray &out = canonicalRequest;
        out.resize(0);
        out.reserve(request.method.size() + request.path.size() + request.query.size()
                    + canonicalHeaders.size() + signedHeaders.size() + kHexDigestSize + 64);
        out.append(request.method).append('\n');
        appendCanonicalPath(out, request.path, normalizePath);
        out.append('\n');
        if (queryParameters != nullptr)
            appendCanonicalQuery(out, *queryParameters);
        out.append('\n').append(canonicalHeaders).append('\n').append(signedHeaders).append('\n').append(payloadHashHex);
    }

    void buildCanonicalHeaders(HeaderFields &fields)
    {
        sortByName(fields);
        canonicalHeaders.resize(0);
        signedHeaders.resize(0);
        appendCanonicalHeaders(canonicalHeaders, signedHeaders, fields);
    }
};

// ---- SigV4Signer ----------------------------------------------------------------------------

SigV4Signer::SigV4Signer() : m_keyCache(std::make_unique<KeyCache>()), m_workspace(std::make_unique<Workspace>())
{
}

SigV4Signer::~SigV4Signer() = default;

SigV4Signature SigV4Signer::sign(const SigV4Request &request, const AwsCredentials &credentials,
                                 QByteArrayView region, QByteArrayView service, const QDateTime &time,
                                 const SigV4Options &options)
{
    Workspace &ws = *m_workspace;
    ws.useCredentials(credentials);

    std::array<char, kAmzDateSize> amzDate{};
    writeAmzDate(signingSeconds(time), amzDate.data());
    const QByteArrayView amzDateView(amzDate.data(), kAmzDateSize);
    const std::array<char, kHexDigestSize> payloadHash = ws.payloadHash(request.body);
    const QByteArrayView payloadHashView(payloadHash.data(), kHexDigestSize);
    const bool hasToken = !ws.sessionToken.isEmpty();

    HeaderFields fields;
    collectRequestHeaders(request, hasToken, options.signBody, fields);
    fields.append({kAmzDate, amzDateView});
    if (hasToken && !options.omitSessionToken)
        fields.append({kSecurityToken, ws.sessionToken});
    if (options.signBody)
        fields.append({kContentSha256, payloadHashView});
    ws.buildCanonicalHeaders(fields);

    if (request.query.isEmpty()) {
        ws.assembleCanonicalRequest(request, options.normalizePath, nullptr, payloadHashView);
    } else {
        std::vector<QueryParameter> parameters = parseQuery(request.query, false, nullptr);
        ws.assembleCanonicalRequest(request, options.normalizePath, &parameters, payloadHashView);
    }

    ws.buildScope(amzDate.data(), region, service);
    const HmacSha256Key &key =
        m_keyCache->signingKey(ws.sha, credentials.secretAccessKey, amzDateView.first(kScopeDateSize), region, service);
    const std::array<char, kHexDigestSize> signature = ws.signCanonicalRequest(key, amzDate.data());

    SigV4Signature result;
    result.authorization.reserve(kAlgorithm.size() + 64 + ws.accessKeyId.size() + ws.scope.size()
                                 + ws.signedHeaders.size() + kHexDigestSize);
    result.authorization.append(kAlgorithm)
        .append(" Credential=")
        .append(ws.accessKeyId)
        .append('/')
        .append(ws.scope)
        .append(", SignedHeaders=")
        .append(ws.signedHeaders)
        .append(", Signature=")
        .append(signature.data(), kHexDigestSize);
    result.amzDate = amzDateView.toByteArray();
    result.securityToken = ws.sessionToken;
    if (options.signBody)
        result.contentSha256 = payloadHashView.toByteArray();
    result.signedHeaders = ws.signedHeaders;
    result.signature = QByteArray(signature.data(), kHexDigestSize);
    if (options.keepIntermediates) {
        result.canonicalRequest = ws.canonicalRequest;
        result.stringToSign = ws.stringToSign;
    }
    return result;
}

SigV4Presigned SigV4Signer::presign(const SigV4Request &request, const AwsCredentials &credentials,
                                    QByteArrayView region, QByteArrayView service, const QDateTime &time,
                                    std::chrono::seconds expires, const SigV4Options &options)
{
    Workspace &ws = *m_workspace;
    ws.useCredentials(credentials);

    qint64 expirySeconds = expires.count();
    if (expirySeconds < 1 || expirySeconds > maxPresignExpiry.count()) {
        const qint64 clamped = std::clamp<qint64>(expirySeconds, 1, maxPresignExpiry.count());
        qCWarning(lcSigV4, "X-Amz-Expires of %lld s is outside [1, %lld]; using %lld",
                  static_cast<long long>(expirySeconds), static_cast<long long>(maxPresignExpiry.count()),
                  static_cast<long long>(clamped));
        expirySeconds = clamped;
    }

    std::array<char, kAmzDateSize> amzDate{};
    writeAmzDate(signingSeconds(time), amzDate.data());
    const QByteArrayView amzDateView(amzDate.data(), kAmzDateSize);
    const std::array<char, kHexDigestSize> payloadHash = ws.payloadHash(request.body);
    const bool hasToken = !ws.sessionToken.isEmpty();

    // In the query form the date, token and body hash travel as parameters, not headers.
    HeaderFields fields;
    collectRequestHeaders(request, hasToken, options.signBody, fields);
    ws.buildCanonicalHeaders(fields);
    ws.buildScope(amzDate.data(), region, service);

    QByteArray credential;
    credential.append(ws.accessKeyId).append('/').append(ws.scope);
    const QByteArray encodedCredential = sigV4Encoded(credential);
    const QByteArray encodedSignedHeaders = sigV4Encoded(ws.signedHeaders);
    const QByteArray expiresText = QByteArray::number(expirySeconds);
    const QByteArray encodedToken = hasToken ? sigV4Encoded(ws.sessionToken) : QByteArray();

    QByteArray keptQuery;
    std::vector<QueryParameter> parameters = parseQuery(request.query, true, &keptQuery);
    parameters.push_back({QByteArrayLiteral("X-Amz-Algorithm"), kAlgorithm.toByteArray()});
    parameters.push_back({QByteArrayLiteral("X-Amz-Credential"), encodedCredential});
    parameters.push_back({QByteArrayLiteral("X-Amz-Date"), amzDateView.toByteArray()});
    parameters.push_back({QByteArrayLiteral("X-Amz-Expires"), expiresText});
    parameters.push_back({QByteArrayLiteral("X-Amz-SignedHeaders"), encodedSignedHeaders});
    if (hasToken && !options.omitSessionToken)
        parameters.push_back({QByteArrayLiteral("X-Amz-Security-Token"), encodedToken});
    ws.assembleCanonicalRequest(request, options.normalizePath, &parameters,
                                QByteArrayView(payloadHash.data(), kHexDigestSize));

    const HmacSha256Key &key =
        m_keyCache->signingKey(ws.sha, credentials.secretAccessKey, amzDateView.first(kScopeDateSize), region, service);
    const std::array<char, kHexDigestSize> signature = ws.signCanonicalRequest(key, amzDate.data());

    // The caller's parameters as sent, then ours in aws-c-auth's order, the signature last.
    SigV4Presigned result;
    result.query = keptQuery;
    if (!result.query.isEmpty())
        result.query.append('&');
    result.query.append("X-Amz-Algorithm=")
        .append(kAlgorithm)
        .append("&X-Amz-Credential=")
        .append(encodedCredential)
        .append("&X-Amz-Date=")
        .append(amzDateView)
        .append("&X-Amz-SignedHeaders=")
        .append(encodedSignedHeaders)
        .append("&X-Amz-Expires=")
        .append(expiresText);
    if (hasToken)
        result.query.append("&X-Amz-Security-Token=").append(encodedToken);
    result.query.append("&X-Amz-Signature=").append(signature.data(), kHexDigestSize);
    result.signature = QByteArray(signature.data(), kHexDigestSize);
    if (options.keepIntermediates) {
        result.canonicalRequest = ws.canonicalRequest;
        result.stringToSign = ws.stringToSign;
    }
    return result;
}

QByteArray SigV4Signer::sha256Hex(QByteArrayView data)
{
    Digest digest{};
    std::size_t length = 0;
    requireOpenSsl(EVP_Q_digest(nullptr, "SHA256", nullptr, data.data(), static_cast<std::size_t>(data.size()),
                                digest.data(), &length),
                   "Q_digest");
    QByteArray hex(kHexDigestSize, Qt::Uninitialized);
    writeLowerHex(digest, hex.data());
    return hex;
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    QByteArray text(kAmzDateSize, Qt::Uninitialized);
    writeAmzDate(signingSeconds(time), text.data());
    return text;
}

} // namespace aws
