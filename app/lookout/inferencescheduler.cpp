#include "lookout/inferencescheduler.h"

#include <algorithm>
#include <cmath>

namespace lookout {

namespace {

constexpr qint64 kMicrosPerSecond = 1'000'000;

// Floor division: the millisecond of -0.5 ms is -1, not 0.
qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

// Python's _PyTime_RoundHalfEven, which datetime.fromtimestamp uses for the microseconds.
double roundHalfEven(double x)
{
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5)
        rounded = 2.0 * std::round(x / 2.0);
    return rounded;
}

// What datetime.fromtimestamp(seconds) does to a float: split off the whole seconds, round the
// fraction to microseconds half-even, carry. `seconds` must be finite and of a sane magnitude.
qint64 pythonMicroseconds(double seconds)
{
    double wholeSeconds = 0;
    double fraction = std::modf(seconds, &wholeSeconds) * 1e6;
    fraction = roundHalfEven(fraction);
    if (fraction >= 1e6) {
        fraction -= 1e6;
        wholeSeconds += 1.0;
    } else if (fraction < 0) {
        fraction += 1e6;
        wholeSeconds -= 1.0;
    }
    return static_cast<qint64>(wholeSeconds) * kMicrosPerSecond + static_cast<qint64>(fraction);
}

} // namespace

std::optional<Timestamp> Timestamp::tryFromEpochSeconds(double seconds)
{
    // The bounds are checked on the double first so the conversion to integers cannot overflow.
    if (!std::isfinite(seconds) || seconds < static_cast<double>(kMinEpochSeconds) - 1.0
        || seconds > static_cast<double>(kMaxEpochSeconds) + 1.0) {
        return std::nullopt;
    }
    const qint64 micros = pythonMicroseconds(seconds);
    if (micros < kMinEpochSeconds * kMicrosPerSecond
        || micros > kMaxEpochSeconds * kMicrosPerSecond + (kMicrosPerSecond - 1)) {
        return std::nullopt;
    }
    return Timestamp { micros };
}

Timestamp Timestamp::fromEpochSeconds(double seconds)
{
    if (std::isnan(seconds))
        return Timestamp {};
    if (const auto timestamp = tryFromEpochSeconds(seconds))
        return *timestamp;
    return seconds < 0 ? Timestamp { kMinEpochSeconds * kMicrosPerSecond }
                       : Timestamp { kMaxEpochSeconds * kMicrosPerSecond + (kMicrosPerSecond - 1) };
}

Timestamp Timestamp::fromDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return Timestamp {};
    const qint64 milliseconds = std::clamp(
        dateTime.toMSecsSinceEpoch(), kMinEpochSeconds * 1000, kMaxEpochSeconds * 1000 + 999);
    return Timestamp { milliseconds * 1000 };
}

QDateTime Timestamp::dateTime() const
{
    return QDateTime::fromMSecsSinceEpoch(floorDiv(epochMicroseconds, 1000), Qt::UTC);
}

double Timestamp::epochSeconds() const
{
    const qint64 wholeSeconds = floorDiv(epochMicroseconds, kMicrosPerSecond);
    const qint64 micros = epochMicroseconds - wholeSeconds * kMicrosPerSecond;
    return static_cast<double>(wholeSeconds) + static_cast<double>(micros) / 1e6;
}

QString S3Location::uri() const
{
    return QStringLiteral("s3://") % bucket.value_or(QString()) % QLatin1Char('/')
        % prefix.value_or(QString());
}

InferenceSchedulerSummary summaryOf(const InferenceScheduler &scheduler)
{
    InferenceSchedulerSummary summary;
    summary.modelName = scheduler.modelName;
    summary.modelArn = scheduler.modelArn;
    summary.inferenceSchedulerName = scheduler.inferenceSchedulerName;
    summary.inferenceSchedulerArn = scheduler.inferenceSchedulerArn;
    summary.status = scheduler.status;
    summary.dataDelayOffsetInMinutes = scheduler.dataDelayOffsetInMinutes;
    summary.dataUploadFrequency = scheduler.dataUploadFrequency;
    summary.latestInferenceResult = scheduler.latestInferenceResult;
    return summary;
}

} // namespace lookout
