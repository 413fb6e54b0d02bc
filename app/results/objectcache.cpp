#include "results/objectcache.h"

#include "core/boundedfile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <vector>

namespace results {

namespace {

constexpr char kMagic[8] = { 'L', 'D', 'R', 'E', 'S', 'C', '0', '2' };
constexpr qsizetype kHeaderBytes = 24; // magic, length, checksum
constexpr char kSuffix[] = ".entry";

void putUint64(char *at, quint64 value)
{
    for (int i = 0; i < 8; ++i)
        at[i] = static_cast<char>(value >> (8 * i));
}

quint64 getUint64(const char *at)
{
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value |= static_cast<quint64>(static_cast<unsigned char>(at[i])) << (8 * i);
    return value;
}

} // namespace

ObjectCache::ObjectCache(QString directory, qint64 maxBytes)
    : m_directory(std::move(directory))
    , m_maxBytes(maxBytes)
{
}

QString ObjectCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/results");
}

quint64 ObjectCache::checksum(QByteArrayView bytes)
{
    // The first 64 bits of BLAKE2b: it detects damage, it is no defence against someone who can
    // write the cache.
    return getUint64(QCryptographicHash::hash(bytes, QCryptographicHash::Blake2b_160).constData());
}

QString ObjectCache::entryPath(const QString &scope, const ObjectInfo &object) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray &part : { scope.toUtf8(), object.key.toUtf8(), object.etag }) {
        char length[8];
        putUint64(length, static_cast<quint64>(part.size()));
        hash.addData(QByteArrayView(length, 8));
        hash.addData(part);
    }
    const QString name = QString::fromLatin1(hash.result().toHex());
    return m_directory + QLatin1Char('/') + name.left(2) + QLatin1Char('/') + name
        + QLatin1String(kSuffix);
}

std::optional<QByteArray> ObjectCache::find(const QString &scope, const ObjectInfo &object) const
{
    if (object.etag.isEmpty() || scope.isEmpty())
        return std::nullopt;
    const QString path = entryPath(scope, object);
    // The cache folder is the user's, but what is in it is read as any file is: never blocking on
    // a pipe, never more than an entry can hold.
    auto entry = core::readBoundedFile(path, kHeaderBytes + kMaxObjectBytes);
    if (!entry) {
        if (entry.error().kind != core::FileReadError::Kind::Missing)
            QFile::remove(path);
        return std::nullopt;
    }
    QByteArray contents = std::move(entry).value();
    bool valid = contents.size() >= kHeaderBytes
        && contents.startsWith(QByteArrayView(kMagic, sizeof kMagic));
    const quint64 length = valid ? getUint64(contents.constData() + 8) : 0;
    valid = valid && length == static_cast<quint64>(contents.size() - kHeaderBytes);
    const quint64 expectedChecksum = valid ? getUint64(contents.constData() + 16) : 0;
    if (valid) {
        contents.remove(0, kHeaderBytes);
        valid = checksum(contents) == expectedChecksum;
    }
    if (!valid) {
        QFile::remove(path);
        return std::nullopt;
    }
    // Marks the entry as just used, for trim(); a failure only makes it look older.
    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), nullptr, 0);
    return contents;
}

bool ObjectCache::store(const QString &scope, const ObjectInfo &object, QByteArrayView contents)
{
    if (object.etag.isEmpty() || scope.isEmpty() || contents.size() > kMaxObjectBytes
        || contents.size() > m_maxBytes / 4)
        return false;
    const QString path = entryPath(scope, object);
    char header[kHeaderBytes];
    std::memcpy(header, kMagic, sizeof kMagic);
    putUint64(header + 8, static_cast<quint64>(contents.size()));
    putUint64(header + 16, checksum(contents));
    // Written beside the entry and renamed over it, so a reader never sees half an entry. Not
    // synced to disk (a sync per object cost 0.8 ms, 1.6 s of a week's 1,931 objects): an entry
    // that a crash damages fails its checksum and is fetched again.
    QTemporaryFile file(path + QStringLiteral(".XXXXXX"));
    // The entry's folder is made when the first write into it fails, not checked before every
    // write (a tenth of the time a week's stores took).
    if (!file.open() && (!QDir().mkpath(QFileInfo(path).path()) || !file.open()))
        return false;
    if (file.write(header, kHeaderBytes) != kHeaderBytes
        || file.write(contents.data(), contents.size()) != contents.size() || !file.flush())
        return false;
    if (::rename(
            QFile::encodeName(file.fileName()).constData(), QFile::encodeName(path).constData())
        != 0)
        return false;
    file.setAutoRemove(false);
    const qint64 stored = m_storedSinceTrim.fetch_add(contents.size() + kHeaderBytes)
        + contents.size() + kHeaderBytes;
    if (stored > m_maxBytes / 8) {
        m_storedSinceTrim = 0;
        trim();
    }
    return true;
}

void ObjectCache::trim()
{
    QMutexLocker locker(&m_trimming);
    struct Entry {
        QString path;
        qint64 size;
        QDateTime used;
    };
    std::vector<Entry> entries;
    qint64 total = 0;
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
    QDirIterator it(
        m_directory, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (!info.fileName().endsWith(QLatin1String(kSuffix))) {
            // A temporary file some writer left behind when it died.
            if (info.lastModified() < dayAgo)
                QFile::remove(info.filePath());
            continue;
        }
        entries.push_back({ info.filePath(), info.size(), info.lastModified() });
        total += info.size();
    }
    if (total <= m_maxBytes)
        return;
    std::sort(entries.begin(), entries.end(),
        [](const Entry &a, const Entry &b) { return a.used < b.used; });
    const qint64 target = m_maxBytes / 4 * 3;
    for (const Entry &entry : entries) {
        if (total <= target)
            break;
        QFile::remove(entry.path);
        total -= entry.size;
    }
}

} // namespace results
