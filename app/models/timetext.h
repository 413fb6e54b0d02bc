#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

// Instants as the details form and the freshness line show them.
namespace models {

// "2024-03-04 19:52:22 CET": the instant in the system's time zone (as it was when first asked),
// or in `zone`, with the zone's abbreviation.
QString localDateTimeText(const QDateTime &instant);
QString localDateTimeText(const QDateTime &instant, const QTimeZone &zone);
// "2024-03-04 18:52:22 UTC".
QString utcDateTimeText(const QDateTime &instant);
// "12:03:05": the time of day in local time or in `zone`, for "Updated 12:03:05" and
// "stale since 12:04:10".
QString clockTimeText(const QDateTime &instant);
QString clockTimeText(const QDateTime &instant, const QTimeZone &zone);

// How long ago `then` was at `now`: "just now" under a second, "20 s ago", "3 min ago",
// "5 h ago" (under 48 hours), "12 days ago"; "in 3 min" when `then` is in the future by a
// minute or more (a clock out of step), "just now" for less.
QString relativeAgeText(const QDateTime &then, const QDateTime &now);

} // namespace models
