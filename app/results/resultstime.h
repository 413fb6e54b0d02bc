#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringView>

#include <optional>

// Instants of results: microseconds since 1970-01-01T00:00:00Z, as the files' timestamps carry
// them, and the texts they are read from and printed as.
namespace results {

inline constexpr qint64 kMicrosecondsPerSecond = 1'000'000;
inline constexpr qint64 kMicrosecondsPerMinute = 60 * kMicrosecondsPerSecond;
inline constexpr qint64 kMicrosecondsPerHour = 60 * kMicrosecondsPerMinute;
inline constexpr qint64 kMicrosecondsPerDay = 24 * kMicrosecondsPerHour;

// A results `timestamp`: "2022-07-29T11:45:00.000000" (UTC, as the service writes it). Also
// read: a space for the 'T', no fraction or 1 to 9 fraction digits (past the sixth they are
// dropped), and a zone "Z", "+HH:MM", "-HH:MM" or "+HHMM". Years 0001 to 9999; an impossible
// date or time (2022-02-30, 24:00:00, a leap second) gives nullopt.
std::optional<qint64> parseTimestamp(const char *text, qsizetype length);

// "2022-07-29T11:45:00Z", with ".123456" before the Z when the microseconds are not zero.
QByteArray timestampText(qint64 microseconds);

// The execution time in the name of the folder that holds a results.jsonl:
// "2021-04-13T14:15:00Z" as the service names them, and the same digits with other separators
// ("2021-04-13T14-15-00Z", "20210413T141500Z", "2021-04-13 14:15:00", minutes without seconds).
// nullopt for any other name (a zone other than Z included).
std::optional<qint64> folderTime(QStringView name);

QDateTime toDateTime(qint64 microseconds); // UTC, rounded down to the millisecond
qint64 fromDateTime(const QDateTime &dateTime);

} // namespace results
