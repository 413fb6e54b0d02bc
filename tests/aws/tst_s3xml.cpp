// The S3 XML reader: ListObjectsV2 pages (fields, url-encoded keys, unknown elements, the end of
// a listing) and <Error> documents, and what it refuses: malformed XML, a document type
// declaration, another root, a truncated page without a token, a size that is not a number,
// oversized documents.
#include "aws/s3xml.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using aws::s3xml::ListPage;
using aws::s3xml::XmlProblem;

namespace {

const QByteArray kPage
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\n"
      "  <Name>results</Name><Prefix>out/</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>\n"
      "  <IsTruncated>true</IsTruncated>\n"
      "  <Contents>\n"
      "    <Key>out/2026-11-28T11:55:00Z/results.jsonl</Key>\n"
      "    <LastModified>2026-11-28T12:00:01.000Z</LastModified>\n"
      "    <ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag>\n"
      "    <ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm>\n"
      "    <Size>4096</Size><StorageClass>STANDARD</StorageClass>\n"
      "    <Owner><ID>abc</ID><Key>not the key</Key></Owner>\n"
      "  </Contents>\n"
      "  <Contents><Key>out/readme.txt</Key><Size>0</Size></Contents>\n"
      "  "
      "<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</"
      "NextContinuationToken>\n"
      "  <FutureElement><Nested>ignored</Nested></FutureElement>\n"
      "</ListBucketResult>";

ListPage page(const QByteArray &document)
{
    auto parsed = aws::s3xml::parseListObjectsV2(document);
    if (const XmlProblem *problem = std::get_if<XmlProblem>(&parsed))
        qFatal("refused: %s", qPrintable(problem->message));
    return std::get<ListPage>(parsed);
}

QString problemOf(const QByteArray &document)
{
    auto parsed = aws::s3xml::parseListObjectsV2(document);
    const XmlProblem *problem = std::get_if<XmlProblem>(&parsed);
    return problem ? problem->message : QString();
}

} // namespace

class TestS3Xml : public QObject {
    Q_OBJECT

private slots:
    void list_readsEveryField()
    {
        const ListPage listed = page(kPage);
        QCOMPARE(listed.objects.size(), 2);
        QVERIFY(listed.isTruncated);
        QCOMPARE(listed.nextContinuationToken, u"1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="_s);
        QCOMPARE(listed.keyCount, 2);
        const aws::s3xml::ListedObject &first = listed.objects.first();
        QCOMPARE(first.key, u"out/2026-11-28T11:55:00Z/results.jsonl"_s);
        QCOMPARE(first.size, 4096);
        QCOMPARE(first.etag, QByteArray("\"0123456789abcdef0123456789abcdef\""));
        QCOMPARE(
            first.lastModified, QDateTime(QDate(2026, 11, 28), QTime(12, 0, 1), QTimeZone::utc()));
        QCOMPARE(listed.objects[1].key, u"out/readme.txt"_s);
        QVERIFY(!listed.objects[1].lastModified.isValid());
    }

    void list_decodesUrlEncodedKeysOnlyWhenThePageSaysSo()
    {
        const QByteArray encoded = "<ListBucketResult><EncodingType>url</EncodingType>"
                                   "<Contents><Key>out/a+b%2Bc%25d/%C3%A9//results.jsonl</Key>"
                                   "<Size>1</Size></Contents></ListBucketResult>";
        QCOMPARE(page(encoded).objects.first().key, u"out/a b+c%d/é//results.jsonl"_s);
        const QByteArray raw = "<ListBucketResult><Contents><Key>out/a+b%2B</Key><Size>1</Size>"
                               "</Contents></ListBucketResult>";
        QCOMPARE(page(raw).objects.first().key, u"out/a+b%2B"_s);
    }

    void list_lastPageAndEmptyPage()
    {
        const ListPage last = page("<ListBucketResult><IsTruncated>false</IsTruncated>"
                                   "</ListBucketResult>");
        QVERIFY(!last.isTruncated);
        QVERIFY(last.objects.isEmpty());
        QCOMPARE(last.keyCount, -1);
    }

