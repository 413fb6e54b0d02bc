// The decode* functions of jsoncodec.h: the model's shapes read straight off a JsonReader.
#include "aws/jsonreader.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"
#include "lookout/timestamptext.h"

#include <QVarLengthArray>

#include <charconv>

namespace lookout::json {

namespace {

using aws::json::JsonNumber;
using aws::json::JsonReader;
using aws::json::JsonType;
using aws::json::jsonTypeName;

// Where a value sits in the document, built on the stack as the decoder descends; turned into
// text ("DataInputConfiguration.S3InputConfiguration.Bucket", "Summaries[3].Status") only when
// an error needs it.
struct Path {
    const Path *parent = nullptr;
    QByteArrayView member; // empty for the document itself and for list elements
    qsizetype index = -1; // >= 0 for a list element
};

QString pathText(const Path &path)
{
    QVarLengthArray<const Path *, 8> nodes;
    for (const Path *node = &path; node; node = node->parent)
        nodes.append(node);
    QString text;
    for (auto it = nodes.crbegin(); it != nodes.crend(); ++it) {
        const Path *node = *it;
        if (node->index >= 0) {
            text += QLatin1Char('[') % QString::number(node->index) % QLatin1Char(']');
        } else if (!node->member.isEmpty()) {
            if (!text.isEmpty())
                text += QLatin1Char('.');
            text += QLatin1StringView(node->member);
        }
    }
    return text;
}

// Values quoted in error messages are cut short: a hostile body may hold megabytes in one token.
QString excerpt(QByteArrayView text)
{
    constexpr qsizetype kMaxQuoted = 40;
    if (text.size() <= kMaxQuoted)
        return QString::fromUtf8(text);
    return QString::fromUtf8(text.first(kMaxQuoted)) % QStringLiteral("…");
}

bool isBlank(QByteArrayView body)
{
    for (const char c : body) {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    return true;
}

enum class TimestampForm {
    EpochSeconds, // wire: numbers only
    CliOutput, // saved CLI output: ISO 8601 text, or numbers (CLI v1's "wire" format)
};

class ShapeDecoder {
public:
    ShapeDecoder(QByteArrayView body, TimestampForm form, qsizetype maxListItems = -1)
        : m_reader(body)
        , m_body(body)
        , m_form(form)
        , m_maxListItems(maxListItems)
    {
    }

    template<typename T> bool decodeDocument(T &out)
    {
        if (isBlank(m_body))
            return fail(QStringLiteral("the body is empty; expected a JSON object"));
        const std::optional<JsonType> type = m_reader.peekType();
        if (!type)
            return false;
        if (*type != JsonType::Object) {
            return fail(QStringLiteral("expected a JSON object, got ") % jsonTypeName(*type));
        }
        const Path root;
        return members(root, out) && m_reader.finish();
    }

    QString errorMessage() const
    {
        if (m_reader.failed())
            return QStringLiteral("not valid JSON: ") % m_reader.errorMessage();
        return m_error;
    }

private:
    // Matches one object member's key against the shape's member names, reads the value of
    // the one that matches, and skips the values of members the shape does not have.
    class MemberDispatch {
    public:
        MemberDispatch(ShapeDecoder &decoder, const Path &parent, QByteArrayView key)
            : m_decoder(decoder)
            , m_parent(parent)
            , m_key(key)
        {
        }

        template<typename Field> MemberDispatch &on(QByteArrayView name, Field &field)
        {
            if (!m_matched && m_key == name) {
                m_matched = true;
                m_ok = m_decoder.read(Path { &m_parent, name, -1 }, field);
            }
            return *this;
        }

        bool done() { return m_matched ? m_ok : m_decoder.m_reader.skipValue(); }

    private:
        ShapeDecoder &m_decoder;
        const Path &m_parent;
        QByteArrayView m_key;
        bool m_matched = false;
        bool m_ok = true;
    };

    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    bool failAt(const Path &path, const QString &problem)
    {
        return fail(pathText(path) % QStringLiteral(": ") % problem);
    }

    bool typeError(const Path &path, QLatin1StringView expected, JsonType got)
    {
        return failAt(path,
            QStringLiteral("expected ") % expected % QStringLiteral(", got ") % jsonTypeName(got));
    }

    // Reads the value's type; null (which botocore treats as absent) is consumed and reported
    // as nullopt with `ok` true.
    std::optional<JsonType> presentType(bool &ok)
    {
        const std::optional<JsonType> type = m_reader.peekType();
        ok = type.has_value();
        if (type == JsonType::Null) {
            ok = m_reader.readNull();
            return std::nullopt;
        }
        return type;
    }

    template<typename Fn> bool readObject(Fn &&onMember)
    {
        if (!m_reader.beginObject())
            return false;
        QByteArrayView key;
        while (m_reader.nextMember(key)) {
            if (!onMember(key))
                return false;
        }
        return !m_reader.failed();
    }

    bool read(const Path &path, std::optional<QString> &out)
    {
        bool ok = false;
        const std::optional<JsonType> type = presentType(ok);
        if (!type) {
            out.reset();
            return ok;
        }
        if (*type != JsonType::String)
            return typeError(path, QLatin1StringView("string"), *type);
        QString value;
        if (!m_reader.readString(value))
            return false;
        out = std::move(value);
        return true;
    }

    bool read(const Path &path, std::optional<qint64> &out)
    {
        bool ok = false;
        const std::optional<JsonType> type = presentType(ok);
        if (!type) {
            out.reset();
            return ok;
        }
        if (*type != JsonType::Number)
            return typeError(path, QLatin1StringView("integer"), *type);
        JsonNumber number;
        if (!m_reader.readNumber(number))
            return false;
        if (!number.integral) {
            return failAt(path,
                QStringLiteral("expected integer, got fractional number ") % excerpt(number.text));
        }
        qint64 value = 0;
        const char *end = number.text.data() + number.text.size();
        const auto result = std::from_chars(number.text.data(), end, value);
        if (result.ec != std::errc() || result.ptr != end)
            return failAt(path, QStringLiteral("integer out of range: ") % excerpt(number.text));
        out = value;
        return true;
    }

    bool read(const Path &path, std::optional<Timestamp> &out)
    {
        bool ok = false;
        const std::optional<JsonType> type = presentType(ok);
        if (!type) {
            out.reset();
            return ok;
        }
        if (*type == JsonType::Number) {
            JsonNumber number;
            if (!m_reader.readNumber(number))
                return false;
            out = parseEpochSecondsText(number.text);
            if (!out) {
                return failAt(path,
                    QStringLiteral("epoch seconds ") % excerpt(number.text)
                        % QStringLiteral(" out of range (years 0001 to 9999)"));
            }
            return true;
        }
        if (*type == JsonType::String && m_form == TimestampForm::CliOutput) {
            QString text;
            if (!m_reader.readString(text))
                return false;
            out = parseIsoDateTime(text.toUtf8());
            if (!out) {
                return failAt(path,
                    QStringLiteral("not an ISO 8601 date-time with a UTC offset: \"")
                        % excerpt(text.toUtf8()) % QLatin1Char('"'));
            }
            return true;
        }
        return typeError(path,
            m_form == TimestampForm::CliOutput
                ? QLatin1StringView("ISO 8601 string or epoch seconds")
                : QLatin1StringView("number (epoch seconds)"),
            *type);
    }

    // An optional structure member.
    template<typename Shape> bool read(const Path &path, std::optional<Shape> &out)
    {
        bool ok = false;
        const std::optional<JsonType> type = presentType(ok);
        if (!type) {
            out.reset();
            return ok;
        }
        if (*type != JsonType::Object)
            return typeError(path, QLatin1StringView("object"), *type);
        Shape value;
        if (!members(path, value))
            return false;
        out = std::move(value);
        return true;
    }

    // A list of structures; null leaves it empty, null elements are errors (the value types
    // cannot hold them, and nothing the service sends has them).
    template<typename Shape> bool read(const Path &path, QList<Shape> &out)
    {
        bool ok = false;
        const std::optional<JsonType> type = presentType(ok);
        out.clear();
        if (!type)
            return ok;
        if (*type != JsonType::Array)
            return typeError(path, QLatin1StringView("array"), *type);
        if (!m_reader.beginArray())
            return false;
        qsizetype index = 0;
        while (m_reader.nextElement()) {
            if (m_maxListItems >= 0 && index == m_maxListItems)
                return tooManyItems(path, index);
            const Path elementPath { &path, {}, index++ };
            const std::optional<JsonType> elementType = m_reader.peekType();
            if (!elementType)
                return false;
            if (*elementType != JsonType::Object)
                return typeError(elementPath, QLatin1StringView("object"), *elementType);
            Shape element;
            if (!members(elementPath, element))
                return false;
            out.append(std::move(element));
        }
        return !m_reader.failed();
    }

    // A page longer than its request's MaxResults: the rest is skipped, not decoded, so a huge
    // page costs no more memory than the items asked for, and counted for the message.
    bool tooManyItems(const Path &path, qsizetype decoded)
    {
        qsizetype count = decoded;
        do {
            if (!m_reader.skipValue())
                return false;
            ++count;
        } while (m_reader.nextElement());
        if (m_reader.failed())
            return false;
        return failAt(path,
            QStringLiteral("the page has %1 items; the request asked for at most %2 (MaxResults)")
                .arg(count)
                .arg(m_maxListItems));
    }

    bool members(const Path &path, S3Location &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("Bucket", out.bucket)
                .on("Prefix", out.prefix)
                .done();
        });
    }

