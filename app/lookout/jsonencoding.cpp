// The encode* (wire) and cli* (AWS CLI output) functions of jsoncodec.h.
#include "lookout/jsoncodec.h"
#include "lookout/jsonwriter.h"
#include "lookout/timestamptext.h"

namespace lookout::json {

namespace {

enum class Dialect { Wire, Cli };

// Writes the value types member by member in model order, skipping absent members.
class ShapeEncoder {
public:
    ShapeEncoder(Dialect dialect, CliFormat format = {})
        : m_writer(
            dialect == Dialect::Wire ? JsonWriter::Layout::Compact : JsonWriter::Layout::Python)
        , m_dialect(dialect)
        , m_format(std::move(format))
    {
    }

    template<typename Shape> QByteArray document(const Shape &value)
    {
        write(value);
        return m_writer.take();
    }

    // The CLI prints nothing for an empty response, and a newline after anything else.
    template<typename Shape> QByteArray cliDocument(const Shape &value)
    {
        if (value == Shape {})
            return {};
        write(value);
        return m_writer.takeLine();
    }

    template<typename Summary>
    QByteArray cliList(QByteArrayView listName, const QList<Summary> &summaries)
    {
        // A scheduler summary prints as about 600 bytes; room for them all up front saves
        // regrowing (and copying) a document of several megabytes.
        constexpr qsizetype kPrintedBytesPerSummary = 640;
        m_writer.reserve(summaries.size() * kPrintedBytesPerSummary);
        m_writer.beginObject();
        member(listName, summaries);
        m_writer.endObject();
        return m_writer.takeLine();
    }

private:
    void value(const QString &text) { m_writer.string(text); }
    void value(qint64 number) { m_writer.integer(number); }

    void value(const Timestamp &timestamp)
    {
        if (m_dialect == Dialect::Cli && m_format.timestamps == CliFormat::Timestamps::Iso8601)
            m_writer.utf8String(isoDateTimeText(timestamp, m_format.timeZone));
        else
            m_writer.rawNumber(epochSecondsText(timestamp));
    }

    template<typename Shape> void value(const Shape &shape) { write(shape); }

    template<typename Element> void value(const QList<Element> &list)
    {
        m_writer.beginArray();
        for (const Element &element : list)
            value(element);
        m_writer.endArray();
    }

    template<typename Field> void member(QByteArrayView name, const std::optional<Field> &field)
    {
        if (field) {
            m_writer.key(name);
            value(*field);
        }
    }

    template<typename Element> void member(QByteArrayView name, const QList<Element> &list)
    {
        m_writer.key(name);
        value(list);
    }

    void write(const S3Location &s3)
    {
        m_writer.beginObject();
        member("Bucket", s3.bucket);
        member("Prefix", s3.prefix);
        m_writer.endObject();
    }

    void write(const S3Object &object)
    {
        m_writer.beginObject();
        member("Bucket", object.bucket);
        member("Key", object.key);
        m_writer.endObject();
    }

    void write(const InferenceInputNameConfiguration &names)
    {
        m_writer.beginObject();
        member("TimestampFormat", names.timestampFormat);
        member("ComponentTimestampDelimiter", names.componentTimestampDelimiter);
        m_writer.endObject();
    }

    void write(const InferenceInputConfiguration &input)
    {
        m_writer.beginObject();
        member("S3InputConfiguration", input.s3InputConfiguration);
        member("InputTimeZoneOffset", input.inputTimeZoneOffset);
        member("InferenceInputNameConfiguration", input.inferenceInputNameConfiguration);
        m_writer.endObject();
    }

    void write(const InferenceOutputConfiguration &output)
    {
        m_writer.beginObject();
        member("S3OutputConfiguration", output.s3OutputConfiguration);
        member("KmsKeyId", output.kmsKeyId);
        m_writer.endObject();
    }

    void write(const InferenceScheduler &scheduler)
    {
        m_writer.beginObject();
        member("ModelArn", scheduler.modelArn);
        member("ModelName", scheduler.modelName);
        member("InferenceSchedulerName", scheduler.inferenceSchedulerName);
        member("InferenceSchedulerArn", scheduler.inferenceSchedulerArn);
        member("Status", scheduler.status);
        member("DataDelayOffsetInMinutes", scheduler.dataDelayOffsetInMinutes);
        member("DataUploadFrequency", scheduler.dataUploadFrequency);
        member("CreatedAt", scheduler.createdAt);
        member("UpdatedAt", scheduler.updatedAt);
        member("DataInputConfiguration", scheduler.dataInputConfiguration);
        member("DataOutputConfiguration", scheduler.dataOutputConfiguration);
        member("RoleArn", scheduler.roleArn);
        member("ServerSideKmsKeyId", scheduler.serverSideKmsKeyId);
        member("LatestInferenceResult", scheduler.latestInferenceResult);
        m_writer.endObject();
    }

