#pragma once

#include <QStringList>

// `lookout-desk emulator [options]`: serves the local Lookout for Equipment emulator on
// loopback. It first prints shell lines (export AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT=…, the keys,
// the region) on stdout and flushes them, then serves until SIGINT or SIGTERM and exits 0.
namespace cli {

// arguments: the command line after the program name, starting with "emulator". Runs the event
// loop of the QCoreApplication the caller created. Returns the exit status: 0 after a signal,
// 252 for a bad command line, 255 when the emulator cannot start.
int runEmulatorCommand(const QStringList &arguments);

} // namespace cli
