#pragma once

#include "core/result.h"

#include <QString>

namespace options {

// A command line that cannot be used: the message names the option or argument and what is
// wrong with it ("argument --read-timeout: expected a number of seconds, not 'soon'"). Whoever
// shows it exits with exitcode::kBadCommandLine.
struct CommandLineError {
    QString message;
};

// A parsed value, or the reason the command line was refused.
template<typename T> using Result = core::Result<T, CommandLineError>;

} // namespace options
