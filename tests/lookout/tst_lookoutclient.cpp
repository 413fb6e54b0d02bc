// LookoutClient over the real AwsJsonClient against a scripted HTTP server on loopback: request
// targets and bodies, decoding, parameter checks before sending, pagination (many pages, the page
// limit, a repeated token, errors midway), maxItems, and cancellation by dropping the context.
#include "aws/awsjsonclient.h"
#include "clienttestdoubles.h"
#include "lookout/jsoncodec.h"
#include "lookout/lookoutclient.h"
#include "lookout/service.h"
#include "samplevalues.h"
#include "scriptedhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace lookout;
using aws::AwsError;
using testsupport::RecordedRequest;
using testsupport::ScriptedHttpServer;
using testsupport::ScriptedResponse;

namespace {

constexpr int kWaitMs = 20'000; // only reached when a test is about to fail

// What one call delivered: its result and how many times the callback ran.
template<typename T> struct Outcome {
    std::optional<aws::Result<T>> result;
    int calls = 0;

    LookoutClient::Callback<T> callback()
    {
        return [this](const aws::Result<T> &r) {
            ++calls;
            result = r;
        };
    }
    const AwsError &error() const { return result->error(); }
};

QByteArray target(const QString &operation)
{
    return "AWSLookoutEquipmentFrontendService." + operation.toLatin1();
}

// The NextToken a request carries, or an empty string.
QString requestToken(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(u"NextToken"_s).toString();
}

// Pages of `pageSize` numbered summaries, `total` in all, linked by "page-N" tokens.
ScriptedHttpServer::Handler pagedSchedulers(int total, int pageSize)
{
    return [total, pageSize](const RecordedRequest &request) {
        const QString token = requestToken(request);
        const int page = token.isEmpty() ? 0 : token.mid(5).toInt();
        InferenceSchedulerPage body;
        for (int i = page * pageSize; i < std::min(total, (page + 1) * pageSize); ++i)
            body.summaries.append(test::numberedSummary(i));
        if ((page + 1) * pageSize < total)
            body.nextToken = u"page-%1"_s.arg(page + 1);
        return ScriptedResponse::json(200, json::encodeListInferenceSchedulers(body));
    };
}

ScriptedHttpServer::Handler pagedExecutions(int total, int pageSize)
{
    return [total, pageSize](const RecordedRequest &request) {
        const QString token = requestToken(request);
        const int page = token.isEmpty() ? 0 : token.mid(5).toInt();
        const int requested
            = QJsonDocument::fromJson(request.body).object().value(u"MaxResults"_s).toInt();
        const int size = std::min(pageSize, requested);
        InferenceExecutionPage body;
        for (int i = page * pageSize; i < std::min(total, page * pageSize + size); ++i) {
            InferenceExecutionSummary execution = test::fullExecution();
            execution.scheduledStartTime
                = Timestamp { Q_INT64_C(1'709'582'400'000'000) - i * Q_INT64_C(3'600'000'000) };
            body.summaries.append(execution);
        }
        if ((page + 1) * pageSize < total)
            body.nextToken = u"page-%1"_s.arg(page + 1);
        return ScriptedResponse::json(200, json::encodeListInferenceExecutions(body));
    };
}

} // namespace

class TestLookoutClient : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void describe_sendsTheNameAndDecodesAllMembers();
    void describe_invalidName_sendsNothingAndAnswersLater();
    void describe_malformedBody_isBadResponseNamingPathAndEndpoint();
    void describe_serviceError_arrivesUnchanged();
    void startAndStop_sendTheNameAndDecodeTheStateChange();
    void clientObjects_lifetimes();

    void list_followsEveryTokenDeliveringPagesAsTheyArrive();
    void list_sendsFiltersInModelOrder();
    void list_invalidFilter_sendsNothing();
    void list_pageLimit_endsWithAnError();
    void list_repeatedToken_endsWithAnError();
    void list_errorMidway_arrivesUnchangedAfterEarlierPages();
    void list_malformedPage_namesTheElement();
    void list_contextDestroyedBetweenPages_stopsSilently();
    void list_contextDestroyedInPageCallback_stopsSilently();

    void executions_stopAtMaxItems();
    void executions_allPagesWithFilters();
    void executions_invalidParameters_areAllReported();
    void executionsPage_isOnePageWithItsToken();
    void executionsPage_withMoreThanAsked_isABadResponse();

