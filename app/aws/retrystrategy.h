#pragma once

#include "aws/awserror.h"

#include <chrono>
#include <memory>

namespace aws {

// The AWS SDKs' "standard" retry mode (aws-conventions.md, "Retries"): how long to wait before
// another attempt, and what it costs from the retry quota.
namespace retrystrategy {

inline constexpr int kDefaultMaxAttempts = 3;
inline constexpr std::chrono::milliseconds kMaxBackoff { 20'000 };
inline constexpr int kRetryCost = 5;
inline constexpr int kTimeoutRetryCost = 10;
inline constexpr int kNoRetrySuccessRefund = 1;

// Which failures are retried is AwsError::isRetryable().
// Tokens a retry after `error` takes from the quota: 10 after a timeout, 5 otherwise.
int retryCost(const AwsError &error);
// Delay before retry n (n = 1 after the first attempt failed): random01 × min(2^(n-1) s, 20 s).
// random01 is clamped to [0, 1]; n below 1 counts as 1.
std::chrono::milliseconds backoffDelay(int retryNumber, double random01);

} // namespace retrystrategy

// Randomness for retry jitter; tests inject a fixed sequence.
class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual double uniform01() = 0; // in [0, 1)
    static std::shared_ptr<RandomSource> system();
};

// The client-wide retry quota of standard mode: retries draw tokens, successes put some back, and
// when the bucket cannot pay for a retry the call fails at once instead of adding load to an
// endpoint that is already failing.
class RetryQuota {
public:
    static constexpr int kInitialTokens = 500;

    // Takes `cost` tokens and returns true, or takes nothing and returns false when too few remain.
    bool tryAcquire(int cost);
    // Puts tokens back after a success, never above the initial capacity.
    void release(int amount);
    int available() const { return m_available; }

private:
    int m_available = kInitialTokens;
};

} // namespace aws
