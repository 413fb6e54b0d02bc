#include "cli/yamlformatter.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace cli {

namespace {

using namespace Qt::StringLiterals;

constexpr int kBestIndent = 2;
constexpr int kBestWidth = 80;
constexpr qsizetype kMaxSimpleKeyBytes = 128;

// libyaml's character classes (yaml_private.h).
bool isPrintable(char32_t c)
{
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

bool isBreak(char32_t c)
{
    return c == u'\r' || c == u'\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool isSpace(char32_t c)
{
    return c == u' ';
}

// A blank, a break or the end of the text.
bool isBlankOrEnd(const QList<char32_t> &text, qsizetype i)
{
    if (i >= text.size())
        return true;
    const char32_t c = text.at(i);
    return c == u' ' || c == u'\t' || isBreak(c) || c == 0;
}

// ruamel.yaml's YAML 1.2 implicit resolvers (resolver.py): a plain scalar one of these matches
// would be read back as something other than a string. Each is tried only on texts starting
// with one of its first characters, as ruamel.yaml does ("_" is no integer).
struct ImplicitResolver {
    QStringView firstCharacters; // empty: only the empty text
    QRegularExpression pattern;
};

bool readsAsNonString(const QString &text)
{
    static const std::array<ImplicitResolver, 7> kResolvers { {
        { u"tTfF", QRegularExpression(u"^(?:true|True|TRUE|false|False|FALSE)$"_s) },
        { u"-+0123456789.",
            QRegularExpression(u"^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                               "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                               "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                               "|[-+]?\\.(?:inf|Inf|INF)"
                               "|\\.(?:nan|NaN|NAN))$"_s) },
        { u"-+0123456789",
            QRegularExpression(
                u"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$"_s) },
        { u"<", QRegularExpression(u"^(?:<<)$"_s) },
        { u"~nN", QRegularExpression(u"^(?:~|null|Null|NULL|)$"_s) },
        { u"0123456789",
            QRegularExpression(u"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                               "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                               "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                               "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"_s) },
        { u"=", QRegularExpression(u"^(?:=)$"_s) },
    } };
    if (text.isEmpty())
        return true; // the null resolver's empty first character
    return std::any_of(kResolvers.begin(), kResolvers.end(), [&](const ImplicitResolver &r) {
        return r.firstCharacters.contains(text.front()) && r.pattern.match(text).hasMatch();
    });
}

enum class Style { Plain, SingleQuoted, DoubleQuoted };

QList<char32_t> codePointsOf(const QString &text)
{
    QList<char32_t> codePoints;
    codePoints.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            codePoints.append(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else {
            codePoints.append(c.unicode());
        }
    }
    return codePoints;
}

// yaml_emitter_analyze_scalar: which styles can show the text.
struct ScalarAnalysis {
    bool multiline = false;
    bool blockPlainAllowed = true;
    bool singleQuotedAllowed = true;

    explicit ScalarAnalysis(const QList<char32_t> &text)
    {
        if (text.isEmpty())
            return;
        bool blockIndicators = false;
        bool leadingSpace = false;
        bool leadingBreak = false;
        bool trailingSpace = false;
        bool trailingBreak = false;
        bool breakSpace = false;
        bool spaceBreak = false;
        bool specialCharacters = false;
        bool lineBreaks = false;
        bool previousSpace = false;
        bool previousBreak = false;
        const auto startsWith3 = [&](char32_t c) {
            return text.size() >= 3 && text[0] == c && text[1] == c && text[2] == c;
        };
        if (startsWith3(u'-') || startsWith3(u'.'))
            blockIndicators = true;
        bool precededByWhitespace = true;
        bool followedByWhitespace = isBlankOrEnd(text, 1);
        const qsizetype last = text.size() - 1;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char32_t c = text.at(i);
            if (i == 0) {
                if (c < 0x80 && QStringView(u"#,[]{}&*!|>'\"%@`").contains(QChar(c)))
                    blockIndicators = true;
                if ((c == u'?' || c == u':') && followedByWhitespace)
                    blockIndicators = true;
                if (c == u'-' && followedByWhitespace)
                    blockIndicators = true;
            } else {
                if (c == u':' && followedByWhitespace)
                    blockIndicators = true;
                if (c == u'#' && precededByWhitespace)
                    blockIndicators = true;
            }
            if (!isPrintable(c))
                specialCharacters = true;
            if (isBreak(c))
                lineBreaks = true;
            if (isSpace(c)) {
                leadingSpace = leadingSpace || i == 0;
                trailingSpace = trailingSpace || i == last;
                breakSpace = breakSpace || previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                leadingBreak = leadingBreak || i == 0;
                trailingBreak = trailingBreak || i == last;
                spaceBreak = spaceBreak || previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlankOrEnd(text, i);
            followedByWhitespace = isBlankOrEnd(text, i + 2);
        }
        multiline = lineBreaks;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks
            || blockIndicators)
            blockPlainAllowed = false;
        if (breakSpace) {
            blockPlainAllowed = false;
            singleQuotedAllowed = false;
        }
        if (spaceBreak || specialCharacters) {
            blockPlainAllowed = false;
            singleQuotedAllowed = false;
        }
    }
};

// libyaml's emitter (emitter.c) for what the CLI dumps: block mappings and sequences, empty
// ones in flow style, scalars without tags or anchors. The state it keeps is libyaml's, so that
// indentation and line folding come out the same.
class YamlEmitter {
public:
    QByteArray document(const OutputValue &root)
    {
        emitNode(root, Context { .mapping = false, .simpleKey = false });
        writeIndent(); // the implicit document end
        return m_out.toUtf8();
    }

private:
    struct Context {
        bool mapping = false;
        bool simpleKey = false;
    };

    void emitNode(const OutputValue &value, Context context)
    {
        m_mappingContext = context.mapping;
        m_simpleKeyContext = context.simpleKey;
        switch (value.kind) {
        case OutputValue::Kind::Null:
            emitScalar(QStringLiteral("null"), Resolved::Implicitly);
            return;
        case OutputValue::Kind::Boolean:
            emitScalar(value.text, Resolved::Implicitly);
            return;
        case OutputValue::Kind::Number:
            // ruamel.yaml writes floats as repr(value).lower(); the text is Python's repr.
            emitScalar(value.text.toLower(), Resolved::Implicitly);
            return;
        case OutputValue::Kind::String:
            emitScalar(value.text, Resolved::AsString);
            return;
        case OutputValue::Kind::List:
            if (value.items.isEmpty())
                emitEmptyFlow(u'[', u']');
            else
                emitBlockSequence(value.items);
            return;
        case OutputValue::Kind::Object:
            if (value.members.isEmpty())
                emitEmptyFlow(u'{', u'}');
            else
                emitBlockMapping(value.members);
            return;
        }
    }

    void emitEmptyFlow(char16_t open, char16_t close)
    {
        writeIndicator(QString(QChar(open)), true, true, false);
        increaseIndent(true, false);
        m_indent = m_indents.takeLast();
        writeIndicator(QString(QChar(close)), false, false, false);
    }

    void emitBlockSequence(const QList<OutputValue> &items)
    {
        increaseIndent(false, m_mappingContext && !m_indention);
        for (const OutputValue &item : items) {
            writeIndent();
            writeIndicator(QStringLiteral("-"), true, false, true);
            emitNode(item, Context { .mapping = false, .simpleKey = false });
        }
        m_indent = m_indents.takeLast();
    }

    void emitBlockMapping(const QList<std::pair<QString, OutputValue>> &members)
    {
        // The safe representer sorts a dict's keys.
        QList<const std::pair<QString, OutputValue> *> sorted;
        for (const auto &member : members)
            sorted.append(&member);
        std::stable_sort(sorted.begin(), sorted.end(),
            [](const auto *a, const auto *b) { return a->first < b->first; });
        increaseIndent(false, false);
        for (const auto *member : std::as_const(sorted)) {
            writeIndent();
            const QString &key = member->first;
            const bool simple = !key.contains(u'\n') && !key.contains(u'\r')
                && !key.contains(QChar(0x85)) && !key.contains(QChar(0x2028))
                && !key.contains(QChar(0x2029)) && key.toUtf8().size() <= kMaxSimpleKeyBytes;
            OutputValue keyValue;
            keyValue.kind = OutputValue::Kind::String;
            keyValue.text = key;
            if (simple) {
                emitNode(keyValue, Context { .mapping = true, .simpleKey = true });
                writeIndicator(QStringLiteral(":"), false, false, false);
            } else {
                writeIndicator(QStringLiteral("?"), true, false, true);
                emitNode(keyValue, Context { .mapping = true, .simpleKey = false });
                writeIndent();
                writeIndicator(QStringLiteral(":"), true, false, true);
            }
            emitNode(member->second, Context { .mapping = true, .simpleKey = false });
        }
        m_indent = m_indents.takeLast();
    }

    enum class Resolved { Implicitly, AsString };

    void emitScalar(const QString &text, Resolved resolved)
    {
        const QList<char32_t> codePoints = codePointsOf(text);
        Style style = Style::Plain;
        if (resolved == Resolved::AsString) {
            const ScalarAnalysis analysis(codePoints);
            if (m_simpleKeyContext && analysis.multiline)
                style = Style::DoubleQuoted;
            else if (!analysis.blockPlainAllowed || codePoints.isEmpty() || readsAsNonString(text))
                style = Style::SingleQuoted;
            if (style == Style::SingleQuoted && !analysis.singleQuotedAllowed)
                style = Style::DoubleQuoted;
        }
        increaseIndent(true, false);
        const bool allowBreaks = !m_simpleKeyContext;
        switch (style) {
        case Style::Plain:
            writePlain(codePoints, allowBreaks);
            break;
        case Style::SingleQuoted:
            writeSingleQuoted(codePoints, allowBreaks);
            break;
        case Style::DoubleQuoted:
            writeDoubleQuoted(codePoints, allowBreaks);
            break;
        }
        m_indent = m_indents.takeLast();
    }

    void writePlain(const QList<char32_t> &text, bool allowBreaks)
    {
        if (!m_whitespace && !text.isEmpty())
            put(u' ');
        bool spaces = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char32_t c = text.at(i);
            if (isSpace(c)) {
                if (allowBreaks && !spaces && m_column > kBestWidth
                    && !(i + 1 < text.size() && isSpace(text.at(i + 1))))
                    writeIndent();
                else
                    put(c);
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
        m_whitespace = false;
        m_indention = false;
    }

    void writeSingleQuoted(const QList<char32_t> &text, bool allowBreaks)
    {
        writeIndicator(QStringLiteral("'"), true, false, false);
        bool spaces = false;
        bool breaks = false;
        const qsizetype last = text.size() - 1;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char32_t c = text.at(i);
            if (isSpace(c)) {
                if (allowBreaks && !spaces && m_column > kBestWidth && i != 0 && i != last
                    && !isSpace(text.at(i + 1)))
                    writeIndent();
                else
                    put(c);
                spaces = true;
            } else if (isBreak(c)) {
                if (!breaks && c == u'\n')
                    putBreak();
                if (c == u'\n') {
                    putBreak();
                } else {
                    put(c);
                    m_column = 0;
                }
                m_indention = true;
                breaks = true;
            } else {
                if (breaks)
                    writeIndent();
                if (c == u'\'')
                    put(u'\'');
                put(c);
                m_indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if (breaks)
            writeIndent();
        writeIndicator(QStringLiteral("'"), false, false, false);
        m_whitespace = false;
        m_indention = false;
    }

    void writeDoubleQuoted(const QList<char32_t> &text, bool allowBreaks)
    {
        writeIndicator(QStringLiteral("\""), true, false, false);
        bool spaces = false;
        const qsizetype last = text.size() - 1;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char32_t c = text.at(i);
            if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == u'"' || c == u'\\') {
                putEscape(c);
                spaces = false;
            } else if (isSpace(c)) {
                if (allowBreaks && !spaces && m_column > kBestWidth && i != 0 && i != last) {
                    writeIndent();
                    if (isSpace(text.at(i + 1)))
                        put(u'\\');
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
        writeIndicator(QStringLiteral("\""), false, false, false);
        m_whitespace = false;
        m_indention = false;
    }

    void putEscape(char32_t c)
    {
        put(u'\\');
        const char *shortForm = nullptr;
        switch (c) {
        case 0x00:
            shortForm = "0";
            break;
        case 0x07:
            shortForm = "a";
            break;
        case 0x08:
            shortForm = "b";
            break;
        case 0x09:
            shortForm = "t";
            break;
        case 0x0A:
            shortForm = "n";
            break;
        case 0x0B:
            shortForm = "v";
            break;
        case 0x0C:
            shortForm = "f";
            break;
        case 0x0D:
            shortForm = "r";
            break;
        case 0x1B:
            shortForm = "e";
            break;
        case 0x22:
            shortForm = "\"";
            break;
        case 0x5C:
            shortForm = "\\";
            break;
        case 0x85:
            shortForm = "N";
            break;
        case 0xA0:
            shortForm = "_";
            break;
        case 0x2028:
            shortForm = "L";
            break;
        case 0x2029:
            shortForm = "P";
            break;
        default:
            break;
        }
        if (shortForm) {
            put(char32_t(shortForm[0]));
            return;
        }
        const int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
        put(c <= 0xFF ? u'x' : c <= 0xFFFF ? u'u' : u'U');
        const QString hex = QString::number(uint(c), 16).toUpper().rightJustified(digits, u'0');
        for (const QChar digit : hex)
            put(digit.unicode());
    }

    void increaseIndent(bool flow, bool indentless)
    {
        m_indents.append(m_indent);
        if (m_indent < 0)
            m_indent = flow ? kBestIndent : 0;
        else if (!indentless)
            m_indent += kBestIndent;
    }

    void writeIndent()
    {
        const int indent = std::max(m_indent, 0);
        if (!m_indention || m_column > indent || (m_column == indent && !m_whitespace))
            putBreak();
        while (m_column < indent)
            put(u' ');
        m_whitespace = true;
        m_indention = true;
    }

    void writeIndicator(
        const QString &indicator, bool needWhitespace, bool isWhitespace, bool isIndention)
    {
        if (needWhitespace && !m_whitespace)
            put(u' ');
        for (const QChar c : indicator)
            put(c.unicode());
        m_whitespace = isWhitespace;
        m_indention = m_indention && isIndention;
    }

    void put(char32_t c)
    {
        m_out += QString::fromUcs4(&c, 1);
        ++m_column;
    }

    void putBreak()
    {
        m_out += u'\n';
        m_column = 0;
    }

    QString m_out;
    QList<int> m_indents;
    int m_indent = -1;
    int m_column = 0;
    bool m_whitespace = true;
    bool m_indention = true;
    bool m_mappingContext = false;
    bool m_simpleKeyContext = false;
};

} // namespace

QByteArray formatYaml(const OutputValue &response)
{
    if (response.kind == OutputValue::Kind::Object && response.members.isEmpty())
        return QByteArray();
    return YamlEmitter().document(response);
}

QByteArray formatYamlStream(const OutputValue &response)
{
    if (response.kind == OutputValue::Kind::Object && response.members.isEmpty())
        return QByteArray();
    OutputValue list;
    list.kind = OutputValue::Kind::List;
    list.items.append(response);
    return YamlEmitter().document(list);
}

} // namespace cli
