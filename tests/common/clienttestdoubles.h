#pragma once

#include "aws/retrystrategy.h"
#include "core/clock.h"
#include "core/timer.h"

#include <QList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace testsupport {

// Jitter that is always the same number.
class FixedRandomSource final : public aws::RandomSource {
public:
    explicit FixedRandomSource(double value)
        : m_value(value)
    {
    }
    double uniform01() override { return m_value; }

private:
    double m_value;
};

// Timers for the JSON client's backoff: each records its delay and runs its task from the event
// loop at once; when given a manual clock, moves it forward by the delay, as if the wait had
// happened.
class RecordingTimers {
public:
    explicit RecordingTimers(std::shared_ptr<core::ManualClock> clock = nullptr)
        : m_state(std::make_shared<State>())
    {
        m_state->clock = std::move(clock);
    }

    core::TimerFactory factory() const
    {
        return [state = m_state] { return std::make_unique<Timer>(state); };
    }
    const QList<std::chrono::milliseconds> &delays() const { return m_state->delays; }

private:
    struct State {
        std::shared_ptr<core::ManualClock> clock;
        QList<std::chrono::milliseconds> delays;
    };

    class Timer final : public core::Timer {
    public:
        explicit Timer(std::shared_ptr<State> state)
            : m_state(std::move(state))
        {
            m_timer.setSingleShot(true);
        }
        void start(std::chrono::milliseconds delay, std::function<void()> task) override
        {
            m_state->delays.append(delay);
            if (m_state->clock)
                m_state->clock->advance(delay);
            QObject::disconnect(&m_timer, nullptr, nullptr, nullptr);
            QObject::connect(&m_timer, &QTimer::timeout, std::move(task));
            m_timer.start(0);
        }
        void stop() override { m_timer.stop(); }
        bool isActive() const override { return m_timer.isActive(); }

    private:
        std::shared_ptr<State> m_state;
        QTimer m_timer;
    };

    std::shared_ptr<State> m_state;
};

} // namespace testsupport
