#include "emulator/resultstore.h"

#include "emulator/executionhistory.h"
#include "emulator/seededrandom.h"
#include "lookout/inferencescheduler.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>

namespace emulator {

namespace {

constexpr qint64 kSecond = 1'000'000;

bool keyAfter(const QByteArray &key, const QByteArray &bound, ResultStore::From from)
{
    return from == ResultStore::From::Inclusive ? key >= bound : key > bound;
}

} // namespace

ResultStore::ResultStore(const Fleet &fleet)
    : m_fleet(fleet)
    , m_writer(fleet)
{
    for (int i = 0; i < fleet.size(); ++i) {
        const lookout::InferenceScheduler &scheduler = fleet.at(i).scheduler;
        if (!scheduler.dataOutputConfiguration
            || !scheduler.dataOutputConfiguration->s3OutputConfiguration)
            continue;
        const lookout::S3Location &output
            = *scheduler.dataOutputConfiguration->s3OutputConfiguration;
        if (!output.bucket || output.bucket->isEmpty())
            continue;
        BucketIndex &bucket = m_buckets[output.bucket->toUtf8()];
        const qint64 created = scheduler.createdAt ? scheduler.createdAt->epochMicroseconds : 0;
        if (bucket.entries.empty() || created < bucket.createdAt)
            bucket.createdAt = created;
        bucket.entries.push_back(PrefixEntry { output.prefix.value_or(QString()).toUtf8(), i });
        bucket.longestPrefix = qMax(bucket.longestPrefix, bucket.entries.back().prefix.size());
    }
    for (BucketIndex &bucket : m_buckets) {
        std::sort(bucket.entries.begin(), bucket.entries.end(),
            [](const PrefixEntry &a, const PrefixEntry &b) {
                return a.prefix != b.prefix ? a.prefix < b.prefix : a.scheduler < b.scheduler;
            });
        for (int e = 0; e < static_cast<int>(bucket.entries.size()); ++e)
            bucket.entriesByPrefix[bucket.entries[static_cast<std::size_t>(e)].prefix].append(e);
    }
}

QList<ResultStore::Bucket> ResultStore::buckets() const
{
    QList<Bucket> result;
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it)
        result.append(Bucket { it.key(), it.value().createdAt });
    std::sort(result.begin(), result.end(),
        [](const Bucket &a, const Bucket &b) { return a.name < b.name; });
    return result;
}

QByteArray ResultStore::keyOf(const PrefixEntry &entry, qint64 scheduled) const
{
    return entry.prefix + resultObjectName(m_fleet.at(entry.scheduler), scheduled).toUtf8();
}

ResultsWriter::Latest ResultStore::latestFor(int scheduler) const
{
    return ResultsWriter::latestOf(m_fleet.at(scheduler));
}

std::optional<StoredObject> ResultStore::find(
    const QByteArray &bucket, const QByteArray &key, qint64 now) const
{
    const auto found = m_buckets.constFind(bucket);
    if (found == m_buckets.cend())
        return std::nullopt;
    const BucketIndex &index = found.value();
    // Every scheduler whose prefix begins the key may have written it.
    for (qsizetype length = 0; length < key.size() && length <= index.longestPrefix; ++length) {
        const auto entries = index.entriesByPrefix.constFind(key.first(length));
        if (entries == index.entriesByPrefix.cend())
            continue;
        const QByteArray rest = key.sliced(length);
        const qsizetype slash = rest.indexOf('/');
        if (slash < 0)
            continue;
        const QDateTime time
            = QDateTime::fromString(QString::fromLatin1(rest.first(slash)), Qt::ISODate);
        if (!time.isValid())
            continue;
        for (const int entry : entries.value()) {
            const int scheduler = index.entries[static_cast<std::size_t>(entry)].scheduler;
            const SchedulerRecord &record = m_fleet.at(scheduler);
            const qint64 scheduled = scheduledForDataStart(record, time.toMSecsSinceEpoch() * 1000);
            if (resultObjectName(record, scheduled).toUtf8() != rest)
                continue;
            const std::vector<qint64> times = successfulExecutions(record, now);
            if (!std::binary_search(times.begin(), times.end(), scheduled))
                continue;
            return StoredObject { key, scheduler, scheduled,
                scheduled == times.back() ? latestFor(scheduler)
                                          : ResultsWriter::Latest::Unconstrained };
        }
    }
    return std::nullopt;
}

