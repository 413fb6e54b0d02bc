#pragma once

#include <QList>
#include <QString>

// What reading results found wrong, counted in full and described for the first few: a line
// that was skipped (not JSON, not a results line, too long) or kept without part of it (more
// diagnostics than are kept, a value that is not a finite number).
namespace results {

struct ParseIssue {
    QString file; // the object's key or path
    qint64 line = 0; // from 1; 0 for the object as a whole
    QString message; // "not JSON: expected ':' at column 14"

    // "2021-04-13T14:15:00Z/results.jsonl, line 12: not JSON: expected ':' at column 14"
    QString toString() const;
    friend bool operator==(const ParseIssue &, const ParseIssue &) = default;
};

struct ParseReport {
    // Descriptions kept per report; every issue is counted all the same.
    static constexpr int kMaxIssues = 10;

    qint64 bytes = 0; // read
    qint64 lines = 0; // lines that were not blank
    qint64 predictions = 0; // lines read as predictions
    qint64 skippedLines = 0; // lines left out
    qint64 trimmedLines = 0; // lines read without part of them
    qint64 otherIssues = 0; // issues of a whole object (it could not be fetched, a name cap)
    QList<ParseIssue> issues; // the first kMaxIssues by file and line

    qint64 issueCount() const { return skippedLines + trimmedLines + otherIssues; }
    // Counts `other` in, keeping descriptions up to kMaxIssues.
    void add(const ParseReport &other);
    // Keeps the description when it is among the first kMaxIssues by file and line.
    void describe(ParseIssue issue);
};

} // namespace results
