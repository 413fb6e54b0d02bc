#pragma once

#include "emulator/fleet.h"
#include "emulator/resultswriter.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace emulator {

// One results object: `<output prefix><yyyy-MM-ddTHH:mm:ssZ>/results.jsonl` in the scheduler's
// output bucket, written by one of its SUCCESS executions (executionhistory.h).
struct StoredObject {
    QByteArray key; // UTF-8, as S3 orders and answers keys
    int scheduler = -1; // index in the fleet
    qint64 scheduled = 0; // the execution's ScheduledStartTime
    ResultsWriter::Latest latest = ResultsWriter::Latest::Unconstrained;
};

struct ObjectContent {
    QByteArray body;
    QByteArray etag; // "\"<MD5 hex>\"", as S3 gives it for an object uploaded in one part
    qint64 lastModified = 0; // epoch microseconds: when the execution finished writing it
};

// The objects the fleet's executions wrote, as the S3 subset lists and serves them. Nothing is
// stored: which objects exist follows from each scheduler's execution history at the time asked,
// their bytes from ResultsWriter. Keys are listed in S3's order (UTF-8 bytes) by a cursor that
// merges the schedulers' sorted keys lazily, so a page of a bucket with 100,000 schedulers
// touches only the few whose keys it holds.
class ResultStore {
    struct PrefixEntry {
        QByteArray prefix; // the scheduler's output prefix, UTF-8
        int scheduler = -1;
    };
    struct BucketIndex {
        std::vector<PrefixEntry> entries; // sorted by prefix, then scheduler
        QHash<QByteArray, QList<int>> entriesByPrefix; // indexes into entries
        qsizetype longestPrefix = 0; // bounds the prefixes of a key worth looking up
        qint64 createdAt = 0;
    };

public:
    explicit ResultStore(const Fleet &fleet);
    const Fleet &fleet() const { return m_fleet; }

    struct Bucket {
        QByteArray name;
        qint64 createdAt = 0; // the earliest creation of a scheduler that writes to it
    };
    // The output buckets of the fleet, by name.
    QList<Bucket> buckets() const;
    bool hasBucket(const QByteArray &bucket) const { return m_buckets.contains(bucket); }

    // The object under exactly this key, if an execution wrote it and it is still kept.
    std::optional<StoredObject> find(
        const QByteArray &bucket, const QByteArray &key, qint64 now) const;
    ObjectContent content(const StoredObject &object) const;

    enum class From { Inclusive, Exclusive };

    // A bucket's keys in order from a bound on; each next() computes only what it needs.
    class Cursor {
    public:
        std::optional<StoredObject> next();

    private:
        friend class ResultStore;
        struct Source {
            int entry = -1;
            std::vector<qint64> times; // its successful executions, oldest first
            std::size_t position = 0;
            QByteArray key; // of times[position]
        };
        Cursor(const ResultStore &store, const BucketIndex &bucket, qint64 now);
        void activate(int entry, const QByteArray &bound, From from);
        void push(Source source);

        const ResultStore *m_store;
        const BucketIndex *m_bucket;
        qint64 m_now;
        std::size_t m_nextEntry = 0;
        std::vector<Source> m_heap; // smallest key first
    };
    // The keys of bucket from bound on (nothing for an unknown bucket).
    Cursor keys(const QByteArray &bucket, const QByteArray &bound, From from, qint64 now) const;

private:
    QByteArray keyOf(const PrefixEntry &entry, qint64 scheduled) const;
    ResultsWriter::Latest latestFor(int scheduler) const;

    const Fleet &m_fleet;
    ResultsWriter m_writer;
    QHash<QByteArray, BucketIndex> m_buckets;
    BucketIndex m_noBucket;
};

} // namespace emulator
