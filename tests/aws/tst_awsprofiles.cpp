// The merged profile view of ~/.aws/config and ~/.aws/credentials, and where the files are.
#include "aws/awsprofiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using aws::AwsProfiles;
using aws::SharedConfigFile;

namespace {

const QString kConfig = QStringLiteral("/home/u/.aws/config");
const QString kCredentials = QStringLiteral("/home/u/.aws/credentials");

AwsProfiles profilesFrom(const QByteArray &config, const QByteArray &credentials = {})
{
    return AwsProfiles::fromFiles(SharedConfigFile::parse(config, kConfig),
        SharedConfigFile::parse(credentials, kCredentials));
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QProcessEnvironment environmentWith(
    std::initializer_list<std::pair<const char *, QString>> variables)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : variables)
        environment.insert(QLatin1String(name), value);
    return environment;
}

} // namespace

class TestAwsProfiles : public QObject {
    Q_OBJECT
private slots:
    void configFile_defaultAndProfilePrefix();
    void configFile_sectionWithoutPrefix_isNotAProfile();
    void configFile_cliSectionsWithoutPrefix_areQuietlyIgnored();
    void profileDefault_overridesDefault_whicheverComesFirst();
    void credentialsFile_namesWithoutPrefix();
    void credentialsFile_profilePrefix_isTakenLiterallyAndReported();
    void sameProfileInBothFiles_credentialsFileWins();
    void defaultValues_areNotInherited();
    void servicesSections_keptForEndpoints();
    void ssoSessionSections_keptApartFromProfiles();
    void profileNamesWithSpacesInConfig_reported();
    void bareProfileHeader_reported();
    void brokenConfigFile_credentialsStillWork();
    void description_namesBothFiles();
    void filePaths_defaultUnderHome();
    void filePaths_fromEnvironment_withTildeAndVariables();
    void load_readsBothFilesAtTheirPaths();
};

void TestAwsProfiles::configFile_defaultAndProfilePrefix()
{
    const AwsProfiles profiles
        = profilesFrom("[default]\nregion = us-east-1\n[profile prod]\nregion = eu-west-1\n");
    QCOMPARE(profiles.names(), QStringList({ QStringLiteral("default"), QStringLiteral("prod") }));
    QCOMPARE(profiles.profile(QStringLiteral("prod"))->value(QStringLiteral("region")),
        QStringLiteral("eu-west-1"));
    QCOMPARE(profiles.profile(QStringLiteral("default"))->value(QStringLiteral("region")),
        QStringLiteral("us-east-1"));
    QVERIFY(profiles.problems().isEmpty());
    QVERIFY(!profiles.profile(QStringLiteral("profile prod")));
}

void TestAwsProfiles::configFile_sectionWithoutPrefix_isNotAProfile()
{
    const AwsProfiles profiles = profilesFrom("[prod]\nregion = eu-west-1\n");
    QVERIFY(!profiles.contains(QStringLiteral("prod")));
    QCOMPARE(profiles.problems().size(), 1);
    QCOMPARE(profiles.problems().first().line, 1);
    QVERIFY2(profiles.problems().first().message.contains(QLatin1String("[profile prod]")),
        qPrintable(profiles.problems().first().message));
}

void TestAwsProfiles::configFile_cliSectionsWithoutPrefix_areQuietlyIgnored()
{
    const AwsProfiles profiles
        = profilesFrom("[plugins]\ncli_legacy_plugin_path = /x\n[preview]\ncloudfront = true\n");
    QVERIFY(profiles.names().isEmpty());
    QVERIFY(profiles.problems().isEmpty());
}

void TestAwsProfiles::profileDefault_overridesDefault_whicheverComesFirst()
{
    for (const QByteArray &text :
        { QByteArray("[default]\nregion = a\noutput = json\n[profile default]\nregion = b\n"),
            QByteArray("[profile default]\nregion = b\n[default]\nregion = a\noutput = json\n") }) {
        const AwsProfiles profiles = profilesFrom(text);
        const aws::AwsProfile *profile = profiles.profile(QStringLiteral("default"));
        QVERIFY(profile);
        QCOMPARE(profile->value(QStringLiteral("region")), QStringLiteral("b"));
        QCOMPARE(
            profile->value(QStringLiteral("output")), QString()); // [default] is ignored entirely
        QCOMPARE(profiles.problems().size(), 1);
        QVERIFY(profiles.problems().first().message.contains(QLatin1String("[profile default]")));
    }
}

