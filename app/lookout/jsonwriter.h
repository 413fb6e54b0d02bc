#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstring>
#include <utility>
#include <vector>

// Writes JSON text in one of two layouts:
//  - Compact: no whitespace at all, as services send it ({"a":1,"b":[]}).
//  - Python:  exactly what Python's json.dumps(value, indent=4, ensure_ascii=False) writes, which
//             is what the AWS CLI prints: one item per line, "," at line ends (no trailing
//             space), ": " after keys, "[]" and "{}" for empty containers, non-ASCII kept as
//             UTF-8, and only '"', '\\' and control characters escaped (\n \r \t \b \f, the
//             others as lower-case \u00XX).
// The caller is responsible for a well-formed sequence of calls (keys only inside objects).
namespace lookout::json {

// The text a JsonWriter writes. Appends are inline and the bytes end up in a QByteArray that
// take() hands over without a copy: Qt 6.4's QByteArray::append() goes through insert(), and a
// std::string would need a final copy, each of which cost a fifth of `list --output json` over
// 10,000 schedulers (6 MB written into fresh pages).
class JsonTextBuffer {
public:
    void reserve(qsizetype bytes)
    {
        if (bytes > m_bytes.size())
            m_bytes.resize(bytes);
    }
    void push_back(char c)
    {
        if (m_size == m_bytes.size())
            grow(1);
        m_bytes.data()[m_size++] = c;
    }
    void append(const char *text, qsizetype length)
    {
        if (length <= 0)
            return;
        if (m_size + length > m_bytes.size())
            grow(length);
        std::memcpy(m_bytes.data() + m_size, text, static_cast<size_t>(length));
        m_size += length;
    }
    void append(qsizetype count, char c)
    {
        if (count <= 0)
            return;
        if (m_size + count > m_bytes.size())
            grow(count);
        std::memset(m_bytes.data() + m_size, c, static_cast<size_t>(count));
        m_size += count;
    }
    QByteArray take()
    {
        m_bytes.truncate(m_size);
        m_size = 0;
        return std::exchange(m_bytes, QByteArray());
    }

private:
    void grow(qsizetype atLeast)
    {
        m_bytes.resize(qMax(2 * m_bytes.size(), m_size + atLeast + 256));
    }

    QByteArray m_bytes; // m_size bytes written, the rest allocated but not yet written
    qsizetype m_size = 0;
};

class JsonWriter {
public:
    enum class Layout { Compact, Python };

    explicit JsonWriter(Layout layout);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // A member name; the next call writes its value. Names are ASCII identifiers.
    void key(QByteArrayView name);
    void string(const QString &value);
    void integer(qint64 value);
    // A number already in JSON form (epoch seconds from epochSecondsText()).
    void rawNumber(QByteArrayView text);
    // A string whose UTF-8 bytes are given (ISO timestamps).
    void utf8String(QByteArrayView value);

    // Room for this many bytes, when the caller can tell (it saves regrowing a large document).
    void reserve(qsizetype bytes) { m_out.reserve(bytes); }

    // The text written so far; the writer is empty afterwards.
    QByteArray take();
    // The same with a line end after it, as the CLI prints a document (no second copy).
    QByteArray takeLine();

private:
    void beforeValue();
    void newline();
    void open(char bracket);
    void close(char bracket);

    Layout m_layout;
    JsonTextBuffer m_out;
    // For each open container: has it any element yet?
    std::vector<bool> m_hasElements;
    bool m_afterKey = false;
};

} // namespace lookout::json
