#pragma once

#include "aws/result.h"
#include "cli/outputsettings.h"

#include <QByteArray>
#include <QString>

// Turns what `--output json` prints for a response (lookout::json::cli*) into the bytes of the
// chosen format: the JSON itself, the CLI's text form, its YAML forms or its table form titled
// `operation`.
namespace cli {

aws::Result<QByteArray> renderResponse(
    const QByteArray &cliJson, const QString &operation, const OutputSettings &settings);

} // namespace cli
