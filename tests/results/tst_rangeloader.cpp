// RangeLoader: a folder loaded whole and by range; objects chosen by their folder's time; fetches
// bounded in number and bytes; partial series delivered as objects arrive, in any order, the same
// in the end; cancelling; a failed listing and failed objects; the on-disk cache (a second load
// fetches nothing, a damaged entry is fetched again).
#include "fakeresultssource.h"
#include "results/foldersource.h"
#include "results/objectcache.h"
#include "results/rangeloader.h"
#include "results/resultstime.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using results::LoadProgress;
using results::RangeLoader;
using results::TimeRange;

namespace {

const QString kWeek = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/pump-week");

qint64 micros(const char *isoUtc)
{
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toMSecsSinceEpoch()
        * 1000;
}

QByteArray hourOfLines(const char *execution)
{
    // Twelve 5-minute predictions of the hour before `execution`.
    QByteArray text;
    const qint64 end = micros(execution);
    for (int i = 12; i >= 1; --i) {
        text += R"({"timestamp": ")" + results::timestampText(end - i * 300'000'000LL).chopped(1)
            + R"(", "prediction": 0, "diagnostics": [{"name": "pump\\A", "value": 1}]})" + "\n";
    }
    return text;
}

bool waitForFinish(RangeLoader &loader)
{
    if (!loader.isLoading())
        return true;
    QSignalSpy finished(&loader, &RangeLoader::finished);
    return finished.wait(30'000);
}

QStringList timesOf(const results::Series &series)
{
    QStringList out;
    for (const results::Prediction &p : series.predictions())
        out.append(QString::fromLatin1(results::timestampText(p.time)));
    return out;
}

} // namespace

class TestRangeLoader : public QObject {
    Q_OBJECT
private slots:
    void folder_loadsWholeWeek();
    void range_choosesObjectsByFolderTimeAndKeepsOnlyItsPredictions();
    void range_fetchesObjectsWhoseFolderIsNoTime();
    void fetches_areBoundedInNumber();
    void fetches_areBoundedInBytes();
    void partialSeries_arriveInAnyOrderToTheSameEnd();
    void cancel_stopsEverything();
    void start_againCancelsTheLoadInProgress();
    void failedListing_failsTheLoad();
    void givenListing_isUsedInsteadOfListing();
    void failedAndOversizedObjects_areReportedAndTheLoadGoesOn();
    void malformedLines_areReportedWithTheirObject();
    void emptyListing_completes();
    void cache_secondLoadFetchesNothing();
    void cache_damagedEntryIsFetchedAgain();
    void cache_isNotUsedWithoutScopeOrEtag();
    void destruction_duringALoadIsSafe();
};

void TestRangeLoader::folder_loadsWholeWeek()
{
    results::FolderSource source(kWeek);
    RangeLoader loader(&source);
    QSignalSpy listed(&loader, &RangeLoader::listed);
    QSignalSpy progress(&loader, &RangeLoader::progressChanged);
    QSignalSpy finished(&loader, &RangeLoader::finished);
    loader.start(TimeRange::all());
    QVERIFY(loader.isLoading());
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(
        finished.first().first().value<RangeLoader::Outcome>(), RangeLoader::Outcome::Complete);
    QVERIFY(!loader.isLoading());
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().first().toLongLong(), 166);
    const LoadProgress &done = loader.progress();
    QCOMPARE(done.objectsDone, 166);
    QCOMPARE(done.objectsTotal, 166);
    QCOMPARE(done.bytesDone, done.bytesTotal);
    QVERIFY(done.bytesTotal > 500'000);
    QCOMPARE(done.failed, 0);
    QCOMPARE(done.fromCache, 0);
    QCOMPARE(progress.last().first().value<LoadProgress>(), done);
    QCOMPARE(loader.series().size(), 1992);
    QCOMPARE(loader.report().predictions, 1992);
    QCOMPARE(loader.report().issueCount(), 0);
    QVERIFY(loader.skipped().isEmpty());
    QVERIFY(loader.error().message.isEmpty());
}

