#include "results/rangeloader.h"

#include "results/objectcache.h"
#include "results/resultsparser.h"

#include <QThread>

namespace results {

struct RangeLoader::Parsed {
    ObjectInfo object;
    ParsedResults results;
    bool fromCache = false;
    bool missed = false; // not in the cache: to be fetched from the source
};

RangeLoader::RangeLoader(ResultsSource *source, ObjectCache *cache, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_cache(cache)
{
    m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
}

RangeLoader::~RangeLoader()
{
    if (m_loading)
        m_source->cancelAll();
    ++m_generation;
    m_pool.clear();
    m_pool.waitForDone();
}

void RangeLoader::start(const TimeRange &range)
{
    begin(range, std::nullopt);
}

void RangeLoader::start(const TimeRange &range, Listing listing)
{
    begin(range, std::move(listing));
}

void RangeLoader::begin(const TimeRange &range, std::optional<Listing> listing)
{
    if (m_loading)
        cancel();
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_range = range;
    m_series.clear();
    m_progress = LoadProgress();
    m_report = ParseReport();
    m_skipped.clear();
    m_error = {};
    m_queue.clear();
    m_pending.clear();
    m_inFlight = 0;
    m_bytesInFlight = 0;
    emit seriesChanged(0);
    if (listing) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, given = std::move(*listing)] {
                listingDone(generation, std::variant<Listing, SourceError>(given));
            },
            Qt::QueuedConnection);
        return;
    }
    m_source->list([this, generation](const std::variant<Listing, SourceError> &result) {
        listingDone(generation, result);
    });
}

void RangeLoader::cancel()
{
    if (!m_loading)
        return;
    ++m_generation;
    m_source->cancelAll();
    m_pool.clear();
    m_queue.clear();
    m_pending.clear();
    m_inFlight = 0;
    m_bytesInFlight = 0;
    finish(Outcome::Cancelled);
}

void RangeLoader::listingDone(quint64 generation, const std::variant<Listing, SourceError> &result)
{
    if (generation != m_generation)
        return;
    if (const SourceError *error = std::get_if<SourceError>(&result)) {
        m_error = *error;
        finish(Outcome::Failed);
        return;
    }
    const Listing &listing = std::get<Listing>(result);
    m_skipped = listing.skipped;
    m_progress.objectsListed = listing.objects.size();
    for (const ObjectInfo &object : objectsFor(listing.objects, m_range)) {
        m_queue.push_back(object);
        m_progress.bytesTotal += object.size;
    }
    m_progress.objectsTotal = static_cast<qsizetype>(m_queue.size());
    emit listed(m_progress.objectsTotal, m_progress.bytesTotal);
    emit progressChanged(m_progress);
    if (m_queue.empty()) {
        finish(Outcome::Complete);
        return;
    }
    pump();
}

void RangeLoader::pump()
{
    while (m_loading && !m_queue.empty() && m_inFlight < m_maxInFlight
        && (m_inFlight == 0 || m_bytesInFlight + m_queue.front().size <= kMaxBytesInFlight)) {
        const ObjectInfo object = m_queue.front();
        m_queue.pop_front();
        ++m_inFlight;
        m_bytesInFlight += object.size;
        launch(object);
    }
}

void RangeLoader::launch(const ObjectInfo &object)
{
    if (object.size > kMaxObjectBytes) {
        // Refused before it is fetched; the source refuses it too if it grew since the listing.
        QMetaObject::invokeMethod(
            this,
            [this, generation = m_generation, object] {
                if (generation == m_generation)
                    objectFailed(object,
                        QStringLiteral("%1 bytes, more than the %2 MiB an object may have")
                            .arg(object.size)
                            .arg(kMaxObjectBytes >> 20));
            },
            Qt::QueuedConnection);
        return;
    }
    const QString scope = m_source->cacheScope();
    if (!m_cache || scope.isEmpty() || object.etag.isEmpty()) {
        fetchFromSource(object);
        return;
    }
    const quint64 generation = m_generation;
    const TimeRange range = m_range;
    ObjectCache *cache = m_cache;
    m_pool.start([this, generation, range, cache, scope, object] {
        auto result = std::make_shared<Parsed>();
        result->object = object;
        if (const std::optional<QByteArray> contents = cache->find(scope, object)) {
            result->results = ResultsParser::parse(*contents, object.key);
            keepRange(result->results, range);
            result->fromCache = true;
        } else {
            result->missed = true;
        }
        QMetaObject::invokeMethod(
            this, [this, generation, result] { parsed(generation, result); }, Qt::QueuedConnection);
    });
}