private:
    std::unique_ptr<aws::AwsJsonClient> makeJsonClient();
    // A call straight through AwsJsonClient, to compare with what LookoutClient delivers.
    aws::Result<QByteArray> rawCall(const QByteArray &operation, const QByteArray &body);
    // Lets every queued event and pending response play out: a call made after the one under
    // test completes only after the event loop has run past it.
    void drainWithSentinelRequest();

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<aws::AwsJsonClient> m_jsonClient;
};

void TestLookoutClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_jsonClient = makeJsonClient();
}

void TestLookoutClient::cleanup()
{
    m_jsonClient.reset();
    m_server.reset();
    m_network.reset();
}

std::unique_ptr<aws::AwsJsonClient> TestLookoutClient::makeJsonClient()
{
    aws::AwsJsonClientSettings settings;
    settings.signingName = lookout::service::kSigningName;
    settings.targetPrefix = lookout::service::kTargetPrefix;
    settings.endpoint = m_server->url();
    settings.region = u"eu-west-1"_s;
    settings.readTimeout = 10s;
    settings.connectTimeout = 10s;
    aws::AwsCredentials credentials;
    credentials.accessKeyId = u"AKIDEXAMPLE"_s;
    credentials.secretAccessKey = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
    credentials.source = u"test"_s;
    auto client = std::make_unique<aws::AwsJsonClient>(
        m_network.get(), settings, std::make_shared<aws::StaticCredentialsProvider>(credentials));
    client->setRandomSource(std::make_shared<testsupport::FixedRandomSource>(0.5));
    client->setTimerFactory(testsupport::RecordingTimers().factory());
    return client;
}

aws::Result<QByteArray> TestLookoutClient::rawCall(
    const QByteArray &operation, const QByteArray &body)
{
    std::optional<aws::Result<QByteArray>> result;
    m_jsonClient->call(
        operation, body, this, [&](const aws::Result<QByteArray> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs))
        qFatal("the raw call did not complete");
    return *result;
}

void TestLookoutClient::drainWithSentinelRequest()
{
    m_server->setHandler({});
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    QVERIFY(
        rawCall("DescribeInferenceScheduler", "{\"InferenceSchedulerName\":\"sentinel\"}").ok());
}

