// The strict HTTP/1.1 request parser: framing, limits and every rejection, without sockets.
#include "emulator/httprequestparser.h"

#include <QtTest>

using emulator::HttpLimits;
using emulator::HttpRequestParser;
using Outcome = emulator::HttpRequestParser::Outcome;

class TestHttpRequestParser : public QObject {
    Q_OBJECT
private slots:
    void simplePost_isParsed();
    void pathAndQuery_areSplit();
    void bytesArrivingOneByOne_giveTheSameRequest();
    void pipelinedRequests_comeOutOneAtATime();
    void leadingEmptyLines_areIgnored();
    void headerValues_areTrimmed();
    void http10_needsNoHost();
    void rejections_data();
    void rejections();
    void headBeyondLimit_is431_evenWithoutBlankLine();
    void tooManyHeaders_is431();
    void bodyBeyondLimit_is413_beforeTheBodyArrives();
    void expectContinue_isReportedUntilTheBodyArrives();
    void rejectedParser_staysRejected();

private:
    static HttpLimits smallLimits();
};

HttpLimits TestHttpRequestParser::smallLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 256;
    limits.maxBodyBytes = 100;
    limits.maxHeaderCount = 5;
    return limits;
}

void TestHttpRequestParser::simplePost_isParsed()
{
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer
        = "POST / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/x-amz-json-1.0\r\n"
          "Content-Length: 2\r\n\r\n{}";
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    const emulator::HttpRequest request = parser.takeRequest();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/"));
    QVERIFY(request.query.isEmpty());
    QCOMPARE(request.minorVersion, 1);
    QCOMPARE(request.header("HOST"), QByteArray("127.0.0.1:8080"));
    QCOMPARE(request.header("content-type"), QByteArray("application/x-amz-json-1.0"));
    QCOMPARE(request.headers.size(), 3);
    QCOMPARE(request.body, QByteArray("{}"));
    QVERIFY(buffer.isEmpty());
}

void TestHttpRequestParser::pathAndQuery_areSplit()
{
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer = "GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: h\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    const emulator::HttpRequest request = parser.takeRequest();
    QCOMPARE(request.path, QByteArray("/a/b"));
    QCOMPARE(request.query, QByteArray("x=1&y=%20"));
    QVERIFY(request.body.isEmpty());
}

void TestHttpRequestParser::bytesArrivingOneByOne_giveTheSameRequest()
{
    const QByteArray wire = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello";
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer;
    for (qsizetype i = 0; i < wire.size() - 1; ++i) {
        buffer += wire[i];
        QCOMPARE(parser.parse(buffer), Outcome::NeedMoreData);
    }
    buffer += wire.back();
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    QCOMPARE(parser.takeRequest().body, QByteArray("hello"));
}

void TestHttpRequestParser::pipelinedRequests_comeOutOneAtATime()
{
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nA"
                        "POST /second HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nB"
                        "POST /third HTTP/1.1\r\nHo";
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    QCOMPARE(parser.takeRequest().body, QByteArray("A"));
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    const emulator::HttpRequest second = parser.takeRequest();
    QCOMPARE(second.path, QByteArray("/second"));
    QCOMPARE(second.body, QByteArray("B"));
    QCOMPARE(parser.parse(buffer), Outcome::NeedMoreData);
    buffer += "st: h\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    QCOMPARE(parser.takeRequest().path, QByteArray("/third"));
}

void TestHttpRequestParser::leadingEmptyLines_areIgnored()
{
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer = "\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    QCOMPARE(parser.takeRequest().method, QByteArray("GET"));
}

void TestHttpRequestParser::headerValues_areTrimmed()
{
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer
        = "GET / HTTP/1.1\r\nHost:h\r\nX-Amz-Target: \t Service.Op \t\r\nX-Empty:\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    const emulator::HttpRequest request = parser.takeRequest();
    QCOMPARE(request.header("host"), QByteArray("h"));
    QCOMPARE(request.header("x-amz-target"), QByteArray("Service.Op"));
    QCOMPARE(request.headerCount("x-empty"), 1);
    QVERIFY(request.header("x-empty").isEmpty());
}

void TestHttpRequestParser::http10_needsNoHost()
{
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer = "GET / HTTP/1.0\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    QCOMPARE(parser.takeRequest().minorVersion, 0);
}

