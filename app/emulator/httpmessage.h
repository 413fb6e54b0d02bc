#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <chrono>
#include <utility>

namespace emulator {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One parsed HTTP/1.x request. Header names keep the client's spelling; values are trimmed.
struct HttpRequest {
    QByteArray method; // "POST"
    QByteArray path; // request-target up to '?', as sent ("/")
    QByteArray query; // after '?', without it; empty when none
    int minorVersion = 1; // HTTP/1.<minorVersion>
    HttpHeaders headers;
    QByteArray body;

    // The first header with this name (case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
    qsizetype headerCount(QByteArrayView name) const;
};

// What the service answers. The server adds Content-Length and, when it closes, Connection.
struct HttpResponse {
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    // The server holds the response back this long without blocking anything (injected slowness).
    std::chrono::milliseconds delay { 0 };
    // The answer to HEAD: the headers, Content-Length included, of the body it does not send.
    enum class Body { Sent, LengthOnly };
    Body bodyOnWire = Body::Sent;
};

bool headerNameEquals(QByteArrayView a, QByteArrayView b);
// The first header with this name (case-insensitive); empty when absent.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);

// "OK", "Bad Request", … ("Unknown" for codes the emulator never sends).
QByteArray reasonPhrase(int status);

// What the server does with the connection once a response is written.
enum class AfterResponse { KeepOpen, Close };

// The bytes on the wire: status line, headers, Content-Length, and "Connection: close" for
// AfterResponse::Close.
QByteArray serializeResponse(const HttpResponse &response, AfterResponse after);

} // namespace emulator
