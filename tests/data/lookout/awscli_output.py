"""Prints what `aws lookoutequipment <operation> --output json` prints for saved responses.

Each response body goes through the same code the AWS CLI runs: botocore's JSON response
parser with the CLI's timestamp parser (`iso_format` for cli_timestamp_format=iso8601, `identity`
for wire; in awscli.customizations.timestampformat in v2, scalarparse in v1), then
awscli.formatter.JSONFormatter, which writes json.dump(response, indent=4,
default=awscli.utils.json_encoder, ensure_ascii=False) and a newline, and nothing at all for an
empty response. Like the CLI, timestamps are shown in the local time zone, so set TZ for this
process. Run it with the Python of the CLI to compare with (/usr/bin/python3 for Debian's v2),
with AWS_DATA_PATH=tests/data/aws-model for the service model lookout-desk follows.

usage: awscli_output.py iso8601|wire OPERATION BODY_FILE OUT_FILE [OPERATION BODY_FILE OUT_FILE ...]
"""
import argparse
import io
import sys

import awscli  # first: Debian's AWS CLI v2 makes its own botocore importable as "botocore"
import botocore.session
from botocore.parsers import JSONParser
from awscli.formatter import JSONFormatter

try:
    from awscli.customizations.timestampformat import identity, iso_format  # AWS CLI v2
except ImportError:
    from awscli.customizations.scalarparse import identity, iso_format  # AWS CLI v1


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
