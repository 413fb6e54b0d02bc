// The emulator's S3 subset without sockets (EmulatorService routes every request that is not
// Lookout for Equipment's to S3Operations): ListBuckets, ListObjectsV2 with its parameters and
// pages, GetObject with ranges, HeadObject, keys decoded once, SigV4 for service s3 with both
// payload hash forms, S3's XML errors and statuses, and injected faults as S3's SlowDown.
#include "aws/sigv4signer.h"
#include "emulator/emulatorservice.h"
#include "emulator/executionhistory.h"
#include "emulator/fleetgenerator.h"
#include "signedrequests.h"

#include <QCryptographicHash>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;
using core::ManualClock;
using emulator::EmulatorService;
using emulator::HttpRequest;
using emulator::HttpResponse;

namespace {

const QDateTime kStart(QDate(2026, 3, 4), QTime(10, 0, 0), Qt::UTC);
constexpr qint64 kMinute = 60'000'000;
constexpr qint64 kDay = 24 * 60 * kMinute;
const QByteArray kBucket = "results";
const QString kOddPrefix = u"odd é t+%/"_s;

struct Reply {
    HttpResponse response;

    int status() const { return response.status; }
    QByteArray header(QByteArrayView name) const
    {
        return emulator::headerValue(response.headers, name);
    }
    // The texts of every element with this name, in document order.
    QStringList all(QStringView name) const
    {
        QStringList texts;
        QXmlStreamReader xml(response.body);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == name)
                texts.append(xml.readElementText());
        }
        return texts;
    }
    QString text(QStringView name) const
    {
        const QStringList texts = all(name);
        return texts.isEmpty() ? QString() : texts.first();
    }
};

emulator::SchedulerRecord record(const QString &name, const QString &prefix, quint64 seed)
{
    emulator::SchedulerRecord result;
    result.scheduler.inferenceSchedulerName = name;
    result.scheduler.modelName = u"pump-v1"_s;
    result.scheduler.dataUploadFrequency = u"PT1H"_s;
    result.scheduler.dataOutputConfiguration = lookout::InferenceOutputConfiguration {
        lookout::S3Location { QString::fromUtf8(kBucket), prefix }, u"alias/results"_s
    };
    result.scheduler.latestInferenceResult = u"NORMAL"_s;
    const qint64 now = kStart.toMSecsSinceEpoch() * 1000;
    result.runs = { emulator::RunInterval { now - 3 * kDay, std::nullopt } };
    result.historySeed = seed;
    return result;
}

emulator::Fleet handMadeFleet()
{
    emulator::ModelDescription model;
    model.modelName = u"pump-v1"_s;
    model.modelArn = u"arn:aws:lookoutequipment:us-east-1:123456789012:model/pump-v1/x"_s;
    model.schema
        = uR"({"Components":[{"ComponentName":"pump","Columns":[)"
          uR"({"Name":"Timestamp","Type":"DATETIME"},{"Name":"flow","Type":"DOUBLE"}]}]})"_s;
    model.targetSamplingRate = u"PT10M"_s;
    return emulator::Fleet(
        { record(u"plain"_s, u"plain/"_s, 1), record(u"odd"_s, kOddPrefix, 2) }, { model });
}

QByteArray pathOf(const QByteArray &bucket, const QByteArray &key)
{
    return '/' + bucket + '/' + key.toPercentEncoding("/-_.~");
}

} // namespace

class TestS3Operations : public QObject {
    Q_OBJECT
private slots:
    void init();

    void listBuckets_namesTheFleetsOutputBuckets();
    void list_pagesThroughEveryKeyOnce();
    void list_delimiter_rollsUpCommonPrefixes_acrossPages();
    void list_startAfter_andPrefix();
    void list_urlEncoding_andOddKeys();
    void list_maxKeysZero_andOverTheCap();
    void list_badArguments_areInvalidArgument_data();
    void list_badArguments_areInvalidArgument();
    void getObject_servesTheResults_withItsMetadata();
    void getObject_keyIsDecodedOnce();
    void getObject_ranges();
    void headObject_hasTheHeadersButNoBody();
    void errors_areS3Xml_data();
    void errors_areS3Xml();
    void signature_payloadHashForms();
    void signature_problems_data();
    void signature_problems();
    void signature_pathIsNotNormalised();
    void faults_throttlingIsSlowDown();

private:
    Reply get(
        const QByteArray &path, const QByteArray &query = {}, const QByteArray &method = "GET");
    Reply send(const HttpRequest &request);

    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<EmulatorService> m_service; // a generated fleet of 120
    std::unique_ptr<EmulatorService> m_odd; // two hand-made schedulers, one with an odd prefix
    EmulatorService *m_target = nullptr;
};

