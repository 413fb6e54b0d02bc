// The scripted test server itself, driven by a raw TCP client: what it records, how it frames and
// streams responses, and each hostile behaviour it can put on.
#include "scriptedhttpserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QtTest>

using testsupport::RecordedRequest;
using testsupport::ScriptedHttpServer;
using testsupport::ScriptedResponse;
using namespace std::chrono_literals;

namespace {

// A TCP client that collects whatever arrives, driven by the event loop like the server.
class RawClient {
public:
    explicit RawClient(const ScriptedHttpServer &server)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] {
            ++reads;
            received += socket.readAll();
        });
        QObject::connect(&socket, &QTcpSocket::disconnected, [this] { disconnected = true; });
        socket.connectToHost(server.address(), server.port());
    }
    void send(const QByteArray &bytes) { socket.write(bytes); }

    QTcpSocket socket;
    QByteArray received;
    int reads = 0;
    bool disconnected = false;
};

QByteArray post(const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST / HTTP/1.1\r\nHost: test\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n" + extraHeaders + "\r\n" + body;
}

// Decodes a chunked body that is complete in `data` (after the head); -1 when malformed.
qint64 chunkedBodySize(const QByteArray &data, QByteArray *firstChunk = nullptr)
{
    qint64 total = 0;
    qsizetype position = 0;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", position);
        if (lineEnd < 0)
            return -1;
        bool ok = false;
        const qint64 size = data.mid(position, lineEnd - position).toLongLong(&ok, 16);
        if (!ok)
            return -1;
        position = lineEnd + 2;
        if (size == 0)
            return data.mid(position) == "\r\n" ? total : -1;
        if (firstChunk && total == 0)
            *firstChunk = data.mid(position, size);
        total += size;
        position += size + 2;
    }
}

} // namespace

class TestScriptedHttpServer : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void records_methodTargetHeadersAndBody();
    void respondsWithStatusHeadersDateAndLength();
    void pipelinedRequests_onOneConnection_answeredInOrder();
    void chunkedRequestBody_isDecoded();
    void emptyQueue_usesHandlerElseAnswers500AsUnexpected();
    void hang_answersNothingUntilClosed();
    void closeWithoutAnswer_closesAtOnce();
    void generatedChunkedBody_streamsExactSize();
    void closingAfterBodyBytes_cutsTheBody();
    void closeDelimitedBody_endsWithTheConnection();
    void trickling_spreadsTheBodyOverTime();
    void explicitContentLength_isSentAsGiven();
    void dates_fromClockOverriddenOrOmitted();
    void malformedRequests_getAnErrorAndAClose_data();
    void malformedRequests_getAnErrorAndAClose();
    void ipv6_urlAndHostHeader();

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
};

void TestScriptedHttpServer::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestScriptedHttpServer::cleanup()
{
    m_server.reset();
}

void TestScriptedHttpServer::records_methodTargetHeadersAndBody()
{
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    RawClient client(*m_server);
    client.send("PUT /a%20b?x=1&y=2 HTTP/1.1\r\nHost: test\r\nX-Twice: one\r\nx-twice: two\r\n"
                "Content-Length: 5\r\n\r\nhello");
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 5000);

    const RecordedRequest &request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("PUT"));
    QCOMPARE(request.target, QByteArray("/a%20b?x=1&y=2"));
    QCOMPARE(request.path(), QByteArray("/a%20b"));
    QCOMPARE(request.query(), QByteArray("x=1&y=2"));
    QCOMPARE(request.version, QByteArray("HTTP/1.1"));
    QCOMPARE(request.header("host"), QByteArray("test"));
    QCOMPARE(request.headerCount("X-TWICE"), 2);
    QCOMPARE(request.header("X-Twice"), QByteArray("one"));
    QCOMPARE(request.headers[1].first, QByteArray("X-Twice"));
    QCOMPARE(request.body, QByteArray("hello"));
    QCOMPARE(request.connection, 1);
    QVERIFY(request.header("Missing").isEmpty());
}

void TestScriptedHttpServer::respondsWithStatusHeadersDateAndLength()
{
    const QDateTime now(QDate(2024, 3, 4), QTime(18, 52, 22), Qt::UTC);
    m_server->setClock([now] { return now; });
    m_server->enqueue(ScriptedResponse::awsError(404, "ResourceNotFoundException", "gone")
                          .withHeader("x-amzn-RequestId", "r-1"));
    RawClient client(*m_server);
    client.send(post("{}"));
    const QByteArray body = R"({"__type":"ResourceNotFoundException","message":"gone"})";
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith(body), 5000);

    QVERIFY(client.received.startsWith("HTTP/1.1 404 Not Found\r\n"));
    QVERIFY(client.received.contains("\r\nDate: Mon, 04 Mar 2024 18:52:22 GMT\r\n"));
    QVERIFY(client.received.contains("\r\nContent-Type: application/x-amz-json-1.0\r\n"));
    QVERIFY(client.received.contains("\r\nx-amzn-RequestId: r-1\r\n"));
    QVERIFY(client.received.contains(
        QByteArray("\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n")));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->responseCompleted(0), 5000);
    QCOMPARE(m_server->responseBodyBytesSent(0), body.size());
    QVERIFY(!client.disconnected);
}

