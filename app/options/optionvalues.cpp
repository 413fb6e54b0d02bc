#include "options/optionvalues.h"

#include "lookout/timestamptext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace options::optionvalue {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(options::OptionValues)
};

CommandLineError refused(const QString &option, const QString &expectation, const QString &text)
{
    return { Text::tr("argument %1: expected %2, not '%3'").arg(option, expectation, text) };
}

} // namespace

Result<std::chrono::milliseconds> timeoutSeconds(const QString &option, const QString &text)
{
    // QTimer counts milliseconds in an int.
    constexpr double kMaxSeconds = std::numeric_limits<int>::max() / 1000;
    bool isNumber = false;
    const double seconds = text.trimmed().toDouble(&isNumber);
    if (!isNumber || !std::isfinite(seconds) || seconds < 0 || seconds > kMaxSeconds) {
        return refused(option,
            Text::tr("a number of seconds from 0 (no timeout) to %1").arg(kMaxSeconds, 0, 'f', 0),
            text);
    }
    if (seconds == 0)
        return std::chrono::milliseconds(std::numeric_limits<int>::max());
    // A positive timeout shorter than a millisecond still times out rather than meaning "none".
    return std::chrono::milliseconds(std::max<qint64>(1, std::llround(seconds * 1000)));
}

Result<qint64> wholeNumber(
    const QString &option, const QString &text, qint64 minimum, qint64 maximum)
{
    bool isNumber = false;
    const qint64 value = text.toLongLong(&isNumber, 10);
    if (!isNumber || value < minimum || value > maximum) {
        return refused(option,
            Text::tr("a whole number from %1 to %2")
                .arg(QString::number(minimum), QString::number(maximum)),
            text);
    }
    return value;
}

Result<QString> choice(
    const QString &option, const QString &text, const QList<QLatin1StringView> &choices)
{
    for (const QLatin1StringView candidate : choices) {
        if (text == candidate)
            return text;
    }
    QStringList names;
    for (const QLatin1StringView candidate : choices)
        names.append(candidate);
    return CommandLineError { Text::tr("argument %1: Invalid choice '%2', valid choices are: %3")
                                  .arg(option, text, names.join(QLatin1String(" | "))) };
}

Result<lookout::Timestamp> timestamp(const QString &option, const QString &text)
{
    const QByteArray utf8 = text.trimmed().toUtf8();
    if (const std::optional<lookout::Timestamp> epoch = lookout::json::parseEpochSecondsText(utf8))
        return *epoch;
    if (const std::optional<lookout::Timestamp> withOffset = lookout::json::parseIsoDateTime(utf8))
        return *withOffset;
    // Without an offset botocore reads the text as UTC; a date alone is its midnight.
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QByteArray utc = dateOnly.match(QString::fromUtf8(utf8)).hasMatch()
        ? QByteArray(utf8 + "T00:00:00Z")
        : QByteArray(utf8 + 'Z');
    if (const std::optional<lookout::Timestamp> asUtc = lookout::json::parseIsoDateTime(utc))
        return *asUtc;
    return refused(option,
        Text::tr(
            "a date-time such as 2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30 or 2024-03-04, "
            "or epoch seconds"),
        text);
}

} // namespace options::optionvalue
