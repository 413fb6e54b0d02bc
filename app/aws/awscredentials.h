#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace aws {

// A set of AWS credentials. secretAccessKey and sessionToken are secrets: they are never
// logged, printed, written to settings or put into error texts (see redactedDescription()).
struct AwsCredentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // empty when there is none
    std::optional<QDateTime> expiration; // absent for long-term keys
    QString source; // where they came from, for --debug and the GUI

    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    bool hasSessionToken() const { return !sessionToken.isEmpty(); }
    // True when the credentials expire before now + margin (never for long-term keys).
    bool expiresWithin(std::chrono::seconds margin, const QDateTime &now) const
    {
        return expiration && *expiration <= now.addSecs(margin.count());
    }
    // "AKID…1234 from environment": safe to log, shows no secret.
    QString redactedDescription() const
    {
        const QString shortKey = accessKeyId.size() > 8
            ? accessKeyId.left(4) + QStringLiteral("…") + accessKeyId.right(4)
            : QStringLiteral("****");
        return shortKey + QStringLiteral(" from ") + source;
    }
};

} // namespace aws
