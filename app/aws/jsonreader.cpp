#include "aws/jsonreader.h"

#include <QStringDecoder>

#include <array>

namespace aws::json {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
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

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.append(static_cast<char>(0xC0 | (cp >> 6)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(static_cast<char>(0xE0 | (cp >> 12)));
        out.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.append(static_cast<char>(0xF0 | (cp >> 18)));
        out.append(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Bytes a string can hold as they are: printable ASCII other than '"' and '\\'. The scan
// skips runs of them with one table look-up per byte, which is most of a response.
constexpr auto kPlainStringBytes = [] {
    std::array<bool, 256> plain {};
    for (int c = 0x20; c < 0x80; ++c)
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();

bool isHighSurrogate(char32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDBFF;
}

bool isLowSurrogate(char32_t cp)
{
    return cp >= 0xDC00 && cp <= 0xDFFF;
}

// UTF-8 to QString keeping a leading U+FEFF, which QString::fromUtf8 drops: a string that starts
// with one is printed with it, as the AWS CLI prints it.
QString decodeUtf8(QByteArrayView utf8)
{
    if (!utf8.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(utf8);
    QStringDecoder decoder(QStringConverter::Utf8,
        QStringConverter::Flag::ConvertInitialBom | QStringConverter::Flag::Stateless);
    return decoder.decode(utf8);
}

} // namespace

QLatin1StringView jsonTypeName(JsonType type)
{
    switch (type) {
    case JsonType::Null:
        return QLatin1StringView("null");
    case JsonType::Boolean:
        return QLatin1StringView("boolean");
    case JsonType::Number:
        return QLatin1StringView("number");
    case JsonType::String:
        return QLatin1StringView("string");
    case JsonType::Array:
        return QLatin1StringView("array");
    case JsonType::Object:
        return QLatin1StringView("object");
    }
    return QLatin1StringView("value");
}

JsonReader::JsonReader(QByteArrayView text)
    : m_data(text.data())
    , m_size(text.size())
{
}

void JsonReader::skipWhitespace()
{
    while (m_pos < m_size) {
        const char c = m_data[m_pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
        ++m_pos;
    }
}

bool JsonReader::fail(QLatin1StringView what, qsizetype at)
{
    if (m_error.isEmpty())
        m_error = what % QLatin1StringView(" at offset ") % QString::number(at);
    return false;
}

bool JsonReader::failUnexpected(qsizetype at)
{
    if (at >= m_size)
        return fail(QLatin1StringView("unexpected end of input"), at);
    const auto c = static_cast<unsigned char>(m_data[at]);
    if (c >= 0x20 && c < 0x7F) {
        const QByteArray what
            = "unexpected character '" + QByteArray(1, static_cast<char>(c)) + '\'';
        return fail(QLatin1StringView(what), at);
    }
    const QByteArray what = "unexpected byte 0x" + QByteArray::number(c, 16).rightJustified(2, '0');
    return fail(QLatin1StringView(what), at);
}

bool JsonReader::expect(char c)
{
    skipWhitespace();
    if (m_pos < m_size && m_data[m_pos] == c) {
        ++m_pos;
        return true;
    }
    return failUnexpected(m_pos);
}

bool JsonReader::enterContainer()
{
    if (++m_depth > kMaxDepth)
        return fail(QLatin1StringView("nesting deeper than 1024 levels"), m_pos - 1);
    m_firstInContainer = true;
    return true;
}

std::optional<JsonType> JsonReader::peekType()
{
    if (failed())
        return std::nullopt;
    skipWhitespace();
    const std::optional<JsonType> type
        = m_pos < m_size ? core::jsonTypeStartingWith(m_data[m_pos]) : std::nullopt;
    if (!type)
        failUnexpected(m_pos);
    return type;
}

bool JsonReader::beginObject()
{
    return !failed() && expect('{') && enterContainer();
}

bool JsonReader::beginArray()
{
    return !failed() && expect('[') && enterContainer();
}

bool JsonReader::nextMember(QByteArrayView &key)
{
    if (failed())
        return false;
    skipWhitespace();
    if (m_pos >= m_size)
        return failUnexpected(m_pos);
    if (m_data[m_pos] == '}') {
        ++m_pos;
        --m_depth;
        m_firstInContainer = false;
        return false;
    }
    if (!m_firstInContainer) {
        if (m_data[m_pos] != ',')
            return fail(QLatin1StringView("expected ',' or '}'"), m_pos);
        ++m_pos;
        skipWhitespace();
    }
    m_firstInContainer = false;
    if (m_pos >= m_size || m_data[m_pos] != '"')
        return fail(QLatin1StringView("expected a member name in quotes"), m_pos);
    StringToken token;
    if (!scanString(token))
        return false;
    if (token.hasEscapes) {
        unescape(token.raw, m_keyBuffer);
        key = m_keyBuffer;
    } else {
        key = token.raw;
    }
    skipWhitespace();
    if (m_pos >= m_size || m_data[m_pos] != ':')
        return fail(QLatin1StringView("expected ':' after a member name"), m_pos);
    ++m_pos;
    return true;
}

bool JsonReader::nextElement()
{
    if (failed())
        return false;
    skipWhitespace();
    if (m_pos >= m_size)
        return failUnexpected(m_pos);
    if (m_data[m_pos] == ']') {
        ++m_pos;
        --m_depth;
        m_firstInContainer = false;
        return false;
    }
    if (!m_firstInContainer) {
        if (m_data[m_pos] != ',')
            return fail(QLatin1StringView("expected ',' or ']'"), m_pos);
        ++m_pos;
    }
    m_firstInContainer = false;
    return true;
}

bool JsonReader::readHex4(qsizetype at, char32_t &value) const
{
    if (at + 4 > m_size)
        return false;
    value = 0;
    for (qsizetype i = at; i < at + 4; ++i) {
        const int digit = hexValue(m_data[i]);
        if (digit < 0)
            return false;
        value = (value << 4) | static_cast<char32_t>(digit);
    }
    return true;
}

bool JsonReader::scanEscape(qsizetype &pos, bool &ascii)
{
    if (pos + 1 >= m_size)
        return fail(QLatin1StringView("unterminated escape sequence"), pos);
    switch (m_data[pos + 1]) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        pos += 2;
        return true;
    case 'u': {
        char32_t cp = 0;
        if (!readHex4(pos + 2, cp))
            return fail(QLatin1StringView("invalid \\u escape"), pos);
        if (isLowSurrogate(cp))
            return fail(QLatin1StringView("unpaired surrogate in \\u escape"), pos);
        if (isHighSurrogate(cp)) {
            char32_t low = 0;
            if (pos + 7 >= m_size || m_data[pos + 6] != '\\' || m_data[pos + 7] != 'u'
                || !readHex4(pos + 8, low) || !isLowSurrogate(low)) {
                return fail(QLatin1StringView("unpaired surrogate in \\u escape"), pos);
            }
            pos += 12;
        } else {
            pos += 6;
        }
        if (cp >= 0x80)
            ascii = false;
        return true;
    }
    default:
        return fail(QLatin1StringView("invalid escape sequence"), pos);
    }
}

// Strict UTF-8 as Python decodes it: no overlong forms, no surrogates, nothing above U+10FFFF.
bool JsonReader::scanUtf8(qsizetype &pos)
{
    const auto byteAt = [this](qsizetype i) -> unsigned char {
        return i < m_size ? static_cast<unsigned char>(m_data[i]) : 0;
    };
    const unsigned char lead = byteAt(pos);
    const unsigned char second = byteAt(pos + 1);
    int length = 0;
    bool secondOk = false;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        secondOk = isContinuation(second);
    } else if (lead == 0xE0) {
        length = 3;
        secondOk = second >= 0xA0 && second <= 0xBF;
    } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
        length = 3;
        secondOk = isContinuation(second);
    } else if (lead == 0xED) {
        length = 3;
        secondOk = second >= 0x80 && second <= 0x9F;
    } else if (lead == 0xF0) {
        length = 4;
        secondOk = second >= 0x90 && second <= 0xBF;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
        length = 4;
        secondOk = isContinuation(second);
    } else if (lead == 0xF4) {
        length = 4;
        secondOk = second >= 0x80 && second <= 0x8F;
    }
    if (length == 0 || !secondOk)
        return fail(QLatin1StringView("invalid UTF-8"), pos);
    for (int i = 2; i < length; ++i) {
        if (!isContinuation(byteAt(pos + i)))
            return fail(QLatin1StringView("invalid UTF-8"), pos);
    }
    pos += length;
    return true;
}

bool JsonReader::scanString(StringToken &token)
{
    const qsizetype quote = m_pos;
    const qsizetype start = m_pos + 1;
    qsizetype i = start;
    while (i < m_size) {
        while (i < m_size && kPlainStringBytes[static_cast<unsigned char>(m_data[i])])
            ++i;
        if (i >= m_size)
            break;
        const auto c = static_cast<unsigned char>(m_data[i]);
        if (c == '"') {
            token.raw = QByteArrayView(m_data + start, i - start);
            m_pos = i + 1;
            return true;
        }
        if (c == '\\') {
            token.hasEscapes = true;
            if (!scanEscape(i, token.ascii))
                return false;
        } else if (c < 0x20) {
            return fail(QLatin1StringView("control character in string"), i);
        } else { // c >= 0x80: the table lets nothing else through
            token.ascii = false;
            if (!scanUtf8(i))
                return false;
        }
    }
    return fail(QLatin1StringView("unterminated string"), quote);
}

// `raw` was validated by scanString, so every escape here is well formed.
void JsonReader::unescape(QByteArrayView raw, QByteArray &out) const
{
    out.clear();
    out.reserve(raw.size());
    const char *p = raw.data();
    const char *end = p + raw.size();
    while (p < end) {
        if (*p != '\\') {
            out.append(*p++);
            continue;
        }
        const char kind = p[1];
        p += 2;
        switch (kind) {
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'u': {
            char32_t cp = 0;
            for (int i = 0; i < 4; ++i)
                cp = (cp << 4) | static_cast<char32_t>(hexValue(p[i]));
            p += 4;
            if (isHighSurrogate(cp)) {
                char32_t low = 0;
                for (int i = 2; i < 6; ++i)
                    low = (low << 4) | static_cast<char32_t>(hexValue(p[i]));
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(out, cp);
            break;
        }
        default:
            out.append(kind);
            break; // '"', '\\', '/'
        }
    }
}

bool JsonReader::readString(QString &out)
{
    if (failed())
        return false;
    skipWhitespace();
    if (m_pos >= m_size || m_data[m_pos] != '"')
        return failUnexpected(m_pos);
    StringToken token;
    if (!scanString(token))
        return false;
    if (token.hasEscapes) {
        unescape(token.raw, m_valueBuffer);
        out = decodeUtf8(m_valueBuffer);
    } else if (token.ascii) {
        out = QString::fromLatin1(token.raw);
    } else {
        out = decodeUtf8(token.raw);
    }
    return true;
}

bool JsonReader::readNumber(JsonNumber &out)
{
    if (failed())
        return false;
    skipWhitespace();
    const qsizetype start = m_pos;
    qsizetype i = m_pos;
    const auto digitAt = [this](qsizetype at) { return at < m_size && isDigit(m_data[at]); };
    if (i < m_size && m_data[i] == '-')
        ++i;
    if (i < m_size && m_data[i] == '0') {
        ++i;
    } else if (digitAt(i)) {
        while (digitAt(i))
            ++i;
    } else {
        return fail(QLatin1StringView("invalid number"), start);
    }
    out.integral = true;
    if (i < m_size && m_data[i] == '.') {
        ++i;
        out.integral = false;
        if (!digitAt(i))
            return fail(QLatin1StringView("invalid number"), start);
        while (digitAt(i))
            ++i;
    }
    if (i < m_size && (m_data[i] == 'e' || m_data[i] == 'E')) {
        ++i;
        out.integral = false;
        if (i < m_size && (m_data[i] == '+' || m_data[i] == '-'))
            ++i;
        if (!digitAt(i))
            return fail(QLatin1StringView("invalid number"), start);
        while (digitAt(i))
            ++i;
    }
    out.text = QByteArrayView(m_data + start, i - start);
    m_pos = i;
    return true;
}

bool JsonReader::readLiteral(QByteArrayView literal)
{
    if (failed())
        return false;
    skipWhitespace();
    if (QByteArrayView(m_data + m_pos, std::min(m_size - m_pos, literal.size())) != literal)
        return fail(QLatin1StringView("invalid literal"), m_pos);
    m_pos += literal.size();
    return true;
}

bool JsonReader::readNull()
{
    return readLiteral("null");
}

bool JsonReader::readBoolean(bool &out)
{
    skipWhitespace();
    out = m_pos < m_size && m_data[m_pos] == 't';
    return readLiteral(out ? QByteArrayView("true") : QByteArrayView("false"));
}

bool JsonReader::skipValue()
{
    const std::optional<JsonType> type = peekType();
    if (!type)
        return false;
    switch (*type) {
    case JsonType::Object: {
        if (!beginObject())
            return false;
        QByteArrayView key;
        while (nextMember(key)) {
            if (!skipValue())
                return false;
        }
        return !failed();
    }
    case JsonType::Array:
        if (!beginArray())
            return false;
        while (nextElement()) {
            if (!skipValue())
                return false;
        }
        return !failed();
    case JsonType::String: {
        StringToken token;
        return scanString(token);
    }
    case JsonType::Number: {
        JsonNumber number;
        return readNumber(number);
    }
    case JsonType::Boolean: {
        bool value = false;
        return readBoolean(value);
    }
    case JsonType::Null:
        return readNull();
    }
    return false;
}

bool JsonReader::finish()
{
    if (failed())
        return false;
    skipWhitespace();
    if (m_pos < m_size)
        return fail(QLatin1StringView("unexpected data after the JSON value"), m_pos);
    return true;
}

} // namespace aws::json
