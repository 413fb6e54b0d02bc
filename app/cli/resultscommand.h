#pragma once

#include "cli/invocation.h"
#include "cli/outputresolution.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <variant>

class QIODevice;
class QNetworkAccessManager;
class QSettings;

namespace results {
class ResultsSource;
}

// `lookout-desk results SOURCE [--start-time T] [--end-time T]`: reads the results.jsonl objects
// in SOURCE (a folder, an s3://bucket/prefix/ location, or a scheduler NAME whose output location
// DescribeInferenceScheduler gives) and prints their predictions and events (resultsoutput.h):
// json, the events as text or a table, or the predictions as csv. Malformed lines and objects that
// cannot be read are counted on stderr, the first few with their file and line; the status is 0
// when any line was read, 252 for a bad command line, 130 when interrupted, 255 when nothing could
// be read.
namespace cli {

struct ResultsEnvironment {
    QProcessEnvironment environment; // AWS_DEFAULT_OUTPUT, COLUMNS
    QIODevice *out = nullptr;
    QIODevice *err = nullptr;
    TerminalInfo terminal;
    // Where fetched objects are cached; empty: ObjectCache::defaultDirectory().
    QString cacheDirectory;
    // For S3 sources and scheduler names: ~/.aws, the keychain profiles (null: none), the network.
    QString homeDirectory;
    QSettings *profileSettings = nullptr;
    QNetworkAccessManager *network = nullptr;
};

// What SOURCE names: an s3:// location; a folder when it is an existing path, holds a '/' or is
// not a scheduler name; a scheduler NAME otherwise.
enum class SourceKind { Folder, S3Location, SchedulerName };
SourceKind sourceKindOf(const QString &source);

// Needs a QCoreApplication; runs its event loop until the results are read.
int runResultsCommand(const Invocation &invocation, const ResultsEnvironment &environment);
// The same on the process's stdout, stderr, environment and terminal.
int runResultsCommand(const Invocation &invocation);

} // namespace cli
