#pragma once

#include "core/interruptwatcher.h"

class QIODevice;

namespace cli {

// How a command ends once `watcher` saw a signal: after Ctrl+C it ends the line the terminal was
// on (as the AWS CLI does on KeyboardInterrupt); the exit status is watcher.exitCode().
int endInterrupted(const core::InterruptWatcher &watcher, QIODevice *out);

} // namespace cli
