r"""Prints what the AWS CLI's text, table and YAML formatters print for responses.

Each input file holds what `aws ... --output json` printed for a response; json.load of it gives
the dict botocore handed to the formatter (members in order, timestamps as the CLI's timestamp
parser left them), which then goes through awscli.formatter.TextFormatter or TableFormatter,
the same objects `--output text` and `--output table` use; or, with AWS CLI v2, through
awscli.formatter.YAMLFormatter or StreamedYAMLFormatter (`--output yaml`, `yaml-stream`). The
table's terminal width is fixed by replacing awscli.table.determine_terminal_width (the CLI asks
the terminal, else takes 80); color is the CLI's --color on or off.

With --visible-text first, every string and key is first written as lookout-desk shows outside
text (docs/security.md): control characters, DEL, C1, Unicode direction controls and the line
and paragraph separators as \t, \n, \r, \xHH or \uHHHH. This is an independent statement
of that rule: lookout-desk's text and table output must equal the CLI's output for the escaped
response.

usage: awscli_format.py [--visible-text] text|table|yaml|yaml-stream WIDTH on|off
           TITLE IN_FILE OUT_FILE [TITLE IN_FILE OUT_FILE ...]
"""
import argparse
import io
import json
import sys

import awscli.table
from awscli.formatter import TableFormatter, TextFormatter


INVISIBLE = (set(range(0x20)) | set(range(0x7f, 0xa0)) | {0x061c, 0x200e, 0x200f, 0x2028, 0x2029}
             | set(range(0x202a, 0x202f)) | set(range(0x2066, 0x206a)))
SHORT_ESCAPES = {0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r'}


def visible(value):
    if isinstance(value, str):
        return ''.join(
            (SHORT_ESCAPES.get(ord(c)) or ('\\x%02x' % ord(c) if ord(c) < 0x100
                                           else '\\u%04x' % ord(c)))
            if ord(c) in INVISIBLE else c
            for c in value)
    if isinstance(value, list):
        return [visible(item) for item in value]
    if isinstance(value, dict):
        return {visible(key): visible(item) for key, item in value.items()}
    return value


def make_formatter(output, args):
    if output == 'text':
        return TextFormatter(args)
    if output == 'table':
        return TableFormatter(args)
    # AWS CLI v2 only.
    from awscli.formatter import StreamedYAMLFormatter, YAMLFormatter
    return YAMLFormatter(args) if output == 'yaml' else StreamedYAMLFormatter(args)


def main(argv):
    escape = bool(argv) and argv[0] == '--visible-text'
    if escape:
        argv = argv[1:]
    outputs = ('text', 'table', 'yaml', 'yaml-stream')
    if len(argv) < 6 or (len(argv) - 3) % 3 != 0 or argv[0] not in outputs \
            or argv[2] not in ('on', 'off'):
        sys.exit(__doc__)
    output, width, color = argv[0], int(argv[1]), argv[2]
    awscli.table.determine_terminal_width = lambda default_width=80: width
    rest = argv[3:]
    for title, in_file, out_file in zip(rest[0::3], rest[1::3], rest[2::3]):
        with open(in_file, 'rb') as source:
            text = source.read().decode('utf-8')
        response = json.loads(text) if text.strip() else {}
        if escape:
            response = visible(response)
        args = argparse.Namespace(query=None, color=color)
        formatter = make_formatter(output, args)
        stream = io.StringIO()
        formatter(title, response, stream)
        with open(out_file, 'wb') as out:
            out.write(stream.getvalue().encode('utf-8'))


if __name__ == '__main__':
    main(sys.argv[1:])
