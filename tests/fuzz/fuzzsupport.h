#pragma once

// Shared by the libFuzzer harnesses: input access, quiet logging, and checks that abort with a
// message, so a broken invariant is a crash libFuzzer saves like any other.

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QString>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace fuzzsupport {

// The time the request harnesses' emulator clock shows; generate-seeds signs its requests then.
inline QDateTime fuzzNow()
{
    return QDateTime(QDate(2026, 3, 4), QTime(18, 52, 22), Qt::UTC);
}

inline QByteArrayView bytes(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Category logging would cost more than the code under test; warnings stay visible.
inline void quietLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
}

[[noreturn]] inline void fail(
    const char *file, int line, const char *condition, const QString &detail)
{
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %s\n", file, line, condition,
        detail.toLocal8Bit().constData());
    std::abort();
}

// True when text holds a C0 or C1 control character other than tab and line feed, or DEL:
// text an endpoint chose must not reach a terminal able to move the cursor or retitle it.
inline bool hasTerminalControls(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7f && u <= 0x9f))
            return true;
    }
    return false;
}

// True when Qt refused `body` only because of a number it cannot represent: beyond a double's
// range ("-71e308"), below it ("1e-26706807827"), or an integer too long for Qt to convert.
// Still JSON by the grammar, and read by botocore's parser, so a decoder that skips such a
// number in an unknown member is right to accept the body.
inline bool qtRefusesOnlyANumberOutOfRange(QByteArrayView body, const QJsonParseError &error)
{
    if (error.error != QJsonParseError::IllegalNumber)
        return false;
    qsizetype end = qMin<qsizetype>(error.offset, body.size());
    while (end < body.size() && std::strchr("+-.eE0123456789", body[end]) != nullptr)
        ++end;
    qsizetype start = qMin<qsizetype>(error.offset, body.size());
    while (start > 0 && std::strchr("+-.eE0123456789", body[start - 1]) != nullptr)
        --start;
    const QByteArray number = body.sliced(start, end - start).toByteArray();
    static const QRegularExpression kGrammar(
        QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    // RFC 8259 sets no range: a number too large or too small for a double (or a long integer Qt
    // will not convert) is still JSON, and botocore reads it; only Qt refuses it.
    return kGrammar.match(QString::fromLatin1(number)).hasMatch();
}

// The text with control characters spelled \xNN, for failure messages.
inline QString visible(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            out += QStringLiteral("\\x%1").arg(static_cast<uint>(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace fuzzsupport

#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            fuzzsupport::fail(__FILE__, __LINE__, #condition, (detail));                           \
    } while (false)
