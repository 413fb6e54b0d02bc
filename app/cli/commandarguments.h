#pragma once

#include "lookout/inferencescheduler.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

// The values a command line gave one command: its positional argument (NAME) and each parameter
// it was given, already checked and converted as the command table says (commandspec.h). A
// command's call code reads them by the option's name, as the table spells it ("--max-items").
namespace cli {

// A timestamp parameter's text that is no time, kept for a parameter that fills a request member
// (ParameterSpec::member): botocore refuses it when it validates the request, in its words.
struct RefusedTimestamp {
    QLatin1StringView member; // "IntervalStartTime"
    QString text; // as given
};

class CommandArguments {
public:
    using Value = std::variant<QString, qint64, lookout::Timestamp, bool, RefusedTimestamp>;

    // The positional argument (NAME, SOURCE, …); null when the command takes none.
    QString positional;

    // Stores a converted value; a later one for the same option replaces it.
    void set(QLatin1StringView option, Value value);

    // The value given for `option`; nullopt when it was not given. Each option has one type
    // (its ValueType): asking for another is a programming error and also gives nullopt.
    std::optional<QString> text(QLatin1StringView option) const;
    std::optional<qint64> wholeNumber(QLatin1StringView option) const;
    // nullopt too for a time option whose text is no time (see refusedTimestamps()).
    std::optional<lookout::Timestamp> timestamp(QLatin1StringView option) const;
    bool flag(QLatin1StringView option) const;
    // Every refused timestamp, in the order the parameters were stored (the command table's).
    QList<RefusedTimestamp> refusedTimestamps() const;

    // True when no parameter was given (the positional does not count).
    bool noParameters() const { return m_values.isEmpty(); }

private:
    const Value *find(QLatin1StringView option) const;

    struct Entry {
        QLatin1StringView option;
        Value value;
    };
    QList<Entry> m_values;
};

} // namespace cli