void TestS3Operations::init()
{
    m_clock = std::make_shared<ManualClock>(kStart);
    emulator::ServiceConfig config;
    config.credentials = emulatortest::demoCredentials();
    m_service = std::make_unique<EmulatorService>(config,
        emulator::generateFleet({ 120, 5, u"us-east-1"_s }, kStart.toMSecsSinceEpoch() * 1000),
        m_clock);
    m_odd = std::make_unique<EmulatorService>(config, handMadeFleet(), m_clock);
    m_target = m_service.get();
}

Reply TestS3Operations::send(const HttpRequest &request)
{
    return Reply { m_target->handle(request) };
}

Reply TestS3Operations::get(
    const QByteArray &path, const QByteArray &query, const QByteArray &method)
{
    return send(emulatortest::signedS3Request(method, path, query, kStart));
}

void TestS3Operations::listBuckets_namesTheFleetsOutputBuckets()
{
    const Reply reply = get("/");
    QCOMPARE(reply.status(), 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/xml"));
    QCOMPARE(reply.header("Server"), QByteArray("AmazonS3"));
    QCOMPARE(reply.header("x-amz-request-id").size(), 16);
    QVERIFY(!reply.header("x-amz-id-2").isEmpty());
    QVERIFY(!reply.header("Date").isEmpty());
    QVERIFY(reply.response.body.contains(
        "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"));
    QStringList expected;
    for (const auto &bucket : m_service->results().buckets())
        expected.append(QString::fromUtf8(bucket.name));
    QCOMPARE(reply.all(u"Name"), expected);
    QCOMPARE(expected.size(), 1);
    QVERIFY(QDateTime::fromString(reply.text(u"CreationDate"), Qt::ISODateWithMs).isValid());
    QCOMPARE(reply.text(u"ID").size(), 64);
}

void TestS3Operations::list_pagesThroughEveryKeyOnce()
{
    const QByteArray bucket = m_service->results().buckets().first().name;
    QStringList expected;
    // The schedulers whose names begin with 'c' (a fifth of the fleet, many thousand keys).
    const QByteArray prefix = "inference-results/c";
    emulator::ResultStore::Cursor cursor = m_service->results().keys(
        bucket, prefix, emulator::ResultStore::From::Inclusive, kStart.toMSecsSinceEpoch() * 1000);
    for (auto object = cursor.next(); object && object->key.startsWith(prefix);
         object = cursor.next())
        expected.append(QString::fromUtf8(object->key));
    QVERIFY2(expected.size() > 5000, qPrintable(QString::number(expected.size())));

    QStringList listed;
    QByteArray token;
    int pages = 0;
    do {
        const Reply reply = get('/' + bucket,
            "list-type=2&max-keys=1000&prefix=" + prefix
                + (token.isEmpty() ? QByteArray()
                                   : "&continuation-token=" + token.toPercentEncoding()));
        QCOMPARE(reply.status(), 200);
        const QStringList keys = reply.all(u"Key");
        QCOMPARE(reply.text(u"KeyCount").toInt(), keys.size());
        QCOMPARE(reply.text(u"MaxKeys"), u"1000"_s);
        QCOMPARE(reply.all(u"Size").size(), keys.size());
        QCOMPARE(reply.all(u"StorageClass"), QStringList(keys.size(), u"STANDARD"_s));
        listed += keys;
        token = reply.text(u"NextContinuationToken").toLatin1();
        QCOMPARE(reply.text(u"IsTruncated"), token.isEmpty() ? u"false"_s : u"true"_s);
        if (!token.isEmpty())
            QCOMPARE(keys.size(), 1000);
        ++pages;
    } while (!token.isEmpty() && pages < 1000);
    QCOMPARE(listed, expected);
}

void TestS3Operations::list_delimiter_rollsUpCommonPrefixes_acrossPages()
{
    const QByteArray bucket = m_service->results().buckets().first().name;
    const Reply top = get('/' + bucket, "list-type=2&delimiter=%2F");
    QCOMPARE(top.status(), 200);
    QCOMPARE(top.all(u"Prefix").mid(1), QStringList({ u"inference-results/"_s }));
    QVERIFY(top.all(u"Key").isEmpty());
    QCOMPARE(top.text(u"Delimiter"), u"/"_s);

    QStringList expected;
    for (int i = 0; i < m_service->fleet().size(); ++i) {
        if (!emulator::successfulExecutions(
                m_service->fleet().at(i), kStart.toMSecsSinceEpoch() * 1000)
                 .empty())
            expected.append(u"inference-results/"_s + m_service->fleet().at(i).name() + u'/');
    }
    std::sort(expected.begin(), expected.end());
    QStringList listed;
    QByteArray token;
    for (int page = 0; page < 100; ++page) {
        const Reply reply = get('/' + bucket,
            "list-type=2&delimiter=/&max-keys=7&prefix=inference-results/"
                + (token.isEmpty() ? QByteArray() : "&continuation-token=" + token));
        QCOMPARE(reply.status(), 200);
        QVERIFY(reply.all(u"Key").isEmpty());
        const QStringList prefixes = reply.all(u"Prefix").mid(1); // the first is the request's
        QCOMPARE(reply.text(u"KeyCount").toInt(), prefixes.size());
        listed += prefixes;
        token = reply.text(u"NextContinuationToken").toLatin1();
        if (token.isEmpty())
            break;
    }
    QCOMPARE(listed, expected);

    // One scheduler's folder: a prefix per execution.
    const QString first = expected.first();
    const Reply folders = get('/' + bucket, "list-type=2&delimiter=/&prefix=" + first.toUtf8());
    QVERIFY(folders.all(u"Prefix").size() > 2);
    QVERIFY(folders.all(u"Prefix").at(1).endsWith(u"Z/"_s));
}

void TestS3Operations::list_startAfter_andPrefix()
{
    const QByteArray bucket = m_service->results().buckets().first().name;
    const QStringList all = get('/' + bucket, "list-type=2").all(u"Key");
    const Reply after = get('/' + bucket, "list-type=2&start-after=" + all.at(10).toUtf8());
    QCOMPARE(after.all(u"Key").mid(0, all.size() - 11), all.mid(11));
    QCOMPARE(after.text(u"StartAfter"), all.at(10));
    const QString prefix = all.at(10).section(u'/', 0, 1) + u'/';
    const Reply prefixed = get('/' + bucket, "list-type=2&prefix=" + prefix.toUtf8());
    for (const QString &key : prefixed.all(u"Key"))
        QVERIFY(key.startsWith(prefix));
    QVERIFY(prefixed.all(u"Key").contains(all.at(10)));
    QVERIFY(get('/' + bucket, "list-type=2&prefix=nothing-here/").all(u"Key").isEmpty());
    // A prefix longer than any key: looked up no further than the longest output prefix.
    const Reply longPrefix = get('/' + bucket, "list-type=2&prefix=" + QByteArray(12'000, 'p'));
    QCOMPARE(longPrefix.status(), 200);
    QVERIFY(longPrefix.all(u"Key").isEmpty());
}

void TestS3Operations::list_urlEncoding_andOddKeys()
{
    m_target = m_odd.get();
    const Reply plain = get("/results", "list-type=2&prefix=odd");
    const QStringList keys = plain.all(u"Key");
    QVERIFY(!keys.isEmpty());
    QVERIFY(keys.first().startsWith(kOddPrefix));
    const Reply encoded = get("/results",
        "list-type=2&encoding-type=url&prefix=" + kOddPrefix.toUtf8().toPercentEncoding());
    QCOMPARE(encoded.status(), 200);
    QCOMPARE(encoded.text(u"EncodingType"), u"url"_s);
    const QStringList encodedKeys = encoded.all(u"Key");
    QCOMPARE(encodedKeys.size(), keys.size());
    // Decoded as botocore decodes it (unquote_plus), each is the key itself.
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QByteArray raw = encodedKeys[i].toLatin1();
        QVERIFY2(!raw.contains(' ') && !raw.contains(':'), raw.constData());
        raw.replace('+', ' ');
        QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(raw)), keys[i]);
    }
    QCOMPARE(encoded.all(u"Prefix").first(), u"odd+%C3%A9+t%2B%25%2F"_s.replace(u"%2F"_s, u"/"_s));
}

