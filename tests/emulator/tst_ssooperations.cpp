// The emulator's IAM Identity Center, without sockets on a hand-driven clock: RegisterClient,
// the device authorization (pending, slow_down, approved, denied, expired), refresh tokens, the
// portal's GetRoleCredentials and its bearer-token check, and the issued keys working, until they
// expire, for Lookout and S3 calls signed with them.
#include "emulator/emulatorservice.h"
#include "emulator/fleetgenerator.h"
#include "emulator/temporarycredentials.h"
#include "signedrequests.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using core::ManualClock;
using emulator::EmulatorService;
using emulator::HttpRequest;
using emulator::HttpResponse;

namespace {

const QDateTime kStart(QDate(2026, 3, 4), QTime(10, 0, 0), Qt::UTC);

struct Reply {
    HttpResponse response;
    QJsonObject json;

    int status() const { return response.status; }
    QByteArray header(QByteArrayView name) const
    {
        return emulator::headerValue(response.headers, name);
    }
    QString text(const char *key) const { return json.value(QLatin1String(key)).toString(); }
};

struct Registration {
    QString clientId;
    QString clientSecret;
};

// CreateToken's input polling for the device code of `authorization`.
QJsonObject devicePoll(const Registration &client, const Reply &authorization)
{
    return { { QStringLiteral("clientId"), client.clientId },
        { QStringLiteral("clientSecret"), client.clientSecret },
        { QStringLiteral("grantType"),
            QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
        { QStringLiteral("deviceCode"), authorization.text("deviceCode") } };
}

} // namespace

class TestSsoOperations : public QObject {
    Q_OBJECT
private slots:
    void init();

