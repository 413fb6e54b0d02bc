#include "lookout/jsonwriter.h"

#include <charconv>

namespace lookout::json {

namespace {

constexpr int kIndent = 4;

// Python's escaping for one byte that is not part of a multi-byte UTF-8 sequence.
inline void appendEscaped(JsonTextBuffer &out, unsigned char c)
{
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
    case '"':
        out.append("\\\"", 2);
        break;
    case '\\':
        out.append("\\\\", 2);
        break;
    case '\n':
        out.append("\\n", 2);
        break;
    case '\r':
        out.append("\\r", 2);
        break;
    case '\t':
        out.append("\\t", 2);
        break;
    case '\b':
        out.append("\\b", 2);
        break;
    case '\f':
        out.append("\\f", 2);
        break;
    default: {
        const char escape[] = { '\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF] };
        out.append(escape, sizeof escape);
        break;
    }
    }
}

inline bool needsEscape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

// Appends UTF-8 text escaped, without quotes. Bytes of multi-byte UTF-8 sequences are all
// >= 0x80, so escaping byte by byte is safe.
void appendEscapedUtf8(JsonTextBuffer &out, QByteArrayView utf8)
{
    const char *p = utf8.data();
    const char *end = p + utf8.size();
    const char *plainStart = p;
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (!needsEscape(c))
            continue;
        out.append(plainStart, p - plainStart);
        plainStart = p + 1;
        appendEscaped(out, c);
    }
    out.append(plainStart, end - plainStart);
}

void appendJsonString(JsonTextBuffer &out, QByteArrayView utf8)
{
    out.push_back('"');
    appendEscapedUtf8(out, utf8);
    out.push_back('"');
}

// The same for UTF-16 text: ASCII (nearly every name and ARN) is written as it is read, without
// a UTF-8 copy of the whole string; from the first non-ASCII character on, the rest is encoded.
void appendJsonString(JsonTextBuffer &out, QStringView text)
{
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    out.push_back('"');
    for (; p < end; ++p) {
        const char16_t c = *p;
        if (c >= 0x80) {
            appendEscapedUtf8(out, QStringView(p, end).toUtf8());
            break;
        }
        if (needsEscape(static_cast<unsigned char>(c)))
            appendEscaped(out, static_cast<unsigned char>(c));
        else
            out.push_back(static_cast<char>(c));
    }
    out.push_back('"');
}

} // namespace

JsonWriter::JsonWriter(Layout layout)
    : m_layout(layout)
{
}

void JsonWriter::newline()
{
    m_out.push_back('\n');
    m_out.append(static_cast<qsizetype>(m_hasElements.size()) * kIndent, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasElements.empty())
        return;
    if (m_hasElements.back())
        m_out.push_back(',');
    m_hasElements.back() = true;
    if (m_layout == Layout::Python)
        newline();
}

void JsonWriter::open(char bracket)
{
    beforeValue();
    m_out.push_back(bracket);
    m_hasElements.push_back(false);
}

void JsonWriter::close(char bracket)
{
    const bool hadElements = m_hasElements.back();
    m_hasElements.pop_back();
    if (hadElements && m_layout == Layout::Python)
        newline();
    m_out.push_back(bracket);
}

void JsonWriter::beginObject()
{
    open('{');
}

void JsonWriter::endObject()
{
    close('}');
}

void JsonWriter::beginArray()
{
    open('[');
}

void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::key(QByteArrayView name)
{
    beforeValue();
    appendJsonString(m_out, name);
    if (m_layout == Layout::Python)
        m_out.append(": ", 2);
    else
        m_out.push_back(':');
    m_afterKey = true;
}

void JsonWriter::string(const QString &value)
{
    beforeValue();
    appendJsonString(m_out, QStringView(value));
}

void JsonWriter::utf8String(QByteArrayView value)
{
    beforeValue();
    appendJsonString(m_out, value);
}

void JsonWriter::integer(qint64 value)
{
    beforeValue();
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    m_out.append(digits, result.ptr - digits);
}

void JsonWriter::rawNumber(QByteArrayView text)
{
    beforeValue();
    m_out.append(text.data(), text.size());
}

QByteArray JsonWriter::take()
{
    m_hasElements.clear();
    m_afterKey = false;
    return m_out.take();
}

QByteArray JsonWriter::takeLine()
{
    m_out.push_back('\n');
    return take();
}

} // namespace lookout::json