void TestAwsProfiles::credentialsFile_namesWithoutPrefix()
{
    const AwsProfiles profiles
        = profilesFrom({}, "[default]\naws_access_key_id = A\n[prod]\naws_access_key_id = B\n");
    QCOMPARE(profiles.names(), QStringList({ QStringLiteral("default"), QStringLiteral("prod") }));
    QCOMPARE(profiles.profile(QStringLiteral("prod"))->value(QStringLiteral("aws_access_key_id")),
        QStringLiteral("B"));
    QVERIFY(profiles.problems().isEmpty());
}

void TestAwsProfiles::credentialsFile_profilePrefix_isTakenLiterallyAndReported()
{
    const AwsProfiles profiles = profilesFrom({}, "[profile prod]\naws_access_key_id = B\n");
    QVERIFY(!profiles.contains(QStringLiteral("prod")));
    QVERIFY(profiles.contains(QStringLiteral("profile prod")));
    QCOMPARE(profiles.problems().size(), 1);
    QCOMPARE(profiles.problems().first().file, kCredentials);
}

void TestAwsProfiles::sameProfileInBothFiles_credentialsFileWins()
{
    const AwsProfiles profiles
        = profilesFrom("[profile prod]\naws_access_key_id = FROMCONFIG\nregion = eu-west-1\n",
            "\n[prod]\naws_access_key_id = FROMCREDENTIALS\n");
    const aws::AwsProfile *profile = profiles.profile(QStringLiteral("prod"));
    QCOMPARE(
        profile->value(QStringLiteral("aws_access_key_id")), QStringLiteral("FROMCREDENTIALS"));
    QCOMPARE(profile->property(QStringLiteral("aws_access_key_id"))->location(),
        kCredentials + QStringLiteral(" line 3"));
    QCOMPARE(profile->value(QStringLiteral("region")), QStringLiteral("eu-west-1"));
    QCOMPARE(profile->configProperties.value(QStringLiteral("aws_access_key_id")).value,
        QStringLiteral("FROMCONFIG"));
}

void TestAwsProfiles::defaultValues_areNotInherited()
{
    const AwsProfiles profiles
        = profilesFrom("[default]\nregion = us-east-1\n[profile dev]\noutput = json\n");
    QCOMPARE(profiles.profile(QStringLiteral("dev"))->value(QStringLiteral("region")), QString());
}

void TestAwsProfiles::servicesSections_keptForEndpoints()
{
    const AwsProfiles profiles
        = profilesFrom("[profile dev]\nservices = local\n[services local]\nlookoutequipment =\n  "
                       "endpoint_url = http://127.0.0.1:8443\n");
    QCOMPARE(profiles.names(), QStringList { QStringLiteral("dev") });
    const aws::ConfigSection *services = profiles.servicesSection(QStringLiteral("local"));
    QVERIFY(services);
    QCOMPARE(services->properties.value(QStringLiteral("lookoutequipment"))
                 .subProperties.value(QStringLiteral("endpoint_url"))
                 .value,
        QStringLiteral("http://127.0.0.1:8443"));
    QVERIFY(!profiles.servicesSection(QStringLiteral("other")));
}

void TestAwsProfiles::ssoSessionSections_keptApartFromProfiles()
{
    const AwsProfiles profiles
        = profilesFrom("[sso-session corp]\nsso_start_url = https://x\nsso_region = us-east-1\n");
    QVERIFY(profiles.names().isEmpty());
    QVERIFY(profiles.problems().isEmpty());
    const aws::ConfigSection *session = profiles.ssoSession(QStringLiteral("corp"));
    QVERIFY(session);
    QCOMPARE(
        session->properties.value(QStringLiteral("sso_region")).value, QStringLiteral("us-east-1"));
    QVERIFY(!profiles.ssoSession(QStringLiteral("other")));
}

void TestAwsProfiles::profileNamesWithSpacesInConfig_reported()
{
    const AwsProfiles profiles
        = profilesFrom("[profile my prod]\nregion = x\n[profile ok]\nregion = y\n");
    QCOMPARE(profiles.names(), QStringList { QStringLiteral("ok") });
    QCOMPARE(profiles.problems().size(), 1);
    QVERIFY(profiles.problems().first().message.contains(QLatin1String("\"my prod\"")));
}