void TestS3Operations::list_maxKeysZero_andOverTheCap()
{
    const QByteArray bucket = m_service->results().buckets().first().name;
    const Reply none = get('/' + bucket, "list-type=2&max-keys=0");
    QCOMPARE(none.status(), 200);
    QCOMPARE(none.text(u"KeyCount"), u"0"_s);
    QCOMPARE(none.text(u"IsTruncated"), u"false"_s);
    const Reply capped = get('/' + bucket, "list-type=2&max-keys=5000");
    QCOMPARE(capped.all(u"Key").size(), 1000);
    QCOMPARE(capped.text(u"IsTruncated"), u"true"_s);
}

void TestS3Operations::list_badArguments_areInvalidArgument_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("message");
    QTest::newRow("max-keys text") << QByteArray("list-type=2&max-keys=ten") << u"max-keys"_s
                                   << u"Provided max-keys not an integer or within integer range"_s;
    QTest::newRow("max-keys negative")
        << QByteArray("list-type=2&max-keys=-1") << u"max-keys"_s
        << u"Provided max-keys not an integer or within integer range"_s;
    QTest::newRow("encoding") << QByteArray("list-type=2&encoding-type=xml") << u"encoding-type"_s
                              << u"Invalid Encoding Method specified in Request"_s;
    QTest::newRow("token") << QByteArray("list-type=2&continuation-token=abc.def")
                           << u"continuation-token"_s
                           << u"The continuation token provided is incorrect"_s;
    QTest::newRow("list type") << QByteArray("list-type=3") << u"list-type"_s
                               << u"Invalid List Type specified"_s;
}

