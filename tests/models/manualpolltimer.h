#pragma once

#include "models/schedulerdetailscontroller.h"

#include <chrono>
#include <functional>
#include <utility>

namespace testsupport {

// The details controller's re-poll timer, moved by hand: fire() runs the pending task as if its
// delay had passed. Shared by the controller and the view tests.
class ManualPollTimer final : public models::SchedulerDetailsController::PollTimer {
public:
    void start(std::chrono::milliseconds delay, std::function<void()> task) override
    {
        m_delay = delay;
        m_task = std::move(task);
    }
    void stop() override { m_task = {}; }
    bool isActive() const override { return bool(m_task); }

    void fire() { std::exchange(m_task, {})(); }
    std::chrono::milliseconds delay() const { return m_delay; }

private:
    std::function<void()> m_task;
    std::chrono::milliseconds m_delay { 0 };
};

} // namespace testsupport
