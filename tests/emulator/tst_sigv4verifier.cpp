// The emulator's SigV4 check: every way a request can fail authentication, with the service's
// error codes and texts, and the boundaries of the 5-minute window.
#include "aws/sigv4signer.h"
#include "emulator/sigv4verifier.h"
#include "signedrequests.h"

#include <QtTest>

using emulator::HttpRequest;
using emulator::ServiceError;
using emulator::SigV4Verifier;
using emulatortest::demoCredentials;
using emulatortest::signedRequest;

namespace {

const QDateTime kNow(QDate(2026, 3, 4), QTime(10, 0, 0), Qt::UTC);
const QByteArray kBody = R"({"InferenceSchedulerName":"pump-station-042"})";
constexpr char kMismatch[]
    = "The request signature we calculated does not match the signature you provided. Check your "
      "AWS Secret Access "
      "Key and signing method. Consult the service documentation for details.";

void replaceHeader(HttpRequest &request, QByteArrayView name, const QByteArray &value)
{
    for (auto &header : request.headers) {
        if (emulator::headerNameEquals(header.first, name))
            header.second = value;
    }
}

void removeHeader(HttpRequest &request, QByteArrayView name)
{
    request.headers.removeIf(
        [name](const auto &header) { return emulator::headerNameEquals(header.first, name); });
}

} // namespace

class TestSigV4Verifier : public QObject {
    Q_OBJECT
private slots:
    void properlySigned_isAccepted();
    void withinFiveMinutes_isAccepted_data();
    void withinFiveMinutes_isAccepted();
    void missingAuthorization_isMissingAuthenticationToken();
    void authorizationWithoutParts_isIncompleteSignature();
    void missingDate_isIncompleteSignature();
    void malformedAuthorization_isIncompleteSignature();
    void twoAuthorizationHeaders_areIncompleteSignature();
    void malformedDate_isIncompleteSignature();
    void scopeDateNotTheRequestDate_isInvalidSignature();
    void otherRegion_isInvalidSignature();
    void otherService_isInvalidSignature();
    void expiredSignature_isInvalidSignature();
    void futureSignature_isInvalidSignature();
    void unknownAccessKey_isUnrecognizedClient();
    void wrongSecret_isSignatureMismatch();
    void tamperedBody_isSignatureMismatch();
    void tamperedSignedHeader_isSignatureMismatch();
    void unsignedAmzHeader_isInvalidSignature();
    void unsignedHost_isInvalidSignature();
    void sessionToken_isRequiredAndChecked();
    void tokenSentToKeysWithoutToken_isUnrecognizedClient();
    void amzDate_parsesOnlyBasicFormat();

private:
    static std::optional<ServiceError> verify(
        const HttpRequest &request, const aws::AwsCredentials &accepted = demoCredentials());
    static void expectError(
        const std::optional<ServiceError> &error, const char *code, const QString &message);
};

std::optional<ServiceError> TestSigV4Verifier::verify(
    const HttpRequest &request, const aws::AwsCredentials &accepted)
{
    SigV4Verifier verifier("us-east-1", accepted);
    return verifier.verify(request, kNow);
}

void TestSigV4Verifier::expectError(
    const std::optional<ServiceError> &error, const char *code, const QString &message)
{
    QVERIFY2(error, "the request was accepted");
    QCOMPARE(error->code, QByteArray(code));
    QCOMPARE(error->httpStatus, 400);
    QCOMPARE(error->origin, ServiceError::Origin::Framework);
    QCOMPARE(error->message, message);
}

void TestSigV4Verifier::properlySigned_isAccepted()
{
    QVERIFY(!verify(signedRequest("DescribeInferenceScheduler", kBody, kNow)));
}

void TestSigV4Verifier::withinFiveMinutes_isAccepted_data()
{
    QTest::addColumn<int>("offsetSeconds");
    QTest::newRow("5 min early") << -300;
    QTest::newRow("4 min early") << -240;
    QTest::newRow("4 min late") << 240;
    QTest::newRow("5 min late") << 300;
}

void TestSigV4Verifier::withinFiveMinutes_isAccepted()
{
    QFETCH(int, offsetSeconds);
    QVERIFY(
        !verify(signedRequest("DescribeInferenceScheduler", kBody, kNow.addSecs(offsetSeconds))));
}

void TestSigV4Verifier::missingAuthorization_isMissingAuthenticationToken()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    removeHeader(request, "authorization");
    expectError(verify(request), "MissingAuthenticationTokenException",
        QStringLiteral("Request is missing Authentication Token"));
}

