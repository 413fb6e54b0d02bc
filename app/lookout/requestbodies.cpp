#include "lookout/requestbodies.h"

#include "lookout/jsonwriter.h"
#include "lookout/parametervalidation.h"
#include "lookout/service.h"
#include "lookout/timestamptext.h"

namespace lookout::requests {

namespace {

QByteArray nameOnlyBody(const QString &name)
{
    json::JsonWriter writer(json::JsonWriter::Layout::Compact);
    writer.beginObject();
    writer.key("InferenceSchedulerName");
    writer.string(name);
    writer.endObject();
    return writer.take();
}

aws::Result<QByteArray> nameOnlyRequest(const QString &operation, const QString &name)
{
    ParameterCheck check;
    check.identifier(QLatin1StringView("InferenceSchedulerName"), name);
    if (auto error = check.error(operation))
        return *std::move(error);
    return nameOnlyBody(name);
}

void optionalString(
    json::JsonWriter &writer, QByteArrayView key, const std::optional<QString> &value)
{
    if (value) {
        writer.key(key);
        writer.string(*value);
    }
}

void optionalTimestamp(
    json::JsonWriter &writer, QByteArrayView key, const std::optional<Timestamp> &value)
{
    if (value) {
        writer.key(key);
        writer.rawNumber(json::epochSecondsText(*value));
    }
}

// The checks every page of one scheduler's listing starts with.
ParameterCheck schedulerPageCheck(const QString &name, int maxResults)
{
    ParameterCheck check;
    check.range(QLatin1StringView("MaxResults"), maxResults, 1, kMaxPageSize);
    check.identifier(QLatin1StringView("InferenceSchedulerName"), name);
    return check;
}

// Opens the body of a page of one scheduler's listing: NextToken, MaxResults, the name.
void beginSchedulerPage(json::JsonWriter &writer, const QString &name, int maxResults,
    const std::optional<QString> &nextToken)
{
    writer.beginObject();
    optionalString(writer, "NextToken", nextToken);
    writer.key("MaxResults");
    writer.integer(maxResults);
    writer.key("InferenceSchedulerName");
    writer.string(name);
}

} // namespace

aws::Result<QByteArray> describeInferenceScheduler(const QString &name)
{
    return nameOnlyRequest(
        QLatin1StringView(service::operation::kDescribeInferenceScheduler), name);
}

aws::Result<QByteArray> startInferenceScheduler(const QString &name)
{
    return nameOnlyRequest(QLatin1StringView(service::operation::kStartInferenceScheduler), name);
}

aws::Result<QByteArray> stopInferenceScheduler(const QString &name)
{
    return nameOnlyRequest(QLatin1StringView(service::operation::kStopInferenceScheduler), name);
}

aws::Result<QByteArray> listInferenceSchedulers(
    const InferenceSchedulerFilter &filter, int maxResults, const std::optional<QString> &nextToken)
{
    ParameterCheck check;
    check.range(QLatin1StringView("MaxResults"), maxResults, 1, kMaxPageSize);
    if (filter.namePrefix)
        check.identifier(QLatin1StringView("InferenceSchedulerNameBeginsWith"), *filter.namePrefix);
    if (filter.modelName)
        check.identifier(QLatin1StringView("ModelName"), *filter.modelName);
    if (filter.status)
        check.enumValue(QLatin1StringView("Status"), *filter.status, inferenceSchedulerStatuses());
    if (auto error = check.error(QLatin1StringView(service::operation::kListInferenceSchedulers)))
        return *std::move(error);

    json::JsonWriter writer(json::JsonWriter::Layout::Compact);
    writer.beginObject();
    optionalString(writer, "NextToken", nextToken);
    writer.key("MaxResults");
    writer.integer(maxResults);
    optionalString(writer, "InferenceSchedulerNameBeginsWith", filter.namePrefix);
    optionalString(writer, "ModelName", filter.modelName);
    optionalString(writer, "Status", filter.status);
    writer.endObject();
    return writer.take();
}

aws::Result<QByteArray> listInferenceExecutions(const QString &name,
    const InferenceExecutionFilter &filter, int maxResults, const std::optional<QString> &nextToken)
{
    ParameterCheck check = schedulerPageCheck(name, maxResults);
    if (filter.status)
        check.enumValue(QLatin1StringView("Status"), *filter.status, inferenceExecutionStatuses());
    if (auto error = check.error(QLatin1StringView(service::operation::kListInferenceExecutions)))
        return *std::move(error);

    json::JsonWriter writer(json::JsonWriter::Layout::Compact);
    beginSchedulerPage(writer, name, maxResults, nextToken);
    optionalTimestamp(writer, "DataStartTimeAfter", filter.dataStartTimeAfter);
    optionalTimestamp(writer, "DataEndTimeBefore", filter.dataEndTimeBefore);
    optionalString(writer, "Status", filter.status);
    writer.endObject();
    return writer.take();
}

aws::Result<QByteArray> listInferenceEvents(const QString &name,
    const InferenceEventInterval &interval, int maxResults, const std::optional<QString> &nextToken)
{
    const ParameterCheck check = schedulerPageCheck(name, maxResults);
    if (auto error = check.error(QLatin1StringView(service::operation::kListInferenceEvents)))
        return *std::move(error);

    json::JsonWriter writer(json::JsonWriter::Layout::Compact);
    beginSchedulerPage(writer, name, maxResults, nextToken);
    optionalTimestamp(writer, "IntervalStartTime", interval.start);
    optionalTimestamp(writer, "IntervalEndTime", interval.end);
    writer.endObject();
    return writer.take();
}

} // namespace lookout::requests
