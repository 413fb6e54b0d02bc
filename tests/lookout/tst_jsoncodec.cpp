#include "lookout/jsoncodec.h"
#include "samplevalues.h"

#include <QRegularExpression>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace lookout;
using aws::AwsError;

namespace {

enum class Operation { Describe, ListSchedulers, ListExecutions, StateChange, CliDescribe };

// Decodes with the operation's decoder; returns the error message, or an empty string.
QString decodeError(Operation operation, const QByteArray &body)
{
    const auto messageOf = [](const auto &result) {
        if (result.ok())
            return QString();
        [&] { QCOMPARE(result.error().kind, AwsError::Kind::BadResponse); }();
        return result.error().message;
    };
    switch (operation) {
    case Operation::Describe:
        return messageOf(json::decodeDescribeInferenceScheduler(body));
    case Operation::ListSchedulers:
        return messageOf(json::decodeListInferenceSchedulers(body));
    case Operation::ListExecutions:
        return messageOf(json::decodeListInferenceExecutions(body));
    case Operation::StateChange:
        return messageOf(json::decodeSchedulerStateChange(body));
    case Operation::CliDescribe:
        return messageOf(json::decodeCliDescribeInferenceScheduler(body));
    }
    return QString();
}

// {"A":{"B":[{},{},{"C":<value>}]}} for the path "A.B[2].C": a body whose only content is one
// value at one path.
QByteArray bodyWithValueAt(const QString &path, const QByteArray &value)
{
    static const QRegularExpression step(u"^([A-Za-z0-9]+)(?:\\[(\\d+)\\])?$"_s);
    QByteArray body = value;
    const QStringList steps = path.split(u'.');
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        const QRegularExpressionMatch match = step.match(*it);
        if (!match.hasMatch())
            return QByteArray(); // a mistyped path fails its row: the body is empty
        if (match.capturedLength(2) > 0) {
            QByteArray list = "[";
            for (int i = 0; i < match.captured(2).toInt(); ++i)
                list += "{},";
            body = list + body + ']';
        }
        body = "{\"" + match.captured(1).toLatin1() + "\":" + body + '}';
    }
    return body;
}

struct MemberKind {
    const char *path;
    const char *wrongValue;
    const char *gotType;
    const char *expected;
};

constexpr MemberKind kString { nullptr, "42", "number", "string" };
constexpr MemberKind kInteger { nullptr, "\"5\"", "string", "integer" };
constexpr MemberKind kTimestamp { nullptr, "\"2024-03-04T18:52:22+00:00\"", "string",
    "number (epoch seconds)" };
constexpr MemberKind kStructure { nullptr, "[]", "array", "object" };
constexpr MemberKind kList { nullptr, "{}", "object", "array" };

void addTypeErrorRow(Operation operation, const QString &path, const MemberKind &kind)
{
    const QByteArray body = bodyWithValueAt(path, kind.wrongValue);
    const QString message = path % u": expected "_s % QLatin1StringView(kind.expected) % u", got "_s
        % QLatin1StringView(kind.gotType);
    QTest::addRow("op %d: %s = %s", int(operation), qPrintable(path), kind.wrongValue)
        << int(operation) << body << message;
}

// Every member of the shapes reachable from `prefix`, with its kind.
void addConfigurationRows(Operation operation, const QString &prefix)
{
    const std::pair<const char *, MemberKind> members[] = {
        { "DataInputConfiguration", kStructure },
        { "DataInputConfiguration.S3InputConfiguration", kStructure },
        { "DataInputConfiguration.S3InputConfiguration.Bucket", kString },
        { "DataInputConfiguration.S3InputConfiguration.Prefix", kString },
        { "DataInputConfiguration.InputTimeZoneOffset", kString },
        { "DataInputConfiguration.InferenceInputNameConfiguration", kStructure },
        { "DataInputConfiguration.InferenceInputNameConfiguration.TimestampFormat", kString },
        { "DataInputConfiguration.InferenceInputNameConfiguration.ComponentTimestampDelimiter",
            kString },
        { "DataOutputConfiguration", kStructure },
        { "DataOutputConfiguration.S3OutputConfiguration", kStructure },
        { "DataOutputConfiguration.S3OutputConfiguration.Bucket", kString },
        { "DataOutputConfiguration.S3OutputConfiguration.Prefix", kString },
        { "DataOutputConfiguration.KmsKeyId", kString },
    };
    for (const auto &[path, kind] : members)
        addTypeErrorRow(operation, prefix + QLatin1StringView(path), kind);
}

} // namespace

