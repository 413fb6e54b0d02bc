// The AWS shared files: ~/.aws/config and ~/.aws/credentials, read by aws::SharedConfigFile,
// merged by aws::AwsProfiles, and turned into resolved configurations by aws::ConfigResolver.
// Input: the config file, then a NUL byte, then the credentials file (no NUL: no credentials file).
// Whatever the files hold, parsing goes on past every problem with a line number inside the
// file, keys come out lower case, and resolving any profile gives a connection or a
// Configuration error in which, like in the --debug lines, no secret key or session token
// appears.
#include "aws/awsprofiles.h"
#include "aws/configresolver.h"
#include "aws/sharedconfigfile.h"
#include "fuzzsupport.h"
#include "lookout/service.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

namespace {

using fuzzsupport::bytes;

constexpr int kMaxProfilesResolved = 8; // each resolve costs file reads; the first few suffice

std::unique_ptr<QTemporaryDir> g_home;

int lineCount(QByteArrayView text)
{
    return static_cast<int>(text.count('\n')) + 1;
}

void checkFile(const aws::SharedConfigFile &file, QByteArrayView text)
{
    const int lines = lineCount(text);
    for (const aws::ConfigProblem &problem : file.problems()) {
        FUZZ_CHECK(problem.file == file.fileName(), problem.toString());
        FUZZ_CHECK(problem.line >= 1 && problem.line <= lines, problem.toString());
        FUZZ_CHECK(!problem.message.isEmpty(), problem.toString());
    }
    for (const aws::ConfigSection &section : file.sections()) {
        FUZZ_CHECK(!section.header.isEmpty() && section.header == section.header.trimmed(),
            QStringLiteral("section header \"%1\"").arg(section.header));
        FUZZ_CHECK(section.line >= 1 && section.line <= lines, section.header);
        for (auto it = section.properties.cbegin(); it != section.properties.cend(); ++it) {
            FUZZ_CHECK(it.key() == it.key().toLower() && !it.key().isEmpty(), it.key());
            FUZZ_CHECK(it->line >= 1 && it->line <= lines, it->location());
            for (auto sub = it->subProperties.cbegin(); sub != it->subProperties.cend(); ++sub)
                FUZZ_CHECK(sub.key() == sub.key().toLower() && sub->line >= it->line, sub.key());
        }
    }
}

bool writeFile(const QString &path, QByteArrayView text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(text.data(), text.size()) == text.size();
}

bool isSecretKey(const QString &key)
{
    return key == QLatin1String("aws_secret_access_key")
        || key == QLatin1String("aws_session_token");
}

// Every value in the files that is not a secret, and every name: what messages may quote.
QStringList quotableTexts(const QList<const aws::SharedConfigFile *> &files)
{
    QStringList texts;
    for (const aws::SharedConfigFile *file : files) {
        for (const aws::ConfigSection &section : file->sections()) {
            texts.append(section.header);
            for (auto it = section.properties.cbegin(); it != section.properties.cend(); ++it) {
                texts.append(it.key());
                if (!isSecretKey(it.key()))
                    texts.append(it->value);
                for (auto sub = it->subProperties.cbegin(); sub != it->subProperties.cend(); ++sub)
                    texts.append(sub.key() + QLatin1Char(' ') + sub->value);
            }
        }
    }
    return texts;
}

// The secret values, except those that also appear inside a value a message may quote (a region
// that happens to hold the same text is rightly quoted as a region).
QStringList secretsOf(const aws::AwsProfiles &profiles, const QStringList &quotable)
{
    QStringList secrets;
    for (const QString &name : profiles.names()) {
        const aws::AwsProfile *profile = profiles.profile(name);
        for (const char *key : { "aws_secret_access_key", "aws_session_token" }) {
            const QString value = profile->value(QLatin1String(key));
            if (value.size() < 8) // shorter ones can appear in other text by chance
                continue;
            const bool alsoQuotable = std::any_of(quotable.cbegin(), quotable.cend(),
                [&value](const QString &text) { return text.contains(value); });
            if (!alsoQuotable)
                secrets.append(value);
        }
    }
    return secrets;
}

void checkNoSecret(const QString &text, const QStringList &secrets)
{
    for (const QString &secret : secrets)
        FUZZ_CHECK(!text.contains(secret), QStringLiteral("a secret in: ") + text);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::quietLogging();
    // Files for the resolver, in memory where the system offers it.
    const QString base
        = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    g_home = std::make_unique<QTemporaryDir>(base + QStringLiteral("/fuzz_sharedconfig-XXXXXX"));
    return g_home->isValid() ? 0 : 1;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = bytes(data, size);
    const qsizetype nul = input.indexOf('\0');
    const QByteArrayView configText = nul < 0 ? input : input.first(nul);
    const QByteArrayView credentialsText = nul < 0 ? QByteArrayView() : input.sliced(nul + 1);

    const auto config
        = aws::SharedConfigFile::parse(configText, QStringLiteral("/home/fuzz/.aws/config"));
    const auto credentials = aws::SharedConfigFile::parse(
        credentialsText, QStringLiteral("/home/fuzz/.aws/credentials"));
    checkFile(config, configText);
    checkFile(credentials, credentialsText);

    const aws::AwsProfiles profiles = aws::AwsProfiles::fromFiles(config, credentials);
    for (const QString &name : profiles.names()) {
        const aws::AwsProfile *profile = profiles.profile(name);
        FUZZ_CHECK(profile && profile->name == name, name);
        FUZZ_CHECK(!profile->description().isEmpty(), name);
    }

    // The same files through the resolver, as the program reads them.
    const QString configPath = g_home->filePath(QStringLiteral("config"));
    const QString credentialsPath = g_home->filePath(QStringLiteral("credentials"));
    FUZZ_CHECK(writeFile(configPath, configText), configPath);
    if (nul < 0)
        QFile::remove(credentialsPath);
    else
        FUZZ_CHECK(writeFile(credentialsPath, credentialsText), credentialsPath);
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), configPath);
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), credentialsPath);
    const aws::ConfigResolver resolver(environment, g_home->path());
    const QStringList secrets
        = secretsOf(resolver.sharedProfiles(), quotableTexts({ &config, &credentials }));
    for (const aws::ConfigProblem &problem : resolver.problems())
        FUZZ_CHECK(!problem.message.isEmpty(), problem.toString());

    QStringList names = resolver.sharedProfiles().names();
    names.append(QStringLiteral("default")); // also when no file defines it
    int resolved = 0;
    for (const QString &name : std::as_const(names)) {
        if (++resolved > kMaxProfilesResolved)
            break;
        aws::RequestedConfig request;
        request.profile = name;
        const aws::Result<aws::ResolvedConfig> connection
            = resolver.resolve(lookout::service::description(), request);
        if (!connection.ok()) {
            FUZZ_CHECK(connection.error().kind == aws::AwsError::Kind::Configuration
                    || connection.error().kind == aws::AwsError::Kind::Credentials,
                aws::AwsError::kindName(connection.error().kind));
            FUZZ_CHECK(!connection.error().message.isEmpty(), name);
            checkNoSecret(connection.error().toString(), secrets);
            continue;
        }
        const aws::ResolvedConfig &value = connection.value();
        FUZZ_CHECK(value.endpoint.isValid() && !value.endpoint.host().isEmpty(),
            value.endpoint.toString());
        FUZZ_CHECK(value.endpoint.scheme() == QLatin1String("https")
                || value.endpoint.scheme() == QLatin1String("http"),
            value.endpoint.toString());
        FUZZ_CHECK(value.clientSettings().maxAttempts >= 1, value.maxAttempts.value);
        checkNoSecret(value.describe().join(QLatin1Char('\n')), secrets);
    }
    return 0;
}