void TestScriptedHttpServer::pipelinedRequests_onOneConnection_answeredInOrder()
{
    m_server->enqueue(ScriptedResponse::raw(200, "text/plain", "first"));
    m_server->enqueue(ScriptedResponse::raw(200, "text/plain", "second"));
    RawClient client(*m_server);
    client.send(post("1") + post("22"));
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith("second"), 5000);

    QVERIFY(client.received.indexOf("first") < client.received.indexOf("second"));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[0].body, QByteArray("1"));
    QCOMPARE(m_server->requests()[1].body, QByteArray("22"));
    QCOMPARE(m_server->requests()[1].connection, 1);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_server->pendingResponses(), 0);
}

void TestScriptedHttpServer::chunkedRequestBody_isDecoded()
{
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    RawClient client(*m_server);
    client.send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 5000);
    QCOMPARE(m_server->requests().first().body, QByteArray("hello, world"));
}

void TestScriptedHttpServer::emptyQueue_usesHandlerElseAnswers500AsUnexpected()
{
    RawClient client(*m_server);
    client.send(post("{}"));
    QTRY_VERIFY_WITH_TIMEOUT(
        client.received.contains("no scripted response left for POST /"), 5000);
    QVERIFY(client.received.startsWith("HTTP/1.1 500 "));
    QCOMPARE(m_server->unexpectedRequestCount(), 1);

    m_server->setHandler([](const RecordedRequest &request) {
        return ScriptedResponse::raw(200, "text/plain", "echo:" + request.body);
    });
    client.received.clear();
    client.send(post("ping"));
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith("echo:ping"), 5000);
    QCOMPARE(m_server->unexpectedRequestCount(), 1);
}

void TestScriptedHttpServer::hang_answersNothingUntilClosed()
{
    m_server->enqueue(ScriptedResponse::hang());
    RawClient client(*m_server);
    QSignalSpy received(m_server.get(), &ScriptedHttpServer::requestReceived);
    client.send(post("{}"));
    QVERIFY(received.wait(5000));
    QCoreApplication::processEvents();
    QVERIFY(client.received.isEmpty());
    QVERIFY(!m_server->responseHasEnded(0));

    m_server->closeAllConnections();
    QTRY_VERIFY_WITH_TIMEOUT(client.disconnected, 5000);
    QVERIFY(client.received.isEmpty());
    QVERIFY(m_server->responseHasEnded(0));
    QVERIFY(!m_server->responseCompleted(0));
}

void TestScriptedHttpServer::closeWithoutAnswer_closesAtOnce()
{
    m_server->enqueue(ScriptedResponse::closeWithoutAnswer());
    RawClient client(*m_server);
    client.send(post("{}"));
    QTRY_VERIFY_WITH_TIMEOUT(client.disconnected, 5000);
    QVERIFY(client.received.isEmpty());
    QCOMPARE(m_server->requests().size(), 1);
}

void TestScriptedHttpServer::generatedChunkedBody_streamsExactSize()
{
    constexpr qint64 kSize = 3 * 1024 * 1024 + 17;
    m_server->enqueue(ScriptedResponse::generated(
        200, "application/octet-stream", kSize, ScriptedResponse::Framing::Chunked));
    RawClient client(*m_server);
    client.send(post("{}"));
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith("\r\n0\r\n\r\n"), 10000);

    const qsizetype headEnd = client.received.indexOf("\r\n\r\n");
    QVERIFY(client.received.left(headEnd).contains("Transfer-Encoding: chunked"));
    QVERIFY(!client.received.left(headEnd).contains("Content-Length"));
    QByteArray firstChunk;
    QCOMPARE(chunkedBodySize(client.received.mid(headEnd + 4), &firstChunk), kSize);
    QCOMPARE(firstChunk, QByteArray(firstChunk.size(), 'x'));
    QCOMPARE(m_server->responseBodyBytesSent(0), kSize);
    QVERIFY(m_server->responseCompleted(0));
}

