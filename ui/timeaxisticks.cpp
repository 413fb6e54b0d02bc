#include "ui/timeaxisticks.h"

#include "results/resultstime.h"

#include <QDateTime>
#include <QLocale>

#include <array>

namespace ui {

namespace {

using results::kMicrosecondsPerDay;
using results::kMicrosecondsPerHour;
using results::kMicrosecondsPerMinute;

enum class Unit { Fixed, Month };

struct Step {
    Unit unit;
    qint64 length; // microseconds for Fixed, months for Month
};

constexpr std::array kSteps {
    Step { Unit::Fixed, kMicrosecondsPerMinute },
    Step { Unit::Fixed, 5 * kMicrosecondsPerMinute },
    Step { Unit::Fixed, 15 * kMicrosecondsPerMinute },
    Step { Unit::Fixed, 30 * kMicrosecondsPerMinute },
    Step { Unit::Fixed, kMicrosecondsPerHour },
    Step { Unit::Fixed, 3 * kMicrosecondsPerHour },
    Step { Unit::Fixed, 6 * kMicrosecondsPerHour },
    Step { Unit::Fixed, 12 * kMicrosecondsPerHour },
    Step { Unit::Fixed, kMicrosecondsPerDay },
    Step { Unit::Fixed, 2 * kMicrosecondsPerDay },
    Step { Unit::Fixed, 7 * kMicrosecondsPerDay },
    Step { Unit::Month, 1 },
    Step { Unit::Month, 3 },
    Step { Unit::Month, 6 },
    Step { Unit::Month, 12 },
    Step { Unit::Month, 60 },
};

// 1970-01-01 was a Thursday: weeks start on the Monday four days later.
constexpr qint64 kWeekOffset = 4 * kMicrosecondsPerDay;

QString labelFor(qint64 time, const Step &step, bool *major)
{
    const QDateTime when = results::toDateTime(time);
    const QLocale locale;
    if (step.unit == Unit::Month) {
        *major = when.date().month() == 1;
        return step.length >= 12 ? locale.toString(when.date(), QStringLiteral("yyyy"))
                                 : locale.toString(when.date(), QStringLiteral("MMM yyyy"));
    }
    const bool midnight = time % kMicrosecondsPerDay == 0;
    *major = midnight;
    if (step.length < kMicrosecondsPerDay && !midnight)
        return locale.toString(when.time(), QStringLiteral("HH:mm"));
    return locale.toString(when.date(), QStringLiteral("d MMM"));
}

// The widest label a step gives, for deciding whether it fits.
double sampleWidth(const Step &step, const QFontMetricsF &metrics)
{
    const QLocale locale;
    const QDate wide(2022, 9, 28);
    if (step.unit == Unit::Month)
        return metrics.horizontalAdvance(locale.toString(wide, QStringLiteral("MMM yyyy")));
    return qMax(metrics.horizontalAdvance(locale.toString(wide, QStringLiteral("d MMM"))),
        metrics.horizontalAdvance(QStringLiteral("00:00")));
}

qint64 floorTo(qint64 value, qint64 step, qint64 offset)
{
    const qint64 shifted = value - offset;
    qint64 result = shifted / step * step;
    if (result > shifted)
        result -= step;
    return result + offset;
}

} // namespace

std::vector<TimeTick> timeAxisTicks(
    qint64 from, qint64 to, double width, const QFontMetricsF &metrics)
{
    std::vector<TimeTick> ticks;
    if (to <= from || width <= 0)
        return ticks;
    const double pixelsPerMicrosecond = width / static_cast<double>(to - from);
    const double gap = 2 * metrics.averageCharWidth() + 8;
    const Step *chosen = &kSteps.back();
    for (const Step &step : kSteps) {
        const double approximate = step.unit == Unit::Fixed
            ? static_cast<double>(step.length)
            : static_cast<double>(step.length) * 28 * kMicrosecondsPerDay;
        if (approximate * pixelsPerMicrosecond >= sampleWidth(step, metrics) + gap) {
            chosen = &step;
            break;
        }
    }
    bool major = false;
    if (chosen->unit == Unit::Fixed) {
        const qint64 offset = chosen->length == 7 * kMicrosecondsPerDay ? kWeekOffset : 0;
        for (qint64 time = floorTo(from, chosen->length, offset); time < to;
             time += chosen->length) {
            if (time < from)
                continue;
            QString label = labelFor(time, *chosen, &major);
            ticks.push_back({ time, std::move(label), major });
        }
        return ticks;
    }
    const QDate first = results::toDateTime(from).date();
    const int months = static_cast<int>(chosen->length);
    const int index = first.year() * 12 + first.month() - 1;
    QDate date((index / months * months) / 12, (index / months * months) % 12 + 1, 1);
    for (; date.isValid(); date = date.addMonths(months)) {
        const qint64 time = results::fromDateTime(QDateTime(date, QTime(0, 0), Qt::UTC));
        if (time >= to)
            break;
        if (time < from)
            continue;
        QString label = labelFor(time, *chosen, &major);
        ticks.push_back({ time, std::move(label), major });
    }
    return ticks;
}

} // namespace ui