class TestJsonCodec : public QObject {
    Q_OBJECT

private slots:
    void decode_fullResponse_givesAllFourteenMembers()
    {
        const auto result
            = json::decodeDescribeInferenceScheduler(test::testData(u"describe-full.json"_s));
        QVERIFY2(result.ok(), qPrintable(test::errorText(result)));
        QCOMPARE(result.value(), test::fullScheduler());
    }

    void encode_fullScheduler_givesTheServiceBytes()
    {
        QCOMPARE(json::encodeDescribeInferenceScheduler(test::fullScheduler()),
            test::testData(u"describe-full.json"_s));
    }

    // describe-full.cli.json was printed by `aws lookoutequipment describe-inference-scheduler
    // --output json` (cli_timestamp_format = iso8601, TZ=UTC) for describe-full.json.
    void cli_fullScheduler_givesTheCliBytes()
    {
        QCOMPARE(json::cliDescribeInferenceScheduler(test::fullScheduler()),
            test::testData(u"describe-full.cli.json"_s));
    }

    void wireRoundTrip_keepsEveryValue()
    {
        const InferenceScheduler scheduler = test::fullScheduler();
        QCOMPARE(json::decodeDescribeInferenceScheduler(
                     json::encodeDescribeInferenceScheduler(scheduler))
                     .value(),
            scheduler);

        InferenceSchedulerPage page;
        for (int i = 0; i < 3; ++i)
            page.summaries.append(test::numberedSummary(i));
        page.nextToken = u"token/with \"quotes\" and \u00e9"_s;
        const auto pageBack
            = json::decodeListInferenceSchedulers(json::encodeListInferenceSchedulers(page));
        QCOMPARE(pageBack.value().summaries, page.summaries);
        QCOMPARE(pageBack.value().nextToken, page.nextToken);

        InferenceExecutionPage executions;
        executions.summaries = { test::fullExecution(), InferenceExecutionSummary {} };
        const auto executionsBack
            = json::decodeListInferenceExecutions(json::encodeListInferenceExecutions(executions));
        QCOMPARE(executionsBack.value().summaries, executions.summaries);
        QCOMPARE(executionsBack.value().nextToken, std::nullopt);

        const SchedulerStateChange change { scheduler.modelArn, scheduler.modelName,
            scheduler.inferenceSchedulerName, scheduler.inferenceSchedulerArn, u"PENDING"_s };
        QCOMPARE(json::decodeSchedulerStateChange(json::encodeSchedulerStateChange(change)).value(),
            change);
    }

    void cliRoundTrip_keepsEveryValue_data()
    {
        QTest::addColumn<json::CliFormat>("format");
        QTest::newRow("iso8601 UTC") << json::CliFormat {};
        QTest::newRow("iso8601 Kolkata")
            << json::CliFormat { json::CliFormat::Timestamps::Iso8601, QTimeZone("Asia/Kolkata") };
        QTest::newRow("iso8601 New York") << json::CliFormat { json::CliFormat::Timestamps::Iso8601,
            QTimeZone("America/New_York") };
        QTest::newRow("wire") << json::CliFormat { json::CliFormat::Timestamps::Wire,
            QTimeZone::utc() };
    }

