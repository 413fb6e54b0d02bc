#pragma once

#include "cli/outputtree.h"

#include <QByteArray>
#include <QString>

// `--output table`: the AWS CLI's table formatter (awscli/formatter.py TableFormatter over
// awscli/table.py MultiTable) reimplemented step for step, so that at the same width the bytes
// are the CLI's: a section per object titled with the operation or member name, scalar members
// as a header row and a value row (or key/value rows for a single one), lists of objects as
// one row each, nested members in indented sections, columns scaled to the widest section, and
// sections whose one row is too wide for the terminal turned into key/value rows. Strings are
// printed as core::visibleText() shows them (withVisibleText), widths measured on that.
namespace cli {

struct TableStyle {
    int terminalWidth = 80; // the CLI's default when stdout is not a terminal
    // The CLI's colours on a terminal: row values bright blue, indentation bars dim yellow.
    bool color = false;
};

// UTF-8; empty when the response has nothing to show (as the CLI prints nothing then).
// `title` is the operation name ("DescribeInferenceScheduler").
QByteArray formatTable(const QString &title, const OutputValue &response, const TableStyle &style);

} // namespace cli
