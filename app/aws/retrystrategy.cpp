#include "aws/retrystrategy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace aws {

namespace retrystrategy {

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
