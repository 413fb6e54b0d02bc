// The emulated service without sockets: every operation, filters, pagination, validation texts,
// error shapes, authentication order, state transitions on a hand-driven clock, faults.
#include "emulator/emulatorservice.h"
#include "emulator/fleetgenerator.h"
#include "lookout/jsoncodec.h"
#include "signedrequests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using core::ManualClock;
using emulator::EmulatorService;
using emulator::HttpRequest;
using emulator::HttpResponse;

namespace {

const QDateTime kStart(QDate(2026, 3, 4), QTime(10, 0, 0), Qt::UTC);
constexpr int kFleetSize = 300;

struct Reply {
    HttpResponse response;
    QJsonObject json;

    int status() const { return response.status; }
    QByteArray header(QByteArrayView name) const
    {
        return emulator::headerValue(response.headers, name);
    }
    QString errorType() const { return json.value(QLatin1String("__type")).toString(); }
    QString message() const
    {
        return json.contains(QLatin1String("Message"))
            ? json.value(QLatin1String("Message")).toString()
            : json.value(QLatin1String("message")).toString();
    }
};

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestEmulatorService : public QObject {
    Q_OBJECT
private slots:
    void init();

    void describe_returnsTheScheduler();
    void everyResponse_hasRequestIdDateAndContentType();
    void describe_unknownName_isResourceNotFound();
    void describe_badNames_areValidationExceptions_data();
    void describe_badNames_areValidationExceptions();
    void wrongMemberType_isSerializationException();
    void unknownMembers_areIgnored();
    void routingErrors_data();
    void routingErrors();
    void bodyNotAJsonObject_isSerializationException_data();
    void bodyNotAJsonObject_isSerializationException();
    void authentication_comesBeforeTheOperation();
    void requestClock_checksSignaturesWhileTheFleetsClockStands();
    void list_defaultPageHasFiftyAndAToken();
    void list_pagesThroughTheWholeFleetOnce();
    void list_maxResultsOutOfRange_isValidationException_data();
    void list_maxResultsOutOfRange_isValidationException();
    void list_filtersByPrefixStatusAndModel();
    void list_badFilters_areValidationExceptions();
    void list_foreignOrTamperedToken_isValidationException();
    void executions_pagedNewestFirst();
    void executions_timeAndStatusFilters();
    void executions_unknownScheduler_isResourceNotFound();
    void executions_tokenForOtherFilters_isRejected();
    void events_pagedOldestFirst_likeOnePage();
    void events_intervalIsRequired_data();
    void events_intervalIsRequired();
    void events_unknownScheduler_isResourceNotFound();
    void events_tokenForAnotherInterval_isRejected();
    void start_goesPendingThenRunning_onTheClock();
    void stop_goesStoppingThenStopped_onTheClock();
    void startOrStopInWrongState_isConflict();
    void startOrStopWithoutStatus_isConflictSayingSo();
    void deniedOperation_isAccessDeniedNamingTheAction();
    void describeModel_returnsTheModel();
    void describeModel_unknown_isResourceNotFound();
    void faults_matchConfiguredRates();
    void faults_sameSeedSameSequence();
    void churn_changesTheFleetAsTheClockMoves();

private:
    Reply call(QByteArrayView operation, const QJsonObject &input);
    Reply send(const HttpRequest &request);
    QString schedulerWithStatus(const char *status) const;

    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<EmulatorService> m_service;
};

void TestEmulatorService::init()
{
    m_clock = std::make_shared<ManualClock>(kStart);
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    emulator::Fleet fleet = emulator::generateFleet(
        { kFleetSize, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000);
    m_service = std::make_unique<EmulatorService>(config, std::move(fleet), m_clock);
}

Reply TestEmulatorService::send(const HttpRequest &request)
{
    Reply reply;
    reply.response = m_service->handle(request);
    reply.json = QJsonDocument::fromJson(reply.response.body).object();
    return reply;
}

Reply TestEmulatorService::call(QByteArrayView operation, const QJsonObject &input)
{
    return send(emulatortest::signedRequest(operation, jsonBody(input), m_clock->now()));
}

QString TestEmulatorService::schedulerWithStatus(const char *status) const
{
    const emulator::Fleet &fleet = m_service->fleet();
    for (int i = 0; i < fleet.size(); ++i) {
        if (fleet.at(i).status() == QLatin1String(status))
            return fleet.at(i).name();
    }
    return {};
}

void TestEmulatorService::describe_returnsTheScheduler()
{
    const emulator::SchedulerRecord &record = m_service->fleet().at(17);
    const Reply reply = call("DescribeInferenceScheduler",
        { { QStringLiteral("InferenceSchedulerName"), record.name() } });
    QCOMPARE(reply.status(), 200);
    const auto decoded = lookout::json::decodeDescribeInferenceScheduler(reply.response.body);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
    QCOMPARE(decoded.value(), record.scheduler);
}

void TestEmulatorService::everyResponse_hasRequestIdDateAndContentType()
{
    const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QByteArray> ids;
    const QList<Reply> replies = {
        call("DescribeInferenceScheduler",
            { { QStringLiteral("InferenceSchedulerName"), m_service->fleet().at(0).name() } }),
        call("DescribeInferenceScheduler",
            { { QStringLiteral("InferenceSchedulerName"), QStringLiteral("nope") } }),
        send(emulatortest::unsignedRequest("ListInferenceSchedulers", "{}")),
        call("NoSuchOperation", {}),
    };
    for (const Reply &reply : replies) {
        QVERIFY2(uuid.match(QString::fromLatin1(reply.header("x-amzn-RequestId"))).hasMatch(),
            reply.header("x-amzn-RequestId"));
        ids.insert(reply.header("x-amzn-RequestId"));
        QCOMPARE(reply.header("Date"), QByteArray("Wed, 04 Mar 2026 10:00:00 GMT"));
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/x-amz-json-1.0"));
        QCOMPARE(reply.response.delay.count(), 0);
    }
    QCOMPARE(ids.size(), replies.size());
    QVERIFY(replies[0].header("X-Amzn-Errortype").isEmpty());
    QVERIFY(!replies[1].header("X-Amzn-Errortype").isEmpty());
}

void TestEmulatorService::describe_unknownName_isResourceNotFound()
{
    const Reply reply = call("DescribeInferenceScheduler",
        { { QStringLiteral("InferenceSchedulerName"), QStringLiteral("no-such-pump") } });
    QCOMPARE(reply.status(), 404);
    QCOMPARE(reply.header("X-Amzn-Errortype"),
        QByteArray("ResourceNotFoundException:http://internal.amazon.com/coral/"
                   "com.amazonaws.lookoutequipment/"));
    QCOMPARE(reply.errorType(),
        QStringLiteral("com.amazonaws.lookoutequipment#ResourceNotFoundException"));
    QCOMPARE(reply.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("Inference scheduler no-such-pump does not exist."));
}

void TestEmulatorService::describe_badNames_areValidationExceptions_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("message");
    const QString pattern
        = QStringLiteral("failed to satisfy constraint: Member must satisfy regular expression "
                         "pattern: ^[0-9a-zA-Z_-]{1,200}$");
    QTest::newRow("space") << QJsonObject { { QStringLiteral("InferenceSchedulerName"),
        QStringLiteral("pump station") } }
                           << QStringLiteral("1 validation error detected: Value 'pump station' at "
                                             "'inferenceSchedulerName' ")
            + pattern;
    QTest::newRow("missing")
        << QJsonObject {}
        << QStringLiteral("1 validation error detected: Value null at 'inferenceSchedulerName' "
                          "failed to satisfy constraint: Member must not be null");
    QTest::newRow("null")
        << QJsonObject { { QStringLiteral("InferenceSchedulerName"), QJsonValue::Null } }
        << QStringLiteral("1 validation error detected: Value null at 'inferenceSchedulerName' "
                          "failed to satisfy constraint: Member must not be null");
    const QString longName(201, QLatin1Char('a'));
    QTest::newRow("201 characters")
        << QJsonObject { { QStringLiteral("InferenceSchedulerName"), longName } }
        << QStringLiteral("2 validation errors detected: Value '") + longName
            + QStringLiteral("' at 'inferenceSchedulerName' ") + pattern
            + QStringLiteral("; Value '") + longName
            + QStringLiteral("' at 'inferenceSchedulerName' failed to satisfy constraint: Member "
                             "must have length "
                             "less than or equal to 200");
    QTest::newRow("empty")
        << QJsonObject { { QStringLiteral("InferenceSchedulerName"), QString() } }
        << QStringLiteral("2 validation errors detected: Value '' at 'inferenceSchedulerName' ")
            + pattern
            + QStringLiteral("; Value '' at 'inferenceSchedulerName' failed to satisfy constraint: "
                             "Member must have "
                             "length greater than or equal to 1");
}

void TestEmulatorService::describe_badNames_areValidationExceptions()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, message);
    const Reply reply = call("DescribeInferenceScheduler", input);
    QCOMPARE(reply.status(), 400);
    QCOMPARE(
        reply.errorType(), QStringLiteral("com.amazonaws.lookoutequipment#ValidationException"));
    QCOMPARE(reply.header("X-Amzn-Errortype"),
        QByteArray("ValidationException:http://internal.amazon.com/coral/"
                   "com.amazonaws.lookoutequipment/"));
    QCOMPARE(reply.message(), message);
}

