// Hostile endpoints against the headless commands: the built lookout-desk run as a shell runs
// it (`describe NAME` / `list --endpoint-url URL --profile hostile`, keys and region from
// temporary ~/.aws files, no display, no D-Bus) against a scripted server in this process:
// connection refused, a reset mid-body, a server that accepts and never answers, one that
// trickles a byte a second, a 100 MiB body, an HTML error page, JSON nested 10,000 deep, invalid
// UTF-8, a NextToken that never ends, and a TLS endpoint with a self-signed certificate. Each
// run must exit with the CLI's status (255: not the service's answer) and one clear sentence on
// stderr, nothing on stdout, within its timeouts, with no control character or secret in what it
// prints, and (outside AddressSanitizer) without its resident memory growing past the cap.
#include "hostilepages.h"
#include "lookout/jsoncodec.h"
#include "loopbackport.h"
#include "processresources.h"
#include "scriptedhttpserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using testsupport::ScriptedHttpServer;
using testsupport::ScriptedResponse;

using testsupport::kAddressSanitizer;

namespace {

constexpr auto kSecret = "cliHostileEndpointSecretNeverPrinted0000";
constexpr int kAttempts = 2; // max_attempts in the profile
constexpr qint64 kConnectTimeoutMs = 1000; // --connect-timeout 1
constexpr qint64 kReadTimeoutMs = 2000; // --read-timeout 2
// The CLI waits up to 1 s before its second attempt, and a loaded machine is slow to start it.
constexpr qint64 kSlackMs = 10'000;
constexpr qint64 kCapKiB = 16 * 1024;

const QByteArray kSchedulerBody
    = R"({"InferenceSchedulerName":"pump-1","Status":"RUNNING","DataUploadFrequency":"PT5M","ModelName":"pump-model"})";

struct Run {
    int exitCode = -1;
    bool finished = false;
    qint64 elapsedMs = 0;
    QByteArray out;
    QByteArray err;
};

bool hasControlCharacters(const QByteArray &utf8)
{
    const QString text = QString::fromUtf8(utf8);
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\n') || (u >= 0x7f && u <= 0x9f);
    });
}

// The caller's environment without a display, a session bus or any AWS_* setting.
QProcessEnvironment bareEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"AWS_"_s))
            environment.remove(name);
    }
    for (const char *name :
        { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS" })
        environment.remove(QString::fromLatin1(name));
    environment.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    return environment;
}

// The largest resident set of any child this process has waited for, in KiB.
qint64 largestChildKiB()
{
    rusage usage {};
    return getrusage(RUSAGE_CHILDREN, &usage) == 0 ? usage.ru_maxrss : -1;
}

} // namespace

class TestHostileEndpointsCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    // First: they judge the largest child so far, which the 100 MiB body would set.
    void pageOfEmptyExecutionsPastMaxResults_exit255InBoundedMemory();
    void pageOfEmptySchedulersPastMaxResults_exit255InBoundedMemory();
    void describeWithAHugeUnknownMember_succeedsInBoundedMemory();
    void connectionRefused_exit255();
    void resetMidBody_exit255();
    void acceptsButNeverAnswers_exit255AtTheReadTimeout();
    void tricklesAByteASecond_exit255AtTheConnectAndReadTimeoutsTogether();
    void hundredMebibyteBody_exit255AtTheCap();
    void htmlErrorPage_exit255QuotingItsStart();
    void jsonNestedTenThousandDeep_exit255();
    void invalidUtf8_exit255();
    void nextTokenThatNeverEnds_exit255AtThePageLimit();
    void selfSignedTls_exit255WithAClearMessage();

private:
    Run run(const QStringList &arguments, const QUrl &endpoint, int timeoutMs = 120'000);
    // A failed run as the CLI reports one: `exitCode`, nothing on stdout, the sentence on stderr
    // starting with `start`, within `budgetMs` (+ slack), printable and without the secret.
    void checkFailure(
        const Run &result, int exitCode, const QString &start, qint64 budgetMs, int line);
    QUrl listen();

    QTemporaryDir m_dir;
    std::unique_ptr<ScriptedHttpServer> m_server;
};

void TestHostileEndpointsCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile config(m_dir.filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile hostile]\nregion = eu-west-1\nmax_attempts = "
        + QByteArray::number(kAttempts) + "\n");
    QFile credentials(m_dir.filePath(u"credentials"_s));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write(
        QByteArray("[hostile]\naws_access_key_id = AKIDHOSTILECLITEST01\naws_secret_access_key = ")
        + kSecret + '\n');
}

void TestHostileEndpointsCli::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
}

void TestHostileEndpointsCli::cleanup()
{
    m_server.reset();
}

