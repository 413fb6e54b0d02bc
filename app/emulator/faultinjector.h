#pragma once

#include "emulator/seededrandom.h"

#include <QByteArray>
#include <QString>

#include <chrono>

namespace emulator {

// Faults on demand, each a percentage of the requests that pass authentication and validation.
// The four rates partition one draw per request, so they must add up to at most 100.
struct FaultConfig {
    double throttlingPercent = 0; // 429 ThrottlingException "Rate exceeded"
    double internalErrorPercent = 0; // 500 InternalServerException
    double malformedPercent = 0; // 200 with a broken body (truncated JSON, HTML, wrong types)
    double slowPercent = 0; // the normal answer, held back by slowDelay
    std::chrono::milliseconds slowDelay { 3000 };
    quint64 seed = 1;

    // totalPercent spread as the service's own failures tend to come: 40 % throttling, 30 %
    // internal errors, 20 % slowness, 10 % malformed bodies.
    static FaultConfig mixed(double totalPercent, quint64 seed = 1);
    // Empty when valid; otherwise what is wrong ("throttling percent must be within 0..100").
    QString validate() const;
    bool any() const;
};

enum class Fault { None, Throttling, InternalError, Malformed, Slow };

class FaultInjector {
public:
    explicit FaultInjector(const FaultConfig &config)
        : m_config(config)
        , m_random(config.seed)
    {
    }

    const FaultConfig &config() const { return m_config; }
    Fault draw();
    // A body a client must reject: one of three corruptions, chosen by the seeded generator.
    QByteArray corrupt(const QByteArray &body);

private:
    FaultConfig m_config;
    SeededRandom m_random;
};

} // namespace emulator
