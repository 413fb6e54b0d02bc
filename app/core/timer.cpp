#include "core/timer.h"

#include <QTimer>

#include <utility>

namespace core {

namespace {

class QtTimer final : public Timer {
public:
    explicit QtTimer(TimerPrecision precision)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(
            precision == TimerPrecision::Coarse ? Qt::CoarseTimer : Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            // The task may start the timer again; take it out first.
            const std::function<void()> task = std::exchange(m_task, {});
            if (task)
                task();
        });
    }
    void start(std::chrono::milliseconds delay, std::function<void()> task) override
    {
        m_task = std::move(task);
        m_timer.start(delay);
    }
    void stop() override
    {
        m_timer.stop();
        m_task = {};
    }
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
    std::function<void()> m_task;
};

} // namespace

std::unique_ptr<Timer> makeQtTimer(TimerPrecision precision)
{
    return std::make_unique<QtTimer>(precision);
}

TimerFactory qtTimers()
{
    return [] { return makeQtTimer(TimerPrecision::Precise); };
}

} // namespace core
