// One HTTP response to an AWS JSON 1.0 call, read offline: results, service errors and every
// kind of bad response, each with the status, request id and a message that says what arrived.
#include "aws/awsjsonresponse.h"

#include <QtTest>

using aws::AwsError;
using aws::HttpResponse;

namespace {
HttpResponse response(int status, const QByteArray &contentType, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    if (!contentType.isEmpty())
        r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", contentType));
    r.headers.append(std::pair<QByteArray, QByteArray>("x-amzn-RequestId", "req-42"));
    r.body = body;
    return r;
}
} // namespace

class TestAwsJsonResponse : public QObject {
    Q_OBJECT
private slots:
    void success_data();
    void success();
    void serviceError_keepsCodeMessageStatusAndRequestId();
    void badResponse_data();
    void badResponse();
    void badResponse_excerptIsOneShortLine();
    void requestId_fallsBackToAmzRequestId();
};

void TestAwsJsonResponse::success_data()
{
    QTest::addColumn<HttpResponse>("input");
    const QByteArray body = R"({"InferenceSchedulerSummaries":[]})";
    QTest::newRow("json 1.0") << response(200, "application/x-amz-json-1.0", body);
    QTest::newRow("json 1.1") << response(200, "application/x-amz-json-1.1", body);
    QTest::newRow("plain json with charset")
        << response(200, "Application/JSON; charset=utf-8", body);
    QTest::newRow("no content type") << response(200, {}, body);
    QTest::newRow("204 with object") << response(204, "application/x-amz-json-1.0", "{}");
}

void TestAwsJsonResponse::success()
{
    QFETCH(HttpResponse, input);
    const auto result = aws::interpretJsonResponse(input);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value(), input.body);
}

void TestAwsJsonResponse::serviceError_keepsCodeMessageStatusAndRequestId()
{
    const auto result = aws::interpretJsonResponse(response(409, "application/x-amz-json-1.0",
        R"({"__type":"com.amazonaws.lookoutequipment#ConflictException","Message":"busy"})"));
    QVERIFY(!result.ok());
    const AwsError &error = result.error();
    QCOMPARE(error.kind, AwsError::Kind::Service);
    QCOMPARE(error.code, QStringLiteral("ConflictException"));
    QCOMPARE(error.message, QStringLiteral("busy"));
    QCOMPARE(error.httpStatus, 409);
    QCOMPARE(error.requestId, QStringLiteral("req-42"));
}

void TestAwsJsonResponse::badResponse_data()
{
    QTest::addColumn<HttpResponse>("input");
    QTest::addColumn<QString>("says");
    QTest::newRow("html 502")
        << response(502, "text/html", "<html><title>502 Bad Gateway</title></html>")
        << QStringLiteral(
               "Content-Type \"text/html\", the body starts \"<html><title>502 Bad Gateway");
    QTest::newRow("empty 200") << response(200, "application/x-amz-json-1.0", "")
                               << QStringLiteral("the body is empty");
    QTest::newRow("blank 200") << response(200, "application/x-amz-json-1.0", " \r\n ")
                               << QStringLiteral("the body is empty");
    QTest::newRow("truncated") << response(200, "application/x-amz-json-1.0", R"({"a":[1,2)")
                               << QStringLiteral("not valid JSON");
    QTest::newRow("array") << response(200, "application/x-amz-json-1.0", "[]")
                           << QStringLiteral("JSON array; expected a JSON object");
    QTest::newRow("scalar") << response(200, "application/x-amz-json-1.0", "true")
                            << QStringLiteral("the body is a JSON boolean; expected a JSON object");
    QTest::newRow("wrong content type") << response(
        200, "text/plain", "{}") << QStringLiteral("Content-Type \"text/plain\" is not AWS JSON");
    QTest::newRow("error without type") << response(400, "application/x-amz-json-1.0",
        R"({"message":"x"})") << QStringLiteral("without an AWS error type");
    QTest::newRow("empty 503") << response(503, {}, "")
                               << QStringLiteral("no Content-Type, the body starts \"\"");
    QTest::newRow("redirect") << [] {
        HttpResponse r = response(301, "text/html", "moved");
        r.headers.append(
            std::pair<QByteArray, QByteArray>("Location", "https://elsewhere.example/"));
        return r;
    }() << QStringLiteral("a redirect to \"https://elsewhere.example/\", not followed");
    QTest::newRow("redirect without location")
        << response(302, {}, "") << QStringLiteral("a redirect without a Location");
    QTest::newRow("no status") << response(0, {}, "") << QStringLiteral("no HTTP status arrived");
    QTest::newRow("status 600") << response(600, "application/x-amz-json-1.0", "{}")
                                << QStringLiteral("unexpected HTTP status 600");
    QTest::newRow("status 101") << response(101, {}, "")
                                << QStringLiteral("unexpected HTTP status 101");
}

void TestAwsJsonResponse::badResponse()
{
    QFETCH(HttpResponse, input);
    QFETCH(QString, says);
    const auto result = aws::interpretJsonResponse(input);
    QVERIFY(!result.ok());
    const AwsError &error = result.error();
    QCOMPARE(error.kind, AwsError::Kind::BadResponse);
    QCOMPARE(error.httpStatus, input.status);
    QCOMPARE(error.requestId, QStringLiteral("req-42"));
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
}

void TestAwsJsonResponse::badResponse_excerptIsOneShortLine()
{
    const QByteArray page = "<html>\r\n<body>\t" + QByteArray(5000, 'x') + "\x01</body></html>";
    const auto result = aws::interpretJsonResponse(response(502, "text/html", page));
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    QVERIFY(!message.contains(u'\n') && !message.contains(u'\r') && !message.contains(u'\t'));
    QVERIFY2(message.size() < 400, qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("<html> <body> xxx")));
    QVERIFY(message.contains(QStringLiteral("…")));
}

void TestAwsJsonResponse::requestId_fallsBackToAmzRequestId()
{
    HttpResponse r;
    r.status = 500;
    r.headers = { { "X-Amz-Request-Id", " abc-1 " } };
    r.body = R"({"__type":"InternalServerException"})";
    const auto result = aws::interpretJsonResponse(r);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().requestId, QStringLiteral("abc-1"));
}

QTEST_GUILESS_MAIN(TestAwsJsonResponse)
#include "tst_awsjsonresponse.moc"
