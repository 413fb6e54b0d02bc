#include "results/resultsparser.h"

#include "core/jsontype.h"
#include "results/resultstime.h"

#include <QHash>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace results {

namespace {

constexpr quint32 kNoName = 0xffffffff;
// Containers inside a skipped member may nest this deep; deeper is refused, never recursed.
constexpr int kMaxSkippedDepth = 512;
// Text quoted from a file in a message is cut to this many characters.
constexpr qsizetype kMaxQuoted = 40;

quint64 hashBytes(const char *data, size_t length)
{
    quint64 hash = 14695981039346656037ULL; // FNV-1a
    for (size_t i = 0; i < length; ++i)
        hash = (hash ^ static_cast<unsigned char>(data[i])) * 1099511628211ULL;
    return hash;
}

// Sensor names by their bytes as written in the file (escapes unresolved), so that a name seen
// before is found without decoding it. Open addressing, at most half full.
class NameTable {
public:
    qsizetype size() const { return static_cast<qsizetype>(m_raw.size()); }
    const std::string &raw(quint32 index) const { return m_raw[index]; }

    quint32 find(std::string_view raw, quint64 hash) const
    {
        if (m_slots.empty())
            return kNoName;
        const size_t mask = m_slots.size() - 1;
        for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const quint32 entry = m_slots[slot];
            if (entry == 0)
                return kNoName;
            if (m_hashes[entry - 1] == hash && m_raw[entry - 1] == raw)
                return entry - 1;
        }
    }

    quint32 insert(std::string_view raw, quint64 hash)
    {
        if ((m_raw.size() + 1) * 2 > m_slots.size())
            grow();
        const quint32 index = static_cast<quint32>(m_raw.size());
        m_raw.emplace_back(raw);
        m_hashes.push_back(hash);
        place(index);
        return index;
    }

private:
    void place(quint32 index)
    {
        const size_t mask = m_slots.size() - 1;
        size_t slot = m_hashes[index] & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = index + 1;
    }

    void grow()
    {
        m_slots.assign(qMax<size_t>(64, m_slots.size() * 2), 0);
        for (quint32 i = 0; i < m_raw.size(); ++i)
            place(i);
    }

    std::vector<std::string> m_raw;
    std::vector<quint64> m_hashes;
    std::vector<quint32> m_slots; // index + 1; 0 is empty
};

bool isDigit(char c)
{
    return static_cast<unsigned>(static_cast<unsigned char>(c)) - unsigned('0') <= 9U;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xc0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3f));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xe0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (codePoint & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (codePoint & 0x3f));
    }
}

// The value of 4 hex digits already checked by the scanner.
char32_t hex4(const char *at)
{
    return static_cast<char32_t>((hexValue(at[0]) << 12) | (hexValue(at[1]) << 8)
        | (hexValue(at[2]) << 4) | hexValue(at[3]));
}

// Resolves the escapes of a string the scanner accepted; a lone surrogate becomes U+FFFD.
void unescape(std::string_view raw, std::string &out)
{
    out.clear();
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        const char kind = raw[++i];
        switch (kind) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            char32_t unit = hex4(raw.data() + i + 1);
            i += 4;
            if (unit >= 0xd800 && unit <= 0xdbff && i + 6 < raw.size() && raw[i + 1] == '\\'
                && raw[i + 2] == 'u') {
                const char32_t low = hex4(raw.data() + i + 3);
                if (low >= 0xdc00 && low <= 0xdfff) {
                    unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                    i += 6;
                }
            }
            if (unit >= 0xd800 && unit <= 0xdfff)
                unit = 0xfffd;
            appendUtf8(out, unit);
            break;
        }
        default: // '"', '\\', '/'
            out += kind;
            break;
        }
    }
}

