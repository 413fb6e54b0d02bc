#include "aws/awserror.h"

namespace aws {

namespace {
QString endpointText(const QUrl &endpoint)
{
    return endpoint.toString(QUrl::RemoveUserInfo);
}

QString operationClause(const QString &operation)
{
    return operation.isEmpty() ? QString()
                               : QStringLiteral("calling the %1 operation").arg(operation);
}

// " (clause: detail)", " (clause)", " (detail)" or nothing, for whichever parts there are.
QString parenthesised(const QString &clause, const QString &detail)
{
    if (clause.isEmpty() && detail.isEmpty())
        return QString();
    if (clause.isEmpty() || detail.isEmpty())
        return QStringLiteral(" (%1)").arg(clause.isEmpty() ? detail : clause);
    return QStringLiteral(" (%1: %2)").arg(clause, detail);
}
} // namespace

QString AwsError::toString() const
{
    const QString where = endpointText(endpoint);
    switch (kind) {
    case Kind::Service: {
        // botocore counts retries, not attempts, in "(reached max retries: N)".
        const QString retries = retriesExhausted
            ? QStringLiteral(" (reached max retries: %1)").arg(attempts > 0 ? attempts - 1 : 0)
            : QString();
        return QStringLiteral("An error occurred (%1) when calling the %2 operation%3: %4")
            .arg(code.isEmpty() ? QString::number(httpStatus) : code, operation, retries, message);
    }
    case Kind::Network:
        if (httpStatus != 0) {
            // The endpoint answered, then the connection broke before the body was complete.
            return QStringLiteral("The connection to \"%1\" broke while reading the HTTP %2 "
                                  "response to the %3 operation: %4")
                .arg(where, QString::number(httpStatus), operation, message);
        }
        return QStringLiteral("Could not connect to the endpoint URL: \"%1\"").arg(where)
            + parenthesised(operationClause(operation), message);
    case Kind::Timeout:
        if (message.isEmpty() && operation.isEmpty())
            return QStringLiteral("Read timeout on endpoint URL: \"%1\"").arg(where);
        return QStringLiteral("Timed out on endpoint URL: \"%1\"").arg(where)
            + parenthesised(operationClause(operation), message);
    case Kind::Tls:
        return QStringLiteral("SSL validation failed for %1").arg(where)
            + parenthesised(operationClause(operation), message);
    case Kind::TooLarge:
        return QStringLiteral("The HTTP %1 response to the %2 operation from \"%3\" was larger "
                              "than the limit: %4")
            .arg(QString::number(httpStatus), operation, where, message);
    case Kind::BadResponse:
        return QStringLiteral("Bad response to the %1 operation from \"%2\" (HTTP %3): %4")
            .arg(operation, where, QString::number(httpStatus), message);
    case Kind::InvalidParameter:
        return QStringLiteral("Parameter validation failed:\n%1").arg(message);
    case Kind::Credentials:
    case Kind::Configuration:
    case Kind::Cancelled:
        return message;
    }
    return message;
}

int AwsError::exitCode() const
{
    switch (kind) {
    case Kind::Service:
        return 254;
    case Kind::InvalidParameter:
        return 252;
    case Kind::Credentials:
    case Kind::Configuration:
        return 253;
    case Kind::Cancelled:
        return 130;
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Tls:
    case Kind::TooLarge:
    case Kind::BadResponse:
        return 255;
    }
    return 255;
}

QString AwsError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Service:
        return QStringLiteral("service");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::TooLarge:
        return QStringLiteral("too-large");
    case Kind::BadResponse:
        return QStringLiteral("bad-response");
    case Kind::InvalidParameter:
        return QStringLiteral("invalid-parameter");
    case Kind::Credentials:
        return QStringLiteral("credentials");
    case Kind::Configuration:
        return QStringLiteral("configuration");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace aws