void TestEmulatorService::wrongMemberType_isSerializationException()
{
    const Reply reply
        = call("DescribeInferenceScheduler", { { QStringLiteral("InferenceSchedulerName"), 42 } });
    QCOMPARE(reply.status(), 400);
    QCOMPARE(reply.errorType(), QStringLiteral("SerializationException"));
    QCOMPARE(
        reply.message(), QStringLiteral("InferenceSchedulerName: expected string, got number"));

    const Reply fractional
        = call("ListInferenceSchedulers", { { QStringLiteral("MaxResults"), 2.5 } });
    QCOMPARE(fractional.errorType(), QStringLiteral("SerializationException"));
    QCOMPARE(fractional.message(), QStringLiteral("MaxResults: expected integer, got 2.5"));
}

void TestEmulatorService::unknownMembers_areIgnored()
{
    const Reply reply = call("DescribeInferenceScheduler",
        { { QStringLiteral("InferenceSchedulerName"), m_service->fleet().at(0).name() },
            { QStringLiteral("Verbose"), true } });
    QCOMPARE(reply.status(), 200);
}

void TestEmulatorService::routingErrors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    const QByteArray describe = "AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler";
    const QByteArray json = "application/x-amz-json-1.0";
    QTest::newRow("unknown operation")
        << QByteArray("POST") << QByteArray("/")
        << QByteArray("AWSLookoutEquipmentFrontendService.CreateDataset") << json << 400
        << QStringLiteral("UnknownOperationException")
        << QStringLiteral("Unknown operation AWSLookoutEquipmentFrontendService.CreateDataset");
    QTest::newRow("other service's target")
        << QByteArray("POST") << QByteArray("/") << QByteArray("DynamoDB_20120810.ListTables")
        << json << 400 << QStringLiteral("UnknownOperationException")
        << QStringLiteral("Unknown operation DynamoDB_20120810.ListTables");
    QTest::newRow("no target") << QByteArray("POST") << QByteArray("/") << QByteArray() << json
                               << 400 << QStringLiteral("UnknownOperationException")
                               << QStringLiteral("Missing X-Amz-Target header; expected "
                                                 "AWSLookoutEquipmentFrontendService.<Operation>");
    QTest::newRow("GET") << QByteArray("GET") << QByteArray("/") << describe << json << 404
                         << QStringLiteral("UnknownOperationException")
                         << QStringLiteral(
                                "This endpoint serves only POST / (AWS JSON 1.0), not GET /");
    QTest::newRow("other path")
        << QByteArray("POST") << QByteArray("/v1/schedulers") << describe << json << 404
        << QStringLiteral("UnknownOperationException")
        << QStringLiteral(
               "This endpoint serves only POST / (AWS JSON 1.0), not POST /v1/schedulers");
    QTest::newRow("plain JSON content type")
        << QByteArray("POST") << QByteArray("/") << describe << QByteArray("application/json")
        << 400 << QStringLiteral("SerializationException")
        << QStringLiteral(
               "Content-Type must be application/x-amz-json-1.0, not 'application/json'");
}

