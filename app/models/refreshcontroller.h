#pragma once

#include "core/clock.h"
#include "core/timer.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

// When the fleet is refreshed. It asks for a refresh (refreshRequested) and is told how it ended
// (refreshFinished); it never talks to the network itself.
//
// - Intervals: Off (0) or any number of seconds; 10 s, 30 s (the default), 1 min and 5 min are the
//   ones offered. A new interval applies at once: the next refresh is due one new interval after
//   the last one finished, and runs at once when that moment has already passed.
// - Pause stops automatic refreshes without forgetting the interval; manual ones still run.
// - While the window is hidden or minimized nothing is polled; when it is shown again a refresh
//   that fell due meanwhile runs at once, one only.
// - Never more than one refresh in flight: a request while one runs is refused.
// - Throttling: each throttled refresh doubles the interval, up to 5 minutes (or the interval
//   itself when that is longer); the first success returns to the chosen interval.
// - Suspend and clock jumps: the interval timer counts monotonic time, which stands still while
//   the machine sleeps. A clock watch (watchClock()) looks at the wall clock every kClockWatch
//   while a refresh is scheduled and starts it at once when its due time has passed meanwhile,
//   so a wall screen woken from suspend refreshes within seconds, not an interval later; a
//   refresh that fails marks the tiles stale and the next one, an interval later, recovers.
// The clock and the timers are injected, so tests drive time by hand.
namespace models {

class RefreshController : public QObject {
    Q_OBJECT

public:
    enum class Outcome {
        Success,
        Throttled, // the service refused for its rate (ThrottlingException, HTTP 429, …)
        Failed, // any other failure
    };
    Q_ENUM(Outcome)

    static constexpr std::chrono::seconds kDefaultInterval { 30 };
    static constexpr std::chrono::seconds kMaxBackoff { 300 };
    static constexpr std::chrono::seconds kClockWatch { 5 };
    // Off, 10 s, 30 s, 1 min, 5 min: what the interval picker offers.
    static QList<std::chrono::seconds> standardIntervals();

    explicit RefreshController(QObject *parent = nullptr);
    RefreshController(std::shared_ptr<const core::Clock> clock, std::unique_ptr<core::Timer> timer,
        QObject *parent = nullptr);
    ~RefreshController() override;

    // Watches the wall clock with `watch` from now on (see above); without one, none is watched.
    void watchClock(std::unique_ptr<core::Timer> watch);

    // 0 turns automatic refreshing off. Negative values count as 0.
    void setInterval(std::chrono::seconds interval);
    std::chrono::seconds interval() const { return m_interval; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setWindowVisible(bool visible);
    bool isWindowVisible() const { return m_visible; }

    // A refresh now (F5, Retry, a new connection): emits refreshRequested unless one is in
    // flight, in which case nothing happens and false is returned.
    bool refreshNow();
    // How the requested refresh ended; schedules the next one.
    void refreshFinished(Outcome outcome);
    // The next automatic refresh after the one in flight (or the next one to finish) comes
    // `offset` later than the interval alone puts it, once: connections sharing one interval
    // spread their requests over it instead of firing together.
    void setPhaseOffset(std::chrono::milliseconds offset);

    // The refresh in flight was dropped (another connection): forgets it and the backoff; the
    // next automatic refresh is one interval from now (refreshNow() starts one sooner).
    void cancel();

    bool isRefreshing() const { return m_refreshing; }
    bool isAutomatic() const { return m_interval.count() > 0 && !m_paused; }
    // Consecutive throttled refreshes; 0 when not backing off.
    int throttledCount() const { return m_throttled; }
    bool isBackingOff() const { return m_throttled > 0; }
    // The interval in force: the chosen one, doubled per throttled refresh, capped.
    std::chrono::seconds effectiveInterval() const;
    // When the next automatic refresh is due (UTC), invalid when none is (off, paused, in flight).
    QDateTime nextRefreshAt() const;
    std::shared_ptr<const core::Clock> clock() const { return m_clock; }

signals:
    // Start a refresh now and report with refreshFinished().
    void refreshRequested();
    // Interval, pause, visibility, backoff, in-flight state or the next due time changed.
    void stateChanged();

private:
    void schedule();
    void start();
    // The refresh timer, then the clock watch if any.
    void stopTimers();
    void checkClock();
    qint64 nowMs() const;

    std::shared_ptr<const core::Clock> m_clock;
    std::unique_ptr<core::Timer> m_timer;
    std::unique_ptr<core::Timer> m_watch;
    std::chrono::seconds m_interval = kDefaultInterval;
    bool m_paused = false;
    bool m_visible = true;
    bool m_refreshing = false;
    int m_throttled = 0;
    qint64 m_lastFinished = -1; // ms since the epoch; -1 before the first refresh ended
    qint64 m_nextDue = -1; // ms since the epoch; -1 when nothing is scheduled
    qint64 m_phaseOffset = 0; // ms added once to the end of the next refresh to finish
};

} // namespace models