void TestHttpRequestParser::rejections_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reasonPart");

    QTest::newRow("garbage request line")
        << QByteArray("GARBAGE\r\n\r\n") << 400 << QByteArray("request line");
    // The start of a TLS ClientHello, NUL bytes included.
    static constexpr char kTlsHello[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n";
    QTest::newRow("binary junk") << QByteArray(kTlsHello, sizeof(kTlsHello) - 1) << 400
                                 << QByteArray("request line");
    QTest::newRow("absolute-form target")
        << QByteArray("GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << QByteArray("target");
    QTest::newRow("space in target")
        << QByteArray("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << QByteArray("target");
    QTest::newRow("method not a token")
        << QByteArray("G(T / HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << QByteArray("method");
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505
                              << QByteArray("HTTP/1.0");
    QTest::newRow("unknown protocol")
        << QByteArray("GET / FTP/1.1\r\nHost: x\r\n\r\n") << 400 << QByteArray("protocol version");
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: x\r\n\r\n") << 400
                             << QByteArray("CRLF");
    // No CRLF CRLF ever comes: refused as soon as the LF arrives, not at the request timeout.
    QTest::newRow("LF line ends only")
        << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << 400 << QByteArray("CRLF");
    QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\rHost: x") << 400 << QByteArray("CRLF");
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n") << 400
        << QByteArray("Malformed header");
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400
                                        << QByteArray("Malformed header");
    QTest::newRow("obsolete folding")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n") << 400
        << QByteArray("folding");
    QTest::newRow("control character in value")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x01z\r\n\r\n") << 400
        << QByteArray("Control character");
    QTest::newRow("no Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << QByteArray("Host");
    QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400
                               << QByteArray("Host");
    QTest::newRow("Content-Length not a number")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n") << 400
        << QByteArray("Content-Length");
    QTest::newRow("negative Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << 400
        << QByteArray("Content-Length");
    QTest::newRow("conflicting Content-Length") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                                << 400 << QByteArray("Conflicting");
    QTest::newRow("chunked") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 411 << QByteArray("Content-Length");
    QTest::newRow("chunked and length") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n")
                                        << 400 << QByteArray("Both");
    QTest::newRow("unknown expectation")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n") << 417
        << QByteArray("100-continue");
}

void TestHttpRequestParser::rejections()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    QFETCH(QByteArray, reasonPart);
    HttpRequestParser parser { HttpLimits {} };
    QCOMPARE(parser.parse(wire), Outcome::Rejected);
    QCOMPARE(parser.rejection().status, status);
    QVERIFY2(parser.rejection().reason.contains(reasonPart), parser.rejection().reason.constData());
}

void TestHttpRequestParser::headBeyondLimit_is431_evenWithoutBlankLine()
{
    HttpRequestParser parser { smallLimits() };
    QByteArray buffer = "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(300, 'a');
    QCOMPARE(parser.parse(buffer), Outcome::Rejected);
    QCOMPARE(parser.rejection().status, 431);
    QVERIFY(parser.rejection().reason.contains("256"));
}

void TestHttpRequestParser::tooManyHeaders_is431()
{
    HttpRequestParser parser { smallLimits() };
    QByteArray buffer = "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::Rejected);
    QCOMPARE(parser.rejection().status, 431);
}

void TestHttpRequestParser::bodyBeyondLimit_is413_beforeTheBodyArrives()
{
    HttpRequestParser parser { smallLimits() };
    QByteArray buffer = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::Rejected);
    QCOMPARE(parser.rejection().status, 413);
    QVERIFY(parser.rejection().reason.contains("104857600"));

    HttpRequestParser atLimit { smallLimits() };
    QByteArray exact
        = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + QByteArray(100, 'b');
    QCOMPARE(atLimit.parse(exact), Outcome::RequestReady);
}

void TestHttpRequestParser::expectContinue_isReportedUntilTheBodyArrives()
{
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer
        = "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::NeedMoreData);
    QVERIFY(parser.awaitingContinue());
    QVERIFY(parser.readingBody());
    buffer += "{}";
    QCOMPARE(parser.parse(buffer), Outcome::RequestReady);
    QVERIFY(!parser.awaitingContinue());
    QCOMPARE(parser.takeRequest().body, QByteArray("{}"));
}

void TestHttpRequestParser::rejectedParser_staysRejected()
{
    HttpRequestParser parser { HttpLimits {} };
    QByteArray buffer = "NONSENSE\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::Rejected);
    buffer = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    QCOMPARE(parser.parse(buffer), Outcome::Rejected);
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
