#include "cli/commandarguments.h"

namespace cli {

namespace {

template<typename T> std::optional<T> valueOf(const CommandArguments::Value *value)
{
    if (!value)
        return std::nullopt;
    const T *typed = std::get_if<T>(value);
    Q_ASSERT_X(typed, "CommandArguments", "the option's value has another type");
    return typed ? std::optional<T>(*typed) : std::nullopt;
}

} // namespace

void CommandArguments::set(QLatin1StringView option, Value value)
{
    for (Entry &entry : m_values) {
        if (entry.option == option) {
            entry.value = std::move(value);
            return;
        }
    }
    m_values.append({ option, std::move(value) });
}

const CommandArguments::Value *CommandArguments::find(QLatin1StringView option) const
{
    for (const Entry &entry : m_values) {
        if (entry.option == option)
            return &entry.value;
    }
    return nullptr;
}

std::optional<QString> CommandArguments::text(QLatin1StringView option) const
{
    return valueOf<QString>(find(option));
}

std::optional<qint64> CommandArguments::wholeNumber(QLatin1StringView option) const
{
    return valueOf<qint64>(find(option));
}

std::optional<lookout::Timestamp> CommandArguments::timestamp(QLatin1StringView option) const
{
    const Value *value = find(option);
    // A time option's text that is no time holds a RefusedTimestamp: given, but no time.
    if (value && std::holds_alternative<RefusedTimestamp>(*value))
        return std::nullopt;
    return valueOf<lookout::Timestamp>(value);
}

bool CommandArguments::flag(QLatin1StringView option) const
{
    return valueOf<bool>(find(option)).value_or(false);
}

QList<RefusedTimestamp> CommandArguments::refusedTimestamps() const
{
    QList<RefusedTimestamp> refused;
    for (const Entry &entry : m_values) {
        if (const auto *timestamp = std::get_if<RefusedTimestamp>(&entry.value))
            refused.append(*timestamp);
    }
    return refused;
}

} // namespace cli
