#include "lookout/timestamptext.h"

#include <charconv>
#include <cstdlib>

namespace lookout::json {

namespace {

constexpr qint64 kMicrosPerSecond = 1'000'000;
constexpr qint64 kSecondsPerDay = 86'400;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

// Howard Hinnant's days_from_civil / civil_from_days: proleptic Gregorian, exact for all years
// Timestamp can hold, without QDateTime's time-zone machinery.
qint64 daysFromCivil(qint64 year, unsigned month, unsigned day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = floorDiv(year, 400);
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<qint64>(dayOfEra) - 719468;
}

struct CivilDate {
    qint64 year;
    unsigned month;
    unsigned day;
};

CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = floorDiv(days, 146097);
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned monthIndex = (5 * dayOfYear + 2) / 153;
    const unsigned day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    const unsigned month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    return { static_cast<qint64>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

unsigned daysInMonth(qint64 year, unsigned month)
{
    static constexpr unsigned kDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

void appendPadded(QByteArray &out, qint64 value, int width)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    const auto length = static_cast<int>(result.ptr - digits);
    for (int i = length; i < width; ++i)
        out.append('0');
    out.append(digits, length);
}

// Reads exactly `count` digits at `pos`.
bool readDigits(QByteArrayView text, qsizetype &pos, int count, int &value)
{
    if (pos + count > text.size())
        return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return true;
}

bool readChar(QByteArrayView text, qsizetype &pos, char c)
{
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

// "Z", "+HH:MM", "+HHMM", "+HH:MM:SS"; the offset must stay within a day, as Python requires.
std::optional<int> parseOffsetSeconds(QByteArrayView text, qsizetype pos)
{
    if (pos >= text.size())
        return std::nullopt;
    if (text[pos] == 'Z' || text[pos] == 'z')
        return pos + 1 == text.size() ? std::optional<int>(0) : std::nullopt;
    if (text[pos] != '+' && text[pos] != '-')
        return std::nullopt;
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int hours = 0;
    int minutes = 0;
    int seconds = 0;
    if (!readDigits(text, pos, 2, hours))
        return std::nullopt;
    const bool colon = readChar(text, pos, ':');
    if (!readDigits(text, pos, 2, minutes))
        return std::nullopt;
    if (colon && readChar(text, pos, ':') && !readDigits(text, pos, 2, seconds))
        return std::nullopt;
    if (pos != text.size() || hours > 23 || minutes > 59 || seconds > 59)
        return std::nullopt;
    return sign * (hours * 3600 + minutes * 60 + seconds);
}

} // namespace

QByteArray epochSecondsText(Timestamp timestamp)
{
    const qint64 micros = timestamp.epochMicroseconds;
    // Timestamp's range keeps the magnitude far from INT64_MIN, so negating is safe.
    const qint64 magnitude = micros < 0 ? -micros : micros;
    QByteArray text;
    text.reserve(20);
    if (micros < 0)
        text.append('-');
    appendPadded(text, magnitude / kMicrosPerSecond, 1);
    qint64 fraction = magnitude % kMicrosPerSecond;
    if (fraction != 0) {
        int digits = 6;
        while (fraction % 10 == 0) {
            fraction /= 10;
            --digits;
        }
        text.append('.');
        appendPadded(text, fraction, digits);
    }
    return text;
}

std::optional<Timestamp> parseEpochSecondsText(QByteArrayView text)
{
    double seconds = 0;
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, seconds);
    if (result.ec != std::errc() || result.ptr != end)
        return std::nullopt;
    return Timestamp::tryFromEpochSeconds(seconds);
}

QByteArray isoDateTimeText(Timestamp timestamp, const QTimeZone &zone)
{
    const qint64 utcMicros = timestamp.epochMicroseconds;
    int offset = 0;
    if (zone.isValid() && zone != QTimeZone::utc()) {
        const qint64 utcMillis = floorDiv(utcMicros, 1000);
        offset = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMillis, QTimeZone::utc()));
    }
    const qint64 localMicros = utcMicros + static_cast<qint64>(offset) * kMicrosPerSecond;
    const qint64 localSeconds = floorDiv(localMicros, kMicrosPerSecond);
    const qint64 micros = localMicros - localSeconds * kMicrosPerSecond;
    const qint64 days = floorDiv(localSeconds, kSecondsPerDay);
    const qint64 secondOfDay = localSeconds - days * kSecondsPerDay;
    const CivilDate date = civilFromDays(days);

    QByteArray text;
    text.reserve(32);
    appendPadded(text, date.year, 4);
    text.append('-');
    appendPadded(text, date.month, 2);
    text.append('-');
    appendPadded(text, date.day, 2);
    text.append('T');
    appendPadded(text, secondOfDay / 3600, 2);
    text.append(':');
    appendPadded(text, secondOfDay / 60 % 60, 2);
    text.append(':');
    appendPadded(text, secondOfDay % 60, 2);
    if (micros != 0) {
        text.append('.');
        appendPadded(text, micros, 6);
    }
    const int magnitude = std::abs(offset);
    text.append(offset < 0 ? '-' : '+');
    appendPadded(text, magnitude / 3600, 2);
    text.append(':');
    appendPadded(text, magnitude / 60 % 60, 2);
    if (magnitude % 60 != 0) {
        text.append(':');
        appendPadded(text, magnitude % 60, 2);
    }
    return text;
}

std::optional<Timestamp> parseIsoDateTime(QByteArrayView text)
{
    qsizetype pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!readDigits(text, pos, 4, year) || !readChar(text, pos, '-')
        || !readDigits(text, pos, 2, month) || !readChar(text, pos, '-')
        || !readDigits(text, pos, 2, day)) {
        return std::nullopt;
    }
    if (!readChar(text, pos, 'T') && !readChar(text, pos, ' '))
        return std::nullopt;
    if (!readDigits(text, pos, 2, hour) || !readChar(text, pos, ':')
        || !readDigits(text, pos, 2, minute) || !readChar(text, pos, ':')
        || !readDigits(text, pos, 2, second)) {
        return std::nullopt;
    }
    qint64 micros = 0;
    if (readChar(text, pos, '.')) {
        int digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && digits < 7) {
            micros = micros * 10 + (text[pos] - '0');
            ++pos;
            ++digits;
        }
        if (digits == 0 || digits > 6)
            return std::nullopt;
        for (int i = digits; i < 6; ++i)
            micros *= 10;
    }
    if (year < 1 || month < 1 || month > 12 || day < 1
        || static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)) || hour > 23
        || minute > 59 || second > 59) {
        return std::nullopt;
    }
    const std::optional<int> offset = parseOffsetSeconds(text, pos);
    if (!offset)
        return std::nullopt;
    const qint64 localSeconds
        = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))
            * kSecondsPerDay
        + hour * 3600 + minute * 60 + second;
    const qint64 utcSeconds = localSeconds - *offset;
    if (utcSeconds < Timestamp::kMinEpochSeconds || utcSeconds > Timestamp::kMaxEpochSeconds)
        return std::nullopt;
    return Timestamp { utcSeconds * kMicrosPerSecond + micros };
}

} // namespace lookout::json
