#pragma once

#include "results/resultssource.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMutex>
#include <QString>

#include <atomic>
#include <optional>

// Fetched results objects on disk, since they never change once written: keyed by the source's
// scope (bucket and prefix), the object's key and its ETag, so reopening a week costs one
// listing. Objects without an ETag are not cached.
//
// Each entry is one file, <directory>/<2 hex>/<64 hex>.entry, named by the SHA-256 of scope, key
// and ETag, holding a header (magic, length, a 64-bit checksum of the contents) and the contents.
// An entry that does not check out (cut short, overwritten, of another version) is deleted and
// counts as a miss. Entries are written to a temporary file and renamed into place, so a reader
// in this or another process sees a whole entry or none. The cache is held to maxBytes by
// deleting the entries used longest ago (a hit sets an entry's modification time).
//
// find() and store() may be called from any thread, at the same time, and by several processes
// sharing the directory.
namespace results {

class ObjectCache {
public:
    static constexpr qint64 kDefaultMaxBytes = 512LL * 1024 * 1024;

    explicit ObjectCache(QString directory, qint64 maxBytes = kDefaultMaxBytes);

    // QStandardPaths::CacheLocation, then "results".
    static QString defaultDirectory();

    QString directory() const { return m_directory; }
    qint64 maxBytes() const { return m_maxBytes; }

    std::optional<QByteArray> find(const QString &scope, const ObjectInfo &object) const;
    // False when the entry could not be written (the cache is then only slower). Trims the cache
    // after every maxBytes / 8 stored.
    bool store(const QString &scope, const ObjectInfo &object, QByteArrayView contents);
    // Deletes the least recently used entries until the cache holds at most 3/4 of maxBytes,
    // when it holds more than maxBytes; also leftover temporary files over a day old.
    void trim();

    // The checksum kept with each entry (exposed for tests).
    static quint64 checksum(QByteArrayView bytes);

private:
    QString entryPath(const QString &scope, const ObjectInfo &object) const;

    QString m_directory;
    qint64 m_maxBytes;
    std::atomic<qint64> m_storedSinceTrim { 0 };
    QMutex m_trimming;
};

} // namespace results