ObjectContent ResultStore::content(const StoredObject &object) const
{
    const SchedulerRecord &record = m_fleet.at(object.scheduler);
    ObjectContent content;
    content.body = m_writer.write(record, object.scheduled, object.latest);
    content.etag
        = '"' + QCryptographicHash::hash(content.body, QCryptographicHash::Md5).toHex() + '"';
    // Written a minute or two after the execution started, before it counts as done.
    const quint64 draw
        = SeededRandom::combine(record.historySeed, static_cast<quint64>(object.scheduled));
    content.lastModified = object.scheduled + 40 * kSecond
        + static_cast<qint64>(draw % static_cast<quint64>(60 * kSecond));
    return content;
}

ResultStore::Cursor ResultStore::keys(
    const QByteArray &bucket, const QByteArray &bound, From from, qint64 now) const
{
    const auto found = m_buckets.constFind(bucket);
    Cursor cursor(*this, found == m_buckets.cend() ? m_noBucket : found.value(), now);
    const BucketIndex &index = *cursor.m_bucket;
    // Schedulers whose prefix is a proper beginning of the bound have keys on both sides of it;
    // those whose prefix is not below the bound have keys after it only and join the merge in
    // prefix order as it reaches them.
    for (qsizetype length = 0; length < bound.size() && length <= index.longestPrefix; ++length) {
        const auto entries = index.entriesByPrefix.constFind(bound.first(length));
        if (entries == index.entriesByPrefix.cend())
            continue;
        for (const int entry : entries.value())
            cursor.activate(entry, bound, from);
    }
    cursor.m_nextEntry = static_cast<std::size_t>(
        std::lower_bound(index.entries.begin(), index.entries.end(), bound,
            [](const PrefixEntry &entry, const QByteArray &value) { return entry.prefix < value; })
        - index.entries.begin());
    return cursor;
}

ResultStore::Cursor::Cursor(const ResultStore &store, const BucketIndex &bucket, qint64 now)
    : m_store(&store)
    , m_bucket(&bucket)
    , m_now(now)
{
}

namespace {

// std heap functions build a max-heap; this order puts the smallest key on top.
template<typename Source> bool laterKey(const Source &a, const Source &b)
{
    return a.key != b.key ? a.key > b.key : a.entry > b.entry;
}

} // namespace

void ResultStore::Cursor::activate(int entry, const QByteArray &bound, From from)
{
    const PrefixEntry &prefix = m_bucket->entries[static_cast<std::size_t>(entry)];
    Source source;
    source.entry = entry;
    source.times = successfulExecutions(m_store->m_fleet.at(prefix.scheduler), m_now);
    // Keys of one scheduler grow with time (fixed-width UTC timestamps).
    const auto first = std::partition_point(source.times.begin(), source.times.end(),
        [&](qint64 time) { return !keyAfter(m_store->keyOf(prefix, time), bound, from); });
    source.position = static_cast<std::size_t>(first - source.times.begin());
    push(std::move(source));
}

void ResultStore::Cursor::push(Source source)
{
    if (source.position >= source.times.size())
        return;
    source.key = m_store->keyOf(
        m_bucket->entries[static_cast<std::size_t>(source.entry)], source.times[source.position]);
    m_heap.push_back(std::move(source));
    std::push_heap(m_heap.begin(), m_heap.end(), laterKey<Source>);
}

std::optional<StoredObject> ResultStore::Cursor::next()
{
    const std::vector<PrefixEntry> &entries = m_bucket->entries;
    while (m_nextEntry < entries.size()
        && (m_heap.empty() || entries[m_nextEntry].prefix <= m_heap.front().key)) {
        Source source;
        source.entry = static_cast<int>(m_nextEntry++);
        source.times = successfulExecutions(
            m_store->m_fleet.at(entries[static_cast<std::size_t>(source.entry)].scheduler), m_now);
        push(std::move(source));
    }
    if (m_heap.empty())
        return std::nullopt;
    std::pop_heap(m_heap.begin(), m_heap.end(), laterKey<Source>);
    Source source = std::move(m_heap.back());
    m_heap.pop_back();
    const int scheduler = entries[static_cast<std::size_t>(source.entry)].scheduler;
    const bool newest = source.position + 1 == source.times.size();
    StoredObject object { source.key, scheduler, source.times[source.position],
        newest ? m_store->latestFor(scheduler) : ResultsWriter::Latest::Unconstrained };
    ++source.position;
    push(std::move(source));
    return object;
}

} // namespace emulator
