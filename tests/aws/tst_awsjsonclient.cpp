// AwsJsonClient against a scripted HTTP server on real loopback sockets: headers and signatures,
// standard-mode retries and the retry quota, clock-skew correction, expired credentials,
// timeouts, the size cap, redirects, plain-HTTP refusal, TLS, every bad response, cancellation
// and the debug log. Backoff runs through a recording scheduler and a fake clock: nothing sleeps.
#include "appinfo.h"
#include "aws/awsjsonclient.h"
#include "clienttestdoubles.h"
#include "fullbackloglistener.h"
#include "loopbackport.h"
#include "processresources.h"
#include "scriptedhttpserver.h"
#include "sigv4requestcheck.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QtTest>

#include <memory>
#include <optional>

using aws::AwsCredentials;
using aws::AwsError;
using aws::AwsJsonClient;
using aws::AwsJsonClientSettings;
using aws::Result;
using core::ManualClock;
using testsupport::FixedRandomSource;
using testsupport::RecordingTimers;
using testsupport::ScriptedHttpServer;
using testsupport::ScriptedResponse;
using namespace std::chrono_literals;

using testsupport::kAddressSanitizer;
using testsupport::processStatusKiB;
using testsupport::resetPeakResident;

namespace {

constexpr auto kRegion = "eu-west-1";
constexpr auto kService = "lookoutequipment";
constexpr auto kOperation = "DescribeInferenceScheduler";
constexpr auto kTarget = "AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler";
const QByteArray kRequestBody = R"({"InferenceSchedulerName":"pump-1"})";
const QByteArray kSchedulerBody = R"({"InferenceSchedulerName":"pump-1","Status":"RUNNING"})";
// Long enough for any loopback exchange here; only reached when a test is about to fail.
constexpr auto kCallGuard = 20s;

AwsCredentials longTermCredentials()
{
    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    credentials.source = QStringLiteral("test");
    return credentials;
}

AwsCredentials sessionCredentials()
{
    AwsCredentials credentials = longTermCredentials();
    credentials.accessKeyId = QStringLiteral("ASIAEXAMPLESESSION");
    credentials.secretAccessKey = QStringLiteral("sessionSecretKeyThatMustNeverBeLogged000");
    credentials.sessionToken = QStringLiteral("FQoGZXIvYXdzEXAMPLE//session+token/never/logged==");
    return credentials;
}

QDateTime baseTime()
{
    return QDateTime(QDate(2024, 3, 4), QTime(18, 52, 22), Qt::UTC);
}

QByteArray amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

// A provider that counts fetches and invalidations and hands out the next set after each
// invalidate().
class RotatingCredentialsProvider final : public aws::CredentialsProvider {
public:
    explicit RotatingCredentialsProvider(QList<AwsCredentials> sets)
        : m_sets(std::move(sets))
    {
    }
    void fetch(QObject *, Callback done) override
    {
        ++fetches;
        done(m_sets.value(std::min<qsizetype>(invalidations, m_sets.size() - 1)));
    }
    void invalidate() override { ++invalidations; }
    QString description() const override { return QStringLiteral("rotating test credentials"); }

    int fetches = 0;
    int invalidations = 0;

private:
    QList<AwsCredentials> m_sets;
};

class FailingCredentialsProvider final : public aws::CredentialsProvider {
public:
    void fetch(QObject *, Callback done) override
    {
        AwsError error;
        error.kind = AwsError::Kind::Credentials;
        error.message = QStringLiteral("Unable to locate credentials");
        done(error);
    }
    void invalidate() override { }
    QString description() const override { return QStringLiteral("nothing"); }
};

QSslConfiguration serverTlsConfiguration()
{
    QFile certificate(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.crt"));
    QFile key(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.key"));
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        qFatal("tests/data/tls is incomplete");
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificate.readAll(), QSsl::Pem));
    configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    return configuration;
}

QSslCertificate testCertificate()
{
    QFile certificate(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.crt"));
    if (!certificate.open(QIODevice::ReadOnly))
        qFatal("tests/data/tls/localhost-test.crt is missing");
    return QSslCertificate(certificate.readAll(), QSsl::Pem);
}

// Collects what the client logs in lookoutdesk.http while alive.
class HttpLogCapture {
public:
    HttpLogCapture()
    {
        s_lines = &m_lines;
        m_previousHandler = qInstallMessageHandler(&HttpLogCapture::handle);
        QLoggingCategory::setFilterRules(QStringLiteral("lookoutdesk.http.debug=true"));
    }
    ~HttpLogCapture()
    {
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(m_previousHandler);
        s_lines = nullptr;
    }
    QString text() const { return m_lines.join(u'\n'); }

private:
    static void handle(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        if (s_lines && context.category && QByteArrayView(context.category) == "lookoutdesk.http")
            s_lines->append(message);
    }

    static inline QStringList *s_lines = nullptr;
    QStringList m_lines;
    QtMessageHandler m_previousHandler = nullptr;
};

} // namespace

class TestAwsJsonClient : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    // The request on the wire
    void success_sendsSignedAwsJsonPost();
    void sessionToken_isSentAndSigned();
    void hostHeader_ipv6Loopback_isBracketedWithPort();
    void hostHeader_localhostName_keepsPort();
    void localhostWithTrailingDot_reachesLoopbackWithoutResolver();
    void endpointPath_isRequestedAndSigned();
    void emptyBody_sendsEmptyJsonObject();

    // Standard retry mode
    void throttlingThenSuccess_retriesOnceAndRefundsQuota();
    void serverErrors_untilAttemptsRunOut_reportMaxRetries();
    void backoff_delaysFollowJitteredExponentialCap_data();
    void backoff_delaysFollowJitteredExponentialCap();
    void retries_areResignedWithFreshDate();
    void maxAttemptsOne_neverRetries();
    void nonRetryableServiceError_failsAtOnce();
    void retryQuota_exhausted_failsWithoutRetrying();
    void retryQuota_successWithoutRetry_refundsOne();
    void timeoutRetry_costsTenTokens();
    void connectionRefused_isRetriedNetworkError();

    // Clock skew
    void clockSkew_signatureErrorRetriedOnceWithCorrectedTime();
    void clockSkew_retriedEvenWhenAttemptsAreUsedUp();
    void clockSkew_retriedOnlyOnce();
    void clockSkew_signatureErrorWithoutSkew_isNotRetried();
    void clockSkew_learnedFromSuccessfulResponses();
    void clockSkew_belowFiveMinutes_isIgnored();

    // Credentials
    void expiredToken_invalidatesAndRetriesOnceWithFreshCredentials();
    void expiredToken_twice_fails();
    void credentialsProviderFailure_isCredentialsError();