void TestLookoutClient::describe_sendsTheNameAndDecodesAllMembers()
{
    m_server->enqueue(ScriptedResponse::json(200, test::testData(u"describe-full.json"_s)));
    LookoutClient client(m_jsonClient.get());
    Outcome<InferenceScheduler> outcome;
    client.describeInferenceScheduler(u"pump-station-7-bearing-hourly"_s, this, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QVERIFY2(outcome.result->ok(), qPrintable(test::errorText(*outcome.result)));
    QCOMPARE(outcome.result->value(), test::fullScheduler());
    QCOMPARE(m_server->requests().size(), 1);
    const RecordedRequest &request = m_server->requests().first();
    QCOMPARE(request.header("X-Amz-Target"), target(u"DescribeInferenceScheduler"_s));
    QCOMPARE(
        request.body, QByteArray("{\"InferenceSchedulerName\":\"pump-station-7-bearing-hourly\"}"));
    QCOMPARE(outcome.calls, 1);
}

void TestLookoutClient::describe_invalidName_sendsNothingAndAnswersLater()
{
    LookoutClient client(m_jsonClient.get());
    Outcome<InferenceScheduler> empty;
    Outcome<InferenceScheduler> spaced;
    client.describeInferenceScheduler(QString(), this, empty.callback());
    client.describeInferenceScheduler(u"pump 7"_s, nullptr, spaced.callback());
    QCOMPARE(empty.calls, 0); // never inside the call
    QTRY_VERIFY_WITH_TIMEOUT(empty.result.has_value() && spaced.result.has_value(), kWaitMs);
    QCOMPARE(empty.error().kind, AwsError::Kind::InvalidParameter);
    QCOMPARE(empty.error().operation, u"DescribeInferenceScheduler"_s);
    QCOMPARE(empty.error().toString(),
        u"Parameter validation failed:\n"
        "Invalid length for parameter InferenceSchedulerName, value: 0, valid min length: 1"_s);
    QCOMPARE(spaced.error().message,
        u"Invalid value for parameter InferenceSchedulerName, value: pump 7, valid pattern: ^[0-9a-zA-Z_-]{1,200}$"_s);
    QCOMPARE(m_server->requests().size(), 0);

    // A context destroyed before the answer is due takes the answer with it.
    auto context = std::make_unique<QObject>();
    Outcome<InferenceScheduler> dropped;
    client.describeInferenceScheduler(QString(), context.get(), dropped.callback());
    context.reset();
    drainWithSentinelRequest();
    QCOMPARE(dropped.calls, 0);
}

void TestLookoutClient::describe_malformedBody_isBadResponseNamingPathAndEndpoint()
{
    m_server->enqueue(ScriptedResponse::json(200,
        "{\"InferenceSchedulerName\":\"pump-7\",\"DataInputConfiguration\":"
        "{\"S3InputConfiguration\":{\"Bucket\":7}}}"));
    LookoutClient client(m_jsonClient.get());
    Outcome<InferenceScheduler> outcome;
    client.describeInferenceScheduler(u"pump-7"_s, this, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.error().kind, AwsError::Kind::BadResponse);
    QCOMPARE(outcome.error().message,
        u"DataInputConfiguration.S3InputConfiguration.Bucket: expected string, got number"_s);
    QCOMPARE(outcome.error().endpoint, m_server->url());
    QCOMPARE(outcome.error().toString(),
        u"Bad response to the DescribeInferenceScheduler operation from \""_s
            + m_server->url().toString()
            + u"\" (HTTP 200): DataInputConfiguration.S3InputConfiguration.Bucket: expected string, got number"_s);
}

void TestLookoutClient::describe_serviceError_arrivesUnchanged()
{
    const auto notFound
        = ScriptedResponse::awsError(
            400, "ResourceNotFoundException", "Inference scheduler pump-7 not found")
              .withHeader("x-amzn-RequestId", "11111111-2222-3333-4444-555555555555");
    m_server->enqueue(notFound);
    const aws::Result<QByteArray> raw
        = rawCall("DescribeInferenceScheduler", "{\"InferenceSchedulerName\":\"pump-7\"}");
    QVERIFY(!raw.ok());

    m_server->enqueue(notFound);
    LookoutClient client(m_jsonClient.get());
    Outcome<InferenceScheduler> outcome;
    client.describeInferenceScheduler(u"pump-7"_s, this, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    const AwsError &error = outcome.error();
    QCOMPARE(error.kind, AwsError::Kind::Service);
    QCOMPARE(error.kind, raw.error().kind);
    QCOMPARE(error.code, u"ResourceNotFoundException"_s);
    QCOMPARE(error.code, raw.error().code);
    QCOMPARE(error.message, raw.error().message);
    QCOMPARE(error.httpStatus, raw.error().httpStatus);
    QCOMPARE(error.requestId, raw.error().requestId);
    QCOMPARE(error.operation, raw.error().operation);
    QCOMPARE(error.endpoint, raw.error().endpoint);
    QCOMPARE(error.attempts, raw.error().attempts);
    QCOMPARE(error.toString(), raw.error().toString());
}

void TestLookoutClient::startAndStop_sendTheNameAndDecodeTheStateChange()
{
    const SchedulerStateChange pending {
        u"arn:aws:lookoutequipment:eu-west-1:123456789012:model/m/1"_s, u"m"_s, u"pump-7"_s,
        u"arn:aws:lookoutequipment:eu-west-1:123456789012:inference-scheduler/pump-7/1"_s,
        u"PENDING"_s
    };
    SchedulerStateChange stopping = pending;
    stopping.status = u"STOPPING"_s;
    m_server->enqueue(ScriptedResponse::json(200, json::encodeSchedulerStateChange(pending)));
    m_server->enqueue(ScriptedResponse::json(200, json::encodeSchedulerStateChange(stopping)));
    m_server->enqueue(ScriptedResponse::json(200, "{\"Status\":[]}"));

    LookoutClient client(m_jsonClient.get());
    Outcome<SchedulerStateChange> started;
    Outcome<SchedulerStateChange> stopped;
    Outcome<SchedulerStateChange> broken;
    client.startInferenceScheduler(u"pump-7"_s, this, started.callback());
    QTRY_VERIFY_WITH_TIMEOUT(started.result.has_value(), kWaitMs);
    client.stopInferenceScheduler(u"pump-7"_s, this, stopped.callback());
    QTRY_VERIFY_WITH_TIMEOUT(stopped.result.has_value(), kWaitMs);
    client.startInferenceScheduler(u"pump-7"_s, this, broken.callback());
    QTRY_VERIFY_WITH_TIMEOUT(broken.result.has_value(), kWaitMs);

    QCOMPARE(started.result->value(), pending);
    QCOMPARE(stopped.result->value(), stopping);
    QCOMPARE(broken.error().operation, u"StartInferenceScheduler"_s);
    QCOMPARE(broken.error().message, u"Status: expected string, got array"_s);
    QCOMPARE(
        m_server->requests().at(0).header("X-Amz-Target"), target(u"StartInferenceScheduler"_s));
    QCOMPARE(
        m_server->requests().at(1).header("X-Amz-Target"), target(u"StopInferenceScheduler"_s));
    QCOMPARE(
        m_server->requests().at(1).body, QByteArray("{\"InferenceSchedulerName\":\"pump-7\"}"));

    Outcome<SchedulerStateChange> refused;
    client.stopInferenceScheduler(QString(201, u'x'), this, refused.callback());
    QTRY_VERIFY_WITH_TIMEOUT(refused.result.has_value(), kWaitMs);
    QCOMPARE(refused.error().operation, u"StopInferenceScheduler"_s);
    QCOMPARE(refused.error().message,
        u"Invalid length for parameter InferenceSchedulerName, value: 201, valid max length: 200"_s);
    QCOMPARE(m_server->requests().size(), 3);
}

void TestLookoutClient::clientObjects_lifetimes()
{
    // Destroying the LookoutClient does not stop a call in flight.
    m_server->enqueue(ScriptedResponse::json(200, "{\"Status\":\"RUNNING\"}"));
    auto client = std::make_unique<LookoutClient>(m_jsonClient.get());
    Outcome<InferenceScheduler> outcome;
    client->describeInferenceScheduler(u"pump-7"_s, this, outcome.callback());
    client.reset();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.result->value().status, u"RUNNING"_s);

    // Without its AwsJsonClient a LookoutClient answers that the call was not made.
    auto jsonClient = makeJsonClient();
    LookoutClient orphan(jsonClient.get());
    jsonClient.reset();
    QCOMPARE(orphan.jsonClient(), nullptr);
    Outcome<InferenceScheduler> notMade;
    Outcome<QList<InferenceSchedulerSummary>> notListed;
    orphan.describeInferenceScheduler(u"pump-7"_s, this, notMade.callback());
    orphan.listInferenceSchedulers({}, this, nullptr, notListed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(notMade.result.has_value() && notListed.result.has_value(), kWaitMs);
    QCOMPARE(notMade.error().kind, AwsError::Kind::Cancelled);
    QCOMPARE(notMade.error().message,
        u"The DescribeInferenceScheduler call was not made: the connection to the endpoint is closed"_s);
    QCOMPARE(notListed.error().kind, AwsError::Kind::Cancelled);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestLookoutClient::list_followsEveryTokenDeliveringPagesAsTheyArrive()
{
    constexpr int kTotal = 12'345; // 25 pages, the last with 345
    m_server->setHandler(pagedSchedulers(kTotal, 500));
    LookoutClient client(m_jsonClient.get());
    QList<qsizetype> pageSizes;
    QList<qsizetype> requestsSeenAtPage;
    QList<InferenceSchedulerSummary> fromPages;
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    client.listInferenceSchedulers(
        {}, this,
        [&](const QList<InferenceSchedulerSummary> &page) {
            pageSizes.append(page.size());
            requestsSeenAtPage.append(m_server->requests().size());
            fromPages.append(page);
        },
        outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QVERIFY2(outcome.result->ok(), qPrintable(test::errorText(*outcome.result)));

    QCOMPARE(pageSizes.size(), 25);
    QCOMPARE(pageSizes.first(), 500);
    QCOMPARE(pageSizes.last(), 345);
    // Each page reached the caller before the next one was asked for.
    for (qsizetype i = 0; i < requestsSeenAtPage.size(); ++i)
        QCOMPARE(requestsSeenAtPage[i], i + 1);
    const QList<InferenceSchedulerSummary> &all = outcome.result->value();
    QCOMPARE(all.size(), kTotal);
    QCOMPARE(all, fromPages);
    QCOMPARE(all.first(), test::numberedSummary(0));
    QCOMPARE(all.last(), test::numberedSummary(kTotal - 1));

    QCOMPARE(m_server->requests().size(), 25);
    QCOMPARE(m_server->requests().first().body, QByteArray("{\"MaxResults\":500}"));
    QCOMPARE(m_server->requests().at(1).body,
        QByteArray("{\"NextToken\":\"page-1\",\"MaxResults\":500}"));
    QCOMPARE(m_server->requests().last().body,
        QByteArray("{\"NextToken\":\"page-24\",\"MaxResults\":500}"));
    for (const RecordedRequest &request : m_server->requests())
        QCOMPARE(request.header("X-Amz-Target"), target(u"ListInferenceSchedulers"_s));
    QCOMPARE(outcome.calls, 1);
}

void TestLookoutClient::list_sendsFiltersInModelOrder()
{
    m_server->setHandler(pagedSchedulers(600, 500));
    LookoutClient client(m_jsonClient.get());
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    const InferenceSchedulerFilter filter { u"pump-station"_s, u"STOPPED"_s, u"bearing_model-2"_s };
    client.listInferenceSchedulers(filter, this, nullptr, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.result->value().size(), 600);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).body,
        QByteArray("{\"MaxResults\":500,\"InferenceSchedulerNameBeginsWith\":\"pump-station\","
                   "\"ModelName\":\"bearing_model-2\",\"Status\":\"STOPPED\"}"));
    QCOMPARE(m_server->requests().at(1).body,
        QByteArray(
            "{\"NextToken\":\"page-1\",\"MaxResults\":500,\"InferenceSchedulerNameBeginsWith\":"
            "\"pump-station\",\"ModelName\":\"bearing_model-2\",\"Status\":\"STOPPED\"}"));
}

void TestLookoutClient::list_invalidFilter_sendsNothing()
{
    LookoutClient client(m_jsonClient.get());
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    int pages = 0;
    client.listInferenceSchedulers(
        { u"pump*"_s, u"Running"_s, std::nullopt }, this,
        [&](const QList<InferenceSchedulerSummary> &) { ++pages; }, outcome.callback());
    QCOMPARE(outcome.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.error().kind, AwsError::Kind::InvalidParameter);
    QCOMPARE(outcome.error().message,
        u"Invalid value for parameter InferenceSchedulerNameBeginsWith, value: pump*, valid "
        u"pattern: "
        "^[0-9a-zA-Z_-]{1,200}$\n"
        "Invalid value for parameter Status, value: Running, valid values: PENDING, RUNNING, STOPPING, STOPPED"_s);
    QCOMPARE(pages, 0);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestLookoutClient::list_pageLimit_endsWithAnError()
{
    // A server that always has another page.
    m_server->setHandler(pagedSchedulers(1'000'000, 2));
    LookoutClient client(m_jsonClient.get(), { .maxPages = 7 });
    int pages = 0;
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    client.listInferenceSchedulers(
        {}, this, [&](const QList<InferenceSchedulerSummary> &) { ++pages; }, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.error().kind, AwsError::Kind::BadResponse);
    QCOMPARE(outcome.error().message,
        u"Error during pagination: page 7 still had a NextToken; stopped at the limit of 7 pages "
        u"so that "
        "a listing cannot go on forever"_s);
    QCOMPARE(outcome.error().operation, u"ListInferenceSchedulers"_s);
    QCOMPARE(outcome.error().endpoint, m_server->url());
    QCOMPARE(pages, 7);
    QCOMPARE(m_server->requests().size(), 7);
}

void TestLookoutClient::list_repeatedToken_endsWithAnError()
{
    InferenceSchedulerPage page;
    page.summaries = { test::numberedSummary(1) };
    page.nextToken = u"again"_s;
    m_server->enqueue(ScriptedResponse::json(200, json::encodeListInferenceSchedulers(page)), 2);
    LookoutClient client(m_jsonClient.get());
    int pages = 0;
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    client.listInferenceSchedulers(
        {}, this, [&](const QList<InferenceSchedulerSummary> &) { ++pages; }, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.error().kind, AwsError::Kind::BadResponse);
    QCOMPARE(outcome.error().message,
        u"Error during pagination: The same next token was received twice: again"_s);
    QCOMPARE(pages, 2);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->unexpectedRequestCount(), 0);
}

void TestLookoutClient::list_errorMidway_arrivesUnchangedAfterEarlierPages()
{
    InferenceSchedulerPage first;
    first.summaries = { test::numberedSummary(1), test::numberedSummary(2) };
    first.nextToken = u"page-1"_s;
    m_server->enqueue(ScriptedResponse::json(200, json::encodeListInferenceSchedulers(first)));
    m_server->enqueue(
        ScriptedResponse::awsError(400, "ValidationException", "The NextToken has expired"));
    LookoutClient client(m_jsonClient.get());
    QList<qsizetype> pageSizes;
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    client.listInferenceSchedulers(
        {}, this, [&](const QList<InferenceSchedulerSummary> &p) { pageSizes.append(p.size()); },
        outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(pageSizes, QList<qsizetype> { 2 });
    QCOMPARE(outcome.error().kind, AwsError::Kind::Service);
    QCOMPARE(outcome.error().code, u"ValidationException"_s);
    QCOMPARE(outcome.error().message, u"The NextToken has expired"_s);
    QCOMPARE(outcome.error().httpStatus, 400);
    QCOMPARE(outcome.error().toString(),
        u"An error occurred (ValidationException) when calling the ListInferenceSchedulers "
        u"operation: "
        "The NextToken has expired"_s);
}

void TestLookoutClient::list_malformedPage_namesTheElement()
{
    m_server->enqueue(ScriptedResponse::json(
        200, "{\"InferenceSchedulerSummaries\":[{},{},{},{\"Status\":{\"Code\":\"RUNNING\"}}]}"));
    LookoutClient client(m_jsonClient.get());
    int pages = 0;
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    client.listInferenceSchedulers(
        {}, this, [&](const QList<InferenceSchedulerSummary> &) { ++pages; }, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.error().kind, AwsError::Kind::BadResponse);
    QCOMPARE(outcome.error().message,
        u"InferenceSchedulerSummaries[3].Status: expected string, got object"_s);
    QCOMPARE(pages, 0);
}

void TestLookoutClient::list_contextDestroyedBetweenPages_stopsSilently()
{
    InferenceSchedulerPage first;
    first.summaries = { test::numberedSummary(1) };
    first.nextToken = u"page-1"_s;
    m_server->enqueue(ScriptedResponse::json(200, json::encodeListInferenceSchedulers(first)));
    m_server->enqueue(ScriptedResponse::hang());
    LookoutClient client(m_jsonClient.get());
    auto context = std::make_unique<QObject>();
    int pages = 0;
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    client.listInferenceSchedulers(
        {}, context.get(), [&](const QList<InferenceSchedulerSummary> &) { ++pages; },
        outcome.callback());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server->requests().size(), 2, kWaitMs); // the second page is in flight
    context.reset();
    m_server->closeAllConnections(); // would fail the call, if it were still there to fail
    drainWithSentinelRequest();
    QCOMPARE(pages, 1);
    QCOMPARE(outcome.calls, 0);
    QCOMPARE(m_server->requests().size(), 3); // two pages and the sentinel
}

void TestLookoutClient::list_contextDestroyedInPageCallback_stopsSilently()
{
    m_server->setHandler(pagedSchedulers(5'000, 500));
    LookoutClient client(m_jsonClient.get());
    auto *context = new QObject(this);
    int pages = 0;
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    client.listInferenceSchedulers(
        {}, context,
        [&](const QList<InferenceSchedulerSummary> &) {
            if (++pages == 2)
                delete context; // the window closed while the fleet was loading
        },
        outcome.callback());
    QTRY_COMPARE_WITH_TIMEOUT(pages, 2, kWaitMs);
    drainWithSentinelRequest();
    QCOMPARE(pages, 2);
    QCOMPARE(outcome.calls, 0);
    QCOMPARE(m_server->requests().size(), 3); // two pages and the sentinel
}

void TestLookoutClient::executions_stopAtMaxItems()
{
    m_server->setHandler(pagedExecutions(5'000, 500));
    LookoutClient client(m_jsonClient.get());
    Outcome<QList<InferenceExecutionSummary>> outcome;
    client.listInferenceExecutions(u"pump-7"_s, {}, 1234, this, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QVERIFY2(outcome.result->ok(), qPrintable(test::errorText(*outcome.result)));
    QCOMPARE(outcome.result->value().size(), 1234);
    QCOMPARE(outcome.result->value().last().scheduledStartTime,
        Timestamp { Q_INT64_C(1'709'582'400'000'000) - 1233 * Q_INT64_C(3'600'000'000) });
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_server->requests().at(0).body,
        QByteArray("{\"MaxResults\":500,\"InferenceSchedulerName\":\"pump-7\"}"));
    QCOMPARE(m_server->requests().at(2).body,
        QByteArray(
            "{\"NextToken\":\"page-2\",\"MaxResults\":234,\"InferenceSchedulerName\":\"pump-7\"}"));

    Outcome<QList<InferenceExecutionSummary>> one;
    client.listInferenceExecutions(u"pump-7"_s, {}, 1, this, one.callback());
    QTRY_VERIFY_WITH_TIMEOUT(one.result.has_value(), kWaitMs);
    QCOMPARE(one.result->value().size(), 1);
    QCOMPARE(m_server->requests().last().body,
        QByteArray("{\"MaxResults\":1,\"InferenceSchedulerName\":\"pump-7\"}"));
}

void TestLookoutClient::executions_allPagesWithFilters()
{
    m_server->setHandler(pagedExecutions(1'001, 500));
    LookoutClient client(m_jsonClient.get());
    Outcome<QList<InferenceExecutionSummary>> outcome;
    const InferenceExecutionFilter filter { Timestamp { 1'709'000'000'000'000 },
        Timestamp { 1'709'600'000'500'000 }, u"SUCCESS"_s };
    client.listInferenceExecutions(u"pump-7"_s, filter, std::nullopt, this, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.result->value().size(), 1'001);
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(
        m_server->requests().at(0).header("X-Amz-Target"), target(u"ListInferenceExecutions"_s));
    QCOMPARE(m_server->requests().at(1).body,
        QByteArray(
            "{\"NextToken\":\"page-1\",\"MaxResults\":500,\"InferenceSchedulerName\":\"pump-7\","
            "\"DataStartTimeAfter\":1709000000,\"DataEndTimeBefore\":1709600000.5,\"Status\":"
            "\"SUCCESS\"}"));
}

void TestLookoutClient::executions_invalidParameters_areAllReported()
{
    LookoutClient client(m_jsonClient.get());
    Outcome<QList<InferenceExecutionSummary>> outcome;
    client.listInferenceExecutions(
        QString(), { std::nullopt, std::nullopt, u"DONE"_s }, 0, this, outcome.callback());
    QCOMPARE(outcome.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.error().kind, AwsError::Kind::InvalidParameter);
    QCOMPARE(outcome.error().operation, u"ListInferenceExecutions"_s);
    QCOMPARE(outcome.error().message,
        u"Invalid value for parameter MaxItems, value: 0, valid min value: 1\n"
        "Invalid length for parameter InferenceSchedulerName, value: 0, valid min length: 1\n"
        "Invalid value for parameter Status, value: DONE, valid values: IN_PROGRESS, SUCCESS, FAILED"_s);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestLookoutClient::executionsPage_isOnePageWithItsToken()
{
    m_server->setHandler(pagedExecutions(1'001, 100));
    LookoutClient client(m_jsonClient.get());
    Outcome<InferenceExecutionPage> first;
    const InferenceExecutionFilter failed { std::nullopt, std::nullopt, u"FAILED"_s };
    client.listInferenceExecutionsPage(
        u"pump-7"_s, failed, 100, std::nullopt, this, first.callback());
    QTRY_VERIFY_WITH_TIMEOUT(first.result.has_value(), kWaitMs);
    QVERIFY2(first.result->ok(), qPrintable(test::errorText(*first.result)));
    QCOMPARE(first.result->value().summaries.size(), 100);
    QCOMPARE(first.result->value().nextToken, u"page-1"_s);
    QCOMPARE(m_server->requests().size(), 1); // one page, no more
    QCOMPARE(m_server->requests().at(0).body,
        QByteArray(
            "{\"MaxResults\":100,\"InferenceSchedulerName\":\"pump-7\",\"Status\":\"FAILED\"}"));

    Outcome<InferenceExecutionPage> second;
    client.listInferenceExecutionsPage(
        u"pump-7"_s, failed, 100, u"page-1"_s, this, second.callback());
    QTRY_VERIFY_WITH_TIMEOUT(second.result.has_value(), kWaitMs);
    QCOMPARE(second.result->value().summaries.size(), 100);
    QCOMPARE(second.result->value().summaries.first().scheduledStartTime,
        Timestamp { Q_INT64_C(1'709'582'400'000'000) - 100 * Q_INT64_C(3'600'000'000) });
    QVERIFY(m_server->requests().at(1).body.startsWith("{\"NextToken\":\"page-1\","));

    Outcome<InferenceExecutionPage> refused;
    client.listInferenceExecutionsPage(
        u"pump-7"_s, {}, 501, std::nullopt, this, refused.callback());
    QCOMPARE(refused.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(refused.result.has_value(), kWaitMs);
    QCOMPARE(refused.error().kind, AwsError::Kind::InvalidParameter);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestLookoutClient::executionsPage_withMoreThanAsked_isABadResponse()
{
    // The server ignores MaxResults and sends 500.
    m_server->setHandler([](const RecordedRequest &) {
        InferenceExecutionPage body;
        for (int i = 0; i < 500; ++i)
            body.summaries.append(test::fullExecution());
        return ScriptedResponse::json(200, json::encodeListInferenceExecutions(body));
    });
    LookoutClient client(m_jsonClient.get());
    Outcome<InferenceExecutionPage> outcome;
    client.listInferenceExecutionsPage(
        u"pump-7"_s, {}, 100, std::nullopt, this, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.result.has_value(), kWaitMs);
    QCOMPARE(outcome.error().kind, AwsError::Kind::BadResponse);
    QCOMPARE(outcome.error().operation, u"ListInferenceExecutions"_s);
    QCOMPARE(outcome.error().httpStatus, 200);
}

QTEST_GUILESS_MAIN(TestLookoutClient)
#include "tst_lookoutclient.moc"
