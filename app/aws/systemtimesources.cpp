// The production implementations of the AwsJsonClient's injectable clock, jitter and timers.
#include "aws/awsjsonclient.h"

#include <QRandomGenerator>
#include <QTimer>

namespace aws {

namespace {

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

class SystemRandomSource final : public RandomSource {
public:
    double uniform01() override { return QRandomGenerator::global()->generateDouble(); }
};

class QtTimerScheduler final : public DelayScheduler {
public:
    void runAfter(
        std::chrono::milliseconds delay, QObject *context, std::function<void()> task) override
    {
        QTimer::singleShot(delay, context, std::move(task));
    }
};

} // namespace

std::shared_ptr<Clock> Clock::system()
{
    return std::make_shared<SystemClock>();
}

std::shared_ptr<RandomSource> RandomSource::system()
{
    return std::make_shared<SystemRandomSource>();
}

std::shared_ptr<DelayScheduler> DelayScheduler::qtTimers()
{
    return std::make_shared<QtTimerScheduler>();
}

} // namespace aws