QUrl TestHostileEndpointsCli::listen()
{
    if (!m_server->listen())
        qWarning() << "cannot listen:" << m_server->errorString();
    return m_server->url();
}

Run TestHostileEndpointsCli::run(const QStringList &arguments, const QUrl &endpoint, int timeoutMs)
{
    QProcessEnvironment environment = bareEnvironment();
    environment.insert(u"HOME"_s, m_dir.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u".config"_s));
    environment.insert(u"AWS_CONFIG_FILE"_s, m_dir.filePath(u"config"_s));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir.filePath(u"credentials"_s));
    environment.insert(u"TZ"_s, u"UTC"_s);

    QProcess process;
    process.setProcessEnvironment(environment);
    Run result;
    QElapsedTimer elapsed;
    elapsed.start();
    process.start(QStringLiteral(LOOKOUT_BINARY),
        arguments
            + QStringList { u"--profile"_s, u"hostile"_s, u"--endpoint-url"_s, endpoint.toString(),
                u"--connect-timeout"_s, QString::number(kConnectTimeoutMs / 1000),
                u"--read-timeout"_s, QString::number(kReadTimeoutMs / 1000) });
    // The scripted server lives on this thread: keep its event loop turning while the command
    // runs, without the pauses of QTest::qWaitFor (they would slow the server's writes).
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (process.waitForStarted(30'000))
        loop.exec();
    result.finished
        = process.state() == QProcess::NotRunning && process.exitStatus() == QProcess::NormalExit;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(10'000);
    }
    result.elapsedMs = elapsed.elapsed();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    qInfo("exit %d after %lld ms: %s", result.exitCode, result.elapsedMs,
        result.err.trimmed().left(300).constData());
    return result;
}

void TestHostileEndpointsCli::checkFailure(
    const Run &result, int exitCode, const QString &start, qint64 budgetMs, int line)
{
    const auto fail
        = [line](const QString &what) { QTest::qFail(qPrintable(what), __FILE__, line); };
    if (!result.finished)
        return fail(u"did not finish"_s);
    if (result.exitCode != exitCode)
        return fail(u"exit %1, expected %2: %3"_s.arg(result.exitCode)
                        .arg(exitCode)
                        .arg(QString::fromUtf8(result.err)));
    if (!result.out.isEmpty() && result.out != "\n")
        return fail(u"stdout: "_s + QString::fromUtf8(result.out.left(200)));
    // The CLI's layout: a blank line, then the sentence.
    if (!result.err.startsWith(QByteArray("\n" + start.toUtf8())))
        return fail(
            u"stderr does not start with \"%1\": %2"_s.arg(start, QString::fromUtf8(result.err)));
    if (result.elapsedMs > budgetMs + kSlackMs)
        return fail(u"took %1 ms, budget %2 ms"_s.arg(result.elapsedMs).arg(budgetMs));
    if (hasControlCharacters(result.err))
        return fail(u"control characters on stderr: "_s
            + QString::fromLatin1(result.err.toPercentEncoding(" :\"()/")));
    if (result.err.contains(kSecret))
        return fail(u"the secret is on stderr"_s);
}

#define CHECK_FAILURE(result, exitCode, start, budgetMs)                                           \
    do {                                                                                           \
        checkFailure(result, exitCode, start, budgetMs, __LINE__);                                 \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// Memory: within three times the 4 MiB page (as received, and the 500 summaries decoded at most).
constexpr qint64 kPageGrowthCapKiB = 3 * 4 * 1024;

void TestHostileEndpointsCli::pageOfEmptyExecutionsPastMaxResults_exit255InBoundedMemory()
{
    const QUrl endpoint = listen();
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody));
    QCOMPARE(run({ u"describe"_s, u"pump-1"_s }, endpoint).exitCode, 0);
    const qint64 baselineKiB = largestChildKiB();

    m_server->enqueue(ScriptedResponse::json(
        200, testsupport::pageOfEmptySummaries("InferenceExecutionSummaries")));
    const Run result = run({ u"executions"_s, u"pump-1"_s, u"--max-items"_s, u"1"_s }, endpoint);
    CHECK_FAILURE(
        result, 255, u"Bad response to the ListInferenceExecutions operation from"_s, 5'000);
    QVERIFY2(result.err.contains("InferenceExecutionSummaries: the page has 1398101 items; the "
                                 "request asked for at most 1 (MaxResults)"),
        result.err.constData());
    QCOMPARE(m_server->requests().size(), 2); // a bad page is not retried
    const qint64 growthKiB = largestChildKiB() - baselineKiB;
    qInfo("4.2 MB page of executions: the command grew %lld KiB past a normal describe", growthKiB);
    if (kAddressSanitizer) {
        qInfo("RSS bound not checked: AddressSanitizer keeps freed memory in quarantine");
        return;
    }
    QVERIFY2(growthKiB < kPageGrowthCapKiB, qPrintable(QString::number(growthKiB)));
}

void TestHostileEndpointsCli::pageOfEmptySchedulersPastMaxResults_exit255InBoundedMemory()
{
    const QUrl endpoint = listen();
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody));
    QCOMPARE(run({ u"describe"_s, u"pump-1"_s }, endpoint).exitCode, 0);
    const qint64 baselineKiB = largestChildKiB();

    m_server->enqueue(ScriptedResponse::json(
        200, testsupport::pageOfEmptySummaries("InferenceSchedulerSummaries")));
    const Run result = run({ u"list"_s }, endpoint);
    CHECK_FAILURE(
        result, 255, u"Bad response to the ListInferenceSchedulers operation from"_s, 5'000);
    QVERIFY2(result.err.contains("InferenceSchedulerSummaries: the page has 1398101 items; the "
                                 "request asked for at most 500 (MaxResults)"),
        result.err.constData());
    const qint64 growthKiB = largestChildKiB() - baselineKiB;
    qInfo("4.2 MB page of schedulers: the command grew %lld KiB past a normal describe", growthKiB);
    if (kAddressSanitizer) {
        qInfo("RSS bound not checked: AddressSanitizer keeps freed memory in quarantine");
        return;
    }
    QVERIFY2(growthKiB < kPageGrowthCapKiB, qPrintable(QString::number(growthKiB)));
}