    void registerClient_givesASecretValidFor90Days();
    void deviceFlow_pendingThenSlowDownThenApproved();
    void deviceFlow_denied_isAccessDenied();
    void deviceFlow_expired_isExpiredToken();
    void deviceFlow_wrongClientSecret_isInvalidClient();
    void refreshToken_givesANewToken_once();
    void portal_unknownOrExpiredToken_isUnauthorized();
    void portal_givesKeysThatSignLookoutAndS3Calls_untilTheyExpire();
    void s3BucketNamedFederation_stillGoesToS3();
    void issuedCredentials_stayBounded();

private:
    Reply send(const HttpRequest &request);
    Reply oidc(const QByteArray &path, const QJsonObject &input);
    Reply get(const QByteArray &path, const QByteArray &query, const QByteArray &bearer = {});
    Registration registerClient();
    // StartDeviceAuthorization for the client at the emulator's start URL.
    Reply authorize(const Registration &client);
    // A device authorization approved through the emulator-only URL; its access token's reply.
    Reply signIn(const Registration &client);

    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<EmulatorService> m_service;
};

void TestSsoOperations::init()
{
    m_clock = std::make_shared<ManualClock>(kStart);
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    emulator::Fleet fleet = emulator::generateFleet(
        { 5, 42, QStringLiteral("us-east-1") }, kStart.toMSecsSinceEpoch() * 1000);
    m_service = std::make_unique<EmulatorService>(config, std::move(fleet), m_clock);
}

Reply TestSsoOperations::send(const HttpRequest &request)
{
    Reply reply;
    reply.response = m_service->handle(request);
    reply.json = QJsonDocument::fromJson(reply.response.body).object();
    return reply;
}

Reply TestSsoOperations::oidc(const QByteArray &path, const QJsonObject &input)
{
    HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.headers = { { "Host", emulatortest::kHost }, { "Content-Type", "application/json" } };
    request.body = QJsonDocument(input).toJson(QJsonDocument::Compact);
    return send(request);
}

Reply TestSsoOperations::get(
    const QByteArray &path, const QByteArray &query, const QByteArray &bearer)
{
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    request.query = query;
    request.headers = { { "Host", emulatortest::kHost } };
    if (!bearer.isEmpty())
        request.headers.append({ "x-amz-sso_bearer_token", bearer });
    return send(request);
}

Registration TestSsoOperations::registerClient()
{
    const Reply reply = oidc("/client/register",
        { { QStringLiteral("clientName"), QStringLiteral("test") },
            { QStringLiteral("clientType"), QStringLiteral("public") } });
    return { reply.text("clientId"), reply.text("clientSecret") };
}

Reply TestSsoOperations::authorize(const Registration &client)
{
    return oidc("/device_authorization",
        { { QStringLiteral("clientId"), client.clientId },
            { QStringLiteral("clientSecret"), client.clientSecret },
            { QStringLiteral("startUrl"), QStringLiteral("https://corp.awsapps.com/start") } });
}

Reply TestSsoOperations::signIn(const Registration &client)
{
    const Reply authorization = authorize(client);
    get("/_emulator/sso/approve", "user_code=" + authorization.text("userCode").toUtf8());
    return oidc("/token", devicePoll(client, authorization));
}

void TestSsoOperations::registerClient_givesASecretValidFor90Days()
{
    const Reply reply = oidc("/client/register",
        { { QStringLiteral("clientName"), QStringLiteral("lookout-desk") },
            { QStringLiteral("clientType"), QStringLiteral("public") } });
    QCOMPARE(reply.status(), 200);
    QVERIFY(!reply.text("clientId").isEmpty());
    QVERIFY(!reply.text("clientSecret").isEmpty());
    QCOMPARE(qint64(reply.json.value(QLatin1String("clientSecretExpiresAt")).toDouble()),
        kStart.toSecsSinceEpoch() + 90 * 24 * 3600);
    QVERIFY(!reply.header("x-amzn-RequestId").isEmpty());

    const Reply refused = oidc("/client/register", { { QStringLiteral("clientType"), 1 } });
    QCOMPARE(refused.status(), 400);
    QCOMPARE(refused.header("X-Amzn-ErrorType"), QByteArray("InvalidRequestException"));
}

void TestSsoOperations::deviceFlow_pendingThenSlowDownThenApproved()
{
    const Registration client = registerClient();
    const Reply authorization = authorize(client);
    QCOMPARE(authorization.status(), 200);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Z]{4}-[A-Z]{4}$"))
                .match(authorization.text("userCode"))
                .hasMatch());
    QCOMPARE(authorization.text("verificationUri"),
        QStringLiteral("http://127.0.0.1:4566/_emulator/sso/device"));
    QCOMPARE(authorization.json.value(QLatin1String("interval")).toInt(), 1);
    QCOMPARE(authorization.json.value(QLatin1String("expiresIn")).toInt(), 600);
    const QJsonObject poll = devicePoll(client, authorization);

    const Reply pending = oidc("/token", poll);
    QCOMPARE(pending.status(), 400);
    QCOMPARE(pending.header("X-Amzn-ErrorType"), QByteArray("AuthorizationPendingException"));
    QCOMPARE(pending.text("error"), QStringLiteral("authorization_pending"));

    // Sooner than the interval: slow down, and the interval grows by 5 s.
    const Reply slowDown = oidc("/token", poll);
    QCOMPARE(slowDown.header("X-Amzn-ErrorType"), QByteArray("SlowDownException"));
    QCOMPARE(slowDown.text("error"), QStringLiteral("slow_down"));
    m_clock->advance(std::chrono::seconds(2));
    QCOMPARE(oidc("/token", poll).text("error"), QStringLiteral("slow_down"));
    m_clock->advance(std::chrono::seconds(11));
    QCOMPARE(oidc("/token", poll).text("error"), QStringLiteral("authorization_pending"));

    const Reply device = get("/_emulator/sso/device", "user_code=X");
    QCOMPARE(device.status(), 200);
    QVERIFY(device.response.body.contains("/_emulator/sso/approve?user_code="));
    QCOMPARE(get("/_emulator/sso/approve", "user_code=NOPE-NOPE").status(), 404);
    QCOMPARE(get("/_emulator/sso/approve", "user_code=" + authorization.text("userCode").toUtf8())
                 .status(),
        200);
    const Reply token = oidc("/token", poll);
    QCOMPARE(token.status(), 200);
    QVERIFY(!token.text("accessToken").isEmpty());
    QVERIFY(!token.text("refreshToken").isEmpty());
    QCOMPARE(token.text("tokenType"), QStringLiteral("Bearer"));
    QCOMPARE(token.json.value(QLatin1String("expiresIn")).toInt(), 8 * 3600);
    // The device code is used up.
    QCOMPARE(oidc("/token", poll).header("X-Amzn-ErrorType"), QByteArray("InvalidGrantException"));
}

