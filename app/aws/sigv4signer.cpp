#include "aws/sigv4signer.h"

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
constexpr QByteArrayView kEmptyPayloadHash(
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

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

// Appends through a raw cursor: QByteArray::append goes through insert() and its checks on every
// call, which cost a third of the signing time. It grows when needed, so no size estimate can
// overflow it. Its destructor trims the array to what was written (keeping the capacity for the
// next call), so read the array only once the writer's scope has ended.
class ByteWriter {
public:
    ByteWriter(QByteArray &target, qsizetype expectedSize)
        : m_target(target)
    {
        m_target.resize(std::max<qsizetype>(expectedSize, 64));
        m_begin = m_target.data();
        m_cursor = m_begin;
        m_end = m_begin + m_target.size();
    }
    ~ByteWriter() { m_target.resize(m_cursor - m_begin); }
    ByteWriter(const ByteWriter &) = delete;
    ByteWriter &operator=(const ByteWriter &) = delete;

    // Room for `count` more bytes at the cursor; write them, then advance().
    char *space(qsizetype count)
    {
        if (m_end - m_cursor < count)
            grow(count);
        return m_cursor;
    }
    void advance(qsizetype count) { m_cursor += count; }

    ByteWriter &append(QByteArrayView bytes)
    {
        if (!bytes.isEmpty()) {
            std::memcpy(space(bytes.size()), bytes.data(), static_cast<std::size_t>(bytes.size()));
            m_cursor += bytes.size();
        }
        return *this;
    }
    ByteWriter &append(char c)
    {
        *space(1) = c;
        ++m_cursor;
        return *this;
    }

private:
    void grow(qsizetype count)
    {
        const qsizetype used = m_cursor - m_begin;
        m_target.resize(std::max(2 * m_target.size(), used + count));
        m_begin = m_target.data();
        m_cursor = m_begin + used;
        m_end = m_begin + m_target.size();
    }

    QByteArray &m_target;
    char *m_begin;
    char *m_cursor;
    char *m_end;
};

void appendLowerCase(ByteWriter &out, QByteArrayView text)
{
    char *written = out.space(text.size());
    for (qsizetype i = 0; i < text.size(); ++i)
        written[i] = toLowerAscii(text[i]);
    out.advance(text.size());
}

// True when no byte is a space or a control character (all header whitespace is below 0x21),
// eight bytes at a time: typical values (hosts, tokens, targets) are then copied whole.
bool hasNoSpaceOrControl(QByteArrayView text)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highBits = 0x8080808080808080ULL;
    const char *p = text.data();
    qsizetype left = text.size();
    for (; left >= 8; p += 8, left -= 8) {
        quint64 word = 0;
        std::memcpy(&word, p, sizeof word);
        if (((word - ones * 0x21) & ~word & highBits) != 0) // some byte < 0x21
            return false;
    }
    for (; left > 0; ++p, --left) {
        if (static_cast<unsigned char>(*p) < 0x21)
            return false;
    }
    return true;
}

// SigV4 header value: trimmed, every inner whitespace run one space.
void appendTrimmedCollapsed(ByteWriter &out, QByteArrayView value)
{
    if (hasNoSpaceOrControl(value)) {
        out.append(value);
        return;
    }
    const char *p = value.data();
    const char *end = p + value.size();
    while (p < end && isHeaderSpace(*p))
        ++p;
    while (end > p && isHeaderSpace(end[-1]))
        --end;
    char *const start = out.space(end - p);
    char *written = start;
    while (p < end) {
        if (isHeaderSpace(*p)) {
            *written++ = ' ';
            while (isHeaderSpace(*p)) // stops at the trimmed end, which is no space
                ++p;
        } else {
            *written++ = *p++;
        }
    }
    out.advance(written - start);
}