// Text from a file as a message may quote it: cut short, control characters as \xNN.
QString quoted(std::string_view text)
{
    QString decoded = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    const bool cut = decoded.size() > kMaxQuoted;
    if (cut)
        decoded.truncate(kMaxQuoted);
    QString out = QStringLiteral("\"");
    for (const QChar c : decoded) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            out += QStringLiteral("\\x%1").arg(static_cast<uint>(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + (cut ? QStringLiteral("…\"") : QStringLiteral("\""));
}

QString megabytes(qsizetype bytes)
{
    if (bytes % (1 << 20) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

class ResultsParser::LineReader {
public:
    LineReader(QString file, const ParseLimits &limits)
        : m_file(std::move(file))
        , m_limits(limits)
    {
    }

    ParsedResults out;

    void issue(qint64 line, const QString &message)
    {
        out.report.describe(ParseIssue { m_file, line, message });
    }

    // Last: the object's final line, which may end without a newline.
    enum class Line { Inner, Last };
    void read(const char *begin, const char *end, qint64 lineNumber, Line line);

private:
    using Type = core::JsonType;

    struct StringToken {
        std::string_view raw; // between the quotes
        bool escaped = false;
    };

    struct NumberToken {
        std::string_view text;
        bool integral = true;
        bool special = false; // NaN, Infinity, -Infinity
    };

    // Parsing one line. Each returns false with m_error set at the first problem.
    bool readObject(Prediction &prediction, bool &hasTime);
    bool readMember(std::string_view key, Prediction &prediction, bool &hasTime);
    bool readTimestamp(Prediction &prediction, bool &hasTime);
    bool readPrediction(Prediction &prediction);
    bool readReason(Prediction &prediction);
    bool readScore(Prediction &prediction);
    // A number member's value: `number` is empty for null; false with m_error set for anything
    // but a number or null.
    bool readNumber(const char *member, std::optional<NumberToken> &number);
    bool readDiagnostics(Prediction &prediction);
    bool readDiagnostic(qsizetype entry);
    bool scanString(StringToken &token);
    bool scanEscape();
    bool scanUtf8();
    bool scanNumber(NumberToken &token);
    bool skipValue();
    bool literal(std::string_view word);
    quint32 intern(const StringToken &name, qsizetype entry);
    void keepLargestShares(size_t first);

    void skipWhitespace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r' || *m_p == '\n'))
            ++m_p;
    }
    bool consume(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    // The type of the value at the cursor; nullopt at the end or where no value starts.
    std::optional<Type> peekType() const;
    static const char *typeName(std::optional<Type> type);
    // An underflow (1e-400) reads as 0, as Python reads it; an overflow is not finite.
    static bool isUnderflow(const NumberToken &number, std::errc error)
    {
        return error == std::errc::result_out_of_range
            && (number.text.find("e-") != std::string_view::npos
                || number.text.find("E-") != std::string_view::npos);
    }
    // A number as a message shows it, cut at kMaxQuoted characters.
    static QString numberText(const NumberToken &number)
    {
        return QString::fromLatin1(number.text.data(),
            qMin<qsizetype>(static_cast<qsizetype>(number.text.size()), kMaxQuoted));
    }
    qsizetype column() const { return m_p - m_begin + 1; }
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }
    // A grammar error at the cursor: "not JSON: expected ':' at column 14".
    bool failSyntax(const char *expected)
    {
        if (m_p >= m_end) {
            m_errorAtEnd = true;
            return fail(QStringLiteral("not JSON: the line ends where %1 should follow")
                            .arg(QLatin1String(expected)));
        }
        return fail(QStringLiteral("not JSON: expected %1 at column %2")
                        .arg(QLatin1String(expected))
                        .arg(column()));
    }
    bool failType(const char *member, Type expected)
    {
        return fail(QStringLiteral("%1 is %2, expected %3")
                        .arg(QLatin1String(member), QLatin1String(typeName(peekType())),
                            QLatin1String(typeName(expected))));
    }
    void note(const QString &text) { m_notes.append(text); }

    QString m_file;
    ParseLimits m_limits;
    NameTable m_names;
    QHash<QString, quint32> m_otherReasons;
    std::vector<quint32> m_previousNames; // the names of the last line, by position
    std::vector<quint32> m_currentNames;
    std::vector<int> m_containers; // skipValue()'s open brackets
    std::string m_decoded;
    bool m_namesCapped = false;

    const char *m_begin = nullptr;
    const char *m_p = nullptr;
    const char *m_end = nullptr;
    QString m_error;
    bool m_errorAtEnd = false;
    QStringList m_notes;
};

void ResultsParser::LineReader::read(
    const char *begin, const char *end, qint64 lineNumber, Line line)
{
    m_begin = m_p = begin;
    m_end = end;
    skipWhitespace();
    if (m_p == m_end)
        return;
    ++out.report.lines;
    m_error.clear();
    m_errorAtEnd = false;
    m_notes.clear();
    m_currentNames.clear();

    const size_t firstDiagnostic = out.diagnostics.size();
    Prediction prediction;
    prediction.firstDiagnostic = static_cast<quint32>(firstDiagnostic);
    bool hasTime = false;
    bool ok = readObject(prediction, hasTime);
    if (ok) {
        skipWhitespace();
        if (m_p != m_end)
            ok = fail(QStringLiteral("not JSON: text after the object at column %1").arg(column()));
    }
    if (ok && !hasTime)
        ok = fail(QStringLiteral("no timestamp"));
    if (!ok) {
        out.diagnostics.resize(firstDiagnostic);
        ++out.report.skippedLines;
        if (m_errorAtEnd && line == Line::Last)
            m_error = QStringLiteral("the object ends inside this line (%1)").arg(m_error);
        issue(lineNumber, m_error + QStringLiteral("; line skipped"));
        return;
    }
    prediction.firstDiagnostic = static_cast<quint32>(firstDiagnostic);
    prediction.diagnosticCount = static_cast<quint32>(out.diagnostics.size() - firstDiagnostic);
    prediction.line = static_cast<quint32>(qMin<qint64>(lineNumber, 0xffffffff));
    out.predictions.push_back(prediction);
    ++out.report.predictions;
    std::swap(m_previousNames, m_currentNames);
    if (!m_notes.isEmpty()) {
        ++out.report.trimmedLines;
        issue(lineNumber, m_notes.join(QLatin1String("; ")));
    }
}

std::optional<ResultsParser::LineReader::Type> ResultsParser::LineReader::peekType() const
{
    if (m_p >= m_end)
        return std::nullopt;
    return core::jsonTypeStartingWith(*m_p, core::SpecialNumbers::Accepted);
}

const char *ResultsParser::LineReader::typeName(std::optional<Type> type)
{
    if (!type)
        return "not a JSON value";
    switch (*type) {
    case Type::String:
        return "a string";
    case Type::Number:
        return "a number";
    case Type::Object:
        return "an object";
    case Type::Array:
        return "a list";
    case Type::Boolean:
        return "true or false";
    case Type::Null:
        return "null";
    }
    return "not a JSON value";
}

bool ResultsParser::LineReader::readObject(Prediction &prediction, bool &hasTime)
{
    if (!consume('{')) {
        // Another JSON value is named as such; anything else is not JSON.
        const std::optional<Type> type = peekType();
        const char *start = m_p;
        if (type && skipValue()) {
            skipWhitespace();
            if (m_p == m_end)
                return fail(
                    QStringLiteral("not a JSON object but %1").arg(QLatin1String(typeName(type))));
        }
        m_error.clear();
        m_errorAtEnd = false;
        m_p = start;
        return failSyntax("'{'");
    }
    skipWhitespace();
    if (consume('}'))
        return true;
    for (;;) {
        if (!consume('"'))
            return failSyntax("a member name");
        StringToken key;
        if (!scanString(key))
            return false;
        std::string_view name = key.raw;
        if (key.escaped) {
            unescape(key.raw, m_decoded);
            name = m_decoded;
        }
        skipWhitespace();
        if (!consume(':'))
            return failSyntax("':'");
        skipWhitespace();
        if (!readMember(name, prediction, hasTime))
            return false;
        skipWhitespace();
        if (consume(',')) {
            skipWhitespace();
            continue;
        }
        if (consume('}'))
            return true;
        return failSyntax("',' or '}'");
    }
}

bool ResultsParser::LineReader::readMember(
    std::string_view key, Prediction &prediction, bool &hasTime)
{
    using namespace std::string_view_literals;
    switch (key.size()) {
    case 9:
        if (key == "timestamp"sv)
            return readTimestamp(prediction, hasTime);
        break;
    case 10:
        if (key == "prediction"sv)
            return readPrediction(prediction);
        break;
    case 11:
        if (key == "diagnostics"sv)
            return readDiagnostics(prediction);
        break;
    case 13:
        if (key == "anomaly_score"sv)
            return readScore(prediction);
        break;
    case 17:
        if (key == "prediction_reason"sv)
            return readReason(prediction);
        break;
    default:
        break;
    }
    return skipValue();
}

bool ResultsParser::LineReader::readTimestamp(Prediction &prediction, bool &hasTime)
{
    if (literal("null")) {
        hasTime = false;
        return true;
    }
    if (!consume('"'))
        return !peekType() ? failSyntax("a value") : failType("timestamp", Type::String);
    StringToken token;
    if (!scanString(token))
        return false;
    std::string_view text = token.raw;
    if (token.escaped) {
        unescape(token.raw, m_decoded);
        text = m_decoded;
    }
    const std::optional<qint64> time
        = parseTimestamp(text.data(), static_cast<qsizetype>(text.size()));
    if (!time)
        return fail(QStringLiteral("timestamp %1 is not a date-time such as "
                                   "2022-07-29T11:45:00.000000")
                        .arg(quoted(text)));
    prediction.time = *time;
    hasTime = true;
    return true;
}

bool ResultsParser::LineReader::readPrediction(Prediction &prediction)
{
    prediction.flags &= ~Prediction::HasPrediction;
    std::optional<NumberToken> number;
    if (!readNumber("prediction", number))
        return false;
    if (!number)
        return true;
    qint32 value = 0;
    const auto [end, error]
        = std::from_chars(number->text.data(), number->text.data() + number->text.size(), value);
    if (!number->integral || number->special || error != std::errc()
        || end != number->text.data() + number->text.size())
        return fail(QStringLiteral("prediction %1 is not a whole number").arg(numberText(*number)));
    prediction.prediction = value;
    prediction.flags |= Prediction::HasPrediction;
    return true;
}

bool ResultsParser::LineReader::readReason(Prediction &prediction)
{
    using namespace std::string_view_literals;
    prediction.reason = Reason::Absent;
    if (literal("null"))
        return true;
    if (!consume('"'))
        return !peekType() ? failSyntax("a value") : failType("prediction_reason", Type::String);
    StringToken token;
    if (!scanString(token))
        return false;
    std::string_view text = token.raw;
    if (token.escaped) {
        unescape(token.raw, m_decoded);
        text = m_decoded;
    }
    if (text == "ANOMALY_DETECTED"sv) {
        prediction.reason = Reason::AnomalyDetected;
    } else if (text == "NO_ANOMALY_DETECTED"sv) {
        prediction.reason = Reason::NoAnomalyDetected;
    } else if (text == "MACHINE_OFF"sv) {
        prediction.reason = Reason::MachineOff;
    } else {
        const QString other = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
        auto found = m_otherReasons.constFind(other);
        if (found == m_otherReasons.constEnd()) {
            found = m_otherReasons.insert(other, static_cast<quint32>(out.otherReasons.size()));
            out.otherReasons.append(other);
        }
        prediction.reason = Reason::Other;
        prediction.otherReason = *found;
    }
    return true;
}

bool ResultsParser::LineReader::readScore(Prediction &prediction)
{
    prediction.flags &= ~Prediction::HasScore;
    std::optional<NumberToken> number;
    if (!readNumber("anomaly_score", number))
        return false;
    if (!number)
        return true;
    double value = 0;
    const auto [end, error]
        = std::from_chars(number->text.data(), number->text.data() + number->text.size(), value);
    Q_UNUSED(end);
    if (isUnderflow(*number, error)) {
        value = 0;
    } else if (number->special || error != std::errc() || !std::isfinite(value)) {
        note(QStringLiteral("anomaly_score %1 is not a finite number; read without a score")
                 .arg(numberText(*number)));
        return true;
    }
    prediction.score = value;
    prediction.flags |= Prediction::HasScore;
    return true;
}

bool ResultsParser::LineReader::readNumber(const char *member, std::optional<NumberToken> &number)
{
    number.reset();
    if (literal("null"))
        return true;
    const std::optional<Type> type = peekType();
    if (type != Type::Number)
        return !type ? failSyntax("a value") : failType(member, Type::Number);
    return scanNumber(number.emplace());
}

bool ResultsParser::LineReader::readDiagnostics(Prediction &prediction)
{
    // A second `diagnostics` member replaces the first.
    out.diagnostics.resize(prediction.firstDiagnostic);
    m_currentNames.clear();
    prediction.flags &= ~Prediction::HasDiagnostics;
    if (literal("null"))
        return true;
    if (!consume('['))
        return !peekType() ? failSyntax("a value") : failType("diagnostics", Type::Array);
    prediction.flags |= Prediction::HasDiagnostics;
    skipWhitespace();
    qsizetype entries = 0;
    if (!consume(']')) {
        for (;;) {
            if (!readDiagnostic(entries))
                return false;
            ++entries;
            skipWhitespace();
            if (consume(',')) {
                skipWhitespace();
                continue;
            }
            if (consume(']'))
                break;
            return failSyntax("',' or ']'");
        }
    }
    if (static_cast<qsizetype>(out.diagnostics.size() - prediction.firstDiagnostic)
        > m_limits.maxDiagnosticsPerLine) {
        note(QStringLiteral("%1 diagnostics; kept the %2 largest shares")
                 .arg(out.diagnostics.size() - prediction.firstDiagnostic)
                 .arg(m_limits.maxDiagnosticsPerLine));
        keepLargestShares(prediction.firstDiagnostic);
    }
    return true;
}

bool ResultsParser::LineReader::readDiagnostic(qsizetype entry)
{
    using namespace std::string_view_literals;
    if (!consume('{'))
        return !peekType() ? failSyntax("a value")
                           : fail(QStringLiteral("diagnostics entry %1 is %2, expected an object")
                                      .arg(entry + 1)
                                      .arg(QLatin1String(typeName(peekType()))));
    quint32 sensor = kNoName;
    bool hasName = false;
    bool hasValue = false;
    float share = 0;
    bool finite = true;
    QString badValue;
    skipWhitespace();
    if (!consume('}')) {
        for (;;) {
            if (!consume('"'))
                return failSyntax("a member name");
            StringToken key;
            if (!scanString(key))
                return false;
            std::string_view name = key.raw;
            if (key.escaped) {
                unescape(key.raw, m_decoded);
                name = m_decoded;
            }
            skipWhitespace();
            if (!consume(':'))
                return failSyntax("':'");
            skipWhitespace();
            if (name == "name"sv) {
                if (literal("null")) {
                    hasName = false;
                } else if (consume('"')) {
                    StringToken text;
                    if (!scanString(text))
                        return false;
                    sensor = intern(text, entry);
                    hasName = true;
                } else {
                    return !peekType()
                        ? failSyntax("a value")
                        : fail(QStringLiteral("diagnostics entry %1: name is %2, expected a string")
                                   .arg(entry + 1)
                                   .arg(QLatin1String(typeName(peekType()))));
                }
            } else if (name == "value"sv) {
                if (literal("null")) {
                    hasValue = false;
                } else if (peekType() == Type::Number) {
                    NumberToken number;
                    if (!scanNumber(number))
                        return false;
                    const auto [end, error] = std::from_chars(
                        number.text.data(), number.text.data() + number.text.size(), share);
                    Q_UNUSED(end);
                    const bool underflow = isUnderflow(number, error);
                    if (underflow)
                        share = 0;
                    finite = underflow
                        || (!number.special && error == std::errc() && std::isfinite(share));
                    if (!finite)
                        badValue = numberText(number);
                    hasValue = true;
                } else {
                    return !peekType() ? failSyntax("a value")
                                       : fail(QStringLiteral(
                                           "diagnostics entry %1: value is %2, expected a number")
                                                  .arg(entry + 1)
                                                  .arg(QLatin1String(typeName(peekType()))));
                }
            } else if (!skipValue()) {
                return false;
            }
            skipWhitespace();
            if (consume(',')) {
                skipWhitespace();
                continue;
            }
            if (consume('}'))
                break;
            return failSyntax("',' or '}'");
        }
    }
    if (!hasName)
        return fail(QStringLiteral("diagnostics entry %1 has no name").arg(entry + 1));
    if (!hasValue)
        return fail(QStringLiteral("diagnostics entry %1 has no value").arg(entry + 1));
    if (!finite) {
        note(QStringLiteral("diagnostics entry %1 has the value %2, not a finite number; left out")
                 .arg(entry + 1)
                 .arg(badValue));
        return true;
    }
    if (sensor == kNoName)
        return true; // over the name cap, reported once by intern()
    out.diagnostics.push_back(Diagnostic { sensor, share });
    return true;
}

quint32 ResultsParser::LineReader::intern(const StringToken &name, qsizetype entry)
{
    const std::string_view raw = name.raw;
    const size_t position = static_cast<size_t>(entry);
    quint32 index = kNoName;
    // Lines of one object list the same names in the same order.
    if (position < m_previousNames.size()) {
        const quint32 candidate = m_previousNames[position];
        if (candidate != kNoName && m_names.raw(candidate) == raw)
            index = candidate;
    }
    if (index == kNoName) {
        const quint64 hash = hashBytes(raw.data(), raw.size());
        index = m_names.find(raw, hash);
        if (index == kNoName) {
            if (m_names.size() >= m_limits.maxSensorNames) {
                if (!m_namesCapped) {
                    m_namesCapped = true;
                    note(QStringLiteral("more than %1 different sensor names in this object; "
                                        "diagnostics of further names are left out")
                             .arg(m_limits.maxSensorNames));
                }
                if (m_currentNames.size() == position)
                    m_currentNames.push_back(kNoName);
                return kNoName;
            }
            index = m_names.insert(raw, hash);
            if (name.escaped) {
                unescape(raw, m_decoded);
                out.sensorNames.append(
                    QString::fromUtf8(m_decoded.data(), static_cast<qsizetype>(m_decoded.size())));
            } else {
                out.sensorNames.append(
                    QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size())));
            }
        }
    }
    if (m_currentNames.size() == position)
        m_currentNames.push_back(index);
    return index;
}

void ResultsParser::LineReader::keepLargestShares(size_t first)
{
    struct Ranked {
        float share;
        quint32 position;
    };
    std::vector<Ranked> ranked;
    ranked.reserve(out.diagnostics.size() - first);
    for (size_t i = first; i < out.diagnostics.size(); ++i)
        ranked.push_back({ out.diagnostics[i].share, static_cast<quint32>(i - first) });
    const auto keep = static_cast<std::ptrdiff_t>(m_limits.maxDiagnosticsPerLine);
    std::nth_element(
        ranked.begin(), ranked.begin() + keep, ranked.end(), [](const Ranked &a, const Ranked &b) {
            return a.share != b.share ? a.share > b.share : a.position < b.position;
        });
    ranked.resize(static_cast<size_t>(keep));
    std::sort(ranked.begin(), ranked.end(),
        [](const Ranked &a, const Ranked &b) { return a.position < b.position; });
    for (size_t i = 0; i < ranked.size(); ++i)
        out.diagnostics[first + i] = out.diagnostics[first + ranked[i].position];
    out.diagnostics.resize(first + ranked.size());
}

bool ResultsParser::LineReader::scanString(StringToken &token)
{
    const char *start = m_p;
    token.escaped = false;
    while (m_p < m_end) {
        const unsigned char c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            token.raw = std::string_view(start, static_cast<size_t>(m_p - start));
            ++m_p;
            return true;
        }
        if (c == '\\') {
            token.escaped = true;
            if (!scanEscape())
                return false;
        } else if (c < 0x20) {
            return fail(QStringLiteral("not JSON: a control character in a string at column %1")
                            .arg(column()));
        } else if (c >= 0x80) {
            if (!scanUtf8())
                return false;
        } else {
            ++m_p;
        }
    }
    m_errorAtEnd = true;
    return fail(QStringLiteral("not JSON: a string is not closed"));
}

