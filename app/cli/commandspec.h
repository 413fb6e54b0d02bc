#pragma once

#include "aws/result.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>

#include <functional>

// What one headless command is, as a row of the command table (commandtable.h): its words, the
// service operation it calls, its positional argument and parameters with their types and
// checks, its help, and the code that runs it. The parser (invocation.h), the help
// (helptext.h) and the dispatch (commandline.h) read nothing else about a command.
namespace cli {

struct Invocation;
struct ServiceCall;

// What a parameter's text must be. It is checked and converted when the line is read; a refusal
// names the option in argparse's words ("argument --max-items: expected a whole number from 1 to
// 1000000, not 'ten'"), exit status 252.
enum class ValueType {
    Text, // passed on as given: the service's model checks it later, in botocore's words
    WholeNumber, // decimal, within [minimum, maximum]
    Timestamp, // ISO 8601 with or without an offset, a date (UTC), or epoch seconds
    Flag, // takes no value
};

struct ParameterSpec {
    QLatin1StringView option {}; // "--max-items"
    QLatin1StringView placeholder {}; // "N" in the synopsis and the help; empty for a Flag
    ValueType type = ValueType::Text;
    qint64 minimum = 0; // WholeNumber
    qint64 maximum = 0;
    bool required = false; // missing: "the following arguments are required: --option"
    // The request member a Timestamp fills ("IntervalStartTime"). With one, a text that is no
    // time is refused as the AWS CLI refuses it, by botocore's parameter validation ("Invalid type
    // for parameter IntervalStartTime, value: soon, …"), with the request's other problems;
    // without one, in argparse's words when the line is read.
    QLatin1StringView member {};
    // The help, after the option in `<command> --help`; "\n" starts an indented line.
    const char *help = "";
};

// Delivers what `aws lookoutequipment <operation> --output json` prints for the result, or the
// error that ended the call.
using CliJsonCallback = std::function<void(const aws::Result<QByteArray> &)>;
// A service command's call: reads its arguments, calls the service (following pages as the
// command does) and delivers the result as the CLI's JSON, once, from the event loop.
using CallService = void (*)(const ServiceCall &call, CliJsonCallback done);
// Any other command: runs to its exit status.
using RunCommand = int (*)(const Invocation &invocation);

struct CommandSpec {
    // The words on the command line: "describe", or two for a command of a group ("sso login").
    QLatin1StringView name {};
    // The service operation it calls, which also titles its table output
    // ("DescribeInferenceScheduler"); empty for a command that calls none.
    QLatin1StringView operation {};
    // The positional argument it requires ("NAME"); empty when it takes none.
    QLatin1StringView positional {};
    QList<ParameterSpec> parameters {};
    // configure and emulator read their own options: they get the whole line as given
    // (Invocation::passThrough) and answer their own --help.
    bool readsItsOwnOptions = false;
    // Takes `--output csv` besides json, table, text, yaml and yaml-stream.
    bool csvOutput = false;

    // Exactly one of these. A service command (`call`) is run by runServiceCommand(): the
    // connection is resolved as the AWS CLI does, then `call`, then the result is printed in
    // the chosen output format (json, text, or a table titled `operation`).
    CallService call = nullptr;
    RunCommand run = nullptr;

    // Help, in English as the AWS CLI prints it. `summary` follows the command in --help's list
    // ("\n" starts an indented line); `description` follows the synopsis in `<command> --help`;
    // in both, {operation} stands for `operation` and {cli} for the AWS CLI's command for it;
    // `example` is the command line after the binary's name that the help shows against the
    // emulator's example fleet (helptext.h), which the tests run.
    const char *summary = "";
    const char *description = "";
    const char *example = "";
};

} // namespace cli
