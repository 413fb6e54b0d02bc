#pragma once

#include "cli/outputtree.h"

#include <QByteArray>

// `--output yaml` and `yaml-stream`: what AWS CLI v2 prints (awscli/formatter.py YAMLDumper:
// ruamel.yaml's safe dumper in block style, over libyaml's emitter). The same rules, byte for
// byte: keys sorted, sequences in a mapping not indented, two-space indentation, strings plain
// unless YAML 1.2 would read them as something else (numbers, booleans, null, timestamps) or they
// hold indicators, then single-quoted, and double-quoted with escapes when they hold characters
// YAML cannot show as they are (controls, tab, characters beyond U+FFFF); long values folded at
// spaces after column 80; empty lists and maps as [] and {}.
namespace cli {

// UTF-8; empty for a response without members (the CLI prints nothing then).
QByteArray formatYaml(const OutputValue &response);

// The CLI's streamed form: the response as the one element of a list.
QByteArray formatYamlStream(const OutputValue &response);

} // namespace cli
