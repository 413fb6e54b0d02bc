#include "results/parsereport.h"

namespace results {

QString ParseIssue::toString() const
{
    if (line <= 0)
        return file + QLatin1String(": ") + message;
    return QStringLiteral("%1, line %2: %3").arg(file, QString::number(line), message);
}

void ParseReport::add(const ParseReport &other)
{
    bytes += other.bytes;
    lines += other.lines;
    predictions += other.predictions;
    skippedLines += other.skippedLines;
    trimmedLines += other.trimmedLines;
    otherIssues += other.otherIssues;
    for (const ParseIssue &issue : other.issues)
        describe(issue);
}

void ParseReport::describe(ParseIssue issue)
{
    if (issues.size() < kMaxIssues)
        issues.append(std::move(issue));
}

} // namespace results
