// Hostile endpoints against the client layer (lookout::LookoutClient over aws::AwsJsonClient and
// a real QNetworkAccessManager), end to end over loopback sockets: connection refused, a reset
// mid-body, a server that accepts and never answers, one that trickles a byte a second, a
// 100 MiB body, an HTML error page, JSON nested 10,000 deep, invalid UTF-8, a NextToken that never
// ends, and a TLS endpoint with a self-signed certificate. Each call must end exactly once, with a
// clear error of the right kind, within its configured timeouts, without resident memory growing
// past the response cap (not measured under AddressSanitizer, whose quarantine keeps freed
// memory), and with nothing an endpoint sent able to put control characters into the sentence
// the CLI prints. Backoff between retries runs through a recording scheduler: nothing sleeps.
#include "aws/awsjsonclient.h"
#include "clienttestdoubles.h"
#include "hostilepages.h"
#include "lookout/jsoncodec.h"
#include "lookout/lookoutclient.h"
#include "lookout/service.h"
#include "loopbackport.h"
#include "processresources.h"
#include "scriptedhttpserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QtTest>

#include <memory>
#include <optional>

using namespace std::chrono_literals;
using aws::AwsError;
using lookout::InferenceScheduler;
using lookout::InferenceSchedulerSummary;
using lookout::LookoutClient;
using testsupport::ScriptedHttpServer;
using testsupport::ScriptedResponse;

using testsupport::kAddressSanitizer;
using testsupport::processStatusKiB;
using testsupport::resetPeakResident;

namespace {

constexpr auto kConnectTimeout = 1500ms;
constexpr auto kReadTimeout = 2000ms;
constexpr int kAttempts = 2;
// Slack for a loaded machine on top of the configured timeouts; only reached by a failing test.
constexpr qint64 kSlackMs = 8'000;
constexpr qint64 kCap = 16 * 1024 * 1024;

const QByteArray kSchedulerBody
    = R"({"InferenceSchedulerName":"pump-1","InferenceSchedulerArn":"arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/pump-1/0c9d8e7f","Status":"RUNNING","DataUploadFrequency":"PT5M","DataDelayOffsetInMinutes":5,"ModelName":"pump-model","CreatedAt":1709578342.308482})";

aws::AwsCredentials testCredentials()
{
    aws::AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDHOSTILETEST00001");
    credentials.secretAccessKey = QStringLiteral("hostileEndpointTestSecretNeverShown000000");
    credentials.source = QStringLiteral("test");
    return credentials;
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\n') || (u >= 0x7f && u <= 0x9f);
    });
}

// {"InferenceSchedulerName":"pump-1","DataInputConfiguration":[[[…10,000…]]]}
QByteArray nestedTenThousandDeep()
{
    constexpr int kDepth = 10'000;
    return R"({"InferenceSchedulerName":"pump-1","DataInputConfiguration":)"
        + QByteArray(kDepth, '[') + QByteArray(kDepth, ']') + '}';
}

template<typename T> struct Outcome {
    std::optional<aws::Result<T>> result;
    int calls = 0;
    qint64 elapsedMs = 0;
    QElapsedTimer timer;

    Outcome() { timer.start(); }
    LookoutClient::Callback<T> callback()
    {
        return [this](const aws::Result<T> &r) {
            ++calls;
            elapsedMs = timer.elapsed();
            result = r;
        };
    }
    const AwsError &error() const { return result->error(); }
};

} // namespace

class TestHostileEndpointsClient : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void connectionRefused_isANetworkError();
    void resetMidBody_isANetworkError();
    void acceptsButNeverAnswers_endsAtTheReadTimeout();
    void tricklesAByteASecond_endsAtTheConnectAndReadTimeoutsTogether();
    void hundredMebibyteBody_isRefusedAtTheCap_data();
    void hundredMebibyteBody_isRefusedAtTheCap();
    void htmlErrorPage_isABadResponseQuotingItsStart();
    void jsonNestedTenThousandDeep_isABadResponse();
    void invalidUtf8_isABadResponse_orAReadableServiceError();
    void nextTokenThatNeverEnds_stopsAtThePageLimit();
    void pageOfEmptySummariesPastMaxResults_isABadResponseInBoundedMemory();
    void listingPastItemOrDecodedLimit_stops();
    void repeatedHostileNextToken_isShownWithoutControlCharacters();
    void selfSignedTls_isRefusedWithAClearMessage();

