#include "aws/ssotokencache.h"

#include "core/boundedfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace aws {

namespace {

AwsError credentialsError(const QString &message)
{
    AwsError error;
    error.kind = AwsError::Kind::Credentials;
    error.message = message;
    return error;
}

AwsError loadError(const QString &what)
{
    return credentialsError(QStringLiteral("Error loading SSO Token: %1").arg(what));
}

// ISO 8601 as botocore's dateutil reads the CLI's files: "Z", "UTC" or an offset; no zone is
// UTC. Years before 1970 or after 9999 are refused.
std::optional<QDateTime> parseTime(const QString &text)
{
    QString normalised = text.trimmed();
    if (normalised.endsWith(QLatin1String("UTC")))
        normalised = normalised.chopped(3) + u'Z';
    QDateTime time = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    time = time.toUTC();
    // Within what the CLI's own format can write back ("yyyy-MM-ddTHH:mm:ssZ").
    if (time.date().year() < 1970 || time.date().year() > 9999)
        return std::nullopt;
    return time;
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

} // namespace

bool SsoToken::canRefresh(const QDateTime &now) const
{
    return !refreshToken.isEmpty() && !clientId.isEmpty() && !clientSecret.isEmpty()
        && registrationExpiresAt && *registrationExpiresAt > now;
}

QString ssoTokenCacheKey(const QString &name)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString ssoTokenCacheFile(const QString &cacheDirectory, const QString &name)
{
    return QDir(cacheDirectory).filePath(ssoTokenCacheKey(name) + QLatin1String(".json"));
}

QString ssoTokenCacheDirectory(const QString &homeDirectory)
{
    return QDir(homeDirectory).filePath(QStringLiteral(".aws/sso/cache"));
}

Result<SsoToken> parseSsoToken(QByteArrayView json, const QString &file)
{
    const auto invalid = [&](const QString &why) {
        return loadError(QStringLiteral("the token cache file %1: %2").arg(file, why));
    };
    QJsonParseError parseError {};
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("not JSON (%1 at byte %2)")
                           .arg(parseError.errorString(), QString::number(parseError.offset)));
    if (!document.isObject())
        return invalid(QStringLiteral("not a JSON object"));
    QJsonObject object = document.object();
    SsoToken token;
    std::optional<AwsError> problem;
    const auto text = [&](const char *key, bool required) -> QString {
        const QJsonValue value = object.take(QLatin1String(key));
        if (value.isUndefined() || (value.isNull() && !required)) {
            if (required && !problem)
                problem = invalid(QStringLiteral("%1 is missing").arg(QLatin1String(key)));
            return {};
        }
        if (!value.isString()) {
            if (!problem)
                problem = invalid(QStringLiteral("%1 is not a string").arg(QLatin1String(key)));
            return {};
        }
        return value.toString();
    };
    const auto time = [&](const char *key, bool required) -> std::optional<QDateTime> {
        const QString value = text(key, required);
        if (value.isEmpty()) {
            if (required && !problem)
                problem = invalid(QStringLiteral("%1 is empty").arg(QLatin1String(key)));
            return std::nullopt;
        }
        const std::optional<QDateTime> parsed = parseTime(value);
        if (!parsed && !problem)
            problem = invalid(QStringLiteral("%1 is not an ISO 8601 time from 1970 to 9999")
                                  .arg(QLatin1String(key)));
        return parsed;
    };
    token.accessToken = text("accessToken", true);
    token.expiresAt = time("expiresAt", true).value_or(QDateTime());
    token.refreshToken = text("refreshToken", false);
    token.clientId = text("clientId", false);
    token.clientSecret = text("clientSecret", false);
    token.registrationExpiresAt = time("registrationExpiresAt", false);
    token.region = text("region", false);
    token.startUrl = text("startUrl", false);
    if (problem)
        return *problem;
    if (token.accessToken.isEmpty())
        return invalid(QStringLiteral("accessToken is empty"));
    token.otherMembers = object;
    return token;
}

QByteArray serializeSsoToken(const SsoToken &token)
{
    QJsonObject object = token.otherMembers;
    const auto put = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            object.insert(QLatin1String(key), value);
    };
    put("startUrl", token.startUrl);
    put("region", token.region);
    put("accessToken", token.accessToken);
    put("expiresAt", formatTime(token.expiresAt));
    put("clientId", token.clientId);
    put("clientSecret", token.clientSecret);
    if (token.registrationExpiresAt)
        put("registrationExpiresAt", formatTime(*token.registrationExpiresAt));
    put("refreshToken", token.refreshToken);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<SsoToken> loadSsoToken(const QString &cacheDirectory, const QString &name)
{
    const QString file = ssoTokenCacheFile(cacheDirectory, name);
    const auto bytes = core::readBoundedFile(file, kMaxSsoTokenFileBytes);
    if (!bytes.ok()) {
        if (bytes.error().kind == core::FileReadError::Kind::Missing)
            return loadError(QStringLiteral("Token for %1 does not exist").arg(name));
        return loadError(bytes.error().message());
    }
    return parseSsoToken(bytes.value(), file);
}

QString saveSsoToken(const QString &cacheDirectory, const QString &name, const SsoToken &token)
{
    if (!QDir().mkpath(cacheDirectory))
        return QStringLiteral("cannot create the folder %1").arg(cacheDirectory);
    QFile::setPermissions(cacheDirectory,
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser
            | QFile::ExeUser);
    const QString file = ssoTokenCacheFile(cacheDirectory, name);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
    // The temporary file gets 0600 before the token goes in, so it is never readable by others.
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    out.write(serializeSsoToken(token));
    if (!out.commit())
        return QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
    return {};
}

} // namespace aws
