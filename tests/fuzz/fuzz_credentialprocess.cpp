// credential_process: aws::parseCredentialProcessOutput on any output, and
// aws::splitCommandLine on the same bytes read as a command line. Output is either credentials
// (key id and secret present, expiry in the future and in UTC) or a Credentials error in
// botocore's words that never quotes the secret or the token. A split command line, quoted again
// word by word, splits back into the same words.
#include "aws/credentialprocess.h"
#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

using fuzzsupport::bytes;

QStringList secretsIn(QByteArrayView output)
{
    QStringList secrets;
    const QJsonDocument document = QJsonDocument::fromJson(output.toByteArray());
    for (const char *key : { "SecretAccessKey", "SessionToken" }) {
        const QString value = document.object().value(QLatin1String(key)).toString();
        // Shorter values could be in the message by chance ("Version" is quoted up to 20 chars).
        if (value.size() > 20)
            secrets.append(value);
    }
    return secrets;
}

QString shellQuoted(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView output = bytes(data, size);
    const QDateTime now = fuzzsupport::fuzzNow();

    const aws::Result<aws::AwsCredentials> credentials
        = aws::parseCredentialProcessOutput(output, now);
    if (credentials.ok()) {
        const aws::AwsCredentials &value = credentials.value();
        FUZZ_CHECK(value.isComplete(), QStringLiteral("credentials without a key id or secret"));
        if (value.expiration) {
            FUZZ_CHECK(value.expiration->isValid() && *value.expiration > now,
                value.expiration->toString(Qt::ISODateWithMs));
            FUZZ_CHECK(
                value.expiration->timeSpec() == Qt::UTC, QStringLiteral("an expiry not in UTC"));
        }
    } else {
        const aws::AwsError &error = credentials.error();
        FUZZ_CHECK(
            error.kind == aws::AwsError::Kind::Credentials, aws::AwsError::kindName(error.kind));
        FUZZ_CHECK(error.message.startsWith(
                       QLatin1String("Error when retrieving credentials from custom-process: ")),
            error.message);
        for (const QString &secret : secretsIn(output))
            FUZZ_CHECK(
                !error.toString().contains(secret), QStringLiteral("the error quotes a secret"));
    }

    const QString commandLine = QString::fromUtf8(output);
    const aws::Result<QStringList> words = aws::splitCommandLine(commandLine);
    if (words.ok()) {
        QStringList quoted;
        for (const QString &word : words.value())
            quoted.append(shellQuoted(word));
        const aws::Result<QStringList> again = aws::splitCommandLine(quoted.join(QLatin1Char(' ')));
        FUZZ_CHECK(again.ok() && again.value() == words.value(),
            QStringLiteral("re-quoted words split differently: ") + quoted.join(QLatin1Char(' ')));
    } else {
        FUZZ_CHECK(words.error().kind == aws::AwsError::Kind::Configuration, words.error().message);
    }
    return 0;
}
