#pragma once

#include "cli/outputtree.h"

#include <QByteArray>

// `--output text`: the AWS CLI's text formatter (awscli/text.py) line for line. Scalars of an
// object are printed tab-separated on one line, sorted by key and preceded by the upper-cased
// name of the member that holds them; lists of objects print one such line per element with
// the union of their scalar keys; nested objects and lists follow on their own lines. Strings
// are printed as core::visibleText() shows them (withVisibleText): a tab, line break or escape
// sequence in a value cannot fake a column or a line, or act on the terminal.
namespace cli {

// UTF-8, each line ending in '\n'.
QByteArray formatText(const OutputValue &response);

} // namespace cli