bool ResultsParser::LineReader::scanEscape()
{
    if (m_p + 1 >= m_end) {
        m_errorAtEnd = true;
        return fail(QStringLiteral("not JSON: a string is not closed"));
    }
    switch (m_p[1]) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        m_p += 2;
        return true;
    case 'u':
        if (m_end - m_p >= 6 && hexValue(m_p[2]) >= 0 && hexValue(m_p[3]) >= 0
            && hexValue(m_p[4]) >= 0 && hexValue(m_p[5]) >= 0) {
            m_p += 6;
            return true;
        }
        break;
    default:
        break;
    }
    return fail(QStringLiteral("not JSON: an invalid escape at column %1").arg(column()));
}

bool ResultsParser::LineReader::scanUtf8()
{
    const auto byte = [&](qsizetype i) { return static_cast<unsigned char>(m_p[i]); };
    const unsigned char lead = byte(0);
    int length = 0;
    char32_t minimum = 0;
    char32_t codePoint = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        minimum = 0x80;
        codePoint = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        minimum = 0x800;
        codePoint = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        minimum = 0x10000;
        codePoint = lead & 0x07;
    }
    bool valid = length > 0 && m_end - m_p >= length;
    for (int i = 1; valid && i < length; ++i) {
        valid = (byte(i) & 0xc0) == 0x80;
        codePoint = (codePoint << 6) | (byte(i) & 0x3f);
    }
    valid = valid && codePoint >= minimum && codePoint <= 0x10ffff
        && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
    if (!valid)
        return fail(QStringLiteral("not UTF-8 at column %1").arg(column()));
    m_p += length;
    return true;
}

