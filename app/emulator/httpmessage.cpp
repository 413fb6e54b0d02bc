#include "emulator/httpmessage.h"

namespace emulator {

bool headerNameEquals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (headerNameEquals(key, name))
            return value;
    }
    return {};
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    return headerValue(headers, name);
}

qsizetype HttpRequest::headerCount(QByteArrayView name) const
{
    qsizetype count = 0;
    for (const auto &entry : headers) {
        if (headerNameEquals(entry.first, name))
            ++count;
    }
    return count;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 417:
        return QByteArrayLiteral("Expectation Failed");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

QByteArray serializeResponse(const HttpResponse &response, AfterResponse after)
{
    QByteArray wire;
    wire.reserve(256 + response.body.size());
    wire += "HTTP/1.1 ";
    wire += QByteArray::number(response.status);
    wire += ' ';
    wire += reasonPhrase(response.status);
    wire += "\r\n";
    for (const auto &[name, value] : response.headers) {
        wire += name;
        wire += ": ";
        wire += value;
        wire += "\r\n";
    }
    wire += "Content-Length: ";
    wire += QByteArray::number(response.body.size());
    wire += "\r\n";
    if (after == AfterResponse::Close)
        wire += "Connection: close\r\n";
    wire += "\r\n";
    if (response.bodyOnWire == HttpResponse::Body::Sent)
        wire += response.body;
    return wire;
}

} // namespace emulator
