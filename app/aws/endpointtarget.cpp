#include "aws/endpointtarget.h"

#include <QHostAddress>

#include <algorithm>

namespace aws {

namespace {

AwsError configurationError(const QUrl &endpoint, const QString &problem)
{
    AwsError error = AwsError::configuration(AwsError::Setting::Endpoint,
        QStringLiteral("Invalid endpoint URL \"%1\": %2")
            .arg(aws::withoutUserInfo(endpoint), problem));
    error.endpoint = endpoint.adjusted(QUrl::RemoveUserInfo);
    return error;
}

int defaultPort(const QString &scheme)
{
    return scheme == QLatin1StringView("https") ? 443 : 80;
}

} // namespace

bool isLocalhostName(const QString &host)
{
    const QString name = host.trimmed();
    return name.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1StringView("localhost."), Qt::CaseInsensitive) == 0;
}

bool isLoopbackHost(const QString &host)
{
    if (isLocalhostName(host))
        return true;
    QString bare = host.trimmed();
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    const QHostAddress address(bare);
    return !address.isNull() && address.isLoopback();
}

QString withoutUserInfo(QStringView urlText)
{
    const qsizetype schemeEnd = urlText.indexOf(QLatin1StringView("://"));
    const qsizetype authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
    qsizetype authorityEnd = urlText.size();
    for (const QChar delimiter : { u'/', u'?', u'#' }) {
        const qsizetype at = urlText.indexOf(delimiter, authorityStart);
        if (at >= 0)
            authorityEnd = std::min(authorityEnd, at);
    }
    const qsizetype lastAt
        = urlText.sliced(authorityStart, authorityEnd - authorityStart).lastIndexOf(u'@');
    if (lastAt < 0)
        return urlText.toString();
    return urlText.first(authorityStart).toString() + urlText.sliced(authorityStart + lastAt + 1);
}

QString withoutUserInfo(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

QByteArray hostHeaderFor(const QUrl &url)
{
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    QByteArray header = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol
        ? QByteArray('[' + host.toLatin1() + ']')
        : host.toLatin1();
    const int port = url.port(-1);
    if (port != -1 && port != defaultPort(url.scheme().toLower()))
        header += ':' + QByteArray::number(port);
    return header;
}

Result<EndpointTarget> checkEndpoint(const QUrl &endpoint)
{
    if (endpoint.isEmpty())
        return configurationError(endpoint, QStringLiteral("no endpoint is set"));
    if (!endpoint.isValid())
        return configurationError(endpoint, endpoint.errorString());
    const QString scheme = endpoint.scheme().toLower();
    if (scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http")) {
        return configurationError(endpoint,
            QStringLiteral("the scheme must be https:// (or http:// for a loopback host)"));
    }
    if (endpoint.host().isEmpty())
        return configurationError(endpoint, QStringLiteral("it names no host"));
    if (scheme == QLatin1StringView("http") && !isLoopbackHost(endpoint.host())) {
        return configurationError(endpoint,
            QStringLiteral("plain http:// is refused for \"%1\" because it is not a loopback host "
                           "(127.0.0.0/8, ::1, localhost); use https://")
                .arg(endpoint.host()));
    }

    EndpointTarget target;
    target.url = endpoint.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (target.url.path().isEmpty())
        target.url.setPath(QStringLiteral("/"));
    // An explicit default port would otherwise reach the request as "host:443" in some places
    // and "host" in others; drop it so every layer names the host the same way.
    if (target.url.port(-1) == defaultPort(scheme))
        target.url.setPort(-1);
    target.hostHeader = hostHeaderFor(target.url);
    target.connectUrl = target.url;
    if (isLocalhostName(target.url.host())) {
        target.connectUrl.setHost(QHostAddress(QHostAddress::LocalHost).toString());
        if (scheme == QLatin1StringView("https"))
            target.peerVerifyName = QStringLiteral("localhost");
    }
    target.path = target.url.path(QUrl::FullyEncoded).toLatin1();
    target.query = target.url.query(QUrl::FullyEncoded).toLatin1();
    return target;
}

} // namespace aws