private:
    void makeClient(const QUrl &endpoint);
    template<typename T>
    void checkEnded(const Outcome<T> &outcome, AwsError::Kind kind, qint64 budgetMs, int line);
    Outcome<InferenceScheduler> describe();

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<aws::AwsJsonClient> m_jsonClient;
    std::shared_ptr<testsupport::RecordingTimers> m_delays;
    std::unique_ptr<LookoutClient> m_client;
};

void TestHostileEndpointsClient::initTestCase()
{
    // A thousand pages would log a thousand lines each time.
    QLoggingCategory::setFilterRules(QStringLiteral("lookoutdesk.*.debug=false"));
}

void TestHostileEndpointsClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_server = std::make_unique<ScriptedHttpServer>();
}

void TestHostileEndpointsClient::cleanup()
{
    m_client.reset();
    m_jsonClient.reset();
    m_server.reset();
    m_network.reset();
}

void TestHostileEndpointsClient::makeClient(const QUrl &endpoint)
{
    aws::AwsJsonClientSettings settings;
    settings.signingName = lookout::service::kSigningName;
    settings.targetPrefix = lookout::service::kTargetPrefix;
    settings.endpoint = endpoint;
    settings.region = QStringLiteral("us-east-1");
    settings.maxAttempts = kAttempts;
    settings.connectTimeout = kConnectTimeout;
    settings.readTimeout = kReadTimeout;
    settings.maxResponseBytes = kCap;
    m_jsonClient = std::make_unique<aws::AwsJsonClient>(m_network.get(), settings,
        std::make_shared<aws::StaticCredentialsProvider>(testCredentials()));
    m_delays = std::make_shared<testsupport::RecordingTimers>();
    m_jsonClient->setTimerFactory(m_delays->factory());
    m_client = std::make_unique<LookoutClient>(m_jsonClient.get());
}

Outcome<InferenceScheduler> TestHostileEndpointsClient::describe()
{
    Outcome<InferenceScheduler> outcome;
    m_client->describeInferenceScheduler(QStringLiteral("pump-1"), this, outcome.callback());
    return outcome;
}

// The call ended once, with an error of `kind`, within `budgetMs` (+ slack for a loaded
// machine), and its CLI sentence names the operation and holds no control characters.
template<typename T>
void TestHostileEndpointsClient::checkEnded(
    const Outcome<T> &outcome, AwsError::Kind kind, qint64 budgetMs, int line)
{
    const auto fail
        = [line](const QString &what) { QTest::qFail(qPrintable(what), __FILE__, line); };
    if (outcome.calls != 1 || !outcome.result)
        return fail(QStringLiteral("the callback ran %1 times").arg(outcome.calls));
    if (outcome.result->ok())
        return fail(QStringLiteral("the call succeeded"));
    const AwsError &error = outcome.error();
    const QString sentence = error.toString();
    qInfo("%s after %lld ms: %s", qPrintable(AwsError::kindName(error.kind)), outcome.elapsedMs,
        qPrintable(sentence.left(300)));
    if (error.kind != kind)
        return fail(QStringLiteral("kind %1, expected %2: %3")
                        .arg(AwsError::kindName(error.kind), AwsError::kindName(kind), sentence));
    if (outcome.elapsedMs > budgetMs + kSlackMs)
        return fail(
            QStringLiteral("took %1 ms, budget %2 ms").arg(outcome.elapsedMs).arg(budgetMs));
    if (!sentence.contains(error.operation) || error.operation.isEmpty())
        return fail(QStringLiteral("the sentence does not name the operation: ") + sentence);
    if (hasControlCharacters(sentence))
        return fail(QStringLiteral("control characters in: ")
            + sentence.toUtf8().toPercentEncoding(" :\"()"));
    if (sentence.contains(testCredentials().secretAccessKey))
        return fail(QStringLiteral("the secret key is in the sentence"));
}

