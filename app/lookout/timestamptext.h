#pragma once

#include "lookout/inferencescheduler.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QTimeZone>

#include <optional>

// Timestamps as text, in the forms the service and the AWS CLI use.
namespace lookout::json {

// Epoch seconds as the service sends them: a JSON number with up to 6 fractional digits and no
// trailing zeros ("1709578342.308482", "1709578342.5", "1709578342").
QByteArray epochSecondsText(Timestamp timestamp);

// Epoch seconds as a JSON number's text, read the way botocore reads it (a double, then
// datetime.fromtimestamp's rounding). nullopt when not a number or outside Timestamp's range.
std::optional<Timestamp> parseEpochSecondsText(QByteArrayView text);

// Python's datetime.isoformat() of the instant in `zone`:
// "2024-03-04T18:52:22.308482+00:00", "2024-03-04T18:52:22+00:00" (no fraction when the
// microseconds are zero), "+05:30", and seconds in the offset only when it has some.
QByteArray isoDateTimeText(Timestamp timestamp, const QTimeZone &zone);

// An ISO 8601 date-time with an explicit offset, as the CLI prints it and as people edit it:
// "YYYY-MM-DDTHH:MM:SS" (or a space for the 'T'), an optional fraction of 1 to 6 digits, then
// "Z", "+HH:MM", "-HH:MM", "+HHMM" or "+HH:MM:SS". nullopt for anything else, for impossible
// dates, and for text without an offset (its instant would be ambiguous).
std::optional<Timestamp> parseIsoDateTime(QByteArrayView text);

} // namespace lookout::json
