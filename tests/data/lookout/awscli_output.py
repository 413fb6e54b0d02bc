"""Prints what `aws lookoutequipment <operation> --output json` prints for saved responses.

Each response body goes through the same code the AWS CLI runs: botocore's JSON response
parser with the CLI's timestamp parser (awscli.customizations.scalarparse: `iso_format` for
cli_timestamp_format=iso8601, `identity` for wire), then awscli.formatter.JSONFormatter, which
writes json.dump(response, indent=4, default=awscli.utils.json_encoder, ensure_ascii=False) and
a newline, and nothing at all for an empty response. Like the CLI, timestamps are shown in the
local time zone, so set TZ for this process.

usage: awscli_output.py iso8601|wire OPERATION BODY_FILE OUT_FILE [OPERATION BODY_FILE OUT_FILE ...]
"""
import argparse
import io
import sys

import botocore.session
from botocore.parsers import JSONParser
from awscli.customizations.scalarparse import identity, iso_format
from awscli.formatter import JSONFormatter


def main(argv):
    if len(argv) < 4 or (len(argv) - 1) % 3 != 0 or argv[0] not in ('iso8601', 'wire'):
        sys.exit(__doc__)
    timestamp_parser = iso_format if argv[0] == 'iso8601' else identity
    parser = JSONParser(timestamp_parser=timestamp_parser, blob_parser=identity)
    model = botocore.session.get_session().get_service_model('lookoutequipment')
    formatter = JSONFormatter(argparse.Namespace(query=None))
    rest = argv[1:]
    for operation, body_file, out_file in zip(rest[0::3], rest[1::3], rest[2::3]):
        with open(body_file, 'rb') as body:
            response = {'body': body.read(), 'headers': {}, 'status_code': 200}
        parsed = parser.parse(response, model.operation_model(operation).output_shape)
        stream = io.StringIO()
        formatter(operation, parsed, stream)
        with open(out_file, 'wb') as out:
            out.write(stream.getvalue().encode('utf-8'))


if __name__ == '__main__':
    main(sys.argv[1:])
