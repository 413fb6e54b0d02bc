#include "aws/sharedconfigfile.h"

#include "core/boundedfile.h"

#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QStringDecoder>

#include <optional>

namespace aws {

QString ConfigProblem::toString() const
{
    if (line > 0)
        return QStringLiteral("%1 line %2: %3").arg(file, QString::number(line), message);
    return QStringLiteral("%1: %2").arg(file, message);
}

QStringList problemLines(const QList<ConfigProblem> &problems, int perFile)
{
    QStringList lines;
    QMap<QString, int> seen;
    for (const ConfigProblem &problem : problems) {
        if (++seen[problem.file] <= perFile)
            lines.append(problem.toString());
    }
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        const int rest = it.value() - perFile;
        if (rest > 0)
            lines.append((rest == 1 ? QStringLiteral("%1: 1 more problem is not shown")
                                    : QStringLiteral("%1: %2 more problems are not shown"))
                             .arg(it.key(), QString::number(rest)));
    }
    return lines;
}

QString ConfigProperty::location() const
{
    return QStringLiteral("%1 line %2").arg(file, QString::number(line));
}

const ConfigSection *SharedConfigFile::section(const QString &header) const
{
    for (const ConfigSection &candidate : m_sections) {
        if (candidate.header == header)
            return &candidate;
    }
    return nullptr;
}

namespace {

bool isCommentStart(QChar c)
{
    return c == u'#' || c == u';';
}

int indentationOf(const QString &line)
{
    int indent = 0;
    while (indent < line.size() && (line.at(indent) == u' ' || line.at(indent) == u'\t'))
        ++indent;
    return indent;
}

// On a property line a comment starts at '#' or ';' only after whitespace, so values such as
// "https://host/#anchor" or "a;b" survive.
QString withoutInlineComment(const QString &value)
{
    for (qsizetype i = 1; i < value.size(); ++i) {
        if (isCommentStart(value.at(i)) && value.at(i - 1).isSpace())
            return value.left(i);
    }
    return value;
}

} // namespace

// Reads the file line by line, keeping track of the section and the property that indented lines
// continue. Every oddity becomes a problem with its line number; parsing always goes on.
class SharedConfigFile::Parser {
public:
    explicit Parser(SharedConfigFile &file)
        : m_file(file)
    {
    }

    void run(QByteArrayView text)
    {
        if (text.startsWith("\xEF\xBB\xBF"))
            text = text.sliced(3);
        int lineNumber = 0;
        qsizetype start = 0;
        while (start <= text.size()) {
            qsizetype end = text.indexOf('\n', start);
            if (end < 0)
                end = text.size();
            QByteArrayView raw = text.sliced(start, end - start);
            if (raw.endsWith('\r'))
                raw.chop(1);
            ++lineNumber;
            handleRawLine(raw, lineNumber);
            start = end + 1;
        }
    }

private:
    void handleRawLine(QByteArrayView raw, int lineNumber)
    {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString line = decoder.decode(raw);
        if (decoder.hasError()) {
            problem(lineNumber, QStringLiteral("the line is not valid UTF-8 and is ignored"));
            return;
        }
        handleLine(line, lineNumber);
    }

    void handleLine(const QString &line, int lineNumber)
    {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || isCommentStart(trimmed.front()))
            return;
        const int indent = indentationOf(line);
        if (m_openKey && indent > m_openIndent) {
            continueProperty(trimmed, lineNumber);
            return;
        }
        m_openKey.reset();
        if (trimmed.front() == u'[')
            handleHeader(trimmed, lineNumber);
        else
            handleProperty(trimmed, indent, lineNumber);
    }

    void handleHeader(const QString &trimmed, int lineNumber)
    {
        m_sectionIndex = -1;
        m_inBrokenSection = true;
        const qsizetype close = trimmed.indexOf(u']');
        if (close < 0) {
            problem(lineNumber,
                QStringLiteral("the section header has no closing ']'; the lines up "
                               "to the next section are ignored"));
            return;
        }
        const QString header = trimmed.mid(1, close - 1).trimmed();
        const QString rest = trimmed.mid(close + 1).trimmed();
        if (!rest.isEmpty() && !isCommentStart(rest.front())) {
            problem(lineNumber,
                QStringLiteral("unexpected text \"%1\" after the section header; the "
                               "lines up to the next section are ignored")
                    .arg(rest));
            return;
        }
        if (header.isEmpty()) {
            problem(lineNumber,
                QStringLiteral("the section header has no name; the lines up to "
                               "the next section are ignored"));
            return;
        }
        if (header.contains(u'[')) {
            problem(lineNumber,
                QStringLiteral("the section name \"%1\" contains '['; the lines up "
                               "to the next section are ignored")
                    .arg(header));
            return;
        }
        m_inBrokenSection = false;
        // Python's configparser, which the AWS CLI reads with, compares the text between the
        // brackets as written and refuses the whole file when one repeats.
        const QString written = trimmed.mid(1, close - 1);
        if (const auto first = m_headerLines.constFind(written); first != m_headerLines.cend())
            repeated(lineNumber,
                QStringLiteral("the section [%1] appears again (first at line %2)")
                    .arg(header, QString::number(first.value())));
        else
            m_headerLines.insert(written, lineNumber);
        m_keyLines.clear();
        // "[ a ]" and "[a]": the same section here, two for the CLI. A hash, not a search: a
        // file may hold tens of thousands of sections.
        const auto known = m_sectionIndexes.constFind(header);
        if (known != m_sectionIndexes.cend()) {
            m_sectionIndex = known.value();
            return;
        }
        m_file.m_sections.append(ConfigSection { header, lineNumber, {} });
        m_sectionIndex = m_file.m_sections.size() - 1;
        m_sectionIndexes.insert(header, m_sectionIndex);
    }

    // A repetition the AWS CLI refuses the file for: reported, and the file is then ignored.
    void repeated(int lineNumber, const QString &what)
    {
        m_file.m_unparsable = true;
        problem(lineNumber,
            what
                + QStringLiteral("; the AWS CLI refuses a file that repeats a section or a key in "
                                 "a section, so the whole file is ignored"));
    }

