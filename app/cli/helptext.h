#pragma once

#include "cli/commandtable.h"

#include <QString>

// The texts of --help, `<command> --help` and the usage block printed above command-line errors,
// drawn from the command table.
namespace cli {

// "usage: lookout-desk [options] <command> [parameters]" and where to find help, as the AWS CLI
// prints above "lookout-desk: error: …".
QString usageBlock();
// Everything: the window's options, the commands, the global options, the exit statuses.
QString generalHelp(const QList<CommandSpec> &table = commandTable());
// One command's synopsis, description, parameters, the global options and its example run
// against the emulator; generalHelp() when `command` is null.
QString commandHelp(const CommandSpec *command, const QList<CommandSpec> &table = commandTable());

// The emulator's options that make the fleet every command's example is run against.
inline constexpr char kExampleFleetOptions[] = "--fleet 40";

// Shell lines that start `lookout-desk emulator <emulatorOptions>` in the background with its
// shell lines going to emulator.env, wait for them or for the emulator's end (at most 30 s; at
// once when it cannot start, e.g. its port is taken), then source them or say that it did not
// start. `$emulator` holds its process id. Each line begins with `indent`.
QString emulatorStartLines(const QString &emulatorOptions, const QString &indent);

} // namespace cli
