#include "aws/clockskew.h"

#include <QByteArrayList>

#include <algorithm>
#include <array>

namespace aws {

namespace {

int monthFromName(QByteArrayView name)
{
    static constexpr std::array<const char *, 12> kMonths = {
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    };
    for (size_t i = 0; i < kMonths.size(); ++i) {
        if (name == QByteArrayView(kMonths[i]))
            return int(i) + 1;
    }
    return 0;
}

std::optional<int> number(QByteArrayView digits, int minLength, int maxLength)
{
    if (digits.size() < minLength || digits.size() > maxLength)
        return std::nullopt;
    int value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// "08:49:37"
std::optional<QTime> timeOfDay(QByteArrayView text)
{
    if (text.size() != 8 || text[2] != ':' || text[5] != ':')
        return std::nullopt;
    const auto hours = number(text.sliced(0, 2), 2, 2);
    const auto minutes = number(text.sliced(3, 2), 2, 2);
    const auto seconds = number(text.sliced(6, 2), 2, 2);
    if (!hours || !minutes || !seconds)
        return std::nullopt;
    // Leap seconds (":60") are legal in HTTP dates; QTime has none, so they fold into :59.
    const QTime time(*hours, *minutes, std::min(*seconds, 59));
    return time.isValid() ? std::optional<QTime>(time) : std::nullopt;
}

std::optional<QDateTime> utc(int year, int month, int day, const std::optional<QTime> &time)
{
    const QDate date(year, month, day);
    if (!date.isValid() || !time)
        return std::nullopt;
    return QDateTime(date, *time, Qt::UTC);
}

QByteArrayList words(QByteArrayView value)
{
    QByteArrayList result;
    for (const QByteArray &part : value.toByteArray().simplified().split(' ')) {
        if (!part.isEmpty())
            result.append(part);
    }
    return result;
}

} // namespace

std::optional<QDateTime> parseHttpDate(QByteArrayView value)
{
    const QByteArrayList parts = words(value);

    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    if (parts.size() == 6 && parts[0].endsWith(',') && parts[5] == "GMT") {
        const auto day = number(parts[1], 1, 2);
        const auto year = number(parts[3], 4, 4);
        const int month = monthFromName(parts[2]);
        if (!day || !year || month == 0)
            return std::nullopt;
        return utc(*year, month, *day, timeOfDay(parts[4]));
    }

    // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT". Two-digit years: 70–99 are 19xx, the rest 20xx
    // (no server has sent this form with a date before the Unix epoch).
    if (parts.size() == 4 && parts[0].endsWith(',') && parts[3] == "GMT") {
        const QByteArrayList dateParts = parts[1].split('-');
        if (dateParts.size() != 3)
            return std::nullopt;
        const auto day = number(dateParts[0], 1, 2);
        const auto shortYear = number(dateParts[2], 2, 2);
        const int month = monthFromName(dateParts[1]);
        if (!day || !shortYear || month == 0)
            return std::nullopt;
        const int year = *shortYear >= 70 ? 1900 + *shortYear : 2000 + *shortYear;
        return utc(year, month, *day, timeOfDay(parts[2]));
    }

    // asctime: "Sun Nov  6 08:49:37 1994"
    if (parts.size() == 5) {
        const int month = monthFromName(parts[1]);
        const auto day = number(parts[2], 1, 2);
        const auto year = number(parts[4], 4, 4);
        if (month == 0 || !day || !year)
            return std::nullopt;
        return utc(*year, month, *day, timeOfDay(parts[3]));
    }
    return std::nullopt;
}

ClockSkew::Observation ClockSkew::observe(
    const QDateTime &serverTime, const QDateTime &localNow, std::chrono::milliseconds offsetUsed)
{
    Observation observation;
    if (!serverTime.isValid() || !localNow.isValid())
        return observation;
    const auto serverAhead = std::chrono::milliseconds(localNow.msecsTo(serverTime));
    const auto threshold = std::chrono::milliseconds(kThreshold);
    observation.requestWasSkewed = std::chrono::abs(serverAhead - offsetUsed) >= threshold;
    if (std::chrono::abs(serverAhead - m_offset) >= threshold) {
        m_offset = serverAhead;
        observation.offsetChanged = true;
    }
    return observation;
}

} // namespace aws
