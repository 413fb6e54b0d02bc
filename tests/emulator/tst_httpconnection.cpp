// HttpConnection on its own, over a real loopback socket: keep-alive and pipelining answered in
// order, Connection: close and HTTP/1.0 closing after one answer, 100 Continue, malformed and
// oversized requests answered with their status and then closed, the idle and request timeouts
// (short limits, so that each test waits for the close it checks), a held-back response, refuse()
// and abort(), and finished() exactly once.
#include "emulator/httpconnection.h"
#include "rawhttpclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace std::chrono_literals;
using emulator::HttpConnection;
using emulator::HttpLimits;
using emulator::HttpRequest;
using emulator::HttpResponse;

namespace {

constexpr int kWaitMs = 10'000;

} // namespace

class TestHttpConnection : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void keepAlive_answersEachRequestInTurn();
    void pipelined_answeredInOrder();
    void connectionClose_closesAfterTheAnswer();
    void http10_closesAfterOneAnswer();
    void expectContinue_gets100BeforeTheBody();
    void malformed_is400ThenClose();
    void bodyOverTheLimit_is413WithoutReadingIt();
    void tooManyHeaders_is431();
    void idleConnection_isClosed();
    void incompleteRequest_is408AtTheRequestTimeout();
    void heldBackResponse_keepsTheOrder();
    void refuse_answersTheStatusAndCloses();
    void clientGone_finishesOnce();
    void abort_dropsWithoutFinished();

private:
    // Accepts the next connection into an HttpConnection with `limits`, started at once.
    HttpConnection *accept(RawHttpClient &client);

    std::unique_ptr<QTcpServer> m_server;
    HttpLimits m_limits;
    HttpConnection *m_connection = nullptr;
    std::unique_ptr<QSignalSpy> m_finished;
    QList<HttpRequest> m_requests;
    std::function<HttpResponse(const HttpRequest &)> m_respond;
};

void TestHttpConnection::init()
{
    m_server = std::make_unique<QTcpServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_limits = HttpLimits {};
    m_connection = nullptr;
    m_finished.reset();
    m_requests.clear();
    m_respond = [](const HttpRequest &request) {
        HttpResponse response;
        response.headers = { { "Content-Type", "text/plain" } };
        response.body = "echo:" + request.body;
        return response;
    };
}

void TestHttpConnection::cleanup()
{
    m_finished.reset();
    delete m_connection;
    m_connection = nullptr;
    m_server.reset();
}

HttpConnection *TestHttpConnection::accept(RawHttpClient &client)
{
    [&] { QVERIFY(client.isConnected()); }();
    if (!m_server->hasPendingConnections())
        m_server->waitForNewConnection(kWaitMs);
    QTcpSocket *socket = m_server->nextPendingConnection();
    [&] { QVERIFY(socket); }();
    m_connection = new HttpConnection(socket, m_limits, [this](const HttpRequest &request) {
        m_requests.append(request);
        return m_respond(request);
    });
    m_finished = std::make_unique<QSignalSpy>(m_connection, &HttpConnection::finished);
    m_connection->start();
    return m_connection;
}

void TestHttpConnection::keepAlive_answersEachRequestInTurn()
{
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send(RawHttpClient::post("one"));
    const auto first = client.readResponse();
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE(first->body, QByteArray("echo:one"));
    client.send(RawHttpClient::post("two"));
    const auto second = client.readResponse();
    QVERIFY(second);
    QCOMPARE(second->body, QByteArray("echo:two"));
    QCOMPARE(m_requests.size(), 2);
    QVERIFY(client.isConnected());
    QCOMPARE(m_finished->size(), 0);
}

void TestHttpConnection::pipelined_answeredInOrder()
{
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send(RawHttpClient::post("a") + RawHttpClient::post("bb") + RawHttpClient::post("ccc"));
    for (const QByteArray expected : { "echo:a", "echo:bb", "echo:ccc" }) {
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, expected);
    }
    QCOMPARE(m_requests.size(), 3);
}

void TestHttpConnection::connectionClose_closesAfterTheAnswer()
{
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send(RawHttpClient::post("x", "Connection: keep-alive, close\r\n")
        + RawHttpClient::post("never"));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("echo:x"));
    QCOMPARE(response->header("Connection").toLower(), QByteArray("close"));
    QVERIFY(client.waitForClose());
    QCOMPARE(m_requests.size(), 1); // the request after close is never handled
    QTRY_COMPARE_WITH_TIMEOUT(m_finished->size(), 1, kWaitMs);
}

