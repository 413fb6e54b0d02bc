// The emulator's STS (StsOperations through EmulatorService): AssumeRole signed with the emulator's
// keys or keys it issued, AssumeRoleWithWebIdentity unsigned; the same session gets the same key
// id; the issued keys work for Lookout for Equipment and S3 with their token and stop working when
// they expire on the request clock; STS's XML errors for bad input.
#include "aws/sigv4signer.h"
#include "aws/stsxml.h"
#include "core/clock.h"
#include "emulator/emulatorservice.h"
#include "emulator/fleetgenerator.h"
#include "signedrequests.h"

#include <QtTest>

using core::ManualClock;
using emulator::EmulatorService;
using emulator::HttpRequest;
using emulator::HttpResponse;

namespace {

const QDateTime kStart(QDate(2026, 12, 7), QTime(10, 0, 0), Qt::UTC);
const QByteArray kRole = "arn:aws:iam::123456789012:role/reader";

HttpRequest stsRequest(const QByteArray &form)
{
    HttpRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = { { "Host", emulatortest::kHost },
        { "Content-Type", "application/x-www-form-urlencoded; charset=utf-8" } };
    request.body = form;
    return request;
}

HttpRequest signedStsRequest(
    const QByteArray &form, const QDateTime &time, const aws::AwsCredentials &credentials)
{
    HttpRequest request = stsRequest(form);
    aws::sigv4::Request toSign;
    toSign.method = request.method;
    toSign.path = request.path;
    toSign.body = request.body;
    toSign.headers = request.headers;
    const aws::sigv4::Signature signature
        = aws::sigv4::sign(toSign, credentials, emulatortest::kRegion, "sts", time);
    request.headers.append({ "X-Amz-Date", signature.amzDate });
    if (!signature.securityToken.isEmpty())
        request.headers.append({ "X-Amz-Security-Token", signature.securityToken });
    request.headers.append({ "Authorization", signature.authorization });
    return request;
}

QByteArray assumeRoleForm(const QByteArray &session, const QByteArray &extra = {})
{
    return "Action=AssumeRole&RoleArn=" + kRole.toPercentEncoding() + "&RoleSessionName=" + session
        + extra + "&Version=2011-06-15";
}

QByteArray webIdentityForm(const QByteArray &token)
{
    return "Action=AssumeRoleWithWebIdentity&RoleArn=" + kRole.toPercentEncoding()
        + "&RoleSessionName=pod&WebIdentityToken=" + token + "&Version=2011-06-15";
}

QString codeOf(const HttpResponse &response)
{
    return aws::stsxml::parseError(response.body).code;
}

} // namespace

class TestStsOperations : public QObject {
    Q_OBJECT
private slots:
    void init();
    void assumeRole_issuesTemporaryKeys();
    void assumeRole_sameSession_sameKeyId();
    void issuedKeys_signLookoutAndS3_untilTheyExpire();
    void issuedKeys_canAssumeTheNextRole();
    void issuedKeys_withoutTheirToken_areRefused();
    void assumeRole_unsigned_isRefused();
    void webIdentity_unsigned_withAJwt();
    void webIdentity_malformedToken_isRefused();
    void invalidParameters_areValidationErrors_data();
    void invalidParameters_areValidationErrors();
    void deniedOperation_isAccessDenied();

private:
    HttpResponse send(const HttpRequest &request) { return m_service->handle(request); }
    aws::AwsCredentials assume(const QByteArray &form, const aws::AwsCredentials &signer);

    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<EmulatorService> m_service;
};