// RFC 3986 percent-encoding of everything but the unreserved set (and '/' in paths), upper-case
// hex, as SigV4 wants.
void appendUriEncoded(ByteWriter &out, QByteArrayView bytes, bool keepSlash)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    char *const start = out.space(3 * bytes.size());
    char *written = start;
    for (const char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            *written++ = c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            *written++ = '%';
            *written++ = digits[byte >> 4];
            *written++ = digits[byte & 0x0f];
        }
    }
    out.advance(written - start);
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
        qCWarning(
            lcSigV4, "The signing time is invalid; signing with 1970-01-01T00:00:00Z instead");
        return 0;
    }
    const qint64 seconds = time.toSecsSinceEpoch();
    if (seconds < kFirstSigningSecond || seconds > kLastSigningSecond) {
        qCWarning(lcSigV4,
            "The signing time %lld s since the epoch is outside years 0000-9999; clamped",
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
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
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
    Sha256()
        : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr))
        , m_context(EVP_MD_CTX_new())
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
        Digest out {};
        unsigned int length = 0;
        requireOpenSsl(EVP_DigestInit_ex2(m_context, m_md, nullptr), "DigestInit");
        requireOpenSsl(
            EVP_DigestUpdate(m_context, data.data(), static_cast<std::size_t>(data.size())),
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
        : m_inner(EVP_MD_CTX_new())
        , m_outer(EVP_MD_CTX_new())
    {
        if (m_inner == nullptr || m_outer == nullptr)
            qFatal("SigV4 signer: OpenSSL could not allocate a digest context");
        std::array<unsigned char, kBlockSize> block {};
        if (key.size() > kBlockSize) {
            const Digest hashed = sha.digest(key);
            std::memcpy(block.data(), hashed.data(), hashed.size());
        } else if (!key.isEmpty()) {
            std::memcpy(block.data(), key.data(), static_cast<std::size_t>(key.size()));
        }
        std::array<unsigned char, kBlockSize> pad {};
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
        Digest inner {};
        Digest out {};
        unsigned int length = 0;
        requireOpenSsl(EVP_MD_CTX_copy_ex(work, m_inner), "MD_CTX_copy");
        requireOpenSsl(
            EVP_DigestUpdate(work, message.data(), static_cast<std::size_t>(message.size())),
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
    return { reinterpret_cast<const char *>(digest.data()), kDigestSize };
}

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
std::unique_ptr<HmacSha256Key> deriveSigningKey(Sha256 &sha, const QString &secret,
    QByteArrayView scopeDate, QByteArrayView region, QByteArrayView service)
{
    QByteArray secretUtf8 = secret.toUtf8();
    QByteArray secretKey = QByteArrayLiteral("AWS4") + secretUtf8;
    Digest dateKey = HmacSha256Key(sha, secretKey).mac(sha.context(), scopeDate);
    for (QByteArray *copy : { &secretUtf8, &secretKey })
        OPENSSL_cleanse(copy->data(), static_cast<std::size_t>(copy->size()));
    Digest regionKey = HmacSha256Key(sha, digestView(dateKey)).mac(sha.context(), region);
    Digest serviceKey = HmacSha256Key(sha, digestView(regionKey)).mac(sha.context(), service);
    Digest signingKey = HmacSha256Key(sha, digestView(serviceKey)).mac(sha.context(), kTerminator);
    auto key = std::make_unique<HmacSha256Key>(sha, digestView(signingKey));
    for (Digest *intermediate : { &dateKey, &regionKey, &serviceKey, &signingKey })
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
void appendCanonicalHeaders(ByteWriter &out, ByteWriter &signedHeaders, const HeaderFields &fields)
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

void appendCanonicalPath(ByteWriter &out, QByteArrayView path, bool normalize)
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
    QByteArray key; // SigV4-encoded
    QByteArray value; // SigV4-encoded
    friend bool operator<(const QueryParameter &a, const QueryParameter &b)
    {
        return a.key != b.key ? a.key < b.key : a.value < b.value;
    }
};

QByteArray sigV4Encoded(QByteArrayView bytes)
{
    QByteArray encoded;
    {
        ByteWriter out(encoded, bytes.size());
        appendUriEncoded(out, bytes, false);
    }
    return encoded;
}

constexpr std::array<QByteArrayView, 7> kPresignParameters
    = { "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
          "X-Amz-Security-Token", "X-Amz-Signature" };

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
        const QByteArray value
            = equals < 0 ? QByteArray() : percentDecoded(piece.sliced(equals + 1));
        parameters.push_back({ sigV4Encoded(key), sigV4Encoded(value) });
        if (kept != nullptr) {
            if (!kept->isEmpty())
                kept->append('&');
            kept->append(piece);
        }
    }
    return parameters;
}

