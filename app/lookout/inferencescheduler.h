#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The service's value types, member for member as in the Lookout for Equipment model
// (../shared/aws-model, API version 2020-12-15). Every member is optional because the response
// shapes require none; enum members are strings so values the service adds later survive.
namespace lookout {

// An instant with microsecond precision: the wire carries fractional epoch seconds and the CLI
// prints microseconds, so archived output round-trips exactly. dateTime() is the UTC
// QDateTime (millisecond precision) the rest of the application uses.
struct Timestamp {
    // The range Python's datetime (and so the AWS CLI) can print: 0001-01-01 to 9999-12-31 UTC.
    static constexpr qint64 kMinEpochSeconds = -62'135'596'800;
    static constexpr qint64 kMaxEpochSeconds = 253'402'300'799;

    qint64 epochMicroseconds = 0;

    // Microseconds rounded half-even, exactly as Python's datetime.fromtimestamp (and so botocore)
    // rounds them. nullopt for NaN, infinities and instants outside the range above.
    static std::optional<Timestamp> tryFromEpochSeconds(double seconds);
    // The same, but clamped to the range (NaN gives the epoch); decoders use tryFromEpochSeconds.
    static Timestamp fromEpochSeconds(double seconds);
    // Millisecond precision, clamped to the range; an invalid QDateTime gives the epoch.
    static Timestamp fromDateTime(const QDateTime &dateTime);
    QDateTime dateTime() const; // UTC, microseconds rounded down to milliseconds
    double epochSeconds() const;
    friend bool operator==(const Timestamp &, const Timestamp &) = default;
};

namespace status {
inline constexpr char kPending[] = "PENDING";
inline constexpr char kRunning[] = "RUNNING";
inline constexpr char kStopping[] = "STOPPING";
inline constexpr char kStopped[] = "STOPPED";
} // namespace status

namespace result {
inline constexpr char kAnomalous[] = "ANOMALOUS";
inline constexpr char kNormal[] = "NORMAL";
} // namespace result

struct S3Location { // InferenceS3InputConfiguration / InferenceS3OutputConfiguration
    std::optional<QString> bucket; // Bucket
    std::optional<QString> prefix; // Prefix
    // "s3://bucket/prefix" ("s3://bucket/" without a prefix).
    QString uri() const;
    friend bool operator==(const S3Location &, const S3Location &) = default;
};

struct InferenceInputNameConfiguration {
    std::optional<QString> timestampFormat; // TimestampFormat
    std::optional<QString>
        componentTimestampDelimiter; // ComponentTimestampDelimiter ("", "-", "_", " ")
    friend bool operator==(
        const InferenceInputNameConfiguration &, const InferenceInputNameConfiguration &)
        = default;
};

struct InferenceInputConfiguration {
    std::optional<S3Location> s3InputConfiguration; // S3InputConfiguration
    std::optional<QString> inputTimeZoneOffset; // InputTimeZoneOffset
    std::optional<InferenceInputNameConfiguration>
        inferenceInputNameConfiguration; // InferenceInputNameConfiguration
    friend bool operator==(const InferenceInputConfiguration &, const InferenceInputConfiguration &)
        = default;
};

struct InferenceOutputConfiguration {
    std::optional<S3Location> s3OutputConfiguration; // S3OutputConfiguration
    std::optional<QString> kmsKeyId; // KmsKeyId
    friend bool operator==(
        const InferenceOutputConfiguration &, const InferenceOutputConfiguration &)
        = default;
};

// DescribeInferenceSchedulerResponse, all 14 members in model order.
struct InferenceScheduler {
    std::optional<QString> modelArn;
    std::optional<QString> modelName;
    std::optional<QString> inferenceSchedulerName;
    std::optional<QString> inferenceSchedulerArn;
    std::optional<QString> status; // InferenceSchedulerStatus
    std::optional<qint64> dataDelayOffsetInMinutes;
    std::optional<QString> dataUploadFrequency; // PT5M, PT10M, PT15M, PT30M, PT1H
    std::optional<Timestamp> createdAt;
    std::optional<Timestamp> updatedAt;
    std::optional<InferenceInputConfiguration> dataInputConfiguration;
    std::optional<InferenceOutputConfiguration> dataOutputConfiguration;
    std::optional<QString> roleArn;
    std::optional<QString> serverSideKmsKeyId;
    std::optional<QString> latestInferenceResult; // ANOMALOUS, NORMAL
    friend bool operator==(const InferenceScheduler &, const InferenceScheduler &) = default;
};

// InferenceSchedulerSummary, model order.
struct InferenceSchedulerSummary {
    std::optional<QString> modelName;
    std::optional<QString> modelArn;
    std::optional<QString> inferenceSchedulerName;
    std::optional<QString> inferenceSchedulerArn;
    std::optional<QString> status;
    std::optional<qint64> dataDelayOffsetInMinutes;
    std::optional<QString> dataUploadFrequency;
    std::optional<QString> latestInferenceResult;
    friend bool operator==(const InferenceSchedulerSummary &, const InferenceSchedulerSummary &)
        = default;
};

struct S3Object { // S3Object
    std::optional<QString> bucket;
    std::optional<QString> key;
    friend bool operator==(const S3Object &, const S3Object &) = default;
};

// InferenceExecutionSummary, model order.
struct InferenceExecutionSummary {
    std::optional<QString> modelName;
    std::optional<QString> modelArn;
    std::optional<QString> inferenceSchedulerName;
    std::optional<QString> inferenceSchedulerArn;
    std::optional<Timestamp> scheduledStartTime;
    std::optional<Timestamp> dataStartTime;
    std::optional<Timestamp> dataEndTime;
    std::optional<InferenceInputConfiguration> dataInputConfiguration;
    std::optional<InferenceOutputConfiguration> dataOutputConfiguration;
    std::optional<S3Object> customerResultObject;
    std::optional<QString> status; // IN_PROGRESS, SUCCESS, FAILED
    std::optional<QString> failedReason;
    std::optional<qint64> modelVersion;
    std::optional<QString> modelVersionArn;
    friend bool operator==(const InferenceExecutionSummary &, const InferenceExecutionSummary &)
        = default;
};

// InferenceEventSummary, model order. Diagnostics is a string in the model; the service filled
// it with a JSON list of {"name": "component\\sensor", "value": share}.
struct InferenceEventSummary {
    std::optional<QString> inferenceSchedulerArn;
    std::optional<QString> inferenceSchedulerName;
    std::optional<Timestamp> eventStartTime;
    std::optional<Timestamp> eventEndTime;
    std::optional<QString> diagnostics;
    std::optional<qint64> eventDurationInSeconds;
    friend bool operator==(const InferenceEventSummary &, const InferenceEventSummary &) = default;
};

struct InferenceSchedulerPage { // ListInferenceSchedulersResponse
    QList<InferenceSchedulerSummary> summaries;
    std::optional<QString> nextToken;
};

struct InferenceExecutionPage { // ListInferenceExecutionsResponse
    QList<InferenceExecutionSummary> summaries;
    std::optional<QString> nextToken;
};

struct InferenceEventPage { // ListInferenceEventsResponse
    QList<InferenceEventSummary> summaries;
    std::optional<QString> nextToken;
};

// Start/StopInferenceSchedulerResponse.
struct SchedulerStateChange {
    std::optional<QString> modelArn;
    std::optional<QString> modelName;
    std::optional<QString> inferenceSchedulerName;
    std::optional<QString> inferenceSchedulerArn;
    std::optional<QString> status;
    friend bool operator==(const SchedulerStateChange &, const SchedulerStateChange &) = default;
};

InferenceSchedulerSummary summaryOf(const InferenceScheduler &scheduler);

} // namespace lookout
