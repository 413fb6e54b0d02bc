// Which endpoints a call may go to, and the Host header, path and query it is sent (and signed)
// with.
#include "aws/configresolver.h"
#include "aws/endpointtarget.h"

#include <QtTest>

using aws::AwsError;

class TestEndpointTarget : public QObject {
    Q_OBJECT
private slots:
    void isLoopbackHost_data();
    void isLoopbackHost();
    void hostHeader_data();
    void hostHeader();
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void refusal_neverShowsUserInfo();
    void resolverAndClient_agreeOnLoopback_data();
    void resolverAndClient_agreeOnLoopback();
    void localhostName_connectsToTheAddressWithoutResolver_data();
    void localhostName_connectsToTheAddressWithoutResolver();
    void withoutUserInfo_data();
    void withoutUserInfo();
};

void TestEndpointTarget::isLoopbackHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost") << QStringLiteral("localhost") << true;
    QTest::newRow("LOCALHOST.") << QStringLiteral("LOCALHOST.") << true;
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.255.3.4") << QStringLiteral("127.255.3.4") << true;
    QTest::newRow("::1") << QStringLiteral("::1") << true;
    QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
    QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
    QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << false;
    QTest::newRow("::") << QStringLiteral("::") << false;
    QTest::newRow("localhost.example.com") << QStringLiteral("localhost.example.com") << false;
    QTest::newRow("127.0.0.1.nip.io") << QStringLiteral("127.0.0.1.nip.io") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestEndpointTarget::isLoopbackHost()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(aws::isLoopbackHost(host), loopback);
}

void TestEndpointTarget::hostHeader_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("aws") << QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com")
                         << QByteArray("lookoutequipment.eu-west-1.amazonaws.com");
    QTest::newRow("upper case") << QStringLiteral(
        "https://LookoutEquipment.EU-WEST-1.amazonaws.com/")
                                << QByteArray("lookoutequipment.eu-west-1.amazonaws.com");
    QTest::newRow("https 443 dropped")
        << QStringLiteral("https://example.com:443/") << QByteArray("example.com");
    QTest::newRow("http 80 dropped")
        << QStringLiteral("http://127.0.0.1:80/") << QByteArray("127.0.0.1");
    QTest::newRow("https on 80 kept")
        << QStringLiteral("https://example.com:80/") << QByteArray("example.com:80");
    QTest::newRow("port kept") << QStringLiteral("http://127.0.0.1:8443/")
                               << QByteArray("127.0.0.1:8443");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:9000/") << QByteArray("[::1]:9000");
    QTest::newRow("ipv6 default port")
        << QStringLiteral("https://[2001:DB8::1]/") << QByteArray("[2001:db8::1]");
    QTest::newRow("idn") << QStringLiteral("https://bücher.example/")
                         << QByteArray("xn--bcher-kva.example");
}

void TestEndpointTarget::hostHeader()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, host);
    QCOMPARE(aws::hostHeaderFor(QUrl(url)), host);
}

void TestEndpointTarget::accepted_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("aws, no path") << QStringLiteral(
        "https://lookoutequipment.us-east-1.amazonaws.com")
                                  << QStringLiteral(
                                         "https://lookoutequipment.us-east-1.amazonaws.com/")
                                  << QByteArray("lookoutequipment.us-east-1.amazonaws.com")
                                  << QByteArray("/") << QByteArray();
    QTest::newRow("explicit 443") << QStringLiteral("https://example.com:443")
                                  << QStringLiteral("https://example.com/")
                                  << QByteArray("example.com") << QByteArray("/") << QByteArray();
    QTest::newRow("http loopback")
        << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("http://127.0.0.1:8080/")
        << QByteArray("127.0.0.1:8080") << QByteArray("/") << QByteArray();
    QTest::newRow("http localhost")
        << QStringLiteral("HTTP://LocalHost:9/lookout/")
        << QStringLiteral("http://localhost:9/lookout/") << QByteArray("localhost:9")
        << QByteArray("/lookout/") << QByteArray();
    QTest::newRow("http ipv6 loopback")
        << QStringLiteral("http://[::1]:5000") << QStringLiteral("http://[::1]:5000/")
        << QByteArray("[::1]:5000") << QByteArray("/") << QByteArray();
    QTest::newRow("user info and fragment dropped")
        << QStringLiteral("https://me:pw@example.com/a%20b?x=1#top")
        << QStringLiteral("https://example.com/a%20b?x=1") << QByteArray("example.com")
        << QByteArray("/a%20b") << QByteArray("x=1");
}

