#pragma once

#include "emulator/fleet.h"

#include <chrono>

namespace emulator {

struct ChurnConfig {
    bool enabled = false;
    std::chrono::milliseconds interval { 5000 }; // one round of changes per interval of clock time
    double changePercent = 2.0; // share of the fleet touched per round (at least one)
    quint64 seed = 1;

    QString validate() const; // empty when valid
};

// Makes a fleet look alive: every interval of clock time, a seeded round of changes. A RUNNING
// scheduler touched flips its LatestInferenceResult (85 %) or is stopped (15 %); a STOPPED one is
// started (60 %). Stops and starts go through the fleet's normal PENDING / STOPPING transitions.
// Round n depends only on the seed and n, and is applied at its own time start + n × interval,
// so the fleet at a given clock time is the same however often it is looked at.
class Churn {
public:
    Churn(const ChurnConfig &config, qint64 start)
        : m_config(config)
        , m_start(start)
    {
    }

    // Applies every round due by now (and the transitions due before each).
    void advance(Fleet &fleet, qint64 now);
    qint64 roundsApplied() const { return m_rounds; }

    // A clock jump larger than this many rounds skips the excess instead of replaying it.
    static constexpr qint64 kMaxCatchUpRounds = 100'000;

private:
    void applyRound(Fleet &fleet, qint64 round, qint64 at);

    ChurnConfig m_config;
    qint64 m_start;
    qint64 m_rounds = 0;
};

} // namespace emulator
