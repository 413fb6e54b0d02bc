#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// Runs the AWS CLI's own text, table and YAML formatters over responses, through
// tests/data/cli/awscli_format.py in the CLI's own Python (e2e::AwsCli::python), so the C++
// formatters can be compared with them byte for byte. For text and table, every string is first
// escaped as lookout-desk shows outside text (core/visibletext.h), by the script's own statement
// of that rule.
namespace clitest {

struct FormatterInput {
    QString title; // the operation name the CLI titles tables with
    QByteArray json; // what `--output json` printed
};

// The CLI's output for each input, in order; `output` is "text", "table", "yaml" or
// "yaml-stream". Empty list, with `error` set, when python fails.
QList<QByteArray> awsCliFormat(const QString &python, const QString &output, int width, bool color,
    const QList<FormatterInput> &inputs, QString *error);

} // namespace clitest