    void cliRoundTrip_keepsEveryValue()
    {
        QFETCH(json::CliFormat, format);
        InferenceScheduler scheduler = test::fullScheduler();
        scheduler.updatedAt = Timestamp { 1'720'000'000'000'000 };
        const auto back = json::decodeCliDescribeInferenceScheduler(
            json::cliDescribeInferenceScheduler(scheduler, format));
        QVERIFY2(back.ok(), qPrintable(test::errorText(back)));
        QCOMPARE(back.value(), scheduler);
    }

    void typeErrors_nameTheFullPath_data()
    {
        QTest::addColumn<int>("operation");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");

        const std::pair<const char *, MemberKind> describeMembers[] = {
            { "ModelArn", kString },
            { "ModelName", kString },
            { "InferenceSchedulerName", kString },
            { "InferenceSchedulerArn", kString },
            { "Status", kString },
            { "DataDelayOffsetInMinutes", kInteger },
            { "DataUploadFrequency", kString },
            { "CreatedAt", kTimestamp },
            { "UpdatedAt", kTimestamp },
            { "RoleArn", kString },
            { "ServerSideKmsKeyId", kString },
            { "LatestInferenceResult", kString },
        };
        for (const auto &[path, kind] : describeMembers)
            addTypeErrorRow(Operation::Describe, QLatin1StringView(path), kind);
        addConfigurationRows(Operation::Describe, QString());
        addTypeErrorRow(
            Operation::Describe, u"Status"_s, { nullptr, "{\"a\":[1]}", "object", "string" });
        addTypeErrorRow(
            Operation::Describe, u"ModelName"_s, { nullptr, "true", "boolean", "string" });
        addTypeErrorRow(Operation::Describe, u"DataInputConfiguration"_s,
            { nullptr, "\"s3://x\"", "string", "object" });
        addTypeErrorRow(Operation::Describe, u"CreatedAt"_s,
            { nullptr, "[1]", "array", "number (epoch seconds)" });

        const std::pair<const char *, MemberKind> summaryMembers[] = {
            { "ModelName", kString },
            { "ModelArn", kString },
            { "InferenceSchedulerName", kString },
            { "InferenceSchedulerArn", kString },
            { "Status", kString },
            { "DataDelayOffsetInMinutes", kInteger },
            { "DataUploadFrequency", kString },
            { "LatestInferenceResult", kString },
        };
        addTypeErrorRow(Operation::ListSchedulers, u"NextToken"_s, kString);
        addTypeErrorRow(Operation::ListSchedulers, u"InferenceSchedulerSummaries"_s, kList);
        addTypeErrorRow(Operation::ListSchedulers, u"InferenceSchedulerSummaries[2]"_s,
            { nullptr, "\"x\"", "string", "object" });
        addTypeErrorRow(Operation::ListSchedulers, u"InferenceSchedulerSummaries[1]"_s,
            { nullptr, "null", "null", "object" });
        for (const auto &[path, kind] : summaryMembers)
            addTypeErrorRow(Operation::ListSchedulers,
                u"InferenceSchedulerSummaries[3]."_s + QLatin1StringView(path), kind);
        addTypeErrorRow(Operation::ListSchedulers, u"InferenceSchedulerSummaries[3].Status"_s,
            { nullptr, "{}", "object", "string" });

        const std::pair<const char *, MemberKind> executionMembers[] = {
            { "ModelName", kString },
            { "ModelArn", kString },
            { "InferenceSchedulerName", kString },
            { "InferenceSchedulerArn", kString },
            { "ScheduledStartTime", kTimestamp },
            { "DataStartTime", kTimestamp },
            { "DataEndTime", kTimestamp },
            { "CustomerResultObject", kStructure },
            { "CustomerResultObject.Bucket", kString },
            { "CustomerResultObject.Key", kString },
            { "Status", kString },
            { "FailedReason", kString },
            { "ModelVersion", kInteger },
            { "ModelVersionArn", kString },
        };
        addTypeErrorRow(Operation::ListExecutions, u"NextToken"_s, kString);
        addTypeErrorRow(Operation::ListExecutions, u"InferenceExecutionSummaries"_s, kList);
        for (const auto &[path, kind] : executionMembers)
            addTypeErrorRow(Operation::ListExecutions,
                u"InferenceExecutionSummaries[1]."_s + QLatin1StringView(path), kind);
        addConfigurationRows(Operation::ListExecutions, u"InferenceExecutionSummaries[0]."_s);

        for (const char *path : { "ModelArn", "ModelName", "InferenceSchedulerName",
                 "InferenceSchedulerArn", "Status" })
            addTypeErrorRow(Operation::StateChange, QLatin1StringView(path), kString);

        addTypeErrorRow(Operation::CliDescribe, u"CreatedAt"_s,
            { nullptr, "{}", "object", "ISO 8601 string or epoch seconds" });
        addTypeErrorRow(Operation::CliDescribe,
            u"DataInputConfiguration.S3InputConfiguration.Bucket"_s, kString);
    }

    void typeErrors_nameTheFullPath()
    {
        QFETCH(int, operation);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QCOMPARE(decodeError(Operation(operation), body), message);
    }

    void errors_carryKindAndOperation()
    {
        const auto describe = json::decodeDescribeInferenceScheduler("{\"Status\":1}");
        QCOMPARE(describe.error().kind, AwsError::Kind::BadResponse);
        QCOMPARE(describe.error().operation, u"DescribeInferenceScheduler"_s);
        QCOMPARE(json::decodeListInferenceSchedulers("[]").error().operation,
            u"ListInferenceSchedulers"_s);
        QCOMPARE(json::decodeListInferenceExecutions("[]").error().operation,
            u"ListInferenceExecutions"_s);
    }

    void bodiesThatAreNotJsonObjects_areErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << u"the body is empty; expected a JSON object"_s;
        QTest::newRow("blank") << QByteArray(" \r\n")
                               << u"the body is empty; expected a JSON object"_s;
        QTest::newRow("array") << QByteArray("[]") << u"expected a JSON object, got array"_s;
        QTest::newRow("string") << QByteArray("\"RUNNING\"")
                                << u"expected a JSON object, got string"_s;
        QTest::newRow("null") << QByteArray("null") << u"expected a JSON object, got null"_s;
        QTest::newRow("html") << QByteArray("<html>Bad gateway</html>")
                              << u"not valid JSON: unexpected character '<' at offset 0"_s;
        QTest::newRow("truncated") << QByteArray("{\"ModelName\":\"pump")
                                   << u"not valid JSON: unterminated string at offset 13"_s;
        QTest::newRow("truncated after member")
            << QByteArray("{\"ModelName\":\"pump\",")
            << u"not valid JSON: expected a member name in quotes at offset 20"_s;
        QTest::newRow("two objects") << QByteArray(
            "{}{}") << u"not valid JSON: unexpected data after the JSON value at offset 2"_s;
        QTest::newRow("bad UTF-8 in value") << QByteArray("{\"ModelName\":\"\xff\"}")
                                            << u"not valid JSON: invalid UTF-8 at offset 14"_s;
        QTest::newRow("syntax error inside unknown member")
            << QByteArray("{\"Extra\":{\"a\":[1,2,}]}}")
            << u"not valid JSON: unexpected character '}' at offset 19"_s;
        QTest::newRow("syntax error after type error")
            << QByteArray("{\"Status\":5,") << u"Status: expected string, got number"_s;
    }

