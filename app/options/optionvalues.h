#pragma once

#include "lookout/inferencescheduler.h"
#include "options/commandlineerror.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <chrono>

// Values of command-line options, checked and converted, each refusal naming the option and the
// text it was given ("argument --max-items: expected a whole number from 1 to 100000, not 'ten'").
// Shared by the headless commands' parser and the window's.
namespace options::optionvalue {

// A timeout in seconds, as the AWS CLI's --read-timeout and --connect-timeout take it: a
// non-negative number (fractions allowed, at most 2,147,483). 0 means no timeout, as in the CLI.
Result<std::chrono::milliseconds> timeoutSeconds(const QString &option, const QString &text);

// A whole number within [minimum, maximum], in decimal.
Result<qint64> wholeNumber(
    const QString &option, const QString &text, qint64 minimum, qint64 maximum);

// One of `choices`, exactly.
Result<QString> choice(
    const QString &option, const QString &text, const QList<QLatin1StringView> &choices);

// An instant, in the forms botocore accepts for timestamp parameters: ISO 8601 with an offset
// ("2024-03-04T18:52:22Z", "2024-03-04T18:52:22.5+05:30"), without one (read as UTC, as botocore
// does: "2024-03-04T18:52:22", "2024-03-04"), or epoch seconds ("1709578342", "1709578342.5").
Result<lookout::Timestamp> timestamp(const QString &option, const QString &text);

} // namespace options::optionvalue
