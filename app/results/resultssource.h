#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <variant>

// Where results objects come from: an S3 prefix (ListObjectsV2 and GetObject) or a local folder
// of results.jsonl files (FolderSource, e.g. after `aws s3 sync s3://bucket/prefix/ DIR`). The
// range loader reads every source through this interface and nothing else.
//
// Calls are asynchronous and made on the thread the source lives on; each callback is called
// exactly once, later, from that thread's event loop (never from inside the call), unless
// cancelAll() or the source's destruction comes first.
namespace results {

// Objects larger than this are not fetched: a results.jsonl of a 5-minute execution is a few
// kilobytes, and one of an hour at one-second data about 4 MB.
inline constexpr qint64 kMaxObjectBytes = 64 * 1024 * 1024;

struct ObjectInfo {
    QString key; // relative to the location: "2021-04-13T14:15:00Z/results.jsonl"
    qint64 size = 0;
    QByteArray etag; // S3's ETag as sent (quotes included); empty for a local file
    QDateTime lastModified; // UTC
};

// An entry that looked like a results object but is not read, and why: "a named pipe, not a
// regular file", "a link that leaves the folder".
struct SkippedEntry {
    QString key;
    QString reason;
};

struct Listing {
    QList<ObjectInfo> objects; // every object named results.jsonl under the location
    QList<SkippedEntry> skipped;
};

// Why a listing or a fetch failed, in a sentence for the user.
struct SourceError {
    QString message;
    // The credentials could not be had or were refused (an expired IAM Identity Center sign-in,
    // for one), so signing in again could end it.
    bool credentialsFailed = false;
};

class ResultsSource : public QObject {
    Q_OBJECT

public:
    using ListDone = std::function<void(const std::variant<Listing, SourceError> &)>;
    using FetchDone = std::function<void(const std::variant<QByteArray, SourceError> &)>;

    using QObject::QObject;

    // What the user named: "s3://bucket/prefix/", "/home/me/results". Shown in messages and
    // output ("Source").
    virtual QString location() const = 0;
    // The scope of the on-disk cache ("s3://bucket/prefix/"), or empty when objects are not worth
    // caching (a local folder is read as fast as the cache).
    virtual QString cacheScope() const = 0;

    // Lists every results.jsonl object under the location, whole (an S3 source follows every
    // continuation token before answering).
    virtual void list(ListDone done) = 0;
    // Fetches one object of the listing, whole, refusing more than kMaxObjectBytes.
    virtual void fetch(const ObjectInfo &object, FetchDone done) = 0;
    // Drops every call in flight: their callbacks are never called.
    virtual void cancelAll() = 0;
};

} // namespace results