    void bodiesThatAreNotJsonObjects_areErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QCOMPARE(decodeError(Operation::Describe, body), message);
    }

    void deepNesting_isAnErrorNotACrash()
    {
        const QByteArray deepArray = QByteArray(10'000, '[') + QByteArray(10'000, ']');
        QCOMPARE(decodeError(Operation::Describe, "{\"Unknown\":" + deepArray + "}"),
            u"not valid JSON: nesting deeper than 1024 levels at offset 1034"_s);
        const QByteArray deepObject
            = QByteArray("{\"a\":").repeated(10'000) + "1" + QByteArray(10'000, '}');
        QCOMPARE(decodeError(Operation::ListSchedulers, deepObject),
            u"not valid JSON: nesting deeper than 1024 levels at offset 5120"_s);
        QCOMPARE(
            decodeError(Operation::Describe, "{\"DataInputConfiguration\":" + deepObject + "}"),
            u"not valid JSON: nesting deeper than 1024 levels at offset 5141"_s);
    }

    void unknownMembers_areIgnoredAtEveryLevel()
    {
        QByteArray body = test::testData(u"describe-full.json"_s);
        body.replace("{\"ModelArn\"",
            "{\"Future\":{\"deep\":[[{\"x\":null}],true,-1.5e3,\"\\u00e9\"]},\"ModelArn\"");
        body.replace("{\"Bucket\"", "{\"Region\":\"eu-west-1\",\"Bucket\"");
        body.replace("\"KmsKeyId\"", "\"Tags\":[],\"KmsKeyId\"");
        body.replace("}}", ",\"Trailing\":{}}}");
        const auto result = json::decodeDescribeInferenceScheduler(body);
        QVERIFY2(result.ok(), qPrintable(test::errorText(result)));
        QCOMPARE(result.value(), test::fullScheduler());

        const auto page = json::decodeListInferenceSchedulers(
            "{\"InferenceSchedulerSummaries\":[{\"Status\":\"RUNNING\",\"Tags\":{\"a\":\"b\"}}],"
            "\"Count\":1}");
        QCOMPARE(page.value().summaries.size(), 1);
        QCOMPARE(page.value().summaries[0].status, u"RUNNING"_s);
    }

    void unknownEnumValues_areKeptVerbatim()
    {
        const QByteArray body = "{\"Status\":\"HIBERNATING\",\"DataUploadFrequency\":\"PT2H\","
                                "\"LatestInferenceResult\":\"INCONCLUSIVE\"}";
        const auto result = json::decodeDescribeInferenceScheduler(body);
        QCOMPARE(result.value().status, u"HIBERNATING"_s);
        QCOMPARE(result.value().dataUploadFrequency, u"PT2H"_s);
        QCOMPARE(result.value().latestInferenceResult, u"INCONCLUSIVE"_s);
        QCOMPARE(json::encodeDescribeInferenceScheduler(result.value()), body);

        const auto execution = json::decodeListInferenceExecutions(
            "{\"InferenceExecutionSummaries\":[{\"Status\":\"QUEUED\"}]}");
        QCOMPARE(execution.value().summaries[0].status, u"QUEUED"_s);
    }

    void absentMembers_stayAbsent()
    {
        const auto empty = json::decodeDescribeInferenceScheduler("{}");
        QCOMPARE(empty.value(), InferenceScheduler {});
        QVERIFY(!empty.value().createdAt);
        QVERIFY(!empty.value().dataInputConfiguration);

        InferenceScheduler partial;
        partial.inferenceSchedulerName = u"only-name"_s;
        partial.dataInputConfiguration = InferenceInputConfiguration {};
        partial.dataInputConfiguration->s3InputConfiguration
            = S3Location { u"bucket"_s, std::nullopt };
        const QByteArray partialBody = json::encodeDescribeInferenceScheduler(partial);
        QCOMPARE(partialBody,
            QByteArray("{\"InferenceSchedulerName\":\"only-name\",\"DataInputConfiguration\":{"
                       "\"S3InputConfiguration\":{\"Bucket\":\"bucket\"}}}"));
        QCOMPARE(json::decodeDescribeInferenceScheduler(partialBody).value(), partial);

        const auto emptyPage = json::decodeListInferenceSchedulers("{}");
        QVERIFY(emptyPage.value().summaries.isEmpty());
        QVERIFY(!emptyPage.value().nextToken);
        QCOMPARE(json::encodeListInferenceSchedulers({}),
            QByteArray("{\"InferenceSchedulerSummaries\":[]}"));
        QCOMPARE(json::encodeDescribeInferenceScheduler({}), QByteArray("{}"));
    }

    // A page longer than its request's MaxResults is refused with the count, whatever its
    // summaries hold; a page at the limit is decoded.
    void pageLongerThanMaxResults_isABadResponse()
    {
        const QByteArray three
            = "{\"InferenceSchedulerSummaries\":[{},{\"Status\":\"RUNNING\"},{}]}";
        QCOMPARE(json::decodeListInferenceSchedulers(three, 3).value().summaries.size(), 3);
        QCOMPARE(json::decodeListInferenceSchedulers(three).value().summaries.size(), 3);
        const auto refused = json::decodeListInferenceSchedulers(three, 2);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, AwsError::Kind::BadResponse);
        QCOMPARE(refused.error().operation, u"ListInferenceSchedulers"_s);
        QCOMPARE(refused.error().message,
            u"InferenceSchedulerSummaries: the page has 3 items; the request asked for at most 2 "
            u"(MaxResults)"_s);

        const auto executions = json::decodeListInferenceExecutions(
            "{\"NextToken\":\"t\",\"InferenceExecutionSummaries\":[{},[],\"x\",7]}", 1);
        QCOMPARE(executions.error().operation, u"ListInferenceExecutions"_s);
        QCOMPARE(executions.error().message,
            u"InferenceExecutionSummaries: the page has 4 items; the request asked for at most 1 "
            u"(MaxResults)"_s);
        // What follows the limit is still JSON to check: broken JSON is reported as such.
        QCOMPARE(json::decodeListInferenceExecutions(
                     "{\"InferenceExecutionSummaries\":[{},{},{\"a\":}]}", 1)
                     .error()
                     .message,
            u"not valid JSON: unexpected character '}' at offset 43"_s);
    }

    // botocore skips members whose value is null, so the CLI shows them as absent.
    void nullMembers_areAbsent()
    {
        const auto result = json::decodeDescribeInferenceScheduler(
            "{\"ModelName\":null,\"CreatedAt\":null,\"DataDelayOffsetInMinutes\":null,"
            "\"DataInputConfiguration\":{\"S3InputConfiguration\":null},"
            "\"DataOutputConfiguration\":null}");
        QVERIFY2(result.ok(), qPrintable(test::errorText(result)));
        QVERIFY(!result.value().modelName);
        QVERIFY(!result.value().createdAt);
        QVERIFY(!result.value().dataDelayOffsetInMinutes);
        QVERIFY(result.value().dataInputConfiguration);
        QVERIFY(!result.value().dataInputConfiguration->s3InputConfiguration);
        QVERIFY(!result.value().dataOutputConfiguration);
        QVERIFY(json::decodeListInferenceSchedulers("{\"InferenceSchedulerSummaries\":null}")
                    .value()
                    .summaries.isEmpty());
    }

    // Python's json.loads keeps the last of repeated keys; so does the decoder.
    void repeatedMembers_lastOneWins()
    {
        const auto result = json::decodeDescribeInferenceScheduler(
            "{\"Status\":\"PENDING\",\"Status\":\"RUNNING\",\"ModelName\":\"a\",\"ModelName\":"
            "null}");
        QCOMPARE(result.value().status, u"RUNNING"_s);
        QVERIFY(!result.value().modelName);
    }

    void escapedMemberNames_areMatched()
    {
        const auto result
            = json::decodeDescribeInferenceScheduler("{\"\\u0053tatus\":\"RUNNING\"}");
        QCOMPARE(result.value().status, u"RUNNING"_s);
    }

    void timestamps_acceptIntegralFractionalAndExponentForms_data()
    {
        QTest::addColumn<QByteArray>("number");
        QTest::addColumn<qint64>("micros");
        QTest::newRow("integral") << QByteArray("1709578342") << Q_INT64_C(1'709'578'342'000'000);
        QTest::newRow("fractional")
            << QByteArray("1709578342.308482") << Q_INT64_C(1'709'578'342'308'482);
        QTest::newRow("milliseconds")
            << QByteArray("1709578342.308") << Q_INT64_C(1'709'578'342'308'000);
        QTest::newRow("trailing zeros")
            << QByteArray("1709578342.500") << Q_INT64_C(1'709'578'342'500'000);
        QTest::newRow("nanoseconds round half-even")
            << QByteArray("1709578342.9999995") << Q_INT64_C(1'709'578'343'000'000);
        QTest::newRow("exponent") << QByteArray("1.709578342308482E9")
                                  << Q_INT64_C(1'709'578'342'308'482);
        QTest::newRow("negative") << QByteArray("-1.5") << Q_INT64_C(-1'500'000);
        QTest::newRow("zero") << QByteArray("0") << Q_INT64_C(0);
    }

    void timestamps_acceptIntegralFractionalAndExponentForms()
    {
        QFETCH(QByteArray, number);
        QFETCH(qint64, micros);
        const auto result
            = json::decodeDescribeInferenceScheduler(QByteArray("{\"CreatedAt\":" + number + "}"));
        QVERIFY2(result.ok(), qPrintable(test::errorText(result)));
        QCOMPARE(result.value().createdAt, Timestamp { micros });
    }

    void timestamps_outOfRangeAreErrors_data()
    {
        QTest::addColumn<QByteArray>("number");
        QTest::newRow("overflows double") << QByteArray("1e400");
        QTest::newRow("year 10000") << QByteArray("253402300800");
        QTest::newRow("absurd") << QByteArray("1e300");
        QTest::newRow("absurd negative") << QByteArray("-1e20");
        QTest::newRow("many digits") << QByteArray("9").repeated(400);
    }

    void timestamps_outOfRangeAreErrors()
    {
        QFETCH(QByteArray, number);
        const QString message = decodeError(Operation::Describe, "{\"UpdatedAt\":" + number + "}");
        const QString quoted = number.size() > 40 ? QString::fromLatin1(number.left(40)) + u"…"_s
                                                  : QString::fromLatin1(number);
        QCOMPARE(message,
            u"UpdatedAt: epoch seconds "_s + quoted + u" out of range (years 0001 to 9999)"_s);
    }

    void integers_mustBeWholeAndFitInSixtyFourBits()
    {
        QCOMPARE(decodeError(Operation::Describe, "{\"DataDelayOffsetInMinutes\":5.5}"),
            u"DataDelayOffsetInMinutes: expected integer, got fractional number 5.5"_s);
        QCOMPARE(decodeError(Operation::Describe, "{\"DataDelayOffsetInMinutes\":5e1}"),
            u"DataDelayOffsetInMinutes: expected integer, got fractional number 5e1"_s);
        QCOMPARE(decodeError(Operation::ListExecutions,
                     "{\"InferenceExecutionSummaries\":[{\"ModelVersion\":99999999999999999999}]}"),
            u"InferenceExecutionSummaries[0].ModelVersion: integer out of range: 99999999999999999999"_s);
        QCOMPARE(json::decodeDescribeInferenceScheduler(
                     "{\"DataDelayOffsetInMinutes\":-9223372036854775808}")
                     .value()
                     .dataDelayOffsetInMinutes,
            std::numeric_limits<qint64>::min());
        // Out-of-model values are data: the service's constraints are not the decoder's business.
        QCOMPARE(json::decodeDescribeInferenceScheduler("{\"DataDelayOffsetInMinutes\":600}")
                     .value()
                     .dataDelayOffsetInMinutes,
            600);
    }

    void strings_keepUnicodeAndEscapes()
    {
        InferenceScheduler scheduler;
        scheduler.dataInputConfiguration = InferenceInputConfiguration {};
        scheduler.dataInputConfiguration->s3InputConfiguration = S3Location { u"bucket"_s,
            QString::fromUtf8("Pr\xc3\xbc"
                              "fstand/\xe6\x97\xa5\xe6\x9c\xac/\xf0\x9f\x98\x80/\"q\"\\\t\x01/") };
        const QByteArray body = json::encodeDescribeInferenceScheduler(scheduler);
        QVERIFY(body.contains(
            "Pr\xc3\xbc"
            "fstand/\xe6\x97\xa5\xe6\x9c\xac/\xf0\x9f\x98\x80/\\\"q\\\"\\\\\\t\\u0001/"));
        QCOMPARE(json::decodeDescribeInferenceScheduler(body).value(), scheduler);
        const auto escaped = json::decodeDescribeInferenceScheduler(
            "{\"ModelName\":\"caf\\u00e9 \\ud83d\\ude00\"}");
        QCOMPARE(escaped.value().modelName, QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80"));
    }

    void errorMessages_quoteHugeValuesShortly()
    {
        const QByteArray huge = "1." + QByteArray(1'000'000, '5');
        const QString message
            = decodeError(Operation::Describe, "{\"DataDelayOffsetInMinutes\":" + huge + "}");
        QVERIFY(message.startsWith(
            u"DataDelayOffsetInMinutes: expected integer, got fractional number 1.555"_s));
        QVERIFY(message.size() < 120);
    }

    void cliDecode_acceptsIsoTimestampsWithAnyOffsetAndEpochNumbers()
    {
        const auto result = json::decodeCliDescribeInferenceScheduler(
            "{\"CreatedAt\":\"2024-03-05T00:22:22.308482+05:30\",\"UpdatedAt\":\"2024-04-05T15:34:"
            "38.9-04:00\"}");
        QVERIFY2(result.ok(), qPrintable(test::errorText(result)));
        QCOMPARE(result.value().createdAt, Timestamp { 1'709'578'342'308'482 });
        QCOMPARE(result.value().updatedAt, Timestamp { 1'712'345'678'900'000 });

        const auto whole = json::decodeCliDescribeInferenceScheduler(
            "{\"CreatedAt\":\"2024-03-04T18:52:22+00:00\"}");
        QCOMPARE(whole.value().createdAt, Timestamp { 1'709'578'342'000'000 });

        // AWS CLI v1 prints timestamps as they came over the wire.
        const auto v1
            = json::decodeCliDescribeInferenceScheduler("{\"CreatedAt\":1709578342.308482}");
        QCOMPARE(v1.value().createdAt, Timestamp { 1'709'578'342'308'482 });
    }

    void cliDecode_rejectsTimestampsWithoutOffsetOrMalformed()
    {
        QCOMPARE(
            decodeError(Operation::CliDescribe, "{\"CreatedAt\":\"2024-03-04T18:52:22.308482\"}"),
            u"CreatedAt: not an ISO 8601 date-time with a UTC offset: \"2024-03-04T18:52:22.308482\""_s);
        QCOMPARE(decodeError(Operation::CliDescribe, "{\"UpdatedAt\":\"yesterday\"}"),
            u"UpdatedAt: not an ISO 8601 date-time with a UTC offset: \"yesterday\""_s);
        QCOMPARE(decodeError(Operation::CliDescribe, "{\"UpdatedAt\":\"2024-02-30T00:00:00Z\"}"),
            u"UpdatedAt: not an ISO 8601 date-time with a UTC offset: \"2024-02-30T00:00:00Z\""_s);
        QCOMPARE(decodeError(Operation::CliDescribe, "{\"ModelName\":\"pump\"\n"),
            u"not valid JSON: unexpected end of input at offset 20"_s);
        QCOMPARE(
            decodeError(Operation::CliDescribe, "An error occurred (ResourceNotFoundException)"),
            u"not valid JSON: unexpected character 'A' at offset 0"_s);
    }

    void cliOutput_emptyResponsePrintsNothing()
    {
        QCOMPARE(json::cliDescribeInferenceScheduler({}), QByteArray());
        QCOMPARE(json::cliSchedulerStateChange({}), QByteArray());
    }

    void cliOutput_emptyListsAndStructures()
    {
        QCOMPARE(json::cliListInferenceSchedulers({}),
            QByteArray("{\n    \"InferenceSchedulerSummaries\": []\n}\n"));
        QCOMPARE(json::cliListInferenceExecutions({}),
            QByteArray("{\n    \"InferenceExecutionSummaries\": []\n}\n"));
        InferenceScheduler scheduler;
        scheduler.dataOutputConfiguration = InferenceOutputConfiguration {};
        QCOMPARE(json::cliDescribeInferenceScheduler(scheduler),
            QByteArray("{\n    \"DataOutputConfiguration\": {}\n}\n"));
    }

    void cliOutput_stateChangeAndSummaries()
    {
        const SchedulerStateChange change { std::nullopt, u"m"_s, u"s"_s, std::nullopt,
            u"STOPPING"_s };
        QCOMPARE(json::cliSchedulerStateChange(change),
            QByteArray("{\n    \"ModelName\": \"m\",\n    \"InferenceSchedulerName\": \"s\",\n"
                       "    \"Status\": \"STOPPING\"\n}\n"));
        InferenceSchedulerSummary summary;
        summary.inferenceSchedulerName = u"a"_s;
        summary.dataDelayOffsetInMinutes = 0;
        QCOMPARE(json::cliListInferenceSchedulers({ summary, InferenceSchedulerSummary {} }),
            QByteArray(
                "{\n    \"InferenceSchedulerSummaries\": [\n        {\n"
                "            \"InferenceSchedulerName\": \"a\",\n"
                "            \"DataDelayOffsetInMinutes\": 0\n        },\n        {}\n    ]\n}\n"));
    }

    void cliOutput_wireTimestampsAreNumbers()
    {
        InferenceScheduler scheduler;
        scheduler.createdAt = Timestamp { 1'709'578'342'308'482 };
        scheduler.updatedAt = Timestamp { 1'709'578'342'000'000 };
        QCOMPARE(json::cliDescribeInferenceScheduler(
                     scheduler, { json::CliFormat::Timestamps::Wire, QTimeZone::utc() }),
            QByteArray(
                "{\n    \"CreatedAt\": 1709578342.308482,\n    \"UpdatedAt\": 1709578342\n}\n"));
    }
};

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
