#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// Writes JSON text in one of two layouts:
//  - Compact: no whitespace at all, as services send it ({"a":1,"b":[]}).
//  - Python:  exactly what Python's json.dumps(value, indent=4, ensure_ascii=False) writes, which
//             is what the AWS CLI prints: one item per line, "," at line ends (no trailing
//             space), ": " after keys, "[]" and "{}" for empty containers, non-ASCII kept as
//             UTF-8, and only '"', '\\' and control characters escaped (\n \r \t \b \f, the
//             others as lower-case \u00XX).
// The caller is responsible for a well-formed sequence of calls (keys only inside objects).
namespace lookout::json {

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

    // The text written so far; the writer is empty afterwards.
    QByteArray take();

private:
    void beforeValue();
    void newline();
    void open(char bracket);
    void close(char bracket);

    Layout m_layout;
    QByteArray m_out;
    // For each open container: has it any element yet?
    QList<bool> m_hasElements;
    bool m_afterKey = false;
};

// Appends `utf8` as a JSON string (with its quotes) using Python's escaping rules.
void appendJsonString(QByteArray &out, QByteArrayView utf8);

} // namespace lookout::json
