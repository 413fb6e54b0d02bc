#pragma once

#include "emulator/serviceerror.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace emulator {

// Reads the members of one request body the way the service's front end does. A member of the
// wrong JSON type is a SerializationException (the first one found); constraint violations are
// collected and reported together as one ValidationException in the service's words:
// "1 validation error detected: Value 'a b' at 'inferenceSchedulerName' failed to satisfy
// constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z_-]{1,200}$".
// JSON null counts as absent; unknown members are ignored.
class InputReader {
public:
    explicit InputReader(const QJsonObject &body)
        : m_body(body)
    {
    }

    enum class Presence { Required, Optional };
    // InferenceSchedulerIdentifier / ModelName: 1..200 of [0-9a-zA-Z_-]. A Required member that is
    // absent or null is a violation.
    std::optional<QString> identifier(QLatin1StringView member, Presence presence);
    // NextToken: at most 8192 ASCII characters.
    std::optional<QString> nextToken(QLatin1StringView member);
    // MaxResults: an integer in 1..500.
    std::optional<int> maxResults(QLatin1StringView member);
    std::optional<QString> enumValue(
        QLatin1StringView member, std::initializer_list<QLatin1StringView> allowed);
    // Timestamp: epoch seconds as a JSON number; returns epoch microseconds.
    std::optional<qint64> timestamp(
        QLatin1StringView member, Presence presence = Presence::Optional);

    // SerializationException first, then ValidationException; nullopt when all was well.
    std::optional<ServiceError> error() const;

    static bool isIdentifier(QStringView text);

private:
    std::optional<QString> string(QLatin1StringView member);
    void violation(
        QLatin1StringView member, const QString &quotedValue, QLatin1StringView constraint);
    void typeError(QLatin1StringView member, QLatin1StringView expected, const QJsonValue &value);

    QJsonObject m_body;
    QString m_serializationError;
    QStringList m_violations;
};

} // namespace emulator