void TestSsoOperations::deviceFlow_denied_isAccessDenied()
{
    const Registration client = registerClient();
    const Reply authorization = authorize(client);
    QCOMPARE(
        get("/_emulator/sso/deny", "user_code=" + authorization.text("userCode").toUtf8()).status(),
        200);
    const Reply token = oidc("/token", devicePoll(client, authorization));
    QCOMPARE(token.header("X-Amzn-ErrorType"), QByteArray("AccessDeniedException"));
    QCOMPARE(token.text("error"), QStringLiteral("access_denied"));
}

void TestSsoOperations::deviceFlow_expired_isExpiredToken()
{
    const Registration client = registerClient();
    const Reply authorization = authorize(client);
    get("/_emulator/sso/approve", "user_code=" + authorization.text("userCode").toUtf8());
    m_clock->advance(std::chrono::seconds(600));
    const Reply token = oidc("/token", devicePoll(client, authorization));
    QCOMPARE(token.header("X-Amzn-ErrorType"), QByteArray("ExpiredTokenException"));
    QCOMPARE(token.text("error"), QStringLiteral("expired_token"));
}

void TestSsoOperations::deviceFlow_wrongClientSecret_isInvalidClient()
{
    const Registration client = registerClient();
    const Reply authorization = authorize({ client.clientId, QStringLiteral("wrong") });
    QCOMPARE(authorization.status(), 401);
    QCOMPARE(authorization.header("X-Amzn-ErrorType"), QByteArray("InvalidClientException"));
}

void TestSsoOperations::refreshToken_givesANewToken_once()
{
    const Registration client = registerClient();
    const Reply first = signIn(client);
    QCOMPARE(first.status(), 200);
    const QJsonObject refresh { { QStringLiteral("clientId"), client.clientId },
        { QStringLiteral("clientSecret"), client.clientSecret },
        { QStringLiteral("grantType"), QStringLiteral("refresh_token") },
        { QStringLiteral("refreshToken"), first.text("refreshToken") } };
    const Reply second = oidc("/token", refresh);
    QCOMPARE(second.status(), 200);
    QVERIFY(second.text("accessToken") != first.text("accessToken"));
    QCOMPARE(
        oidc("/token", refresh).header("X-Amzn-ErrorType"), QByteArray("InvalidGrantException"));
    // Both access tokens work at the portal.
    for (const Reply *token : { &first, &second })
        QCOMPARE(get("/federation/credentials", "account_id=1&role_name=R",
                     token->text("accessToken").toUtf8())
                     .status(),
            200);
}

void TestSsoOperations::portal_unknownOrExpiredToken_isUnauthorized()
{
    const Reply unknown = get("/federation/credentials", "account_id=1&role_name=R", "forged");
    QCOMPARE(unknown.status(), 401);
    QCOMPARE(unknown.header("X-Amzn-ErrorType"), QByteArray("UnauthorizedException"));
    QCOMPARE(unknown.text("message"), QStringLiteral("Session token not found or invalid"));
    QCOMPARE(get("/federation/credentials", "account_id=1&role_name=R").status(), 401);

    const Reply token = signIn(registerClient());
    const QByteArray accessToken = token.text("accessToken").toUtf8();
    QCOMPARE(get("/federation/credentials", "role_name=R", accessToken).status(), 400);
    m_clock->advance(std::chrono::hours(8));
    QCOMPARE(get("/federation/credentials", "account_id=1&role_name=R", accessToken).status(), 401);
}

