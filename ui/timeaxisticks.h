#pragma once

#include <QFontMetricsF>
#include <QString>

#include <vector>

// The labelled ticks of a time axis in UTC, spaced to fit their labels: every few minutes or
// hours ("14:30", with the date at midnight), days ("27 Jul"), months ("Aug 2022") or years,
// whichever step is the smallest whose labels do not overlap.
namespace ui {

struct TimeTick {
    qint64 time = 0; // microseconds since the epoch
    QString label;
    bool major = false; // a day, month or year starts here (drawn stronger)
};

// The ticks in [from, to) of an axis `width` pixels long, labels measured with `metrics`.
std::vector<TimeTick> timeAxisTicks(
    qint64 from, qint64 to, double width, const QFontMetricsF &metrics);

} // namespace ui