    // Limits
    void readTimeout_whenServerHangs();
    void steadyTrickle_isNotATimeout();
    void connectTimeout_whenConnectNeverCompletes();
    void tooLarge_announcedContentLength_abortsUpFront();
    void tooLarge_streamedBody_abortsAtCapWithoutBufferingPastIt();
    void tooLarge_clientStopsReadingAtCap();
    void closedMidBody_isNetworkError();
    void redirect_isNotFollowed();
    void plainHttpToRemoteHost_isRefusedBeforeSending();
    void tls_untrustedCertificate_isTlsErrorWithQtText();
    void tls_trustedCertificate_succeeds();
    void invalidSettings_areConfigurationErrors_data();
    void invalidSettings_areConfigurationErrors();
    void invalidOperationName_isRefused();

    // Responses
    void badResponses_becomeErrorsNamingStatusOperationEndpoint_data();
    void badResponses_becomeErrorsNamingStatusOperationEndpoint();
    void serviceErrors_typeAndMessageParsed_data();
    void serviceErrors_typeAndMessageParsed();

    // Lifetime
    void contextDestroyedMidCall_noCallback();
    void abortAll_dropsEveryCallInFlight();
    void callAbort_dropsOnlyThatCall();
    void clientDestroyedMidCall_noCallback();
    void callbackMayDeleteClient();
    void callback_neverRunsInsideCall();

    // Logging
    void debugLog_tracesCallsWithoutSecrets();

private:
    std::unique_ptr<AwsJsonClient> makeClient(
        const std::function<void(AwsJsonClientSettings &)> &adjust = {},
        std::shared_ptr<aws::CredentialsProvider> credentials = nullptr, double jitter = 0.5);
    std::optional<Result<QByteArray>> callAndWait(AwsJsonClient &client,
        const QByteArray &operation = kOperation, const QByteArray &body = kRequestBody);
    void verifyAllSigned(const AwsCredentials &credentials = longTermCredentials());

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::shared_ptr<core::ManualClock> m_clock;
    std::shared_ptr<RecordingTimers> m_backoff;
};

void TestAwsJsonClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_clock = std::make_shared<core::ManualClock>(baseTime());
    m_backoff = std::make_shared<RecordingTimers>(m_clock);
    m_server = std::make_unique<ScriptedHttpServer>();
    m_server->setClock([clock = m_clock] { return clock->now(); });
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestAwsJsonClient::cleanup()
{
    m_server.reset();
    m_network.reset();
    m_backoff.reset();
    m_clock.reset();
}

std::unique_ptr<AwsJsonClient> TestAwsJsonClient::makeClient(
    const std::function<void(AwsJsonClientSettings &)> &adjust,
    std::shared_ptr<aws::CredentialsProvider> credentials, double jitter)
{
    AwsJsonClientSettings settings;
    settings.signingName = kService;
    settings.targetPrefix = "AWSLookoutEquipmentFrontendService";
    settings.endpoint = m_server->url();
    settings.region = QString::fromLatin1(kRegion);
    settings.readTimeout = 5s;
    settings.connectTimeout = 5s;
    if (adjust)
        adjust(settings);
    if (!credentials)
        credentials = std::make_shared<aws::StaticCredentialsProvider>(longTermCredentials());
    auto client
        = std::make_unique<AwsJsonClient>(m_network.get(), settings, std::move(credentials));
    client->setClock(m_clock);
    client->setRandomSource(std::make_shared<FixedRandomSource>(jitter));
    client->setTimerFactory(m_backoff->factory());
    return client;
}

std::optional<Result<QByteArray>> TestAwsJsonClient::callAndWait(
    AwsJsonClient &client, const QByteArray &operation, const QByteArray &body)
{
    std::optional<Result<QByteArray>> result;
    int callbacks = 0;
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(kCallGuard);
    client.call(operation, body, &loop, [&](const Result<QByteArray> &r) {
        ++callbacks;
        result = r;
        loop.quit();
    });
    loop.exec();
    if (callbacks > 1)
        qFatal("the callback ran %d times", callbacks);
    return result;
}

void TestAwsJsonClient::verifyAllSigned(const AwsCredentials &credentials)
{
    QVERIFY(!m_server->requests().isEmpty());
    for (const testsupport::RecordedRequest &request : m_server->requests()) {
        const testsupport::SignatureCheck check
            = testsupport::checkSigV4(request, credentials, kRegion, kService);
        QVERIFY2(check.valid, qPrintable(check.problem));
    }
}

// ---- The request on the wire ----------------------------------------------------------------

void TestAwsJsonClient::success_sendsSignedAwsJsonPost()
{
    m_server->enqueue(
        ScriptedResponse::json(200, kSchedulerBody).withHeader("x-amzn-RequestId", "req-1"));
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    QCOMPARE(result->value(), kSchedulerBody);

    QCOMPARE(m_server->requests().size(), 1);
    const auto &request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/x-amz-json-1.0"));
    QCOMPARE(request.header("X-Amz-Target"), QByteArray(kTarget));
    QCOMPARE(request.header("User-Agent"), QByteArray(appinfo::kUserAgent));
    QVERIFY(request.header("User-Agent").startsWith("lookout-desk/"));
    QCOMPARE(request.headerCount("Host"), 1);
    QCOMPARE(request.header("Host"), m_server->hostHeader());
    QCOMPARE(request.header("X-Amz-Date"), amzDate(baseTime()));
    QCOMPARE(request.headerCount("X-Amz-Security-Token"), 0);
    QCOMPARE(request.body, kRequestBody);

    const auto check = testsupport::checkSigV4(request, longTermCredentials(), kRegion, kService);
    QVERIFY2(check.valid, qPrintable(check.problem));
    QCOMPARE(check.signedHeaders, QByteArray("content-type;host;x-amz-date;x-amz-target"));
    QCOMPARE(check.credentialScope, QByteArray("20240304/eu-west-1/lookoutequipment/aws4_request"));
    QCOMPARE(client->retryQuotaRemaining(), 500);
}

void TestAwsJsonClient::sessionToken_isSentAndSigned()
{
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client
        = makeClient({}, std::make_shared<aws::StaticCredentialsProvider>(sessionCredentials()));

    const auto result = callAndWait(*client);
    QVERIFY(result && result->ok());
    const auto &request = m_server->requests().first();
    QCOMPARE(request.header("X-Amz-Security-Token"), sessionCredentials().sessionToken.toLatin1());
    const auto check = testsupport::checkSigV4(request, sessionCredentials(), kRegion, kService);
    QVERIFY2(check.valid, qPrintable(check.problem));
    QCOMPARE(check.signedHeaders,
        QByteArray("content-type;host;x-amz-date;x-amz-security-token;x-amz-target"));
}

void TestAwsJsonClient::hostHeader_ipv6Loopback_isBracketedWithPort()
{
    ScriptedHttpServer server;
    if (!server.listen(QHostAddress::LocalHostIPv6))
        QSKIP("this machine has no IPv6 loopback (::1)");
    server.enqueue(ScriptedResponse::json(200, "{}"));
    server.setClock([clock = m_clock] { return clock->now(); });
    auto client = makeClient([&](AwsJsonClientSettings &s) { s.endpoint = server.url(); });

    const auto result = callAndWait(*client);
    QVERIFY(result && result->ok());
    const auto &request = server.requests().first();
    QCOMPARE(request.header("Host"), "[::1]:" + QByteArray::number(server.port()));
    const auto check = testsupport::checkSigV4(request, longTermCredentials(), kRegion, kService);
    QVERIFY2(check.valid, qPrintable(check.problem));
}

