#pragma once

#include "aws/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace aws {

// One entry of the token cache that `aws sso login` writes (~/.aws/sso/cache/<SHA-1>.json).
// accessToken, refreshToken and clientSecret are secrets: never logged or shown.
struct SsoToken {
    QString accessToken;
    QDateTime expiresAt;
    QString refreshToken; // empty when there is none (legacy logins)
    QString clientId;
    QString clientSecret;
    std::optional<QDateTime> registrationExpiresAt;
    QString region;
    QString startUrl;
    QJsonObject otherMembers; // kept as found, so a write-back loses nothing

    // What a refresh through SSO OIDC CreateToken needs, with the registration still valid.
    bool canRefresh(const QDateTime &now) const;
};

// The token cache file for a session name (or a legacy profile's start URL): the SHA-1 hex of
// the name, as botocore's SSOTokenLoader keys it, in `cacheDirectory`.
QString ssoTokenCacheKey(const QString &name);
QString ssoTokenCacheFile(const QString &cacheDirectory, const QString &name);
// ~/.aws/sso/cache
QString ssoTokenCacheDirectory(const QString &homeDirectory);

// Larger cache files are refused: a real one is a few kilobytes.
inline constexpr qint64 kMaxSsoTokenFileBytes = 256 * 1024;

// Parses a cache file's bytes. Errors (kind Credentials) name `file` and say what is wrong,
// never quoting a value: not JSON, not an object, accessToken or expiresAt missing, a member of
// the wrong type, a time that is not ISO 8601.
Result<SsoToken> parseSsoToken(QByteArrayView json, const QString &file);
// The CLI's format: times as "2026-12-07T12:00:00Z", the members it writes, then the others.
QByteArray serializeSsoToken(const SsoToken &token);

// Reads the token for `name` (a session name or a start URL). A missing file is botocore's
// "Error loading SSO Token: Token for NAME does not exist"; unreadable, oversized or broken
// files are errors that name the file.
Result<SsoToken> loadSsoToken(const QString &cacheDirectory, const QString &name);
// Writes the token as the CLI does, but atomically (a temporary file renamed over the old one),
// mode 0600, creating the folder (0700) when needed. Returns the error text, empty on success.
QString saveSsoToken(const QString &cacheDirectory, const QString &name, const SsoToken &token);

} // namespace aws
