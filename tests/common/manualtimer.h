#pragma once

#include "core/clock.h"
#include "core/timer.h"

#include <QTest>

#include <chrono>
#include <functional>
#include <memory>
#include <utility>

namespace testsupport {

// A timer the test fires by hand: fire() runs the pending task as if its delay had passed.
// Given a manual clock, fire() first moves the clock to the moment the task was due.
class ManualTimer final : public core::Timer {
public:
    explicit ManualTimer(std::shared_ptr<core::ManualClock> clock = nullptr)
        : m_clock(std::move(clock))
    {
    }

    void start(std::chrono::milliseconds delay, std::function<void()> task) override
    {
        m_delay = delay;
        if (m_clock)
            m_due = m_clock->now().addMSecs(delay.count());
        m_task = std::move(task);
    }
    void stop() override { m_task = {}; }
    bool isActive() const override { return bool(m_task); }

    std::chrono::milliseconds delay() const { return m_delay; }
    void fire()
    {
        QVERIFY2(isActive(), "fire() on a timer that is not running");
        if (m_clock)
            m_clock->set(m_due);
        std::exchange(m_task, {})();
    }

private:
    std::shared_ptr<core::ManualClock> m_clock;
    std::function<void()> m_task;
    std::chrono::milliseconds m_delay { 0 };
    QDateTime m_due;
};

} // namespace testsupport
