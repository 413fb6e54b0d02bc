#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace aws {

// The error type and message an AWS JSON 1.0 endpoint put into an error response
// (aws-conventions.md, "JSON protocol").
struct ServiceErrorFields {
    QString code; // short form ("ValidationException"); empty when the response names none
    QString message; // empty when the body carries none
};

// "com.amazonaws.lookoutequipment#ValidationException" and
// "ValidationException:http://internal.amazon.com/coral/…" both become "ValidationException":
// what is before the first ':', then what is after the last '#', trimmed.
QString shortErrorCode(QStringView rawType);

// The type from the X-Amzn-Errortype header value (may be empty), else the body's "__type", else
// its "code"; the message from the body's "message" or "Message"; both as core::visibleText()
// shows them on one line, so that an error body or header cannot break the CLI's one-line
// sentence or send a terminal escape sequence (moving the cursor, retitling the window) through
// it or a log.
// A body that is not a JSON object yields no body fields, never an exception or a crash.
ServiceErrorFields parseServiceError(QByteArrayView errorTypeHeader, QByteArrayView body);

} // namespace aws