void TestEmulatorService::routingErrors()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, message);
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.headers = { { "Host", emulatortest::kHost }, { "Content-Type", contentType } };
    if (!target.isEmpty())
        request.headers.append({ "X-Amz-Target", target });
    request.body = "{}";
    const Reply reply = send(request);
    QCOMPARE(reply.status(), status);
    QCOMPARE(reply.errorType(), type);
    QCOMPARE(reply.json.value(QLatin1String("message")).toString(), message);
    QCOMPARE(reply.header("X-Amzn-Errortype"),
        type.toLatin1() + ":http://internal.amazon.com/coral/com.amazon.coral.service/");
}

void TestEmulatorService::bodyNotAJsonObject_isSerializationException_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messageStart");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("Request body is not valid JSON: ");
    QTest::newRow("truncated") << QByteArray("{\"InferenceSchedulerName\":")
                               << QStringLiteral("Request body is not valid JSON: ");
    QTest::newRow("array") << QByteArray("[]")
                           << QStringLiteral("Request body must be a JSON object, not an array");
    QTest::newRow("html") << QByteArray("<html/>")
                          << QStringLiteral("Request body is not valid JSON: ");
}

void TestEmulatorService::bodyNotAJsonObject_isSerializationException()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, messageStart);
    const Reply reply
        = send(emulatortest::signedRequest("DescribeInferenceScheduler", body, m_clock->now()));
    QCOMPARE(reply.status(), 400);
    QCOMPARE(reply.errorType(), QStringLiteral("SerializationException"));
    QVERIFY2(reply.message().startsWith(messageStart), qPrintable(reply.message()));
}

void TestEmulatorService::authentication_comesBeforeTheOperation()
{
    // Not signed: refused before the (missing) name is even looked at.
    const Reply unsignedReply
        = send(emulatortest::unsignedRequest("DescribeInferenceScheduler", "{}"));
    QCOMPARE(unsignedReply.status(), 400);
    QCOMPARE(unsignedReply.errorType(), QStringLiteral("MissingAuthenticationTokenException"));

    aws::AwsCredentials wrong = emulatortest::demoCredentials();
    wrong.secretAccessKey = QStringLiteral("not-the-secret");
    const Reply wrongSecret = send(emulatortest::signedRequest(
        "StartInferenceScheduler", R"({"InferenceSchedulerName":"x"})", m_clock->now(), wrong));
    QCOMPARE(wrongSecret.errorType(), QStringLiteral("InvalidSignatureException"));

    // A signature from 6 minutes ago, presented now.
    const HttpRequest old
        = emulatortest::signedRequest("ListInferenceSchedulers", "{}", m_clock->now());
    m_clock->advance(std::chrono::minutes(6));
    const Reply expired = send(old);
    QCOMPARE(expired.errorType(), QStringLiteral("InvalidSignatureException"));
    QVERIFY2(expired.message().startsWith(
                 QLatin1String("Signature expired: 20260304T100000Z is now earlier than")),
        qPrintable(expired.message()));
}

// A fleet whose clock stands still still accepts requests signed at the request clock's time
// (the real one, in the CLI parity test), and its Date says that time.
void TestEmulatorService::requestClock_checksSignaturesWhileTheFleetsClockStands()
{
    const auto requestClock = std::make_shared<ManualClock>(kStart.addSecs(3600));
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    config.requestClock = requestClock;
    EmulatorService service(config,
        emulator::generateFleet(
            { kFleetSize, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000),
        m_clock);

    Reply signedNow;
    signedNow.response = service.handle(
        emulatortest::signedRequest("ListInferenceSchedulers", "{}", requestClock->now()));
    QCOMPARE(signedNow.response.status, 200);
    QCOMPARE(signedNow.header("Date"), QByteArray("Wed, 04 Mar 2026 11:00:00 GMT"));

    Reply signedAtTheFleetsTime;
    signedAtTheFleetsTime.response = service.handle(
        emulatortest::signedRequest("ListInferenceSchedulers", "{}", m_clock->now()));
    QCOMPARE(signedAtTheFleetsTime.response.status, 400);
    signedAtTheFleetsTime.json
        = QJsonDocument::fromJson(signedAtTheFleetsTime.response.body).object();
    QVERIFY2(signedAtTheFleetsTime.message().startsWith(
                 QLatin1String("Signature expired: 20260304T100000Z")),
        qPrintable(signedAtTheFleetsTime.message()));
}

void TestEmulatorService::list_defaultPageHasFiftyAndAToken()
{
    const Reply reply = call("ListInferenceSchedulers", {});
    QCOMPARE(reply.status(), 200);
    const auto page = lookout::json::decodeListInferenceSchedulers(reply.response.body);
    QVERIFY(page);
    QCOMPARE(page.value().summaries.size(), 50);
    QVERIFY(page.value().nextToken);
    QCOMPARE(
        page.value().summaries.first(), lookout::summaryOf(m_service->fleet().at(0).scheduler));
}

void TestEmulatorService::list_pagesThroughTheWholeFleetOnce()
{
    QStringList names;
    std::optional<QString> token;
    int pages = 0;
    do {
        QJsonObject input { { QStringLiteral("MaxResults"), 7 } };
        if (token)
            input.insert(QStringLiteral("NextToken"), *token);
        const Reply reply = call("ListInferenceSchedulers", input);
        QCOMPARE(reply.status(), 200);
        const auto page = lookout::json::decodeListInferenceSchedulers(reply.response.body);
        QVERIFY(page);
        QVERIFY(page.value().summaries.size() <= 7);
        for (const lookout::InferenceSchedulerSummary &summary : page.value().summaries)
            names.append(*summary.inferenceSchedulerName);
        token = page.value().nextToken;
        ++pages;
    } while (token && pages < 100);
    QCOMPARE(pages, (kFleetSize + 6) / 7);
    QCOMPARE(names.size(), kFleetSize);
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), kFleetSize);
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);

    const Reply all = call("ListInferenceSchedulers", { { QStringLiteral("MaxResults"), 500 } });
    const auto page = lookout::json::decodeListInferenceSchedulers(all.response.body);
    QCOMPARE(page.value().summaries.size(), kFleetSize);
    QVERIFY(!page.value().nextToken);
}