#define CHECK_ENDED(outcome, kind, budgetMs)                                                       \
    do {                                                                                           \
        checkEnded(outcome, kind, budgetMs, __LINE__);                                             \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

void TestHostileEndpointsClient::connectionRefused_isANetworkError()
{
    const testsupport::RefusingLoopbackPort refusing;
    const quint16 closedPort = refusing.port();
    QVERIFY(closedPort != 0);
    makeClient(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort)));
    auto outcome = describe();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30'000);
    CHECK_ENDED(outcome, AwsError::Kind::Network, 1'000);
    QCOMPARE(outcome.error().attempts, kAttempts); // connection errors are retried
    QVERIFY2(outcome.error().toString().startsWith(
                 QStringLiteral("Could not connect to the endpoint URL")),
        qPrintable(outcome.error().toString()));
}

void TestHostileEndpointsClient::resetMidBody_isANetworkError()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    m_server->enqueue(
        ScriptedResponse::json(200, kSchedulerBody).resettingAfterBodyBytes(40), kAttempts);
    auto outcome = describe();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30'000);
    CHECK_ENDED(outcome, AwsError::Kind::Network, 1'000);
    QCOMPARE(m_server->requests().size(), kAttempts);
    QVERIFY2(!m_server->responseCompleted(0), "the server sent the whole body");
}

void TestHostileEndpointsClient::acceptsButNeverAnswers_endsAtTheReadTimeout()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    m_server->enqueue(ScriptedResponse::hang(), kAttempts);
    auto outcome = describe();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 60'000);
    CHECK_ENDED(outcome, AwsError::Kind::Timeout, kAttempts * kReadTimeout.count());
    QVERIFY(outcome.elapsedMs >= kAttempts * kReadTimeout.count());
    QCOMPARE(outcome.error().attempts, kAttempts);
    QVERIFY2(outcome.error().message.contains(QStringLiteral("read timeout")),
        qPrintable(outcome.error().message));
}

void TestHostileEndpointsClient::tricklesAByteASecond_endsAtTheConnectAndReadTimeoutsTogether()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    // Each byte comes well inside the read timeout, so only the whole-exchange bound can end it:
    // the body would take over four minutes.
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody).trickling(1000ms, 1), kAttempts);
    auto outcome = describe();
    const qint64 perAttempt = (kConnectTimeout + kReadTimeout).count();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 60'000);
    CHECK_ENDED(outcome, AwsError::Kind::Timeout, kAttempts * perAttempt);
    QVERIFY(outcome.elapsedMs >= kAttempts * perAttempt);
    QVERIFY2(outcome.error().message.contains(QStringLiteral("connect and read timeouts together")),
        qPrintable(outcome.error().message));
    QVERIFY(m_server->responseBodyBytesSent(0) >= 2); // it was trickling, not silent
}

void TestHostileEndpointsClient::hundredMebibyteBody_isRefusedAtTheCap_data()
{
    QTest::addColumn<ScriptedResponse::Framing>("framing");
    QTest::newRow("Content-Length") << ScriptedResponse::Framing::ContentLength;
    QTest::newRow("chunked") << ScriptedResponse::Framing::Chunked;
    QTest::newRow("until close") << ScriptedResponse::Framing::CloseDelimited;
}

