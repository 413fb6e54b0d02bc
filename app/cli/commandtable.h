#pragma once

#include "cli/commandspec.h"

#include <QList>
#include <QStringView>

// The headless commands, one row each (commandspec.h), in the order --help lists them. Adding
// a command is adding its row here plus the code its row points to.
namespace cli {

const QList<CommandSpec> &commandTable();

// The row whose name is `name` ("describe", "sso login"); null when there is none.
const CommandSpec *findCommand(QStringView name, const QList<CommandSpec> &table = commandTable());

} // namespace cli