void TestEmulatorService::list_maxResultsOutOfRange_isValidationException_data()
{
    QTest::addColumn<int>("maxResults");
    QTest::addColumn<QString>("message");
    QTest::newRow("0")
        << 0
        << QStringLiteral(
               "1 validation error detected: Value '0' at 'maxResults' failed to satisfy "
               "constraint: Member must have value greater than or equal to 1");
    QTest::newRow("501")
        << 501
        << QStringLiteral(
               "1 validation error detected: Value '501' at 'maxResults' failed to satisfy "
               "constraint: Member must have value less than or equal to 500");
}

void TestEmulatorService::list_maxResultsOutOfRange_isValidationException()
{
    QFETCH(int, maxResults);
    QFETCH(QString, message);
    const Reply reply
        = call("ListInferenceSchedulers", { { QStringLiteral("MaxResults"), maxResults } });
    QCOMPARE(reply.status(), 400);
    QCOMPARE(reply.message(), message);
}

void TestEmulatorService::list_filtersByPrefixStatusAndModel()
{
    const emulator::Fleet &fleet = m_service->fleet();
    const auto listAll = [this](QJsonObject input) {
        input.insert(QStringLiteral("MaxResults"), 500);
        const Reply reply = call("ListInferenceSchedulers", input);
        return lookout::json::decodeListInferenceSchedulers(reply.response.body).value().summaries;
    };

    const auto pumps = listAll({ { QStringLiteral("InferenceSchedulerNameBeginsWith"),
        QStringLiteral("pump-station-") } });
    int expectedPumps = 0;
    for (int i = 0; i < fleet.size(); ++i)
        expectedPumps += fleet.at(i).name().startsWith(QLatin1String("pump-station-")) ? 1 : 0;
    QVERIFY(expectedPumps > 0);
    QCOMPARE(pumps.size(), expectedPumps);
    for (const auto &summary : pumps)
        QVERIFY(summary.inferenceSchedulerName->startsWith(QLatin1String("pump-station-")));

    const auto stopped = listAll({ { QStringLiteral("Status"), QStringLiteral("STOPPED") } });
    QVERIFY(!stopped.isEmpty());
    for (const auto &summary : stopped)
        QCOMPARE(*summary.status, QStringLiteral("STOPPED"));

    const QString model = *fleet.at(0).scheduler.modelName;
    const auto byModel = listAll({ { QStringLiteral("ModelName"), model } });
    QVERIFY(!byModel.isEmpty());
    for (const auto &summary : byModel)
        QCOMPARE(*summary.modelName, model);

    const auto combined = listAll({ { QStringLiteral("ModelName"), model },
        { QStringLiteral("Status"), QStringLiteral("RUNNING") } });
    for (const auto &summary : combined)
        QVERIFY(*summary.modelName == model && *summary.status == QLatin1String("RUNNING"));
    QVERIFY(combined.size() <= byModel.size());

    QVERIFY(
        listAll({ { QStringLiteral("InferenceSchedulerNameBeginsWith"), QStringLiteral("zzz") } })
            .isEmpty());
}

void TestEmulatorService::list_badFilters_areValidationExceptions()
{
    const Reply reply = call("ListInferenceSchedulers",
        { { QStringLiteral("Status"), QStringLiteral("BROKEN") },
            { QStringLiteral("ModelName"), QStringLiteral("a/b") } });
    QCOMPARE(reply.status(), 400);
    QCOMPARE(reply.message(),
        QStringLiteral(
            "2 validation errors detected: Value 'a/b' at 'modelName' failed to satisfy "
            "constraint: "
            "Member must satisfy regular expression pattern: ^[0-9a-zA-Z_-]{1,200}$; Value "
            "'BROKEN' at "
            "'status' failed to satisfy constraint: Member must satisfy enum value set: [PENDING, "
            "RUNNING, STOPPING, STOPPED]"));
}

