#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace core {

// Runs one task after a delay, on the thread that made it; starting again replaces the pending
// task, and destroying the timer drops it. A QTimer in production; tests fire one by hand.
class Timer {
public:
    virtual ~Timer() = default;
    virtual void start(std::chrono::milliseconds delay, std::function<void()> task) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
};

// Coarse timers may fire up to 5% late and save wake-ups: right for intervals of seconds or
// minutes. Precise ones fire on the millisecond: right for backoff and short polls.
enum class TimerPrecision { Precise, Coarse };

std::unique_ptr<Timer> makeQtTimer(TimerPrecision precision = TimerPrecision::Precise);

// Makes the timers of an object that needs one per task in flight (one per call, say).
using TimerFactory = std::function<std::unique_ptr<Timer>()>;
TimerFactory qtTimers();

} // namespace core
