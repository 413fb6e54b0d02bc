#pragma once

#include "results/parsereport.h"
#include "results/resultssource.h"
#include "results/series.h"
#include "results/timerange.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <deque>
#include <memory>
#include <optional>

// Loads the results of a time range from a source into a Series: one listing, then the objects
// that can hold the range (objectsFor()), several fetches in flight (maxInFlight, and no new one
// while 64 MiB are in flight), each object parsed on a thread pool of the loader's own and merged
// into the series on the loader's thread as it arrives, so a chart can draw what has arrived.
// Objects are looked up in the on-disk cache first and stored there after a fetch, when the
// source has a cache scope.
//
// A failed listing fails the load. An object that cannot be fetched or is over
// kMaxObjectBytes is reported (report(), as an issue of the object) and the load goes on; so are
// malformed lines.
namespace results {

class ObjectCache;

struct LoadProgress {
    qsizetype objectsListed = 0; // every object of the listing, in the range or not
    qsizetype objectsDone = 0;
    qsizetype objectsTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    qsizetype fromCache = 0; // of objectsDone
    qsizetype failed = 0; // of objectsDone: not fetched, or too large
    friend bool operator==(const LoadProgress &, const LoadProgress &) = default;
};

class RangeLoader : public QObject {
    Q_OBJECT

public:
    enum class Outcome { Complete, Failed, Cancelled };
    Q_ENUM(Outcome)

    static constexpr int kDefaultMaxInFlight = 8;
    static constexpr qint64 kMaxBytesInFlight = 64LL * 1024 * 1024;

    // `source` and `cache` (which may be null) must outlive the loader. A source serves one loader
    // at a time: cancelling (or destroying a loader that is loading) cancels the source's calls.
    explicit RangeLoader(
        ResultsSource *source, ObjectCache *cache = nullptr, QObject *parent = nullptr);
    ~RangeLoader() override;

    void setMaxInFlight(int count) { m_maxInFlight = qMax(1, count); }
    int maxInFlight() const { return m_maxInFlight; }

    // Clears the series and loads `range`; a load in progress is cancelled first.
    void start(const TimeRange &range);
    // The same with a listing of the source made just before (so one listing serves a caller
    // that needed it first, as the results window does to find the newest result). Answers come
    // from the event loop, as after a listing of the source's.
    void start(const TimeRange &range, Listing listing);
    // Stops the load in progress: nothing more is merged, finished(Cancelled) is emitted.
    void cancel();
    bool isLoading() const { return m_loading; }

    ResultsSource *source() const { return m_source; }
    TimeRange range() const { return m_range; }
    const Series &series() const { return m_series; }
    const LoadProgress &progress() const { return m_progress; }
    // Every malformed line and every object that could not be read, counted; the first few
    // described.
    const ParseReport &report() const { return m_report; }
    // Entries of the listing that are not read, with why (FolderSource: pipes, links, …).
    const QList<SkippedEntry> &skipped() const { return m_skipped; }
    // Why the last load failed (Outcome::Failed).
    const SourceError &error() const { return m_error; }

signals:
    void listed(qsizetype objects, qint64 bytes);
    // The series changed from index firstChanged on (predictions were added or moved).
    void seriesChanged(qsizetype firstChanged);
    void progressChanged(const results::LoadProgress &progress);
    void finished(results::RangeLoader::Outcome outcome);

private:
    struct Parsed;

    void begin(const TimeRange &range, std::optional<Listing> listing);
    void listingDone(quint64 generation, const std::variant<Listing, SourceError> &result);
    void pump();
    void launch(const ObjectInfo &object);
    void fetchFromSource(const ObjectInfo &object);
    void parseInPool(const ObjectInfo &object, QByteArray contents);
    void parsed(quint64 generation, std::shared_ptr<Parsed> parsed);
    void mergePending();
    void objectDone(const ObjectInfo &object);
    void objectFailed(const ObjectInfo &object, const QString &why);
    void finish(Outcome outcome);

    ResultsSource *m_source;
    ObjectCache *m_cache;
    QThreadPool m_pool;
    int m_maxInFlight = kDefaultMaxInFlight;

    quint64 m_generation = 0; // answers from an earlier load are dropped
    bool m_loading = false;
    TimeRange m_range;
    std::deque<ObjectInfo> m_queue; // not launched yet
    int m_inFlight = 0;
    qint64 m_bytesInFlight = 0;
    std::vector<std::shared_ptr<Parsed>> m_pending; // parsed, not merged yet
    bool m_mergeScheduled = false;

    Series m_series;
    LoadProgress m_progress;
    ParseReport m_report;
    QList<SkippedEntry> m_skipped;
    SourceError m_error;
};

} // namespace results

Q_DECLARE_METATYPE(results::LoadProgress)
