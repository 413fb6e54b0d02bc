#include "models/timetext.h"

#include <QCoreApplication>

namespace models {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::TimeText)
};

constexpr qint64 kSecondsPerMinute = 60;
constexpr qint64 kSecondsPerHour = 3600;
constexpr qint64 kHoursShownAsHours = 48;

// "20 s", "3 min", "5 h", "12 days": the age without its direction.
QString spanText(qint64 seconds)
{
    if (seconds < kSecondsPerMinute)
        return Text::tr("%1 s").arg(seconds);
    if (seconds < kSecondsPerHour)
        return Text::tr("%1 min").arg(seconds / kSecondsPerMinute);
    const qint64 hours = seconds / kSecondsPerHour;
    if (hours < kHoursShownAsHours)
        return Text::tr("%1 h").arg(hours);
    return Text::tr("%1 days").arg(hours / 24);
}

// The system's zone, looked up once: converting through a QTimeZone costs about 8 µs, local
// time with its abbreviation about 70 µs (Qt re-reads the zone each time). Every text names its
// zone, so one that changes while the application runs is still labelled truthfully.
const QTimeZone &systemZone()
{
    static const QTimeZone zone = QTimeZone::systemTimeZone();
    return zone;
}

} // namespace

QString localDateTimeText(const QDateTime &instant)
{
    return localDateTimeText(instant, systemZone());
}

QString localDateTimeText(const QDateTime &instant, const QTimeZone &zone)
{
    const QDateTime local = instant.toTimeZone(zone);
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char(' ')
        + zone.abbreviation(local);
}

QString utcDateTimeText(const QDateTime &instant)
{
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString clockTimeText(const QDateTime &instant)
{
    return clockTimeText(instant, systemZone());
}

QString clockTimeText(const QDateTime &instant, const QTimeZone &zone)
{
    return instant.toTimeZone(zone).toString(QStringLiteral("HH:mm:ss"));
}

QString relativeAgeText(const QDateTime &then, const QDateTime &now)
{
    const qint64 milliseconds = then.msecsTo(now);
    if (milliseconds <= -kSecondsPerMinute * 1000)
        return Text::tr("in %1").arg(spanText(-milliseconds / 1000));
    if (milliseconds < 1000)
        return Text::tr("just now");
    return Text::tr("%1 ago").arg(spanText(milliseconds / 1000));
}

} // namespace models
