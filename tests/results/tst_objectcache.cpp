// ObjectCache: entries found by scope, key and ETag only; damaged entries (cut, altered, of another
// format) are misses and are deleted; trimming deletes the least recently used first and old
// temporary files; several threads and several cache objects on one directory never see a
// partial entry.
#include "results/objectcache.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using results::ObjectCache;
using results::ObjectInfo;

namespace {

const QString kScope = u"s3://bucket/output/"_s;

ObjectInfo object(const QString &key, const QByteArray &etag = "\"0123abcd\""_ba)
{
    return { key, 0, etag, QDateTime() };
}

QStringList entryFiles(const QString &directory)
{
    QStringList files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

QByteArray contentsOf(int i, qsizetype size)
{
    QByteArray bytes(size, 'x');
    const QByteArray tag = QByteArray::number(i) + '\n';
    bytes.replace(0, tag.size(), tag);
    return bytes;
}

void setUsed(const QString &path, const QDateTime &time)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(time, QFileDevice::FileModificationTime));
}

} // namespace

class TestObjectCache : public QObject {
    Q_OBJECT
private slots:
    void storedObjects_areFoundByScopeKeyAndEtag();
    void objectsWithoutEtagOrScope_areNotCached();
    void folders_areMadeAgain_orTheStoreFails();
    void damagedEntries_areMissesAndDeleted_data();
    void damagedEntries_areMissesAndDeleted();
    void entryReplacedByAPipe_isAMissAtOnce();
    void trim_deletesTheLeastRecentlyUsedFirst();
    void trim_deletesOldTemporaryFiles();
    void store_trimsAfterAnEighthOfTheLimit();
    void oversizedObjects_areNotStored();
    void concurrentCaches_neverSeeAPartialEntry();
    void checksum_dependsOnEveryByte();
    void defaultDirectory_isUnderTheCacheLocation();
};

void TestObjectCache::storedObjects_areFoundByScopeKeyAndEtag()
{
    QTemporaryDir dir;
    ObjectCache cache(dir.filePath(u"cache"_s));
    const QByteArray contents = "{\"timestamp\": \"2022-07-29T11:45:00\"}\n";
    QVERIFY(!cache.find(kScope, object(u"a/results.jsonl"_s)));
    QVERIFY(cache.store(kScope, object(u"a/results.jsonl"_s), contents));
    QCOMPARE(cache.find(kScope, object(u"a/results.jsonl"_s)), std::optional<QByteArray>(contents));
    QVERIFY(!cache.find(kScope, object(u"b/results.jsonl"_s)));
    QVERIFY(!cache.find(kScope, object(u"a/results.jsonl"_s, "\"ffff\"")));
    QVERIFY(!cache.find(u"s3://other/output/"_s, object(u"a/results.jsonl"_s)));
    // The parts cannot run into each other.
    QVERIFY(!cache.find(u"s3://bucket/output/a"_s, object(u"/results.jsonl"_s)));
    // An empty object is an entry too.
    QVERIFY(cache.store(kScope, object(u"empty"_s), QByteArray()));
    QCOMPARE(cache.find(kScope, object(u"empty"_s)), std::optional<QByteArray>(QByteArray()));
    // Another cache on the same directory (another process) finds them.
    ObjectCache other(dir.filePath(u"cache"_s));
    QCOMPARE(other.find(kScope, object(u"a/results.jsonl"_s)), std::optional<QByteArray>(contents));
    const QStringList files = entryFiles(dir.filePath(u"cache"_s));
    QCOMPARE(files.size(), 2);
    QVERIFY(QRegularExpression(u"/cache/([0-9a-f]{2})/\\1[0-9a-f]{62}\\.entry$"_s)
                .match(files.first())
                .hasMatch());
}

void TestObjectCache::objectsWithoutEtagOrScope_areNotCached()
{
    QTemporaryDir dir;
    ObjectCache cache(dir.path());
    QVERIFY(!cache.store(kScope, object(u"a"_s, QByteArray()), "x"));
    QVERIFY(!cache.store(QString(), object(u"a"_s), "x"));
    QVERIFY(!cache.find(QString(), object(u"a"_s)));
    QVERIFY(entryFiles(dir.path()).isEmpty());
}