void TestAwsJsonClient::hostHeader_localhostName_keepsPort()
{
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient([&](AwsJsonClientSettings &s) {
        s.endpoint = QUrl(QStringLiteral("http://LocalHost:%1").arg(m_server->port()));
    });

    const auto result = callAndWait(*client);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    const auto &request = m_server->requests().first();
    QCOMPARE(request.header("Host"), "localhost:" + QByteArray::number(m_server->port()));
    verifyAllSigned();
}

// "localhost." is the same name as "localhost" (RFC 6761): the loopback address, never looked up
// (the system resolver would ask DNS for it), and the Host header keeps the name as given.
void TestAwsJsonClient::localhostWithTrailingDot_reachesLoopbackWithoutResolver()
{
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient([&](AwsJsonClientSettings &s) {
        s.endpoint = QUrl(QStringLiteral("http://localhost.:%1").arg(m_server->port()));
    });

    const auto result = callAndWait(*client);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    QCOMPARE(m_server->requests().size(), 1);
    const auto &request = m_server->requests().first();
    QCOMPARE(request.header("Host"), "localhost.:" + QByteArray::number(m_server->port()));
    verifyAllSigned();
}

void TestAwsJsonClient::endpointPath_isRequestedAndSigned()
{
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient(
        [&](AwsJsonClientSettings &s) { s.endpoint = m_server->url(QStringLiteral("/lookout/")); });

    const auto result = callAndWait(*client);
    QVERIFY(result && result->ok());
    QCOMPARE(m_server->requests().first().target, QByteArray("/lookout/"));
    verifyAllSigned();
}

void TestAwsJsonClient::emptyBody_sendsEmptyJsonObject()
{
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient();

    const auto result = callAndWait(*client, "ListInferenceSchedulers", QByteArray());
    QVERIFY(result && result->ok());
    QCOMPARE(m_server->requests().first().body, QByteArray("{}"));
    verifyAllSigned();
}

// ---- Standard retry mode --------------------------------------------------------------------

void TestAwsJsonClient::throttlingThenSuccess_retriesOnceAndRefundsQuota()
{
    m_server->enqueue(ScriptedResponse::awsError(400, "ThrottlingException", "Rate exceeded"));
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody));
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_backoff->delays(), QList<std::chrono::milliseconds>({ 500ms }));
    // 5 tokens for the retry, 5 back for its success.
    QCOMPARE(client->retryQuotaRemaining(), 500);
    verifyAllSigned();
}

void TestAwsJsonClient::serverErrors_untilAttemptsRunOut_reportMaxRetries()
{
    m_server->enqueue(
        ScriptedResponse::awsError(500, "InternalServerException", "Processing failed"), 3);
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::Service);
    QCOMPARE(error.code, QStringLiteral("InternalServerException"));
    QCOMPARE(error.httpStatus, 500);
    QCOMPARE(error.attempts, 3);
    QVERIFY(error.retriesExhausted);
    QCOMPARE(error.toString(),
        QStringLiteral("An error occurred (InternalServerException) when calling the "
                       "DescribeInferenceScheduler operation (reached max retries: 2): "
                       "Processing failed"));
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_backoff->delays(), QList<std::chrono::milliseconds>({ 500ms, 1000ms }));
    QCOMPARE(client->retryQuotaRemaining(), 490);
    QCOMPARE(m_server->unexpectedRequestCount(), 0);
    verifyAllSigned();
}

void TestAwsJsonClient::backoff_delaysFollowJitteredExponentialCap_data()
{
    QTest::addColumn<double>("jitter");
    QTest::addColumn<QList<std::chrono::milliseconds>>("expected");
    // random × min(2^(n-1) s, 20 s) for retries n = 1..7.
    QTest::newRow("half") << 0.5
                          << QList<std::chrono::milliseconds> { 500ms, 1000ms, 2000ms, 4000ms,
                                 8000ms, 10000ms, 10000ms };
    QTest::newRow("just under one") << 0.999
                                    << QList<std::chrono::milliseconds> { 999ms, 1998ms, 3996ms,
                                           7992ms, 15984ms, 19980ms, 19980ms };
    QTest::newRow("zero") << 0.0 << QList<std::chrono::milliseconds>(7, 0ms);
}

void TestAwsJsonClient::backoff_delaysFollowJitteredExponentialCap()
{
    QFETCH(double, jitter);
    QFETCH(QList<std::chrono::milliseconds>, expected);
    m_server->enqueue(ScriptedResponse::raw(503, "text/plain", "Slow down"), 8);
    auto client = makeClient([](AwsJsonClientSettings &s) { s.maxAttempts = 8; }, nullptr, jitter);

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().attempts, 8);
    QVERIFY(result->error().retriesExhausted);
    QCOMPARE(m_backoff->delays(), expected);
    for (const auto delay : m_backoff->delays())
        QVERIFY(delay < 20s);
}

void TestAwsJsonClient::retries_areResignedWithFreshDate()
{
    m_clock->set(baseTime().addMSecs(500));
    m_server->enqueue(ScriptedResponse::awsError(429, "TooManyRequestsException", "Slow down"), 2);
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient({}, nullptr, 0.999);

    const auto result = callAndWait(*client);
    QVERIFY(result && result->ok());
    QCOMPARE(m_server->requests().size(), 3);
    // The fake scheduler moves the clock by each backoff (999 ms, then 1998 ms).
    QCOMPARE(m_server->requests()[0].header("X-Amz-Date"), QByteArray("20240304T185222Z"));
    QCOMPARE(m_server->requests()[1].header("X-Amz-Date"), QByteArray("20240304T185223Z"));
    QCOMPARE(m_server->requests()[2].header("X-Amz-Date"), QByteArray("20240304T185225Z"));
    QVERIFY(m_server->requests()[0].header("Authorization")
        != m_server->requests()[1].header("Authorization"));
    verifyAllSigned();
}

void TestAwsJsonClient::maxAttemptsOne_neverRetries()
{
    m_server->enqueue(ScriptedResponse::awsError(400, "ThrottlingException", "Rate exceeded"));
    auto client = makeClient([](AwsJsonClientSettings &s) { s.maxAttempts = 1; });

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().attempts, 1);
    QVERIFY(result->error().retriesExhausted);
    QVERIFY(result->error().toString().contains(QStringLiteral("(reached max retries: 0)")));
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(m_backoff->delays().isEmpty());
}

void TestAwsJsonClient::nonRetryableServiceError_failsAtOnce()
{
    m_server->enqueue(ScriptedResponse::awsError(
        404, "ResourceNotFoundException", "Inference scheduler pump-1 not found"));
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(result->error().attempts, 1);
    QVERIFY(!result->error().retriesExhausted);
    QCOMPARE(result->error().toString(),
        QStringLiteral(
            "An error occurred (ResourceNotFoundException) when calling the "
            "DescribeInferenceScheduler operation: Inference scheduler pump-1 not found"));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(client->retryQuotaRemaining(), 500);
}