void TestSsoOperations::portal_givesKeysThatSignLookoutAndS3Calls_untilTheyExpire()
{
    const Reply token = signIn(registerClient());
    const Reply answer = get("/federation/credentials",
        "account_id=111122223333&role_name=ReadOnly", token.text("accessToken").toUtf8());
    QCOMPARE(answer.status(), 200);
    const QJsonObject role = answer.json.value(QLatin1String("roleCredentials")).toObject();
    aws::AwsCredentials issued;
    issued.accessKeyId = role.value(QLatin1String("accessKeyId")).toString();
    issued.secretAccessKey = role.value(QLatin1String("secretAccessKey")).toString();
    issued.sessionToken = role.value(QLatin1String("sessionToken")).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^ASIA[A-Z2-7]{16}$"))
                .match(issued.accessKeyId)
                .hasMatch());
    QCOMPARE(qint64(role.value(QLatin1String("expiration")).toDouble()),
        kStart.addSecs(3600).toMSecsSinceEpoch());

    QCOMPARE(
        send(emulatortest::signedRequest("ListInferenceSchedulers", "{}", m_clock->now(), issued))
            .status(),
        200);
    QCOMPARE(
        send(emulatortest::signedS3Request("GET", "/", {}, m_clock->now(), {}, issued)).status(),
        200);
    // Without the session token, or with another secret, they are refused.
    aws::AwsCredentials noToken = issued;
    noToken.sessionToken.clear();
    QCOMPARE(
        send(emulatortest::signedRequest("ListInferenceSchedulers", "{}", m_clock->now(), noToken))
            .status(),
        400);
    aws::AwsCredentials wrongSecret = issued;
    wrongSecret.secretAccessKey = QStringLiteral("x") + issued.secretAccessKey;
    QCOMPARE(send(emulatortest::signedRequest(
                      "ListInferenceSchedulers", "{}", m_clock->now(), wrongSecret))
                 .status(),
        400);
    m_clock->advance(std::chrono::seconds(3600));
    const Reply expired = send(
        emulatortest::signedRequest("ListInferenceSchedulers", "{}", m_clock->now(), issued));
    QCOMPARE(expired.status(), 400);
    // As for keys from STS: the front end knows them and says they expired.
    QCOMPARE(expired.json.value(QLatin1String("__type")).toString(),
        QStringLiteral("ExpiredTokenException"));
}

void TestSsoOperations::s3BucketNamedFederation_stillGoesToS3()
{
    const Reply reply
        = send(emulatortest::signedS3Request("GET", "/federation/credentials", {}, m_clock->now()));
    QCOMPARE(reply.header("Server"), QByteArray("AmazonS3"));
}

void TestSsoOperations::issuedCredentials_stayBounded()
{
    emulator::TemporaryCredentials issued("emulator secret");
    const aws::AwsCredentials expiring = issued.issue(
        QStringLiteral("arn:aws:iam::1:role/R"), QStringLiteral("short"), kStart, 10);
    QVERIFY(issued.find(expiring.accessKeyId.toLatin1()));
    aws::AwsCredentials first;
    for (qsizetype i = 0; i <= emulator::TemporaryCredentials::kMaxIssued; ++i) {
        const aws::AwsCredentials credentials
            = issued.issue(QStringLiteral("arn:aws:iam::1:role/R"), QString::number(i),
                kStart.addSecs(20), int(3600 + i));
        if (i == 0)
            first = credentials;
    }
    QCOMPARE(issued.size(), emulator::TemporaryCredentials::kMaxIssued);
    // The expired one made room first, then the one that would have expired first.
    QVERIFY(!issued.find(expiring.accessKeyId.toLatin1()));
    QVERIFY(!issued.find(first.accessKeyId.toLatin1()));
}

QTEST_GUILESS_MAIN(TestSsoOperations)
#include "tst_ssooperations.moc"
