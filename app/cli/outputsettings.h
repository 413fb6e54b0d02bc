#pragma once

#include "lookout/jsoncodec.h"

namespace cli {

// --output, AWS_DEFAULT_OUTPUT or the profile's `output`, as in the AWS CLI v2 (yaml and
// yaml-stream included). Csv only with --output, for a command whose row takes it
// (CommandSpec::csvOutput).
enum class OutputFormat { Json, Text, Table, Yaml, YamlStream, Csv };

// --color: colour table rows and borders always, never, or when stdout is a terminal.
enum class ColorMode { Auto, On, Off };

// How one command prints.
struct OutputSettings {
    OutputFormat format = OutputFormat::Json;
    lookout::json::CliFormat timestamps; // cli_timestamp_format and the local time zone
    int tableWidth = 80; // the terminal's width (table only)
    bool color = false; // table only
};

} // namespace cli