void TestAwsJsonClient::retryQuota_exhausted_failsWithoutRetrying()
{
    m_server->setHandler([](const testsupport::RecordedRequest &) {
        return ScriptedResponse::awsError(500, "InternalServerException", "Processing failed");
    });
    // 10 retries a call cost 50 tokens: ten calls drain the 500.
    auto client = makeClient([](AwsJsonClientSettings &s) { s.maxAttempts = 11; });
    for (int i = 0; i < 10; ++i) {
        const auto result = callAndWait(*client);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().attempts, 11);
        QVERIFY(result->error().retriesExhausted);
    }
    QCOMPARE(client->retryQuotaRemaining(), 0);
    QCOMPARE(m_server->requests().size(), 110);

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("InternalServerException"));
    QCOMPARE(result->error().attempts, 1);
    QVERIFY(!result->error().retriesExhausted);
    QCOMPARE(m_server->requests().size(), 111);
}

void TestAwsJsonClient::retryQuota_successWithoutRetry_refundsOne()
{
    m_server->enqueue(ScriptedResponse::awsError(500, "InternalServerException", "x"), 3);
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient();
    QVERIFY(callAndWait(*client).has_value());
    QCOMPARE(client->retryQuotaRemaining(), 490);

    const auto result = callAndWait(*client);
    QVERIFY(result && result->ok());
    QCOMPARE(client->retryQuotaRemaining(), 491);
}

void TestAwsJsonClient::timeoutRetry_costsTenTokens()
{
    m_server->enqueue(ScriptedResponse::hang(), 2);
    auto client = makeClient([](AwsJsonClientSettings &s) {
        s.maxAttempts = 2;
        s.readTimeout = 300ms;
    });

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, AwsError::Kind::Timeout);
    QCOMPARE(result->error().attempts, 2);
    QVERIFY(result->error().retriesExhausted);
    QCOMPARE(client->retryQuotaRemaining(), 490);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestAwsJsonClient::connectionRefused_isRetriedNetworkError()
{
    const testsupport::RefusingLoopbackPort refusing;
    QVERIFY(refusing.port() != 0);
    const QUrl closedPort(QStringLiteral("http://127.0.0.1:%1/").arg(refusing.port()));
    auto client = makeClient([&](AwsJsonClientSettings &s) { s.endpoint = closedPort; });

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::Network);
    QCOMPARE(error.attempts, 3);
    QVERIFY(error.retriesExhausted);
    QCOMPARE(error.httpStatus, 0);
    QVERIFY2(
        error.toString().startsWith(QStringLiteral("Could not connect to the endpoint URL: \"%1\"")
                                        .arg(closedPort.toString())),
        qPrintable(error.toString()));
    QCOMPARE(m_backoff->delays().size(), 2);
}

// ---- Clock skew -----------------------------------------------------------------------------

void TestAwsJsonClient::clockSkew_signatureErrorRetriedOnceWithCorrectedTime()
{
    const QDateTime serverTime = baseTime().addSecs(20 * 60);
    m_server->enqueue(
        ScriptedResponse::awsError(400, "InvalidSignatureException", "Signature expired")
            .withDate(serverTime));
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody).withDate(serverTime));
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody).withDate(serverTime));
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[0].header("X-Amz-Date"), amzDate(baseTime()));
    QCOMPARE(m_server->requests()[1].header("X-Amz-Date"), amzDate(serverTime));
    QCOMPARE(client->clockSkew(), std::chrono::seconds(20 * 60));
    QVERIFY(m_backoff->delays().isEmpty());
    QCOMPARE(client->retryQuotaRemaining(), 500);

    // Later calls are signed with the corrected time from the start.
    const auto later = callAndWait(*client);
    QVERIFY(later && later->ok());
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(m_server->requests()[2].header("X-Amz-Date"), amzDate(serverTime));
    verifyAllSigned();
}

void TestAwsJsonClient::clockSkew_retriedEvenWhenAttemptsAreUsedUp()
{
    const QDateTime serverTime = baseTime().addSecs(-30 * 60);
    m_server->enqueue(
        ScriptedResponse::awsError(403, "SignatureDoesNotMatch", "Signature not yet current")
            .withDate(serverTime));
    m_server->enqueue(ScriptedResponse::json(200, "{}").withDate(serverTime));
    auto client = makeClient([](AwsJsonClientSettings &s) { s.maxAttempts = 1; });

    const auto result = callAndWait(*client);
    QVERIFY(result && result->ok());
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[1].header("X-Amz-Date"), amzDate(serverTime));
    QCOMPARE(client->clockSkew(), std::chrono::seconds(-30 * 60));
    verifyAllSigned();
}

void TestAwsJsonClient::clockSkew_retriedOnlyOnce()
{
    m_server->enqueue(ScriptedResponse::awsError(400, "RequestExpired", "Request has expired")
                          .withDate(baseTime().addSecs(20 * 60)));
    m_server->enqueue(ScriptedResponse::awsError(400, "RequestExpired", "Request has expired")
                          .withDate(baseTime().addSecs(60 * 60)));
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("RequestExpired"));
    QCOMPARE(result->error().attempts, 2);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(client->clockSkew(), std::chrono::seconds(60 * 60));
}

void TestAwsJsonClient::clockSkew_signatureErrorWithoutSkew_isNotRetried()
{
    m_server->enqueue(ScriptedResponse::awsError(400, "InvalidSignatureException", "Bad signature")
                          .withDate(baseTime().addSecs(4 * 60)));
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("InvalidSignatureException"));
    QCOMPARE(result->error().attempts, 1);
    QCOMPARE(client->clockSkew(), std::chrono::seconds(0));
}

void TestAwsJsonClient::clockSkew_learnedFromSuccessfulResponses()
{
    const QDateTime serverTime = baseTime().addSecs(-10 * 60);
    m_server->enqueue(ScriptedResponse::json(200, "{}").withDate(serverTime), 2);
    auto client = makeClient();

    QVERIFY(callAndWait(*client).value().ok());
    QCOMPARE(client->clockSkew(), std::chrono::seconds(-10 * 60));
    QVERIFY(callAndWait(*client).value().ok());
    QCOMPARE(m_server->requests()[0].header("X-Amz-Date"), amzDate(baseTime()));
    QCOMPARE(m_server->requests()[1].header("X-Amz-Date"), amzDate(serverTime));
    verifyAllSigned();
}

void TestAwsJsonClient::clockSkew_belowFiveMinutes_isIgnored()
{
    m_server->enqueue(
        ScriptedResponse::json(200, "{}").withDate(baseTime().addSecs(4 * 60 + 59)), 2);
    auto client = makeClient();

    QVERIFY(callAndWait(*client).value().ok());
    QVERIFY(callAndWait(*client).value().ok());
    QCOMPARE(client->clockSkew(), std::chrono::seconds(0));
    QCOMPARE(m_server->requests()[1].header("X-Amz-Date"), amzDate(baseTime()));
}

