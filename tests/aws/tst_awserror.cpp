// AwsError: the CLI's sentences and exit codes for every kind of failure.
#include "aws/awserror.h"

#include <QtTest>

using aws::AwsError;

class TestAwsError : public QObject {
    Q_OBJECT
private slots:
    void serviceError_withoutRetries_isCliSentence();
    void serviceError_afterRetriesRanOut_countsRetriesNotAttempts();
    void serviceError_withoutCode_fallsBackToHttpStatus();
    void exitCodes_matchAwsCli_data();
    void exitCodes_matchAwsCli();
    void networkError_namesEndpoint();
    void transportErrors_nameStatusOperationEndpoint_data();
    void transportErrors_nameStatusOperationEndpoint();
    void texts_neverShowUserInfo();
};

void TestAwsError::serviceError_withoutRetries_isCliSentence()
{
    AwsError error;
    error.kind = AwsError::Kind::Service;
    error.code = QStringLiteral("ResourceNotFoundException");
    error.operation = QStringLiteral("DescribeInferenceScheduler");
    error.message = QStringLiteral("Inference scheduler pump-1 not found");
    error.attempts = 1;
    QCOMPARE(error.toString(),
        QStringLiteral(
            "An error occurred (ResourceNotFoundException) when calling the "
            "DescribeInferenceScheduler operation: Inference scheduler pump-1 not found"));
}

void TestAwsError::serviceError_afterRetriesRanOut_countsRetriesNotAttempts()
{
    AwsError error;
    error.kind = AwsError::Kind::Service;
    error.code = QStringLiteral("ThrottlingException");
    error.operation = QStringLiteral("ListInferenceSchedulers");
    error.message = QStringLiteral("Rate exceeded");
    error.attempts = 3;
    error.retriesExhausted = true;
    QCOMPARE(error.toString(),
        QStringLiteral(
            "An error occurred (ThrottlingException) when calling the "
            "ListInferenceSchedulers operation (reached max retries: 2): Rate exceeded"));
}

void TestAwsError::serviceError_withoutCode_fallsBackToHttpStatus()
{
    AwsError error;
    error.kind = AwsError::Kind::Service;
    error.httpStatus = 503;
    error.operation = QStringLiteral("DescribeInferenceScheduler");
    error.message = QStringLiteral("Service Unavailable");
    QVERIFY(error.toString().startsWith(QStringLiteral("An error occurred (503) when calling")));
}

void TestAwsError::exitCodes_matchAwsCli_data()
{
    QTest::addColumn<AwsError::Kind>("kind");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("service") << AwsError::Kind::Service << 254;
    QTest::newRow("parameter") << AwsError::Kind::InvalidParameter << 252;
    QTest::newRow("credentials") << AwsError::Kind::Credentials << 253;
    QTest::newRow("configuration") << AwsError::Kind::Configuration << 253;
    QTest::newRow("network") << AwsError::Kind::Network << 255;
    QTest::newRow("timeout") << AwsError::Kind::Timeout << 255;
    QTest::newRow("tls") << AwsError::Kind::Tls << 255;
    QTest::newRow("too large") << AwsError::Kind::TooLarge << 255;
    QTest::newRow("bad response") << AwsError::Kind::BadResponse << 255;
    QTest::newRow("cancelled") << AwsError::Kind::Cancelled << 130;
}

void TestAwsError::exitCodes_matchAwsCli()
{
    QFETCH(AwsError::Kind, kind);
    QFETCH(int, exitCode);
    AwsError error;
    error.kind = kind;
    QCOMPARE(error.exitCode(), exitCode);
}

void TestAwsError::networkError_namesEndpoint()
{
    AwsError error;
    error.kind = AwsError::Kind::Network;
    error.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1/"));
    QCOMPARE(error.toString(),
        QStringLiteral("Could not connect to the endpoint URL: \"http://127.0.0.1:1/\""));
}

void TestAwsError::transportErrors_nameStatusOperationEndpoint_data()
{
    QTest::addColumn<AwsError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("text");
    QTest::newRow("refused")
        << AwsError::Kind::Network << 0 << QStringLiteral("Connection refused")
        << QStringLiteral(
               "Could not connect to the endpoint URL: \"https://lookout.example:8443/\" "
               "(calling the DescribeInferenceScheduler operation: Connection refused)");
    QTest::newRow("closed mid-body")
        << AwsError::Kind::Network << 200 << QStringLiteral("Connection closed")
        << QStringLiteral(
               "The connection to \"https://lookout.example:8443/\" broke while reading the "
               "HTTP 200 response to the DescribeInferenceScheduler operation: Connection closed");
    QTest::newRow("read timeout")
        << AwsError::Kind::Timeout << 0
        << QStringLiteral("read timeout: nothing arrived for 300 ms")
        << QStringLiteral(
               "Timed out on endpoint URL: \"https://lookout.example:8443/\" (calling the "
               "DescribeInferenceScheduler operation: read timeout: nothing arrived for 300 ms)");
    QTest::newRow("tls")
        << AwsError::Kind::Tls << 0
        << QStringLiteral("SSL handshake failed: The certificate is self-signed, and untrusted")
        << QStringLiteral(
               "SSL validation failed for https://lookout.example:8443/ (calling the "
               "DescribeInferenceScheduler operation: SSL handshake failed: The certificate "
               "is self-signed, and untrusted)");
    QTest::newRow("too large")
        << AwsError::Kind::TooLarge << 200
        << QStringLiteral("more than 16777216 bytes arrived; the rest was not read")
        << QStringLiteral("The HTTP 200 response to the DescribeInferenceScheduler operation from "
                          "\"https://lookout.example:8443/\" was larger than the limit: more than "
                          "16777216 bytes arrived; the rest was not read");
    QTest::newRow("bad response")
        << AwsError::Kind::BadResponse << 502
        << QStringLiteral("an error status without an AWS error type")
        << QStringLiteral(
               "Bad response to the DescribeInferenceScheduler operation from "
               "\"https://lookout.example:8443/\" (HTTP 502): an error status without an "
               "AWS error type");
}

void TestAwsError::transportErrors_nameStatusOperationEndpoint()
{
    QFETCH(AwsError::Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QString, text);
    AwsError error;
    error.kind = kind;
    error.httpStatus = status;
    error.message = message;
    error.operation = QStringLiteral("DescribeInferenceScheduler");
    error.endpoint = QUrl(QStringLiteral("https://lookout.example:8443/"));
    QCOMPARE(error.toString(), text);
}

void TestAwsError::texts_neverShowUserInfo()
{
    for (const auto kind : { AwsError::Kind::Network, AwsError::Kind::Timeout, AwsError::Kind::Tls,
             AwsError::Kind::TooLarge, AwsError::Kind::BadResponse }) {
        AwsError error;
        error.kind = kind;
        error.operation = QStringLiteral("ListInferenceSchedulers");
        error.endpoint = QUrl(QStringLiteral("https://AKID:hunter2@lookout.example/"));
        QVERIFY2(
            !error.toString().contains(QStringLiteral("hunter2")), qPrintable(error.toString()));
        QVERIFY(error.toString().contains(QStringLiteral("https://lookout.example/")));
    }
}

QTEST_GUILESS_MAIN(TestAwsError)
#include "tst_awserror.moc"
