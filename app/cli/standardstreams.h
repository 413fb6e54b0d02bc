#pragma once

#include <QFile>

#include <unistd.h>

// The process's stdout and stderr as unbuffered QIODevices, for the printers of the headless
// commands: what is written reaches the terminal or pipe at once, in order with the other stream.
namespace cli {

struct StandardStreams {
    QFile out;
    QFile err;

    StandardStreams()
    {
        out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered,
            QFileDevice::DontCloseHandle);
        err.open(STDERR_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered,
            QFileDevice::DontCloseHandle);
    }
};

} // namespace cli