void TestEndpointTarget::accepted()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, url);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    const auto target = aws::checkEndpoint(QUrl(endpoint));
    QVERIFY2(target.ok(), qPrintable(target.ok() ? QString() : target.error().message));
    QCOMPARE(target.value().url.toString(QUrl::FullyEncoded), url);
    QCOMPARE(target.value().hostHeader, host);
    QCOMPARE(target.value().path, path);
    QCOMPARE(target.value().query, query);
}

void TestEndpointTarget::refused_data()
{
    QTest::addColumn<QUrl>("endpoint");
    QTest::addColumn<QString>("says");
    QTest::newRow("plain http, remote")
        << QUrl(QStringLiteral("http://example.com"))
        << QStringLiteral("Invalid endpoint URL \"http://example.com\": plain http:// is refused "
                          "for \"example.com\" because it is not a loopback host (127.0.0.0/8, "
                          "::1, localhost); use https://");
    QTest::newRow("plain http, private address")
        << QUrl(QStringLiteral("http://10.1.2.3:8080/")) << QStringLiteral("not a loopback host");
    QTest::newRow("plain http, any address")
        << QUrl(QStringLiteral("http://0.0.0.0:8080/")) << QStringLiteral("not a loopback host");
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/"))
                         << QStringLiteral("the scheme must be https://");
    QTest::newRow("no scheme") << QUrl(QStringLiteral("lookoutequipment.eu-west-1.amazonaws.com"))
                               << QStringLiteral("the scheme must be https://");
    QTest::newRow("no host") << QUrl(QStringLiteral("https:///path"))
                             << QStringLiteral("it names no host");
    QTest::newRow("empty") << QUrl() << QStringLiteral("no endpoint is set");
    QTest::newRow("invalid") << QUrl(QStringLiteral("https://exa mple.com/"))
                             << QStringLiteral("Invalid endpoint URL");
}

void TestEndpointTarget::refused()
{
    QFETCH(QUrl, endpoint);
    QFETCH(QString, says);
    const auto target = aws::checkEndpoint(endpoint);
    QVERIFY(!target.ok());
    QCOMPARE(target.error().kind, AwsError::Kind::Configuration);
    QCOMPARE(target.error().exitCode(), 253);
    QVERIFY2(target.error().message.contains(says), qPrintable(target.error().message));
    QCOMPARE(target.error().toString(), target.error().message);
}

void TestEndpointTarget::refusal_neverShowsUserInfo()
{
    const auto target
        = aws::checkEndpoint(QUrl(QStringLiteral("http://AKID:secretkey@example.com/")));
    QVERIFY(!target.ok());
    QVERIFY(!target.error().message.contains(QStringLiteral("secretkey")));
    QVERIFY(!target.error().toString().contains(QStringLiteral("secretkey")));
}

void TestEndpointTarget::resolverAndClient_agreeOnLoopback_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost") << QStringLiteral("localhost") << true;
    QTest::newRow("LocalHost") << QStringLiteral("LocalHost") << true;
    QTest::newRow("localhost.") << QStringLiteral("localhost.") << true;
    QTest::newRow("LOCALHOST.") << QStringLiteral("LOCALHOST.") << true;
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.1.2.3") << QStringLiteral("127.1.2.3") << true;
    QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
    QTest::newRow("localhost..") << QStringLiteral("localhost..") << false;
    QTest::newRow("localhost.example.com") << QStringLiteral("localhost.example.com") << false;
    QTest::newRow("my.localhost") << QStringLiteral("my.localhost") << false;
    QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
    QTest::newRow("[::]") << QStringLiteral("[::]") << false;
}