    void write(const InferenceSchedulerSummary &summary)
    {
        m_writer.beginObject();
        member("ModelName", summary.modelName);
        member("ModelArn", summary.modelArn);
        member("InferenceSchedulerName", summary.inferenceSchedulerName);
        member("InferenceSchedulerArn", summary.inferenceSchedulerArn);
        member("Status", summary.status);
        member("DataDelayOffsetInMinutes", summary.dataDelayOffsetInMinutes);
        member("DataUploadFrequency", summary.dataUploadFrequency);
        member("LatestInferenceResult", summary.latestInferenceResult);
        m_writer.endObject();
    }

    void write(const InferenceExecutionSummary &summary)
    {
        m_writer.beginObject();
        member("ModelName", summary.modelName);
        member("ModelArn", summary.modelArn);
        member("InferenceSchedulerName", summary.inferenceSchedulerName);
        member("InferenceSchedulerArn", summary.inferenceSchedulerArn);
        member("ScheduledStartTime", summary.scheduledStartTime);
        member("DataStartTime", summary.dataStartTime);
        member("DataEndTime", summary.dataEndTime);
        member("DataInputConfiguration", summary.dataInputConfiguration);
        member("DataOutputConfiguration", summary.dataOutputConfiguration);
        member("CustomerResultObject", summary.customerResultObject);
        member("Status", summary.status);
        member("FailedReason", summary.failedReason);
        member("ModelVersion", summary.modelVersion);
        member("ModelVersionArn", summary.modelVersionArn);
        m_writer.endObject();
    }

    void write(const InferenceEventSummary &summary)
    {
        m_writer.beginObject();
        member("InferenceSchedulerArn", summary.inferenceSchedulerArn);
        member("InferenceSchedulerName", summary.inferenceSchedulerName);
        member("EventStartTime", summary.eventStartTime);
        member("EventEndTime", summary.eventEndTime);
        member("Diagnostics", summary.diagnostics);
        member("EventDurationInSeconds", summary.eventDurationInSeconds);
        m_writer.endObject();
    }

    void write(const InferenceEventPage &page)
    {
        m_writer.beginObject();
        member("NextToken", page.nextToken);
        member("InferenceEventSummaries", page.summaries);
        m_writer.endObject();
    }

    void write(const InferenceSchedulerPage &page)
    {
        m_writer.beginObject();
        member("NextToken", page.nextToken);
        member("InferenceSchedulerSummaries", page.summaries);
        m_writer.endObject();
    }

    void write(const InferenceExecutionPage &page)
    {
        m_writer.beginObject();
        member("NextToken", page.nextToken);
        member("InferenceExecutionSummaries", page.summaries);
        m_writer.endObject();
    }

    void write(const SchedulerStateChange &change)
    {
        m_writer.beginObject();
        member("ModelArn", change.modelArn);
        member("ModelName", change.modelName);
        member("InferenceSchedulerName", change.inferenceSchedulerName);
        member("InferenceSchedulerArn", change.inferenceSchedulerArn);
        member("Status", change.status);
        m_writer.endObject();
    }

    JsonWriter m_writer;
    Dialect m_dialect;
    CliFormat m_format;
};

} // namespace

QByteArray encodeDescribeInferenceScheduler(const InferenceScheduler &scheduler)
{
    return ShapeEncoder(Dialect::Wire).document(scheduler);
}

QByteArray encodeListInferenceSchedulers(const InferenceSchedulerPage &page)
{
    return ShapeEncoder(Dialect::Wire).document(page);
}

QByteArray encodeListInferenceExecutions(const InferenceExecutionPage &page)
{
    return ShapeEncoder(Dialect::Wire).document(page);
}

QByteArray encodeListInferenceEvents(const InferenceEventPage &page)
{
    return ShapeEncoder(Dialect::Wire).document(page);
}

QByteArray encodeSchedulerStateChange(const SchedulerStateChange &change)
{
    return ShapeEncoder(Dialect::Wire).document(change);
}

QByteArray cliDescribeInferenceScheduler(
    const InferenceScheduler &scheduler, const CliFormat &format)
{
    return ShapeEncoder(Dialect::Cli, format).cliDocument(scheduler);
}

QByteArray cliListInferenceSchedulers(const QList<InferenceSchedulerSummary> &summaries)
{
    return ShapeEncoder(Dialect::Cli).cliList("InferenceSchedulerSummaries", summaries);
}

QByteArray cliListInferenceExecutions(
    const QList<InferenceExecutionSummary> &summaries, const CliFormat &format)
{
    return ShapeEncoder(Dialect::Cli, format).cliList("InferenceExecutionSummaries", summaries);
}

QByteArray cliListInferenceEvents(
    const QList<InferenceEventSummary> &summaries, const CliFormat &format)
{
    return ShapeEncoder(Dialect::Cli, format).cliList("InferenceEventSummaries", summaries);
}

QByteArray cliSchedulerStateChange(const SchedulerStateChange &change)
{
    return ShapeEncoder(Dialect::Cli).cliDocument(change);
}

} // namespace lookout::json