// Folders are made when a write into them fails: a cache deleted while in use is made again, and
// one that cannot be made (a file where the folder would be) fails the store, not the load.
void TestObjectCache::folders_areMadeAgain_orTheStoreFails()
{
    QTemporaryDir dir;
    const QString directory = dir.filePath(u"cache"_s);
    ObjectCache cache(directory);
    QVERIFY(cache.store(kScope, object(u"a"_s), "first"));
    QVERIFY(QDir(directory).removeRecursively());
    QVERIFY(cache.store(kScope, object(u"a"_s), "again"));
    QCOMPARE(cache.find(kScope, object(u"a"_s)), std::optional<QByteArray>("again"));

    QVERIFY(QDir(directory).removeRecursively());
    QFile blocker(directory);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!cache.store(kScope, object(u"a"_s), "blocked"));
    QVERIFY(!cache.find(kScope, object(u"a"_s)));
    QCOMPARE(QFileInfo(directory).size(), 0);
}

void TestObjectCache::damagedEntries_areMissesAndDeleted_data()
{
    QTest::addColumn<int>("damage");
    QTest::newRow("cut short") << 0;
    QTest::newRow("a byte changed") << 1;
    QTest::newRow("bytes added") << 2;
    QTest::newRow("empty") << 3;
    QTest::newRow("another format") << 4;
    QTest::newRow("length lies") << 5;
}

void TestObjectCache::damagedEntries_areMissesAndDeleted()
{
    QFETCH(int, damage);
    QTemporaryDir dir;
    ObjectCache cache(dir.path());
    const QByteArray contents = contentsOf(1, 1000);
    QVERIFY(cache.store(kScope, object(u"a"_s), contents));
    const QString path = entryFiles(dir.path()).first();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    switch (damage) {
    case 0:
        bytes.chop(1);
        break;
    case 1:
        bytes[500] = 'y';
        break;
    case 2:
        bytes += "more";
        break;
    case 3:
        bytes.clear();
        break;
    case 4:
        bytes[7] = '9';
        break;
    case 5:
        bytes[8] = static_cast<char>(bytes[8] - 1);
        bytes.chop(1);
        break;
    }
    QVERIFY(file.resize(0));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    QVERIFY(!cache.find(kScope, object(u"a"_s)));
    QVERIFY(!QFile::exists(path));
    // Stored again, it is found again.
    QVERIFY(cache.store(kScope, object(u"a"_s), contents));
    QCOMPARE(cache.find(kScope, object(u"a"_s)), std::optional<QByteArray>(contents));
}

// An entry is read as any file is: a pipe with no writer in its place is a miss, not a hang.
void TestObjectCache::entryReplacedByAPipe_isAMissAtOnce()
{
    QTemporaryDir dir;
    ObjectCache cache(dir.path());
    QVERIFY(cache.store(kScope, object(u"a"_s), contentsOf(1, 100)));
    const QString path = entryFiles(dir.path()).first();
    QVERIFY(QFile::remove(path));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    QVERIFY(!cache.find(kScope, object(u"a"_s)));
    QVERIFY(!QFileInfo::exists(path));
}

void TestObjectCache::trim_deletesTheLeastRecentlyUsedFirst()
{
    QTemporaryDir dir;
    // Ten entries of about 1,000 bytes under a limit of 10,000 bytes: all fit until trim needs
    // room, which the explicit trim() below makes by shrinking the limit.
    {
        ObjectCache filling(dir.path(), 1'000'000);
        for (int i = 0; i < 10; ++i)
            QVERIFY(filling.store(kScope, object(QString::number(i)), contentsOf(i, 1000)));
    }
    QCOMPARE(entryFiles(dir.path()).size(), 10);
    // Entry i was last used i hours ago; then 7 and 8 are used now.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ObjectCache cache(dir.path(), 6 * 1024);
    for (int i = 0; i < 10; ++i) {
        ObjectCache probe(dir.path(), 1'000'000);
        QVERIFY(probe.find(kScope, object(QString::number(i))));
    }
    const QStringList files = entryFiles(dir.path());
    QHash<QString, int> indexOfPath;
    for (int i = 0; i < 10; ++i) {
        for (const QString &path : files) {
            QFile entry(path);
            QVERIFY(entry.open(QIODevice::ReadOnly));
            if (entry.readAll().mid(24).startsWith(QByteArray(QByteArray::number(i) + '\n')))
                indexOfPath.insert(path, i);
        }
    }
    QCOMPARE(indexOfPath.size(), 10);
    for (auto it = indexOfPath.cbegin(); it != indexOfPath.cend(); ++it)
        setUsed(it.key(), now.addSecs(-3600 * it.value()));
    QVERIFY(cache.find(kScope, object(u"7"_s)));
    QVERIFY(cache.find(kScope, object(u"8"_s)));
    cache.trim();
    // 6 KiB allowed, trimmed to 3/4 of it: four entries of 1,024 bytes stay, the most recent.
    QStringList kept;
    for (int i = 0; i < 10; ++i) {
        if (ObjectCache(dir.path(), 1'000'000).find(kScope, object(QString::number(i))))
            kept.append(QString::number(i));
    }
    QCOMPARE(kept, QStringList({ u"0"_s, u"1"_s, u"7"_s, u"8"_s }));
    // Under the limit, trim deletes nothing.
    cache.trim();
    QCOMPARE(entryFiles(dir.path()).size(), 4);
}