void TestStsOperations::init()
{
    m_clock = std::make_shared<ManualClock>(kStart);
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    config.deniedOperations = { QStringLiteral("AssumeRoleWithWebIdentity") };
    emulator::Fleet fleet = emulator::generateFleet(
        { 5, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000);
    m_service = std::make_unique<EmulatorService>(config, std::move(fleet), m_clock);
}

aws::AwsCredentials TestStsOperations::assume(
    const QByteArray &form, const aws::AwsCredentials &signer)
{
    const HttpResponse response = send(signedStsRequest(form, m_clock->now(), signer));
    const auto parsed = aws::stsxml::parseCredentials(response.body, QStringLiteral("AssumeRole"));
    if (const auto *problem = std::get_if<aws::stsxml::XmlProblem>(&parsed)) {
        qWarning().noquote() << response.status << problem->message << response.body;
        return {};
    }
    return std::get<aws::AwsCredentials>(parsed);
}

void TestStsOperations::assumeRole_issuesTemporaryKeys()
{
    const aws::AwsCredentials issued
        = assume(assumeRoleForm("s1", "&DurationSeconds=900"), emulatortest::demoCredentials());
    QVERIFY(issued.accessKeyId.startsWith(QLatin1String("ASIA")));
    QCOMPARE(issued.accessKeyId.size(), 20);
    QVERIFY(!issued.secretAccessKey.isEmpty());
    QVERIFY(!issued.sessionToken.isEmpty());
    QCOMPARE(*issued.expiration, kStart.addSecs(900));
    // The default duration is an hour.
    QCOMPARE(*assume(assumeRoleForm("s2"), emulatortest::demoCredentials()).expiration,
        kStart.addSecs(3600));
}

void TestStsOperations::assumeRole_sameSession_sameKeyId()
{
    const aws::AwsCredentials first
        = assume(assumeRoleForm("same"), emulatortest::demoCredentials());
    m_clock->advance(std::chrono::minutes(5));
    const aws::AwsCredentials second
        = assume(assumeRoleForm("same"), emulatortest::demoCredentials());
    QCOMPARE(second.accessKeyId, first.accessKeyId);
    QCOMPARE(*second.expiration, kStart.addSecs(3600 + 300));
    QVERIFY(assume(assumeRoleForm("other"), emulatortest::demoCredentials()).accessKeyId
        != first.accessKeyId);
}

void TestStsOperations::issuedKeys_signLookoutAndS3_untilTheyExpire()
{
    const aws::AwsCredentials issued
        = assume(assumeRoleForm("reader", "&DurationSeconds=900"), emulatortest::demoCredentials());
    QVERIFY(!issued.accessKeyId.isEmpty());
    QCOMPARE(
        send(emulatortest::signedRequest("ListInferenceSchedulers", "{}", m_clock->now(), issued))
            .status,
        200);
    QCOMPARE(send(emulatortest::signedS3Request("GET", "/", {}, m_clock->now(), {}, issued)).status,
        200);

    m_clock->advance(std::chrono::seconds(901));
    const HttpResponse lookout = send(
        emulatortest::signedRequest("ListInferenceSchedulers", "{}", m_clock->now(), issued));
    QCOMPARE(lookout.status, 400);
    QVERIFY2(lookout.body.contains("ExpiredTokenException"), lookout.body.constData());
    const HttpResponse s3
        = send(emulatortest::signedS3Request("GET", "/", {}, m_clock->now(), {}, issued));
    QCOMPARE(s3.status, 400);
    QVERIFY2(s3.body.contains("<Code>ExpiredToken</Code>"), s3.body.constData());
    const HttpResponse sts = send(signedStsRequest(assumeRoleForm("next"), m_clock->now(), issued));
    QCOMPARE(codeOf(sts), QStringLiteral("ExpiredToken"));
}

void TestStsOperations::issuedKeys_canAssumeTheNextRole()
{
    const aws::AwsCredentials first
        = assume(assumeRoleForm("hop1"), emulatortest::demoCredentials());
    const aws::AwsCredentials second = assume(assumeRoleForm("hop2"), first);
    QVERIFY(second.accessKeyId.startsWith(QLatin1String("ASIA")));
    QVERIFY(second.accessKeyId != first.accessKeyId);
}

void TestStsOperations::issuedKeys_withoutTheirToken_areRefused()
{
    aws::AwsCredentials issued = assume(assumeRoleForm("ss"), emulatortest::demoCredentials());
    issued.sessionToken.clear();
    const HttpResponse response = send(
        emulatortest::signedRequest("ListInferenceSchedulers", "{}", m_clock->now(), issued));
    QCOMPARE(response.status, 400);
    QVERIFY(response.body.contains("UnrecognizedClientException"));
}

void TestStsOperations::assumeRole_unsigned_isRefused()
{
    const HttpResponse response = send(stsRequest(assumeRoleForm("ss")));
    QCOMPARE(response.status, 400);
    QCOMPARE(codeOf(response), QStringLiteral("MissingAuthenticationToken"));
    const HttpResponse wrongKeys = send(signedStsRequest(assumeRoleForm("ss"), m_clock->now(),
        { QStringLiteral("AKIANOTKNOWN00000000"), QStringLiteral("secret"), {}, {}, {} }));
    QCOMPARE(wrongKeys.status, 403);
    QCOMPARE(codeOf(wrongKeys), QStringLiteral("InvalidClientTokenId"));
}

void TestStsOperations::webIdentity_unsigned_withAJwt()
{
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    EmulatorService service(config,
        emulator::generateFleet(
            { 5, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000),
        m_clock);
    const HttpResponse response = service.handle(stsRequest(webIdentityForm("eyJh.eyJz.c2ln")));
    QCOMPARE(response.status, 200);
    const auto parsed
        = aws::stsxml::parseCredentials(response.body, QStringLiteral("AssumeRoleWithWebIdentity"));
    QVERIFY(std::holds_alternative<aws::AwsCredentials>(parsed));
    QVERIFY(std::get<aws::AwsCredentials>(parsed).accessKeyId.startsWith(QLatin1String("ASIA")));
}

void TestStsOperations::webIdentity_malformedToken_isRefused()
{
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    EmulatorService service(config,
        emulator::generateFleet(
            { 5, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000),
        m_clock);
    const HttpResponse response = service.handle(stsRequest(webIdentityForm("not-a-jwt")));
    QCOMPARE(response.status, 400);
    QCOMPARE(codeOf(response), QStringLiteral("InvalidIdentityToken"));
}

void TestStsOperations::invalidParameters_areValidationErrors_data()
{
    QTest::addColumn<QByteArray>("form");
    QTest::addColumn<QString>("code");
    QTest::newRow("short duration")
        << assumeRoleForm("ss", "&DurationSeconds=60") << "ValidationError";
    QTest::newRow("long duration")
        << assumeRoleForm("ss", "&DurationSeconds=50000") << "ValidationError";
    QTest::newRow("bad session name") << assumeRoleForm("a%20b") << "ValidationError";
    QTest::newRow("bad role arn") << QByteArray(
        "Action=AssumeRole&RoleArn=role&RoleSessionName=ss&Version=2011-06-15")
                                  << "ValidationError";
    QTest::newRow("unknown action")
        << QByteArray("Action=GetCallerIdentity&Version=2011-06-15") << "InvalidAction";
    QTest::newRow("wrong version")
        << QByteArray("Action=AssumeRole&Version=2010") << "InvalidAction";
}

void TestStsOperations::invalidParameters_areValidationErrors()
{
    QFETCH(QByteArray, form);
    QFETCH(QString, code);
    const HttpResponse response
        = send(signedStsRequest(form, m_clock->now(), emulatortest::demoCredentials()));
    QCOMPARE(response.status, 400);
    QCOMPARE(codeOf(response), code);
}

void TestStsOperations::deniedOperation_isAccessDenied()
{
    const HttpResponse response = send(stsRequest(webIdentityForm("eyJh.eyJz.c2ln")));
    QCOMPARE(response.status, 403);
    QCOMPARE(codeOf(response), QStringLiteral("AccessDenied"));
    QVERIFY(aws::stsxml::parseError(response.body).message.contains(QString::fromLatin1(kRole)));
}

QTEST_GUILESS_MAIN(TestStsOperations)
#include "tst_stsoperations.moc"
