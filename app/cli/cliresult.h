#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace cli {

// A command line that cannot be used: the message names the option or argument and what is
// wrong with it ("argument --read-timeout: expected a number of seconds, not 'soon'"). Whoever
// shows it exits with exitcode::kBadCommandLine.
struct CommandLineError {
    QString message;
};

// A parsed value or the reason the command line was refused.
template<typename T> class Result {
public:
    Result(T value)
        : m_state(std::move(value))
    {
    } // NOLINT(google-explicit-constructor)
    Result(CommandLineError error)
        : m_state(std::move(error))
    {
    } // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const CommandLineError &error() const { return std::get<CommandLineError>(m_state); }

private:
    std::variant<T, CommandLineError> m_state;
};

} // namespace cli
