// The in-process emulator as `lookout-desk --demo` uses it: on its own thread, on a free
// loopback port, with endpoint, region and credentials to hand to a client; faults switched at
// run time; clean stop and restart. Run under ThreadSanitizer too (tsan preset).
#include "emulator/emulator.h"
#include "lookout/jsoncodec.h"
#include "rawhttpclient.h"
#include "signedrequests.h"

#include <QRegularExpression>
#include <QtTest>

#include <thread>

using emulator::Emulator;
using emulator::EmulatorOptions;

namespace {

// The Content-Length of a response header block; 0 when it names none (the test then fails on
// the body it did not wait for).
qsizetype contentLength(const QByteArray &header)
{
    for (const QByteArray &line : header.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().toLower() == "content-length")
            return line.sliced(colon + 1).trimmed().toLongLong();
    }
    return 0;
}

const QDateTime kStart(QDate(2026, 3, 4), QTime(10, 0, 0), Qt::UTC);
const QString kData = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/emulator");

EmulatorOptions smallFleet(bool ownThread = true)
{
    EmulatorOptions options;
    options.fleetSize = 40;
    options.fleetSeed = 3;
    options.ownThread = ownThread;
    return options;
}

QByteArray describeWire(const QString &name, const QDateTime &time,
    const aws::AwsCredentials &credentials = emulatortest::demoCredentials())
{
    return emulatortest::wireForm(emulatortest::signedRequest("DescribeInferenceScheduler",
        R"({"InferenceSchedulerName":")" + name.toUtf8() + "\"}", time, credentials));
}

} // namespace

class TestEmulator : public QObject {
    Q_OBJECT
private slots:
    void defaults_areTheDemoSetup();
    void start_servesSignedRequestsOnItsOwnThread();
    void sameThreadMode_servesOnTheCallersEventLoop();
    void setFaults_appliesToTheNextRequest();
    void invalidFaults_areRefused();
    void scheduler_reflectsTransitionsOnTheInjectedClock();
    void concurrentClientsOnOtherThreads_areServed();
    void stop_dropsConnections_andRestartServesAgain();
    void destroyingARunningEmulator_stopsIt();
    void invalidOptions_failToStart();
    void busyPort_failsToStart();
    void archive_reportsSkippedFiles();
    void unusableArchive_failsToStart();
    void s3_theDemoFleetsResults_onTheSamePort();
};

void TestEmulator::defaults_areTheDemoSetup()
{
    const EmulatorOptions options;
    QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(options.port, quint16(0));
    QCOMPARE(options.region, QStringLiteral("us-east-1"));
    QCOMPARE(options.credentials.accessKeyId, QStringLiteral("AKIALOOKOUTDESKDEMO1"));
    QCOMPARE(options.credentials.secretAccessKey,
        QStringLiteral("LookoutDeskDemoSecretKeyForTheEmulator00"));
    QVERIFY(!options.credentials.hasSessionToken());
    QVERIFY(options.ownThread);
    QCOMPARE(options.executionRetentionDays, 7);
    QVERIFY(options.validate().isEmpty());

    // Executions are kept 1 to 400 days.
    for (const int days : { 0, 401 }) {
        EmulatorOptions retention;
        retention.executionRetentionDays = days;
        QCOMPARE(
            retention.validate(), QStringLiteral("execution retention must be within 1..400 days"));
    }
    EmulatorOptions month;
    month.executionRetentionDays = 30;
    QVERIFY(month.validate().isEmpty());
}

void TestEmulator::start_servesSignedRequestsOnItsOwnThread()
{
    Emulator server(smallFleet());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.isRunning());
    QVERIFY(server.port() != 0);
    QCOMPARE(server.endpoint().toString(),
        QStringLiteral("http://127.0.0.1:") + QString::number(server.port()));
    QCOMPARE(server.region(), QStringLiteral("us-east-1"));
    QCOMPARE(server.credentials().accessKeyId, QStringLiteral("AKIALOOKOUTDESKDEMO1"));
    QCOMPARE(server.schedulerCount(), 40);

    QVERIFY(!server.scheduler(QStringLiteral("nope")));
    RawHttpClient client(server.port());
    client.send(emulatortest::wireForm(emulatortest::signedRequest(
        "ListInferenceSchedulers", R"({"MaxResults":1})", QDateTime::currentDateTimeUtc())));
    const auto listed = client.readResponse();
    QVERIFY(listed);
    QCOMPARE(listed->status, 200);
    const auto page = lookout::json::decodeListInferenceSchedulers(listed->body);
    QVERIFY(page);
    const QString first = *page.value().summaries.first().inferenceSchedulerName;

    client.send(describeWire(first, QDateTime::currentDateTimeUtc()));
    const auto described = client.readResponse();
    QVERIFY(described);
    QCOMPARE(described->status, 200);
    QCOMPARE(lookout::json::decodeDescribeInferenceScheduler(described->body).value(),
        *server.scheduler(first));
    QCOMPARE(server.counters().requests, quint64(2));
    QCOMPARE(server.connectionCount(), 1);
}

