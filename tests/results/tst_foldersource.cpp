// FolderSource: finds results.jsonl at any depth, in key order; reads only regular files and
// says why it skips pipes, sockets, devices, dangling links, links out of the folder and links to
// folders; never blocks on a pipe swapped in after the listing; refuses objects over 64 MiB;
// answers asynchronously on its own thread, and not at all after cancelAll().
#include "results/foldersource.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using results::FolderSource;
using results::Listing;
using results::SourceError;

namespace {

const QByteArray kLine = R"({"timestamp": "2022-07-29T11:45:00.000000", "prediction": 0})"
                         "\n"_ba;

void write(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
}

Listing listed(const QString &folder)
{
    auto result = FolderSource::listFolder(folder);
    if (const SourceError *error = std::get_if<SourceError>(&result))
        qFatal("listing failed: %s", qPrintable(error->message));
    return std::get<Listing>(result);
}

QStringList keys(const Listing &listing)
{
    QStringList out;
    for (const results::ObjectInfo &object : listing.objects)
        out.append(object.key);
    return out;
}

QString skipReason(const Listing &listing, const QString &key)
{
    for (const results::SkippedEntry &entry : listing.skipped) {
        if (entry.key == key)
            return entry.reason;
    }
    return u"(not skipped)"_s;
}

QString errorOf(const std::variant<QByteArray, SourceError> &result)
{
    const SourceError *error = std::get_if<SourceError>(&result);
    return error ? error->message : u"(read)"_s;
}

} // namespace

class TestFolderSource : public QObject {
    Q_OBJECT
private slots:
    void sample_isListedInKeyOrder();
    void objects_atAnyDepth_andOnlyByName();
    void specialEntries_areSkippedWithWhy();
    void linksInside_areFollowedToFiles();
    void unreadableFolder_isSkippedWithWhy();
    void badFolders_fail();
    void readObject_readsWholeFiles();
    void readObject_neverBlocksOnAPipe();
    void readObject_refusesOversizedAndEscapingObjects();
    void asynchronous_answersLaterOnTheCallersThread();
    void cancelAll_dropsAnswers();
};