    bool members(const Path &path, S3Object &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("Bucket", out.bucket)
                .on("Key", out.key)
                .done();
        });
    }

    bool members(const Path &path, InferenceInputNameConfiguration &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("TimestampFormat", out.timestampFormat)
                .on("ComponentTimestampDelimiter", out.componentTimestampDelimiter)
                .done();
        });
    }

    bool members(const Path &path, InferenceInputConfiguration &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("S3InputConfiguration", out.s3InputConfiguration)
                .on("InputTimeZoneOffset", out.inputTimeZoneOffset)
                .on("InferenceInputNameConfiguration", out.inferenceInputNameConfiguration)
                .done();
        });
    }

    bool members(const Path &path, InferenceOutputConfiguration &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("S3OutputConfiguration", out.s3OutputConfiguration)
                .on("KmsKeyId", out.kmsKeyId)
                .done();
        });
    }

    bool members(const Path &path, InferenceScheduler &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("ModelArn", out.modelArn)
                .on("ModelName", out.modelName)
                .on("InferenceSchedulerName", out.inferenceSchedulerName)
                .on("InferenceSchedulerArn", out.inferenceSchedulerArn)
                .on("Status", out.status)
                .on("DataDelayOffsetInMinutes", out.dataDelayOffsetInMinutes)
                .on("DataUploadFrequency", out.dataUploadFrequency)
                .on("CreatedAt", out.createdAt)
                .on("UpdatedAt", out.updatedAt)
                .on("DataInputConfiguration", out.dataInputConfiguration)
                .on("DataOutputConfiguration", out.dataOutputConfiguration)
                .on("RoleArn", out.roleArn)
                .on("ServerSideKmsKeyId", out.serverSideKmsKeyId)
                .on("LatestInferenceResult", out.latestInferenceResult)
                .done();
        });
    }

    bool members(const Path &path, InferenceSchedulerSummary &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("ModelName", out.modelName)
                .on("ModelArn", out.modelArn)
                .on("InferenceSchedulerName", out.inferenceSchedulerName)
                .on("InferenceSchedulerArn", out.inferenceSchedulerArn)
                .on("Status", out.status)
                .on("DataDelayOffsetInMinutes", out.dataDelayOffsetInMinutes)
                .on("DataUploadFrequency", out.dataUploadFrequency)
                .on("LatestInferenceResult", out.latestInferenceResult)
                .done();
        });
    }

    bool members(const Path &path, InferenceExecutionSummary &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("ModelName", out.modelName)
                .on("ModelArn", out.modelArn)
                .on("InferenceSchedulerName", out.inferenceSchedulerName)
                .on("InferenceSchedulerArn", out.inferenceSchedulerArn)
                .on("ScheduledStartTime", out.scheduledStartTime)
                .on("DataStartTime", out.dataStartTime)
                .on("DataEndTime", out.dataEndTime)
                .on("DataInputConfiguration", out.dataInputConfiguration)
                .on("DataOutputConfiguration", out.dataOutputConfiguration)
                .on("CustomerResultObject", out.customerResultObject)
                .on("Status", out.status)
                .on("FailedReason", out.failedReason)
                .on("ModelVersion", out.modelVersion)
                .on("ModelVersionArn", out.modelVersionArn)
                .done();
        });
    }

    bool members(const Path &path, InferenceEventSummary &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("InferenceSchedulerArn", out.inferenceSchedulerArn)
                .on("InferenceSchedulerName", out.inferenceSchedulerName)
                .on("EventStartTime", out.eventStartTime)
                .on("EventEndTime", out.eventEndTime)
                .on("Diagnostics", out.diagnostics)
                .on("EventDurationInSeconds", out.eventDurationInSeconds)
                .done();
        });
    }

    bool members(const Path &path, InferenceEventPage &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("NextToken", out.nextToken)
                .on("InferenceEventSummaries", out.summaries)
                .done();
        });
    }

    bool members(const Path &path, InferenceSchedulerPage &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("NextToken", out.nextToken)
                .on("InferenceSchedulerSummaries", out.summaries)
                .done();
        });
    }

    bool members(const Path &path, InferenceExecutionPage &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("NextToken", out.nextToken)
                .on("InferenceExecutionSummaries", out.summaries)
                .done();
        });
    }

    bool members(const Path &path, SchedulerStateChange &out)
    {
        return readObject([&](QByteArrayView key) {
            return MemberDispatch(*this, path, key)
                .on("ModelArn", out.modelArn)
                .on("ModelName", out.modelName)
                .on("InferenceSchedulerName", out.inferenceSchedulerName)
                .on("InferenceSchedulerArn", out.inferenceSchedulerArn)
                .on("Status", out.status)
                .done();
        });
    }

    JsonReader m_reader;
    QByteArrayView m_body;
    TimestampForm m_form;
    qsizetype m_maxListItems; // -1: no limit
    QString m_error;
};

