#pragma once

#include "cli/invocation.h"
#include "cli/outputresolution.h"
#include "core/clock.h"

#include <QProcessEnvironment>
#include <QString>

class QIODevice;
class QNetworkAccessManager;
class QSettings;

// Runs one service command (a row of the command table with a `call`) from a parsed command line
// to its exit status: resolves the profile, region, endpoint and credentials as the AWS CLI
// does (warning on stderr about problems in the ~/.aws files), makes the row's call, prints the
// result in the chosen format on stdout (a table titled with the row's operation), or the CLI's
// error sentence on stderr.
// Ctrl+C aborts the call in flight and ends with 130.
namespace cli {

struct CommandEnvironment {
    QProcessEnvironment environment; // AWS_* variables, AWS_CONFIG_FILE, COLUMNS, …
    QString homeDirectory; // for ~/.aws
    QSettings *profileSettings
        = nullptr; // the keychain profiles' names, regions, endpoints; null: none
    QNetworkAccessManager *network = nullptr;
    QIODevice *out = nullptr; // stdout
    QIODevice *err = nullptr; // stderr (and --debug)
    TerminalInfo terminal;
    // "now" for default time ranges (events: the last 24 hours); tests fix it.
    std::shared_ptr<const core::Clock> clock = core::Clock::system();
};

// Needs a QCoreApplication. `invocation.command` is a service command: its row has a `call`.
int runServiceCommand(const Invocation &invocation, const CommandEnvironment &environment);

} // namespace cli
