#include "lookout/parametervalidation.h"

#include <algorithm>

namespace lookout {

namespace {

constexpr qsizetype kIdentifierMaxLength = 200;
constexpr QLatin1StringView kIdentifierPattern("^[0-9a-zA-Z_-]{1,200}$");

bool isIdentifierCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
        || u == u'_' || u == u'-';
}

// Values are quoted as given, but a pasted megabyte is not worth repeating in full.
QString shown(const QString &value)
{
    constexpr qsizetype kMaxShown = 100;
    return value.size() <= kMaxShown ? value : value.left(kMaxShown) + QStringLiteral("…");
}

} // namespace

ParameterCheck &ParameterCheck::identifier(QLatin1StringView parameter, const QString &value)
{
    if (value.isEmpty()) {
        m_problems.append(
            QStringLiteral("Invalid length for parameter %1, value: 0, valid min length: 1")
                .arg(parameter));
    } else if (value.size() > kIdentifierMaxLength) {
        m_problems.append(
            QStringLiteral("Invalid length for parameter %1, value: %2, valid max length: %3")
                .arg(parameter)
                .arg(value.size())
                .arg(kIdentifierMaxLength));
    } else if (!std::all_of(value.cbegin(), value.cend(), isIdentifierCharacter)) {
        m_problems.append(
            QStringLiteral("Invalid value for parameter %1, value: %2, valid pattern: %3")
                .arg(parameter, shown(value), kIdentifierPattern));
    }
    return *this;
}

ParameterCheck &ParameterCheck::enumValue(
    QLatin1StringView parameter, const QString &value, const QList<QLatin1StringView> &allowed)
{
    if (!allowed.contains(value)) {
        QStringList names;
        for (const QLatin1StringView name : allowed)
            names.append(name);
        m_problems.append(
            QStringLiteral("Invalid value for parameter %1, value: %2, valid values: %3")
                .arg(parameter, shown(value), names.join(QStringLiteral(", "))));
    }
    return *this;
}

ParameterCheck &ParameterCheck::notATimestamp(QLatin1StringView parameter, const QString &text)
{
    m_problems.append(QStringLiteral("Invalid type for parameter %1, value: %2, type: <class "
                                     "'str'>, valid types: <class 'datetime.datetime'>, "
                                     "timestamp-string")
                          .arg(parameter, shown(text)));
    return *this;
}

ParameterCheck &ParameterCheck::range(
    QLatin1StringView parameter, qint64 value, qint64 minimum, qint64 maximum)
{
    if (value < minimum) {
        m_problems.append(
            QStringLiteral("Invalid value for parameter %1, value: %2, valid min value: %3")
                .arg(parameter)
                .arg(value)
                .arg(minimum));
    } else if (value > maximum) {
        m_problems.append(
            QStringLiteral("Invalid value for parameter %1, value: %2, valid max value: %3")
                .arg(parameter)
                .arg(value)
                .arg(maximum));
    }
    return *this;
}

std::optional<aws::AwsError> ParameterCheck::error(const QString &operation) const
{
    if (m_problems.isEmpty())
        return std::nullopt;
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::InvalidParameter;
    error.operation = operation;
    error.message = m_problems.join(QLatin1Char('\n'));
    return error;
}

const QList<QLatin1StringView> &inferenceSchedulerStatuses()
{
    static const QList<QLatin1StringView> statuses { QLatin1StringView("PENDING"),
        QLatin1StringView("RUNNING"), QLatin1StringView("STOPPING"), QLatin1StringView("STOPPED") };
    return statuses;
}

const QList<QLatin1StringView> &inferenceExecutionStatuses()
{
    static const QList<QLatin1StringView> statuses { QLatin1StringView("IN_PROGRESS"),
        QLatin1StringView("SUCCESS"), QLatin1StringView("FAILED") };
    return statuses;
}

} // namespace lookout
