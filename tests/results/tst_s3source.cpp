// S3Source: locations, and a whole load through RangeLoader over a scripted S3 that serves the
// sample week (166 objects, listed in pages): the same series as the folder gives, objects
// fetched with their ETags, the second load from the cache without a GET, a failed listing with
// the AWS error kept for the exit status, and cancelAll() dropping what is in flight.
#include "aws/s3client.h"
#include "results/foldersource.h"
#include "results/objectcache.h"
#include "results/rangeloader.h"
#include "results/s3source.h"
#include "s3folderbucket.h"
#include "scriptedhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using results::RangeLoader;
using results::S3Location;

namespace {

const QString kWeek = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/pump-week");
constexpr int kLoadGuardMs = 60'000;

qsizetype countGets(const testsupport::ScriptedHttpServer &server)
{
    qsizetype gets = 0;
    for (const testsupport::RecordedRequest &request : server.requests())
        gets += request.query().isEmpty() ? 1 : 0;
    return gets;
}

} // namespace

class TestS3Source : public QObject {
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    std::unique_ptr<aws::S3Client> client(const testsupport::ScriptedHttpServer &server)
    {
        aws::S3ClientSettings settings;
        settings.endpoint = server.url();
        settings.endpointIsRegionDefault = false;
        settings.region = u"eu-west-1"_s;
        aws::AwsCredentials keys;
        keys.accessKeyId = u"AKIDEXAMPLE"_s;
        keys.secretAccessKey = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
        return std::make_unique<aws::S3Client>(
            &m_network, settings, std::make_shared<aws::StaticCredentialsProvider>(keys));
    }

    static RangeLoader::Outcome load(RangeLoader &loader)
    {
        QSignalSpy finished(&loader, &RangeLoader::finished);
        loader.start(results::TimeRange());
        if (!finished.wait(kLoadGuardMs))
            qFatal("the load did not finish");
        return finished.first().first().value<RangeLoader::Outcome>();
    }

private slots:
    void location_parse()
    {
        const auto location = S3Location::parse(u"s3://results/pump/out"_s);
        QVERIFY(location);
        QCOMPARE(location->bucket, u"results"_s);
        QCOMPARE(location->prefix, u"pump/out/"_s); // read as a folder
        QCOMPARE(location->toString(), u"s3://results/pump/out/"_s);
        QCOMPARE(S3Location::parse(u"S3://results"_s)->prefix, QString());
        QVERIFY(S3Location::isS3Url(u"S3://x"_s));
        QString problem;
        QVERIFY(!S3Location::parse(u"s3:///prefix/"_s, &problem));
        QCOMPARE(problem, u"s3:///prefix/ names no bucket: write s3://BUCKET/PREFIX/"_s);
        QVERIFY(!S3Location::parse(u"/srv/results"_s, &problem));
    }

    void load_readsTheWeekLikeTheFolder()
    {
        testsupport::ScriptedHttpServer server;
        QVERIFY(server.listen());
        const testsupport::S3FolderBucket bucket { kWeek, u"results"_s, u"pump/out/"_s, 50 };
        server.setHandler(
            [&](const testsupport::RecordedRequest &request) { return bucket.answer(request); });
        const auto s3 = client(server);
        results::S3Source source(*S3Location::parse(u"s3://results/pump/out/"_s), s3.get());
        QCOMPARE(source.location(), u"s3://results/pump/out/"_s);
        QCOMPARE(source.cacheScope(), source.location());
        QTemporaryDir cacheDirectory;
        results::ObjectCache cache(cacheDirectory.path());
        RangeLoader loader(&source, &cache);
        QCOMPARE(load(loader), RangeLoader::Outcome::Complete);
        QCOMPARE(loader.progress().objectsListed, 166);
        QCOMPARE(loader.progress().objectsDone, 166);
        QCOMPARE(loader.progress().failed, 0);
        QCOMPARE(loader.report().issueCount(), 0);

        results::FolderSource folder(kWeek);
        RangeLoader fromFolder(&folder);
        QCOMPARE(load(fromFolder), RangeLoader::Outcome::Complete);
        QCOMPARE(loader.series().size(), fromFolder.series().size());
        QCOMPARE(loader.series().size(), 1992);

        const qsizetype listPages = 4; // 166 keys, 50 a page
        QCOMPARE(server.requests().size(), listPages + 166);
        QCOMPARE(server.unexpectedRequestCount(), 0);
        for (const testsupport::RecordedRequest &request : server.requests()) {
            if (request.query().isEmpty()) {
                QVERIFY(request.header("If-Match").startsWith('"'));
                QCOMPARE(request.header("If-Match"),
                    bucket.etagOf(QString::fromUtf8(QByteArray::fromPercentEncoding(
                        request.path().mid(QByteArray("/results/pump/out/").size())))));
            }
        }

        // Again: one listing, every object from the cache.
        const qsizetype before = server.requests().size();
        QCOMPARE(load(loader), RangeLoader::Outcome::Complete);
        QCOMPARE(loader.progress().fromCache, 166);
        QCOMPARE(server.requests().size(), before + listPages);
        QCOMPARE(countGets(server), 166);
    }

    void load_failedListingKeepsTheAwsError()
    {
        testsupport::ScriptedHttpServer server;
        QVERIFY(server.listen());
        const testsupport::S3FolderBucket bucket { kWeek, u"results"_s, u"out/"_s };
        server.setHandler(
            [&](const testsupport::RecordedRequest &request) { return bucket.answer(request); });
        const auto s3 = client(server);
        results::S3Source source(*S3Location::parse(u"s3://nothing/out/"_s), s3.get());
        RangeLoader loader(&source);
        QCOMPARE(load(loader), RangeLoader::Outcome::Failed);
        QVERIFY(source.lastListingError());
        QCOMPARE(source.lastListingError()->code, u"NoSuchBucket"_s);
        QCOMPARE(source.lastListingError()->exitCode(), 254);
        QCOMPARE(loader.error().message,
            u"An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The "
            "specified bucket does not exist (s3://nothing/out/)"_s);
        QVERIFY(!loader.error().credentialsFailed); // signing in again would not help
    }

    void cancelAll_dropsTheCallsInFlight()
    {
        testsupport::ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(testsupport::ScriptedResponse::hang(), 2);
        const auto s3 = client(server);
        results::S3Source source(*S3Location::parse(u"s3://results/out/"_s), s3.get());
        int answers = 0;
        source.list([&](const auto &) { ++answers; });
        source.fetch({ u"a/results.jsonl"_s, 10, "\"e\"", {} }, [&](const auto &) { ++answers; });
        QTRY_COMPARE(server.requests().size(), 2);
        source.cancelAll();
        server.closeAllConnections();
        // A later call is answered; a cancelled one would have been by then.
        server.enqueue(testsupport::ScriptedResponse::raw(200, "application/xml",
            "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"));
        bool listed = false;
        source.list(
            [&](const auto &result) { listed = std::holds_alternative<results::Listing>(result); });
        QTRY_VERIFY(listed);
        QCOMPARE(answers, 0);
    }
};

QTEST_GUILESS_MAIN(TestS3Source)
#include "tst_s3source.moc"
