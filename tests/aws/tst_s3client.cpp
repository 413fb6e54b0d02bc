// S3Client against a scripted HTTP server on real loopback sockets: signing (held against
// botocore's own signatures, tests/data/s3/botocore-signatures.json, and re-checked on every
// recorded request), paging and its bounds, the region redirect followed once and not twice,
// S3's XML errors, the object size cap without buffering the object, ETag checks, and keys
// with special characters encoded once. Backoff runs through recording timers: nothing sleeps.
#include "aws/s3client.h"
#include "clienttestdoubles.h"
#include "core/clock.h"
#include "scriptedhttpserver.h"
#include "sigv4requestcheck.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using aws::AwsError;
using aws::Result;
using aws::S3Client;
using testsupport::ScriptedHttpServer;
using testsupport::ScriptedResponse;

namespace {

constexpr int kCallGuardMs = 30'000;
const QByteArray kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const QByteArray kEtag = R"("0123456789abcdef0123456789abcdef")";

aws::AwsCredentials credentials()
{
    aws::AwsCredentials keys;
    keys.accessKeyId = u"AKIDEXAMPLE"_s;
    keys.secretAccessKey = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
    keys.source = u"test"_s;
    return keys;
}

aws::sigv4::Options s3Options()
{
    aws::sigv4::Options options;
    options.normalizePath = false;
    options.doubleEncodePath = false;
    options.signPayloadHash = true;
    return options;
}

QByteArray listPage(const QStringList &keys, const QString &nextToken = {})
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult "
                     "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>results</Name>";
    xml += "<EncodingType>url</EncodingType>";
    xml += nextToken.isEmpty() ? QByteArray("<IsTruncated>false</IsTruncated>")
                               : QByteArray("<IsTruncated>true</IsTruncated><NextContinuationToken>"
                                   + nextToken.toUtf8() + "</NextContinuationToken>");
    for (const QString &key : keys) {
        xml += "<Contents><Key>" + QUrl::toPercentEncoding(key, "/") + "</Key><Size>10</Size>"
            + "<ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag>"
            + "<LastModified>2026-11-28T12:00:00.000Z</LastModified></Contents>";
    }
    return xml + "</ListBucketResult>";
}

ScriptedResponse xml(int status, const QByteArray &body)
{
    return ScriptedResponse::raw(status, "application/xml", body)
        .withHeader("x-amz-request-id", "REQ123");
}

ScriptedResponse s3Error(
    int status, const QByteArray &code, const QByteArray &message, const QByteArray &extra = {})
{
    return xml(status,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
            + message + "</Message>" + extra + "<RequestId>REQ123</RequestId></Error>");
}

QString queryValue(const testsupport::RecordedRequest &request, const char *name)
{
    const QUrlQuery query(QString::fromLatin1(request.query()));
    return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

} // namespace

class TestS3Client : public QObject {
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<S3Client> m_client;
    testsupport::RecordingTimers m_timers;

    aws::S3ClientSettings settings() const
    {
        aws::S3ClientSettings settings;
        settings.endpoint = m_server->url();
        settings.endpointIsRegionDefault = false;
        settings.region = u"us-east-1"_s;
        return settings;
    }

    void makeClient(const aws::S3ClientSettings &settings)
    {
        m_client = std::make_unique<S3Client>(
            &m_network, settings, std::make_shared<aws::StaticCredentialsProvider>(credentials()));
        m_client->setTimerFactory(m_timers.factory());
        m_client->setRandomSource(std::make_shared<testsupport::FixedRandomSource>(0.0));
    }

    Result<aws::S3Listing> list(
        const QString &bucket = u"results"_s, const QString &prefix = u"out/"_s)
    {
        std::optional<Result<aws::S3Listing>> outcome;
        m_client->listObjects(
            bucket, prefix, this, [&](const Result<aws::S3Listing> &result) { outcome = result; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, kCallGuardMs))
            qFatal("the listing did not finish");
        return *outcome;
    }