void TestFolderSource::sample_isListedInKeyOrder()
{
    const Listing listing = listed(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/pump-week"));
    QCOMPARE(listing.objects.size(), 166);
    QVERIFY(listing.skipped.isEmpty());
    QCOMPARE(listing.objects.first().key, u"2022-07-25T01:00:00Z/results.jsonl"_s);
    QCOMPARE(listing.objects.last().key, u"2022-08-01T00:00:00Z/results.jsonl"_s);
    const QStringList listedKeys = keys(listing);
    QVERIFY(std::is_sorted(listedKeys.begin(), listedKeys.end()));
    const QFileInfo first(QStringLiteral(
        LOOKOUT_TEST_DATA_DIR "/results/pump-week/2022-07-25T01:00:00Z/results.jsonl"));
    QCOMPARE(listing.objects.first().size, first.size());
    QCOMPARE(listing.objects.first().lastModified.toMSecsSinceEpoch(),
        first.lastModified().toMSecsSinceEpoch());
    QVERIFY(listing.objects.first().etag.isEmpty());
}

void TestFolderSource::objects_atAnyDepth_andOnlyByName()
{
    QTemporaryDir dir;
    write(dir.filePath(u"results.jsonl"_s), kLine);
    write(dir.filePath(u"a/b/c/2021-04-13T14:15:00Z/results.jsonl"_s), kLine);
    write(dir.filePath(u"a/results.jsonl.tmp"_s), kLine);
    write(dir.filePath(u"a/Results.jsonl"_s), kLine);
    write(dir.filePath(u"input/pump.csv"_s), "timestamp,Sensor0\n");
    write(dir.filePath(u"Ünïcode folder/results.jsonl"_s), kLine);
    QDir().mkpath(dir.filePath(u"empty/deeper"_s));
    const Listing listing = listed(dir.path());
    QCOMPARE(keys(listing),
        QStringList({ u"a/b/c/2021-04-13T14:15:00Z/results.jsonl"_s, u"results.jsonl"_s,
            u"Ünïcode folder/results.jsonl"_s }));
    QVERIFY(listing.skipped.isEmpty());
    QCOMPARE(listing.objects.first().size, kLine.size());
}

void TestFolderSource::specialEntries_areSkippedWithWhy()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    write(dir.filePath(u"ok/results.jsonl"_s), kLine);
    QDir().mkpath(dir.filePath(u"pipe"_s));
    QCOMPARE(
        ::mkfifo(QFile::encodeName(dir.filePath(u"pipe/results.jsonl"_s)).constData(), 0600), 0);
    // A socket.
    QDir().mkpath(dir.filePath(u"socket"_s));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray socketPath = QFile::encodeName(dir.filePath(u"socket/results.jsonl"_s));
    QVERIFY(socketPath.size() < qsizetype(sizeof address.sun_path));
    std::memcpy(address.sun_path, socketPath.constData(), static_cast<size_t>(socketPath.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    // Links: dangling, out of the folder (to a file and to a folder), to a folder inside.
    QDir().mkpath(dir.filePath(u"links"_s));
    QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), dir.filePath(u"links/results.jsonl"_s)));
    QTemporaryDir outside;
    write(outside.filePath(u"results.jsonl"_s), kLine);
    QDir().mkpath(dir.filePath(u"out"_s));
    QVERIFY(
        QFile::link(outside.filePath(u"results.jsonl"_s), dir.filePath(u"out/results.jsonl"_s)));
    QVERIFY(QFile::link(outside.path(), dir.filePath(u"outside-folder"_s)));
    QVERIFY(QFile::link(dir.filePath(u"ok"_s), dir.filePath(u"latest"_s)));
    // A link to a folder that links back: not followed, so no cycle.
    QVERIFY(QFile::link(root, dir.filePath(u"ok/loop"_s)));
    // A folder named results.jsonl.
    QDir().mkpath(dir.filePath(u"folder/results.jsonl"_s));
    // A device, where this user may make one.
    QDir().mkpath(dir.filePath(u"device"_s));
    const bool device
        = ::mknod(QFile::encodeName(dir.filePath(u"device/results.jsonl"_s)).constData(),
              S_IFCHR | 0600, makedev(1, 3))
        == 0;

    const Listing listing = listed(root);
    ::close(fd);
    QCOMPARE(keys(listing), QStringList({ u"ok/results.jsonl"_s }));
    QCOMPARE(skipReason(listing, u"pipe/results.jsonl"_s), u"a named pipe, not a regular file"_s);
    QCOMPARE(skipReason(listing, u"socket/results.jsonl"_s), u"a socket, not a regular file"_s);
    QCOMPARE(skipReason(listing, u"links/results.jsonl"_s),
        u"a link that leads nowhere (No such file or directory)"_s);
    const QString outsideReal = QFileInfo(outside.path()).canonicalFilePath();
    QCOMPARE(skipReason(listing, u"out/results.jsonl"_s),
        u"a link that leaves the folder (to "_s + outsideReal + u"/results.jsonl)"_s);
    QCOMPARE(skipReason(listing, u"outside-folder"_s),
        u"a link that leaves the folder (to "_s + outsideReal + u")"_s);
    QCOMPARE(
        skipReason(listing, u"latest"_s), u"a link to a folder inside this one; not followed"_s);
    QCOMPARE(
        skipReason(listing, u"ok/loop"_s), u"a link to a folder inside this one; not followed"_s);
    QCOMPARE(skipReason(listing, u"folder/results.jsonl"_s),
        u"(not skipped)"_s); // a folder is searched, and is empty
    if (device)
        QCOMPARE(skipReason(listing, u"device/results.jsonl"_s), u"a device, not a regular file"_s);
    QCOMPARE(listing.skipped.size(), device ? 8 : 7);
}