void TestEmulatorService::list_foreignOrTamperedToken_isValidationException()
{
    const Reply first = call("ListInferenceSchedulers", { { QStringLiteral("MaxResults"), 5 } });
    const QString token = first.json.value(QLatin1String("NextToken")).toString();
    QVERIFY(!token.isEmpty());
    const QString invalid = QStringLiteral(
        "Invalid NextToken: it was not issued by this endpoint for the same request parameters.");

    QString tampered = token;
    tampered[2] = tampered[2] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    const QStringList bad
        = { tampered, QStringLiteral("garbage"), QString(), QStringLiteral("a.b") };
    for (const QString &candidate : bad) {
        const Reply reply
            = call("ListInferenceSchedulers", { { QStringLiteral("NextToken"), candidate } });
        QCOMPARE(reply.status(), 400);
        QCOMPARE(reply.message(), invalid);
    }
    // The same token with different filters.
    const Reply otherFilters = call("ListInferenceSchedulers",
        { { QStringLiteral("NextToken"), token },
            { QStringLiteral("Status"), QStringLiteral("RUNNING") } });
    QCOMPARE(otherFilters.message(), invalid);
    // A token from another emulator (another key).
    EmulatorService other(
        { QStringLiteral("us-east-1"), emulatortest::demoCredentials(), {}, {}, {}, {} },
        emulator::generateFleet(
            { kFleetSize, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000),
        m_clock);
    const HttpResponse foreign = other.handle(emulatortest::signedRequest("ListInferenceSchedulers",
        jsonBody({ { QStringLiteral("NextToken"), token } }), m_clock->now()));
    QCOMPARE(foreign.status, 400);
    // Non-ASCII breaks the model's pattern before the token is even opened.
    const Reply nonAscii = call(
        "ListInferenceSchedulers", { { QStringLiteral("NextToken"), QStringLiteral("tök") } });
    QCOMPARE(nonAscii.message(),
        QStringLiteral("1 validation error detected: Value 'tök' at 'nextToken' failed to satisfy "
                       "constraint: Member must satisfy regular expression pattern: "
                       "\\p{ASCII}{0,8192}"));
    // The valid token still works.
    QCOMPARE(
        call("ListInferenceSchedulers", { { QStringLiteral("NextToken"), token } }).status(), 200);
}

void TestEmulatorService::executions_pagedNewestFirst()
{
    const QString name = schedulerWithStatus("RUNNING");
    qint64 previous = std::numeric_limits<qint64>::max();
    std::optional<QString> token;
    int total = 0;
    for (int page = 0; page < 4; ++page) {
        QJsonObject input { { QStringLiteral("InferenceSchedulerName"), name },
            { QStringLiteral("MaxResults"), 10 } };
        if (token)
            input.insert(QStringLiteral("NextToken"), *token);
        const Reply reply = call("ListInferenceExecutions", input);
        QCOMPARE(reply.status(), 200);
        const auto decoded = lookout::json::decodeListInferenceExecutions(reply.response.body);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
        for (const lookout::InferenceExecutionSummary &execution : decoded.value().summaries) {
            QCOMPARE(*execution.inferenceSchedulerName, name);
            QVERIFY(execution.scheduledStartTime->epochMicroseconds < previous);
            previous = execution.scheduledStartTime->epochMicroseconds;
            QVERIFY(execution.dataEndTime->epochMicroseconds
                <= execution.scheduledStartTime->epochMicroseconds);
            QVERIFY(execution.dataStartTime->epochMicroseconds
                < execution.dataEndTime->epochMicroseconds);
            QVERIFY(execution.status == QLatin1String("SUCCESS")
                || execution.status == QLatin1String("FAILED")
                || execution.status == QLatin1String("IN_PROGRESS"));
            QCOMPARE(
                execution.failedReason.has_value(), execution.status == QLatin1String("FAILED"));
            QCOMPARE(execution.customerResultObject.has_value(),
                execution.status == QLatin1String("SUCCESS"));
            ++total;
        }
        token = decoded.value().nextToken;
        QVERIFY(token);
    }
    QCOMPARE(total, 40);
}

void TestEmulatorService::executions_timeAndStatusFilters()
{
    const QString name = schedulerWithStatus("RUNNING");
    const qint64 now = kStart.toSecsSinceEpoch();
    const Reply windowed = call("ListInferenceExecutions",
        { { QStringLiteral("InferenceSchedulerName"), name },
            { QStringLiteral("DataStartTimeAfter"), double(now - 6 * 3600) },
            { QStringLiteral("DataEndTimeBefore"), double(now - 2 * 3600) },
            { QStringLiteral("MaxResults"), 500 } });
    QCOMPARE(windowed.status(), 200);
    const auto page = lookout::json::decodeListInferenceExecutions(windowed.response.body).value();
    QVERIFY(!page.summaries.isEmpty());
    for (const auto &execution : page.summaries) {
        QVERIFY(execution.dataStartTime->epochMicroseconds >= (now - 6 * 3600) * 1'000'000);
        QVERIFY(execution.dataEndTime->epochMicroseconds <= (now - 2 * 3600) * 1'000'000);
    }

    const Reply failed = call("ListInferenceExecutions",
        { { QStringLiteral("InferenceSchedulerName"), name },
            { QStringLiteral("Status"), QStringLiteral("FAILED") },
            { QStringLiteral("MaxResults"), 500 } });
    const auto failedPage = lookout::json::decodeListInferenceExecutions(failed.response.body);
    QVERIFY(failedPage);
    for (const auto &execution : failedPage.value().summaries)
        QCOMPARE(*execution.status, QStringLiteral("FAILED"));

    const Reply badStatus = call("ListInferenceExecutions",
        { { QStringLiteral("InferenceSchedulerName"), name },
            { QStringLiteral("Status"), QStringLiteral("DONE") },
            { QStringLiteral("DataStartTimeAfter"), QStringLiteral("yesterday") } });
    QCOMPARE(badStatus.status(), 400);
    QCOMPARE(badStatus.errorType(), QStringLiteral("SerializationException"));
    QCOMPARE(badStatus.message(),
        QStringLiteral("DataStartTimeAfter: expected epoch seconds (number), got string"));
}

void TestEmulatorService::executions_unknownScheduler_isResourceNotFound()
{
    const Reply reply = call("ListInferenceExecutions",
        { { QStringLiteral("InferenceSchedulerName"), QStringLiteral("ghost") } });
    QCOMPARE(reply.status(), 404);
    QCOMPARE(reply.errorType(),
        QStringLiteral("com.amazonaws.lookoutequipment#ResourceNotFoundException"));
}

void TestEmulatorService::executions_tokenForOtherFilters_isRejected()
{
    const QString name = schedulerWithStatus("RUNNING");
    const Reply first = call("ListInferenceExecutions",
        { { QStringLiteral("InferenceSchedulerName"), name },
            { QStringLiteral("MaxResults"), 3 } });
    const QString token = first.json.value(QLatin1String("NextToken")).toString();
    QVERIFY(!token.isEmpty());
    const QString otherName = m_service->fleet().at(m_service->fleet().indexOf(name) + 1).name();
    const Reply other = call("ListInferenceExecutions",
        { { QStringLiteral("InferenceSchedulerName"), otherName },
            { QStringLiteral("NextToken"), token } });
    QCOMPARE(other.status(), 400);
    QCOMPARE(
        other.errorType(), QStringLiteral("com.amazonaws.lookoutequipment#ValidationException"));
    const Reply schedulersToken
        = call("ListInferenceSchedulers", { { QStringLiteral("NextToken"), token } });
    QCOMPARE(schedulersToken.status(), 400);
}

void TestEmulatorService::events_pagedOldestFirst_likeOnePage()
{
    const double to = double(kStart.toSecsSinceEpoch());
    const double from = to - 7 * 24 * 3600;
    const emulator::Fleet &fleet = m_service->fleet();
    // The first scheduler with more events in the week than one page of 4 holds.
    for (int i = 0; i < fleet.size(); ++i) {
        const QJsonObject interval {
            { QStringLiteral("InferenceSchedulerName"), fleet.at(i).name() },
            { QStringLiteral("IntervalStartTime"), from }, { QStringLiteral("IntervalEndTime"), to }
        };
        QJsonObject whole = interval;
        whole.insert(QStringLiteral("MaxResults"), 500);
        const Reply all = call("ListInferenceEvents", whole);
        QCOMPARE(all.status(), 200);
        const auto onePage = lookout::json::decodeListInferenceEvents(all.response.body);
        QVERIFY2(onePage, qPrintable(onePage ? QString() : onePage.error().message));
        if (onePage.value().summaries.size() <= 8)
            continue;
        QVERIFY(!onePage.value().nextToken);

        QList<lookout::InferenceEventSummary> paged;
        std::optional<QString> token;
        int pages = 0;
        do {
            QJsonObject input = interval;
            input.insert(QStringLiteral("MaxResults"), 4);
            if (token)
                input.insert(QStringLiteral("NextToken"), *token);
            const Reply reply = call("ListInferenceEvents", input);
            QCOMPARE(reply.status(), 200);
            const auto page = lookout::json::decodeListInferenceEvents(reply.response.body).value();
            QVERIFY(page.summaries.size() <= 4);
            paged.append(page.summaries);
            token = page.nextToken;
            ++pages;
        } while (token);
        QCOMPARE(paged, onePage.value().summaries);
        QVERIFY(pages >= 3);
        for (qsizetype e = 1; e < paged.size(); ++e)
            QVERIFY(paged[e - 1].eventEndTime->epochMicroseconds
                <= paged[e].eventStartTime->epochMicroseconds);
        return;
    }
    QFAIL("no scheduler had more than 8 events in a week");
}

void TestEmulatorService::events_intervalIsRequired_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("message");
    const QString name = QStringLiteral("any-name");
    const double now = double(kStart.toSecsSinceEpoch());
    const QString validation = QStringLiteral("com.amazonaws.lookoutequipment#ValidationException");
    QTest::newRow("neither")
        << QJsonObject { { QStringLiteral("InferenceSchedulerName"), name } } << validation
        << QStringLiteral("2 validation errors detected: Value null at 'intervalStartTime' failed "
                          "to satisfy constraint: Member must not be null; Value null at "
                          "'intervalEndTime' failed to satisfy constraint: Member must not be "
                          "null");
    QTest::newRow("no end") << QJsonObject { { QStringLiteral("InferenceSchedulerName"), name },
        { QStringLiteral("IntervalStartTime"), now } }
                            << validation
                            << QStringLiteral("1 validation error detected: Value null at "
                                              "'intervalEndTime' failed to satisfy constraint: "
                                              "Member must not be null");
    QTest::newRow("end before start")
        << QJsonObject { { QStringLiteral("InferenceSchedulerName"), name },
               { QStringLiteral("IntervalStartTime"), now },
               { QStringLiteral("IntervalEndTime"), now - 60 } }
        << validation
        << QStringLiteral("IntervalStartTime must not be later than IntervalEndTime.");
    QTest::newRow("not a number")
        << QJsonObject { { QStringLiteral("InferenceSchedulerName"), name },
               { QStringLiteral("IntervalStartTime"), QStringLiteral("yesterday") },
               { QStringLiteral("IntervalEndTime"), now } }
        << QStringLiteral("SerializationException")
        << QStringLiteral("IntervalStartTime: expected epoch seconds (number), got string");
}