void TestSigV4Verifier::authorizationWithoutParts_isIncompleteSignature()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    replaceHeader(request, "authorization", "Bearer abc");
    expectError(verify(request), "IncompleteSignatureException",
        QStringLiteral(
            "Authorization header requires 'Credential' parameter. Authorization header requires "
            "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."));
}

void TestSigV4Verifier::missingDate_isIncompleteSignature()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    removeHeader(request, "x-amz-date");
    expectError(verify(request), "IncompleteSignatureException",
        QStringLiteral("Authorization header requires existence of either a 'X-Amz-Date' or a "
                       "'Date' header."));
}

void TestSigV4Verifier::malformedAuthorization_isIncompleteSignature()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    replaceHeader(request, "authorization",
        "AWS4-HMAC-SHA256 Credential=AKID/20260304, SignedHeaders=host, Signature=00");
    const std::optional<ServiceError> error = verify(request);
    QVERIFY(error);
    QCOMPARE(error->code, QByteArray("IncompleteSignatureException"));
    QVERIFY2(error->message.startsWith(QLatin1String("Invalid Authorization header: ")),
        qPrintable(error->message));
    QVERIFY2(error->message.contains(QLatin1String("Credential")), qPrintable(error->message));
}

void TestSigV4Verifier::twoAuthorizationHeaders_areIncompleteSignature()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    request.headers.append({ "Authorization", request.header("authorization") });
    expectError(verify(request), "IncompleteSignatureException",
        QStringLiteral("Only one Authorization header is allowed."));
}

void TestSigV4Verifier::malformedDate_isIncompleteSignature()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    replaceHeader(request, "x-amz-date", "2026-03-04T10:00:00Z");
    expectError(verify(request), "IncompleteSignatureException",
        QStringLiteral("Date must be in ISO-8601 'basic format'. Got '2026-03-04T10:00:00Z'. See "
                       "http://en.wikipedia.org/wiki/ISO_8601"));
}

void TestSigV4Verifier::scopeDateNotTheRequestDate_isInvalidSignature()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    replaceHeader(request, "x-amz-date", "20260305T100000Z");
    expectError(verify(request), "InvalidSignatureException",
        QStringLiteral(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
            "HTTP: '20260304' != '20260305', from '20260305T100000Z'."));
}

void TestSigV4Verifier::otherRegion_isInvalidSignature()
{
    const HttpRequest request
        = signedRequest("DescribeInferenceScheduler", kBody, kNow, demoCredentials(), "eu-west-1");
    expectError(verify(request), "InvalidSignatureException",
        QStringLiteral("Credential should be scoped to a valid region, not 'eu-west-1'. "));
}

void TestSigV4Verifier::otherService_isInvalidSignature()
{
    HttpRequest request = emulatortest::unsignedRequest("DescribeInferenceScheduler", kBody);
    aws::sigv4::Request toSign { request.method, request.path, {}, request.headers, request.body };
    const aws::sigv4::Signature signature
        = aws::sigv4::sign(toSign, demoCredentials(), "us-east-1", "sagemaker", kNow);
    request.headers.append({ "X-Amz-Date", signature.amzDate });
    request.headers.append({ "Authorization", signature.authorization });
    expectError(verify(request), "InvalidSignatureException",
        QStringLiteral("Credential should be scoped to correct service: 'lookoutequipment'. "));
}

void TestSigV4Verifier::expiredSignature_isInvalidSignature()
{
    const HttpRequest request
        = signedRequest("DescribeInferenceScheduler", kBody, kNow.addSecs(-301));
    expectError(verify(request), "InvalidSignatureException",
        QStringLiteral("Signature expired: 20260304T095459Z is now earlier than 20260304T095500Z "
                       "(20260304T100000Z - 5 min.)"));
}

void TestSigV4Verifier::futureSignature_isInvalidSignature()
{
    const HttpRequest request
        = signedRequest("DescribeInferenceScheduler", kBody, kNow.addSecs(3600));
    expectError(verify(request), "InvalidSignatureException",
        QStringLiteral(
            "Signature not yet current: 20260304T110000Z is still later than 20260304T100500Z "
            "(20260304T100000Z + 5 min.)"));
}

void TestSigV4Verifier::unknownAccessKey_isUnrecognizedClient()
{
    aws::AwsCredentials stranger = demoCredentials();
    stranger.accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    expectError(verify(signedRequest("DescribeInferenceScheduler", kBody, kNow, stranger)),
        "UnrecognizedClientException",
        QStringLiteral("The security token included in the request is invalid."));
}