void TestS3Operations::list_badArguments_areInvalidArgument()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, argument);
    QFETCH(QString, message);
    const QByteArray bucket = m_service->results().buckets().first().name;
    const Reply reply = get('/' + bucket, query);
    QCOMPARE(reply.status(), 400);
    QCOMPARE(reply.text(u"Code"), u"InvalidArgument"_s);
    QCOMPARE(reply.text(u"Message"), message);
    QCOMPARE(reply.text(u"ArgumentName"), argument);
    QCOMPARE(reply.text(u"RequestId").toLatin1(), reply.header("x-amz-request-id"));

    // A token is bound to its prefix and delimiter.
    const QByteArray token
        = get('/' + bucket, "list-type=2&max-keys=1").text(u"NextContinuationToken").toLatin1();
    QVERIFY(!token.isEmpty());
    QCOMPARE(get('/' + bucket, "list-type=2&max-keys=1&continuation-token=" + token).status(), 200);
    QCOMPARE(get('/' + bucket, "list-type=2&prefix=x&continuation-token=" + token).status(), 400);
}

void TestS3Operations::getObject_servesTheResults_withItsMetadata()
{
    const QByteArray bucket = m_service->results().buckets().first().name;
    const Reply list = get('/' + bucket, "list-type=2&max-keys=3");
    const QString key = list.all(u"Key").at(2);
    const Reply reply = get(pathOf(bucket, key.toUtf8()));
    QCOMPARE(reply.status(), 200);
    QVERIFY(reply.response.body.startsWith("{\"timestamp\": "));
    QVERIFY(reply.response.body.endsWith("}\n"));
    const QByteArray md5
        = QCryptographicHash::hash(reply.response.body, QCryptographicHash::Md5).toHex();
    QCOMPARE(reply.header("ETag"), '"' + md5 + '"');
    QCOMPARE(list.all(u"ETag").at(2).toLatin1(), '"' + md5 + '"');
    QCOMPARE(list.all(u"Size").at(2).toInt(), reply.response.body.size());
    QCOMPARE(reply.header("Content-Type"), QByteArray("binary/octet-stream"));
    QCOMPARE(reply.header("Accept-Ranges"), QByteArray("bytes"));
    const QDateTime modified = QLocale::c().toDateTime(
        QString::fromLatin1(reply.header("Last-Modified")), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    QVERIFY(modified.isValid());
    QCOMPARE(modified.toString(Qt::ISODate),
        QDateTime::fromString(list.all(u"LastModified").at(2), Qt::ISODateWithMs)
            .toString(Qt::ISODate)
            .chopped(1));
    const QByteArray wire = serializeResponse(reply.response, emulator::AfterResponse::KeepOpen);
    QVERIFY(wire.contains(
        QByteArray("Content-Length: " + QByteArray::number(reply.response.body.size()))));
    QVERIFY(wire.endsWith(reply.response.body));
}

void TestS3Operations::getObject_keyIsDecodedOnce()
{
    m_target = m_odd.get();
    const QString key = get("/results", "list-type=2&prefix=odd").all(u"Key").first();
    const Reply reply = get(pathOf("results", key.toUtf8()));
    QCOMPARE(reply.status(), 200);
    QCOMPARE(reply.header("x-amz-server-side-encryption"), QByteArray("aws:kms"));
    // Encoded twice, the '%' of the key is "%25" once decoded: another key.
    const Reply twice
        = get("/results/" + key.toUtf8().toPercentEncoding("/").toPercentEncoding("/"));
    QCOMPARE(twice.status(), 404);
    QCOMPARE(twice.text(u"Code"), u"NoSuchKey"_s);
}

void TestS3Operations::getObject_ranges()
{
    const QByteArray bucket = m_service->results().buckets().first().name;
    const QString key = get('/' + bucket, "list-type=2&max-keys=1").text(u"Key");
    const QByteArray whole = get(pathOf(bucket, key.toUtf8())).response.body;
    const auto ranged = [&](const QByteArray &range) {
        HttpRequest request
            = emulatortest::signedS3Request("GET", pathOf(bucket, key.toUtf8()), {}, kStart);
        request.headers.append({ "Range", range });
        return send(request);
    };
    const Reply first = ranged("bytes=0-9");
    QCOMPARE(first.status(), 206);
    QCOMPARE(first.response.body, whole.first(10));
    QCOMPARE(first.header("Content-Range"), "bytes 0-9/" + QByteArray::number(whole.size()));
    QCOMPARE(ranged("bytes=-5").response.body, whole.last(5));
    QCOMPARE(ranged("bytes=5-").response.body, whole.sliced(5));
    QCOMPARE(ranged("bytes=5-999999").response.body, whole.sliced(5));
    const Reply beyond = ranged("bytes=" + QByteArray::number(whole.size()) + "-");
    QCOMPARE(beyond.status(), 416);
    QCOMPARE(beyond.text(u"Code"), u"InvalidRange"_s);
    QCOMPARE(beyond.text(u"ActualObjectSize").toLongLong(), whole.size());
    QCOMPARE(ranged("bytes=0-1,4-5").status(), 200); // several ranges: the whole object
    QCOMPARE(ranged("lines=1-2").response.body, whole);
}

void TestS3Operations::headObject_hasTheHeadersButNoBody()
{
    const QByteArray bucket = m_service->results().buckets().first().name;
    const QString key = get('/' + bucket, "list-type=2&max-keys=1").text(u"Key");
    const Reply full = get(pathOf(bucket, key.toUtf8()));
    const Reply head = get(pathOf(bucket, key.toUtf8()), {}, "HEAD");
    QCOMPARE(head.status(), 200);
    QCOMPARE(head.header("ETag"), full.header("ETag"));
    QCOMPARE(head.header("Last-Modified"), full.header("Last-Modified"));
    const QByteArray wire = serializeResponse(head.response, emulator::AfterResponse::KeepOpen);
    QVERIFY(wire.contains(
        QByteArray("Content-Length: " + QByteArray::number(full.response.body.size()))));
    QVERIFY(wire.endsWith("\r\n\r\n"));

    const Reply missing = get(pathOf(bucket, "no/such/key"), {}, "HEAD");
    QCOMPARE(missing.status(), 404);
    QVERIFY(missing.response.body.isEmpty());
    QCOMPARE(get(pathOf("no-such-bucket", "k"), {}, "HEAD").status(), 404);
    QCOMPARE(get('/' + bucket, {}, "HEAD").status(), 200);
}

void TestS3Operations::errors_areS3Xml_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detailName");
    QTest::addColumn<QString>("detail");
    QTest::newRow("no bucket") << QByteArray("GET") << QByteArray("/nope")
                               << QByteArray("list-type=2") << 404 << u"NoSuchBucket"_s
                               << u"The specified bucket does not exist"_s << u"BucketName"_s
                               << u"nope"_s;
    QTest::newRow("no key") << QByteArray("GET") << QByteArray("/results/a%20b/c") << QByteArray()
                            << 404 << u"NoSuchKey"_s << u"The specified key does not exist."_s
                            << u"Key"_s << u"a b/c"_s;
    QTest::newRow("key too long") << QByteArray("GET")
                                  << QByteArray("/results/" + QByteArray(1025, 'k')) << QByteArray()
                                  << 400 << u"KeyTooLongError"_s << u"Your key is too long"_s
                                  << u"Size"_s << u"1025"_s;
    QTest::newRow("put") << QByteArray("PUT") << QByteArray("/results/k") << QByteArray() << 405
                         << u"MethodNotAllowed"_s
                         << u"The specified method is not allowed against this resource."_s
                         << u"ResourceType"_s << u"OBJECT"_s;
    QTest::newRow("delete bucket")
        << QByteArray("DELETE") << QByteArray("/results") << QByteArray() << 405
        << u"MethodNotAllowed"_s << u"The specified method is not allowed against this resource."_s
        << u"Method"_s << u"DELETE"_s;
    QTest::newRow("list v1")
        << QByteArray("GET") << QByteArray("/results") << QByteArray() << 501 << u"NotImplemented"_s
        << u"A header or query you provided implies functionality that is not implemented"_s
        << u"Code"_s << u"NotImplemented"_s;
    QTest::newRow("acl")
        << QByteArray("GET") << QByteArray("/results") << QByteArray("acl") << 501
        << u"NotImplemented"_s
        << u"A header or query you provided implies functionality that is not implemented"_s
        << u"Code"_s << u"NotImplemented"_s;
}

