#pragma once

#include "aws/result.h"
#include "lookout/inferencescheduler.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The JSON bodies of the requests LookoutClient sends, members in model order, each checked
// against the model's constraints first (ParameterCheck): a refused parameter is an
// AwsError of kind InvalidParameter and nothing is built.
namespace lookout {

// ListInferenceSchedulers filters; absent ones are not sent.
struct InferenceSchedulerFilter {
    std::optional<QString> namePrefix; // InferenceSchedulerNameBeginsWith
    std::optional<QString> status; // InferenceSchedulerStatus
    std::optional<QString> modelName; // ModelName
    friend bool operator==(const InferenceSchedulerFilter &, const InferenceSchedulerFilter &)
        = default;
};

// ListInferenceExecutions filters; absent ones are not sent.
struct InferenceExecutionFilter {
    std::optional<Timestamp> dataStartTimeAfter;
    std::optional<Timestamp> dataEndTimeBefore;
    std::optional<QString> status; // IN_PROGRESS, SUCCESS, FAILED
    friend bool operator==(const InferenceExecutionFilter &, const InferenceExecutionFilter &)
        = default;
};

// ListInferenceEvents' interval: both ends are required by the model.
struct InferenceEventInterval {
    Timestamp start; // IntervalStartTime
    Timestamp end; // IntervalEndTime
    friend bool operator==(const InferenceEventInterval &, const InferenceEventInterval &)
        = default;
};

namespace requests {

// MaxResults of the list operations: 1 to 500.
inline constexpr int kMaxPageSize = 500;

aws::Result<QByteArray> describeInferenceScheduler(const QString &name);
aws::Result<QByteArray> startInferenceScheduler(const QString &name);
aws::Result<QByteArray> stopInferenceScheduler(const QString &name);
aws::Result<QByteArray> listInferenceSchedulers(const InferenceSchedulerFilter &filter,
    int maxResults, const std::optional<QString> &nextToken);
aws::Result<QByteArray> listInferenceExecutions(const QString &name,
    const InferenceExecutionFilter &filter, int maxResults,
    const std::optional<QString> &nextToken);
aws::Result<QByteArray> listInferenceEvents(const QString &name,
    const InferenceEventInterval &interval, int maxResults,
    const std::optional<QString> &nextToken);

} // namespace requests
} // namespace lookout
