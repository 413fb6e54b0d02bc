#pragma once

#include "aws/awsjsonclient.h"

#include <QDateTime>
#include <QList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace testsupport {

// A clock that stands still until told to move.
class FakeClock final : public aws::Clock {
public:
    explicit FakeClock(QDateTime now)
        : m_now(std::move(now))
    {
    }
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advance(std::chrono::milliseconds by) { m_now = m_now.addMSecs(by.count()); }

private:
    QDateTime m_now;
};

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

// Records each backoff delay and runs the task from the event loop at once; when given a fake
// clock, moves it forward by the delay, as if the wait had happened.
class RecordingDelayScheduler final : public aws::DelayScheduler {
public:
    explicit RecordingDelayScheduler(std::shared_ptr<FakeClock> clock = nullptr)
        : m_clock(std::move(clock))
    {
    }

    void runAfter(
        std::chrono::milliseconds delay, QObject *context, std::function<void()> task) override
    {
        m_delays.append(delay);
        if (m_clock)
            m_clock->advance(delay);
        QTimer::singleShot(0, context, std::move(task));
    }
    const QList<std::chrono::milliseconds> &delays() const { return m_delays; }

private:
    std::shared_ptr<FakeClock> m_clock;
    QList<std::chrono::milliseconds> m_delays;
};

} // namespace testsupport
