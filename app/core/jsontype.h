#pragma once

#include <optional>

// The six kinds of JSON value, and which one a value is from its first character: the one
// classification shared by the service responses' reader (aws/jsonreader) and the results.jsonl
// line parser (results/resultsparser).
namespace core {

enum class JsonType { Null, Boolean, Number, String, Array, Object };

// Whether NaN, Infinity and -Infinity count as numbers: Python's json module writes them, and
// results files come from Python; the service's responses never hold them.
enum class SpecialNumbers { Refused, Accepted };

// The type of the value that starts with `first`; nullopt when no value starts with it.
constexpr std::optional<JsonType> jsonTypeStartingWith(
    char first, SpecialNumbers special = SpecialNumbers::Refused)
{
    switch (first) {
    case '{':
        return JsonType::Object;
    case '[':
        return JsonType::Array;
    case '"':
        return JsonType::String;
    case 't':
    case 'f':
        return JsonType::Boolean;
    case 'n':
        return JsonType::Null;
    case '-':
        return JsonType::Number;
    case 'N':
    case 'I':
        if (special == SpecialNumbers::Accepted)
            return JsonType::Number;
        return std::nullopt;
    default:
        if (first >= '0' && first <= '9')
            return JsonType::Number;
        return std::nullopt;
    }
}

} // namespace core
