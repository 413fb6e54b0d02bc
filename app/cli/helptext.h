#pragma once

#include "cli/invocation.h"

#include <QString>

// The texts of --help, `<command> --help` and the usage block printed above command-line errors.
namespace cli {

// "usage: lookout-desk [options] <command> [parameters]" and where to find help, as the AWS CLI
// prints above "lookout-desk: error: …".
QString usageBlock();
// Everything: the window's options, the commands, the global options, the exit statuses.
QString generalHelp();
// One service command's synopsis, parameters and an example; generalHelp() for the others.
QString commandHelp(Command command);

} // namespace cli
