#pragma once

#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace aws {

// Something wrong in a shared file. It never stops the program: the rest of the file, and the
// other sources, still count.
struct ConfigProblem {
    QString file;
    int line = 0; // 1-based; 0 when it concerns the whole file
    QString message;

    // "/root/.aws/config line 12: expected …"
    QString toString() const;
    bool operator==(const ConfigProblem &) const = default;
};

// How many problems of one file are shown; a file of thousands of broken lines would otherwise
// bury every command's output.
inline constexpr int kShownProblemsPerFile = 5;

// The problems as lines ("FILE line N: …"), at most `perFile` of each file, each file's rest
// counted in one more line: "FILE: 39995 more problems are not shown" (after all shown lines).
QStringList problemLines(const QList<ConfigProblem> &problems, int perFile = kShownProblemsPerFile);

// One "key = value" line of a sub-section.
struct ConfigEntry {
    QString value;
    QString file;
    int line = 0;
};

// One property of a section. A property whose value is empty and which is followed by indented
// "key = value" lines is a sub-section ("lookoutequipment =" / "  endpoint_url = …").
struct ConfigProperty {
    QString value; // trimmed; continuation lines joined with '\n'
    QString file;
    int line = 0; // the line of the key (the later one when repeated)
    QMap<QString, ConfigEntry> subProperties; // keys lower case

    // "/root/.aws/config line 12"
    QString location() const;
};

// A section of a shared file.
struct ConfigSection {
    QString header; // between the brackets, trimmed: "profile prod"
    int line = 0; // first header line
    QMap<QString, ConfigProperty> properties; // keys lower case
};

// One AWS shared file (~/.aws/config or ~/.aws/credentials) read the way the AWS CLI reads it:
// '#' and ';' comments (after whitespace on property lines), continuation lines, sub-sections,
// keys case-insensitive. A file that repeats a section, or a key within a section, is refused
// whole as the CLI refuses it ("Unable to parse config file"): isUnparsable(), no sections, and a
// problem naming both lines of each repetition.
// It knows nothing of profiles; AwsProfiles gives the sections their meaning.
class SharedConfigFile {
public:
    // Bigger files are refused (reported as a problem), so a wrong path cannot eat the memory;
    // generous, since the CLI reads any size.
    static constexpr qint64 kMaxFileBytes = qint64 { 64 } * 1024 * 1024;

    SharedConfigFile() = default;

    // Reads the file at path with core::readBoundedFile. A missing file is simply empty (the CLI
    // does the same); a link to nothing, a pipe, device, socket or folder, an unreadable or
    // oversized file is empty with a problem saying why.
    static SharedConfigFile load(const QString &path);
    // Parses text that came from fileName (used in locations and problems).
    static SharedConfigFile parse(QByteArrayView text, const QString &fileName);

    const QString &fileName() const { return m_fileName; }
    bool exists() const { return m_exists; }
    const QList<ConfigSection> &sections() const
    {
        return m_sections;
    } // in order of first appearance
    const ConfigSection *section(const QString &header) const;
    const QList<ConfigProblem> &problems() const { return m_problems; }
    // True when the AWS CLI would refuse the file (a repeated section or key); it then has no
    // sections.
    bool isUnparsable() const { return m_unparsable; }

private:
    class Parser;

    QString m_fileName;
    bool m_exists = false;
    bool m_unparsable = false;
    QList<ConfigSection> m_sections;
    QList<ConfigProblem> m_problems;
};

} // namespace aws