void appendCanonicalQuery(ByteWriter &out, std::vector<QueryParameter> &parameters)
{
    std::sort(parameters.begin(), parameters.end());
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        if (i > 0)
            out.append('&');
        out.append(parameters[i].key).append('=').append(parameters[i].value);
    }
}

// The request's own headers minus those the signer produces (see the header's rules).
void collectRequestHeaders(const SigV4Request &request, bool signerSetsToken,
    bool signerSetsContentHash, HeaderFields &fields)
{
    for (const auto &[name, value] : request.headers) {
        if (equalsIgnoringCase(name, kAuthorization) || equalsIgnoringCase(name, kAmzDate)
            || (signerSetsToken && equalsIgnoringCase(name, kSecurityToken))
            || (signerSetsContentHash && equalsIgnoringCase(name, kContentSha256)))
            continue;
        fields.append({ name, value });
    }
}

} // namespace

// ---- Caches ---------------------------------------------------------------------------------

struct SigV4Signer::KeyCache {
    struct Entry {
        QString secret; // shares the caller's string: the same credentials compare by pointer
        std::array<char, kScopeDateSize> scopeDate {};
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

    void buildCanonicalHeaders(HeaderFields &fields)
    {
        sortByName(fields);
        qsizetype expected = 0;
        for (const HeaderField &field : fields)
            expected += field.name.size() + field.value.size() + 2;
        ByteWriter headers(canonicalHeaders, expected);
        ByteWriter names(signedHeaders, expected / 4);
        appendCanonicalHeaders(headers, names, fields);
    }

    void buildScope(QByteArrayView scopeDate, QByteArrayView region, QByteArrayView service)
    {
        ByteWriter out(
            scope, scopeDate.size() + region.size() + service.size() + kTerminator.size() + 3);
        out.append(scopeDate)
            .append('/')
            .append(region)
            .append('/')
            .append(service)
            .append('/')
            .append(kTerminator);
    }

    std::array<char, kHexDigestSize> payloadHash(QByteArrayView body)
    {
        std::array<char, kHexDigestSize> hash {};
        if (body.isEmpty())
            std::memcpy(hash.data(), kEmptyPayloadHash.data(), kHexDigestSize);
        else
            writeLowerHex(sha.digest(body), hash.data());
        return hash;
    }

    // Needs canonicalHeaders and signedHeaders built; queryParameters null for an empty query.
    void buildCanonicalRequest(const SigV4Request &request, bool normalizePath,
        std::vector<QueryParameter> *queryParameters, QByteArrayView payloadHashHex)
    {
        ByteWriter out(canonicalRequest,
            request.method.size() + 3 * request.path.size() + 3 * request.query.size()
                + canonicalHeaders.size() + signedHeaders.size() + kHexDigestSize + 8);
        out.append(request.method).append('\n');
        appendCanonicalPath(out, request.path, normalizePath);
        out.append('\n');
        if (queryParameters != nullptr)
            appendCanonicalQuery(out, *queryParameters);
        out.append('\n')
            .append(canonicalHeaders)
            .append('\n')
            .append(signedHeaders)
            .append('\n')
            .append(payloadHashHex);
    }