void TestObjectCache::trim_deletesOldTemporaryFiles()
{
    QTemporaryDir dir;
    ObjectCache cache(dir.path());
    QVERIFY(cache.store(kScope, object(u"a"_s), "x"));
    const QString folder = QFileInfo(entryFiles(dir.path()).first()).path();
    QFile oldTemporary(folder + u"/deadbeef.entry.Ab12Cd"_s);
    QVERIFY(oldTemporary.open(QIODevice::WriteOnly));
    oldTemporary.write("partial");
    QVERIFY(oldTemporary.flush());
    QVERIFY(oldTemporary.setFileTime(
        QDateTime::currentDateTimeUtc().addDays(-2), QFileDevice::FileModificationTime));
    oldTemporary.close();
    QFile newTemporary(folder + u"/cafe.entry.Xy34Zw"_s);
    QVERIFY(newTemporary.open(QIODevice::WriteOnly));
    newTemporary.close();
    cache.trim();
    QVERIFY(!QFile::exists(oldTemporary.fileName()));
    QVERIFY(QFile::exists(newTemporary.fileName())); // may be another process's write in progress
    QVERIFY(cache.find(kScope, object(u"a"_s)));
}

void TestObjectCache::store_trimsAfterAnEighthOfTheLimit()
{
    QTemporaryDir dir;
    ObjectCache cache(dir.path(), 80'000);
    for (int i = 0; i < 200; ++i)
        QVERIFY(cache.store(kScope, object(QString::number(i)), contentsOf(i, 1000)));
    qint64 total = 0;
    for (const QString &path : entryFiles(dir.path()))
        total += QFileInfo(path).size();
    // Never more than the limit plus what is stored between two trims.
    QVERIFY2(total <= 80'000 + 10'000 + 1024, qPrintable(QString::number(total)));
    QVERIFY(cache.find(kScope, object(u"199"_s)));
}

void TestObjectCache::oversizedObjects_areNotStored()
{
    QTemporaryDir dir;
    ObjectCache cache(dir.path(), 4000);
    QVERIFY(cache.store(kScope, object(u"small"_s), QByteArray(1000, 'x')));
    QVERIFY(!cache.store(kScope, object(u"quarter"_s), QByteArray(1001, 'x')));
    QCOMPARE(entryFiles(dir.path()).size(), 1);
}

void TestObjectCache::concurrentCaches_neverSeeAPartialEntry()
{
    QTemporaryDir dir;
    std::atomic<int> wrong { 0 };
    std::atomic<int> hits { 0 };
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&, t] {
            ObjectCache cache(dir.path(), 200'000);
            for (int round = 0; round < 150; ++round) {
                const int i = (round * 7 + t) % 20;
                const QByteArray contents = contentsOf(i, 2000 + i * 100);
                if (const auto found = cache.find(kScope, object(QString::number(i)))) {
                    ++hits;
                    if (*found != contents)
                        ++wrong;
                }
                cache.store(kScope, object(QString::number(i)), contents);
            }
        }));
    }
    for (QThread *thread : threads)
        thread->start();
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(60'000));
        delete thread;
    }
    QCOMPARE(wrong.load(), 0);
    QVERIFY(hits.load() > 0);
}

void TestObjectCache::checksum_dependsOnEveryByte()
{
    const QByteArray bytes = contentsOf(1, 37);
    const quint64 sum = ObjectCache::checksum(bytes);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        QByteArray changed = bytes;
        changed[i] = static_cast<char>(changed[i] ^ 1);
        QVERIFY(ObjectCache::checksum(changed) != sum);
    }
    QVERIFY(ObjectCache::checksum(bytes.left(36)) != sum);
    QVERIFY(ObjectCache::checksum(QByteArray()) != ObjectCache::checksum(QByteArray(8, '\0')));
}

void TestObjectCache::defaultDirectory_isUnderTheCacheLocation()
{
    QCOMPARE(ObjectCache::defaultDirectory(),
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/results"_s);
    QCOMPARE(ObjectCache(u"/x"_s).maxBytes(), 512LL * 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestObjectCache)
#include "tst_objectcache.moc"