void TestS3Operations::errors_areS3Xml()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, detailName);
    QFETCH(QString, detail);
    m_target = m_odd.get();
    const Reply reply = get(path, query, method);
    QCOMPARE(reply.status(), status);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/xml"));
    QVERIFY(reply.response.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>"));
    QCOMPARE(reply.text(u"Code"), code);
    QCOMPARE(reply.text(u"Message"), message);
    QCOMPARE(reply.text(detailName), detail);
    QCOMPARE(reply.text(u"RequestId").toLatin1(), reply.header("x-amz-request-id"));
    QCOMPARE(reply.text(u"HostId").toLatin1(), reply.header("x-amz-id-2"));
}

void TestS3Operations::signature_payloadHashForms()
{
    m_target = m_odd.get();
    QCOMPARE(send(emulatortest::signedS3Request("GET", "/", {}, kStart)).status(), 200);
    QCOMPARE(send(emulatortest::signedS3Request("GET", "/", {}, kStart, emulator::kUnsignedPayload))
                 .status(),
        200);
    const Reply wrong = send(emulatortest::signedS3Request(
        "GET", "/", {}, kStart, aws::sigv4::hashedPayload("not the body")));
    QCOMPARE(wrong.status(), 400);
    QCOMPARE(wrong.text(u"Code"), u"XAmzContentSHA256Mismatch"_s);

    HttpRequest missing = emulatortest::signedS3Request("GET", "/", {}, kStart);
    missing.headers.removeIf([](const auto &h) { return h.first == "x-amz-content-sha256"; });
    QCOMPARE(send(missing).text(u"Code"), u"InvalidRequest"_s);
}