    // From the canonical request on, the same for both forms: hashes it, builds the string to sign
    // and returns the lower-case hex signature.
    std::array<char, kHexDigestSize> sign(const HmacSha256Key &key, QByteArrayView amzDate)
    {
        std::array<char, kHexDigestSize> canonicalHash {};
        writeLowerHex(sha.digest(canonicalRequest), canonicalHash.data());
        {
            ByteWriter out(stringToSign,
                kAlgorithm.size() + amzDate.size() + scope.size() + kHexDigestSize + 3);
            out.append(kAlgorithm)
                .append('\n')
                .append(amzDate)
                .append('\n')
                .append(scope)
                .append('\n')
                .append(QByteArrayView(canonicalHash.data(), kHexDigestSize));
        }
        std::array<char, kHexDigestSize> signature {};
        writeLowerHex(key.mac(sha.context(), stringToSign), signature.data());
        return signature;
    }
};

// ---- SigV4Signer ----------------------------------------------------------------------------

SigV4Signer::SigV4Signer()
    : m_keyCache(std::make_unique<KeyCache>())
    , m_workspace(std::make_unique<Workspace>())
{
}

SigV4Signer::~SigV4Signer() = default;

SigV4Signature SigV4Signer::sign(const SigV4Request &request, const AwsCredentials &credentials,
    QByteArrayView region, QByteArrayView service, const QDateTime &time,
    const SigV4Options &options)
{
    Workspace &ws = *m_workspace;
    ws.useCredentials(credentials);

    std::array<char, kAmzDateSize> amzDateText {};
    writeAmzDate(signingSeconds(time), amzDateText.data());
    const QByteArrayView amzDate(amzDateText.data(), kAmzDateSize);
    const QByteArrayView scopeDate = amzDate.first(kScopeDateSize);
    const std::array<char, kHexDigestSize> payloadHashText = ws.payloadHash(request.body);
    const QByteArrayView payloadHash(payloadHashText.data(), kHexDigestSize);
    const bool hasToken = !ws.sessionToken.isEmpty();

    HeaderFields fields;
    collectRequestHeaders(request, hasToken, options.signBody, fields);
    fields.append({ kAmzDate, amzDate });
    if (hasToken && !options.omitSessionToken)
        fields.append({ kSecurityToken, ws.sessionToken });
    if (options.signBody)
        fields.append({ kContentSha256, payloadHash });
    ws.buildCanonicalHeaders(fields);

    if (request.query.isEmpty()) {
        ws.buildCanonicalRequest(request, options.normalizePath, nullptr, payloadHash);
    } else {
        std::vector<QueryParameter> parameters = parseQuery(request.query, false, nullptr);
        ws.buildCanonicalRequest(request, options.normalizePath, &parameters, payloadHash);
    }
    ws.buildScope(scopeDate, region, service);
    const HmacSha256Key &key
        = m_keyCache->signingKey(ws.sha, credentials.secretAccessKey, scopeDate, region, service);
    const std::array<char, kHexDigestSize> signatureText = ws.sign(key, amzDate);
    const QByteArrayView signature(signatureText.data(), kHexDigestSize);

    SigV4Signature result;
    {
        constexpr QByteArrayView credentialLabel(" Credential=");
        constexpr QByteArrayView signedHeadersLabel(", SignedHeaders=");
        constexpr QByteArrayView signatureLabel(", Signature=");
        ByteWriter out(result.authorization,
            kAlgorithm.size() + credentialLabel.size() + ws.accessKeyId.size() + 1 + ws.scope.size()
                + signedHeadersLabel.size() + ws.signedHeaders.size() + signatureLabel.size()
                + kHexDigestSize);
        out.append(kAlgorithm)
            .append(credentialLabel)
            .append(ws.accessKeyId)
            .append('/')
            .append(ws.scope)
            .append(signedHeadersLabel)
            .append(ws.signedHeaders)
            .append(signatureLabel)
            .append(signature);
    }
    result.amzDate = amzDate.toByteArray();
    result.securityToken = ws.sessionToken;
    if (options.signBody)
        result.contentSha256 = payloadHash.toByteArray();
    result.signedHeaders = ws.signedHeaders;
    result.signature = signature.toByteArray();
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

    std::array<char, kAmzDateSize> amzDateText {};
    writeAmzDate(signingSeconds(time), amzDateText.data());
    const QByteArrayView amzDate(amzDateText.data(), kAmzDateSize);
    const QByteArrayView scopeDate = amzDate.first(kScopeDateSize);
    const std::array<char, kHexDigestSize> payloadHashText = ws.payloadHash(request.body);
    const bool hasToken = !ws.sessionToken.isEmpty();

    // In the query form the date, token and body hash travel as parameters, not headers.
    HeaderFields fields;
    collectRequestHeaders(request, hasToken, options.signBody, fields);
    ws.buildCanonicalHeaders(fields);
    ws.buildScope(scopeDate, region, service);

    const QByteArray credential = ws.accessKeyId + '/' + ws.scope;
    const QByteArray encodedCredential = sigV4Encoded(credential);
    const QByteArray encodedSignedHeaders = sigV4Encoded(ws.signedHeaders);
    const QByteArray expiresText = QByteArray::number(expirySeconds);
    const QByteArray encodedToken = hasToken ? sigV4Encoded(ws.sessionToken) : QByteArray();

    QByteArray keptQuery;
    std::vector<QueryParameter> parameters = parseQuery(request.query, true, &keptQuery);
    parameters.push_back({ QByteArrayLiteral("X-Amz-Algorithm"), kAlgorithm.toByteArray() });
    parameters.push_back({ QByteArrayLiteral("X-Amz-Credential"), encodedCredential });
    parameters.push_back({ QByteArrayLiteral("X-Amz-Date"), amzDate.toByteArray() });
    parameters.push_back({ QByteArrayLiteral("X-Amz-Expires"), expiresText });
    parameters.push_back({ QByteArrayLiteral("X-Amz-SignedHeaders"), encodedSignedHeaders });
    if (hasToken && !options.omitSessionToken)
        parameters.push_back({ QByteArrayLiteral("X-Amz-Security-Token"), encodedToken });
    ws.buildCanonicalRequest(request, options.normalizePath, &parameters,
        QByteArrayView(payloadHashText.data(), kHexDigestSize));

    const HmacSha256Key &key
        = m_keyCache->signingKey(ws.sha, credentials.secretAccessKey, scopeDate, region, service);
    const std::array<char, kHexDigestSize> signatureText = ws.sign(key, amzDate);
    const QByteArrayView signature(signatureText.data(), kHexDigestSize);

    // The caller's parameters as sent, then ours in aws-c-auth's order, the signature last. The
    // token goes along even when it is not signed (omitSessionToken).
    SigV4Presigned result;
    result.query = keptQuery;
    if (!result.query.isEmpty())
        result.query += '&';
    result.query += "X-Amz-Algorithm=" + kAlgorithm.toByteArray()
        + "&X-Amz-Credential=" + encodedCredential + "&X-Amz-Date=" + amzDate.toByteArray()
        + "&X-Amz-SignedHeaders=" + encodedSignedHeaders + "&X-Amz-Expires=" + expiresText;
    if (hasToken)
        result.query += "&X-Amz-Security-Token=" + encodedToken;
    result.query += "&X-Amz-Signature=" + signature.toByteArray();
    result.signature = signature.toByteArray();
    if (options.keepIntermediates) {
        result.canonicalRequest = ws.canonicalRequest;
        result.stringToSign = ws.stringToSign;
    }
    return result;
}

QByteArray SigV4Signer::sha256Hex(QByteArrayView data)
{
    Digest digest {};
    std::size_t length = 0;
    requireOpenSsl(EVP_Q_digest(nullptr, "SHA256", nullptr, data.data(),
                       static_cast<std::size_t>(data.size()), digest.data(), &length),
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