void TestRangeLoader::range_choosesObjectsByFolderTimeAndKeepsOnlyItsPredictions()
{
    results::FolderSource source(kWeek);
    RangeLoader loader(&source);
    // The last 24 hours before 2022-07-29T12:00:00Z (12:00 included).
    const TimeRange range
        = TimeRange::last(24 * 3600 * 1'000'000LL, micros("2022-07-29T12:00:00Z"));
    loader.start(range);
    QVERIFY(waitForFinish(loader));
    QCOMPARE(loader.range(), range);
    const results::Series &series = loader.series();
    QCOMPARE(series.size(), 24 * 12 + 1);
    QCOMPARE(series.at(0).time, micros("2022-07-28T12:00:00Z"));
    QCOMPARE(series.at(series.size() - 1).time, micros("2022-07-29T12:00:00Z"));
    // The executions from two hours before the range to two hours after it: 10:00 on 07-28 to
    // 14:00 on 07-29.
    QCOMPARE(loader.progress().objectsTotal, 29);

    loader.start(TimeRange { micros("2022-07-29T11:30:00Z"), micros("2022-07-29T11:45:00Z") });
    QVERIFY(waitForFinish(loader));
    QCOMPARE(timesOf(loader.series()),
        QStringList(
            { u"2022-07-29T11:30:00Z"_s, u"2022-07-29T11:35:00Z"_s, u"2022-07-29T11:40:00Z"_s }));
    QCOMPARE(loader.progress().objectsTotal, 4); // 10:00 to 13:00
}

void TestRangeLoader::range_fetchesObjectsWhoseFolderIsNoTime()
{
    FakeResultsSource source;
    source.add(u"2022-07-29T12:00:00Z/results.jsonl"_s, hourOfLines("2022-07-29T12:00:00Z"));
    source.add(u"2022-07-20T12:00:00Z/results.jsonl"_s, hourOfLines("2022-07-20T12:00:00Z"));
    source.add(u"renamed/results.jsonl"_s, hourOfLines("2022-07-29T11:00:00Z"));
    source.add(u"results.jsonl"_s, hourOfLines("2022-07-29T13:00:00Z"));
    RangeLoader loader(&source);
    loader.start(TimeRange { micros("2022-07-29T00:00:00Z"), micros("2022-07-30T00:00:00Z") });
    QVERIFY(waitForFinish(loader));
    QStringList fetched = source.fetched;
    fetched.sort();
    QCOMPARE(fetched,
        QStringList({ u"2022-07-29T12:00:00Z/results.jsonl"_s, u"renamed/results.jsonl"_s,
            u"results.jsonl"_s }));
    QCOMPARE(loader.series().size(), 36);
}

void TestRangeLoader::fetches_areBoundedInNumber()
{
    FakeResultsSource source;
    for (int i = 0; i < 30; ++i)
        source.add(QStringLiteral("2022-07-%1T12:00:00Z/results.jsonl")
                       .arg(i + 1, 2, 10, QLatin1Char('0')),
            hourOfLines(QByteArray(
                "2022-07-" + QByteArray::number(i + 1).rightJustified(2, '0') + "T12:00:00Z")
                            .constData()));
    source.holdFetches(true);
    RangeLoader loader(&source);
    loader.setMaxInFlight(3);
    loader.start(TimeRange::all());
    QTRY_COMPARE(source.waiting().size(), 3);
    // Released one at a time, in reverse: never more than three at once.
    while (!source.waiting().isEmpty()) {
        QVERIFY(source.release(source.waiting().last()));
        QTRY_VERIFY(
            source.waiting().size() == 3 || !loader.isLoading() || source.fetched.size() == 30);
    }
    QVERIFY(waitForFinish(loader));
    QCOMPARE(source.maxInFlight, 3);
    QCOMPARE(source.fetched.size(), 30);
    QCOMPARE(loader.series().size(), 360);
    QCOMPARE(loader.maxInFlight(), 3);
    loader.setMaxInFlight(0);
    QCOMPARE(loader.maxInFlight(), 1);
}

void TestRangeLoader::fetches_areBoundedInBytes()
{
    FakeResultsSource source;
    // Listed at 40 MiB each: two never fit together under 64 MiB.
    for (int i = 0; i < 3; ++i)
        source.add(QStringLiteral("%1/results.jsonl").arg(i), hourOfLines("2022-07-29T12:00:00Z"),
            {}, 40 << 20);
    source.holdFetches(true);
    RangeLoader loader(&source);
    loader.start(TimeRange::all());
    QTRY_COMPARE(source.waiting().size(), 1);
    for (int i = 0; i < 3; ++i) {
        QTRY_COMPARE(source.waiting().size(), 1);
        QVERIFY(source.release(source.waiting().first()));
    }
    QVERIFY(waitForFinish(loader));
    QCOMPARE(source.maxInFlight, 1);
    QCOMPARE(loader.progress().objectsDone, 3);
}

