#include "aws/awsprofiles.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace aws {

const ConfigProperty *AwsProfile::property(const QString &key) const
{
    if (const auto found = credentialsProperties.constFind(key);
        found != credentialsProperties.cend())
        return &found.value();
    if (const auto found = configProperties.constFind(key); found != configProperties.cend())
        return &found.value();
    return nullptr;
}

QString AwsProfile::value(const QString &key) const
{
    const ConfigProperty *found = property(key);
    return found ? found->value : QString();
}

QString AwsProfile::description() const
{
    QStringList places;
    if (!configLocation.isEmpty())
        places.append(configLocation);
    if (!credentialsLocation.isEmpty())
        places.append(credentialsLocation);
    return QStringLiteral("profile %1 in %2").arg(name, places.join(QLatin1String(" and ")));
}

namespace {

// "~" and "$VAR" / "${VAR}" as botocore expands them (os.path.expanduser, os.path.expandvars);
// unknown variables stay as written.
QString expandPath(
    QString path, const QProcessEnvironment &environment, const QString &homeDirectory)
{
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        path = homeDirectory + path.mid(1);
    static const QRegularExpression variable(QStringLiteral(R"(\$(\w+)|\$\{(\w+)\})"));
    QString expanded;
    qsizetype last = 0;
    for (auto it = variable.globalMatch(path); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        expanded += path.mid(last, match.capturedStart() - last);
        expanded += environment.contains(name) ? environment.value(name) : match.captured();
        last = match.capturedEnd();
    }
    return expanded + path.mid(last);
}

QString pathFromEnvironment(const QProcessEnvironment &environment, const QString &homeDirectory,
    const QString &variable, const QString &defaultName)
{
    const QString configured = environment.value(variable);
    if (!configured.isEmpty())
        return expandPath(configured, environment, homeDirectory);
    return QDir(homeDirectory).filePath(QStringLiteral(".aws/") + defaultName);
}

QString headerLocation(const QString &file, const ConfigSection &section)
{
    return QStringLiteral("%1 line %2").arg(file, QString::number(section.line));
}

// Keys that show a section was meant as a profile; used to flag "[prod]" in the config file
// without flagging the CLI's own non-profile sections ("[plugins]", "[preview]").
bool looksLikeProfile(const ConfigSection &section)
{
    static const QStringList profileKeys = { QStringLiteral("aws_access_key_id"),
        QStringLiteral("aws_secret_access_key"), QStringLiteral("aws_session_token"),
        QStringLiteral("region"), QStringLiteral("credential_process"), QStringLiteral("role_arn"),
        QStringLiteral("sso_session"), QStringLiteral("sso_start_url"),
        QStringLiteral("endpoint_url"), QStringLiteral("output") };
    return std::any_of(profileKeys.cbegin(), profileKeys.cend(),
        [&](const QString &key) { return section.properties.contains(key); });
}

bool hasPrefixWord(const QString &header, QLatin1String word)
{
    return header.startsWith(word) && header.size() > word.size()
        && header.at(word.size()).isSpace();
}

} // namespace

QString AwsProfiles::configFilePath(
    const QProcessEnvironment &environment, const QString &homeDirectory)
{
    return pathFromEnvironment(
        environment, homeDirectory, QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("config"));
}

QString AwsProfiles::credentialsFilePath(
    const QProcessEnvironment &environment, const QString &homeDirectory)
{
    return pathFromEnvironment(environment, homeDirectory,
        QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("credentials"));
}

AwsProfiles AwsProfiles::load(const QProcessEnvironment &environment, const QString &homeDirectory)
{
    return fromFiles(SharedConfigFile::load(configFilePath(environment, homeDirectory)),
        SharedConfigFile::load(credentialsFilePath(environment, homeDirectory)));
}

