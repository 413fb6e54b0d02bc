#include "cli/outputtree.h"

#include "aws/jsonreader.h"
#include "core/visibletext.h"

namespace cli {

namespace {

using aws::json::JsonReader;
using aws::json::JsonType;

bool read(JsonReader &reader, OutputValue &value)
{
    const std::optional<JsonType> type = reader.peekType();
    if (!type)
        return false;
    switch (*type) {
    case JsonType::Null:
        value.kind = OutputValue::Kind::Null;
        return reader.readNull();
    case JsonType::Boolean: {
        bool flag = false;
        value.kind = OutputValue::Kind::Boolean;
        if (!reader.readBoolean(flag))
            return false;
        value.text = flag ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    }
    case JsonType::Number: {
        aws::json::JsonNumber number;
        value.kind = OutputValue::Kind::Number;
        if (!reader.readNumber(number))
            return false;
        value.text = QString::fromLatin1(number.text);
        return true;
    }
    case JsonType::String:
        value.kind = OutputValue::Kind::String;
        return reader.readString(value.text);
    case JsonType::Array:
        value.kind = OutputValue::Kind::List;
        if (!reader.beginArray())
            return false;
        while (reader.nextElement()) {
            value.items.append(OutputValue());
            if (!read(reader, value.items.last()))
                return false;
        }
        return !reader.failed();
    case JsonType::Object: {
        value.kind = OutputValue::Kind::Object;
        if (!reader.beginObject())
            return false;
        QByteArrayView key;
        while (reader.nextMember(key)) {
            value.members.append({ QString::fromUtf8(key), OutputValue() });
            if (!read(reader, value.members.last().second))
                return false;
        }
        return !reader.failed();
    }
    }
    return false;
}

// Python's str.isprintable() for one code point: everything but the control, format,
// surrogate, private-use, unassigned and separator categories (the plain space excepted).
bool isPythonPrintable(char32_t codePoint)
{
    if (codePoint == U' ')
        return true;
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

QString hexEscape(char32_t codePoint)
{
    if (codePoint < 0x100)
        return QStringLiteral("\\x%1").arg(codePoint, 2, 16, QLatin1Char('0'));
    if (codePoint < 0x10000)
        return QStringLiteral("\\u%1").arg(codePoint, 4, 16, QLatin1Char('0'));
    return QStringLiteral("\\U%1").arg(codePoint, 8, 16, QLatin1Char('0'));
}

// Python's repr() of a str.
QString stringRepr(const QString &text)
{
    const QChar quote = text.contains(QLatin1Char('\'')) && !text.contains(QLatin1Char('"'))
        ? QLatin1Char('"')
        : QLatin1Char('\'');
    QString out = quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        if (c == quote.unicode() || c == U'\\')
            out += QLatin1Char('\\') + QChar(c);
        else if (c == U'\t')
            out += QLatin1String("\\t");
        else if (c == U'\n')
            out += QLatin1String("\\n");
        else if (c == U'\r')
            out += QLatin1String("\\r");
        else if (!isPythonPrintable(c))
            out += hexEscape(c);
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out + quote;
}

} // namespace

bool OutputValue::isTruthy() const
{
    switch (kind) {
    case Kind::Null:
        return false;
    case Kind::Boolean:
        return text == QLatin1String("true");
    case Kind::Number:
        return text.toDouble() != 0;
    case Kind::String:
        return !text.isEmpty();
    case Kind::List:
        return !items.isEmpty();
    case Kind::Object:
        return !members.isEmpty();
    }
    return false;
}

const OutputValue *OutputValue::member(const QString &key) const
{
    for (const auto &[name, value] : members) {
        if (name == key)
            return &value;
    }
    return nullptr;
}

QString OutputValue::pythonStr() const
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("None");
    case Kind::Boolean:
        return text == QLatin1String("true") ? QStringLiteral("True") : QStringLiteral("False");
    case Kind::Number:
    case Kind::String:
        return text;
    case Kind::List:
    case Kind::Object:
        return pythonRepr();
    }
    return text;
}

QString OutputValue::pythonRepr() const
{
    switch (kind) {
    case Kind::String:
        return stringRepr(text);
    case Kind::List: {
        QStringList parts;
        for (const OutputValue &item : items)
            parts.append(item.pythonRepr());
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    case Kind::Object: {
        QStringList parts;
        for (const auto &[name, value] : members)
            parts.append(stringRepr(name) + QLatin1String(": ") + value.pythonRepr());
        return QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
    }
    case Kind::Null:
    case Kind::Boolean:
    case Kind::Number:
        break;
    }
    return pythonStr();
}

aws::Result<OutputValue> readOutputValue(QByteArrayView json)
{
    OutputValue value;
    value.kind = OutputValue::Kind::Object;
    if (json.trimmed().isEmpty())
        return value;
    JsonReader reader(json);
    if (read(reader, value) && reader.finish())
        return value;
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::BadResponse;
    error.message = QStringLiteral("cannot format the output: %1").arg(reader.errorMessage());
    return error;
}

OutputValue withVisibleText(const OutputValue &value)
{
    OutputValue visible = value;
    if (visible.kind == OutputValue::Kind::String)
        visible.text = core::visibleText(visible.text);
    for (OutputValue &item : visible.items)
        item = withVisibleText(item);
    for (auto &[key, member] : visible.members) {
        key = core::visibleText(key);
        member = withVisibleText(member);
    }
    return visible;
}

} // namespace cli
