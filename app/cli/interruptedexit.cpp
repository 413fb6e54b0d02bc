#include "cli/interruptedexit.h"

#include <QIODevice>

#include <csignal>

namespace cli {

int endInterrupted(const core::InterruptWatcher &watcher, QIODevice *out)
{
    if (watcher.signalNumber() == SIGINT)
        out->write("\n");
    return watcher.exitCode();
}

} // namespace cli
