#pragma once

#include "options/commandlineerror.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Splits a command line into options (with their values), positional arguments and unknown
// options, the way argparse (and so the AWS CLI) reads it: "--name value" or "--name=value";
// a value option followed by nothing, or by another "--option", is missing its value; "--"
// makes every later word positional; a later repetition of an option wins.
namespace options {

struct OptionSpec {
    QLatin1StringView name; // with its dashes: "--profile", "-h", "-platform"
    bool takesValue = false;
    bool ignored = false; // recognised and skipped with its value (Qt's own -platform, -style, …)
};

struct ScannedOption {
    QLatin1StringView name; // the spec's name
    QString value; // empty for flags
};

struct ScannedArguments {
    QList<ScannedOption> options; // in command-line order; ignored ones are left out
    QStringList positionals;
    QStringList unknownOptions; // "--bogus", "--bogus=1", "-x"
    std::optional<CommandLineError> error; // the first malformed option, if any

    bool has(QLatin1StringView name) const;
    // The value of the last occurrence of `name`, if it was given.
    std::optional<QString> value(QLatin1StringView name) const;
};

ScannedArguments scanArguments(const QStringList &arguments, const QList<OptionSpec> &specs);

// The first positional argument, reading with `specs` to know which options take a value.
std::optional<QString> firstPositional(
    const QStringList &arguments, const QList<OptionSpec> &specs);

} // namespace options
