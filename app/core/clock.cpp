#include "core/clock.h"

namespace core {

namespace {

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace

std::shared_ptr<const Clock> Clock::system()
{
    static const auto clock = std::make_shared<const SystemClock>();
    return clock;
}

ManualClock::ManualClock(const QDateTime &start)
    : m_msecs(start.toMSecsSinceEpoch())
{
}

QDateTime ManualClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(m_msecs.load(std::memory_order_relaxed), Qt::UTC);
}

void ManualClock::set(const QDateTime &time)
{
    m_msecs.store(time.toMSecsSinceEpoch(), std::memory_order_relaxed);
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    m_msecs.fetch_add(by.count(), std::memory_order_relaxed);
}

} // namespace core