// ---- Credentials ----------------------------------------------------------------------------

void TestAwsJsonClient::expiredToken_invalidatesAndRetriesOnceWithFreshCredentials()
{
    AwsCredentials fresh = sessionCredentials();
    fresh.accessKeyId = QStringLiteral("ASIAFRESHKEY");
    fresh.sessionToken = QStringLiteral("fresh-token");
    auto provider = std::make_shared<RotatingCredentialsProvider>(
        QList<AwsCredentials> { sessionCredentials(), fresh });
    m_server->enqueue(ScriptedResponse::awsError(
        400, "ExpiredTokenException", "The security token included in the request is expired"));
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient([](AwsJsonClientSettings &s) { s.maxAttempts = 1; }, provider);

    const auto result = callAndWait(*client);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    QCOMPARE(provider->invalidations, 1);
    QCOMPARE(provider->fetches, 2);
    QCOMPARE(m_server->requests().size(), 2);
    QVERIFY(
        testsupport::checkSigV4(m_server->requests()[0], sessionCredentials(), kRegion, kService)
            .valid);
    const auto second = testsupport::checkSigV4(m_server->requests()[1], fresh, kRegion, kService);
    QVERIFY2(second.valid, qPrintable(second.problem));
    QCOMPARE(m_server->requests()[1].header("X-Amz-Security-Token"), QByteArray("fresh-token"));
}

void TestAwsJsonClient::expiredToken_twice_fails()
{
    auto provider = std::make_shared<RotatingCredentialsProvider>(
        QList<AwsCredentials> { sessionCredentials() });
    m_server->enqueue(ScriptedResponse::awsError(400, "ExpiredToken", "expired"), 2);
    auto client = makeClient({}, provider);

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("ExpiredToken"));
    QCOMPARE(result->error().attempts, 2);
    QCOMPARE(provider->invalidations, 1);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestAwsJsonClient::credentialsProviderFailure_isCredentialsError()
{
    auto client = makeClient({}, std::make_shared<FailingCredentialsProvider>());

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, AwsError::Kind::Credentials);
    QCOMPARE(result->error().exitCode(), 253);
    QCOMPARE(result->error().attempts, 0);
    QCOMPARE(result->error().operation, QString::fromLatin1(kOperation));
    QVERIFY(m_server->requests().isEmpty());
}

// ---- Limits ---------------------------------------------------------------------------------

void TestAwsJsonClient::readTimeout_whenServerHangs()
{
    m_server->enqueue(ScriptedResponse::hang());
    auto client = makeClient([](AwsJsonClientSettings &s) {
        s.maxAttempts = 1;
        s.readTimeout = 300ms;
    });

    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::Timeout);
    QVERIFY2(error.message.contains(QStringLiteral("read timeout")), qPrintable(error.message));
    QVERIFY(elapsed.elapsed() >= 300);
    QCOMPARE(m_server->requests().size(), 1);
    const QString text = error.toString();
    QVERIFY2(
        text.contains(m_server->url().toString()) && text.contains(QString::fromLatin1(kOperation)),
        qPrintable(text));
    QCOMPARE(error.exitCode(), 255);
}

void TestAwsJsonClient::steadyTrickle_isNotATimeout()
{
    // 20 bytes, one per 50 ms: a second in all, never 500 ms of silence from the server, which
    // runs on this thread. On a loaded machine this thread itself may be held up for that long,
    // and then the server was silent after all: such a run proves nothing either way (a watchdog
    // on this thread sees it) and is run again.
    const QByteArray body = R"({"pad":"0123456789"})";
    constexpr auto kReadTimeout = 500ms;
    for (int run = 1; run <= 5; ++run) {
        m_server->enqueue(ScriptedResponse::json(200, body).trickling(50ms, 1));
        auto client = makeClient([kReadTimeout](AwsJsonClientSettings &s) {
            s.maxAttempts = 1;
            s.readTimeout = kReadTimeout;
        });
        QElapsedTimer sinceTick;
        qint64 worstGapMs = 0;
        QTimer watchdog;
        watchdog.setTimerType(Qt::PreciseTimer);
        connect(&watchdog, &QTimer::timeout, this,
            [&] { worstGapMs = std::max(worstGapMs, sinceTick.restart()); });
        sinceTick.start();
        watchdog.start(10ms);

        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = callAndWait(*client);
        watchdog.stop();
        QVERIFY(result);
        if (!result->ok() && worstGapMs >= kReadTimeout.count() / 2) {
            qInfo("run %d: this thread stood still for %lld ms, so the server did too; again", run,
                worstGapMs);
            continue;
        }
        QVERIFY2(result->ok(),
            qPrintable(result->ok() ? QString()
                                    : result->error().toString()
                        + QStringLiteral(" (this thread never stood still for more than %1 ms)")
                              .arg(worstGapMs)));
        QCOMPARE(result->value(), body);
        QVERIFY(elapsed.elapsed() > kReadTimeout.count());
        return;
    }
    QFAIL("five runs in a row were held up by the machine for 250 ms or more");
}

void TestAwsJsonClient::connectTimeout_whenConnectNeverCompletes()
{
    testsupport::FullBacklogListener listener;
    QVERIFY2(listener.start(), qPrintable(listener.errorString()));
    auto client = makeClient([&](AwsJsonClientSettings &s) {
        s.endpoint = listener.url();
        s.maxAttempts = 1;
        s.connectTimeout = 300ms;
        s.readTimeout = 60s;
    });

    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, AwsError::Kind::Timeout);
    QVERIFY2(result->error().message.contains(QStringLiteral("connect timeout")),
        qPrintable(result->error().message));
    QVERIFY(elapsed.elapsed() >= 300);
    QVERIFY(elapsed.elapsed() < 10'000);
}

void TestAwsJsonClient::tooLarge_announcedContentLength_abortsUpFront()
{
    constexpr qint64 kSize = 20 * 1024 * 1024;
    m_server->enqueue(ScriptedResponse::generated(200, "application/x-amz-json-1.0", kSize));
    auto client = makeClient();
    QCOMPARE(client->settings().maxResponseBytes, 16 * 1024 * 1024);

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::TooLarge);
    QCOMPARE(error.httpStatus, 200);
    QVERIFY2(error.message.contains(QStringLiteral("20971520")), qPrintable(error.message));
    QCOMPARE(error.attempts, 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->responseHasEnded(0), 5000);
    QVERIFY(!m_server->responseCompleted(0));
    QVERIFY(m_server->responseBodyBytesSent(0) < kSize);
}