void TestS3Operations::signature_problems_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("variant");
    QTest::newRow("no Authorization") << 403 << u"AccessDenied"_s << 0;
    QTest::newRow("wrong secret") << 403 << u"SignatureDoesNotMatch"_s << 1;
    QTest::newRow("unknown key") << 403 << u"InvalidAccessKeyId"_s << 2;
    QTest::newRow("other region") << 400 << u"AuthorizationHeaderMalformed"_s << 3;
    QTest::newRow("lookout's scope") << 400 << u"AuthorizationHeaderMalformed"_s << 4;
    QTest::newRow("an hour old") << 403 << u"RequestTimeTooSkewed"_s << 5;
    QTest::newRow("unexpected token") << 400 << u"InvalidToken"_s << 6;
}

void TestS3Operations::signature_problems()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(int, variant);
    m_target = m_odd.get();
    aws::AwsCredentials credentials = emulatortest::demoCredentials();
    HttpRequest request;
    switch (variant) {
    case 0:
        request = emulatortest::signedS3Request("GET", "/", {}, kStart);
        request.headers.removeIf([](const auto &h) { return h.first == "Authorization"; });
        break;
    case 1:
        credentials.secretAccessKey = u"wrong"_s;
        request = emulatortest::signedS3Request("GET", "/", {}, kStart, {}, credentials);
        break;
    case 2:
        credentials.accessKeyId = u"AKIAOTHERKEY00000000"_s;
        request = emulatortest::signedS3Request("GET", "/", {}, kStart, {}, credentials);
        break;
    case 3:
        request
            = emulatortest::signedS3Request("GET", "/", {}, kStart, {}, credentials, "eu-west-1");
        break;
    case 4: {
        request = emulatortest::signedS3Request("GET", "/", {}, kStart);
        for (auto &[name, value] : request.headers) {
            if (name == "Authorization")
                value.replace("/s3/", "/lookoutequipment/");
        }
        break;
    }
    case 5:
        request = emulatortest::signedS3Request("GET", "/", {}, kStart.addSecs(-3600));
        break;
    case 6:
        credentials.sessionToken = u"token"_s;
        request = emulatortest::signedS3Request("GET", "/", {}, kStart, {}, credentials);
        break;
    }
    const Reply reply = send(request);
    QCOMPARE(reply.status(), status);
    QCOMPARE(reply.text(u"Code"), code);
    QVERIFY(!reply.response.body.contains(credentials.secretAccessKey.toUtf8()));
    if (variant == 3) {
        QCOMPARE(reply.text(u"Region"), u"us-east-1"_s);
        QCOMPARE(reply.text(u"Message"),
            u"The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'"_s);
    }
}