void TestScriptedHttpServer::closingAfterBodyBytes_cutsTheBody()
{
    m_server->enqueue(
        ScriptedResponse::raw(200, "text/plain", QByteArray(1000, 'b')).closingAfterBodyBytes(100));
    RawClient client(*m_server);
    client.send(post("{}"));
    QTRY_VERIFY_WITH_TIMEOUT(client.disconnected, 5000);

    QVERIFY(client.received.contains("Content-Length: 1000\r\n"));
    QCOMPARE(client.received.mid(client.received.indexOf("\r\n\r\n") + 4), QByteArray(100, 'b'));
    QCOMPARE(m_server->responseBodyBytesSent(0), 100);
    QVERIFY(m_server->responseHasEnded(0));
    QVERIFY(!m_server->responseCompleted(0));
}

void TestScriptedHttpServer::closeDelimitedBody_endsWithTheConnection()
{
    m_server->enqueue(ScriptedResponse::raw(200, "text/plain", "until the end")
                          .withFraming(ScriptedResponse::Framing::CloseDelimited));
    RawClient client(*m_server);
    client.send(post("{}"));
    QTRY_VERIFY_WITH_TIMEOUT(client.disconnected, 5000);
    QVERIFY(client.received.endsWith("\r\n\r\nuntil the end"));
    QVERIFY(client.received.contains("Connection: close\r\n"));
    QVERIFY(!client.received.contains("Content-Length"));
    QVERIFY(m_server->responseCompleted(0));
}

void TestScriptedHttpServer::trickling_spreadsTheBodyOverTime()
{
    m_server->enqueue(ScriptedResponse::raw(200, "text/plain", "abcdef").trickling(20ms, 1));
    RawClient client(*m_server);
    QElapsedTimer elapsed;
    elapsed.start();
    client.send(post("{}"));
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith("abcdef"), 5000);
    // Six one-byte steps 20 ms apart cannot all arrive at once.
    QVERIFY(elapsed.elapsed() >= 100);
    QVERIFY2(client.reads >= 3, qPrintable(QString::number(client.reads)));
    QVERIFY(m_server->responseCompleted(0));
}

void TestScriptedHttpServer::explicitContentLength_isSentAsGiven()
{
    m_server->enqueue(
        ScriptedResponse::raw(200, "text/plain", "abc").withHeader("Content-Length", "10"));
    RawClient client(*m_server);
    client.send(post("{}"));
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith("abc"), 5000);
    QCOMPARE(client.received.count("Content-Length"), 1);
    QVERIFY(client.received.contains("Content-Length: 10\r\n"));
}

void TestScriptedHttpServer::dates_fromClockOverriddenOrOmitted()
{
    m_server->setClock([] { return QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC); });
    m_server->enqueue(ScriptedResponse::raw(200, "text/plain", "1"));
    m_server->enqueue(ScriptedResponse::raw(200, "text/plain", "2")
                          .withDate(QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC)));
    m_server->enqueue(ScriptedResponse::raw(200, "text/plain", "3").withoutDate());
    RawClient client(*m_server);
    client.send(post("a") + post("b") + post("c"));
    QTRY_COMPARE_WITH_TIMEOUT(client.received.count("HTTP/1.1 200 OK"), 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(client.received.endsWith("3"), 5000);

    QCOMPARE(client.received.count("Date: "), 2);
    QVERIFY(client.received.contains("Date: Wed, 02 Jan 2030 03:04:05 GMT\r\n"));
    QVERIFY(client.received.contains("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"));
    QVERIFY(client.received.lastIndexOf("Date: ") < client.received.indexOf("\r\n\r\n3"));
}

void TestScriptedHttpServer::malformedRequests_getAnErrorAndAClose_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::newRow("not http") << QByteArray("HELLO\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nBroken\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -3\r\n\r\n")
                                << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("bad chunk") << QByteArray(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                               << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("huge head") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70 * 1024, 'a'))
                               << QByteArray("HTTP/1.1 431 ");
}

void TestScriptedHttpServer::malformedRequests_getAnErrorAndAClose()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, statusLine);
    RawClient client(*m_server);
    client.send(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.disconnected, 5000);
    QVERIFY2(client.received.startsWith(statusLine), client.received.constData());
    QVERIFY(m_server->requests().isEmpty());
}

void TestScriptedHttpServer::ipv6_urlAndHostHeader()
{
    ScriptedHttpServer server;
    if (!server.listen(QHostAddress::LocalHostIPv6))
        QSKIP("this machine has no IPv6 loopback (::1)");
    QCOMPARE(server.url().toString(), QStringLiteral("http://[::1]:%1/").arg(server.port()));
    QCOMPARE(server.hostHeader(), "[::1]:" + QByteArray::number(server.port()));
    QCOMPARE(m_server->hostHeader(), "127.0.0.1:" + QByteArray::number(m_server->port()));
    QCOMPARE(m_server->url(QStringLiteral("/x")).toString(),
        QStringLiteral("http://127.0.0.1:%1/x").arg(m_server->port()));
}

QTEST_GUILESS_MAIN(TestScriptedHttpServer)
#include "tst_scriptedhttpserver.moc"
