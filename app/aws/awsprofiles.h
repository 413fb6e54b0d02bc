#pragma once

#include "aws/sharedconfigfile.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace aws {

// One profile of the AWS CLI, as found in ~/.aws/config ([default], [profile NAME]) and
// ~/.aws/credentials ([NAME]).
struct AwsProfile {
    QString name;
    QString configLocation; // header in the config file ("/root/.aws/config line 3"), or empty
    QString credentialsLocation; // header in the credentials file, or empty
    QMap<QString, ConfigProperty> configProperties;
    QMap<QString, ConfigProperty> credentialsProperties;

    // For the same key, the credentials file wins over the config file (as in the AWS CLI).
    const ConfigProperty *property(const QString &key) const;
    QString value(const QString &key) const; // empty when absent
    // Where the profile is defined: "profile prod in /root/.aws/config line 3" (both files when
    // both).
    QString description() const;
};

// The merged view of both shared files. [default] is the profile "default"; [profile default]
// overrides it; other sections without the "profile " prefix are not profiles in the config file;
// [services NAME] sections are kept for endpoint lookup, [sso-session NAME] sections for the
// profiles that name them in sso_session. [default] values are not inherited by other profiles.
class AwsProfiles {
public:
    AwsProfiles() = default;

    // AWS_CONFIG_FILE (default ~/.aws/config) and AWS_SHARED_CREDENTIALS_FILE (default
    // ~/.aws/credentials), with "~" and $VARIABLES expanded from the given environment.
    static QString configFilePath(
        const QProcessEnvironment &environment, const QString &homeDirectory);
    static QString credentialsFilePath(
        const QProcessEnvironment &environment, const QString &homeDirectory);

    static AwsProfiles load(const QProcessEnvironment &environment, const QString &homeDirectory);
    static AwsProfiles fromFiles(
        const SharedConfigFile &config, const SharedConfigFile &credentials);

    const QString &configFile() const { return m_configFile; }
    const QString &credentialsFile() const { return m_credentialsFile; }

    QStringList names() const; // sorted
    bool contains(const QString &name) const { return m_profiles.contains(name); }
    const AwsProfile *profile(const QString &name) const;
    // The [services NAME] section of the config file, or nullptr.
    const ConfigSection *servicesSection(const QString &name) const;
    // The [sso-session NAME] section of the config file, or nullptr.
    const ConfigSection *ssoSession(const QString &name) const;
    // Everything odd in either file, with file and line; the rest still counts.
    const QList<ConfigProblem> &problems() const { return m_problems; }
    // The files the AWS CLI would refuse to read (SharedConfigFile::isUnparsable()): while there
    // is one, no profile can be resolved, as with the CLI.
    const QStringList &unparsableFiles() const { return m_unparsableFiles; }

private:
    void addConfigFile(const SharedConfigFile &config);
    void addCredentialsFile(const SharedConfigFile &credentials);

    QString m_configFile;
    QString m_credentialsFile;
    QMap<QString, AwsProfile> m_profiles;
    QMap<QString, ConfigSection> m_services;
    QMap<QString, ConfigSection> m_ssoSessions;
    QList<ConfigProblem> m_problems;
    QStringList m_unparsableFiles;
};

} // namespace aws
