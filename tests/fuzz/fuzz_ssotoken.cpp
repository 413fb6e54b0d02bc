// IAM Identity Center: aws::parseSsoToken on any token cache file, and aws::parseRoleCredentials
// on the same bytes read as a GetRoleCredentials answer. A token is either read (an access token
// and a valid expiry in UTC) or a Credentials error naming the file that never quotes a token or
// secret; a read token, written back in the CLI's format, reads back the same. Role credentials
// are complete with a valid expiry, or a BadResponse error quoting no secret.
#include "aws/ssoclient.h"
#include "aws/ssotokencache.h"
#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

using fuzzsupport::bytes;

const QString kFile = QStringLiteral("/home/u/.aws/sso/cache/0123.json");

QStringList secretsIn(QByteArrayView input)
{
    QStringList secrets;
    const QJsonObject object = QJsonDocument::fromJson(input.toByteArray()).object();
    const QJsonObject role = object.value(QLatin1String("roleCredentials")).toObject();
    for (const char *key : { "accessToken", "refreshToken", "clientSecret" }) {
        const QString value = object.value(QLatin1String(key)).toString();
        if (value.size() > 20) // shorter ones could be in the message by chance
            secrets.append(value);
    }
    for (const char *key : { "secretAccessKey", "sessionToken" }) {
        const QString value = role.value(QLatin1String(key)).toString();
        if (value.size() > 20)
            secrets.append(value);
    }
    return secrets;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = bytes(data, size);
    const QStringList secrets = secretsIn(input);

    const aws::Result<aws::SsoToken> token = aws::parseSsoToken(input, kFile);
    if (token.ok()) {
        const aws::SsoToken &value = token.value();
        FUZZ_CHECK(!value.accessToken.isEmpty(), QStringLiteral("a token without accessToken"));
        FUZZ_CHECK(value.expiresAt.isValid() && value.expiresAt.timeSpec() == Qt::UTC,
            value.expiresAt.toString(Qt::ISODateWithMs));
        // Written back and read again: the same members (times to the second, as the CLI writes).
        const aws::Result<aws::SsoToken> again
            = aws::parseSsoToken(aws::serializeSsoToken(value), kFile);
        FUZZ_CHECK(again.ok(), again.ok() ? QString() : again.error().message);
        FUZZ_CHECK(again.value().accessToken == value.accessToken
                && again.value().refreshToken == value.refreshToken
                && again.value().clientId == value.clientId
                && again.value().clientSecret == value.clientSecret
                && again.value().expiresAt.toSecsSinceEpoch() == value.expiresAt.toSecsSinceEpoch(),
            QStringLiteral("the written token reads back differently"));
    } else {
        const aws::AwsError &error = token.error();
        FUZZ_CHECK(
            error.kind == aws::AwsError::Kind::Credentials, aws::AwsError::kindName(error.kind));
        FUZZ_CHECK(
            error.message.startsWith(
                QLatin1String("Error loading SSO Token: the token cache file ") + kFile + u':'),
            error.message);
        for (const QString &secret : secrets)
            FUZZ_CHECK(!error.toString().contains(secret),
                QStringLiteral("the error quotes a token or secret"));
    }

    const aws::Result<aws::AwsCredentials> role
        = aws::parseRoleCredentials(input, QStringLiteral("fuzz"));
    if (role.ok()) {
        FUZZ_CHECK(role.value().isComplete() && role.value().hasSessionToken(),
            QStringLiteral("role credentials without a key, secret or token"));
        FUZZ_CHECK(role.value().expiration && role.value().expiration->isValid(),
            QStringLiteral("role credentials without a valid expiry"));
    } else {
        FUZZ_CHECK(role.error().kind == aws::AwsError::Kind::BadResponse,
            aws::AwsError::kindName(role.error().kind));
        for (const QString &secret : secrets)
            FUZZ_CHECK(!role.error().toString().contains(secret),
                QStringLiteral("the error quotes a secret"));
    }
    return 0;
}