void TestEmulatorService::events_intervalIsRequired()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, errorType);
    QFETCH(QString, message);
    const Reply reply = call("ListInferenceEvents", input);
    QCOMPARE(reply.status(), 400);
    QCOMPARE(reply.errorType(), errorType);
    QCOMPARE(reply.message(), message);
}

void TestEmulatorService::events_unknownScheduler_isResourceNotFound()
{
    const double now = double(kStart.toSecsSinceEpoch());
    const Reply reply = call("ListInferenceEvents",
        { { QStringLiteral("InferenceSchedulerName"), QStringLiteral("ghost") },
            { QStringLiteral("IntervalStartTime"), now - 3600 },
            { QStringLiteral("IntervalEndTime"), now } });
    QCOMPARE(reply.status(), 404);
    QCOMPARE(reply.errorType(),
        QStringLiteral("com.amazonaws.lookoutequipment#ResourceNotFoundException"));
    QCOMPARE(reply.message(), QStringLiteral("Inference scheduler ghost does not exist."));
}

void TestEmulatorService::events_tokenForAnotherInterval_isRejected()
{
    const double to = double(kStart.toSecsSinceEpoch());
    const emulator::Fleet &fleet = m_service->fleet();
    for (int i = 0; i < fleet.size(); ++i) {
        const QString name = fleet.at(i).name();
        const Reply first = call("ListInferenceEvents",
            { { QStringLiteral("InferenceSchedulerName"), name },
                { QStringLiteral("IntervalStartTime"), to - 7 * 24 * 3600 },
                { QStringLiteral("IntervalEndTime"), to }, { QStringLiteral("MaxResults"), 1 } });
        const QString token = first.json.value(QLatin1String("NextToken")).toString();
        if (token.isEmpty())
            continue;
        const Reply other = call("ListInferenceEvents",
            { { QStringLiteral("InferenceSchedulerName"), name },
                { QStringLiteral("IntervalStartTime"), to - 6 * 24 * 3600 },
                { QStringLiteral("IntervalEndTime"), to },
                { QStringLiteral("NextToken"), token } });
        QCOMPARE(other.status(), 400);
        QCOMPARE(other.errorType(),
            QStringLiteral("com.amazonaws.lookoutequipment#ValidationException"));
        return;
    }
    QFAIL("no scheduler had two events in a week");
}