void TestFolderSource::linksInside_areFollowedToFiles()
{
    QTemporaryDir dir;
    write(dir.filePath(u"data/2021-04-13T14:15:00Z.jsonl"_s), kLine + kLine);
    QDir().mkpath(dir.filePath(u"2021-04-13T14:15:00Z"_s));
    QVERIFY(QFile::link(u"../data/2021-04-13T14:15:00Z.jsonl"_s,
        dir.filePath(u"2021-04-13T14:15:00Z/results.jsonl"_s)));
    QDir().mkpath(dir.filePath(u"pipe-link"_s));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"data/fifo"_s)).constData(), 0600), 0);
    QVERIFY(QFile::link(dir.filePath(u"data/fifo"_s), dir.filePath(u"pipe-link/results.jsonl"_s)));
    const Listing listing = listed(dir.path());
    QCOMPARE(keys(listing), QStringList({ u"2021-04-13T14:15:00Z/results.jsonl"_s }));
    QCOMPARE(listing.objects.first().size, 2 * kLine.size());
    QCOMPARE(skipReason(listing, u"pipe-link/results.jsonl"_s),
        u"a link to a named pipe, not a regular file"_s);
    const auto read = FolderSource::readObject(dir.path(), listing.objects.first().key);
    QCOMPARE(std::get<QByteArray>(read), kLine + kLine);
}

void TestFolderSource::unreadableFolder_isSkippedWithWhy()
{
    if (::geteuid() == 0)
        QSKIP("runs as root, which may open any folder");
    QTemporaryDir dir;
    write(dir.filePath(u"open/results.jsonl"_s), kLine);
    write(dir.filePath(u"closed/results.jsonl"_s), kLine);
    QVERIFY(QFile::setPermissions(dir.filePath(u"closed"_s), QFileDevice::Permissions()));
    const Listing listing = listed(dir.path());
    QFile::setPermissions(dir.filePath(u"closed"_s),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(keys(listing), QStringList({ u"open/results.jsonl"_s }));
    QCOMPARE(skipReason(listing, u"closed"_s), u"cannot open the folder: Permission denied"_s);
}

void TestFolderSource::badFolders_fail()
{
    QTemporaryDir dir;
    write(dir.filePath(u"file"_s), kLine);
    const auto error = [](const QString &folder) {
        auto result = FolderSource::listFolder(folder);
        const SourceError *failure = std::get_if<SourceError>(&result);
        return failure ? failure->message : u"(listed)"_s;
    };
    QCOMPARE(error(dir.filePath(u"missing"_s)),
        u"Cannot read the folder "_s + dir.filePath(u"missing"_s)
            + u": No such file or directory"_s);
    QCOMPARE(error(dir.filePath(u"file"_s)), dir.filePath(u"file"_s) + u" is not a folder"_s);
    QCOMPARE(error(QString()), u"No folder was named"_s);
    QCOMPARE(error(u"s3://bucket/prefix/"_s),
        u"Cannot read the folder s3://bucket/prefix/: No such file or directory"_s);
}

void TestFolderSource::readObject_readsWholeFiles()
{
    QTemporaryDir dir;
    QByteArray large;
    while (large.size() < 3 << 20)
        large += kLine;
    write(dir.filePath(u"x/results.jsonl"_s), large);
    write(dir.filePath(u"y/results.jsonl"_s), QByteArray());
    QCOMPARE(
        std::get<QByteArray>(FolderSource::readObject(dir.path(), u"x/results.jsonl"_s)), large);
    QCOMPARE(std::get<QByteArray>(FolderSource::readObject(dir.path(), u"y/results.jsonl"_s)),
        QByteArray());
    QCOMPARE(errorOf(FolderSource::readObject(dir.path(), u"z/results.jsonl"_s)),
        u"Cannot read z/results.jsonl: No such file or directory"_s);
}

void TestFolderSource::readObject_neverBlocksOnAPipe()
{
    QTemporaryDir dir;
    write(dir.filePath(u"x/results.jsonl"_s), kLine);
    const Listing listing = listed(dir.path());
    QCOMPARE(listing.objects.size(), 1);
    // Swapped for a pipe nobody writes to after the listing: opening it must not wait.
    QVERIFY(QFile::remove(dir.filePath(u"x/results.jsonl"_s)));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"x/results.jsonl"_s)).constData(), 0600), 0);
    QCOMPARE(errorOf(FolderSource::readObject(dir.path(), u"x/results.jsonl"_s)),
        u"Cannot read x/results.jsonl: it is a named pipe, not a regular file"_s);
    // And a folder in its place.
    QVERIFY(QFile::remove(dir.filePath(u"x/results.jsonl"_s)));
    QVERIFY(QDir().mkpath(dir.filePath(u"x/results.jsonl"_s)));
    QCOMPARE(errorOf(FolderSource::readObject(dir.path(), u"x/results.jsonl"_s)),
        u"Cannot read x/results.jsonl: it is a folder, not a regular file"_s);
}