bool ResultsParser::LineReader::scanNumber(NumberToken &token)
{
    const char *start = m_p;
    token.integral = true;
    token.special = false;
    if (literal("NaN") || literal("Infinity") || literal("-Infinity")) {
        token.special = true;
        token.integral = false;
        token.text = std::string_view(start, static_cast<size_t>(m_p - start));
        return true;
    }
    consume('-');
    if (consume('0')) {
        // no leading zeros
    } else if (m_p < m_end && isDigit(*m_p)) {
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    } else {
        return failSyntax("a digit");
    }
    if (consume('.')) {
        token.integral = false;
        if (m_p >= m_end || !isDigit(*m_p))
            return failSyntax("a digit");
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        token.integral = false;
        ++m_p;
        if (!consume('+'))
            consume('-');
        if (m_p >= m_end || !isDigit(*m_p))
            return failSyntax("a digit");
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    token.text = std::string_view(start, static_cast<size_t>(m_p - start));
    return true;
}

bool ResultsParser::LineReader::literal(std::string_view word)
{
    if (static_cast<size_t>(m_end - m_p) >= word.size()
        && std::memcmp(m_p, word.data(), word.size()) == 0) {
        m_p += word.size();
        return true;
    }
    return false;
}

bool ResultsParser::LineReader::skipValue()
{
    m_containers.clear();
    for (;;) {
        skipWhitespace();
        // A value.
        const std::optional<Type> type = peekType();
        if (!type)
            return failSyntax("a value");
        switch (*type) {
        case Type::String: {
            ++m_p;
            StringToken token;
            if (!scanString(token))
                return false;
            break;
        }
        case Type::Number: {
            NumberToken token;
            if (!scanNumber(token))
                return false;
            break;
        }
        case Type::Boolean:
            if (!literal("true") && !literal("false"))
                return failSyntax("a value");
            break;
        case Type::Null:
            if (!literal("null"))
                return failSyntax("a value");
            break;
        case Type::Object:
        case Type::Array: {
            const char open = *m_p++;
            if (m_containers.size() >= static_cast<size_t>(kMaxSkippedDepth))
                return fail(QStringLiteral("nested deeper than %1 levels at column %2")
                                .arg(kMaxSkippedDepth)
                                .arg(column()));
            m_containers.push_back(open);
            skipWhitespace();
            if (consume(open == '{' ? '}' : ']')) {
                m_containers.pop_back();
                break;
            }
            if (open == '{') {
                if (!consume('"'))
                    return failSyntax("a member name");
                StringToken key;
                if (!scanString(key))
                    return false;
                skipWhitespace();
                if (!consume(':'))
                    return failSyntax("':'");
            }
            continue; // the first element's value
        }
        }
        // After a value: the next element, or the end of its containers.
        for (;;) {
            if (m_containers.empty())
                return true;
            skipWhitespace();
            const bool inObject = m_containers.back() == '{';
            if (consume(',')) {
                if (inObject) {
                    skipWhitespace();
                    if (!consume('"'))
                        return failSyntax("a member name");
                    StringToken key;
                    if (!scanString(key))
                        return false;
                    skipWhitespace();
                    if (!consume(':'))
                        return failSyntax("':'");
                }
                break;
            }
            if (!consume(inObject ? '}' : ']'))
                return failSyntax(inObject ? "',' or '}'" : "',' or ']'");
            m_containers.pop_back();
        }
    }
}

ResultsParser::ResultsParser(QString file, ParseLimits limits)
    : m_reader(std::make_unique<LineReader>(std::move(file), limits))
    , m_limits(limits)
{
}

ResultsParser::~ResultsParser() = default;

void ResultsParser::feed(QByteArrayView chunk)
{
    const char *p = chunk.data();
    const char *end = p + chunk.size();
    m_reader->out.report.bytes += chunk.size();
    if (m_atStart && p < end) {
        // A UTF-8 byte-order mark, possibly split over chunks, is not part of the first line.
        static constexpr char kBom[] = "\xEF\xBB\xBF";
        const qsizetype have = m_partial.size();
        const qsizetype take = qMin<qsizetype>(3 - have, end - p);
        if (std::memcmp(p, kBom + have, static_cast<size_t>(take)) == 0) {
            if (have + take == 3) {
                m_partial.clear();
                p += take;
                m_atStart = false;
            } else {
                m_partial.append(p, take);
                return;
            }
        } else {
            m_atStart = false; // m_partial, if any, holds a real line start
        }
    }
    if (m_longLineBytes >= 0) {
        const char *newline
            = static_cast<const char *>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        if (!newline) {
            m_longLineBytes += end - p;
            return;
        }
        skipLongLine(m_longLineBytes + (newline - p));
        p = newline + 1;
    }
    if (!m_partial.isEmpty() && p < end) {
        const char *newline
            = static_cast<const char *>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        const qsizetype have = m_partial.size();
        const qsizetype add = (newline ? newline : end) - p;
        if (have + add > m_limits.maxLineBytes) {
            m_partial.clear();
            if (!newline) {
                m_longLineBytes = have + add;
                return;
            }
            skipLongLine(have + add);
        } else {
            m_partial.append(p, add);
            if (!newline)
                return;
            ++m_lineNumber;
            m_reader->read(m_partial.constData(), m_partial.constData() + m_partial.size(),
                m_lineNumber, LineReader::Line::Inner);
            m_partial.clear();
        }
        p = newline + 1;
    }
    while (p < end) {
        const char *newline
            = static_cast<const char *>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        if (!newline) {
            if (end - p > m_limits.maxLineBytes)
                m_longLineBytes = end - p;
            else
                m_partial.append(p, end - p);
            return;
        }
        if (newline - p > m_limits.maxLineBytes) {
            skipLongLine(newline - p);
        } else {
            ++m_lineNumber;
            m_reader->read(p, newline, m_lineNumber, LineReader::Line::Inner);
        }
        p = newline + 1;
    }
}

void ResultsParser::skipLongLine(qint64 length)
{
    ++m_lineNumber;
    m_longLineBytes = -1;
    ParseReport &report = m_reader->out.report;
    ++report.lines;
    ++report.skippedLines;
    m_reader->issue(m_lineNumber,
        QStringLiteral("the line is %1 bytes long, more than the %2 a line may have; line skipped")
            .arg(length)
            .arg(megabytes(m_limits.maxLineBytes)));
}

ParsedResults ResultsParser::finish()
{
    if (m_longLineBytes >= 0) {
        skipLongLine(m_longLineBytes);
    } else if (!m_partial.isEmpty()) {
        ++m_lineNumber;
        m_reader->read(m_partial.constData(), m_partial.constData() + m_partial.size(),
            m_lineNumber, LineReader::Line::Last);
    }
    m_partial.clear();
    m_lineNumber = 0;
    m_atStart = true;
    ParsedResults parsed = std::move(m_reader->out);
    m_reader->out = ParsedResults();
    return parsed;
}

ParsedResults ResultsParser::parse(
    QByteArrayView contents, const QString &file, const ParseLimits &limits)
{
    ResultsParser parser(file, limits);
    parser.feed(contents);
    return parser.finish();
}

const char *reasonName(Reason reason)
{
    switch (reason) {
    case Reason::AnomalyDetected:
        return "ANOMALY_DETECTED";
    case Reason::NoAnomalyDetected:
        return "NO_ANOMALY_DETECTED";
    case Reason::MachineOff:
        return "MACHINE_OFF";
    case Reason::Absent:
    case Reason::Other:
        break;
    }
    return "";
}

} // namespace results
