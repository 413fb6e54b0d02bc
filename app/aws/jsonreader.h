#pragma once

#include "core/jsontype.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>

#include <optional>

// A strict, pull-style JSON (RFC 8259) reader over UTF-8 bytes, for decoders that know the shape
// they expect and want to stop at the first problem. It validates as it goes (grammar, UTF-8,
// escapes, surrogate pairs, nesting depth) and reports the byte offset of the first error. It
// builds no document tree, which is what makes decoding fast, and never recurses deeper than
// kMaxDepth, so hostile input cannot exhaust the stack.
namespace aws::json {

using JsonType = core::JsonType;

// "null", "boolean", "number", "string", "array", "object".
QLatin1StringView jsonTypeName(JsonType type);

struct JsonNumber {
    QByteArrayView text; // the number exactly as written
    bool integral = true; // no fraction and no exponent
};

class JsonReader {
public:
    // Qt's QJsonDocument stops at the same depth.
    static constexpr int kMaxDepth = 1024;

    explicit JsonReader(QByteArrayView text);

    // The type of the value that starts at the current position (after whitespace), judged by
    // its first character; nullopt, with an error set, when no value can start there.
    std::optional<JsonType> peekType();

    // Objects: beginObject() consumes '{'. Each nextMember() call yields the next member's key
    // (its colon consumed; the caller then reads or skips the value) and returns false at the
    // closing '}' or on an error. The key view is valid until the next nextMember() call.
    bool beginObject();
    bool nextMember(QByteArrayView &key);

    // Arrays: beginArray() consumes '['; nextElement() returns true when a value follows (the
    // caller reads or skips it) and false at the closing ']' or on an error.
    bool beginArray();
    bool nextElement();

    bool readString(QString &out);
    bool readNumber(JsonNumber &out);
    bool readNull();
    bool readBoolean(bool &out);
    bool skipValue();

    // Succeeds when only whitespace follows the value just read.
    bool finish();

    bool failed() const { return !m_error.isEmpty(); }
    // "unterminated string at offset 57"
    const QString &errorMessage() const { return m_error; }
    qsizetype offset() const { return m_pos; }

private:
    struct StringToken {
        QByteArrayView raw; // between the quotes, escapes not yet resolved
        bool hasEscapes = false;
        bool ascii = true;
    };

    void skipWhitespace();
    bool fail(QLatin1StringView what, qsizetype at);
    bool failUnexpected(qsizetype at);
    bool expect(char c);
    bool enterContainer();
    bool scanString(StringToken &token);
    bool scanEscape(qsizetype &pos, bool &ascii);
    bool scanUtf8(qsizetype &pos);
    bool readHex4(qsizetype at, char32_t &value) const;
    void unescape(QByteArrayView raw, QByteArray &out) const;
    bool readLiteral(QByteArrayView literal);

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    int m_depth = 0;
    bool m_firstInContainer = false;
    QString m_error;
    QByteArray m_keyBuffer;
    QByteArray m_valueBuffer;
};

} // namespace aws::json
