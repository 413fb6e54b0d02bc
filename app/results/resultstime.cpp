#include "results/resultstime.h"

#include <QTimeZone>

#include <cstdio>

namespace results {

namespace {

// Days from 1970-01-01 to the civil date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return static_cast<qint64>(era) * 146097 + dayOfEra - 719468;
}

struct CivilDate {
    int year;
    int month;
    int day;
};

CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const int dayOfEra = static_cast<int>(days - era * 146097);
    const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const int monthIndex = (5 * dayOfYear + 2) / 153;
    const int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    const int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    return { static_cast<int>(yearOfEra + era * 400) + (month <= 2 ? 1 : 0), month, day };
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Reads `count` decimal digits at text[at]; false when one is not a digit.
bool digits(const char *text, qsizetype length, qsizetype at, int count, int &value)
{
    if (at + count > length)
        return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
        const unsigned digit = static_cast<unsigned char>(text[at + i]) - '0';
        if (digit > 9)
            return false;
        value = value * 10 + static_cast<int>(digit);
    }
    return true;
}

std::optional<qint64> instant(int year, int month, int day, int hour, int minute, int second)
{
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    return (daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second)
        * kMicrosecondsPerSecond;
}

} // namespace

std::optional<qint64> parseTimestamp(const char *text, qsizetype length)
{
    int year, month, day, hour, minute, second;
    // YYYY-MM-DDTHH:MM:SS
    if (length < 19 || !digits(text, length, 0, 4, year) || text[4] != '-'
        || !digits(text, length, 5, 2, month) || text[7] != '-' || !digits(text, length, 8, 2, day)
        || (text[10] != 'T' && text[10] != ' ') || !digits(text, length, 11, 2, hour)
        || text[13] != ':' || !digits(text, length, 14, 2, minute) || text[16] != ':'
        || !digits(text, length, 17, 2, second))
        return std::nullopt;
    std::optional<qint64> result = instant(year, month, day, hour, minute, second);
    if (!result)
        return std::nullopt;
    qsizetype at = 19;
    if (at < length && text[at] == '.') {
        ++at;
        qint64 fraction = 0;
        int count = 0;
        while (at < length && text[at] >= '0' && text[at] <= '9') {
            if (count < 6) {
                fraction = fraction * 10 + (text[at] - '0');
                ++count;
            } else if (count++ >= 9) {
                return std::nullopt;
            }
            ++at;
        }
        if (count == 0)
            return std::nullopt;
        for (int i = qMin(count, 6); i < 6; ++i)
            fraction *= 10;
        *result += fraction;
    }
    if (at == length)
        return result;
    if (text[at] == 'Z' && at + 1 == length)
        return result;
    if (text[at] != '+' && text[at] != '-')
        return std::nullopt;
    const qint64 sign = text[at] == '+' ? 1 : -1;
    int offsetHours, offsetMinutes;
    if (!digits(text, length, at + 1, 2, offsetHours))
        return std::nullopt;
    at += 3;
    if (at < length && text[at] == ':')
        ++at;
    if (!digits(text, length, at, 2, offsetMinutes) || at + 2 != length || offsetHours > 23
        || offsetMinutes > 59)
        return std::nullopt;
    // "+05:30" is ahead of UTC: UTC is the local time minus the offset.
    *result -= sign * (offsetHours * kMicrosecondsPerHour + offsetMinutes * kMicrosecondsPerMinute);
    return result;
}

QByteArray timestampText(qint64 microseconds)
{
    qint64 days = microseconds / kMicrosecondsPerDay;
    qint64 rest = microseconds % kMicrosecondsPerDay;
    if (rest < 0) {
        rest += kMicrosecondsPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    const int seconds = static_cast<int>(rest / kMicrosecondsPerSecond);
    const int fraction = static_cast<int>(rest % kMicrosecondsPerSecond);
    char text[40];
    int length = std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", date.year,
        date.month, date.day, seconds / 3600, seconds / 60 % 60, seconds % 60);
    if (fraction != 0)
        length += std::snprintf(text + length, sizeof text - length, ".%06d", fraction);
    text[length++] = 'Z';
    return QByteArray(text, length);
}

std::optional<qint64> folderTime(QStringView name)
{
    // Digits with separators only; the digits are YYYYMMDDHHMM[SS], anything past them (a
    // fraction) is ignored.
    char found[20];
    int count = 0;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t u = name[i].unicode();
        if (u >= '0' && u <= '9') {
            if (count < static_cast<int>(sizeof found))
                found[count] = static_cast<char>(u);
            ++count;
        } else if (u != '-' && u != '_' && u != ':' && u != '.' && u != 'T' && u != 't' && u != ' '
            && !((u == 'Z' || u == 'z') && i + 1 == name.size())) {
            return std::nullopt;
        }
    }
    if (count < 12 || count > 20 || (count > 14 && name.indexOf(u'.') < 0))
        return std::nullopt;
    int year, month, day, hour, minute, second = 0;
    const qsizetype length = qMin(count, 20);
    if (!digits(found, length, 0, 4, year) || !digits(found, length, 4, 2, month)
        || !digits(found, length, 6, 2, day) || !digits(found, length, 8, 2, hour)
        || !digits(found, length, 10, 2, minute)
        || (count >= 14 && !digits(found, length, 12, 2, second)) || count == 13)
        return std::nullopt;
    return instant(year, month, day, hour, minute, second);
}

QDateTime toDateTime(qint64 microseconds)
{
    qint64 milliseconds = microseconds / 1000;
    if (microseconds % 1000 < 0)
        --milliseconds;
    return QDateTime::fromMSecsSinceEpoch(milliseconds, QTimeZone::utc());
}

qint64 fromDateTime(const QDateTime &dateTime)
{
    return dateTime.toMSecsSinceEpoch() * 1000;
}

} // namespace results