void TestSigV4Verifier::wrongSecret_isSignatureMismatch()
{
    aws::AwsCredentials wrong = demoCredentials();
    wrong.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    expectError(verify(signedRequest("DescribeInferenceScheduler", kBody, kNow, wrong)),
        "InvalidSignatureException", QString::fromLatin1(kMismatch));
}

void TestSigV4Verifier::tamperedBody_isSignatureMismatch()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    request.body = R"({"InferenceSchedulerName":"pump-station-043"})";
    expectError(verify(request), "InvalidSignatureException", QString::fromLatin1(kMismatch));
}

void TestSigV4Verifier::tamperedSignedHeader_isSignatureMismatch()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    replaceHeader(
        request, "x-amz-target", "AWSLookoutEquipmentFrontendService.StopInferenceScheduler");
    expectError(verify(request), "InvalidSignatureException", QString::fromLatin1(kMismatch));
}

void TestSigV4Verifier::unsignedAmzHeader_isInvalidSignature()
{
    HttpRequest request = signedRequest("DescribeInferenceScheduler", kBody, kNow);
    request.headers.append({ QByteArray("X-Amz-Meta-Extra"), QByteArray("1") });
    expectError(verify(request), "InvalidSignatureException",
        QStringLiteral("'X-Amz-Meta-Extra' must be a 'SignedHeader' in the AWS Authorization."));
}

void TestSigV4Verifier::unsignedHost_isInvalidSignature()
{
    HttpRequest request = emulatortest::unsignedRequest("DescribeInferenceScheduler", kBody);
    removeHeader(request, "host");
    aws::sigv4::Request toSign { request.method, request.path, {}, request.headers, request.body };
    const aws::sigv4::Signature signature
        = aws::sigv4::sign(toSign, demoCredentials(), "us-east-1", "lookoutequipment", kNow);
    request.headers.append({ QByteArray("Host"), QByteArray(emulatortest::kHost) });
    request.headers.append({ "X-Amz-Date", signature.amzDate });
    request.headers.append({ "Authorization", signature.authorization });
    expectError(verify(request), "InvalidSignatureException",
        QStringLiteral(
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));
}

void TestSigV4Verifier::sessionToken_isRequiredAndChecked()
{
    aws::AwsCredentials temporary = demoCredentials();
    temporary.sessionToken = QStringLiteral("FwoGZXIvYXdzEemulatortoken");
    const QString unrecognized
        = QStringLiteral("The security token included in the request is invalid.");

    QVERIFY(
        !verify(signedRequest("DescribeInferenceScheduler", kBody, kNow, temporary), temporary));
    // Signed without the token: the request carries none.
    expectError(verify(signedRequest("DescribeInferenceScheduler", kBody, kNow, demoCredentials()),
                    temporary),
        "UnrecognizedClientException", unrecognized);
    aws::AwsCredentials otherToken = temporary;
    otherToken.sessionToken = QStringLiteral("FwoGZXIvYXdzEsomeoneelse");
    expectError(
        verify(signedRequest("DescribeInferenceScheduler", kBody, kNow, otherToken), temporary),
        "UnrecognizedClientException", unrecognized);
    // The right token, but added after signing: every x-amz-* header must be signed.
    HttpRequest unsignedToken
        = signedRequest("DescribeInferenceScheduler", kBody, kNow, demoCredentials());
    unsignedToken.headers.append({ "X-Amz-Security-Token", temporary.sessionToken.toLatin1() });
    expectError(verify(unsignedToken, temporary), "InvalidSignatureException",
        QStringLiteral(
            "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization."));
}

void TestSigV4Verifier::tokenSentToKeysWithoutToken_isUnrecognizedClient()
{
    aws::AwsCredentials temporary = demoCredentials();
    temporary.sessionToken = QStringLiteral("FwoGZXIvYXdzEemulatortoken");
    expectError(verify(signedRequest("DescribeInferenceScheduler", kBody, kNow, temporary)),
        "UnrecognizedClientException",
        QStringLiteral("The security token included in the request is invalid."));
}

void TestSigV4Verifier::amzDate_parsesOnlyBasicFormat()
{
    QCOMPARE(emulator::parseAmzDate("20260304T100000Z"), std::optional<QDateTime>(kNow));
    for (const char *bad : { "20260304T100000", "2026-03-04T10:00:00Z", "20261304T100000Z",
             "20260230T100000Z", "20260304T250000Z", "20260304X100000Z", "2026030AT100000Z", "" }) {
        QVERIFY2(!emulator::parseAmzDate(bad), bad);
    }
}

QTEST_GUILESS_MAIN(TestSigV4Verifier)
#include "tst_sigv4verifier.moc"