void TestAwsJsonClient::tooLarge_streamedBody_abortsAtCapWithoutBufferingPastIt()
{
    constexpr qint64 kCap = 16 * 1024 * 1024;
    // 2.5 times the cap: buffering past the cap would show as 40 MiB, far over the bound below.
    constexpr qint64 kSize = 40 * 1024 * 1024;
    m_server->enqueue(ScriptedResponse::generated(
        200, "application/x-amz-json-1.0", kSize, ScriptedResponse::Framing::Chunked));
    auto client = makeClient();
    const bool measurePeak = resetPeakResident();
    const qint64 peakBefore = processStatusKiB("VmHWM");

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::TooLarge);
    QVERIFY2(error.message.contains(QStringLiteral("16777216")), qPrintable(error.message));
    const QString text = error.toString();
    QVERIFY2(
        text.contains(QString::fromLatin1(kOperation)) && text.contains(m_server->url().toString()),
        qPrintable(text));

    // AddressSanitizer's quarantine keeps every freed buffer resident by design (Qt's own
    // per-read buffers included), so peak memory says nothing about the client there.
    if (kAddressSanitizer) {
        qInfo("peak memory not measured under AddressSanitizer");
        return;
    }
    QVERIFY2(measurePeak && peakBefore > 0, "/proc/self/status or /proc/self/clear_refs unusable");
    // What is held at once (the body up to the cap, Qt's read buffers in its HTTP thread, the
    // in-process server's write buffer, the allocator's slack: 18 to 21 MiB in all, by how the
    // chunks happen to arrive) stays within the cap plus 8 MiB; buffering the whole 40 MiB
    // would not.
    const qint64 growthKiB = processStatusKiB("VmHWM") - peakBefore;
    QVERIFY2(growthKiB < (kCap + 8 * 1024 * 1024) / 1024,
        qPrintable(QStringLiteral("peak resident memory grew by %1 KiB").arg(growthKiB)));
}

void TestAwsJsonClient::tooLarge_clientStopsReadingAtCap()
{
    // 64 MiB on offer, 1 MiB allowed: if the client kept reading (and dropping) past the cap, the
    // server would get all of it out; kernel socket buffers hold a few MiB at most.
    constexpr qint64 kSize = 64 * 1024 * 1024;
    m_server->enqueue(ScriptedResponse::generated(
        200, "application/x-amz-json-1.0", kSize, ScriptedResponse::Framing::CloseDelimited));
    auto client = makeClient([](AwsJsonClientSettings &s) { s.maxResponseBytes = 1024 * 1024; });

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, AwsError::Kind::TooLarge);
    QCOMPARE(result->error().attempts, 1);
    QVERIFY2(result->error().message.contains(QStringLiteral("1048576")),
        qPrintable(result->error().message));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->responseHasEnded(0), 5000);
    QVERIFY(!m_server->responseCompleted(0));
    QVERIFY2(m_server->responseBodyBytesSent(0) < kSize / 2,
        qPrintable(QStringLiteral("%1 bytes went out").arg(m_server->responseBodyBytesSent(0))));
}

void TestAwsJsonClient::closedMidBody_isNetworkError()
{
    const QByteArray body = "{\"Padding\":\"" + QByteArray(1000, 'p') + "\"}";
    m_server->enqueue(ScriptedResponse::json(200, body).closingAfterBodyBytes(100));
    auto client = makeClient([](AwsJsonClientSettings &s) { s.maxAttempts = 1; });

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::Network);
    QCOMPARE(error.httpStatus, 200);
    QVERIFY(!error.message.isEmpty());
    QVERIFY2(
        error.toString().contains(QString::fromLatin1(kOperation)), qPrintable(error.toString()));
}

void TestAwsJsonClient::redirect_isNotFollowed()
{
    const QByteArray elsewhere = m_server->url(QStringLiteral("/elsewhere")).toEncoded();
    m_server->enqueue(
        ScriptedResponse::raw(307, "text/plain", "moved").withHeader("Location", elsewhere));
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::BadResponse);
    QCOMPARE(error.httpStatus, 307);
    QVERIFY2(error.message.contains(QString::fromLatin1(elsewhere)), qPrintable(error.message));
    QVERIFY(error.toString().contains(QStringLiteral("HTTP 307")));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->pendingResponses(), 1);
}

void TestAwsJsonClient::plainHttpToRemoteHost_isRefusedBeforeSending()
{
    // Everything this network access manager sends goes through the scripted server as an HTTP
    // proxy, so any byte meant for example.com would be recorded there.
    m_network->setProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_server->port()));
    m_server->setHandler(
        [](const testsupport::RecordedRequest &) { return ScriptedResponse::json(200, "{}"); });
    auto client = makeClient(
        [](AwsJsonClientSettings &s) { s.endpoint = QUrl(QStringLiteral("http://example.com")); });

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::Configuration);
    QVERIFY2(error.message.contains(QStringLiteral("http://example.com"))
            && error.message.contains(QStringLiteral("loopback")),
        qPrintable(error.message));
    QCOMPARE(error.attempts, 0);
    QCOMPARE(error.operation, QString::fromLatin1(kOperation));
    QCOMPARE(m_server->connectionCount(), 0);
    QVERIFY(m_server->requests().isEmpty());
}

void TestAwsJsonClient::tls_untrustedCertificate_isTlsErrorWithQtText()
{
    ScriptedHttpServer tlsServer;
    tlsServer.setTlsConfiguration(serverTlsConfiguration());
    QVERIFY(tlsServer.listen());
    tlsServer.enqueue(ScriptedResponse::json(200, "{}"));
    auto client = makeClient([&](AwsJsonClientSettings &s) { s.endpoint = tlsServer.url(); });

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::Tls);
    QCOMPARE(error.attempts, 1);
    QVERIFY2(error.message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive)
            || error.message.contains(QStringLiteral("untrusted"), Qt::CaseInsensitive),
        qPrintable(error.message));
    QVERIFY2(error.toString().contains(tlsServer.url().toString()), qPrintable(error.toString()));
    QVERIFY(tlsServer.requests().isEmpty());
}

void TestAwsJsonClient::tls_trustedCertificate_succeeds()
{
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(original); });
    QSslConfiguration trusting = original;
    trusting.addCaCertificate(testCertificate());
    QSslConfiguration::setDefaultConfiguration(trusting);

    ScriptedHttpServer tlsServer;
    tlsServer.setTlsConfiguration(serverTlsConfiguration());
    tlsServer.setClock([clock = m_clock] { return clock->now(); });
    QVERIFY(tlsServer.listen());
    tlsServer.enqueue(ScriptedResponse::json(200, kSchedulerBody));
    auto client = makeClient([&](AwsJsonClientSettings &s) { s.endpoint = tlsServer.url(); });

    const auto result = callAndWait(*client);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    QCOMPARE(result->value(), kSchedulerBody);
    const auto &request = tlsServer.requests().first();
    QCOMPARE(request.header("Host"), tlsServer.hostHeader());
    const auto check = testsupport::checkSigV4(request, longTermCredentials(), kRegion, kService);
    QVERIFY2(check.valid, qPrintable(check.problem));
}

