#include "emulator/inputreader.h"

#include <QJsonValue>

#include <cmath>

namespace emulator {

namespace {

constexpr int kIdentifierMaxLength = 200;
constexpr int kNextTokenMaxLength = 8192;
constexpr int kMaxResultsLimit = 500;

// The service names members in messages the way its Java model does: "inferenceSchedulerName".
QString memberPath(QLatin1StringView member)
{
    QString path = member;
    if (!path.isEmpty())
        path[0] = path[0].toLower();
    return path;
}

QLatin1StringView jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QLatin1StringView("null");
    case QJsonValue::Bool:
        return QLatin1StringView("boolean");
    case QJsonValue::Double:
        return QLatin1StringView("number");
    case QJsonValue::String:
        return QLatin1StringView("string");
    case QJsonValue::Array:
        return QLatin1StringView("array");
    case QJsonValue::Object:
        return QLatin1StringView("object");
    case QJsonValue::Undefined:
        break;
    }
    return QLatin1StringView("nothing");
}

QString quoted(const QString &value)
{
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

} // namespace

bool InputReader::isIdentifier(QStringView text)
{
    if (text.isEmpty() || text.size() > kIdentifierMaxLength)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')
            || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

void InputReader::violation(
    QLatin1StringView member, const QString &quotedValue, QLatin1StringView constraint)
{
    m_violations.append(QLatin1String("Value ") + quotedValue + QLatin1String(" at '")
        + memberPath(member) + QLatin1String("' failed to satisfy constraint: ") + constraint);
}

void InputReader::typeError(
    QLatin1StringView member, QLatin1StringView expected, const QJsonValue &value)
{
    if (!m_serializationError.isEmpty())
        return;
    m_serializationError = member + QLatin1String(": expected ") + expected
        + QLatin1String(", got ")
        + (value.isDouble() && expected == QLatin1StringView("integer")
                ? QString::number(value.toDouble())
                : QString(jsonTypeName(value)));
}

std::optional<QString> InputReader::string(QLatin1StringView member)
{
    const QJsonValue value = m_body.value(member);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        typeError(member, QLatin1StringView("string"), value);
        return std::nullopt;
    }
    return value.toString();
}

std::optional<QString> InputReader::identifier(QLatin1StringView member, Presence presence)
{
    const QJsonValue raw = m_body.value(member);
    const std::optional<QString> value = string(member);
    if (!value) {
        if (presence == Presence::Required && (raw.isUndefined() || raw.isNull()))
            violation(member, QStringLiteral("null"), QLatin1StringView("Member must not be null"));
        return std::nullopt;
    }
    if (isIdentifier(*value))
        return value;
    violation(member, quoted(*value),
        QLatin1StringView(
            "Member must satisfy regular expression pattern: ^[0-9a-zA-Z_-]{1,200}$"));
    if (value->size() > kIdentifierMaxLength) {
        violation(member, quoted(*value),
            QLatin1StringView("Member must have length less than or equal to 200"));
    } else if (value->isEmpty()) {
        violation(member, quoted(*value),
            QLatin1StringView("Member must have length greater than or equal to 1"));
    }
    return std::nullopt;
}

std::optional<QString> InputReader::nextToken(QLatin1StringView member)
{
    const std::optional<QString> value = string(member);
    if (!value)
        return std::nullopt;
    bool valid = true;
    if (value->size() > kNextTokenMaxLength) {
        violation(member, quoted(*value),
            QLatin1StringView("Member must have length less than or equal to 8192"));
        valid = false;
    }
    for (QChar c : *value) {
        if (c.unicode() > 0x7f) {
            violation(member, quoted(*value),
                QLatin1StringView(
                    "Member must satisfy regular expression pattern: \\p{ASCII}{0,8192}"));
            valid = false;
            break;
        }
    }
    return valid ? value : std::nullopt;
}

std::optional<int> InputReader::maxResults(QLatin1StringView member)
{
    const QJsonValue value = m_body.value(member);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isDouble() || std::floor(value.toDouble()) != value.toDouble()) {
        typeError(member, QLatin1StringView("integer"), value);
        return std::nullopt;
    }
    const double number = value.toDouble();
    const QString text = quoted(QString::number(number, 'f', 0));
    if (number < 1) {
        violation(
            member, text, QLatin1StringView("Member must have value greater than or equal to 1"));
        return std::nullopt;
    }
    if (number > kMaxResultsLimit) {
        violation(
            member, text, QLatin1StringView("Member must have value less than or equal to 500"));
        return std::nullopt;
    }
    return static_cast<int>(number);
}

std::optional<QString> InputReader::enumValue(
    QLatin1StringView member, std::initializer_list<QLatin1StringView> allowed)
{
    const std::optional<QString> value = string(member);
    if (!value)
        return std::nullopt;
    QString set;
    for (QLatin1StringView candidate : allowed) {
        if (*value == candidate)
            return value;
        set += (set.isEmpty() ? QString() : QStringLiteral(", ")) + candidate;
    }
    m_violations.append(QLatin1String("Value ") + quoted(*value) + QLatin1String(" at '")
        + memberPath(member)
        + QLatin1String("' failed to satisfy constraint: Member must satisfy enum value set: [")
        + set + QLatin1Char(']'));
    return std::nullopt;
}

std::optional<qint64> InputReader::timestamp(QLatin1StringView member, Presence presence)
{
    const QJsonValue value = m_body.value(member);
    if (value.isUndefined() || value.isNull()) {
        if (presence == Presence::Required)
            violation(member, QStringLiteral("null"), QLatin1StringView("Member must not be null"));
        return std::nullopt;
    }
    if (!value.isDouble()) {
        typeError(member, QLatin1StringView("epoch seconds (number)"), value);
        return std::nullopt;
    }
    // Far beyond any real data time, and keeps the microseconds well inside 64 bits.
    constexpr double kLimitSeconds = 1e11;
    const double seconds = value.toDouble();
    if (std::fabs(seconds) > kLimitSeconds) {
        violation(member, quoted(QString::number(seconds)),
            QLatin1StringView("Member must be within 100000000000 seconds of the epoch"));
        return std::nullopt;
    }
    return std::llround(seconds * 1e6);
}

std::optional<ServiceError> InputReader::error() const
{
    if (!m_serializationError.isEmpty())
        return serviceerrors::serialization(m_serializationError);
    if (m_violations.isEmpty())
        return std::nullopt;
    const qsizetype count = m_violations.size();
    return serviceerrors::validation(QString::number(count)
        + (count == 1 ? QLatin1String(" validation error detected: ")
                      : QLatin1String(" validation errors detected: "))
        + m_violations.join(QLatin1String("; ")));
}

} // namespace emulator