public:
    // After the last line: a refused file has no sections.
    void finish()
    {
        if (m_file.m_unparsable)
            m_file.m_sections.clear();
    }

private:
    void handleProperty(const QString &trimmed, int indent, int lineNumber)
    {
        if (m_sectionIndex < 0) {
            if (!m_inBrokenSection) // the broken header was already reported
                problem(lineNumber,
                    QStringLiteral("a property before the first [section] header "
                                   "is ignored"));
            return;
        }
        // The AWS CLI (Python's configparser) takes the first '=' or ':' as the delimiter.
        const qsizetype equals = trimmed.indexOf(u'=');
        const qsizetype colon = trimmed.indexOf(u':');
        const qsizetype delimiter
            = (equals < 0) ? colon : (colon < 0 ? equals : qMin(equals, colon));
        if (delimiter < 0) {
            problem(lineNumber,
                QStringLiteral("expected \"key = value\", a [section] header or a "
                               "comment; the line is ignored"));
            return;
        }
        const QString key = trimmed.left(delimiter).trimmed().toLower();
        if (key.isEmpty()) {
            problem(lineNumber, QStringLiteral("the property has no name; the line is ignored"));
            return;
        }
        if (const auto first = m_keyLines.constFind(key); first != m_keyLines.cend())
            repeated(lineNumber,
                QStringLiteral("the key %1 appears again in [%2] (first at line %3)")
                    .arg(key, m_file.m_sections.at(m_sectionIndex).header,
                        QString::number(first.value())));
        else
            m_keyLines.insert(key, lineNumber);
        ConfigProperty property;
        property.value = withoutInlineComment(trimmed.mid(delimiter + 1)).trimmed();
        property.file = m_file.m_fileName;
        property.line = lineNumber;
        // After "[ a ]" and "[a]" (one section here) the later value wins.
        m_file.m_sections[m_sectionIndex].properties.insert(key, property);
        m_openKey = key;
        m_openIndent = indent;
        m_openIsSubSection = property.value.isEmpty();
    }

    void continueProperty(const QString &trimmed, int lineNumber)
    {
        ConfigProperty &property = m_file.m_sections[m_sectionIndex].properties[*m_openKey];
        if (!m_openIsSubSection) {
            property.value += u'\n' + trimmed;
            return;
        }
        const qsizetype equals = trimmed.indexOf(u'=');
        const QString key = equals < 0 ? QString() : trimmed.left(equals).trimmed().toLower();
        if (equals < 0 || key.isEmpty()) {
            problem(lineNumber,
                QStringLiteral("expected \"key = value\" inside the sub-section "
                               "\"%1\"; the line is ignored")
                    .arg(*m_openKey));
            return;
        }
        const QString value = withoutInlineComment(trimmed.mid(equals + 1)).trimmed();
        property.subProperties.insert(key, ConfigEntry { value, m_file.m_fileName, lineNumber });
    }

    void problem(int lineNumber, const QString &message)
    {
        m_file.m_problems.append(ConfigProblem { m_file.m_fileName, lineNumber, message });
    }

    SharedConfigFile &m_file;
    QHash<QString, int> m_headerLines; // each section header as written, and its first line
    QHash<QString, int> m_keyLines; // the keys of the section being read, and their lines
    QHash<QString, qsizetype> m_sectionIndexes; // header (trimmed) → index in m_sections
    qsizetype m_sectionIndex = -1;
    bool m_inBrokenSection = false;
    std::optional<QString> m_openKey; // the property that more-indented lines continue
    int m_openIndent = 0;
    bool m_openIsSubSection = false;
};

SharedConfigFile SharedConfigFile::parse(QByteArrayView text, const QString &fileName)
{
    SharedConfigFile file;
    file.m_fileName = fileName;
    file.m_exists = true;
    Parser parser(file);
    parser.run(text);
    parser.finish();
    return file;
}

SharedConfigFile SharedConfigFile::load(const QString &path)
{
    SharedConfigFile file;
    file.m_fileName = path;
    const core::Result<QByteArray, core::FileReadError> read
        = core::readBoundedFile(path, kMaxFileBytes);
    if (read.ok())
        return parse(read.value(), path);
    const core::FileReadError &error = read.error();
    // A missing file is simply empty, as for the CLI; a link to nothing is worth a word.
    if (error.kind == core::FileReadError::Kind::Missing && !QFileInfo(path).isSymLink())
        return file;
    // The CLI skips what is not a regular file too (os.path.isfile), without a word.
    file.m_exists = error.kind != core::FileReadError::Kind::Missing;
    file.m_problems.append(
        ConfigProblem { path, 0, error.reason + QStringLiteral("; it is ignored") });
    return file;
}

} // namespace aws
