#include "cli/responseprinter.h"

#include "cli/outputtree.h"
#include "cli/tableformatter.h"
#include "cli/textformatter.h"
#include "cli/yamlformatter.h"

namespace cli {

aws::Result<QByteArray> renderResponse(
    const QByteArray &cliJson, const QString &operation, const OutputSettings &settings)
{
    if (settings.format == OutputFormat::Json)
        return cliJson;
    const aws::Result<OutputValue> response = readOutputValue(cliJson);
    if (!response.ok()) {
        aws::AwsError error = response.error();
        error.operation = operation;
        return error;
    }
    switch (settings.format) {
    case OutputFormat::Text:
        return formatText(response.value());
    case OutputFormat::Yaml:
        return formatYaml(response.value());
    case OutputFormat::YamlStream:
        return formatYamlStream(response.value());
    case OutputFormat::Json:
    case OutputFormat::Table:
    case OutputFormat::Csv:
        break;
    }
    return formatTable(
        operation, response.value(), TableStyle { settings.tableWidth, settings.color });
}

} // namespace cli