void TestRangeLoader::partialSeries_arriveInAnyOrderToTheSameEnd()
{
    FakeResultsSource source;
    QStringList keys;
    for (int hour = 1; hour <= 12; ++hour) {
        const QByteArray execution
            = "2022-07-29T" + QByteArray::number(hour).rightJustified(2, '0') + ":00:00Z";
        keys.append(QString::fromLatin1(execution) + u"/results.jsonl"_s);
        source.add(keys.last(), hourOfLines(execution.constData()));
    }
    source.holdFetches(true);
    RangeLoader loader(&source);
    loader.setMaxInFlight(12);
    QList<qsizetype> sizes;
    QList<qsizetype> changedFrom;
    connect(&loader, &RangeLoader::seriesChanged, this, [&](qsizetype firstChanged) {
        sizes.append(loader.series().size());
        changedFrom.append(firstChanged);
        const auto &p = loader.series().predictions();
        QVERIFY(std::is_sorted(
            p.begin(), p.end(), [](const auto &a, const auto &b) { return a.time < b.time; }));
    });
    loader.start(TimeRange::all());
    QTRY_COMPARE(source.waiting().size(), 12);
    QCOMPARE(sizes, QList<qsizetype>({ 0 })); // start() announces the cleared series
    // The last hour first, then the first, then the rest.
    QVERIFY(source.release(keys[11]));
    QTRY_COMPARE(loader.series().size(), 12);
    QCOMPARE(changedFrom.last(), 0);
    QVERIFY(source.release(keys[0]));
    QTRY_COMPARE(loader.series().size(), 24);
    QCOMPARE(changedFrom.last(), 0);
    QCOMPARE(loader.progress().objectsDone, 2);
    for (int i = 1; i < 11; ++i)
        QVERIFY(source.release(keys[i]));
    QVERIFY(waitForFinish(loader));
    QCOMPARE(loader.series().size(), 144);
    QCOMPARE(sizes.last(), 144);
    QVERIFY(sizes.size() >= 3);
    QCOMPARE(loader.series().at(0).time, micros("2022-07-29T00:00:00Z"));
}

void TestRangeLoader::cancel_stopsEverything()
{
    FakeResultsSource source;
    for (int i = 0; i < 20; ++i)
        source.add(QStringLiteral("%1/results.jsonl").arg(i), hourOfLines("2022-07-29T12:00:00Z"));
    source.holdFetches(true);
    RangeLoader loader(&source);
    QSignalSpy finished(&loader, &RangeLoader::finished);
    QSignalSpy changed(&loader, &RangeLoader::seriesChanged);
    loader.start(TimeRange::all());
    QTRY_COMPARE(source.waiting().size(), 8);
    QVERIFY(source.release(source.waiting().first()));
    QTRY_COMPARE(loader.progress().objectsDone, 1);
    loader.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(
        finished.first().first().value<RangeLoader::Outcome>(), RangeLoader::Outcome::Cancelled);
    QVERIFY(!loader.isLoading());
    QCOMPARE(source.cancels, 1);
    QVERIFY(source.waiting().isEmpty());
    const qsizetype changes = changed.size();
    const qsizetype fetched = source.fetched.size();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(changed.size(), changes);
    QCOMPARE(source.fetched.size(), fetched);
    QCOMPARE(finished.size(), 1);
    loader.cancel(); // nothing in progress: nothing happens
    QCOMPARE(finished.size(), 1);
}

void TestRangeLoader::start_againCancelsTheLoadInProgress()
{
    results::FolderSource source(kWeek);
    RangeLoader loader(&source);
    QSignalSpy finished(&loader, &RangeLoader::finished);
    loader.start(TimeRange::all());
    loader.start(TimeRange { micros("2022-07-29T11:30:00Z"), micros("2022-07-29T11:45:00Z") });
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished[0].first().value<RangeLoader::Outcome>(), RangeLoader::Outcome::Cancelled);
    QCOMPARE(finished[1].first().value<RangeLoader::Outcome>(), RangeLoader::Outcome::Complete);
    QCOMPARE(loader.series().size(), 3);
    QCOMPARE(loader.report().predictions, 48); // four objects of twelve lines, all read
}

