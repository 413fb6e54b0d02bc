#include "aws/retrystrategy.h"

#include <QLatin1StringView>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cmath>

namespace aws {

namespace retrystrategy {

bool isRetryableStatus(int httpStatus)
{
    switch (httpStatus) {
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        return true;
    default:
        return false;
    }
}

bool isRetryableErrorCode(QStringView code)
{
    static constexpr std::array<QLatin1StringView, 7> kCodes = {
        QLatin1StringView("ThrottlingException"),
        QLatin1StringView("Throttling"),
        QLatin1StringView("TooManyRequestsException"),
        QLatin1StringView("RequestLimitExceeded"),
        QLatin1StringView("RequestTimeout"),
        QLatin1StringView("RequestTimeoutException"),
        QLatin1StringView("PriorRequestNotComplete"),
    };
    return std::any_of(
        kCodes.begin(), kCodes.end(), [code](QLatin1StringView known) { return code == known; });
}

bool isRetryable(const AwsError &error)
{
    switch (error.kind) {
    case AwsError::Kind::Network:
    case AwsError::Kind::Timeout:
        return true;
    case AwsError::Kind::Service:
    case AwsError::Kind::BadResponse:
        return isRetryableStatus(error.httpStatus) || isRetryableErrorCode(error.code);
    case AwsError::Kind::Tls:
    case AwsError::Kind::TooLarge:
    case AwsError::Kind::InvalidParameter:
    case AwsError::Kind::Credentials:
    case AwsError::Kind::Configuration:
    case AwsError::Kind::Cancelled:
        return false;
    }
    return false;
}

int retryCost(const AwsError &error)
{
    return error.kind == AwsError::Kind::Timeout ? kTimeoutRetryCost : kRetryCost;
}

std::chrono::milliseconds backoffDelay(int retryNumber, double random01)
{
    const int n = std::max(retryNumber, 1);
    // 2^(n-1) s passes the 20 s cap from n = 6 on; stop doubling there so large n cannot overflow.
    const double ceilingMs = n > 6
        ? double(kMaxBackoff.count())
        : std::min(std::ldexp(1000.0, n - 1), double(kMaxBackoff.count()));
    const double factor = std::isfinite(random01) ? std::clamp(random01, 0.0, 1.0) : 0.0;
    return std::chrono::milliseconds(std::llround(std::floor(factor * ceilingMs)));
}

} // namespace retrystrategy

namespace {

class SystemRandomSource final : public RandomSource {
public:
    double uniform01() override { return QRandomGenerator::global()->generateDouble(); }
};

} // namespace

std::shared_ptr<RandomSource> RandomSource::system()
{
    return std::make_shared<SystemRandomSource>();
}

bool RetryQuota::tryAcquire(int cost)
{
    if (cost > m_available)
        return false;
    m_available -= cost;
    return true;
}

void RetryQuota::release(int amount)
{
    m_available = std::min(kInitialTokens, m_available + std::max(amount, 0));
}

} // namespace aws
