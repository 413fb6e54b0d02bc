#pragma once

#include "aws/httpexchange.h"
#include "aws/result.h"

#include <QByteArray>
#include <QString>

namespace aws {

// The request id an AWS endpoint gave a response: x-amzn-RequestId, else x-amz-request-id.
QString requestIdOf(const HttpResponse &response);

// Reads one complete HTTP response to an AWS JSON 1.0 call (aws-conventions.md, "JSON
// protocol"): a 2xx with a JSON object body is the result; an error status that names an error
// type is a Service error with code and message; anything else (a redirect, an HTML page, an
// empty or truncated body, a JSON array, a wrong Content-Type, an error without a type) is a
// BadResponse whose message says what arrived. The error carries kind, code, message, HTTP
// status and request id; the caller adds operation, endpoint and attempts.
Result<QByteArray> interpretJsonResponse(const HttpResponse &response);

} // namespace aws