void TestEmulator::sameThreadMode_servesOnTheCallersEventLoop()
{
    Emulator server(smallFleet(false));
    QVERIFY(server.start());
    RawHttpClient client(server.port());
    client.send(
        emulatortest::wireForm(emulatortest::unsignedRequest("ListInferenceSchedulers", "{}")));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(response->body.contains("MissingAuthenticationTokenException"));
}

void TestEmulator::setFaults_appliesToTheNextRequest()
{
    Emulator server(smallFleet());
    QVERIFY(server.start());
    RawHttpClient client(server.port());
    const QByteArray list = emulatortest::wireForm(emulatortest::signedRequest(
        "ListInferenceSchedulers", "{}", QDateTime::currentDateTimeUtc()));

    emulator::FaultConfig allThrottled;
    allThrottled.throttlingPercent = 100;
    QVERIFY(server.setFaults(allThrottled));
    QCOMPARE(server.faults().throttlingPercent, 100.0);
    client.send(list);
    auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 429);
    QCOMPARE(
        response->header("X-Amzn-Errortype").split(':').first(), QByteArray("ThrottlingException"));

    QVERIFY(server.setFaults({}));
    client.send(list);
    response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(server.counters().throttled, quint64(1));
}

void TestEmulator::invalidFaults_areRefused()
{
    Emulator server(smallFleet());
    QVERIFY(server.start());
    emulator::FaultConfig tooMuch;
    tooMuch.throttlingPercent = 70;
    tooMuch.internalErrorPercent = 40;
    QVERIFY(!server.setFaults(tooMuch));
    QCOMPARE(
        server.errorString(), QStringLiteral("fault percentages add up to 110, more than 100"));
    QCOMPARE(server.faults().throttlingPercent, 0.0);
}

void TestEmulator::scheduler_reflectsTransitionsOnTheInjectedClock()
{
    auto clock = std::make_shared<core::ManualClock>(kStart);
    EmulatorOptions options = smallFleet();
    options.clock = clock;
    options.transitions.pendingMicros = 3'000'000;
    Emulator server(options);
    QVERIFY(server.start());

    RawHttpClient client(server.port());
    client.send(emulatortest::wireForm(emulatortest::signedRequest(
        "ListInferenceSchedulers", R"({"Status":"STOPPED","MaxResults":1})", clock->now())));
    const auto listed = client.readResponse();
    QVERIFY(listed);
    const auto page = lookout::json::decodeListInferenceSchedulers(listed->body);
    QVERIFY(page && !page.value().summaries.isEmpty());
    const QString name = *page.value().summaries.first().inferenceSchedulerName;

    client.send(emulatortest::wireForm(emulatortest::signedRequest("StartInferenceScheduler",
        R"({"InferenceSchedulerName":")" + name.toUtf8() + "\"}", clock->now())));
    const auto started = client.readResponse();
    QVERIFY(started);
    QCOMPARE(started->status, 200);
    QCOMPARE(*server.scheduler(name)->status, QStringLiteral("PENDING"));
    clock->advance(std::chrono::seconds(3));
    QCOMPARE(*server.scheduler(name)->status, QStringLiteral("RUNNING"));
}

