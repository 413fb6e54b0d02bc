// AwsError: the CLI's sentences and exit codes for every kind of failure, and what a failure
// means (throttling, expired token, refused keys, signature or clock, not found, retryable).
#include "aws/awserror.h"

#include <QtTest>

using aws::AwsError;

namespace {
AwsError errorOf(AwsError::Kind kind, int status = 0, const QString &code = {})
{
    AwsError error;
    error.kind = kind;
    error.httpStatus = status;
    error.code = code;
    return error;
}

// The predicates that hold for an error, as "throttling retryable", for one readable comparison.
QString predicatesOf(const AwsError &error)
{
    QStringList names;
    if (error.isThrottling())
        names << QStringLiteral("throttling");
    if (error.isExpiredToken())
        names << QStringLiteral("expired-token");
    if (error.isAccessDenied())
        names << QStringLiteral("access-denied");
    if (error.isSignatureOrClockProblem())
        names << QStringLiteral("signature-or-clock");
    if (error.isNotFound())
        names << QStringLiteral("not-found");
    if (error.isRetryable())
        names << QStringLiteral("retryable");
    return names.join(QLatin1Char(' '));
}
} // namespace

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
    void retryableStatus_data();
    void retryableStatus();
    void retryableErrorCode_data();
    void retryableErrorCode();
    void retryable_byKind_data();
    void retryable_byKind();
    void signatureOrClockProblem_data();
    void signatureOrClockProblem();
    void throttlingCodes_areBotocores_data();
    void throttlingCodes_areBotocores();
    void predicates_data();
    void predicates();
    void configuration_namesTheSetting();
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

void TestAwsError::retryableStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    for (int status : { 429, 500, 502, 503, 504 })
        QTest::addRow("%d", status) << status << true;
    for (int status : { 0, 200, 301, 400, 401, 403, 404, 409, 413, 501, 505, 599 })
        QTest::addRow("%d", status) << status << false;
}

void TestAwsError::retryableStatus()
{
    QFETCH(int, status);
    QFETCH(bool, retryable);
    QCOMPARE(errorOf(AwsError::Kind::Service, status).isRetryable(), retryable);
    QCOMPARE(errorOf(AwsError::Kind::BadResponse, status).isRetryable(), retryable);
}

void TestAwsError::retryableErrorCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("retryable");
    for (const char *code :
        { "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
            "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete" }) {
        QTest::newRow(code) << QString::fromLatin1(code) << true;
    }
    for (const char *code : { "ValidationException", "ResourceNotFoundException",
             "throttlingexception", "ThrottlingExceptionX", "InternalServerException",
             "ServiceQuotaExceededException", "" }) {
        QTest::newRow(*code ? code : "empty") << QString::fromLatin1(code) << false;
    }
}

void TestAwsError::retryableErrorCode()
{
    QFETCH(QString, code);
    QFETCH(bool, retryable);
    QCOMPARE(errorOf(AwsError::Kind::Service, 400, code).isRetryable(), retryable);
}

void TestAwsError::retryable_byKind_data()
{
    QTest::addColumn<AwsError>("error");
    QTest::addColumn<bool>("retryable");
    using K = AwsError::Kind;
    QTest::newRow("network") << errorOf(K::Network) << true;
    QTest::newRow("network mid-body") << errorOf(K::Network, 200) << true;
    QTest::newRow("timeout") << errorOf(K::Timeout) << true;
    QTest::newRow("throttling 400")
        << errorOf(K::Service, 400, QStringLiteral("ThrottlingException")) << true;
    QTest::newRow("internal 500") << errorOf(
        K::Service, 500, QStringLiteral("InternalServerException"))
                                  << true;
    QTest::newRow("validation 400")
        << errorOf(K::Service, 400, QStringLiteral("ValidationException")) << false;
    QTest::newRow("not found 404")
        << errorOf(K::Service, 404, QStringLiteral("ResourceNotFoundException")) << false;
    QTest::newRow("html 502") << errorOf(K::BadResponse, 502) << true;
    QTest::newRow("html 200") << errorOf(K::BadResponse, 200) << false;
    QTest::newRow("redirect") << errorOf(K::BadResponse, 307) << false;
    QTest::newRow("tls") << errorOf(K::Tls, 0) << false;
    QTest::newRow("too large 503") << errorOf(K::TooLarge, 503) << false;
    QTest::newRow("configuration") << errorOf(K::Configuration) << false;
    QTest::newRow("credentials") << errorOf(K::Credentials) << false;
    QTest::newRow("parameter") << errorOf(K::InvalidParameter) << false;
    QTest::newRow("cancelled") << errorOf(K::Cancelled) << false;
}

void TestAwsError::retryable_byKind()
{
    QFETCH(AwsError, error);
    QFETCH(bool, retryable);
    QCOMPARE(error.isRetryable(), retryable);
}

void TestAwsError::signatureOrClockProblem_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("skewError");
    for (const char *code : { "InvalidSignatureException", "SignatureDoesNotMatch",
             "RequestExpired", "RequestTimeTooSkewed", "RequestInTheFuture", "AuthFailure" }) {
        QTest::newRow(code) << QString::fromLatin1(code) << true;
    }
    for (const char *code : { "ExpiredTokenException", "AccessDeniedException",
             "ThrottlingException", "invalidsignatureexception", "IncompleteSignatureException" }) {
        QTest::newRow(code) << QString::fromLatin1(code) << false;
    }
}