void TestEmulatorService::start_goesPendingThenRunning_onTheClock()
{
    const QString name = schedulerWithStatus("STOPPED");
    const QJsonObject input { { QStringLiteral("InferenceSchedulerName"), name } };
    const Reply started = call("StartInferenceScheduler", input);
    QCOMPARE(started.status(), 200);
    const auto change = lookout::json::decodeSchedulerStateChange(started.response.body);
    QVERIFY(change);
    QCOMPARE(*change.value().status, QStringLiteral("PENDING"));
    QCOMPARE(*change.value().inferenceSchedulerName, name);
    QVERIFY(change.value().inferenceSchedulerArn && change.value().modelArn
        && change.value().modelName);

    const auto status = [&] {
        return call("DescribeInferenceScheduler", input)
            .json.value(QLatin1String("Status"))
            .toString();
    };
    QCOMPARE(status(), QStringLiteral("PENDING"));
    m_clock->advance(std::chrono::milliseconds(4999));
    QCOMPARE(status(), QStringLiteral("PENDING"));
    m_clock->advance(std::chrono::milliseconds(1));
    QCOMPARE(status(), QStringLiteral("RUNNING"));
    const Reply described = call("DescribeInferenceScheduler", input);
    QCOMPARE(described.json.value(QLatin1String("UpdatedAt")).toDouble(),
        kStart.toSecsSinceEpoch() + 5.0);
}

void TestEmulatorService::stop_goesStoppingThenStopped_onTheClock()
{
    const QString name = schedulerWithStatus("RUNNING");
    const QJsonObject input { { QStringLiteral("InferenceSchedulerName"), name } };
    const Reply stopped = call("StopInferenceScheduler", input);
    QCOMPARE(stopped.status(), 200);
    QCOMPARE(stopped.json.value(QLatin1String("Status")).toString(), QStringLiteral("STOPPING"));
    m_clock->advance(std::chrono::milliseconds(5000));
    QCOMPARE(
        call("DescribeInferenceScheduler", input).json.value(QLatin1String("Status")).toString(),
        QStringLiteral("STOPPED"));
    // A stopped scheduler produces no executions after the stop.
    m_clock->advance(std::chrono::hours(3));
    const Reply history = call("ListInferenceExecutions",
        { { QStringLiteral("InferenceSchedulerName"), name },
            { QStringLiteral("MaxResults"), 1 } });
    const auto newest
        = lookout::json::decodeListInferenceExecutions(history.response.body).value().summaries;
    QVERIFY(!newest.isEmpty());
    QVERIFY(
        newest.first().scheduledStartTime->epochMicroseconds <= kStart.toMSecsSinceEpoch() * 1000);
}

