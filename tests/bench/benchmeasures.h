#pragma once

// What the window benchmarks measure with, in one place: GUI-thread CPU time, resident memory,
// medians, the GUI thread's worst stall, a wait that sleeps in the event loop, one measured step
// of a window (measureStep()), the --runs option and the table of results with their targets.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QList>
#include <QStringList>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <functional>
#include <memory>
#include <unistd.h>
#include <utility>

namespace bench {

// CPU time of the calling thread, in milliseconds.
inline double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// The process's resident memory (statm), in MiB; -1 when unreadable.
inline double residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return -1;
    return double(fields[1].toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// The median of doubles (the mean of the middle two for an even count); 0 when empty.
template<typename Values> double median(Values values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// The worst lateness of a 5 ms timer while it runs: how long the GUI thread was unavailable. On
// a loaded machine that includes time the GUI thread waited for a core (the in-process emulators'
// threads compete for it); busiestMs() is the GUI thread's own CPU time between two ticks at
// most, the part the application controls.
class StallWatchdog {
public:
    StallWatchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            m_worst = std::max(m_worst, double(now - m_last) / 1e6 - 5.0);
            m_busiest = std::max(m_busiest, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_worst = 0;
        m_busiest = 0;
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuMs();
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return std::max(0.0, m_worst);
    }
    double busiestMs() const { return m_busiest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_lastCpu = 0;
    double m_worst = 0;
    double m_busiest = 0;
};

// Sleeps in the event loop as the application does, so that the GUI thread's CPU time counts the
// work measured and not a loop polling for its end (processEvents() with a time limit returns at
// once when nothing is pending). A timer wakes the loop to check.
inline bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60'000)
{
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer wake;
    wake.start(5);
    while (!condition()) {
        if (elapsed.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Lets the GUI thread finish what it was set to do: an item view lays itself out on a zero-time
// timer after its model's layout changed, and paints on a posted update request, each in its own
// pass of the event loop. Without it, work left over from one step (a keystroke's re-filter, a
// re-sort) would be counted in the next step's time.
inline void finishPendingLayoutAndPaint()
{
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::processEvents();
}

// What one step of a window cost: wall time, GUI-thread CPU time and the GUI thread's worst stall.
struct StepCost {
    double wallMs = -1; // -1: the step did not end within the wait
    double cpuMs = 0;
    double stallMs = 0;
    double busiestMs = 0; // the GUI thread's CPU time between two watchdog ticks at most
    double firstFrameMs = -1; // StallFrom::FirstFrame: wall time until the window's first frame
};

// Where the stall watchdog starts: with the step, once `start` has returned (building a window
// is not a stall of a running one), or once the window has painted its first frame (until then
// nothing is on screen that could stall; the time to that frame is startup, reported apart).
enum class StallFrom { Start, AfterStart, FirstFrame };

// Calls `painted` once, after the first frame of `window` (its first paint event, and then the
// rest of that pass of the event loop) has been painted.
class FirstFrameWatch : public QObject {
public:
    FirstFrameWatch(QObject *window, std::function<void()> painted)
        : m_painted(std::move(painted))
    {
        window->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_painted) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, std::exchange(m_painted, nullptr));
        }
        return false;
    }

private:
    std::function<void()> m_painted;
};

// One measured step: `start` begins it, the event loop runs until `done`, and `settle` finishes
// what the step left to lay out and paint. Wall and CPU time count from before `start`.
// With StallFrom::FirstFrame, `window` is the window `start` shows.
inline StepCost measureStep(const std::function<void()> &start, const std::function<bool()> &done,
    const std::function<void()> &settle = finishPendingLayoutAndPaint,
    StallFrom stallFrom = StallFrom::Start, const std::function<QObject *()> &window = {})
{
    StepCost cost;
    StallWatchdog watchdog;
    QElapsedTimer wall;
    wall.start();
    const double cpuStart = threadCpuMs();
    if (stallFrom == StallFrom::Start)
        watchdog.start();
    start();
    if (stallFrom == StallFrom::AfterStart)
        watchdog.start();
    std::unique_ptr<FirstFrameWatch> firstFrame;
    if (stallFrom == StallFrom::FirstFrame) {
        firstFrame = std::make_unique<FirstFrameWatch>(window(), [&] {
            cost.firstFrameMs = double(wall.nsecsElapsed()) / 1e6;
            watchdog.start();
        });
    }
    const bool ended = waitFor(done);
    if (ended)
        settle();
    cost.cpuMs = threadCpuMs() - cpuStart;
    cost.stallMs = watchdog.stop();
    cost.busiestMs = watchdog.busiestMs();
    if (ended)
        cost.wallMs = double(wall.nsecsElapsed()) / 1e6;
    return cost;
}

// The number of runs from `--runs N` on the command line; `fallback` without it.
inline int runsFromArguments(int fallback = 5)
{
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype at = arguments.indexOf(QStringLiteral("--runs"));
    if (at < 0 || at + 1 >= arguments.size())
        return fallback;
    return std::max(1, arguments[at + 1].toInt());
}

// One line of a benchmark's results.
struct ResultRow {
    const char *what;
    double value;
    double target; // < 0: none
    const char *unit;
};

// Prints the rows, each with its target and MISSED where it is over; false when any is.
inline bool printResults(QTextStream &out, const QList<ResultRow> &rows)
{
    bool ok = true;
    for (const ResultRow &row : rows) {
        const bool met = row.target < 0 || row.value <= row.target;
        ok = ok && met;
        const QString unit = QString::fromLatin1(row.unit);
        out << QStringLiteral("%1 %2 %3%4%5\n")
                   .arg(QString::fromLatin1(row.what), -46)
                   .arg(row.value, 8, 'f', 1)
                   .arg(unit)
                   .arg(row.target < 0
                           ? QString()
                           : QStringLiteral(" (target %1 %2)").arg(row.target).arg(unit))
                   .arg(met ? QString() : QStringLiteral("  MISSED"));
    }
    return ok;
}

} // namespace bench
