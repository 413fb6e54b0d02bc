#pragma once

#include <QDateTime>

#include <atomic>
#include <chrono>
#include <memory>

namespace core {

// Where time is read: signing, freshness, backoff, the emulator's state transitions. The system
// clock in production; tests and demos move a ManualClock by hand.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
    static std::shared_ptr<const Clock> system();
};

// A clock that moves only when told to. Safe to move on one thread while another reads it.
class ManualClock final : public Clock {
public:
    explicit ManualClock(const QDateTime &start);
    QDateTime now() const override;
    void set(const QDateTime &time);
    void advance(std::chrono::milliseconds by);

private:
    std::atomic<qint64> m_msecs;
};

} // namespace core