void TestFolderSource::readObject_refusesOversizedAndEscapingObjects()
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(u"big"_s));
    QFile big(dir.filePath(u"big/results.jsonl"_s));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(results::kMaxObjectBytes + 1)); // sparse: no disk used
    big.close();
    QCOMPARE(errorOf(FolderSource::readObject(dir.path(), u"big/results.jsonl"_s)),
        u"Cannot read big/results.jsonl: it is larger than 64 MiB"_s);
    const Listing listing = listed(dir.path());
    QCOMPARE(listing.objects.first().size, results::kMaxObjectBytes + 1);

    QTemporaryDir outside;
    write(outside.filePath(u"results.jsonl"_s), kLine);
    QVERIFY(QFile::link(outside.filePath(u"results.jsonl"_s), dir.filePath(u"results.jsonl"_s)));
    QCOMPARE(errorOf(FolderSource::readObject(dir.path(), u"results.jsonl"_s)),
        u"Cannot read results.jsonl: it leads out of the folder"_s);
    const QString escape = u"../"_s + QFileInfo(outside.path()).fileName() + u"/results.jsonl"_s;
    QCOMPARE(errorOf(FolderSource::readObject(dir.path(), escape)),
        u"Cannot read "_s + escape + u": it leads out of the folder"_s);
}

void TestFolderSource::asynchronous_answersLaterOnTheCallersThread()
{
    FolderSource source(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/legacy-2021"));
    QCOMPARE(source.location(), QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/legacy-2021"));
    QVERIFY(source.cacheScope().isEmpty());
    std::optional<std::variant<Listing, SourceError>> listing;
    QThread *listedOn = nullptr;
    source.list([&](const std::variant<Listing, SourceError> &result) {
        listing = result;
        listedOn = QThread::currentThread();
    });
    QVERIFY(!listing); // never from inside the call
    QTRY_VERIFY(listing.has_value());
    QCOMPARE(listedOn, QThread::currentThread());
    const Listing &objects = std::get<Listing>(*listing);
    QCOMPARE(objects.objects.size(), 3);

    int answered = 0;
    QByteArray first;
    for (const results::ObjectInfo &object : objects.objects) {
        source.fetch(object, [&](const std::variant<QByteArray, SourceError> &result) {
            QCOMPARE(QThread::currentThread(), this->thread());
            if (answered++ == 0)
                first = std::get<QByteArray>(result);
        });
    }
    QCOMPARE(answered, 0);
    QTRY_COMPARE(answered, 3);
    QCOMPARE(first.count('\n'), 12);

    bool failed = false;
    source.fetch({ u"missing/results.jsonl"_s, 0, {}, {} },
        [&](const std::variant<QByteArray, SourceError> &result) {
            failed = errorOf(result).startsWith(u"Cannot read missing/results.jsonl: "_s);
        });
    QTRY_VERIFY(failed);
}

void TestFolderSource::cancelAll_dropsAnswers()
{
    FolderSource source(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/pump-week"));
    int answers = 0;
    source.list([&](const auto &) { ++answers; });
    for (int i = 0; i < 20; ++i)
        source.fetch({ u"2022-07-25T01:00:00Z/results.jsonl"_s, 0, {}, {} },
            [&](const auto &) { ++answers; });
    source.cancelAll();
    // A call after the cancel is answered; the ones before it never are.
    bool after = false;
    source.fetch({ u"2022-07-25T01:00:00Z/results.jsonl"_s, 0, {}, {} },
        [&](const auto &) { after = true; });
    QTRY_VERIFY(after);
    QCoreApplication::processEvents();
    QCOMPARE(answers, 0);
}

QTEST_GUILESS_MAIN(TestFolderSource)
#include "tst_foldersource.moc"