void TestRangeLoader::failedListing_failsTheLoad()
{
    results::FolderSource source(u"/nonexistent/results"_s);
    RangeLoader loader(&source);
    QSignalSpy finished(&loader, &RangeLoader::finished);
    loader.start(TimeRange::all());
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.first().first().value<RangeLoader::Outcome>(), RangeLoader::Outcome::Failed);
    QCOMPARE(loader.error().message,
        u"Cannot read the folder /nonexistent/results: No such file or directory"_s);
    QVERIFY(loader.series().isEmpty());
}

void TestRangeLoader::givenListing_isUsedInsteadOfListing()
{
    FakeResultsSource source;
    source.add(u"2022-07-29T12:00:00Z/results.jsonl"_s, hourOfLines("2022-07-29T12:00:00Z"));
    source.add(u"2022-07-29T13:00:00Z/results.jsonl"_s, hourOfLines("2022-07-29T13:00:00Z"));
    // The caller's listing names one of the two objects: only that one is read.
    results::Listing listing;
    listing.objects.append({ u"2022-07-29T13:00:00Z/results.jsonl"_s,
        hourOfLines("2022-07-29T13:00:00Z").size(), QByteArray(), QDateTime() });
    RangeLoader loader(&source);
    QSignalSpy listed(&loader, &RangeLoader::listed);
    loader.start(TimeRange::all(), listing);
    QCOMPARE(listed.count(), 0); // answered from the event loop, as a source's listing is
    QVERIFY(waitForFinish(loader));
    QCOMPARE(source.lists, 0);
    QCOMPARE(loader.progress().objectsListed, 1);
    QCOMPARE(loader.series().size(), 12);

    // Without one, the source is listed.
    loader.start(TimeRange::all());
    QVERIFY(waitForFinish(loader));
    QCOMPARE(source.lists, 1);
    QCOMPARE(loader.series().size(), 24);
}

void TestRangeLoader::failedAndOversizedObjects_areReportedAndTheLoadGoesOn()
{
    FakeResultsSource source;
    source.add(u"a/results.jsonl"_s, hourOfLines("2022-07-29T12:00:00Z"));
    source.add(u"b/results.jsonl"_s, hourOfLines("2022-07-29T13:00:00Z"));
    source.failFetch(u"b/results.jsonl"_s, u"Cannot read b/results.jsonl: Input/output error"_s);
    source.add(u"c/results.jsonl"_s, QByteArray(), {}, results::kMaxObjectBytes + 1);
    source.add(u"d/results.jsonl"_s, hourOfLines("2022-07-29T14:00:00Z"));
    source.skip(u"e/results.jsonl"_s, u"a named pipe, not a regular file"_s);
    RangeLoader loader(&source);
    loader.start(TimeRange::all());
    QVERIFY(waitForFinish(loader));
    QCOMPARE(loader.series().size(), 24);
    QCOMPARE(loader.progress().objectsDone, 4);
    QCOMPARE(loader.progress().failed, 2);
    QVERIFY(!source.fetched.contains(u"c/results.jsonl"_s));
    QCOMPARE(loader.report().otherIssues, 2);
    QStringList issues;
    for (const results::ParseIssue &issue : loader.report().issues)
        issues.append(issue.toString());
    issues.sort();
    QCOMPARE(issues,
        QStringList({ u"b/results.jsonl: Cannot read b/results.jsonl: Input/output error"_s,
            u"c/results.jsonl: 67108865 bytes, more than the 64 MiB an object may have"_s }));
    QCOMPARE(loader.skipped().size(), 1);
    QCOMPARE(loader.skipped().first().reason, u"a named pipe, not a regular file"_s);
}

void TestRangeLoader::malformedLines_areReportedWithTheirObject()
{
    FakeResultsSource source;
    source.add(u"a/results.jsonl"_s, hourOfLines("2022-07-29T12:00:00Z") + "oops\n");
    RangeLoader loader(&source);
    loader.start(TimeRange::all());
    QVERIFY(waitForFinish(loader));
    QCOMPARE(loader.report().skippedLines, 1);
    QCOMPARE(loader.report().issues.first().toString(),
        u"a/results.jsonl, line 13: not JSON: expected '{' at column 1; line skipped"_s);
}

