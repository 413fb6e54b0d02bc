#pragma once

#include "cli/invocation.h"
#include "cli/outputresolution.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <variant>

class QIODevice;

namespace results {
class ResultsSource;
}

// `lookout-desk results SOURCE [--start-time T] [--end-time T]`: reads the results.jsonl objects
// in SOURCE and prints their predictions and events (resultsoutput.h): json, the events as text
// or a table, or the predictions as csv. Malformed lines and objects that cannot be read are
// counted on stderr, the first few with their file and line; the status is 0 when any line was
// read, 252 for a bad command line, 130 when interrupted, 255 when nothing could be read.
namespace cli {

struct ResultsEnvironment {
    QProcessEnvironment environment; // AWS_DEFAULT_OUTPUT, COLUMNS
    QIODevice *out = nullptr;
    QIODevice *err = nullptr;
    TerminalInfo terminal;
    // Where fetched objects are cached; empty: ObjectCache::defaultDirectory().
    QString cacheDirectory;
};

// The source SOURCE names: a folder now. An `s3://bucket/prefix/` location and a scheduler NAME
// (its output location, from DescribeInferenceScheduler) are the S3 source's, which plugs in here.
std::variant<std::unique_ptr<results::ResultsSource>, QString> openResultsSource(
    const QString &source);

// Needs a QCoreApplication; runs its event loop until the results are read.
int runResultsCommand(const Invocation &invocation, const ResultsEnvironment &environment);
// The same on the process's stdout, stderr, environment and terminal.
int runResultsCommand(const Invocation &invocation);

} // namespace cli