void TestAwsProfiles::bareProfileHeader_reported()
{
    const AwsProfiles profiles = profilesFrom("[profile]\nregion = x\n");
    QVERIFY(profiles.names().isEmpty());
    QCOMPARE(profiles.problems().size(), 1);
}

void TestAwsProfiles::brokenConfigFile_credentialsStillWork()
{
    const AwsProfiles profiles
        = profilesFrom("garbage\n[profile a\nregion = x\n", "[prod]\naws_access_key_id = B\n");
    QCOMPARE(profiles.names(), QStringList { QStringLiteral("prod") });
    QCOMPARE(profiles.problems().size(), 2);
    QCOMPARE(profiles.problems().at(0).file, kConfig);
    QCOMPARE(profiles.problems().at(0).line, 1);
    QCOMPARE(profiles.problems().at(1).line, 2);
}

void TestAwsProfiles::description_namesBothFiles()
{
    const AwsProfiles profiles
        = profilesFrom("\n[profile prod]\nregion = x\n", "[prod]\naws_access_key_id = B\n");
    QCOMPARE(profiles.profile(QStringLiteral("prod"))->description(),
        QStringLiteral(
            "profile prod in /home/u/.aws/config line 2 and /home/u/.aws/credentials line 1"));
}

void TestAwsProfiles::filePaths_defaultUnderHome()
{
    const QProcessEnvironment empty;
    QCOMPARE(AwsProfiles::configFilePath(empty, QStringLiteral("/home/u")),
        QStringLiteral("/home/u/.aws/config"));
    QCOMPARE(AwsProfiles::credentialsFilePath(empty, QStringLiteral("/home/u")),
        QStringLiteral("/home/u/.aws/credentials"));
    const QProcessEnvironment blank = environmentWith({ { "AWS_CONFIG_FILE", QString() } });
    QCOMPARE(AwsProfiles::configFilePath(blank, QStringLiteral("/home/u")),
        QStringLiteral("/home/u/.aws/config"));
}

void TestAwsProfiles::filePaths_fromEnvironment_withTildeAndVariables()
{
    const QProcessEnvironment environment
        = environmentWith({ { "AWS_CONFIG_FILE", QStringLiteral("~/cfg/aws-config") },
            { "AWS_SHARED_CREDENTIALS_FILE", QStringLiteral("$SECRETS/${WHO}.ini") },
            { "SECRETS", QStringLiteral("/run/secrets") }, { "WHO", QStringLiteral("ops") } });
    QCOMPARE(AwsProfiles::configFilePath(environment, QStringLiteral("/home/u")),
        QStringLiteral("/home/u/cfg/aws-config"));
    QCOMPARE(AwsProfiles::credentialsFilePath(environment, QStringLiteral("/home/u")),
        QStringLiteral("/run/secrets/ops.ini"));
    const QProcessEnvironment unknown
        = environmentWith({ { "AWS_CONFIG_FILE", QStringLiteral("/x/$NOPE/config") } });
    QCOMPARE(AwsProfiles::configFilePath(unknown, QStringLiteral("/home/u")),
        QStringLiteral("/x/$NOPE/config"));
}

void TestAwsProfiles::load_readsBothFilesAtTheirPaths()
{
    QTemporaryDir home;
    QVERIFY(writeFile(
        home.filePath(QStringLiteral(".aws/config")), "[profile fromhome]\nregion = x\n"));
    QVERIFY(writeFile(
        home.filePath(QStringLiteral("elsewhere/creds")), "[fromenv]\naws_access_key_id = A\n"));
    const QProcessEnvironment environment = environmentWith(
        { { "AWS_SHARED_CREDENTIALS_FILE", home.filePath(QStringLiteral("elsewhere/creds")) } });
    const AwsProfiles profiles = AwsProfiles::load(environment, home.path());
    QCOMPARE(
        profiles.names(), QStringList({ QStringLiteral("fromenv"), QStringLiteral("fromhome") }));
    QCOMPARE(profiles.configFile(), home.filePath(QStringLiteral(".aws/config")));
    QCOMPARE(profiles.credentialsFile(), home.filePath(QStringLiteral("elsewhere/creds")));
}

QTEST_GUILESS_MAIN(TestAwsProfiles)
#include "tst_awsprofiles.moc"
