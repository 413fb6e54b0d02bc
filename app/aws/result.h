#pragma once

#include "awserror.h"

#include <utility>
#include <variant>

namespace aws {

// A value or the error that prevented it (C++20 has no std::expected).
template<typename T> class Result {
public:
    Result(T value)
        : m_state(std::move(value))
    {
    } // NOLINT(google-explicit-constructor)
    Result(AwsError error)
        : m_state(std::move(error))
    {
    } // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const AwsError &error() const { return std::get<AwsError>(m_state); }

private:
    std::variant<T, AwsError> m_state;
};

} // namespace aws
