#include "models/refreshcontroller.h"

#include <QLoggingCategory>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcRefresh, "lookoutdesk.models.refresh", QtWarningMsg)

namespace models {

QList<std::chrono::seconds> RefreshController::standardIntervals()
{
    using std::chrono::seconds;
    return { seconds(0), seconds(10), seconds(30), seconds(60), seconds(300) };
}

RefreshController::RefreshController(QObject *parent)
    : RefreshController(
        core::Clock::system(), core::makeQtTimer(core::TimerPrecision::Coarse), parent)
{
}

RefreshController::RefreshController(
    std::shared_ptr<const core::Clock> clock, std::unique_ptr<core::Timer> timer, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_timer(std::move(timer))
{
}

RefreshController::~RefreshController()
{
    // The timers' tasks refer to this object.
    stopTimers();
}

void RefreshController::stopTimers()
{
    m_timer->stop();
    if (m_watch)
        m_watch->stop();
}

void RefreshController::watchClock(std::unique_ptr<core::Timer> watch)
{
    stopTimers();
    m_watch = std::move(watch);
    schedule();
}

void RefreshController::checkClock()
{
    if (m_nextDue < 0 || !m_visible)
        return;
    if (nowMs() >= m_nextDue) {
        // The wall clock passed the due time before the monotonic timer did: the machine slept,
        // or the clock was set ahead.
        qCDebug(lcRefresh) << "due time passed while the timer waited: refreshing now";
        start();
        return;
    }
    m_watch->start(kClockWatch, [this] { checkClock(); });
}

qint64 RefreshController::nowMs() const
{
    return m_clock->now().toMSecsSinceEpoch();
}

void RefreshController::setInterval(std::chrono::seconds interval)
{
    interval = std::max(interval, std::chrono::seconds(0));
    if (interval == m_interval)
        return;
    m_interval = interval;
    qCDebug(lcRefresh) << "interval" << interval.count() << "s";
    schedule();
    emit stateChanged();
}

void RefreshController::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    schedule();
    emit stateChanged();
}

void RefreshController::setWindowVisible(bool visible)
{
    if (visible == m_visible)
        return;
    m_visible = visible;
    schedule();
    emit stateChanged();
}

std::chrono::seconds RefreshController::effectiveInterval() const
{
    if (m_throttled == 0 || m_interval.count() == 0)
        return m_interval;
    const std::chrono::seconds cap = std::max(kMaxBackoff, m_interval);
    std::chrono::seconds backedOff = m_interval;
    for (int i = 0; i < m_throttled && backedOff < cap; ++i)
        backedOff *= 2;
    return std::min(backedOff, cap);
}

QDateTime RefreshController::nextRefreshAt() const
{
    return m_nextDue < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(m_nextDue, Qt::UTC);
}

bool RefreshController::refreshNow()
{
    if (m_refreshing)
        return false;
    start();
    return true;
}

void RefreshController::start()
{
    stopTimers();
    m_nextDue = -1;
    m_refreshing = true;
    emit stateChanged();
    emit refreshRequested();
}

void RefreshController::refreshFinished(Outcome outcome)
{
    if (!m_refreshing)
        return;
    m_refreshing = false;
    // The interval is counted from here; a phase offset moves this refresh's place in it.
    m_lastFinished = nowMs() + std::exchange(m_phaseOffset, 0);
    switch (outcome) {
    case Outcome::Success:
        m_throttled = 0;
        break;
    case Outcome::Throttled:
        // effectiveInterval() stops doubling at the cap; the count only has to stay bounded.
        m_throttled = std::min(m_throttled + 1, 32);
        break;
    case Outcome::Failed:
        break;
    }
    qCDebug(lcRefresh) << "refresh finished" << outcome << "next in" << effectiveInterval().count()
                       << "s";
    schedule();
    emit stateChanged();
}

void RefreshController::setPhaseOffset(std::chrono::milliseconds offset)
{
    m_phaseOffset = std::max<qint64>(offset.count(), 0);
}

void RefreshController::cancel()
{
    m_refreshing = false;
    m_throttled = 0;
    m_lastFinished = nowMs();
    schedule();
    emit stateChanged();
}

void RefreshController::schedule()
{
    stopTimers();
    m_nextDue = -1;
    if (m_refreshing || !isAutomatic())
        return;
    const qint64 now = nowMs();
    const qint64 from = m_lastFinished < 0 ? now : m_lastFinished;
    m_nextDue
        = from + std::chrono::duration_cast<std::chrono::milliseconds>(effectiveInterval()).count();
    if (!m_visible)
        return; // becoming visible schedules again, and starts at once when due by then
    if (m_nextDue <= now) {
        start();
        return;
    }
    m_timer->start(std::chrono::milliseconds(m_nextDue - now), [this] { start(); });
    if (m_watch)
        m_watch->start(kClockWatch, [this] { checkClock(); });
}

} // namespace models
