#pragma once

#include "aws/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace aws {

// Where the JSON client sends a call, checked before any byte leaves: the URL to request, and the
// Host header, path and query exactly as they go on the wire (and so as they are signed).
struct EndpointTarget {
    QUrl url; // the endpoint without user info or fragment, path "/" when it had none
    QByteArray
        hostHeader; // "lookoutequipment.eu-west-1.amazonaws.com", "127.0.0.1:8443", "[::1]:9000"
    QByteArray path; // percent-encoded as sent
    QByteArray query; // percent-encoded as sent, without '?'; usually empty
};

// True for "localhost", 127.0.0.0/8 and ::1 (case-insensitive, with or without brackets).
bool isLoopbackHost(const QString &host);

// The Host header for a URL: lower-case host (IDNs in ACE form), IPv6 literals in brackets, and
// the port unless it is the scheme's default (80 for http, 443 for https).
QByteArray hostHeaderFor(const QUrl &url);

// Accepts https:// endpoints, and http:// ones only when the host is loopback; everything else
// is a Configuration error that names the URL and says what is wrong.
Result<EndpointTarget> checkEndpoint(const QUrl &endpoint);

} // namespace aws