void RangeLoader::fetchFromSource(const ObjectInfo &object)
{
    const quint64 generation = m_generation;
    m_source->fetch(
        object, [this, generation, object](const std::variant<QByteArray, SourceError> &result) {
            if (generation != m_generation)
                return;
            if (const SourceError *error = std::get_if<SourceError>(&result)) {
                objectFailed(object, error->message);
                return;
            }
            parseInPool(object, std::get<QByteArray>(result));
        });
}

void RangeLoader::parseInPool(const ObjectInfo &object, QByteArray contents)
{
    const quint64 generation = m_generation;
    const TimeRange range = m_range;
    ObjectCache *cache = m_cache;
    const QString scope = m_source->cacheScope();
    m_pool.start([this, generation, range, cache, scope, object, contents] {
        if (cache && !scope.isEmpty())
            cache->store(scope, object, contents);
        auto result = std::make_shared<Parsed>();
        result->object = object;
        result->results = ResultsParser::parse(contents, object.key);
        keepRange(result->results, range);
        QMetaObject::invokeMethod(
            this, [this, generation, result] { parsed(generation, result); }, Qt::QueuedConnection);
    });
}

void RangeLoader::parsed(quint64 generation, std::shared_ptr<Parsed> result)
{
    if (generation != m_generation)
        return;
    if (result->missed) {
        fetchFromSource(result->object);
        return;
    }
    m_pending.push_back(std::move(result));
    // Merges wait for the event loop to drain what else has arrived, so that several objects
    // that finish together cost one seriesChanged.
    if (!m_mergeScheduled) {
        m_mergeScheduled = true;
        QMetaObject::invokeMethod(this, &RangeLoader::mergePending, Qt::QueuedConnection);
    }
}

void RangeLoader::mergePending()
{
    m_mergeScheduled = false;
    if (m_pending.empty())
        return;
    std::vector<std::shared_ptr<Parsed>> pending;
    pending.swap(m_pending);
    qsizetype firstChanged = m_series.size();
    for (const std::shared_ptr<Parsed> &result : pending) {
        m_report.add(result->results.report);
        const Series::Merge merge = m_series.add(std::move(result->results), result->object.key);
        firstChanged = qMin(firstChanged, merge.firstChanged);
        if (result->fromCache)
            ++m_progress.fromCache;
    }
    emit seriesChanged(firstChanged);
    for (const std::shared_ptr<Parsed> &result : pending)
        objectDone(result->object);
}

void RangeLoader::objectFailed(const ObjectInfo &object, const QString &why)
{
    ++m_progress.failed;
    ++m_report.otherIssues;
    m_report.describe(ParseIssue { object.key, 0, why });
    objectDone(object);
}

void RangeLoader::objectDone(const ObjectInfo &object)
{
    if (!m_loading)
        return;
    --m_inFlight;
    m_bytesInFlight -= object.size;
    ++m_progress.objectsDone;
    m_progress.bytesDone += object.size;
    emit progressChanged(m_progress);
    if (m_queue.empty() && m_inFlight == 0) {
        finish(Outcome::Complete);
        return;
    }
    pump();
}

void RangeLoader::finish(Outcome outcome)
{
    m_loading = false;
    emit finished(outcome);
}

} // namespace results
