#pragma once

#include <QDateTime>

#include <atomic>

namespace emulator {

// Where the emulator reads the time: signature windows, state transitions, churn and
// execution history all follow it, so tests and demos can drive time by hand.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that moves only when told to. Safe to set from one thread while the emulator reads it
// on another.
class ManualClock final : public Clock {
public:
    explicit ManualClock(const QDateTime &start)
        : m_msecs(start.toMSecsSinceEpoch())
    {
    }
    QDateTime now() const override
    {
        return QDateTime::fromMSecsSinceEpoch(m_msecs.load(std::memory_order_relaxed), Qt::UTC);
    }
    void set(const QDateTime &time)
    {
        m_msecs.store(time.toMSecsSinceEpoch(), std::memory_order_relaxed);
    }
    void advance(std::chrono::milliseconds by)
    {
        m_msecs.fetch_add(by.count(), std::memory_order_relaxed);
    }

private:
    std::atomic<qint64> m_msecs;
};

} // namespace emulator