template<typename T>
aws::Result<T> decode(QByteArrayView body, TimestampForm form, QLatin1StringView operation,
    qsizetype maxListItems = -1)
{
    ShapeDecoder decoder(body, form, maxListItems);
    T value {};
    if (decoder.decodeDocument(value))
        return value;
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::BadResponse;
    error.operation = operation;
    error.message = decoder.errorMessage();
    return error;
}

} // namespace

aws::Result<InferenceScheduler> decodeDescribeInferenceScheduler(QByteArrayView body)
{
    return decode<InferenceScheduler>(body, TimestampForm::EpochSeconds,
        QLatin1StringView(service::operation::kDescribeInferenceScheduler));
}

aws::Result<InferenceSchedulerPage> decodeListInferenceSchedulers(
    QByteArrayView body, int maxResults)
{
    return decode<InferenceSchedulerPage>(body, TimestampForm::EpochSeconds,
        QLatin1StringView(service::operation::kListInferenceSchedulers), maxResults);
}

aws::Result<InferenceExecutionPage> decodeListInferenceExecutions(
    QByteArrayView body, int maxResults)
{
    return decode<InferenceExecutionPage>(body, TimestampForm::EpochSeconds,
        QLatin1StringView(service::operation::kListInferenceExecutions), maxResults);
}

aws::Result<InferenceEventPage> decodeListInferenceEvents(QByteArrayView body, int maxResults)
{
    return decode<InferenceEventPage>(body, TimestampForm::EpochSeconds,
        QLatin1StringView(service::operation::kListInferenceEvents), maxResults);
}

aws::Result<SchedulerStateChange> decodeSchedulerStateChange(QByteArrayView body)
{
    // Start and Stop answer with the same shape; the client names the operation it called.
    return decode<SchedulerStateChange>(body, TimestampForm::EpochSeconds, QLatin1StringView());
}

aws::Result<InferenceScheduler> decodeCliDescribeInferenceScheduler(QByteArrayView json)
{
    return decode<InferenceScheduler>(json, TimestampForm::CliOutput,
        QLatin1StringView(service::operation::kDescribeInferenceScheduler));
}

} // namespace lookout::json
