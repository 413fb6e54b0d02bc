#!/usr/bin/python3
"""Signs requests again with botocore's SigV4 signer and compares the Authorization headers.

Usage: botocore_check_signatures.py REQUESTS.json

REQUESTS.json (written by tst_botocoresignatures) holds the credentials, region and requests as
a server received them: {"accessKeyId", "secretAccessKey", "region", "requests": [{"service",
"sessionToken", "method", "target", "headers": [[name, value], ...], "body": base64}]}. Each
request is rebuilt as a botocore AWSRequest from what was sent on the wire (the URL from its Host
header and request-target, the query decoded into parameters as S3 reads them so that botocore
encodes them as AWS does, the body as sent) and signed with SigV4Auth (S3: S3SigV4Auth) at the
request's own X-Amz-Date, with the credentials and region given here (never those the
Authorization names). The headers given to botocore are every header sent except what an HTTP
stack adds or rewrites (Content-Length, Connection, Accept*, User-Agent, Cache-Control, Pragma)
and what botocore sets itself (Host, X-Amz-Date, X-Amz-Security-Token, and for S3
X-Amz-Content-SHA256), so botocore's SignedHeaders list is the one a client must sign. Prints one line per request and exits with 1 when any
Authorization differs from botocore's, 2 when botocore cannot be imported.

Run with Debian's /usr/bin/python3: the botocore it uses is the one bundled in Debian's awscli
package (AWS CLI v2), imported through `awscli` as /usr/bin/aws does; a botocore installed for
that Python (python3-botocore) is used when no awscli is.
"""

import base64
import datetime
import json
import sys
from urllib.parse import quote, unquote, unquote_plus

try:
    try:
        import awscli  # noqa: F401  (makes the bundled botocore importable as `botocore`)
    except ImportError:
        pass
    import botocore
    import botocore.auth
    from botocore.auth import S3SigV4Auth, SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as error:
    print(f"botocore is not importable by {sys.executable}: {error} (packaging/install-deps "
          "installs Debian's awscli, which bundles it)")
    sys.exit(2)

SIGV4_TIMESTAMP = "%Y%m%dT%H%M%SZ"
# Added or rewritten by an HTTP stack (Qt's adds Cache-Control and Pragma to a request that must
# not come from a cache), and not signed by botocore either.
TRANSPORT_HEADERS = {"content-length", "connection", "accept", "accept-encoding",
                     "accept-language", "user-agent", "cache-control", "pragma", "authorization"}
SET_BY_BOTOCORE = {"host", "x-amz-date", "x-amz-security-token"}
SET_BY_BOTOCORE_S3 = SET_BY_BOTOCORE | {"x-amz-content-sha256"}


def signed_at(timestamp):
    """Makes botocore's signers sign at `timestamp` (an X-Amz-Date) instead of now."""
    fixed = datetime.datetime.strptime(timestamp, SIGV4_TIMESTAMP)
    timezone = datetime.timezone

    class FixedClock(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return fixed

        @classmethod
        def now(cls, tz=None):
            return fixed.replace(tzinfo=tz) if tz else fixed

    class DatetimeModule:
        datetime = FixedClock

    DatetimeModule.timezone = timezone

    botocore.auth.datetime = DatetimeModule
    if hasattr(botocore.auth, "get_current_datetime"):  # botocore >= 1.34
        botocore.auth.get_current_datetime = lambda *args, **kwargs: fixed


def signed_header_names(authorization):
    for part in authorization.split(","):
        part = part.strip()
        if part.startswith("SignedHeaders="):
            return set(part[len("SignedHeaders="):].split(";"))
    return set()


def botocore_authorization(document, sent):
    headers = {}
    for name, value in sent["headers"]:
        lowered = name.lower()
        if lowered in headers:
            raise ValueError(f"header {name} sent twice")
        headers[lowered] = (name, value)
    for required in ("authorization", "host", "x-amz-date"):
        if required not in headers:
            raise ValueError(f"no {required} header")
    service = sent["service"]
    is_s3 = service == "s3"
    signed_by_client = signed_header_names(headers["authorization"][1])
    set_by_botocore = SET_BY_BOTOCORE_S3 if is_s3 else SET_BY_BOTOCORE
    given = {}
    for lowered, (name, value) in headers.items():
        if lowered in set_by_botocore:
            continue
        if lowered in TRANSPORT_HEADERS and lowered not in signed_by_client:
            continue
        given[name] = value

    target = sent["target"]
    path, _, query = target.partition("?")
    if is_s3 and quote(unquote(path), safe="/~") != path:
        raise ValueError(f"path {path} is not URI-encoded as botocore encodes a key")
    params = {}
    if query:
        for pair in query.split("&"):
            key, _, value = pair.partition("=")
            # As S3 reads a query: '+' is a space (botocore itself sends spaces so).
            key, value = unquote_plus(key), unquote_plus(value)
            if key in params:
                raise ValueError(f"query parameter {key} given twice")
            params[key] = value
    url = f"http://{headers['host'][1]}{path}"
    request = AWSRequest(method=sent["method"], url=url, data=base64.b64decode(sent["body"]),
                         headers=given, params=params)
    credentials = Credentials(document["accessKeyId"], document["secretAccessKey"],
                              sent.get("sessionToken") or None)
    signer_class = S3SigV4Auth if is_s3 else SigV4Auth
    signed_at(headers["x-amz-date"][1])
    signer = signer_class(credentials, service, document["region"])
    signer.add_auth(request)
    if request.headers["X-Amz-Date"] != headers["x-amz-date"][1]:
        raise ValueError("botocore signed at another time")
    if sent.get("sessionToken") and headers.get("x-amz-security-token", ("", ""))[1] != \
            sent["sessionToken"]:
        raise ValueError("the session token sent is not the one configured")
    if is_s3 and request.headers["X-Amz-Content-SHA256"] != \
            headers.get("x-amz-content-sha256", ("", ""))[1]:
        raise ValueError("x-amz-content-sha256 differs from botocore's: "
                         f"{headers.get('x-amz-content-sha256', ('', '(none)'))[1]}")
    return headers["authorization"][1], request.headers["Authorization"]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.splitlines()[2])
    with open(sys.argv[1], encoding="utf-8") as file:
        document = json.load(file)
    print(f"botocore {botocore.__version__} from {botocore.__file__}")
    if not document["requests"]:
        print("no request to check")
        return 1
    failures = 0
    for number, sent in enumerate(document["requests"], 1):
        label = f"{number} {sent['service']} {sent['method']} {sent['target']}"
        try:
            client, expected = botocore_authorization(document, sent)
        except (ValueError, KeyError) as error:
            print(f"FAIL {label}: {error}")
            failures += 1
            continue
        if client == expected:
            print(f"ok   {label}")
        else:
            print(f"FAIL {label}\n  sent:     {client}\n  botocore: {expected}")
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
