#pragma once

// Comparisons for the codec harnesses' round trips. Wire timestamps travel as doubles (epoch
// seconds), which cannot hold every microsecond far from 1970: decoding what the encoder wrote
// may move an instant by the double's resolution there. Everything else must come back exactly.

#include "lookout/inferencescheduler.h"

#include <QList>
#include <QString>

#include <cmath>
#include <optional>

namespace fuzzsupport {

inline QString describe(const std::optional<lookout::Timestamp> &t)
{
    return t ? QString::number(t->epochMicroseconds) : QStringLiteral("absent");
}

// Equal, or both present and apart by no more than one double step at that magnitude (plus the
// microsecond rounding on each side).
inline bool closeTimestamps(
    const std::optional<lookout::Timestamp> &a, const std::optional<lookout::Timestamp> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    const double seconds = std::abs(static_cast<double>(a->epochMicroseconds)) / 1e6;
    const double step = std::ldexp(seconds, -52) * 1e6; // one ulp, in microseconds
    const auto allowed = static_cast<qint64>(std::ceil(2 * step)) + 2;
    return std::llabs(a->epochMicroseconds - b->epochMicroseconds) <= allowed;
}

inline bool closeEnough(const lookout::InferenceScheduler &a, const lookout::InferenceScheduler &b)
{
    if (!closeTimestamps(a.createdAt, b.createdAt) || !closeTimestamps(a.updatedAt, b.updatedAt))
        return false;
    lookout::InferenceScheduler x = a;
    lookout::InferenceScheduler y = b;
    x.createdAt = y.createdAt;
    x.updatedAt = y.updatedAt;
    return x == y;
}

inline bool closeEnough(
    const lookout::InferenceExecutionSummary &a, const lookout::InferenceExecutionSummary &b)
{
    if (!closeTimestamps(a.scheduledStartTime, b.scheduledStartTime)
        || !closeTimestamps(a.dataStartTime, b.dataStartTime)
        || !closeTimestamps(a.dataEndTime, b.dataEndTime)) {
        return false;
    }
    lookout::InferenceExecutionSummary x = a;
    lookout::InferenceExecutionSummary y = b;
    x.scheduledStartTime = y.scheduledStartTime;
    x.dataStartTime = y.dataStartTime;
    x.dataEndTime = y.dataEndTime;
    return x == y;
}

inline bool closeEnough(const QList<lookout::InferenceExecutionSummary> &a,
    const QList<lookout::InferenceExecutionSummary> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!closeEnough(a.at(i), b.at(i)))
            return false;
    }
    return true;
}

} // namespace fuzzsupport
