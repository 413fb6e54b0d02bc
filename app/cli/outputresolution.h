#pragma once

#include "aws/awsprofiles.h"
#include "aws/result.h"
#include "cli/invocation.h"
#include "cli/outputsettings.h"

#include <QProcessEnvironment>
#include <QStringList>

// How a command prints, decided as the AWS CLI decides it:
//  - format: --output, else AWS_DEFAULT_OUTPUT, else the profile's `output`, else json;
//  - timestamps: the profile's `cli_timestamp_format` (iso8601, or wire/none for the numbers as
//    sent), else iso8601 as in AWS CLI v2 (v1 prints wire by default), in the local time zone;
//  - table width: the terminal's; when stdout is no terminal, $COLUMNS, else 80 (the CLI's);
//  - colour: --color on/off, or auto: on when stdout is a terminal.
namespace cli {

struct TerminalInfo {
    bool stdoutIsTerminal = false;
    int columns = 0; // 0: unknown
    // The process's stdout.
    static TerminalInfo detect();
};

struct ResolvedOutput {
    OutputSettings settings;
    QStringList describe; // "output: table (from AWS_DEFAULT_OUTPUT)" lines for --debug
};

// `profile` may be null (a keychain profile, or no ~/.aws profile at all). Errors are of kind
// Configuration: an unknown output format or cli_timestamp_format in the environment or profile.
aws::Result<ResolvedOutput> resolveOutput(const GlobalOptions &options,
    const QProcessEnvironment &environment, const aws::AwsProfile *profile,
    const TerminalInfo &terminal);

} // namespace cli
