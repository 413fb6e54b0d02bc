#pragma once

#include <QString>

#include <optional>

// Durations in the words people use for them: the scheduler's upload frequency ("Every 5
// minutes") and delay offset ("10 minutes").
namespace models {

// The length of an ISO 8601 duration of days, hours, minutes and seconds ("PT5M", "PT1H",
// "P1DT12H", "PT0.5S" is refused: whole seconds only), in seconds. nullopt for anything else,
// including years, months and weeks, whose length depends on the calendar.
std::optional<qint64> iso8601DurationSeconds(const QString &text);

// "Every 5 minutes", "Every hour", "Every 2 hours", "Every 90 seconds"; the text itself when it
// is not a duration iso8601DurationSeconds() reads, so an unexpected value is still shown.
QString uploadFrequencyText(const QString &iso8601Duration);

// "1 minute", "10 minutes", "0 minutes".
QString minutesText(qint64 minutes);

} // namespace models
