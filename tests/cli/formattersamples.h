#pragma once

#include "awscliformatter.h"

#include <QList>

// Responses the text and table formatter tests print and compare with the AWS CLI: every
// command's output from the lookout sample values (both timestamp formats, partial, empty),
// then shapes the commands never produce but the CLI's formatters handle (lists of lists, mixed
// lists, missing keys, wide and ambiguous-width characters, control characters and terminal
// escape sequences (compared with the CLI's output for the escaped text), numbers,
// booleans and nulls), so the reimplementation is checked beyond today's responses.
namespace clitest {

// `forTable`: leave out the shapes the CLI's table formatter fails on (rows of different
// lengths in one section: it raises ValueError).
QList<FormatterInput> formatterSamples(bool forTable);

} // namespace clitest