void TestAwsJsonClient::invalidSettings_areConfigurationErrors_data()
{
    QTest::addColumn<std::function<void(AwsJsonClientSettings &)>>("adjust");
    QTest::addColumn<QString>("expected");
    using Adjust = std::function<void(AwsJsonClientSettings &)>;
    QTest::newRow("no region") << Adjust([](AwsJsonClientSettings &s) { s.region.clear(); })
                               << QStringLiteral("no region");
    QTest::newRow("zero attempts") << Adjust([](AwsJsonClientSettings &s) { s.maxAttempts = 0; })
                                   << QStringLiteral("max_attempts must be at least 1 (it is 0)");
    QTest::newRow("zero read timeout")
        << Adjust([](AwsJsonClientSettings &s) { s.readTimeout = 0ms; })
        << QStringLiteral("read timeout");
    QTest::newRow("negative cap") << Adjust([](AwsJsonClientSettings &s) {
        s.maxResponseBytes = -1;
    }) << QStringLiteral("response size limit");
    QTest::newRow("ftp endpoint") << Adjust([](AwsJsonClientSettings &s) {
        s.endpoint = QUrl(QStringLiteral("ftp://127.0.0.1/"));
    }) << QStringLiteral("scheme must be https://");
    QTest::newRow("no endpoint") << Adjust([](AwsJsonClientSettings &s) { s.endpoint = QUrl(); })
                                 << QStringLiteral("no endpoint is set");
    // The generic client knows no service: without a signing name nothing is sent.
    QTest::newRow("default settings") << Adjust([](AwsJsonClientSettings &s) {
        const AwsJsonClientSettings defaults;
        s.signingName = defaults.signingName;
        s.targetPrefix = defaults.targetPrefix;
    }) << QStringLiteral("the signing name and the target prefix must not be empty");
}

void TestAwsJsonClient::invalidSettings_areConfigurationErrors()
{
    QFETCH(std::function<void(AwsJsonClientSettings &)>, adjust);
    QFETCH(QString, expected);
    auto client = makeClient(adjust);

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, AwsError::Kind::Configuration);
    QVERIFY2(result->error().message.contains(expected), qPrintable(result->error().message));
    QCOMPARE(m_server->connectionCount(), 0);
}

void TestAwsJsonClient::invalidOperationName_isRefused()
{
    auto client = makeClient();
    const auto result = callAndWait(*client, "Describe Inference\r\nX-Evil: 1");
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, AwsError::Kind::InvalidParameter);
    QVERIFY(result->error().message.contains(
        QStringLiteral("operation name \"Describe Inference??X-Evil: 1\"")));
    QCOMPARE(m_server->connectionCount(), 0);
}

// ---- Responses ------------------------------------------------------------------------------

void TestAwsJsonClient::badResponses_becomeErrorsNamingStatusOperationEndpoint_data()
{
    QTest::addColumn<ScriptedResponse>("response");
    QTest::addColumn<int>("status");
    QTest::addColumn<AwsError::Kind>("kind");
    QTest::addColumn<QString>("detail");

    QTest::newRow("html 502") << ScriptedResponse::raw(502, "text/html",
        "<html><head><title>502 Bad Gateway</title></head>"
        "<body><h1>502 Bad Gateway</h1></body></html>")
                              << 502 << AwsError::Kind::BadResponse
                              << QStringLiteral("502 Bad Gateway");
    QTest::newRow("empty 200") << ScriptedResponse::json(200, "") << 200
                               << AwsError::Kind::BadResponse << QStringLiteral("empty");
    QTest::newRow("empty 500") << ScriptedResponse::raw(500, "", "") << 500
                               << AwsError::Kind::BadResponse
                               << QStringLiteral("without an AWS error type");
    QTest::newRow("truncated json")
        << ScriptedResponse::json(200, R"({"InferenceSchedulerName":"pu)") << 200
        << AwsError::Kind::BadResponse << QStringLiteral("not valid JSON");
    QTest::newRow("json array") << ScriptedResponse::json(200, R"([{"a":1}])") << 200
                                << AwsError::Kind::BadResponse << QStringLiteral("JSON array");
    QTest::newRow("json scalar") << ScriptedResponse::json(200, "42") << 200
                                 << AwsError::Kind::BadResponse
                                 << QStringLiteral(
                                        "the body is a JSON number; expected a JSON object");
    QTest::newRow("wrong content type")
        << ScriptedResponse::raw(200, "text/html", "{}") << 200 << AwsError::Kind::BadResponse
        << QStringLiteral("text/html");
    QTest::newRow("error without type")
        << ScriptedResponse::json(400, R"({"message":"nope"})") << 400
        << AwsError::Kind::BadResponse << QStringLiteral("without an AWS error type");
    QTest::newRow("error that is an array")
        << ScriptedResponse::json(400, R"(["ValidationException"])") << 400
        << AwsError::Kind::BadResponse << QStringLiteral("without an AWS error type");
}

void TestAwsJsonClient::badResponses_becomeErrorsNamingStatusOperationEndpoint()
{
    QFETCH(ScriptedResponse, response);
    QFETCH(int, status);
    QFETCH(AwsError::Kind, kind);
    QFETCH(QString, detail);
    m_server->enqueue(response.withHeader("x-amzn-RequestId", "bad-req-7"));
    auto client = makeClient([](AwsJsonClientSettings &s) { s.maxAttempts = 1; });

    const auto result = callAndWait(*client);
    QVERIFY(result);
    QVERIFY(!result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.requestId, QStringLiteral("bad-req-7"));
    QCOMPARE(error.operation, QString::fromLatin1(kOperation));
    QCOMPARE(error.endpoint, m_server->url());
    const QString text = error.toString();
    QVERIFY2(text.contains(QStringLiteral("HTTP %1").arg(status)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(kOperation)), qPrintable(text));
    QVERIFY2(text.contains(m_server->url().toString()), qPrintable(text));
    QVERIFY2(text.contains(detail), qPrintable(text));
}

void TestAwsJsonClient::serviceErrors_typeAndMessageParsed_data()
{
    QTest::addColumn<ScriptedResponse>("response");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("header wins, uri form")
        << ScriptedResponse::json(400, R"({"__type":"Other","message":"from body"})")
               .withHeader("X-Amzn-Errortype",
                   "ValidationException:http://internal.amazon.com/coral/"
                   "com.amazon.coral.validate/")
        << QStringLiteral("ValidationException") << QStringLiteral("from body");
    QTest::newRow("__type namespace form") << ScriptedResponse::json(404,
        R"({"__type":"com.amazonaws.lookoutequipment#ResourceNotFoundException","message":"gone"})")
                                           << QStringLiteral("ResourceNotFoundException")
                                           << QStringLiteral("gone");
    QTest::newRow("code member, Message capitalised")
        << ScriptedResponse::json(409, R"({"code":"ConflictException","Message":"busy"})")
        << QStringLiteral("ConflictException") << QStringLiteral("busy");
    QTest::newRow("header only, html body")
        << ScriptedResponse::raw(403, "text/html", "<html>denied</html>")
               .withHeader("x-amzn-errortype", "AccessDeniedException")
        << QStringLiteral("AccessDeniedException") << QString();
}

void TestAwsJsonClient::serviceErrors_typeAndMessageParsed()
{
    QFETCH(ScriptedResponse, response);
    QFETCH(QString, code);
    QFETCH(QString, message);
    m_server->enqueue(response.withHeader("x-amzn-RequestId", "9f5c3a1e-req"));
    auto client = makeClient();

    const auto result = callAndWait(*client);
    QVERIFY(result && !result->ok());
    const AwsError &error = result->error();
    QCOMPARE(error.kind, AwsError::Kind::Service);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, message);
    QCOMPARE(error.requestId, QStringLiteral("9f5c3a1e-req"));
    QCOMPARE(error.exitCode(), 254);
    QCOMPARE(m_server->requests().size(), 1);
}