void TestEmulator::concurrentClientsOnOtherThreads_areServed()
{
    Emulator server(smallFleet());
    QVERIFY(server.start());
    const quint16 port = server.port();
    constexpr int kThreads = 8;
    constexpr int kRequestsEach = 25;
    std::atomic<int> ok { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([port, &ok] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (!socket.waitForConnected(10'000))
                return;
            for (int i = 0; i < kRequestsEach; ++i) {
                socket.write(
                    emulatortest::wireForm(emulatortest::signedRequest("ListInferenceSchedulers",
                        R"({"MaxResults":2})", QDateTime::currentDateTimeUtc())));
                // One whole response: its header, then as many body bytes as Content-Length
                // says (a body that happens to end a read with '}' may not be all of it).
                QByteArray received;
                qsizetype expected = -1;
                while (expected < 0 || received.size() < expected) {
                    if (!socket.waitForReadyRead(10'000))
                        return;
                    received += socket.readAll();
                    const qsizetype headerEnd = received.indexOf("\r\n\r\n");
                    if (expected < 0 && headerEnd >= 0)
                        expected = headerEnd + 4 + contentLength(received.first(headerEnd));
                }
                if (received.size() == expected && received.startsWith("HTTP/1.1 200 OK"))
                    ++ok;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(ok.load(), kThreads * kRequestsEach);
    QCOMPARE(server.counters().requests, quint64(kThreads * kRequestsEach));
}

void TestEmulator::stop_dropsConnections_andRestartServesAgain()
{
    Emulator server(smallFleet());
    QVERIFY(server.start());
    RawHttpClient client(server.port());
    QTRY_COMPARE(server.connectionCount(), 1);
    server.stop();
    QVERIFY(!server.isRunning());
    QCOMPARE(server.port(), quint16(0));
    QVERIFY(client.waitForClose());

    QVERIFY(server.start());
    RawHttpClient again(server.port());
    again.send(emulatortest::wireForm(emulatortest::signedRequest(
        "ListInferenceSchedulers", "{}", QDateTime::currentDateTimeUtc())));
    const auto response = again.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void TestEmulator::destroyingARunningEmulator_stopsIt()
{
    quint16 port = 0;
    {
        Emulator server(smallFleet());
        QVERIFY(server.start());
        port = server.port();
    }
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!socket.waitForConnected(2000));
}

void TestEmulator::invalidOptions_failToStart()
{
    EmulatorOptions options = smallFleet();
    options.region = QStringLiteral("Not A Region");
    Emulator badRegion(options);
    QVERIFY(!badRegion.start());
    QCOMPARE(badRegion.errorString(),
        QStringLiteral("region 'Not A Region' is not a region name like us-east-1"));

    options = smallFleet();
    options.credentials.secretAccessKey.clear();
    Emulator noSecret(options);
    QVERIFY(!noSecret.start());
    QCOMPARE(noSecret.errorString(),
        QStringLiteral("the secret access key must be non-empty printable ASCII without spaces"));

    options = smallFleet();
    options.fleetSize = 0;
    Emulator noFleet(options);
    QVERIFY(!noFleet.start());
    QCOMPARE(noFleet.errorString(), QStringLiteral("fleet size must be within 1..100000, not 0"));
}

void TestEmulator::busyPort_failsToStart()
{
    Emulator first(smallFleet());
    QVERIFY(first.start());
    EmulatorOptions options = smallFleet();
    options.port = first.port();
    Emulator second(options);
    QVERIFY(!second.start());
    QVERIFY2(second.errorString().startsWith(
                 QStringLiteral("cannot listen on 127.0.0.1:") + QString::number(first.port())),
        qPrintable(second.errorString()));
    QVERIFY(!second.isRunning());
}

void TestEmulator::archive_reportsSkippedFiles()
{
    EmulatorOptions options;
    options.archiveDirectory = kData + QLatin1String("/archive-mixed");
    Emulator server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(server.schedulerCount(), 3);
    QCOMPARE(server.archiveProblems().size(), 5);
    QVERIFY(server.scheduler(QStringLiteral("conveyor-12-drive")));
}

void TestEmulator::unusableArchive_failsToStart()
{
    EmulatorOptions options;
    options.archiveDirectory = kData + QLatin1String("/archive-bad");
    Emulator server(options);
    QVERIFY(!server.start());
    QVERIFY2(server.errorString().contains(QLatin1String("none of the 3 *.json files")),
        qPrintable(server.errorString()));
    QCOMPARE(server.archiveProblems().size(), 3);
}

void TestEmulator::s3_theDemoFleetsResults_onTheSamePort()
{
    // The demo's fleet (200 schedulers, seed 1): every scheduler has run, so each has a folder
    // of results in the output bucket, on the port that serves the JSON API.
    auto clock = std::make_shared<core::ManualClock>(kStart);
    EmulatorOptions options;
    options.clock = clock;
    Emulator server(options);
    QVERIFY(server.start());
    RawHttpClient client(server.port());
    client.send(emulatortest::wireForm(emulatortest::signedS3Request("GET", "/", {}, kStart)));
    const auto buckets = client.readResponse();
    QVERIFY(buckets);
    QCOMPARE(buckets->status, 200);
    const QRegularExpressionMatch name = QRegularExpression(QStringLiteral("<Name>([^<]+)</Name>"))
                                             .match(QString::fromUtf8(buckets->body));
    QVERIFY(name.hasMatch());
    client.send(emulatortest::wireForm(
        emulatortest::signedS3Request("GET", QByteArray("/" + name.captured(1).toUtf8()),
            "delimiter=%2F&list-type=2&prefix=inference-results%2F", kStart)));
    const auto folders = client.readResponse();
    QVERIFY(folders);
    QCOMPARE(folders->status, 200);
    QVERIFY(folders->body.contains("<IsTruncated>false</IsTruncated>"));
    QCOMPARE(folders->body.count("<CommonPrefixes>"), server.schedulerCount());
    QCOMPARE(server.schedulerCount(), 200);
}

QTEST_GUILESS_MAIN(TestEmulator)
#include "tst_emulator.moc"