void TestEmulatorService::deniedOperation_isAccessDeniedNamingTheAction()
{
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    config.deniedOperations = { QStringLiteral("StopInferenceScheduler") };
    emulator::Fleet fleet = emulator::generateFleet(
        { kFleetSize, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000);
    m_service = std::make_unique<EmulatorService>(config, std::move(fleet), m_clock);
    const QString running = schedulerWithStatus("RUNNING");
    const QJsonObject input { { QStringLiteral("InferenceSchedulerName"), running } };

    const Reply stop = call("StopInferenceScheduler", input);
    QCOMPARE(stop.status(), 400);
    QCOMPARE(
        stop.errorType(), QStringLiteral("com.amazonaws.lookoutequipment#AccessDeniedException"));
    QCOMPARE(stop.message(),
        QStringLiteral("User: arn:aws:iam::123456789012:user/lookout-desk is not authorized to "
                       "perform: lookoutequipment:StopInferenceScheduler because no "
                       "identity-based policy allows the lookoutequipment:StopInferenceScheduler "
                       "action"));
    // Nothing changed; other operations are allowed.
    const Reply describe = call("DescribeInferenceScheduler", input);
    QCOMPARE(describe.status(), 200);
    QCOMPARE(describe.json.value(QLatin1String("Status")).toString(), QStringLiteral("RUNNING"));
    // Authentication still comes first.
    QCOMPARE(send(emulatortest::unsignedRequest("StopInferenceScheduler", "{}")).status(), 400);
}

void TestEmulatorService::startOrStopInWrongState_isConflict()
{
    const QString running = schedulerWithStatus("RUNNING");
    const Reply start = call(
        "StartInferenceScheduler", { { QStringLiteral("InferenceSchedulerName"), running } });
    QCOMPARE(start.status(), 409);
    QCOMPARE(start.errorType(), QStringLiteral("com.amazonaws.lookoutequipment#ConflictException"));
    QCOMPARE(start.message(),
        QStringLiteral("Inference scheduler ") + running
            + QStringLiteral(" cannot be started while it is RUNNING."));

    const QString stopped = schedulerWithStatus("STOPPED");
    const Reply stop
        = call("StopInferenceScheduler", { { QStringLiteral("InferenceSchedulerName"), stopped } });
    QCOMPARE(stop.status(), 409);
    QCOMPARE(stop.message(),
        QStringLiteral("Inference scheduler ") + stopped
            + QStringLiteral(" cannot be stopped while it is STOPPED."));

    QCOMPARE(
        call("StopInferenceScheduler", { { QStringLiteral("InferenceSchedulerName"), running } })
            .status(),
        200);
    QCOMPARE(
        call("StopInferenceScheduler", { { QStringLiteral("InferenceSchedulerName"), running } })
            .status(),
        409);
    QCOMPARE(
        call("StartInferenceScheduler", { { QStringLiteral("InferenceSchedulerName"), running } })
            .status(),
        409);
    QCOMPARE(call("StartInferenceScheduler",
                 { { QStringLiteral("InferenceSchedulerName"), QStringLiteral("ghost") } })
                 .status(),
        404);
}

// An archived scheduler may have been saved without a Status.
void TestEmulatorService::startOrStopWithoutStatus_isConflictSayingSo()
{
    emulator::SchedulerRecord record;
    record.scheduler.inferenceSchedulerName = QStringLiteral("no-status");
    std::vector<emulator::SchedulerRecord> records { record };
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    m_service = std::make_unique<EmulatorService>(
        config, emulator::Fleet(std::move(records), {}), m_clock);
    const QJsonObject input { { QStringLiteral("InferenceSchedulerName"),
        QStringLiteral("no-status") } };
    const Reply start = call("StartInferenceScheduler", input);
    QCOMPARE(start.status(), 409);
    QCOMPARE(start.message(),
        QStringLiteral("Inference scheduler no-status cannot be started while it has no status."));
    const Reply stop = call("StopInferenceScheduler", input);
    QCOMPARE(stop.status(), 409);
    QCOMPARE(stop.message(),
        QStringLiteral("Inference scheduler no-status cannot be stopped while it has no status."));
}

void TestEmulatorService::describeModel_returnsTheModel()
{
    const lookout::InferenceScheduler &scheduler = m_service->fleet().at(3).scheduler;
    const Reply reply
        = call("DescribeModel", { { QStringLiteral("ModelName"), *scheduler.modelName } });
    QCOMPARE(reply.status(), 200);
    QCOMPARE(reply.json.value(QLatin1String("ModelName")).toString(), *scheduler.modelName);
    QCOMPARE(reply.json.value(QLatin1String("ModelArn")).toString(), *scheduler.modelArn);
    QCOMPARE(reply.json.value(QLatin1String("Status")).toString(), QStringLiteral("SUCCESS"));
    QVERIFY(QJsonDocument::fromJson(reply.json.value(QLatin1String("Schema")).toString().toUtf8())
                .isObject());
    QVERIFY(reply.json.value(QLatin1String("CreatedAt")).isDouble());
    QVERIFY(reply.json.value(QLatin1String("DatasetArn"))
                .toString()
                .contains(QLatin1String(":dataset/")));
    QVERIFY(reply.json.value(QLatin1String("ActiveModelVersionArn"))
                .toString()
                .startsWith(*scheduler.modelArn + QLatin1String("/model-version/")));
    QVERIFY(reply.json.value(QLatin1String("DataPreProcessingConfiguration"))
                .toObject()
                .contains(QLatin1String("TargetSamplingRate")));
}

void TestEmulatorService::describeModel_unknown_isResourceNotFound()
{
    const Reply reply
        = call("DescribeModel", { { QStringLiteral("ModelName"), QStringLiteral("no-model") } });
    QCOMPARE(reply.status(), 404);
    QCOMPARE(reply.message(), QStringLiteral("Model no-model does not exist."));
    const Reply invalid = call("DescribeModel", {});
    QCOMPARE(invalid.message(),
        QStringLiteral("1 validation error detected: Value null at 'modelName' failed to satisfy "
                       "constraint: Member must not be null"));
}

void TestEmulatorService::faults_matchConfiguredRates()
{
    emulator::FaultConfig faults;
    faults.throttlingPercent = 10;
    faults.internalErrorPercent = 5;
    faults.malformedPercent = 5;
    faults.slowPercent = 10;
    faults.slowDelay = std::chrono::milliseconds(1500);
    faults.seed = 2024;
    m_service->setFaults(faults);
    constexpr int kRequests = 4000;
    int throttled = 0, internal = 0, malformed = 0, slow = 0, ok = 0;
    const QJsonObject input { { QStringLiteral("InferenceSchedulerName"),
        m_service->fleet().at(5).name() } };
    for (int i = 0; i < kRequests; ++i) {
        const Reply reply = call("DescribeInferenceScheduler", input);
        if (reply.status() == 429) {
            QCOMPARE(reply.errorType(),
                QStringLiteral("com.amazonaws.lookoutequipment#ThrottlingException"));
            QCOMPARE(reply.message(), QStringLiteral("Rate exceeded"));
            ++throttled;
        } else if (reply.status() == 500) {
            QCOMPARE(reply.errorType(),
                QStringLiteral("com.amazonaws.lookoutequipment#InternalServerException"));
            ++internal;
        } else {
            QCOMPARE(reply.status(), 200);
            if (!lookout::json::decodeDescribeInferenceScheduler(reply.response.body))
                ++malformed;
            else
                ++ok;
            if (reply.response.delay.count() > 0) {
                QCOMPARE(reply.response.delay, std::chrono::milliseconds(1500));
                ++slow;
            }
        }
    }
    const auto near
        = [](int count, double percent) { return qAbs(count * 100.0 / kRequests - percent) < 1.5; };
    QVERIFY2(near(throttled, 10), qPrintable(QString::number(throttled)));
    QVERIFY2(near(internal, 5), qPrintable(QString::number(internal)));
    QVERIFY2(near(malformed, 5), qPrintable(QString::number(malformed)));
    QVERIFY2(near(slow, 10), qPrintable(QString::number(slow)));
    QCOMPARE(m_service->counters().throttled, quint64(throttled));
    QCOMPARE(m_service->counters().internalErrors, quint64(internal));
    QCOMPARE(m_service->counters().malformed, quint64(malformed));
    QCOMPARE(m_service->counters().slowed, quint64(slow));

    m_service->setFaults({});
    QCOMPARE(call("DescribeInferenceScheduler", input).status(), 200);
}

void TestEmulatorService::faults_sameSeedSameSequence()
{
    const auto sequence = [this] {
        m_service->setFaults(emulator::FaultConfig::mixed(30, 99));
        QList<int> statuses;
        for (int i = 0; i < 200; ++i)
            statuses.append(
                call("ListInferenceSchedulers", { { QStringLiteral("MaxResults"), 1 } }).status());
        return statuses;
    };
    const QList<int> first = sequence();
    QCOMPARE(sequence(), first);
    QVERIFY(first.contains(429) && first.contains(500) && first.contains(200));
}

void TestEmulatorService::churn_changesTheFleetAsTheClockMoves()
{
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    config.churn.enabled = true;
    config.churn.interval = std::chrono::milliseconds(1000);
    config.churn.seed = 5;
    EmulatorService churning(config,
        emulator::generateFleet(
            { kFleetSize, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000),
        m_clock);
    const auto results = [&] {
        const HttpResponse response
            = churning.handle(emulatortest::signedRequest("ListInferenceSchedulers",
                jsonBody({ { QStringLiteral("MaxResults"), 500 } }), m_clock->now()));
        QStringList states;
        const auto page = lookout::json::decodeListInferenceSchedulers(response.body);
        for (const auto &summary : page.value().summaries)
            states.append(*summary.status + QLatin1Char('/')
                + summary.latestInferenceResult.value_or(QString()));
        return states;
    };
    const QStringList before = results();
    QCOMPARE(results(), before);
    m_clock->advance(std::chrono::seconds(30));
    QVERIFY(results() != before);
}

QTEST_GUILESS_MAIN(TestEmulatorService)
#include "tst_emulatorservice.moc"