    Result<aws::S3Object> get(const QString &key, const QByteArray &etag = {})
    {
        std::optional<Result<aws::S3Object>> outcome;
        m_client->getObject(u"results"_s, key, etag, this,
            [&](const Result<aws::S3Object> &result) { outcome = result; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, kCallGuardMs))
            qFatal("the fetch did not finish");
        return *outcome;
    }

    void verifySigned(qsizetype index, const char *region = "us-east-1")
    {
        const auto check = testsupport::checkSigV4(
            m_server->requests().at(index), credentials(), region, "s3", s3Options());
        QVERIFY2(check.valid, qPrintable(check.problem));
        QCOMPARE(m_server->requests().at(index).header("x-amz-content-sha256"), kEmptySha256);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        QVERIFY(m_server->listen());
        m_timers = testsupport::RecordingTimers();
        makeClient(settings());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void signing_matchesBotocore()
    {
        QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/s3/botocore-signatures.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject vectors = QJsonDocument::fromJson(file.readAll()).object();
        const QDateTime time
            = QDateTime::fromString(vectors[u"time"_s].toString(), u"yyyyMMdd'T'HHmmss'Z'"_s);
        QVERIFY(time.isValid());
        const QDateTime utc(time.date(), time.time(), QTimeZone::utc());
        aws::AwsCredentials keys;
        keys.accessKeyId = vectors[u"accessKeyId"_s].toString();
        keys.secretAccessKey = vectors[u"secretAccessKey"_s].toString();
        int checked = 0;
        for (const QJsonValue &value : vectors[u"cases"_s].toArray()) {
            const QJsonObject vector = value.toObject();
            const QString name = vector[u"name"_s].toString();
            const QJsonObject params = vector[u"params"_s].toObject();
            const QJsonObject headers = vector[u"headers"_s].toObject();
            keys.sessionToken = vector[u"sessionToken"_s].toString();
            const QString region = vector[u"region"_s].toString();
            const QUrl endpoint = vector[u"endpoint"_s].isNull()
                ? aws::s3ServiceDescription().defaultEndpoint(region)
                : QUrl(vector[u"endpoint"_s].toString());
            aws::s3::QueryParameters query;
            if (!params.contains(u"Key"_s))
                query.append(std::pair { QByteArray("list-type"), QByteArray("2") });
            for (const auto &[param, parameter] :
                { std::pair { "Prefix", "prefix" }, std::pair { "EncodingType", "encoding-type" },
                    std::pair { "ContinuationToken", "continuation-token" } }) {
                if (params.contains(QLatin1String(param)))
                    query.append(std::pair {
                        QByteArray(parameter), params[QLatin1String(param)].toString().toUtf8() });
            }
            const auto target = aws::s3::requestTarget(endpoint,
                *aws::s3::addressingStyleFromText(vector[u"addressing"_s].toString()),
                params[u"Bucket"_s].toString(), params[u"Key"_s].toString(), query);
            QVERIFY2(target.ok(), qPrintable(name));
            const QUrl botocoreUrl(vector[u"url"_s].toString());
            QCOMPARE(target.value().hostHeader, aws::hostHeaderFor(botocoreUrl));
            QCOMPARE(target.value().path, botocoreUrl.path(QUrl::FullyEncoded).toLatin1());
            // Headers botocore signed beyond ours (If-Match; x-amz-checksum-mode, which newer
            // botocore adds to every GetObject) are signed alongside, as sent.
            aws::sigv4::Headers extra;
            for (const char *header : { "if-match", "x-amz-checksum-mode" }) {
                if (headers.contains(QLatin1String(header)))
                    extra.append({ header, headers[QLatin1String(header)].toString().toUtf8() });
            }
            const aws::sigv4::Signature signature
                = aws::signS3Get(target.value(), extra, keys, region, utc);
            QCOMPARE(
                signature.contentSha256, headers[u"x-amz-content-sha256"_s].toString().toUtf8());
            QCOMPARE(signature.authorization, headers[u"authorization"_s].toString().toUtf8());
            ++checked;
        }
        QCOMPARE(checked, 4);
    }

    void list_followsEveryPageSigned()
    {
        m_server->enqueue(xml(200, listPage({ u"out/1/results.jsonl"_s }, u"token/+=1"_s)));
        m_server->enqueue(xml(200, listPage({ u"out/2/results.jsonl"_s, u"out/2/x.txt"_s })));
        const Result<aws::S3Listing> listed = list();
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().toString()));
        QCOMPARE(listed.value().pages, 2);
        QCOMPARE(listed.value().objects.size(), 3);
        QCOMPARE(listed.value().objects[0].etag, kEtag);
        QCOMPARE(m_server->requests().size(), 2);
        const auto &first = m_server->requests().at(0);
        QCOMPARE(first.method, QByteArray("GET"));
        QCOMPARE(first.path(), QByteArray("/results")); // path style on a loopback endpoint
        QCOMPARE(queryValue(first, "list-type"), u"2"_s);
        QCOMPARE(queryValue(first, "prefix"), u"out/"_s);
        QVERIFY(queryValue(first, "continuation-token").isEmpty());
        QCOMPARE(queryValue(m_server->requests().at(1), "continuation-token"), u"token/+=1"_s);
        verifySigned(0);
        verifySigned(1);
    }

    void list_thatNeverEndsIsRefused()
    {
        aws::S3ClientSettings bounded = settings();
        bounded.maxListPages = 5;
        makeClient(bounded);
        int page = 0;
        m_server->setHandler([&](const testsupport::RecordedRequest &) {
            ++page;
            return xml(200, listPage({ u"out/%1/results.jsonl"_s.arg(page) }, u"t%1"_s.arg(page)));
        });
        const Result<aws::S3Listing> listed = list();
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind, AwsError::Kind::TooLarge);
        QVERIFY2(listed.error().message.contains(u"goes on past 5 pages"_s),
            qPrintable(listed.error().message));
        QCOMPARE(m_server->requests().size(), 5);

        bounded.maxListPages = 1000;
        bounded.maxListedKeys = 3;
        makeClient(bounded);
        const Result<aws::S3Listing> tooMany = list();
        QVERIFY(!tooMany.ok());
        QVERIFY2(tooMany.error().message.contains(u"goes on past 3 keys"_s),
            qPrintable(tooMany.error().message));
    }

    void list_sameTokenTwiceIsRefused()
    {
        m_server->enqueue(xml(200, listPage({ u"out/1/results.jsonl"_s }, u"again"_s)), 2);
        const Result<aws::S3Listing> listed = list();
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind, AwsError::Kind::BadResponse);
        QVERIFY(listed.error().message.contains(u"the same continuation token twice"_s));
        QCOMPARE(m_server->requests().size(), 2);
    }

    void list_malformedPageIsAClearError()
    {
        m_server->enqueue(xml(200, "<ListBucketResult><Contents><Key>a</Key>"));
        const Result<aws::S3Listing> listed = list();
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().kind, AwsError::Kind::BadResponse);
        QCOMPARE(listed.error().exitCode(), 255);
        QVERIFY2(listed.error().toString().contains(
                     u"page 1 of the listing of s3://results/out/ cannot be read: line 1"_s),
            qPrintable(listed.error().toString()));
    }

    void redirect_isFollowedOnceAndRemembered()
    {
        m_server->enqueue(s3Error(301, "PermanentRedirect",
            "The bucket you are attempting to access must be addressed using the specified "
            "endpoint.")
                              .withHeader("x-amz-bucket-region", "eu-central-1"));
        m_server->enqueue(xml(200, listPage({ u"out/1/results.jsonl"_s })));
        const Result<aws::S3Listing> listed = list();
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().toString()));
        QCOMPARE(m_server->requests().size(), 2);
        verifySigned(0, "us-east-1");
        verifySigned(1, "eu-central-1");
        QCOMPARE(m_client->regionOf(u"results"_s), u"eu-central-1"_s);
        QCOMPARE(m_client->regionOf(u"other"_s), u"us-east-1"_s);

        // The next request for the bucket goes to its region from the start.
        m_server->enqueue(ScriptedResponse::raw(200, "application/octet-stream", "line\n"));
        QVERIFY(get(u"out/1/results.jsonl"_s).ok());
        QCOMPARE(m_server->requests().size(), 3);
        verifySigned(2, "eu-central-1");
    }

    void redirect_isNotFollowedTwice()
    {
        m_server->enqueue(s3Error(400, "AuthorizationHeaderMalformed",
            "The authorization header is malformed; the region 'us-east-1' is wrong; expecting "
            "'us-west-2'",
            "<Region>us-west-2</Region>"));
        m_server->enqueue(s3Error(301, "PermanentRedirect", "Go elsewhere")
                              .withHeader("x-amz-bucket-region", "ap-south-1"));
        const Result<aws::S3Listing> listed = list();
        QVERIFY(!listed.ok());
        QCOMPARE(m_server->requests().size(), 2);
        verifySigned(1, "us-west-2");
        QCOMPARE(listed.error().code, u"PermanentRedirect"_s);
        QCOMPARE(listed.error().exitCode(), 254);
        QCOMPARE(listed.error().toString(),
            u"An error occurred (PermanentRedirect) when calling the ListObjectsV2 operation: Go "
            "elsewhere (the bucket results is in region ap-south-1) (s3://results/out/)"_s);
    }

    void errors_becomeAwsErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<bool>("onList");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("NoSuchBucket")
            << 404 << QByteArray("NoSuchBucket") << true
            << u"An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: "
               "It failed (s3://results/out/)"_s;
        QTest::newRow("AccessDenied")
            << 403 << QByteArray("AccessDenied") << true
            << u"An error occurred (AccessDenied) when calling the ListObjectsV2 operation: "
               "It failed (s3://results/out/)"_s;
        QTest::newRow("NoSuchKey")
            << 404 << QByteArray("NoSuchKey") << false
            << u"An error occurred (NoSuchKey) when calling the GetObject operation: It failed "
               "(s3://results/out/a b/results.jsonl)"_s;
        QTest::newRow("SignatureDoesNotMatch")
            << 403 << QByteArray("SignatureDoesNotMatch") << false
            << u"An error occurred (SignatureDoesNotMatch) when calling the GetObject "
               "operation: It failed (s3://results/out/a b/results.jsonl)"_s;
    }

    void errors_becomeAwsErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(bool, onList);
        QFETCH(QString, sentence);
        m_server->enqueue(s3Error(status, code, "It failed"));
        const AwsError error = onList ? list().error() : get(u"out/a b/results.jsonl"_s).error();
        QCOMPARE(error.kind, AwsError::Kind::Service);
        QCOMPARE(error.code, QString::fromLatin1(code));
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.requestId, u"REQ123"_s);
        QCOMPARE(error.toString(), sentence);
        QCOMPARE(error.exitCode(), 254);
        QCOMPARE(error.isNotFound(), code.startsWith("NoSuch"));
        QCOMPARE(error.isAccessDenied(), code == "AccessDenied");
        QCOMPARE(error.isSignatureOrClockProblem(), code == "SignatureDoesNotMatch");
        QVERIFY(!error.isRetryable());
        QCOMPARE(m_server->requests().size(), 1);
    }

    void slowDown_isThrottlingAndRetried()
    {
        m_server->enqueue(s3Error(503, "SlowDown", "Please reduce your request rate."), 3);
        const AwsError error = list().error();
        QCOMPARE(error.code, u"SlowDown"_s);
        QVERIFY(error.isThrottling());
        QVERIFY(error.retriesExhausted);
        QCOMPARE(error.attempts, 3);
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(m_timers.delays().size(), 2);

        m_server->enqueue(s3Error(503, "SlowDown", "Please reduce your request rate."));
        m_server->enqueue(xml(200, listPage({ u"out/1/results.jsonl"_s })));
        QVERIFY(list().ok());
    }

    void clockSkew_requestTimeTooSkewedIsRetriedOnceWithTheServersTime()
    {
        const QDateTime localTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC);
        const QDateTime serverTime = localTime.addSecs(25 * 60);
        m_client->setClock(std::make_shared<core::ManualClock>(localTime));
        m_server->enqueue(s3Error(403, "RequestTimeTooSkewed",
            "The difference between the request time and the current time is too large.")
                              .withDate(serverTime));
        m_server->enqueue(xml(200, listPage({ u"out/1/results.jsonl"_s })).withDate(serverTime));

        const Result<aws::S3Listing> listing = list();
        QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().toString()));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests()[0].header("X-Amz-Date"), "20261128T120000Z");
        QCOMPARE(m_server->requests()[1].header("X-Amz-Date"), "20261128T122500Z");
        QCOMPARE(m_client->clockSkew(), std::chrono::seconds(25 * 60));
        QVERIFY(m_timers.delays().isEmpty()); // a repeat, not a backed-off retry
        verifySigned(1);

        // Signed with the corrected time from the start; a second skew error is not retried.
        m_server->enqueue(s3Error(403, "RequestTimeTooSkewed", "Still skewed.")
                              .withDate(serverTime.addSecs(60 * 60)));
        m_server->enqueue(s3Error(403, "RequestTimeTooSkewed", "Still skewed.")
                              .withDate(serverTime.addSecs(2 * 60 * 60)));
        const AwsError error = get(u"out/1/results.jsonl"_s).error();
        QCOMPARE(error.code, u"RequestTimeTooSkewed"_s);
        QCOMPARE(m_server->requests().size(), 4);
        QCOMPARE(m_server->requests()[2].header("X-Amz-Date"), "20261128T122500Z");
    }

    void expiredToken_fetchesCredentialsOnceMore()
    {
        m_server->enqueue(s3Error(400, "ExpiredToken", "The provided token has expired."), 2);
        const AwsError error = get(u"k"_s).error();
        QCOMPARE(error.code, u"ExpiredToken"_s);
        QCOMPARE(error.attempts, 2);
        QCOMPARE(m_server->requests().size(), 2);
        QVERIFY(m_timers.delays().isEmpty());
    }

    void errorWithoutADocument_namesTheStatus()
    {
        m_server->enqueue(ScriptedResponse::raw(502, "text/html", "<html>Bad gateway</html>"), 3);
        const AwsError error = get(u"k"_s).error();
        QCOMPARE(error.code, u"502"_s);
        QVERIFY(error.message.contains(u"HTTP 502 without an S3 error document"_s));
        QCOMPARE(error.attempts, 3); // 502 is transient
    }

    void get_keysWithSpecialCharactersAreEncodedOnce()
    {
        const QString key = u"out/a b+c%d/é//x./results.jsonl"_s;
        m_server->enqueue(ScriptedResponse::raw(200, "application/octet-stream", "{}\n")
                              .withHeader("ETag", kEtag));
        const Result<aws::S3Object> object = get(key, kEtag);
        QVERIFY2(object.ok(), qPrintable(object.ok() ? QString() : object.error().toString()));
        QCOMPARE(object.value().body, QByteArray("{}\n"));
        const auto &request = m_server->requests().at(0);
        QCOMPARE(request.target, QByteArray("/results/out/a%20b%2Bc%25d/%C3%A9//x./results.jsonl"));
        QCOMPARE(request.header("If-Match"), kEtag);
        verifySigned(0);
    }

    void get_objectOverTheCapIsRefusedUnread()
    {
        const qint64 tooLarge = results64MiB() + 1;
        m_server->enqueue(ScriptedResponse::generated(200, "application/octet-stream", tooLarge));
        const AwsError announced = get(u"out/big/results.jsonl"_s).error();
        QCOMPARE(announced.kind, AwsError::Kind::TooLarge);
        QVERIFY2(announced.message.startsWith(
                     u"s3://results/out/big/results.jsonl is larger than the 64 MiB an object "
                     "may have"_s),
            qPrintable(announced.message));
        QTRY_VERIFY(m_server->responseHasEnded(0));
        QVERIFY(m_server->responseBodyBytesSent(0) < tooLarge / 4);

        // Without a Content-Length, the bytes are counted as they arrive and the rest is not read
        // (with a cap of 1 MiB: the same code path, without streaming 64 MiB through the test).
        aws::S3ClientSettings small = settings();
        small.maxObjectBytes = 1024 * 1024;
        makeClient(small);
        m_server->enqueue(ScriptedResponse::generated(200, "application/octet-stream",
            small.maxObjectBytes + 1, ScriptedResponse::Framing::Chunked));
        const AwsError counted = get(u"out/big/results.jsonl"_s).error();
        QCOMPARE(counted.kind, AwsError::Kind::TooLarge);
        QVERIFY2(counted.message.contains(u"more than 1048576 bytes arrived"_s),
            qPrintable(counted.message));
    }

    void get_dotSegmentsAreRefusedBeforeSending()
    {
        // Qt's HTTP stack removes "." and ".." segments from the request line, which would no
        // longer be the path that was signed, nor the key.
        for (const QString &key :
            { u"out/./results.jsonl"_s, u"../results.jsonl"_s, u"out//.x/results.jsonl"_s }) {
            const AwsError refused = get(key).error();
            QVERIFY2(refused.kind == AwsError::Kind::InvalidParameter,
                qPrintable(key + refused.toString()));
            QVERIFY2(refused.message.contains(u"\".\" or \"..\""_s), qPrintable(refused.message));
        }
        QCOMPARE(m_server->requests().size(), 0);
    }

    void get_changedObjectIsRefused()
    {
        m_server->enqueue(ScriptedResponse::raw(200, "application/octet-stream", "new\n")
                              .withHeader("ETag", "\"ffffffffffffffffffffffffffffffff\""));
        const AwsError changed = get(u"k"_s, kEtag).error();
        QCOMPARE(changed.kind, AwsError::Kind::BadResponse);
        QVERIFY(changed.message.contains(u"s3://results/k changed since it was listed"_s));

        m_server->enqueue(s3Error(412, "PreconditionFailed",
            "At least one of the pre-conditions "
            "you specified did not hold"));
        const AwsError precondition = get(u"k"_s, kEtag).error();
        QCOMPARE(precondition.code, u"PreconditionFailed"_s);
        QVERIFY(precondition.message.contains(u"s3://results/k changed since it was listed"_s));
    }

    void virtualHosted_isTheDefaultOnANamedEndpoint()
    {
        // A named endpoint gets the bucket in the host name; the connection still goes to the
        // loopback server (the name "localhost" is path style, so name it through the Host
        // header check only).
        const auto target = aws::s3::requestTarget(QUrl(u"https://s3.example.org:8443"_s),
            aws::s3::AddressingStyle::Auto, u"results"_s, u"k"_s);
        QCOMPARE(target.value().hostHeader, QByteArray("results.s3.example.org:8443"));
        aws::S3ClientSettings pathStyle = settings();
        pathStyle.addressing = aws::s3::AddressingStyle::Path;
        QVERIFY(aws::s3::usesPathStyle(
            pathStyle.addressing, QUrl(u"https://s3.example.org"_s), u"results"_s));
    }

    void abort_dropsTheCallback()
    {
        m_server->enqueue(ScriptedResponse::hang());
        bool called = false;
        aws::ClientCall *call = m_client->listObjects(
            u"results"_s, u"out/"_s, this, [&](const Result<aws::S3Listing> &) { called = true; });
        QTRY_COMPARE(m_server->requests().size(), 1);
        call->abort();
        m_server->enqueue(xml(200, listPage({})));
        QVERIFY(list().ok());
        QVERIFY(!called);
    }

private:
    static qint64 results64MiB() { return 64LL * 1024 * 1024; }
};

QTEST_GUILESS_MAIN(TestS3Client)
#include "tst_s3client.moc"
