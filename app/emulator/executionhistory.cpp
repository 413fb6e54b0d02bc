#include "emulator/executionhistory.h"

#include "emulator/seededrandom.h"

#include <QDateTime>

#include <array>

namespace emulator {

namespace {

constexpr qint64 kMicrosPerMinute = 60'000'000;
constexpr qint64 kMicrosPerSecond = 1'000'000;

qint64 retentionMicros(const SchedulerRecord &record)
{
    return qint64(record.retentionDays) * 24 * 60 * kMicrosPerMinute;
}

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

QString utcText(qint64 micros)
{
    return QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

// The input file the service looked for: "<component><delimiter><timestamp>.csv" under the
// input location, its timestamp in the scheduler's TimestampFormat and input time zone.
QString inputFileUri(const SchedulerRecord &record, const QString &component, qint64 time)
{
    const std::optional<lookout::InferenceInputConfiguration> &input
        = record.scheduler.dataInputConfiguration;
    const lookout::S3Location location = input && input->s3InputConfiguration
        ? *input->s3InputConfiguration
        : lookout::S3Location {};
    const lookout::InferenceInputNameConfiguration naming
        = input && input->inferenceInputNameConfiguration
        ? *input->inferenceInputNameConfiguration
        : lookout::InferenceInputNameConfiguration {};
    const QString format = naming.timestampFormat.value_or(QStringLiteral("yyyyMMddHHmmss"));
    QString stamp;
    if (format == QLatin1String("EPOCH")) {
        stamp = QString::number(time / kMicrosPerSecond);
    } else {
        int offsetSeconds = 0;
        if (input && input->inputTimeZoneOffset && input->inputTimeZoneOffset->size() == 6) {
            const QString &offset = *input->inputTimeZoneOffset; // "+05:30"
            offsetSeconds = (offset.mid(1, 2).toInt() * 60 + offset.mid(4, 2).toInt()) * 60
                * (offset.startsWith(QLatin1Char('-')) ? -1 : 1);
        }
        stamp = QDateTime::fromMSecsSinceEpoch(time / 1000, Qt::OffsetFromUTC, offsetSeconds)
                    .toString(format);
    }
    return location.uri() + component + naming.componentTimestampDelimiter.value_or(QString())
        + stamp + QLatin1String(".csv");
}

// The service's three kinds of failure: a sensor's input file missing for the window, an input
// file whose columns are not the model's, and the role refused by the input bucket. Without the
// model's sensors the first two name the input location instead of a file.
QString failureReason(const SchedulerRecord &record, const QStringList &sensors,
    const ExecutionWindow &window, quint64 draw)
{
    const std::optional<lookout::InferenceInputConfiguration> &input
        = record.scheduler.dataInputConfiguration;
    const lookout::S3Location location = input && input->s3InputConfiguration
        ? *input->s3InputConfiguration
        : lookout::S3Location {};
    const QString windowText
        = utcText(window.dataStart) + QLatin1String(" to ") + utcText(window.dataEnd);
    QString sensor;
    QString component;
    QString file = location.uri();
    if (!sensors.isEmpty()) {
        sensor = sensors[static_cast<qsizetype>((draw >> 4) % quint64(sensors.size()))];
        component = sensor.section(QLatin1Char('\\'), 0, 0);
        file = inputFileUri(record, component, window.dataStart);
    }
    switch (draw % 3) {
    case 0:
        if (sensor.isEmpty())
            return QStringLiteral("No input file found in %1 for the expected window %2.")
                .arg(file, windowText);
        return QStringLiteral("No input file found for sensor %1 in the expected window %2: %3 "
                              "does not exist.")
            .arg(sensor, windowText, file);
    case 1:
        if (sensor.isEmpty())
            return QStringLiteral("Input data in %1 does not match the schema the model was "
                                  "trained with.")
                .arg(file);
        return QStringLiteral("Input file %1 does not match the schema the model was trained "
                              "with: column %2 of component %3 is missing.")
            .arg(file, sensor.section(QLatin1Char('\\'), 1), component);
    default:
        break;
    }
    return QStringLiteral("Access denied on bucket %1: role %2 is not authorized to perform "
                          "s3:GetObject on %3.")
        .arg(location.bucket.value_or(QString()),
            record.scheduler.roleArn.value_or(QStringLiteral("(no role)")), file);
}

lookout::InferenceExecutionSummary makeExecution(const SchedulerRecord &record,
    const QStringList &sensors, qint64 scheduled, qint64 frequency, const QString &status,
    quint64 outcome)
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
            output.prefix.value_or(QString()) + resultObjectName(record, scheduled) };
    }
    execution.status = status;
    if (status == QLatin1String("FAILED"))
        execution.failedReason = failureReason(
            record, sensors, ExecutionWindow { dataEnd - frequency, dataEnd }, outcome);
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

QString resultObjectName(const SchedulerRecord &record, qint64 scheduled)
{
    return utcText(executionWindow(record, scheduled).dataStart) + QLatin1String("/results.jsonl");
}

qint64 scheduledForDataStart(const SchedulerRecord &record, qint64 dataStart)
{
    return dataStart + frequencyMicros(record) + delayMicros(record);
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
    const qint64 retainedFrom = record.runs.last().end.value_or(now) - retentionMicros(record);
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
    std::optional<qint64> before, int limit, qint64 now, const QStringList &sensors)
{
    ExecutionSlice slice;
    if (record.runs.isEmpty() || limit <= 0)
        return slice;
    const qint64 frequency = frequencyMicros(record);
    const qint64 delay = delayMicros(record);
    const qint64 latestActivity = record.runs.last().end.value_or(now);
    const qint64 retainedFrom = latestActivity - retentionMicros(record);
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
                makeExecution(record, sensors, scheduled, frequency, status, outcome >> 8));
        }
        if (filter.dataStartTimeAfter
            && interval.start - delay - frequency < *filter.dataStartTimeAfter)
            break;
    }
    return slice;
}

} // namespace emulator
