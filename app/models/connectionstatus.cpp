#include "models/connectionstatus.h"

#include "models/timetext.h"

#include <QCoreApplication>

namespace models {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::ConnectionStatus)
};

const QString kSeparator = QStringLiteral(" · ");

// "12:03:05 (20 s ago)".
QString whenText(const QDateTime &then, const QDateTime &now)
{
    return Text::tr("%1 (%2)").arg(clockTimeText(then), relativeAgeText(then, now));
}

QString labelOf(const QList<ConnectionStatus> &connections, qsizetype index)
{
    const QString &label = connections.at(index).label;
    return label.isEmpty() ? Text::tr("connection %1").arg(index + 1) : label;
}

} // namespace

QString shortReason(const aws::AwsError &error)
{
    using Kind = aws::AwsError::Kind;
    switch (error.kind) {
    case Kind::Service:
        if (!error.code.isEmpty())
            return error.code;
        return error.httpStatus > 0 ? Text::tr("HTTP %1").arg(error.httpStatus)
                                    : Text::tr("service error");
    case Kind::Network:
        return Text::tr("network error");
    case Kind::Timeout:
        return Text::tr("timed out");
    case Kind::Tls:
        return Text::tr("TLS error");
    case Kind::TooLarge:
        return Text::tr("answer too large");
    case Kind::BadResponse:
        return Text::tr("unreadable answer");
    case Kind::InvalidParameter:
        return Text::tr("invalid parameter");
    case Kind::Credentials:
        return Text::tr("no usable credentials");
    case Kind::Configuration:
        return Text::tr("configuration error");
    case Kind::Cancelled:
        return Text::tr("cancelled");
    }
    return Text::tr("error");
}

QString connectionsSummaryText(const QList<ConnectionStatus> &connections, const QDateTime &now)
{
    int answering = 0;
    int connecting = 0;
    QList<qsizetype> failing;
    QDateTime leastRecent;
    for (qsizetype i = 0; i < connections.size(); ++i) {
        const ConnectionStatus &connection = connections.at(i);
        switch (connection.state) {
        case ConnectionStatus::State::Answering:
            ++answering;
            if (connection.lastRefreshed.isValid()
                && (!leastRecent.isValid() || connection.lastRefreshed < leastRecent))
                leastRecent = connection.lastRefreshed;
            break;
        case ConnectionStatus::State::Connecting:
            ++connecting;
            break;
        case ConnectionStatus::State::Failing:
            failing.append(i);
            break;
        }
    }
    QStringList parts { Text::tr("%n connections", nullptr, int(connections.size())),
        Text::tr("%n answering", nullptr, answering) };
    if (leastRecent.isValid())
        parts.append(Text::tr("updated %1").arg(relativeAgeText(leastRecent, now)));
    if (connecting > 0)
        parts.append(Text::tr("%n connecting", nullptr, connecting));
    if (failing.size() == 1) {
        parts.append(Text::tr("%1 failing: %2")
                         .arg(labelOf(connections, failing.front()),
                             connections.at(failing.front()).reason));
    } else if (failing.size() > 1) {
        parts.append(Text::tr("%n failing", nullptr, int(failing.size())));
    }
    return parts.join(kSeparator);
}

QString connectionStateText(const ConnectionStatus &connection, const QDateTime &now)
{
    switch (connection.state) {
    case ConnectionStatus::State::Answering:
        return connection.lastRefreshed.isValid()
            ? Text::tr("answering, updated %1").arg(whenText(connection.lastRefreshed, now))
            : Text::tr("answering");
    case ConnectionStatus::State::Failing:
        return connection.lastRefreshed.isValid()
            ? Text::tr("failing, last updated %1: %2")
                  .arg(whenText(connection.lastRefreshed, now), connection.problem)
            : Text::tr("failing, never updated: %1").arg(connection.problem);
    case ConnectionStatus::State::Connecting:
        break;
    }
    return Text::tr("connecting");
}

QStringList connectionStatusLines(const QList<ConnectionStatus> &connections, const QDateTime &now)
{
    QStringList lines;
    lines.reserve(connections.size());
    for (qsizetype i = 0; i < connections.size(); ++i) {
        lines.append(Text::tr("%1: %2").arg(
            labelOf(connections, i), connectionStateText(connections.at(i), now)));
    }
    return lines;
}

} // namespace models
