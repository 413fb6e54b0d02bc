#include "emulator/executionhistory.h"

#include "emulator/seededrandom.h"

#include <QDateTime>

#include <array>

namespace emulator {

namespace {

constexpr qint64 kMicrosPerMinute = 60'000'000;
constexpr qint64 kMicrosPerSecond = 1'000'000;
constexpr qint64 kRetentionMicros = qint64(kRetentionDays) * 24 * 60 * kMicrosPerMinute;

constexpr std::array<const char *, 4> kFailureReasons = {
    "No data found in the input location for the inference window.",
    "Input data has a different schema from the data the model was trained with.",
    "The inference role is not authorized to read the input location.",
    "Input file has timestamps outside the inference window.",
};

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

qint64 ceilDiv(qint64 value, qint64 divisor)
{
    return -floorDiv(-value, divisor);
}

enum class Outcome { InProgress, Success, Failed };

// The one rule for what became of the execution of a slot.
Outcome outcomeOf(quint64 draw, qint64 scheduled, qint64 now)
{
    if (now - scheduled < kProcessingSeconds * kMicrosPerSecond)
        return Outcome::InProgress;
    return draw % 100 < kFailedPercent ? Outcome::Failed : Outcome::Success;
}

QString statusText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::InProgress:
        return QStringLiteral("IN_PROGRESS");
    case Outcome::Failed:
        return QStringLiteral("FAILED");
    case Outcome::Success:
        break;
    }
    return QStringLiteral("SUCCESS");
}

qint64 frequencyMicros(const SchedulerRecord &record)
{
    return uploadFrequencyMinutes(record.scheduler.dataUploadFrequency) * kMicrosPerMinute;
}

qint64 delayMicros(const SchedulerRecord &record)
{
    return record.scheduler.dataDelayOffsetInMinutes.value_or(0) * kMicrosPerMinute;
}

lookout::InferenceExecutionSummary makeExecution(const SchedulerRecord &record, qint64 scheduled,
    qint64 frequency, const QString &status, quint64 outcome)
{
    const lookout::InferenceScheduler &scheduler = record.scheduler;
    const qint64 dataEnd = scheduled - delayMicros(record);
    lookout::InferenceExecutionSummary execution;
    execution.modelName = scheduler.modelName;
    execution.modelArn = scheduler.modelArn;
    execution.inferenceSchedulerName = scheduler.inferenceSchedulerName;
    execution.inferenceSchedulerArn = scheduler.inferenceSchedulerArn;
    execution.scheduledStartTime = timestampFromMicros(scheduled);
    execution.dataStartTime = timestampFromMicros(dataEnd - frequency);
    execution.dataEndTime = timestampFromMicros(dataEnd);
    execution.dataInputConfiguration = scheduler.dataInputConfiguration;
    execution.dataOutputConfiguration = scheduler.dataOutputConfiguration;
    if (status == QLatin1String("SUCCESS") && scheduler.dataOutputConfiguration
        && scheduler.dataOutputConfiguration->s3OutputConfiguration
        && scheduler.dataOutputConfiguration->s3OutputConfiguration->bucket) {
        const lookout::S3Location &output
            = *scheduler.dataOutputConfiguration->s3OutputConfiguration;
        execution.customerResultObject = lookout::S3Object { output.bucket,
            output.prefix.value_or(QString()) + resultObjectName(scheduled) };
    }
    execution.status = status;
    if (status == QLatin1String("FAILED"))
        execution.failedReason
            = QString::fromLatin1(kFailureReasons[outcome % kFailureReasons.size()]);
    if (scheduler.modelArn) {
        execution.modelVersion = record.modelVersion;
        execution.modelVersionArn = *scheduler.modelArn + QLatin1String("/model-version/")
            + QString::number(record.modelVersion);
    }
    return execution;
}

} // namespace

int uploadFrequencyMinutes(const std::optional<QString> &frequency)
{
    if (frequency) {
        if (*frequency == QLatin1String("PT5M"))
            return 5;
        if (*frequency == QLatin1String("PT10M"))
            return 10;
        if (*frequency == QLatin1String("PT15M"))
            return 15;
        if (*frequency == QLatin1String("PT30M"))
            return 30;
    }
    return 60;
}

QString resultObjectName(qint64 scheduled)
{
    return QDateTime::fromMSecsSinceEpoch(scheduled / 1000, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"))
        + QLatin1String("/results.jsonl");
}

ExecutionWindow executionWindow(const SchedulerRecord &record, qint64 scheduled)
{
    const qint64 dataEnd = scheduled - delayMicros(record);
    return ExecutionWindow { dataEnd - frequencyMicros(record), dataEnd };
}

std::vector<qint64> successfulExecutions(const SchedulerRecord &record, qint64 now)
{
    std::vector<qint64> scheduled;
    if (record.runs.isEmpty())
        return scheduled;
    const qint64 frequency = frequencyMicros(record);
    const qint64 retainedFrom = record.runs.last().end.value_or(now) - kRetentionMicros;
    for (const RunInterval &interval : record.runs) {
        const qint64 from = qMax(interval.start, retainedFrom);
        const qint64 to = qMin(interval.end.value_or(now), now);
        for (qint64 slot = ceilDiv(from, frequency); slot <= floorDiv(to, frequency); ++slot) {
            const quint64 draw
                = SeededRandom::combine(record.historySeed, static_cast<quint64>(slot));
            if (outcomeOf(draw, slot * frequency, now) == Outcome::Success
                && (scheduled.empty() || scheduled.back() < slot * frequency))
                scheduled.push_back(slot * frequency);
        }
    }
    return scheduled;
}

ExecutionSlice listExecutions(const SchedulerRecord &record, const ExecutionFilter &filter,
    std::optional<qint64> before, int limit, qint64 now)
{
    ExecutionSlice slice;
    if (record.runs.isEmpty() || limit <= 0)
        return slice;
    const qint64 frequency = frequencyMicros(record);
    const qint64 delay = delayMicros(record);
    const qint64 latestActivity = record.runs.last().end.value_or(now);
    const qint64 retainedFrom = latestActivity - kRetentionMicros;
    qint64 upper = qMin(now, before ? *before - 1 : now);
    if (filter.dataEndTimeBefore)
        upper = qMin(upper, *filter.dataEndTimeBefore + delay);

    for (qsizetype run = record.runs.size() - 1; run >= 0; --run) {
        const RunInterval &interval = record.runs[run];
        const qint64 from = qMax(interval.start, retainedFrom);
        const qint64 to = qMin(interval.end.value_or(now), upper);
        for (qint64 slot = floorDiv(to, frequency); slot >= ceilDiv(from, frequency); --slot) {
            const qint64 scheduled = slot * frequency;
            const qint64 dataEnd = scheduled - delay;
            if (filter.dataStartTimeAfter && dataEnd - frequency < *filter.dataStartTimeAfter)
                break; // older slots start even earlier
            const quint64 outcome
                = SeededRandom::combine(record.historySeed, static_cast<quint64>(slot));
            const QString status = statusText(outcomeOf(outcome, scheduled, now));
            if (filter.status && *filter.status != status)
                continue;
            if (slice.executions.size() == limit) {
                slice.continueBefore
                    = slice.executions.last().scheduledStartTime->epochMicroseconds;
                return slice;
            }
            slice.executions.append(
                makeExecution(record, scheduled, frequency, status, outcome >> 8));
        }
        if (filter.dataStartTimeAfter
            && interval.start - delay - frequency < *filter.dataStartTimeAfter)
            break;
    }
    return slice;
}

} // namespace emulator