void TestHttpConnection::http10_closesAfterOneAnswer()
{
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send("POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("echo:hi"));
    QVERIFY(client.waitForClose());
    QCOMPARE(m_requests.at(0).minorVersion, 0);
}

void TestHttpConnection::expectContinue_gets100BeforeTheBody()
{
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QVERIFY(QTest::qWaitFor(
        [&] {
            client.socket().waitForReadyRead(10);
            return client.socket().peek(64).startsWith("HTTP/1.1 100 Continue\r\n\r\n");
        },
        kWaitMs));
    QCOMPARE(m_requests.size(), 0);
    client.socket().read(25); // the interim answer
    client.send("body");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("echo:body"));
}

void TestHttpConnection::malformed_is400ThenClose()
{
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send("THIS IS NOT HTTP\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(client.waitForClose());
    QCOMPARE(m_requests.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_finished->size(), 1, kWaitMs);
}

void TestHttpConnection::bodyOverTheLimit_is413WithoutReadingIt()
{
    m_limits.maxBodyBytes = 1024;
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QVERIFY(client.waitForClose());
    QCOMPARE(m_requests.size(), 0);
}

void TestHttpConnection::tooManyHeaders_is431()
{
    m_limits.maxHeaderCount = 3;
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send("POST / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nContent-Length: 0\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QVERIFY(client.waitForClose());
}

void TestHttpConnection::idleConnection_isClosed()
{
    m_limits.idleTimeout = 100ms;
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send(RawHttpClient::post("a"));
    QVERIFY(client.readResponse());
    // Nothing more is sent: the connection is closed without an answer.
    QVERIFY(client.waitForClose());
    QCOMPARE(client.pending(), QByteArray());
    QTRY_COMPARE_WITH_TIMEOUT(m_finished->size(), 1, kWaitMs);
    QCOMPARE(m_requests.size(), 1);
}

void TestHttpConnection::incompleteRequest_is408AtTheRequestTimeout()
{
    m_limits.requestTimeout = 100ms;
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nonly5");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QVERIFY2(response->body.contains("100 ms"), response->body.constData());
    QVERIFY(client.waitForClose());
    QCOMPARE(m_requests.size(), 0);
}

void TestHttpConnection::heldBackResponse_keepsTheOrder()
{
    m_respond = [](const HttpRequest &request) {
        HttpResponse response;
        response.body = request.body;
        if (request.body == "slow")
            response.delay = 50ms;
        return response;
    };
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send(RawHttpClient::post("slow") + RawHttpClient::post("fast"));
    const auto first = client.readResponse();
    const auto second = client.readResponse();
    QVERIFY(first && second);
    QCOMPARE(first->body, QByteArray("slow"));
    QCOMPARE(second->body, QByteArray("fast"));
}

void TestHttpConnection::refuse_answersTheStatusAndCloses()
{
    m_limits.maxConnections = 7;
    RawHttpClient client(m_server->serverPort());
    QVERIFY(client.isConnected());
    QVERIFY(m_server->hasPendingConnections() || m_server->waitForNewConnection(kWaitMs));
    m_connection = new HttpConnection(
        m_server->nextPendingConnection(), m_limits, [this](const HttpRequest &request) {
            m_requests.append(request);
            return HttpResponse {};
        });
    m_finished = std::make_unique<QSignalSpy>(m_connection, &HttpConnection::finished);
    m_connection->refuse(503);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 503);
    QVERIFY2(response->body.contains("limit of 7 connections"), response->body.constData());
    QVERIFY(client.waitForClose());
    QTRY_COMPARE_WITH_TIMEOUT(m_finished->size(), 1, kWaitMs);
    QCOMPARE(m_requests.size(), 0);
}

void TestHttpConnection::clientGone_finishesOnce()
{
    auto client = std::make_unique<RawHttpClient>(m_server->serverPort());
    accept(*client);
    client->send("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nab"); // and goes mid-body
    client.reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_finished->size(), 1, kWaitMs);
    QCOMPARE(m_finished->at(0).at(0).value<HttpConnection *>(), m_connection);
    QCOMPARE(m_requests.size(), 0);
}

void TestHttpConnection::abort_dropsWithoutFinished()
{
    RawHttpClient client(m_server->serverPort());
    accept(client);
    client.send("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nab");
    m_connection->abort();
    QVERIFY(client.waitForClose());
    QCOMPARE(m_finished->size(), 0);
    QCOMPARE(m_requests.size(), 0);
}

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "tst_httpconnection.moc"
