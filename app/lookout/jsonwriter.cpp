#include "jsonwriter.h"

#include <charconv>

namespace lookout::json {

namespace {
constexpr int kIndent = 4;
} // namespace

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append('"');
    const char *p = utf8.data();
    const char *end = p + utf8.size();
    const char *plainStart = p;
    // Bytes of multi-byte UTF-8 sequences are all >= 0x80, so escaping byte by byte is safe.
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(plainStart, p - plainStart);
        plainStart = p + 1;
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        case '\b': out.append("\\b", 2); break;
        case '\f': out.append("\\f", 2); break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            out.append(escape, sizeof escape);
            break;
        }
        }
    }
    out.append(plainStart, end - plainStart);
    out.append('"');
}

JsonWriter::JsonWriter(Layout layout)
    : m_layout(layout)
{
}

void JsonWriter::newline()
{
    m_out.append('\n');
    m_out.append(m_hasElements.size() * kIndent, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasElements.isEmpty())
        return;
    if (m_hasElements.last())
        m_out.append(',');
    m_hasElements.last() = true;
    if (m_layout == Layout::Python)
        newline();
}

void JsonWriter::open(char bracket)
{
    beforeValue();
    m_out.append(bracket);
    m_hasElements.append(false);
}

void JsonWriter::close(char bracket)
{
    const bool hadElements = m_hasElements.takeLast();
    if (hadElements && m_layout == Layout::Python)
        newline();
    m_out.append(bracket);
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
        m_out.append(':');
    m_afterKey = true;
}

void JsonWriter::string(const QString &value)
{
    beforeValue();
    appendJsonString(m_out, value.toUtf8());
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
    m_out.append(text);
}

QByteArray JsonWriter::take()
{
    m_hasElements.clear();
    m_afterKey = false;
    return std::exchange(m_out, QByteArray());
}

} // namespace lookout::json