void TestHostileEndpointsClient::hundredMebibyteBody_isRefusedAtTheCap()
{
    QFETCH(ScriptedResponse::Framing, framing);
    constexpr qint64 kBody = 100 * 1024 * 1024;
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    m_server->enqueue(
        ScriptedResponse::generated(200, "application/x-amz-json-1.0", kBody, framing), kAttempts);
    const qint64 before = processStatusKiB("VmRSS");
    QVERIFY(resetPeakResident());

    auto outcome = describe();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 60'000);
    CHECK_ENDED(outcome, AwsError::Kind::TooLarge, 5'000);
    QCOMPARE(outcome.error().attempts, 1); // more of the same would not help
    QVERIFY(m_server->responseBodyBytesSent(0) < kBody);
    const qint64 growthKiB = processStatusKiB("VmHWM") - before;
    qInfo("100 MiB body (%s): %lld bytes sent before the client stopped reading; peak RSS growth "
          "%lld KiB "
          "(cap %lld KiB)",
        QTest::currentDataTag(), m_server->responseBodyBytesSent(0), growthKiB, kCap / 1024);
    if (kAddressSanitizer) {
        qInfo("RSS bound not checked: AddressSanitizer keeps freed memory in quarantine");
        return;
    }
    // The cap, plus Qt's bounded read buffer and the server side of this process's sockets.
    QVERIFY2(growthKiB < kCap / 1024 + 8 * 1024, qPrintable(QString::number(growthKiB)));
}

void TestHostileEndpointsClient::htmlErrorPage_isABadResponseQuotingItsStart()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    const QByteArray page
        = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
          "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    m_server->enqueue(ScriptedResponse::raw(502, "text/html", page), kAttempts);
    auto outcome = describe();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30'000);
    CHECK_ENDED(outcome, AwsError::Kind::BadResponse, 1'000);
    QCOMPARE(outcome.error().httpStatus, 502);
    QCOMPARE(outcome.error().attempts, kAttempts); // 502 is retried, as the CLI does
    QVERIFY2(
        outcome.error().message.contains(QStringLiteral("<html> <head><title>502 Bad Gateway")),
        qPrintable(outcome.error().message));

    // The same page with a 200 status is no result either.
    m_server->enqueue(ScriptedResponse::raw(200, "text/html", page));
    auto ok200 = describe();
    QTRY_VERIFY_WITH_TIMEOUT(ok200.calls > 0, 30'000);
    CHECK_ENDED(ok200, AwsError::Kind::BadResponse, 1'000);
    QVERIFY2(ok200.error().message.contains(QStringLiteral("text/html")),
        qPrintable(ok200.error().message));
}

void TestHostileEndpointsClient::jsonNestedTenThousandDeep_isABadResponse()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    m_server->enqueue(ScriptedResponse::json(200, nestedTenThousandDeep()));
    auto outcome = describe();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30'000);
    CHECK_ENDED(outcome, AwsError::Kind::BadResponse, 1'000);

    // As a list page, and as an error body.
    m_server->enqueue(ScriptedResponse::json(200,
        R"({"InferenceSchedulerSummaries":)" + QByteArray(10'000, '[') + QByteArray(10'000, ']')
            + '}'));
    Outcome<QList<InferenceSchedulerSummary>> list;
    m_client->listInferenceSchedulers(
        {}, this, [](const QList<InferenceSchedulerSummary> &) {}, list.callback());
    QTRY_VERIFY_WITH_TIMEOUT(list.calls > 0, 30'000);
    CHECK_ENDED(list, AwsError::Kind::BadResponse, 1'000);

    m_server->enqueue(ScriptedResponse::json(400, nestedTenThousandDeep()));
    auto error = describe();
    QTRY_VERIFY_WITH_TIMEOUT(error.calls > 0, 30'000);
    CHECK_ENDED(error, AwsError::Kind::BadResponse, 1'000);
    QCOMPARE(error.error().httpStatus, 400);
}

void TestHostileEndpointsClient::invalidUtf8_isABadResponse_orAReadableServiceError()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    m_server->enqueue(
        ScriptedResponse::json(200, "{\"InferenceSchedulerName\":\"pump-\xff\xfe\xc3\"}"));
    auto outcome = describe();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30'000);
    CHECK_ENDED(outcome, AwsError::Kind::BadResponse, 1'000);

    // An error whose message is broken: the type still counts, the message is shown readable.
    m_server->enqueue(ScriptedResponse::json(400,
        "{\"__type\":\"ValidationException\",\"message\":\"bad \xff\xfe value \xed\xa0\x80\"}"));
    auto service = describe();
    QTRY_VERIFY_WITH_TIMEOUT(service.calls > 0, 30'000);
    if (service.result && !service.result->ok()
        && service.error().kind == AwsError::Kind::Service) {
        QCOMPARE(service.error().code, QStringLiteral("ValidationException"));
        CHECK_ENDED(service, AwsError::Kind::Service, 1'000);
    } else {
        CHECK_ENDED(service, AwsError::Kind::BadResponse, 1'000);
    }
}

void TestHostileEndpointsClient::nextTokenThatNeverEnds_stopsAtThePageLimit()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    int served = 0;
    m_server->setHandler([&served](const testsupport::RecordedRequest &) {
        ++served;
        lookout::InferenceSchedulerPage page;
        InferenceSchedulerSummary summary;
        summary.inferenceSchedulerName = QStringLiteral("loop-%1").arg(served);
        page.summaries.append(summary);
        page.nextToken = QStringLiteral("token-%1").arg(served); // always another page
        return ScriptedResponse::json(200, lookout::json::encodeListInferenceSchedulers(page));
    });
    int pagesDelivered = 0;
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    m_client->listInferenceSchedulers(
        {}, this, [&pagesDelivered](const QList<InferenceSchedulerSummary> &) { ++pagesDelivered; },
        outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 120'000);
    CHECK_ENDED(outcome, AwsError::Kind::BadResponse, 60'000);
    QCOMPARE(served, lookout::Pagination::kDefaultMaxPages);
    QCOMPARE(pagesDelivered, lookout::Pagination::kDefaultMaxPages);
    QVERIFY2(outcome.error().message.contains(QStringLiteral("limit of 1000 pages")),
        qPrintable(outcome.error().message));
    qInfo("endless NextToken: stopped after %d pages in %lld ms", served, outcome.elapsedMs);
}

void TestHostileEndpointsClient::pageOfEmptySummariesPastMaxResults_isABadResponseInBoundedMemory()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    const QByteArray schedulers = testsupport::pageOfEmptySummaries("InferenceSchedulerSummaries");
    const QByteArray executions = testsupport::pageOfEmptySummaries("InferenceExecutionSummaries");
    m_server->enqueue(ScriptedResponse::json(200, schedulers));
    m_server->enqueue(ScriptedResponse::json(200, executions));
    const qint64 before = processStatusKiB("VmRSS");
    QVERIFY(resetPeakResident());

    int pagesDelivered = 0;
    Outcome<QList<InferenceSchedulerSummary>> list;
    m_client->listInferenceSchedulers(
        {}, this, [&pagesDelivered](const QList<InferenceSchedulerSummary> &) { ++pagesDelivered; },
        list.callback());
    QTRY_VERIFY_WITH_TIMEOUT(list.calls > 0, 30'000);
    CHECK_ENDED(list, AwsError::Kind::BadResponse, 5'000);
    QCOMPARE(pagesDelivered, 0);
    QCOMPARE(list.error().message,
        QStringLiteral("InferenceSchedulerSummaries: the page has 1398101 items; the request "
                       "asked for at most 500 (MaxResults)"));

    Outcome<QList<lookout::InferenceExecutionSummary>> history;
    m_client->listInferenceExecutions(QStringLiteral("pump-1"), {}, 1, this, history.callback());
    QTRY_VERIFY_WITH_TIMEOUT(history.calls > 0, 30'000);
    CHECK_ENDED(history, AwsError::Kind::BadResponse, 5'000);
    QCOMPARE(history.error().message,
        QStringLiteral("InferenceExecutionSummaries: the page has 1398101 items; the request "
                       "asked for at most 1 (MaxResults)"));
    QCOMPARE(m_server->requests().size(), 2); // a bad page is not asked for again

    const qint64 growthKiB = processStatusKiB("VmHWM") - before;
    qInfo("two 4.2 MB pages of empty summaries: peak RSS growth %lld KiB", growthKiB);
    if (kAddressSanitizer) {
        qInfo("RSS bound not checked: AddressSanitizer keeps freed memory in quarantine");
        return;
    }
    // The pages as the server sends them and as the client receives them, a few copies each;
    // decoded whole, the executions page alone took 1.8 GB.
    QVERIFY2(growthKiB < 24 * 1024, qPrintable(QString::number(growthKiB)));
}

void TestHostileEndpointsClient::listingPastItemOrDecodedLimit_stops()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    int served = 0;
    // Full pages of 500 named summaries, always with another page to follow.
    m_server->setHandler([&served](const testsupport::RecordedRequest &) {
        ++served;
        lookout::InferenceSchedulerPage page;
        for (int i = 0; i < 500; ++i) {
            InferenceSchedulerSummary summary;
            summary.inferenceSchedulerName = QStringLiteral("pump-%1-%2").arg(served).arg(i);
            page.summaries.append(summary);
        }
        page.nextToken = QStringLiteral("token-%1").arg(served);
        return ScriptedResponse::json(200, lookout::json::encodeListInferenceSchedulers(page));
    });

    LookoutClient byItems(m_jsonClient.get(), { .maxItems = 1200 });
    int pagesDelivered = 0;
    Outcome<QList<InferenceSchedulerSummary>> items;
    byItems.listInferenceSchedulers(
        {}, this, [&pagesDelivered](const QList<InferenceSchedulerSummary> &) { ++pagesDelivered; },
        items.callback());
    QTRY_VERIFY_WITH_TIMEOUT(items.calls > 0, 30'000);
    CHECK_ENDED(items, AwsError::Kind::BadResponse, 5'000);
    QCOMPARE(served, 3);
    QCOMPARE(pagesDelivered, 2); // the third page is not handed on
    QCOMPARE(items.error().message,
        QStringLiteral("Error during pagination: page 3 would bring the listing to 1500 items; "
                       "stopped at the limit of 1200 items"));

    // Each page is about 22 KB: 500 summaries of 240 bytes and 44 KB of strings, 161 KB decoded.
    served = 0;
    LookoutClient byBytes(m_jsonClient.get(), { .maxDecodedBytes = 400 * 1024 });
    Outcome<QList<InferenceSchedulerSummary>> bytes;
    byBytes.listInferenceSchedulers(
        {}, this, [](const QList<InferenceSchedulerSummary> &) {}, bytes.callback());
    QTRY_VERIFY_WITH_TIMEOUT(bytes.calls > 0, 30'000);
    CHECK_ENDED(bytes, AwsError::Kind::BadResponse, 5'000);
    QCOMPARE(served, 3);
    QVERIFY2(bytes.error().message.contains(QStringLiteral("stopped at the limit of 0.4 MiB")),
        qPrintable(bytes.error().message));
}

void TestHostileEndpointsClient::repeatedHostileNextToken_isShownWithoutControlCharacters()
{
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    // ASCII, within the model's length, and full of terminal escapes; sent back once, then
    // repeated.
    m_server->setHandler([](const testsupport::RecordedRequest &) {
        return ScriptedResponse::json(200,
            R"({"InferenceSchedulerSummaries":[],"NextToken":"\u001b]0;owned\u0007\u001b[2J\r"})");
    });
    Outcome<QList<InferenceSchedulerSummary>> outcome;
    m_client->listInferenceSchedulers(
        {}, this, [](const QList<InferenceSchedulerSummary> &) {}, outcome.callback());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30'000);
    CHECK_ENDED(outcome, AwsError::Kind::BadResponse, 1'000);
    QCOMPARE(m_server->requests().size(), 2);
    QVERIFY2(outcome.error().message.contains(QStringLiteral("same next token")),
        qPrintable(outcome.error().message));
}

void TestHostileEndpointsClient::selfSignedTls_isRefusedWithAClearMessage()
{
    QFile certificateFile(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.crt"));
    QFile keyFile(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.key"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certificateFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    m_server->setTlsConfiguration(tls);
    QVERIFY(m_server->listen());
    makeClient(m_server->url());
    QCOMPARE(m_server->url().scheme(), QStringLiteral("https"));
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody), kAttempts);

    auto outcome = describe();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30'000);
    CHECK_ENDED(outcome, AwsError::Kind::Tls, 2'000);
    const QString sentence = outcome.error().toString();
    QVERIFY2(sentence.startsWith(QStringLiteral("SSL validation failed for https://127.0.0.1:")),
        qPrintable(sentence));
    QVERIFY2(sentence.contains(QStringLiteral("self signed"), Qt::CaseInsensitive)
            || sentence.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
        qPrintable(sentence));
    QVERIFY(m_server->requests().isEmpty()); // not one request got through
}

QTEST_GUILESS_MAIN(TestHostileEndpointsClient)
#include "tst_hostileendpoints_client.moc"
