#include "aws/awserror.h"

#include "aws/endpointtarget.h"

#include <QLatin1StringView>

#include <algorithm>
#include <array>

namespace aws {

namespace {

// botocore retries/standard.py, ThrottledRetryableChecker: every code seen to mean throttling.
constexpr std::array kThrottlingCodes {
    QLatin1StringView("Throttling"),
    QLatin1StringView("ThrottlingException"),
    QLatin1StringView("ThrottledException"),
    QLatin1StringView("RequestThrottledException"),
    QLatin1StringView("TooManyRequestsException"),
    QLatin1StringView("ProvisionedThroughputExceededException"),
    QLatin1StringView("TransactionInProgressException"),
    QLatin1StringView("RequestLimitExceeded"),
    QLatin1StringView("BandwidthLimitExceeded"),
    QLatin1StringView("LimitExceededException"),
    QLatin1StringView("RequestThrottled"),
    QLatin1StringView("SlowDown"),
    QLatin1StringView("PriorRequestNotComplete"),
    QLatin1StringView("EC2ThrottledException"),
};

// botocore retries/standard.py, TransientRetryableChecker.
constexpr std::array kTransientCodes {
    QLatin1StringView("RequestTimeout"),
    QLatin1StringView("RequestTimeoutException"),
    QLatin1StringView("PriorRequestNotComplete"),
};

constexpr std::array kTransientStatuses { 500, 502, 503, 504 };

constexpr std::array kExpiredTokenCodes {
    QLatin1StringView("ExpiredToken"),
    QLatin1StringView("ExpiredTokenException"),
};

constexpr std::array kAccessDeniedCodes {
    QLatin1StringView("AccessDenied"),
    QLatin1StringView("AccessDeniedException"),
    QLatin1StringView("UnrecognizedClientException"),
    QLatin1StringView("InvalidClientTokenId"),
};

// aws-conventions.md, "Clock skew".
constexpr std::array kSignatureOrClockCodes {
    QLatin1StringView("InvalidSignatureException"),
    QLatin1StringView("SignatureDoesNotMatch"),
    QLatin1StringView("RequestExpired"),
    QLatin1StringView("RequestTimeTooSkewed"),
    QLatin1StringView("RequestInTheFuture"),
    QLatin1StringView("AuthFailure"),
};

constexpr std::array kNotFoundCodes {
    QLatin1StringView("ResourceNotFoundException"),
    QLatin1StringView("NoSuchBucket"), // S3
    QLatin1StringView("NoSuchKey"), // S3
};

template<std::size_t N>
bool serviceCodeIn(const AwsError &error, const std::array<QLatin1StringView, N> &codes)
{
    return error.kind == AwsError::Kind::Service
        && std::any_of(codes.begin(), codes.end(),
            [&](QLatin1StringView known) { return error.code == known; });
}

QString endpointText(const QUrl &endpoint)
{
    return aws::withoutUserInfo(endpoint);
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

bool AwsError::isThrottling() const
{
    return httpStatus == 429 || serviceCodeIn(*this, kThrottlingCodes);
}

bool AwsError::isExpiredToken() const
{
    return serviceCodeIn(*this, kExpiredTokenCodes);
}

bool AwsError::isAccessDenied() const
{
    return serviceCodeIn(*this, kAccessDeniedCodes);
}

bool AwsError::isSignatureOrClockProblem() const
{
    return serviceCodeIn(*this, kSignatureOrClockCodes);
}

bool AwsError::isNotFound() const
{
    return serviceCodeIn(*this, kNotFoundCodes);
}

bool AwsError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Service:
    case Kind::BadResponse:
        return isThrottling() || serviceCodeIn(*this, kTransientCodes)
            || std::find(kTransientStatuses.begin(), kTransientStatuses.end(), httpStatus)
            != kTransientStatuses.end();
    case Kind::Tls:
    case Kind::TooLarge:
    case Kind::InvalidParameter:
    case Kind::Credentials:
    case Kind::Configuration:
    case Kind::Cancelled:
        return false;
    }
    return false;
}

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
        return 253;
    case Kind::Configuration:
        // botocore's ConfigParseError is not one of the CLI's ConfigurationErrors.
        return setting == Setting::SharedFile ? 255 : 253;
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

AwsError AwsError::configuration(Setting setting, const QString &message)
{
    AwsError error;
    error.kind = Kind::Configuration;
    error.setting = setting;
    error.message = message;
    return error;
}

AwsError AwsError::profileNotFound(const QString &name)
{
    return configuration(
        Setting::Profile, QStringLiteral("The config profile (%1) could not be found").arg(name));
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
