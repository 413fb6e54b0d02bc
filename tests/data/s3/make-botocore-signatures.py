#!/usr/bin/env python3
"""Writes botocore-signatures.json: S3 requests as botocore builds and signs them, at a fixed time
with the SigV4 test suite's example keys, for tst_s3client to compare against.

Run with botocore installed (the tests never run it): python3 make-botocore-signatures.py
Each case is a botocore S3 client call; the request is captured in the before-send event and
never sent.
"""
import datetime
import json
import sys

import botocore
import botocore.auth
import botocore.awsrequest
import botocore.config
import botocore.session

FIXED = datetime.datetime(2026, 11, 28, 12, 0, 0, tzinfo=datetime.timezone.utc)
botocore.auth.get_current_datetime = lambda *args, **kwargs: FIXED

CASES = [
    {
        "name": "list virtual-hosted, awkward prefix",
        "endpoint": None, "region": "eu-west-1", "addressing": "auto",
        "operation": "list_objects_v2",
        "params": {"Bucket": "lookout-results", "Prefix": "pump station/2026+x%/\u00e9//",
                   "EncodingType": "url"},
        "token": None,
    },
    {
        "name": "list path style on loopback, continuation token",
        "endpoint": "http://127.0.0.1:9000", "region": "us-east-1", "addressing": "path",
        "operation": "list_objects_v2",
        "params": {"Bucket": "results", "Prefix": "out/", "EncodingType": "url",
                   "ContinuationToken": "1/2+3=="},
        "token": None,
    },
    {
        "name": "get path style, key with spaces, plus, percent, non-ASCII and //",
        "endpoint": "http://127.0.0.1:9000", "region": "us-east-1", "addressing": "path",
        "operation": "get_object",
        "params": {"Bucket": "results", "Key": "out/a b+c%d/\u00e9//results.jsonl"},
        "token": None,
    },
    {
        "name": "get virtual-hosted with a session token and If-Match",
        "endpoint": None, "region": "eu-west-1", "addressing": "virtual",
        "operation": "get_object",
        "params": {"Bucket": "lookout-results", "Key": "out/2026-11-28T11:55:00Z/results.jsonl",
                   "IfMatch": "\"0123456789abcdef0123456789abcdef\""},
        "token": "FQoGZXIvYXdzEXAMPLETOKEN",
    },
]


def capture(case):
    session = botocore.session.get_session()
    session.set_credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                            case["token"])
    config = botocore.config.Config(s3={"addressing_style": case["addressing"]},
                                    retries={"max_attempts": 1})
    client = session.create_client("s3", region_name=case["region"],
                                   endpoint_url=case["endpoint"], config=config)
    captured = {}

    def before_send(request, **kwargs):
        captured["method"] = request.method
        captured["url"] = request.url
        captured["headers"] = {k: (v.decode() if isinstance(v, bytes) else v)
                               for k, v in request.headers.items()}
        return botocore.awsrequest.AWSResponse(request.url, 500, {}, None)

    client.meta.events.register("before-send.s3", before_send)
    try:
        getattr(client, case["operation"])(**case["params"])
    except Exception:
        pass
    keep = ("authorization", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token",
            "x-amz-checksum-mode",
            "if-match", "host")
    headers = {k.lower(): v for k, v in captured["headers"].items() if k.lower() in keep}
    return {"name": case["name"], "region": case["region"], "endpoint": case["endpoint"],
            "addressing": case["addressing"], "params": case["params"],
            "sessionToken": case["token"], "method": captured["method"],
            "url": captured["url"], "headers": headers}


print(json.dumps({
    "origin": "botocore %s (tests/data/s3/make-botocore-signatures.py)" % botocore.__version__,
    "time": FIXED.strftime("%Y%m%dT%H%M%SZ"),
    "accessKeyId": "AKIDEXAMPLE",
    "secretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    "cases": [capture(case) for case in CASES],
}, indent=2, ensure_ascii=False))