// What describe does not know it skips, without building anything of it.
void TestHostileEndpointsCli::describeWithAHugeUnknownMember_succeedsInBoundedMemory()
{
    const QUrl endpoint = listen();
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody));
    QCOMPARE(run({ u"describe"_s, u"pump-1"_s }, endpoint).exitCode, 0);
    const qint64 baselineKiB = largestChildKiB();

    QByteArray body = testsupport::pageOfEmptySummaries("Unknown");
    body.chop(1);
    body += R"(,"InferenceSchedulerName":"pump-1"})";
    m_server->enqueue(ScriptedResponse::json(200, body));
    const Run result = run({ u"describe"_s, u"pump-1"_s, u"--output"_s, u"text"_s }, endpoint);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("pump-1\n"));
    const qint64 growthKiB = largestChildKiB() - baselineKiB;
    qInfo("4.2 MB describe: the command grew %lld KiB past a normal describe", growthKiB);
    if (kAddressSanitizer) {
        qInfo("RSS bound not checked: AddressSanitizer keeps freed memory in quarantine");
        return;
    }
    QVERIFY2(growthKiB < kPageGrowthCapKiB, qPrintable(QString::number(growthKiB)));
}

void TestHostileEndpointsCli::connectionRefused_exit255()
{
    const testsupport::RefusingLoopbackPort refusing;
    const quint16 closedPort = refusing.port();
    QVERIFY(closedPort != 0);
    const QUrl endpoint(u"http://127.0.0.1:%1"_s.arg(closedPort));
    const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    CHECK_FAILURE(result, 255,
        u"Could not connect to the endpoint URL: \"http://127.0.0.1:%1/\""_s.arg(closedPort),
        1'000);
}

void TestHostileEndpointsCli::resetMidBody_exit255()
{
    const QUrl endpoint = listen();
    m_server->enqueue(
        ScriptedResponse::json(200, kSchedulerBody).resettingAfterBodyBytes(30), kAttempts);
    const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    // Depending on when the reset lands, the status line may or may not have been read.
    if (result.err.startsWith("\nThe connection to"))
        CHECK_FAILURE(result, 255, u"The connection to \""_s, 1'000);
    else
        CHECK_FAILURE(result, 255, u"Could not connect to the endpoint URL"_s, 1'000);
    QCOMPARE(m_server->requests().size(), kAttempts);
}

void TestHostileEndpointsCli::acceptsButNeverAnswers_exit255AtTheReadTimeout()
{
    const QUrl endpoint = listen();
    m_server->enqueue(ScriptedResponse::hang(), kAttempts);
    const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    CHECK_FAILURE(result, 255, u"Timed out on endpoint URL"_s, kAttempts * kReadTimeoutMs);
    QVERIFY(result.elapsedMs >= kAttempts * kReadTimeoutMs);
    QVERIFY2(result.err.contains("read timeout"), result.err.constData());
}

void TestHostileEndpointsCli::tricklesAByteASecond_exit255AtTheConnectAndReadTimeoutsTogether()
{
    const QUrl endpoint = listen();
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody).trickling(1000ms, 1), kAttempts);
    const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    const qint64 perAttempt = kConnectTimeoutMs + kReadTimeoutMs;
    CHECK_FAILURE(result, 255, u"Timed out on endpoint URL"_s, kAttempts * perAttempt);
    QVERIFY(result.elapsedMs >= kAttempts * perAttempt);
    QVERIFY2(result.err.contains("connect and read timeouts together"), result.err.constData());
}

void TestHostileEndpointsCli::hundredMebibyteBody_exit255AtTheCap()
{
    const QUrl endpoint = listen();
    // A normal describe first: the baseline for the largest child so far.
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody));
    const Run normal = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    QCOMPARE(normal.exitCode, 0);
    const qint64 baselineKiB = largestChildKiB();

    for (const auto framing :
        { ScriptedResponse::Framing::ContentLength, ScriptedResponse::Framing::Chunked }) {
        m_server->enqueue(ScriptedResponse::generated(
            200, "application/x-amz-json-1.0", 100 * 1024 * 1024, framing));
        const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
        CHECK_FAILURE(result, 255,
            u"The HTTP 200 response to the DescribeInferenceScheduler operation"_s, 5'000);
        QVERIFY2(result.err.contains("larger than the limit"), result.err.constData());
    }
    const qint64 growthKiB = largestChildKiB() - baselineKiB;
    qInfo("100 MiB bodies: the largest command grew %lld KiB past a normal describe (cap %lld KiB)",
        growthKiB, kCapKiB);
    if (kAddressSanitizer) {
        qInfo("RSS bound not checked: AddressSanitizer keeps freed memory in quarantine");
        return;
    }
    QVERIFY2(growthKiB < kCapKiB + 8 * 1024, qPrintable(QString::number(growthKiB)));
}