    void list_refusesWhatIsNotAListing_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << QByteArray() << u"the listing is empty, not XML"_s;
        QTest::newRow("html") << QByteArray("<html><body>Gateway</body></html>")
                              << u"expected a <ListBucketResult>, found <html>"_s;
        QTest::newRow("cut short")
            << QByteArray("<ListBucketResult><Contents><Key>a</Key>") << u"line 1"_s;
        QTest::newRow("not XML") << QByteArray("{\"Contents\": []}") << u"line 1, column 1"_s;
        QTest::newRow("doctype") << QByteArray(
            "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
            "<ListBucketResult><Prefix>&b;</Prefix></ListBucketResult>")
                                 << u"a document type declaration, which S3 never sends"_s;
        QTest::newRow("undeclared entity")
            << QByteArray("<ListBucketResult><Prefix>&x;</Prefix></ListBucketResult>")
            << u"line 1"_s;
        QTest::newRow("two roots")
            << QByteArray("<ListBucketResult/><ListBucketResult/>") << u"line 1"_s;
        QTest::newRow("no key") << QByteArray("<ListBucketResult><Contents><Size>1</Size>"
                                              "</Contents></ListBucketResult>")
                                << u"an object (<Contents>) has no <Key>"_s;
        QTest::newRow("no size") << QByteArray("<ListBucketResult><Contents><Key>k</Key>"
                                               "</Contents></ListBucketResult>")
                                 << u"the object \"k\" has no <Size>"_s;
        QTest::newRow("size not a number") << QByteArray(
            "<ListBucketResult><Contents><Key>k</Key><Size>-1</Size></Contents>"
            "</ListBucketResult>") << u"the <Size> of an object is \"-1\", not a number of bytes"_s;
        QTest::newRow("truncated without token")
            << QByteArray("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")
            << u"the page says more keys follow (<IsTruncated>true) but gives no "
               "<NextContinuationToken>"_s;
        QTest::newRow("truncated neither true nor false")
            << QByteArray("<ListBucketResult><IsTruncated>maybe</IsTruncated></ListBucketResult>")
            << u"<IsTruncated> is \"maybe\", not true or false"_s;
        QTest::newRow("oversized")
            << QByteArray(aws::s3xml::kMaxS3XmlBytes + 1, ' ') << u"more than the 8 MiB"_s;
    }

    void list_refusesWhatIsNotAListing()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, problem);
        const QString found = problemOf(document);
        QVERIFY2(found.contains(problem), qPrintable(found));
    }

    void error_readsCodeMessageAndRegion()
    {
        const aws::s3xml::ErrorDocument error = aws::s3xml::parseErrorDocument(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<Error><Code>AuthorizationHeaderMalformed</Code><Message>the region 'us-east-1' is "
            "wrong; expecting "
            "'eu-central-1'</Message><Region>eu-central-1</Region><RequestId>R1</"
            "RequestId><HostId>h</HostId></Error>");
        QCOMPARE(error.fields.code, u"AuthorizationHeaderMalformed"_s);
        QCOMPARE(
            error.fields.message, u"the region 'us-east-1' is wrong; expecting 'eu-central-1'"_s);
        QCOMPARE(error.region, u"eu-central-1"_s);
    }

    void error_controlCharactersAreNotPassedOn()
    {
        const aws::s3xml::ErrorDocument error = aws::s3xml::parseErrorDocument(
            "<Error><Code>AccessDenied</Code><Message>no&#x9b;31m</Message></Error>");
        QCOMPARE(error.fields.message, u"no\\x9b31m"_s);
    }

    void error_whatIsNotAnErrorDocumentGivesNothing()
    {
        for (const QByteArray &body : { QByteArray(), QByteArray("<html>502</html>"),
                 QByteArray("not xml"), QByteArray("<ListBucketResult/>") }) {
            const aws::s3xml::ErrorDocument error = aws::s3xml::parseErrorDocument(body);
            QVERIFY(error.fields.code.isEmpty());
            QVERIFY(error.fields.message.isEmpty());
        }
    }
};

QTEST_APPLESS_MAIN(TestS3Xml)
#include "tst_s3xml.moc"
