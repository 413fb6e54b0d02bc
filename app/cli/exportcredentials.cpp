#include "cli/exportcredentials.h"

#include "aws/configresolver.h"
#include "cli/mfaprompt.h"
#include "lookout/service.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace cli {

using namespace Qt::StringLiterals;

namespace {

constexpr int kExitConfiguration = 253;

struct FormatName {
    CredentialFormat format;
    QLatin1StringView name;
};
constexpr FormatName kFormats[] = {
    { CredentialFormat::Process, "process"_L1 },
    { CredentialFormat::Env, "env"_L1 },
    { CredentialFormat::EnvNoExport, "env-no-export"_L1 },
    { CredentialFormat::PowerShell, "powershell"_L1 },
    { CredentialFormat::WindowsCmd, "windows-cmd"_L1 },
};

// Python's datetime.isoformat() of an aware UTC time: microseconds only when there are some.
QString pythonIsoFormat(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    QString text = utc.toString(u"yyyy-MM-ddTHH:mm:ss"_s);
    if (const int ms = utc.time().msec(); ms != 0)
        text += u".%1"_s.arg(ms * 1000, 6, 10, QLatin1Char('0'));
    return text + u"+00:00"_s;
}

// json.dumps(indent=2) of a flat object of strings and one number, keys in insertion order.
QString jsonString(const QString &value)
{
    QJsonObject holder { { u"v"_s, value } };
    const QByteArray compact = QJsonDocument(holder).toJson(QJsonDocument::Compact);
    // {"v":"…"} → "…"
    return QString::fromUtf8(compact.mid(5, compact.size() - 6));
}

} // namespace

std::optional<CredentialFormat> credentialFormatNamed(const QString &name)
{
    for (const FormatName &entry : kFormats) {
        if (entry.name == name)
            return entry.format;
    }
    return std::nullopt;
}

QString credentialFormatNames()
{
    QStringList names;
    for (const FormatName &entry : kFormats)
        names.append(entry.name);
    return names.join(u", "_s);
}

QString formatCredentials(const aws::AwsCredentials &credentials, CredentialFormat format)
{
    QList<std::pair<QString, QString>> values {
        { u"AWS_ACCESS_KEY_ID"_s, credentials.accessKeyId },
        { u"AWS_SECRET_ACCESS_KEY"_s, credentials.secretAccessKey },
    };
    if (credentials.hasSessionToken())
        values.append({ u"AWS_SESSION_TOKEN"_s, credentials.sessionToken });
    if (credentials.expiration)
        values.append({ u"AWS_CREDENTIAL_EXPIRATION"_s, pythonIsoFormat(*credentials.expiration) });

    if (format == CredentialFormat::Process) {
        static const QStringList kJsonKeys
            = { u"AccessKeyId"_s, u"SecretAccessKey"_s, u"SessionToken"_s, u"Expiration"_s };
        QStringList lines { u"  \"Version\": 1"_s };
        for (qsizetype i = 0; i < values.size(); ++i)
            lines.append(u"  \"%1\": %2"_s.arg(kJsonKeys[i], jsonString(values[i].second)));
        return u"{\n"_s + lines.join(u",\n"_s) + u"\n}\n"_s;
    }
    const QString pattern = [&] {
        switch (format) {
        case CredentialFormat::Env:
            return u"export %1=%2\n"_s;
        case CredentialFormat::EnvNoExport:
            return u"%1=%2\n"_s;
        case CredentialFormat::PowerShell:
            return u"$Env:%1=\"%2\"\n"_s;
        case CredentialFormat::WindowsCmd:
            return u"set %1=%2\n"_s;
        case CredentialFormat::Process:
            break;
        }
        return QString();
    }();
    QString text;
    for (const auto &[name, value] : values)
        text += pattern.arg(name, value);
    return text;
}

int exportCredentials(const QString &profile, CredentialFormat format,
    aws::KeychainProfileStore *keychain, QTextStream &out, QTextStream &err)
{
    const auto failWith = [&](const QString &message) {
        err << "\nUnable to retrieve credentials: " << message << "\n\n";
        err.flush();
        return kExitConfiguration;
    };
    aws::ConfigResolver resolver = aws::ConfigResolver::forCurrentProcess(keychain);
    resolver.setMfaPrompt(terminalMfaPrompt());
    aws::RequestedConfig request;
    request.profile = profile;
    const aws::Result<aws::ResolvedConfig> config
        = resolver.resolve(lookout::service::description(), request);
    if (!config.ok())
        return failWith(config.error().message);
    std::optional<aws::Result<aws::AwsCredentials>> outcome;
    QEventLoop loop;
    config.value().credentials->fetch(nullptr, [&](const aws::Result<aws::AwsCredentials> &result) {
        outcome = result;
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    if (!outcome->ok()) {
        const aws::AwsError &error = outcome->error();
        // What the chain could not decide fails inside the CLI's get_credentials(); what STS
        // answered fails later, when the credentials are read, and is printed as it is.
        if (error.kind == aws::AwsError::Kind::Credentials
            || error.kind == aws::AwsError::Kind::Configuration)
            return failWith(error.message);
        err << '\n' << error.toString() << '\n';
        err.flush();
        return error.exitCode();
    }
    out << formatCredentials(outcome->value(), format);
    out.flush();
    return 0;
}

} // namespace cli
