#include "cli/responseprinter.h"

#include "cli/outputtree.h"
#include "cli/tableformatter.h"
#include "cli/textformatter.h"

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
    if (settings.format == OutputFormat::Text)
        return formatText(response.value());
    return formatTable(
        operation, response.value(), TableStyle { settings.tableWidth, settings.color });
}

} // namespace cli
