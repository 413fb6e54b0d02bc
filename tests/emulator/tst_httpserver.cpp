// The emulator's HTTP/1.1 server over real loopback sockets: keep-alive, pipelining, concurrent
// clients, size limits, malformed requests, slow and idle clients, the connection cap.
#include "emulator/httpserver.h"
#include "rawhttpclient.h"

#include <QtTest>

#include <memory>
#include <vector>

using emulator::HttpLimits;
using emulator::HttpRequest;
using emulator::HttpResponse;
using emulator::HttpServer;

class TestHttpServer : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void keepAlive_servesManyRequestsOnOneConnection();
    void connectionClose_closesAfterTheResponse();
    void http10_closesAfterTheResponse();
    void pipelinedRequests_areAnsweredInOrder();
    void concurrentClients_areAllServed();
    void expectContinue_getsInterimResponse();
    void malformedRequest_gets400_andServerKeepsServing();
    void oversizedHeaders_get431();
    void oversizedBody_gets413_whileTheClientIsStillSending();
    void chunkedBody_gets411();
    void slowClient_gets408_whenTheRequestTakesTooLong();
    void trickledHeaders_doNotExtendTheRequestTimeout();
    void idleConnection_isClosed();
    void clientThatStopsReading_isDropped();
    void delayedResponse_keepsOrderAndDoesNotBlockOthers();
    void connectionCap_refusesWith503_thenAcceptsAgain();
    void closedServer_dropsEveryConnection();

private:
    void startServer(const HttpLimits &limits);
    static HttpResponse echo(const HttpRequest &request);

    std::unique_ptr<HttpServer> m_server;
    int m_handled = 0;
};

HttpResponse TestHttpServer::echo(const HttpRequest &request)
{
    HttpResponse response;
    response.headers = { { "Content-Type", "text/plain" } };
    if (request.path == "/big") {
        response.body = QByteArray(32 * 1024 * 1024, 'x');
    } else if (request.path == "/slow") {
        response.delay = std::chrono::milliseconds(300);
        response.body = "slow";
    } else {
        response.body = request.method + ' ' + request.path + ' ' + request.body;
    }
    return response;
}

void TestHttpServer::startServer(const HttpLimits &limits)
{
    m_server = std::make_unique<HttpServer>(limits, [this](const HttpRequest &request) {
        ++m_handled;
        return echo(request);
    });
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void TestHttpServer::init()
{
    m_handled = 0;
    startServer(HttpLimits {});
}

void TestHttpServer::cleanup()
{
    m_server.reset();
}

void TestHttpServer::keepAlive_servesManyRequestsOnOneConnection()
{
    RawHttpClient client(m_server->port());
    for (int i = 0; i < 5; ++i) {
        client.send(RawHttpClient::post(QByteArray::number(i)));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, "POST / " + QByteArray::number(i));
        QVERIFY(response->header("connection").isEmpty());
    }
    QVERIFY(client.isConnected());
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestHttpServer::connectionClose_closesAfterTheResponse()
{
    RawHttpClient client(m_server->port());
    client.send(RawHttpClient::post("bye", "Connection: close\r\n"));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("POST / bye"));
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());
}

void TestHttpServer::http10_closesAfterTheResponse()
{
    RawHttpClient client(m_server->port());
    client.send("POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("POST / hi"));
    QVERIFY(client.waitForClose());
}

void TestHttpServer::pipelinedRequests_areAnsweredInOrder()
{
    RawHttpClient client(m_server->port());
    client.send(
        RawHttpClient::post("one") + RawHttpClient::post("two") + RawHttpClient::post("three"));
    for (const char *expected : { "POST / one", "POST / two", "POST / three" }) {
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray(expected));
    }
}

void TestHttpServer::concurrentClients_areAllServed()
{
    constexpr int kClients = 50;
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < kClients; ++i)
        clients.push_back(std::make_unique<RawHttpClient>(m_server->port()));
    for (int i = 0; i < kClients; ++i)
        clients[static_cast<std::size_t>(i)]->send(
            RawHttpClient::post(QByteArray("client " + QByteArray::number(i))));
    for (int i = 0; i < kClients; ++i) {
        const auto response = clients[static_cast<std::size_t>(i)]->readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, "POST / client " + QByteArray::number(i));
    }
    QCOMPARE(m_server->connectionCount(), kClients);
}

