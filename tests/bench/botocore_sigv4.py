#!/usr/bin/env python3
"""Signs bench_sigv4.cpp's DescribeInferenceScheduler request with botocore's SigV4Auth.add_auth
in a loop and prints signatures per second: the median of several runs, each timed in CPU time of
this process (as Google Benchmark's rate counters are), so a busy machine skews neither side.

Usage: botocore_sigv4.py [--runs N] [--iterations N] [--json]
"""

import argparse
import json
import statistics
import sys
import time

try:
    import botocore
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    sys.exit(f"botocore_sigv4.py: botocore is not importable by {sys.executable}; install the AWS CLI "
             "or botocore for it (Debian: apt-get install python3-botocore)")

ACCESS_KEY_ID = "AKIDEXAMPLE"
SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
# The AWS documentation's example STS token (336 characters), as in bench_sigv4.cpp.
SESSION_TOKEN = (
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTfl"
    "fKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8"
    "Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJ"
    "abIQwj2ICCR/oLxBA==")
REGION = "eu-west-1"
SERVICE = "lookoutequipment"


def describe_inference_scheduler_request():
    return AWSRequest(
        method="POST",
        url=f"https://{SERVICE}.{REGION}.amazonaws.com/",
        data=b'{"InferenceSchedulerName":"pump-station-042"}',
        headers={
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": "AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler",
        },
    )


def signatures_per_second(iterations):
    auth = SigV4Auth(Credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN), SERVICE, REGION)
    request = describe_inference_scheduler_request()
    # add_auth removes the previous Authorization, X-Amz-Date and token first (it is retry-safe),
    # so signing the same request object again costs what signing a new one does.
    start = time.process_time()
    for _ in range(iterations):
        auth.add_auth(request)
    elapsed = time.process_time() - start
    return iterations / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the median is reported")
    parser.add_argument("--iterations", type=int, default=20000, help="signatures per run")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a sentence")
    args = parser.parse_args()
    if args.runs < 1 or args.iterations < 1:
        parser.error("--runs and --iterations must be at least 1")

    signatures_per_second(min(args.iterations, 2000))  # warm-up: imports, caches
    rates = [signatures_per_second(args.iterations) for _ in range(args.runs)]
    median = statistics.median(rates)
    if args.json:
        print(json.dumps({"botocore": botocore.__version__, "runs": args.runs, "iterations": args.iterations,
                          "signatures_per_second": rates, "median": median}))
    else:
        print(f"botocore {botocore.__version__} SigV4Auth.add_auth: {median:,.0f} signatures/s "
              f"(median of {args.runs} runs of {args.iterations})")


if __name__ == "__main__":
    main()