void TestHostileEndpointsCli::htmlErrorPage_exit255QuotingItsStart()
{
    const QUrl endpoint = listen();
    m_server->enqueue(
        ScriptedResponse::raw(502, "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
        kAttempts);
    const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    CHECK_FAILURE(
        result, 255, u"Bad response to the DescribeInferenceScheduler operation from"_s, 1'000);
    QVERIFY2(result.err.contains("(HTTP 502)")
            && result.err.contains("<html><head><title>502 Bad Gateway"),
        result.err.constData());
}

void TestHostileEndpointsCli::jsonNestedTenThousandDeep_exit255()
{
    const QUrl endpoint = listen();
    m_server->enqueue(ScriptedResponse::json(200,
        R"({"InferenceSchedulerName":"pump-1","DataInputConfiguration":)" + QByteArray(10'000, '[')
            + QByteArray(10'000, ']') + '}'));
    const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    CHECK_FAILURE(
        result, 255, u"Bad response to the DescribeInferenceScheduler operation from"_s, 1'000);
}

void TestHostileEndpointsCli::invalidUtf8_exit255()
{
    const QUrl endpoint = listen();
    m_server->enqueue(
        ScriptedResponse::json(200, "{\"InferenceSchedulerName\":\"pump-\xff\xfe\x1b[2J\"}"));
    const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    CHECK_FAILURE(
        result, 255, u"Bad response to the DescribeInferenceScheduler operation from"_s, 1'000);
}

void TestHostileEndpointsCli::nextTokenThatNeverEnds_exit255AtThePageLimit()
{
    const QUrl endpoint = listen();
    int served = 0;
    m_server->setHandler([&served](const testsupport::RecordedRequest &) {
        ++served;
        lookout::InferenceSchedulerPage page;
        page.nextToken = u"token-%1"_s.arg(served);
        return ScriptedResponse::json(200, lookout::json::encodeListInferenceSchedulers(page));
    });
    const Run result = run({ u"list"_s }, endpoint);
    CHECK_FAILURE(
        result, 255, u"Bad response to the ListInferenceSchedulers operation from"_s, 60'000);
    QVERIFY2(result.err.contains("limit of 1000 pages"), result.err.constData());
    QCOMPARE(served, 1000);
}

void TestHostileEndpointsCli::selfSignedTls_exit255WithAClearMessage()
{
    QFile certificateFile(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.crt"));
    QFile keyFile(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.key"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certificateFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    m_server->setTlsConfiguration(tls);
    const QUrl endpoint = listen();
    QCOMPARE(endpoint.scheme(), u"https"_s);
    m_server->enqueue(ScriptedResponse::json(200, kSchedulerBody), kAttempts);
    const Run result = run({ u"describe"_s, u"pump-1"_s }, endpoint);
    CHECK_FAILURE(result, 255, u"SSL validation failed for https://127.0.0.1:"_s, 2'000);
    QVERIFY2(result.err.contains("self signed") || result.err.contains("self-signed"),
        result.err.constData());
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestHostileEndpointsCli)
#include "tst_hostileendpoints_cli.moc"
