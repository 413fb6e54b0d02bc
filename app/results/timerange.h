#pragma once

#include "results/resultsparser.h"
#include "results/resultssource.h"

#include <QList>

#include <optional>

// The span of time a view of results covers, and which objects of a listing can hold it.
namespace results {

struct TimeRange {
    std::optional<qint64> from; // microseconds, inclusive; nullopt: from the first prediction
    std::optional<qint64> to; // exclusive; nullopt: to the last

    bool contains(qint64 time) const { return (!from || time >= *from) && (!to || time < *to); }
    bool isAll() const { return !from && !to; }

    static TimeRange all() { return {}; }
    // The `length` microseconds before `now` (last 24 hours, 7 days, 30 days).
    static TimeRange last(qint64 length, qint64 now) { return { now - length, now + 1 }; }
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

// An execution's results hold data from before its start, by at most its upload frequency
// (1 hour at most) plus its data delay offset (60 minutes at most); the margin is also taken on
// the other side, in case a folder is named after the start of its data.
inline constexpr qint64 kFolderTimeMargin = 2LL * 60 * 60 * 1'000'000;

// The objects that can hold predictions in `range`, in the listing's order: those whose folder
// name is an execution time (folderTime()) within kFolderTimeMargin of the range, and every
// object whose folder name is not a time.
QList<ObjectInfo> objectsFor(const QList<ObjectInfo> &objects, const TimeRange &range);

// The execution time of the folder holding `key` ("…/2021-04-13T14:15:00Z/results.jsonl").
std::optional<qint64> folderTimeOfKey(const QString &key);

// Removes the predictions outside `range` (and their diagnostics); returns how many.
qsizetype keepRange(ParsedResults &parsed, const TimeRange &range);

} // namespace results