void TestRangeLoader::emptyListing_completes()
{
    FakeResultsSource source;
    RangeLoader loader(&source);
    QSignalSpy finished(&loader, &RangeLoader::finished);
    loader.start(TimeRange::all());
    QVERIFY(finished.wait(30'000));
    QCOMPARE(
        finished.first().first().value<RangeLoader::Outcome>(), RangeLoader::Outcome::Complete);
    QCOMPARE(loader.progress().objectsTotal, 0);
}

void TestRangeLoader::cache_secondLoadFetchesNothing()
{
    QTemporaryDir dir;
    results::ObjectCache cache(dir.path());
    FakeResultsSource source(u"s3://bucket/output/"_s);
    for (int hour = 10; hour < 20; ++hour) {
        const QByteArray execution = "2022-07-29T" + QByteArray::number(hour) + ":00:00Z";
        source.add(QString::fromLatin1(execution) + u"/results.jsonl"_s,
            hourOfLines(execution.constData()), "\"etag-" + QByteArray::number(hour) + '"');
    }
    {
        RangeLoader loader(&source, &cache);
        loader.start(TimeRange::all());
        QVERIFY(waitForFinish(loader));
        QCOMPARE(source.fetched.size(), 10);
        QCOMPARE(loader.progress().fromCache, 0);
    }
    source.fetched.clear();
    RangeLoader again(&source, &cache);
    again.start(TimeRange::all());
    QVERIFY(waitForFinish(again));
    QCOMPARE(source.fetched.size(), 0);
    QCOMPARE(source.lists, 2);
    QCOMPARE(again.progress().fromCache, 10);
    QCOMPARE(again.progress().objectsDone, 10);
    QCOMPARE(again.series().size(), 120);
    // A range from the cache is cut like one fetched.
    again.start(TimeRange { micros("2022-07-29T12:00:00Z"), micros("2022-07-29T12:30:00Z") });
    QVERIFY(waitForFinish(again));
    QCOMPARE(again.series().size(), 6);
    QCOMPARE(source.fetched.size(), 0);
}

void TestRangeLoader::cache_damagedEntryIsFetchedAgain()
{
    QTemporaryDir dir;
    results::ObjectCache cache(dir.path());
    FakeResultsSource source(u"s3://bucket/output/"_s);
    source.add(
        u"2022-07-29T12:00:00Z/results.jsonl"_s, hourOfLines("2022-07-29T12:00:00Z"), "\"e\"");
    {
        RangeLoader loader(&source, &cache);
        loader.start(TimeRange::all());
        QVERIFY(waitForFinish(loader));
    }
    QDirIterator it(dir.path(), { u"*.entry"_s }, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    QFile entry(it.next());
    QVERIFY(entry.open(QIODevice::ReadWrite));
    QVERIFY(entry.resize(entry.size() - 10));
    entry.close();
    source.fetched.clear();
    RangeLoader loader(&source, &cache);
    loader.start(TimeRange::all());
    QVERIFY(waitForFinish(loader));
    QCOMPARE(source.fetched.size(), 1);
    QCOMPARE(loader.progress().fromCache, 0);
    QCOMPARE(loader.series().size(), 12);
    QCOMPARE(loader.report().issueCount(), 0);
}

void TestRangeLoader::cache_isNotUsedWithoutScopeOrEtag()
{
    QTemporaryDir dir;
    results::ObjectCache cache(dir.path());
    FakeResultsSource noScope;
    noScope.add(u"a/results.jsonl"_s, hourOfLines("2022-07-29T12:00:00Z"), "\"e\"");
    FakeResultsSource noEtag(u"s3://bucket/"_s);
    noEtag.add(u"a/results.jsonl"_s, hourOfLines("2022-07-29T12:00:00Z"));
    for (FakeResultsSource *source : { &noScope, &noEtag }) {
        for (int round = 0; round < 2; ++round) {
            RangeLoader loader(source, &cache);
            loader.start(TimeRange::all());
            QVERIFY(waitForFinish(loader));
            QCOMPARE(loader.series().size(), 12);
        }
        QCOMPARE(source->fetched.size(), 2);
    }
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(!it.hasNext());
}

void TestRangeLoader::destruction_duringALoadIsSafe()
{
    results::FolderSource source(kWeek);
    for (int round = 0; round < 5; ++round) {
        auto loader = std::make_unique<RangeLoader>(&source);
        loader->start(TimeRange::all());
        QSignalSpy changed(loader.get(), &RangeLoader::seriesChanged);
        QVERIFY(changed.wait(30'000));
        loader.reset();
        QCoreApplication::processEvents();
    }
}

QTEST_GUILESS_MAIN(TestRangeLoader)
#include "tst_rangeloader.moc"
