#include "results/parsereport.h"

#include <algorithm>

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
    // By file and line, so that which are described does not depend on the order in which
    // objects arrive.
    const auto before = [](const ParseIssue &a, const ParseIssue &b) {
        const int order = a.file.compare(b.file);
        return order != 0 ? order < 0 : a.line < b.line;
    };
    const auto at = std::upper_bound(issues.begin(), issues.end(), issue, before);
    if (at == issues.end() && issues.size() >= kMaxIssues)
        return;
    issues.insert(at, std::move(issue));
    if (issues.size() > kMaxIssues)
        issues.removeLast();
}

} // namespace results