AwsProfiles AwsProfiles::fromFiles(
    const SharedConfigFile &config, const SharedConfigFile &credentials)
{
    AwsProfiles profiles;
    profiles.m_configFile = config.fileName();
    profiles.m_credentialsFile = credentials.fileName();
    profiles.m_problems = config.problems() + credentials.problems();
    for (const SharedConfigFile *file : { &config, &credentials }) {
        if (file->isUnparsable())
            profiles.m_unparsableFiles.append(file->fileName());
    }
    profiles.addConfigFile(config);
    profiles.addCredentialsFile(credentials);
    return profiles;
}

void AwsProfiles::addConfigFile(const SharedConfigFile &config)
{
    const QString &file = config.fileName();
    const ConfigSection *profileDefault = config.section(QStringLiteral("profile default"));
    for (const ConfigSection &section : config.sections()) {
        const QString &header = section.header;
        const auto problem = [&](const QString &message) {
            m_problems.append(ConfigProblem { file, section.line, message });
        };
        QString name;
        if (header == QLatin1String("default")) {
            if (profileDefault) {
                problem(QStringLiteral("[default] is ignored because [profile default] (line %1) "
                                       "takes precedence")
                            .arg(profileDefault->line));
                continue;
            }
            name = header;
        } else if (hasPrefixWord(header, QLatin1String("profile"))) {
            name = header.mid(7).trimmed();
        } else if (header == QLatin1String("profile")) {
            problem(QStringLiteral("[profile] names no profile; the section is ignored"));
            continue;
        } else if (hasPrefixWord(header, QLatin1String("services"))) {
            const QString servicesName = header.mid(8).trimmed();
            if (servicesName.contains(QRegularExpression(QStringLiteral("\\s"))))
                problem(QStringLiteral("the services section name \"%1\" contains spaces; the "
                                       "section is ignored")
                            .arg(servicesName));
            else
                m_services.insert(servicesName, section);
            continue;
        } else if (hasPrefixWord(header, QLatin1String("sso-session"))) {
            m_ssoSessions.insert(header.mid(11).trimmed(), section);
            continue;
        } else {
            if (looksLikeProfile(section))
                problem(
                    QStringLiteral("[%1] is not a profile: in the config file, profiles other "
                                   "than default are written [profile %1]; the section is ignored")
                        .arg(header));
            continue;
        }
        if (name.contains(QRegularExpression(QStringLiteral("\\s")))) {
            problem(
                QStringLiteral("the profile name \"%1\" contains spaces; the section is ignored")
                    .arg(name));
            continue;
        }
        AwsProfile &profile = m_profiles[name];
        profile.name = name;
        profile.configLocation = headerLocation(file, section);
        profile.configProperties = section.properties;
    }
}

void AwsProfiles::addCredentialsFile(const SharedConfigFile &credentials)
{
    const QString &file = credentials.fileName();
    for (const ConfigSection &section : credentials.sections()) {
        if (hasPrefixWord(section.header, QLatin1String("profile"))) {
            // The AWS CLI takes the header literally here; say so, since it is rarely meant.
            m_problems.append(ConfigProblem { file, section.line,
                QStringLiteral("the credentials file names profiles without the \"profile \" "
                               "prefix, so this section is the profile \"%1\"")
                    .arg(section.header) });
        }
        AwsProfile &profile = m_profiles[section.header];
        profile.name = section.header;
        profile.credentialsLocation = headerLocation(file, section);
        profile.credentialsProperties = section.properties;
    }
}

QStringList AwsProfiles::names() const
{
    return m_profiles.keys(); // QMap keeps them sorted
}

const AwsProfile *AwsProfiles::profile(const QString &name) const
{
    const auto found = m_profiles.constFind(name);
    return found == m_profiles.cend() ? nullptr : &found.value();
}

const ConfigSection *AwsProfiles::servicesSection(const QString &name) const
{
    const auto found = m_services.constFind(name);
    return found == m_services.cend() ? nullptr : &found.value();
}

const ConfigSection *AwsProfiles::ssoSession(const QString &name) const
{
    const auto found = m_ssoSessions.constFind(name);
    return found == m_ssoSessions.cend() ? nullptr : &found.value();
}

} // namespace aws