void TestHttpServer::expectContinue_getsInterimResponse()
{
    RawHttpClient client(m_server->port());
    client.send("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    const auto interim = client.readResponse();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    client.send("body");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("POST / body"));
}

void TestHttpServer::malformedRequest_gets400_andServerKeepsServing()
{
    for (const QByteArray &garbage :
        { QByteArray("GARBAGE\r\n\r\n"), QByteArray("POST / HTTP/1.1\r\nBad Header\r\n\r\n"),
            QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\n") }) {
        RawHttpClient bad(m_server->port());
        bad.send(garbage);
        const auto response = bad.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 400);
        QCOMPARE(response->header("connection"), QByteArray("close"));
        QVERIFY(bad.waitForClose());
    }
    QCOMPARE(m_handled, 0);

    RawHttpClient good(m_server->port());
    good.send(RawHttpClient::post("still here"));
    const auto response = good.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void TestHttpServer::oversizedHeaders_get431()
{
    RawHttpClient client(m_server->port());
    client.send("POST / HTTP/1.1\r\nHost: h\r\nX-Big: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QVERIFY(client.waitForClose());
    QCOMPARE(m_handled, 0);
}

void TestHttpServer::oversizedBody_gets413_whileTheClientIsStillSending()
{
    RawHttpClient client(m_server->port());
    client.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 104857600\r\n\r\n");
    // The client keeps sending; the server answers without reading the body into memory and
    // drains what arrives while it closes, so the answer is not lost to a reset.
    client.send(QByteArray(1024 * 1024, 'b'));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QVERIFY(response->body.contains("65536"));
    QVERIFY(client.waitForClose());
    QCOMPARE(m_handled, 0);
}

void TestHttpServer::chunkedBody_gets411()
{
    RawHttpClient client(m_server->port());
    client.send(
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 411);
    QVERIFY(client.waitForClose());
}

void TestHttpServer::slowClient_gets408_whenTheRequestTakesTooLong()
{
    HttpLimits limits;
    limits.requestTimeout = std::chrono::milliseconds(200);
    startServer(limits);
    RawHttpClient client(m_server->port());
    client.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nonly5");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QVERIFY(client.waitForClose());
    QCOMPARE(m_handled, 0);
}

void TestHttpServer::trickledHeaders_doNotExtendTheRequestTimeout()
{
    HttpLimits limits;
    limits.requestTimeout = std::chrono::milliseconds(300);
    startServer(limits);
    RawHttpClient client(m_server->port());
    // One byte every 20 ms: the head would take far longer than the timeout to complete.
    const QByteArray head
        = "POST / HTTP/1.1\r\nHost: h\r\nX-Padding: " + QByteArray(200, 'p') + "\r\n\r\n";
    qsizetype sent = 0;
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&] {
        if (sent < head.size() && client.isConnected())
            client.send(head.mid(sent++, 1));
    });
    trickle.start(20);
    const auto response = client.readResponse();
    trickle.stop();
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QVERIFY(sent < head.size());
}

void TestHttpServer::idleConnection_isClosed()
{
    HttpLimits limits;
    limits.idleTimeout = std::chrono::milliseconds(200);
    startServer(limits);
    RawHttpClient client(m_server->port());
    client.send(RawHttpClient::post("once"));
    QVERIFY(client.readResponse());
    QVERIFY(client.waitForClose());
    QVERIFY(client.pending().isEmpty()); // closed quietly, no 408 for an idle connection
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::clientThatStopsReading_isDropped()
{
    HttpLimits limits;
    limits.writeTimeout = std::chrono::milliseconds(300);
    startServer(limits);
    // A raw socket that never reads: 32 MiB cannot fit in the socket buffers.
    QTcpSocket socket;
    socket.setReadBufferSize(1);
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE(m_server->connectionCount(), 1);
    socket.write("GET /big HTTP/1.1\r\nHost: h\r\n\r\n");
    QTRY_COMPARE(m_handled, 1);
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::delayedResponse_keepsOrderAndDoesNotBlockOthers()
{
    RawHttpClient slow(m_server->port());
    slow.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n" + RawHttpClient::post("after slow"));
    RawHttpClient other(m_server->port());
    other.send(RawHttpClient::post("meanwhile"));
    const auto meanwhile = other.readResponse();
    QVERIFY(meanwhile);
    QCOMPARE(meanwhile->body, QByteArray("POST / meanwhile"));
    QVERIFY(slow.pending().isEmpty());

    const auto first = slow.readResponse();
    QVERIFY(first);
    QCOMPARE(first->body, QByteArray("slow"));
    const auto second = slow.readResponse();
    QVERIFY(second);
    QCOMPARE(second->body, QByteArray("POST / after slow"));
}

void TestHttpServer::connectionCap_refusesWith503_thenAcceptsAgain()
{
    HttpLimits limits;
    limits.maxConnections = 2;
    startServer(limits);
    auto first = std::make_unique<RawHttpClient>(m_server->port());
    RawHttpClient second(m_server->port());
    QTRY_COMPARE(m_server->connectionCount(), 2);

    RawHttpClient refused(m_server->port());
    const auto response = refused.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 503);
    QVERIFY(refused.waitForClose());

    first.reset();
    QTRY_COMPARE(m_server->connectionCount(), 1);
    RawHttpClient third(m_server->port());
    third.send(RawHttpClient::post("welcome"));
    const auto served = third.readResponse();
    QVERIFY(served);
    QCOMPARE(served->status, 200);
}

void TestHttpServer::closedServer_dropsEveryConnection()
{
    RawHttpClient client(m_server->port());
    QTRY_COMPARE(m_server->connectionCount(), 1);
    m_server->close();
    QVERIFY(client.waitForClose());
    QCOMPARE(m_server->connectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
