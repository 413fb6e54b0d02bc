#include "aws/s3addressing.h"

#include "aws/sigv4signer.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace aws::s3 {

namespace {

using namespace Qt::StringLiterals;

bool isIpAddress(const QString &host)
{
    QString bare = host;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    return !QHostAddress(bare).isNull();
}

} // namespace

std::optional<AddressingStyle> addressingStyleFromText(const QString &text)
{
    const QString style = text.trimmed().toLower();
    if (style == "auto"_L1)
        return AddressingStyle::Auto;
    if (style == "virtual"_L1)
        return AddressingStyle::Virtual;
    if (style == "path"_L1)
        return AddressingStyle::Path;
    return std::nullopt;
}

bool isDnsCompatibleBucket(const QString &bucket)
{
    static const QRegularExpression kLabels(u"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"_s);
    if (!kLabels.match(bucket).hasMatch() || bucket.contains(".."_L1))
        return false;
    if (bucket.contains(".-"_L1) || bucket.contains("-."_L1))
        return false;
    static const QRegularExpression kDottedQuad(u"^\\d+\\.\\d+\\.\\d+\\.\\d+$"_s);
    return !kDottedQuad.match(bucket).hasMatch();
}

bool usesPathStyle(AddressingStyle style, const QUrl &endpoint, const QString &bucket)
{
    if (style == AddressingStyle::Path)
        return true;
    const QString host = endpoint.host();
    if (isIpAddress(host) || isLoopbackHost(host))
        return true;
    if (!isDnsCompatibleBucket(bucket))
        return true;
    // botocore addresses a dotted bucket by path under https unless virtual was asked for.
    return style == AddressingStyle::Auto && bucket.contains(u'.')
        && endpoint.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0;
}

Result<EndpointTarget> requestTarget(const QUrl &endpoint, AddressingStyle style,
    const QString &bucket, const QString &key, const QueryParameters &query)
{
    if (bucket.isEmpty()) {
        AwsError error;
        error.kind = AwsError::Kind::InvalidParameter;
        error.message = u"Invalid bucket name \"\": the bucket name is empty"_s;
        return error;
    }
    const bool pathStyle = usesPathStyle(style, endpoint, bucket);
    QUrl base = endpoint;
    if (!pathStyle)
        base.setHost(bucket + u'.' + endpoint.host());
    Result<EndpointTarget> checked = checkEndpoint(base);
    if (!checked)
        return checked;
    EndpointTarget target = std::move(checked).value();

    // The endpoint's own path, then the bucket (path style), then the key, each encoded once.
    QByteArray path = target.path;
    while (path.endsWith('/'))
        path.chop(1);
    if (pathStyle)
        path += '/' + sigv4::uriEncode(bucket.toUtf8());
    if (!key.isEmpty() || !pathStyle)
        path += '/' + sigv4::uriEncode(key.toUtf8(), sigv4::Slashes::Kept);
    QByteArray queryText;
    for (const auto &[name, value] : query) {
        if (!queryText.isEmpty())
            queryText += '&';
        queryText += sigv4::uriEncode(name) + '=' + sigv4::uriEncode(value);
    }
    // QNetworkAccessManager sends the path through QUrl::NormalizePathSegments, which drops "."
    // and ".." segments (and, in Qt 6.4, a dotted segment after "//"): such a key
    // would be neither the key asked for nor what was signed.
    // The same formatting options as QHttpNetworkRequest's request line.
    const QUrl::FormattingOptions requestLine = QUrl::FullyEncoded | QUrl::RemoveScheme
        | QUrl::RemoveAuthority | QUrl::RemoveFragment | QUrl::NormalizePathSegments;
    if (QUrl::fromEncoded("http://host" + path, QUrl::StrictMode).toEncoded(requestLine) != path) {
        AwsError error;
        error.kind = AwsError::Kind::InvalidParameter;
        error.message = u"The key \"%1\" has a \".\" or \"..\" segment, which Qt's HTTP stack "
                        "would rewrite on the request line; it cannot be read"_s.arg(key);
        return error;
    }
    target.path = path;
    target.query = queryText;
    // The URL as sent: QUrl keeps percent-encoded input as it is in StrictMode when built from
    // encoded bytes, so the request line carries the bytes that were signed.
    const QByteArray encoded = target.url.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery) + path
        + (queryText.isEmpty() ? QByteArray() : '?' + queryText);
    target.url = QUrl::fromEncoded(encoded, QUrl::StrictMode);
    QUrl connect = target.connectUrl;
    const QByteArray connectEncoded = connect.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery) + path
        + (queryText.isEmpty() ? QByteArray() : '?' + queryText);
    target.connectUrl = QUrl::fromEncoded(connectEncoded, QUrl::StrictMode);
    return target;
}

} // namespace aws::s3