void TestS3Operations::signature_pathIsNotNormalised()
{
    m_target = m_odd.get();
    // Signed as sent, "//" and "./" stay: the signature holds (and the key does not exist).
    const Reply asSent = get("/results/a//./b");
    QCOMPARE(asSent.status(), 404);
    QCOMPARE(asSent.text(u"Code"), u"NoSuchKey"_s);
    QCOMPARE(asSent.text(u"Key"), u"a//./b"_s);

    // Signed the way JSON services sign (normalised, encoded twice): refused.
    HttpRequest request;
    request.method = "GET";
    request.path = "/results/a%20b//c";
    aws::sigv4::Request toSign { request.method, request.path, {},
        { { "Host", emulatortest::kHost } }, {} };
    aws::sigv4::Options options;
    options.signPayloadHash = true;
    const aws::sigv4::Signature signature = aws::sigv4::sign(
        toSign, emulatortest::demoCredentials(), emulatortest::kRegion, "s3", kStart, options);
    request.headers = { { "Host", emulatortest::kHost }, { "X-Amz-Date", signature.amzDate },
        { "x-amz-content-sha256", signature.contentSha256 },
        { "Authorization", signature.authorization } };
    const Reply normalised = send(request);
    QCOMPARE(normalised.status(), 403);
    QCOMPARE(normalised.text(u"Code"), u"SignatureDoesNotMatch"_s);
}

void TestS3Operations::faults_throttlingIsSlowDown()
{
    m_target = m_odd.get();
    emulator::FaultConfig faults;
    faults.throttlingPercent = 100;
    m_odd->setFaults(faults);
    const Reply reply = get("/results", "list-type=2");
    QCOMPARE(reply.status(), 503);
    QCOMPARE(reply.text(u"Code"), u"SlowDown"_s);
    QCOMPARE(reply.text(u"Message"), u"Please reduce your request rate."_s);
    QCOMPARE(m_odd->counters().throttled, quint64(1));
    // Authentication comes first: an unsigned request is refused, not throttled.
    HttpRequest anonymous = emulatortest::signedS3Request("GET", "/", {}, kStart);
    anonymous.headers.removeIf([](const auto &h) { return h.first == "Authorization"; });
    QCOMPARE(send(anonymous).text(u"Code"), u"AccessDenied"_s);

    faults = {};
    faults.internalErrorPercent = 100;
    m_odd->setFaults(faults);
    const Reply failed = get("/results", "list-type=2");
    QCOMPARE(failed.status(), 500);
    QCOMPARE(failed.text(u"Code"), u"InternalError"_s);
}

QTEST_GUILESS_MAIN(TestS3Operations)
#include "tst_s3operations.moc"
