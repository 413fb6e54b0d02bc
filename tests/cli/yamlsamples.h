#pragma once

#include "awscliformatter.h"

#include <QList>

// Responses for the YAML formatter test, chosen for YAML's rules: strings YAML 1.2 would read as
// other types, indicators, spaces, line breaks, unicode and control characters, lines past
// column 80, numbers, empty and nested containers, keys that need quoting. Kept out of the test's
// source, whose quotes in raw strings moc cannot read.
namespace clitest {

QList<FormatterInput> yamlSamples();

} // namespace clitest
