#include "models/durationtext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace models {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::DurationText)
};

constexpr qint64 kSecondsPerMinute = 60;
constexpr qint64 kSecondsPerHour = 3600;
constexpr qint64 kSecondsPerDay = 86400;
// Large enough for any real schedule, small enough that the sum cannot overflow.
constexpr qint64 kMaxComponent = 1'000'000'000;

} // namespace

std::optional<qint64> iso8601DurationSeconds(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^P(?:(\\d{1,10})D)?(?:T(?:(\\d{1,10})H)?(?:(\\d{1,10})M)?(?:(\\d{1,10})S)?)?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    // "P" and "PT" alone name no duration.
    if (match.capturedLength(1) + match.capturedLength(2) + match.capturedLength(3)
            + match.capturedLength(4)
        == 0)
        return std::nullopt;
    if (text.endsWith(QLatin1Char('T')))
        return std::nullopt;
    const qint64 factors[] = { kSecondsPerDay, kSecondsPerHour, kSecondsPerMinute, 1 };
    qint64 total = 0;
    for (int group = 1; group <= 4; ++group) {
        if (!match.hasCaptured(group) || match.capturedLength(group) == 0)
            continue;
        const qint64 value = match.captured(group).toLongLong();
        if (value > kMaxComponent)
            return std::nullopt;
        total += value * factors[group - 1];
    }
    return total;
}

QString uploadFrequencyText(const QString &iso8601Duration)
{
    const std::optional<qint64> seconds = iso8601DurationSeconds(iso8601Duration);
    if (!seconds || *seconds <= 0)
        return iso8601Duration;
    if (*seconds % kSecondsPerHour == 0) {
        const qint64 hours = *seconds / kSecondsPerHour;
        return hours == 1 ? Text::tr("Every hour") : Text::tr("Every %1 hours").arg(hours);
    }
    if (*seconds % kSecondsPerMinute == 0) {
        const qint64 minutes = *seconds / kSecondsPerMinute;
        return minutes == 1 ? Text::tr("Every minute") : Text::tr("Every %1 minutes").arg(minutes);
    }
    return Text::tr("Every %1 seconds").arg(*seconds);
}

QString minutesText(qint64 minutes)
{
    return minutes == 1 ? Text::tr("1 minute") : Text::tr("%1 minutes").arg(minutes);
}

} // namespace models