// The endpoint a profile or --endpoint-url names is checked twice: when the configuration is
// resolved and again before the client sends. One rule decides both, so what the first lets
// through the second never refuses, and the reverse.
void TestEndpointTarget::resolverAndClient_agreeOnLoopback()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    const QString url = QStringLiteral("http://%1:8080/").arg(host);
    const auto resolved = aws::parseEndpointUrl(url, QStringLiteral("--endpoint-url"));
    QVERIFY2(resolved.ok() == loopback,
        qPrintable(resolved.ok() ? QStringLiteral("accepted") : resolved.error().message));
    const auto target = aws::checkEndpoint(QUrl(url));
    QVERIFY2(target.ok() == loopback,
        qPrintable(target.ok() ? QStringLiteral("accepted") : target.error().message));
}

void TestEndpointTarget::localhostName_connectsToTheAddressWithoutResolver_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("connectUrl");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QString>("peerVerifyName");
    QTest::newRow("http localhost")
        << QStringLiteral("http://LocalHost:9/lookout/")
        << QStringLiteral("http://127.0.0.1:9/lookout/") << QByteArray("localhost:9") << QString();
    QTest::newRow("http localhost.")
        << QStringLiteral("http://localhost.:9") << QStringLiteral("http://127.0.0.1:9/")
        << QByteArray("localhost.:9") << QString();
    QTest::newRow("https localhost")
        << QStringLiteral("https://localhost:8443") << QStringLiteral("https://127.0.0.1:8443/")
        << QByteArray("localhost:8443") << QStringLiteral("localhost");
    QTest::newRow("address kept") << QStringLiteral("http://127.0.0.2:9")
                                  << QStringLiteral("http://127.0.0.2:9/")
                                  << QByteArray("127.0.0.2:9") << QString();
    QTest::newRow("ipv6 kept") << QStringLiteral("http://[::1]:9")
                               << QStringLiteral("http://[::1]:9/") << QByteArray("[::1]:9")
                               << QString();
    QTest::newRow("remote name kept")
        << QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com")
        << QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com/")
        << QByteArray("lookoutequipment.eu-west-1.amazonaws.com") << QString();
}

// "localhost" is the loopback address by definition (RFC 6761): the client connects to 127.0.0.1
// without asking a resolver, and keeps the name in the Host header and for the certificate.
void TestEndpointTarget::localhostName_connectsToTheAddressWithoutResolver()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, connectUrl);
    QFETCH(QByteArray, host);
    QFETCH(QString, peerVerifyName);
    const auto target = aws::checkEndpoint(QUrl(endpoint));
    QVERIFY2(target.ok(), qPrintable(target.ok() ? QString() : target.error().message));
    QCOMPARE(target.value().connectUrl.toString(QUrl::FullyEncoded), connectUrl);
    QCOMPARE(target.value().hostHeader, host);
    QCOMPARE(target.value().peerVerifyName, peerVerifyName);
}

void TestEndpointTarget::withoutUserInfo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("none") << QStringLiteral("https://h.example:1/a@b")
                          << QStringLiteral("https://h.example:1/a@b");
    QTest::newRow("user and password")
        << QStringLiteral("https://me:pw@h.example/x") << QStringLiteral("https://h.example/x");
    QTest::newRow("@ in the password") << QStringLiteral("http://me:p@w@127.0.0.1:1?q=@")
                                       << QStringLiteral("http://127.0.0.1:1?q=@");
    QTest::newRow("invalid URL") << QStringLiteral("https://me:pw@h ex ample")
                                 << QStringLiteral("https://h ex ample");
    QTest::newRow("no scheme") << QStringLiteral("me:pw@host/x") << QStringLiteral("host/x");
    QTest::newRow("empty") << QString() << QString();
}

void TestEndpointTarget::withoutUserInfo()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(aws::withoutUserInfo(text), shown);
    // The same for a parsed URL, wherever one parses ("me:pw@host/x" is scheme "me" to QUrl).
    const QUrl url(text, QUrl::StrictMode);
    if (text.contains(QStringLiteral("://")) && url.isValid())
        QCOMPARE(aws::withoutUserInfo(url), shown);
}

QTEST_GUILESS_MAIN(TestEndpointTarget)
#include "tst_endpointtarget.moc"