void TestAwsError::signatureOrClockProblem()
{
    QFETCH(QString, code);
    QFETCH(bool, skewError);
    QCOMPARE(errorOf(AwsError::Kind::Service, 403, code).isSignatureOrClockProblem(), skewError);
}

void TestAwsError::throttlingCodes_areBotocores_data()
{
    QTest::addColumn<QString>("code");
    // botocore 1.43, retries/standard.py, ThrottledRetryableChecker._THROTTLED_ERROR_CODES.
    for (const char *code : { "Throttling", "ThrottlingException", "ThrottledException",
             "RequestThrottledException", "TooManyRequestsException",
             "ProvisionedThroughputExceededException", "TransactionInProgressException",
             "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
             "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException" })
        QTest::newRow(code) << QString::fromLatin1(code);
}

// Every code botocore counts as throttling is throttling here too, and retried, whatever the
// status it came with.
void TestAwsError::throttlingCodes_areBotocores()
{
    QFETCH(QString, code);
    const AwsError error = errorOf(AwsError::Kind::Service, 400, code);
    QVERIFY(error.isThrottling());
    QVERIFY(error.isRetryable());
}

void TestAwsError::predicates_data()
{
    QTest::addColumn<AwsError>("error");
    QTest::addColumn<QString>("predicates");
    using K = AwsError::Kind;
    const auto service = [](int status, const char *code) {
        return errorOf(K::Service, status, QString::fromLatin1(code));
    };
    QTest::newRow("429 without a code")
        << errorOf(K::BadResponse, 429) << QStringLiteral("throttling retryable");
    QTest::newRow("429 validation")
        << service(429, "ValidationException") << QStringLiteral("throttling retryable");
    QTest::newRow("429 cut off mid-body")
        << errorOf(K::Network, 429) << QStringLiteral("throttling retryable");
    QTest::newRow("ThrottlingException")
        << service(400, "ThrottlingException") << QStringLiteral("throttling retryable");
    QTest::newRow("ExpiredToken") << service(400, "ExpiredToken")
                                  << QStringLiteral("expired-token");
    QTest::newRow("ExpiredTokenException")
        << service(403, "ExpiredTokenException") << QStringLiteral("expired-token");
    QTest::newRow("AccessDenied") << service(403, "AccessDenied")
                                  << QStringLiteral("access-denied");
    QTest::newRow("AccessDeniedException")
        << service(403, "AccessDeniedException") << QStringLiteral("access-denied");
    QTest::newRow("UnrecognizedClientException")
        << service(403, "UnrecognizedClientException") << QStringLiteral("access-denied");
    QTest::newRow("InvalidClientTokenId")
        << service(403, "InvalidClientTokenId") << QStringLiteral("access-denied");
    QTest::newRow("InvalidSignatureException")
        << service(403, "InvalidSignatureException") << QStringLiteral("signature-or-clock");
    QTest::newRow("RequestTimeTooSkewed")
        << service(403, "RequestTimeTooSkewed") << QStringLiteral("signature-or-clock");
    QTest::newRow("ResourceNotFoundException")
        << service(404, "ResourceNotFoundException") << QStringLiteral("not-found");
    QTest::newRow("InternalServerException")
        << service(500, "InternalServerException") << QStringLiteral("retryable");
    QTest::newRow("RequestTimeout")
        << service(408, "RequestTimeout") << QStringLiteral("retryable");
    QTest::newRow("ValidationException") << service(400, "ValidationException") << QString();
    QTest::newRow("ConflictException") << service(409, "ConflictException") << QString();
    QTest::newRow("a prefix of a code") << service(403, "AccessDeniedExceptionX") << QString();
    QTest::newRow("a code in other case") << service(403, "accessdeniedexception") << QString();
    // Codes only count when the endpoint sent them: a keychain failure or a hand-made error
    // with such a code is none of these.
    QTest::newRow("credentials with a service code")
        << errorOf(K::Credentials, 0, QStringLiteral("ExpiredToken")) << QString();
    QTest::newRow("configuration with a service code")
        << errorOf(K::Configuration, 0, QStringLiteral("ThrottlingException")) << QString();
    QTest::newRow("bad response with a code")
        << errorOf(K::BadResponse, 404, QStringLiteral("ResourceNotFoundException")) << QString();
    QTest::newRow("timeout") << errorOf(K::Timeout) << QStringLiteral("retryable");
    QTest::newRow("cancelled") << errorOf(K::Cancelled) << QString();
}

void TestAwsError::predicates()
{
    QFETCH(AwsError, error);
    QFETCH(QString, predicates);
    QCOMPARE(predicatesOf(error), predicates);
}

void TestAwsError::configuration_namesTheSetting()
{
    const AwsError region = AwsError::configuration(
        AwsError::Setting::Region, QStringLiteral("You must specify a region."));
    QCOMPARE(region.kind, AwsError::Kind::Configuration);
    QCOMPARE(region.setting, AwsError::Setting::Region);
    QCOMPARE(region.toString(), QStringLiteral("You must specify a region."));
    QCOMPARE(region.exitCode(), 253);

    const AwsError profile = AwsError::profileNotFound(QStringLiteral("plant-north"));
    QCOMPARE(profile.kind, AwsError::Kind::Configuration);
    QCOMPARE(profile.setting, AwsError::Setting::Profile);
    QCOMPARE(
        profile.toString(), QStringLiteral("The config profile (plant-north) could not be found"));

    QCOMPARE(AwsError().setting, AwsError::Setting::Unspecified);
}

QTEST_GUILESS_MAIN(TestAwsError)
#include "tst_awserror.moc"
