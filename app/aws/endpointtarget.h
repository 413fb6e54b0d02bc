#pragma once

#include "aws/result.h"

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <QUrl>

namespace aws {

// Where the JSON client sends a call, checked before any byte leaves: the URL to request, and the
// Host header, path and query exactly as they go on the wire (and so as they are signed).
struct EndpointTarget {
    QUrl url; // the endpoint without user info or fragment, path "/" when it had none
    // Where the connection goes: `url`, except that a localhost name is replaced by 127.0.0.1 so
    // that no resolver is asked (RFC 6761 §6.3).
    QUrl connectUrl;
    // The name the certificate must carry when `connectUrl` names an address instead ("localhost");
    // empty when it is the host of `connectUrl`.
    QString peerVerifyName;
    QByteArray
        hostHeader; // "lookoutequipment.eu-west-1.amazonaws.com", "127.0.0.1:8443", "[::1]:9000"
    QByteArray path; // percent-encoded as sent
    QByteArray query; // percent-encoded as sent, without '?'; usually empty
};

// The one loopback rule, for the configuration and the client alike: the names "localhost" and
// "localhost." (case-insensitive), 127.0.0.0/8 and ::1 (with or without brackets). Nothing else,
// not even "127.0.0.1." or a name under localhost, which a resolver would be asked about.
bool isLoopbackHost(const QString &host);
// True for "localhost" and "localhost.": the loopback address by definition, never looked up.
bool isLocalhostName(const QString &host);

// A URL as messages, logs and the screen may show it: without the user name and password, also
// when the text is not a valid URL ("https://me:pw@h ex ample" → "https://h ex ample",
// "me:pw@host/x" → "host/x"). Every endpoint URL that reaches a message goes through one of these.
QString withoutUserInfo(QStringView urlText);
QString withoutUserInfo(const QUrl &url);

// The Host header for a URL: lower-case host (IDNs in ACE form), IPv6 literals in brackets, and
// the port unless it is the scheme's default (80 for http, 443 for https).
QByteArray hostHeaderFor(const QUrl &url);

// Accepts https:// endpoints, and http:// ones only when the host is loopback; everything else
// is a Configuration error that names the URL and says what is wrong.
Result<EndpointTarget> checkEndpoint(const QUrl &endpoint);

} // namespace aws
