// Where S3 requests go: virtual-hosted or path style as botocore chooses, and keys in the path
// URI-encoded once with their slashes, never normalised.
#include "aws/s3addressing.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using aws::s3::AddressingStyle;

Q_DECLARE_METATYPE(aws::s3::AddressingStyle)

class TestS3Addressing : public QObject {
    Q_OBJECT

private slots:
    void style_isReadAsBotocoreReadsIt()
    {
        QCOMPARE(aws::s3::addressingStyleFromText(u"path"_s), AddressingStyle::Path);
        QCOMPARE(aws::s3::addressingStyleFromText(u" Virtual "_s), AddressingStyle::Virtual);
        QCOMPARE(aws::s3::addressingStyleFromText(u"auto"_s), AddressingStyle::Auto);
        QVERIFY(!aws::s3::addressingStyleFromText(u"hosted"_s));
    }

    void dnsCompatibleBuckets()
    {
        for (const char *name : { "results", "lookout-results-eu", "a.b.c", "123" })
            QVERIFY2(aws::s3::isDnsCompatibleBucket(QString::fromLatin1(name)), name);
        for (const char *name : { "ab", "Results", "under_score", "-lead", "trail-", "a..b", "a.-b",
                 "192.168.1.1", "" })
            QVERIFY2(!aws::s3::isDnsCompatibleBucket(QString::fromLatin1(name)), name);
    }

    void pathOrVirtual_data()
    {
        QTest::addColumn<AddressingStyle>("style");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<bool>("pathStyle");
        const QString aws = u"https://s3.eu-west-1.amazonaws.com"_s;
        QTest::newRow("default") << AddressingStyle::Auto << aws << u"results"_s << false;
        QTest::newRow("asked for path") << AddressingStyle::Path << aws << u"results"_s << true;
        QTest::newRow("dots under https")
            << AddressingStyle::Auto << aws << u"my.results"_s << true;
        QTest::newRow("dots under https, virtual asked for")
            << AddressingStyle::Virtual << aws << u"my.results"_s << false;
        QTest::newRow("dots under http")
            << AddressingStyle::Auto << u"http://localhost:9000"_s << u"my.results"_s << true;
        QTest::newRow("not DNS compatible")
            << AddressingStyle::Virtual << aws << u"My_Results"_s << true;
        QTest::newRow("IPv4 endpoint")
            << AddressingStyle::Virtual << u"https://10.0.0.5"_s << u"results"_s << true;
        QTest::newRow("IPv6 endpoint")
            << AddressingStyle::Auto << u"http://[::1]:9000"_s << u"results"_s << true;
        QTest::newRow("localhost")
            << AddressingStyle::Auto << u"http://localhost:9000"_s << u"results"_s << true;
        QTest::newRow("named endpoint")
            << AddressingStyle::Auto << u"https://minio.example.org"_s << u"results"_s << false;
    }

    void pathOrVirtual()
    {
        QFETCH(AddressingStyle, style);
        QFETCH(QString, endpoint);
        QFETCH(QString, bucket);
        QFETCH(bool, pathStyle);
        QCOMPARE(aws::s3::usesPathStyle(style, QUrl(endpoint), bucket), pathStyle);
    }

    void target_virtualHosted()
    {
        const auto target = aws::s3::requestTarget(QUrl(u"https://s3.eu-west-1.amazonaws.com"_s),
            AddressingStyle::Auto, u"results"_s, u"out/a b/results.jsonl"_s);
        QVERIFY(target.ok());
        QCOMPARE(target.value().hostHeader, QByteArray("results.s3.eu-west-1.amazonaws.com"));
        QCOMPARE(target.value().path, QByteArray("/out/a%20b/results.jsonl"));
        QCOMPARE(target.value().connectUrl.toEncoded(),
            QByteArray("https://results.s3.eu-west-1.amazonaws.com/out/a%20b/results.jsonl"));
    }

    void target_pathStyleWithAwkwardKey()
    {
        const auto target = aws::s3::requestTarget(QUrl(u"http://localhost:9000"_s),
            AddressingStyle::Auto, u"results"_s, u"out/a b+c%d/é//x./y../results.jsonl"_s,
            { { "x-id", "GetObject" } });
        QVERIFY(target.ok());
        QCOMPARE(target.value().hostHeader, QByteArray("localhost:9000"));
        const QByteArray path = "/results/out/a%20b%2Bc%25d/%C3%A9//x./y../results.jsonl";
        QCOMPARE(target.value().path, path);
        QCOMPARE(target.value().query, QByteArray("x-id=GetObject"));
        // What goes on the request line is what was signed: QUrl changes nothing.
        QCOMPARE(target.value().connectUrl.toEncoded(),
            QByteArray("http://127.0.0.1:9000") + path + "?x-id=GetObject");
    }

    void target_bucketItselfAndEndpointPath()
    {
        const auto pathStyle = aws::s3::requestTarget(QUrl(u"http://127.0.0.1:9000/base/"_s),
            AddressingStyle::Path, u"results"_s, QString(), { { "prefix", "out/ a" } });
        QVERIFY(pathStyle.ok());
        QCOMPARE(pathStyle.value().path, QByteArray("/base/results"));
        QCOMPARE(pathStyle.value().query, QByteArray("prefix=out%2F%20a"));
        const auto virtualHosted = aws::s3::requestTarget(
            QUrl(u"https://s3.amazonaws.com"_s), AddressingStyle::Auto, u"results"_s, QString());
        QCOMPARE(virtualHosted.value().path, QByteArray("/"));
    }

    void target_refusals()
    {
        const auto empty = aws::s3::requestTarget(
            QUrl(u"https://s3.amazonaws.com"_s), AddressingStyle::Auto, QString(), u"k"_s);
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().kind, aws::AwsError::Kind::InvalidParameter);
        const auto plainHttp = aws::s3::requestTarget(
            QUrl(u"http://s3.example.org"_s), AddressingStyle::Path, u"results"_s, u"k"_s);
        QVERIFY(!plainHttp.ok());
        QCOMPARE(plainHttp.error().kind, aws::AwsError::Kind::Configuration);
    }
};

QTEST_APPLESS_MAIN(TestS3Addressing)
#include "tst_s3addressing.moc"
