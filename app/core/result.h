#pragma once

#include <utility>
#include <variant>

namespace core {

// A value or the error that prevented it (C++20 has no std::expected). Each layer names its
// error type once: aws::Result<T> carries an aws::AwsError, options::Result<T> a
// options::CommandLineError.
template<typename T, typename Error> class Result {
public:
    Result(T value) // NOLINT(google-explicit-constructor)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace core