// ---- Lifetime -------------------------------------------------------------------------------

void TestAwsJsonClient::contextDestroyedMidCall_noCallback()
{
    m_server->enqueue(ScriptedResponse::hang());
    auto client = makeClient();
    auto context = std::make_unique<QObject>();
    int callbacks = 0;
    client->call(
        kOperation, kRequestBody, context.get(), [&](const Result<QByteArray> &) { ++callbacks; });

    QSignalSpy received(m_server.get(), &ScriptedHttpServer::requestReceived);
    QVERIFY(received.wait(5000));
    QSignalSpy ended(m_server.get(), &ScriptedHttpServer::responseEnded);
    context.reset();
    // The client drops the connection of the abandoned request.
    QVERIFY(ended.wait(5000));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    QCOMPARE(callbacks, 0);
}

void TestAwsJsonClient::abortAll_dropsEveryCallInFlight()
{
    m_server->enqueue(ScriptedResponse::hang(), 2);
    auto client = makeClient();
    int callbacks = 0;
    QSignalSpy received(m_server.get(), &ScriptedHttpServer::requestReceived);
    client->call(kOperation, kRequestBody, this, [&](const Result<QByteArray> &) { ++callbacks; });
    client->call(
        "ListInferenceSchedulers", "{}", this, [&](const Result<QByteArray> &) { ++callbacks; });
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, 5000);

    QSignalSpy ended(m_server.get(), &ScriptedHttpServer::responseEnded);
    client->abortAll();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 5000);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(callbacks, 0);

    // The client still works afterwards.
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    const auto result = callAndWait(*client);
    QVERIFY(result && result->ok());
}

void TestAwsJsonClient::callAbort_dropsOnlyThatCall()
{
    auto client = makeClient();
    m_server->setHandler([](const testsupport::RecordedRequest &request) {
        return request.header("X-Amz-Target").endsWith("ListInferenceSchedulers")
            ? ScriptedResponse::hang()
            : ScriptedResponse::json(200, "{}");
    });
    int abortedCallbacks = 0;
    QSignalSpy received(m_server.get(), &ScriptedHttpServer::requestReceived);
    aws::ClientCall *doomed = client->call("ListInferenceSchedulers", "{}", this,
        [&](const Result<QByteArray> &) { ++abortedCallbacks; });
    QCOMPARE(doomed->operation(), QByteArray("ListInferenceSchedulers"));
    QVERIFY(received.wait(5000));
    doomed->abort();

    const auto result = callAndWait(*client);
    QVERIFY(result && result->ok());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(abortedCallbacks, 0);
}

void TestAwsJsonClient::clientDestroyedMidCall_noCallback()
{
    m_server->enqueue(ScriptedResponse::hang());
    auto client = makeClient();
    int callbacks = 0;
    QSignalSpy received(m_server.get(), &ScriptedHttpServer::requestReceived);
    client->call(kOperation, kRequestBody, this, [&](const Result<QByteArray> &) { ++callbacks; });
    QVERIFY(received.wait(5000));

    QSignalSpy ended(m_server.get(), &ScriptedHttpServer::responseEnded);
    client.reset();
    QVERIFY(ended.wait(5000));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(callbacks, 0);
}

void TestAwsJsonClient::callbackMayDeleteClient()
{
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    m_server->enqueue(ScriptedResponse::hang());
    auto client = makeClient();
    bool deleted = false;
    QEventLoop loop;
    client->call(kOperation, kRequestBody, &loop, [&](const Result<QByteArray> &result) {
        QVERIFY(result.ok());
        client.reset();
        deleted = true;
        loop.quit();
    });
    // A second call still in flight when its client goes.
    client->call("ListInferenceSchedulers", "{}", &loop, [](const Result<QByteArray> &) {
        QFAIL("the call of a destroyed client must not call back");
    });
    QTimer::singleShot(kCallGuard, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(deleted);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestAwsJsonClient::callback_neverRunsInsideCall()
{
    auto client = makeClient(
        [](AwsJsonClientSettings &s) { s.endpoint = QUrl(QStringLiteral("http://example.com")); });
    bool insideCall = true;
    bool ranInside = false;
    std::optional<Result<QByteArray>> result;
    client->call(kOperation, kRequestBody, this, [&](const Result<QByteArray> &r) {
        ranInside = insideCall;
        result = r;
    });
    insideCall = false;
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!ranInside);
}

// ---- Logging --------------------------------------------------------------------------------

void TestAwsJsonClient::debugLog_tracesCallsWithoutSecrets()
{
    const QDateTime serverTime = baseTime().addSecs(20 * 60);
    m_server->enqueue(ScriptedResponse::awsError(400, "ThrottlingException", "Rate exceeded"));
    m_server->enqueue(
        ScriptedResponse::awsError(400, "InvalidSignatureException", "Signature expired")
            .withDate(serverTime));
    m_server->enqueue(ScriptedResponse::json(200, "{}")
                          .withDate(serverTime)
                          .withHeader("x-amzn-RequestId", "log-req-1"));
    auto client
        = makeClient({}, std::make_shared<aws::StaticCredentialsProvider>(sessionCredentials()));

    QString log;
    {
        HttpLogCapture capture;
        const auto result = callAndWait(*client);
        QVERIFY(result && result->ok());
        log = capture.text();
    }
    QVERIFY2(log.contains(QString::fromLatin1(kTarget)), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("POST ") + m_server->url().toString()), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("HTTP 200")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("attempt 3")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("backoff")) && log.contains(QStringLiteral("500 ms")),
        qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("clock skew")) && log.contains(QStringLiteral("1200 s")),
        qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("log-req-1")), qPrintable(log));

    QCOMPARE(m_server->requests().size(), 3);
    QVERIFY(!log.contains(sessionCredentials().secretAccessKey));
    QVERIFY(!log.contains(sessionCredentials().sessionToken));
    QVERIFY(!log.contains(sessionCredentials().accessKeyId));
    for (const auto &request : m_server->requests()) {
        const QByteArray authorization = request.header("Authorization");
        const QByteArray signature = authorization.mid(authorization.indexOf("Signature=") + 10);
        QCOMPARE(signature.size(), 64);
        QVERIFY(!log.contains(QString::fromLatin1(signature)));
        QVERIFY(!log.contains(QStringLiteral("Authorization")));
    }
}

QTEST_GUILESS_MAIN(TestAwsJsonClient)
#include "tst_awsjsonclient.moc"
