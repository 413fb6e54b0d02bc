#pragma once

#include "aws/ssoclient.h"
#include "aws/ssotokencache.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

#include <memory>
#include <optional>

// Approves `userCode` at the emulator's emulator-only URL, as the user would in the browser;
// false when the emulator did not say yes within 20 s.
inline bool approveAtEmulator(
    QNetworkAccessManager &network, const QUrl &emulator, const QString &userCode)
{
    QUrl approve = emulator;
    approve.setPath(QStringLiteral("/_emulator/sso/approve"));
    approve.setQuery(QStringLiteral("user_code=") + userCode);
    const std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(approve)));
    return QTest::qWaitFor([&] { return reply->isFinished(); }, 20'000)
        && reply->error() == QNetworkReply::NoError;
}

// Signs in at the emulator's IAM Identity Center as `aws sso login` does (RegisterClient,
// StartDeviceAuthorization, the approval through the emulator-only URL, CreateToken) and
// returns the token as the CLI caches it; an empty accessToken when a step failed.
inline aws::SsoToken signInAtEmulator(
    const QUrl &emulator, const QString &startUrl, const QString &region, const QDateTime &now)
{
    QNetworkAccessManager network;
    aws::SsoClient client(&network, {});
    const auto call = [&](const QString &path, const QString &operation,
                          const QJsonObject &body) -> std::optional<QJsonObject> {
        std::optional<aws::Result<QJsonObject>> answer;
        client.callOidc(emulator, path, operation, body, nullptr,
            [&](const aws::Result<QJsonObject> &result) { answer = result; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20'000) || !answer->ok())
            return std::nullopt;
        return answer->value();
    };
    const auto registration
        = call(QStringLiteral("/client/register"), QStringLiteral("RegisterClient"),
            { { QStringLiteral("clientName"), QStringLiteral("test") },
                { QStringLiteral("clientType"), QStringLiteral("public") } });
    if (!registration)
        return {};
    const QString clientId = registration->value(QLatin1String("clientId")).toString();
    const QString secret = registration->value(QLatin1String("clientSecret")).toString();
    const auto authorization
        = call(QStringLiteral("/device_authorization"), QStringLiteral("StartDeviceAuthorization"),
            { { QStringLiteral("clientId"), clientId }, { QStringLiteral("clientSecret"), secret },
                { QStringLiteral("startUrl"), startUrl } });
    if (!authorization)
        return {};
    if (!approveAtEmulator(
            network, emulator, authorization->value(QLatin1String("userCode")).toString()))
        return {};
    const auto token = call(QStringLiteral("/token"), QStringLiteral("CreateToken"),
        { { QStringLiteral("clientId"), clientId }, { QStringLiteral("clientSecret"), secret },
            { QStringLiteral("grantType"),
                QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
            { QStringLiteral("deviceCode"),
                authorization->value(QLatin1String("deviceCode")).toString() } });
    if (!token)
        return {};
    aws::SsoToken cached;
    cached.startUrl = startUrl;
    cached.region = region;
    cached.accessToken = token->value(QLatin1String("accessToken")).toString();
    cached.expiresAt = now.addSecs(token->value(QLatin1String("expiresIn")).toInteger());
    cached.refreshToken = token->value(QLatin1String("refreshToken")).toString();
    cached.clientId = clientId;
    cached.clientSecret = secret;
    cached.registrationExpiresAt = QDateTime::fromSecsSinceEpoch(
        registration->value(QLatin1String("clientSecretExpiresAt")).toInteger(), Qt::UTC);
    return cached;
}
