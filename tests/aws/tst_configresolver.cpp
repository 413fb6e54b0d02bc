// Region, endpoint, retry settings and profile resolution, each with its source, from options,
// environment and files in a temporary home (never the real one).
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "aws/s3client.h"
#include "servicedescriptions.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using aws::AwsError;
using aws::ConfigResolver;
using aws::ProfileListEntry;
using aws::RequestedConfig;
using aws::ResolvedConfig;
using aws::Result;

Q_DECLARE_METATYPE(aws::ServiceDescription)

namespace {

QProcessEnvironment environmentFrom(const QStringList &assignments)
{
    QProcessEnvironment environment;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        environment.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return environment;
}

} // namespace

class TestConfigResolver : public QObject {
    Q_OBJECT
private slots:
    void init();

    void region_data();
    void region();
    void region_missing_isTheCliMessage();
    void region_invalid_namesItsSource();

    void endpoint_data();
    void endpoint();
    void endpoint_missingServicesSection_isAnError();
    void endpoint_ofOtherServices_data();
    void endpoint_ofOtherServices();
    void endpoint_validation_data();
    void endpoint_validation();
    void s3AddressingStyle_fromTheProfilesS3Section();

    void retrySettings_data();
    void retrySettings();
    void retrySettings_invalid_data();
    void retrySettings_invalid();

    void profile_unknown_isTheCliMessage();
    void errors_nameTheSettingAtFault_data();
    void errors_nameTheSettingAtFault();
    void profile_sourceIsShown();
    void keychainProfile_givesRegionAndEndpoint();
    void clientSettings_carryTheResolvedValues();
    void describe_showsEverySourceAndNoSecret();
    void profiles_listSharedAndKeychainProfiles();
    void brokenConfigFile_reportsProblems_andTheRestStillWorks();
    void reload_picksUpEditedFiles();
    void stsEndpoint_data();
    void stsEndpoint();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    void writeAwsFile(const QString &name, const QByteArray &text);
    Result<ResolvedConfig> resolve(const QStringList &environment,
        const RequestedConfig &request = {}, aws::KeychainProfileStore *keychain = nullptr);
    QString configPath() const { return m_home->filePath(QStringLiteral(".aws/config")); }
};

void TestConfigResolver::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(QStringLiteral(".aws")));
}

void TestConfigResolver::writeAwsFile(const QString &name, const QByteArray &text)
{
    QFile file(m_home->filePath(QStringLiteral(".aws/") + name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

Result<ResolvedConfig> TestConfigResolver::resolve(const QStringList &environment,
    const RequestedConfig &request, aws::KeychainProfileStore *keychain)
{
    return ConfigResolver(environmentFrom(environment), m_home->path(), keychain)
        .resolve(testsupport::lookoutEquipmentService(), request);
}

void TestConfigResolver::stsEndpoint_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QByteArray>("profileLines");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("source");
    QTest::newRow("regional by default, as the CLI v2")
        << QStringList { "AWS_REGION=eu-west-1" } << QByteArray()
        << "https://sts.eu-west-1.amazonaws.com"
        << "the default for region eu-west-1";
    QTest::newRow("legacy: the global endpoint in a legacy region")
        << QStringList { "AWS_REGION=eu-west-1", "AWS_STS_REGIONAL_ENDPOINTS=legacy" }
        << QByteArray() << "https://sts.amazonaws.com"
        << "AWS_STS_REGIONAL_ENDPOINTS";
    QTest::newRow("legacy in the profile")
        << QStringList { "AWS_REGION=us-east-1" } << QByteArray("sts_regional_endpoints = legacy\n")
        << "https://sts.amazonaws.com"
        << "profile p in %1 line 2";
    QTest::newRow("legacy: regional in a region that never had the global one")
        << QStringList { "AWS_REGION=ap-east-1", "AWS_STS_REGIONAL_ENDPOINTS=legacy" }
        << QByteArray() << "https://sts.ap-east-1.amazonaws.com"
        << "the default for region ap-east-1";
    QTest::newRow("AWS_ENDPOINT_URL_STS") << QStringList { "AWS_REGION=eu-west-1",
        "AWS_ENDPOINT_URL_STS=http://127.0.0.1:9/", "AWS_ENDPOINT_URL=http://127.0.0.1:8/" }
                                          << QByteArray() << "http://127.0.0.1:9/"
                                          << "AWS_ENDPOINT_URL_STS";
    QTest::newRow("AWS_ENDPOINT_URL")
        << QStringList { "AWS_REGION=eu-west-1", "AWS_ENDPOINT_URL=http://127.0.0.1:8/" }
        << QByteArray() << "http://127.0.0.1:8/"
        << "AWS_ENDPOINT_URL";
    QTest::newRow("the services section's sts entry")
        << QStringList { "AWS_REGION=eu-west-1" } << QByteArray("services = local\n")
        << "http://127.0.0.1:7/"
        << "services local in %1 line 6";
    QTest::newRow("ignored configured endpoints")
        << QStringList { "AWS_REGION=eu-west-1", "AWS_ENDPOINT_URL_STS=http://127.0.0.1:9/",
               "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true" }
        << QByteArray() << "https://sts.eu-west-1.amazonaws.com"
        << "the default for region eu-west-1";
}

void TestConfigResolver::stsEndpoint()
{
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, profileLines);
    QFETCH(QString, endpoint);
    QFETCH(QString, source);
    writeAwsFile(QStringLiteral("config"),
        "[profile p]\n" + profileLines
            + "\n[services local]\nsts =\n  endpoint_url = http://127.0.0.1:7/\n");
    RequestedConfig request;
    request.profile = QStringLiteral("p");
    // --endpoint-url is the command's service's, never STS's.
    request.endpointUrl = QStringLiteral("http://127.0.0.1:6/");
    const Result<ResolvedConfig> resolved = resolve(environment, request);
    QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
    QCOMPARE(resolved.value().stsEndpoint.value, endpoint);
    QCOMPARE(resolved.value().stsEndpoint.source,
        source.contains(u'%') ? source.arg(configPath()) : source);
}

void TestConfigResolver::region_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("optionRegion");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("source");
    const QStringList all { "AWS_REGION=us-east-1", "AWS_DEFAULT_REGION=ap-northeast-2",
        "AWS_PROFILE=prod" };
    QTest::newRow("--region wins") << all << QStringLiteral("eu-central-1")
                                   << QStringLiteral("eu-central-1") << QStringLiteral("--region");
    QTest::newRow("then AWS_REGION")
        << all << QString() << QStringLiteral("us-east-1") << QStringLiteral("AWS_REGION");
    QTest::newRow("then AWS_DEFAULT_REGION")
        << QStringList { "AWS_DEFAULT_REGION=ap-northeast-2", "AWS_PROFILE=prod" } << QString()
        << QStringLiteral("ap-northeast-2") << QStringLiteral("AWS_DEFAULT_REGION");
    QTest::newRow("empty variables do not count")
        << QStringList { "AWS_REGION=", "AWS_DEFAULT_REGION=", "AWS_PROFILE=prod" } << QString()
        << QStringLiteral("eu-west-1") << QStringLiteral("profile prod in %1 line 3");
    QTest::newRow("then the profile's region")
        << QStringList { "AWS_PROFILE=prod" } << QString() << QStringLiteral("eu-west-1")
        << QStringLiteral("profile prod in %1 line 3");
    QTest::newRow("default profile's region")
        << QStringList() << QString() << QStringLiteral("us-east-1")
        << QStringLiteral("profile default in %1 line 6");
}

void TestConfigResolver::region()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, optionRegion);
    QFETCH(QString, region);
    QFETCH(QString, source);
    writeAwsFile(QStringLiteral("config"),
        "# regions\n[profile prod]\nregion = eu-west-1\n\n[default]\nregion = us-east-1\n");
    RequestedConfig request;
    request.region = optionRegion;
    const Result<ResolvedConfig> resolved = resolve(environment, request);
    QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
    QCOMPARE(resolved.value().region.value, region);
    QCOMPARE(
        resolved.value().region.source, source.contains(u'%') ? source.arg(configPath()) : source);
}

void TestConfigResolver::region_missing_isTheCliMessage()
{
    const Result<ResolvedConfig> resolved = resolve({});
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.error().kind, AwsError::Kind::Configuration);
    QCOMPARE(resolved.error().toString(),
        QStringLiteral("You must specify a region. You can also configure your region by running "
                       "\"aws configure\"."));
    QCOMPARE(resolved.error().exitCode(), 253);
}

void TestConfigResolver::region_invalid_namesItsSource()
{
    const Result<ResolvedConfig> resolved = resolve({ "AWS_REGION=eu west 1" });
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.error().message,
        QStringLiteral("Provided region_name 'eu west 1' doesn't match a supported format. (from "
                       "AWS_REGION)"));
}

void TestConfigResolver::endpoint_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("optionEndpoint");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("source"); // %1 is the config file's path

    const QByteArray services
        = "[profile dev]\nregion = eu-west-1\nservices = local\nendpoint_url = "
          "https://profile.example\n"
          "[services local]\nlookoutequipment =\n  endpoint_url = http://127.0.0.1:8443\n";
    const QStringList dev { "AWS_PROFILE=dev" };
    const QStringList envBoth { "AWS_PROFILE=dev",
        "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT=https://service.example",
        "AWS_ENDPOINT_URL=https://global.example" };
    QTest::newRow("--endpoint-url wins")
        << services << envBoth << QStringLiteral("http://localhost:9000")
        << QStringLiteral("http://localhost:9000") << QStringLiteral("--endpoint-url");
    QTest::newRow("then the service variable")
        << services << envBoth << QString() << QStringLiteral("https://service.example")
        << QStringLiteral("AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT");
    QTest::newRow("then the global variable")
        << services << QStringList { "AWS_PROFILE=dev", "AWS_ENDPOINT_URL=https://global.example" }
        << QString() << QStringLiteral("https://global.example")
        << QStringLiteral("AWS_ENDPOINT_URL");
    QTest::newRow("then the services section")
        << services << dev << QString() << QStringLiteral("http://127.0.0.1:8443")
        << QStringLiteral("services local in %1 line 7");
    QTest::newRow("services section without this service: the profile's endpoint_url")
        << QByteArray("[profile dev]\nregion = eu-west-1\nservices = local\nendpoint_url = "
                      "https://profile.example\n"
                      "[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:1\n")
        << dev << QString() << QStringLiteral("https://profile.example")
        << QStringLiteral("profile dev in %1 line 4");
    QTest::newRow("the profile's endpoint_url")
        << QByteArray("[profile dev]\nregion = eu-west-1\nendpoint_url = https://profile.example\n")
        << dev << QString() << QStringLiteral("https://profile.example")
        << QStringLiteral("profile dev in %1 line 3");
    QTest::newRow("else the default for the region")
        << QByteArray("[profile dev]\nregion = ap-northeast-2\n") << dev << QString()
        << QStringLiteral("https://lookoutequipment.ap-northeast-2.amazonaws.com")
        << QStringLiteral("the default for region ap-northeast-2");
    QTest::newRow("ignore switch turns every configured one off")
        << services << (envBoth + QStringList { "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=TRUE" })
        << QString() << QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com")
        << QStringLiteral("the default for region eu-west-1; configured endpoints ignored by "
                          "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    QTest::newRow("ignore switch keeps --endpoint-url")
        << services << (envBoth + QStringList { "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true" })
        << QStringLiteral("http://127.0.0.1:1234") << QStringLiteral("http://127.0.0.1:1234")
        << QStringLiteral("--endpoint-url");
    QTest::newRow("ignore switch false changes nothing")
        << services
        << QStringList { "AWS_PROFILE=dev", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false" }
        << QString() << QStringLiteral("http://127.0.0.1:8443")
        << QStringLiteral("services local in %1 line 7");
    QTest::newRow("ignore switch in the profile")
        << QByteArray("[profile dev]\nregion = eu-west-1\nignore_configured_endpoint_urls = true\n"
                      "endpoint_url = https://profile.example\n")
        << QStringList { "AWS_PROFILE=dev", "AWS_ENDPOINT_URL=https://global.example" } << QString()
        << QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com")
        << QStringLiteral("the default for region eu-west-1; configured endpoints ignored by "
                          "profile dev in %1 line 3");
    QTest::newRow("the environment's false beats the profile's true")
        << QByteArray("[profile dev]\nregion = eu-west-1\nignore_configured_endpoint_urls = true\n"
                      "endpoint_url = https://profile.example\n")
        << QStringList { "AWS_PROFILE=dev", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false" }
        << QString() << QStringLiteral("https://profile.example")
        << QStringLiteral("profile dev in %1 line 4");
}

void TestConfigResolver::endpoint()
{
    QFETCH(QByteArray, config);
    QFETCH(QStringList, environment);
    QFETCH(QString, optionEndpoint);
    QFETCH(QString, endpoint);
    QFETCH(QString, source);
    writeAwsFile(QStringLiteral("config"), config);
    RequestedConfig request;
    request.endpointUrl = optionEndpoint;
    const Result<ResolvedConfig> resolved = resolve(environment, request);
    QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
    QCOMPARE(resolved.value().endpoint, QUrl(endpoint));
    QCOMPARE(resolved.value().endpointSource,
        source.contains(QLatin1String("%1")) ? source.arg(configPath()) : source);
}

void TestConfigResolver::endpoint_ofOtherServices_data()
{
    QTest::addColumn<aws::ServiceDescription>("service");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("source"); // %1 is the config file's path

    const QStringList everyVariable { "AWS_PROFILE=dev",
        "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT=http://127.0.0.1:1",
        "AWS_ENDPOINT_URL_S3=http://127.0.0.1:2", "AWS_ENDPOINT_URL_SSO_OIDC=http://127.0.0.1:3" };
    const QStringList dev { "AWS_PROFILE=dev" };
    const QStringList bare { "AWS_REGION=eu-central-1" };
    QTest::newRow("lookoutequipment: its variable")
        << testsupport::lookoutEquipmentService() << everyVariable
        << QStringLiteral("http://127.0.0.1:1")
        << QStringLiteral("AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT");
    QTest::newRow("s3: its variable")
        << testsupport::s3Service() << everyVariable << QStringLiteral("http://127.0.0.1:2")
        << QStringLiteral("AWS_ENDPOINT_URL_S3");
    QTest::newRow("sso-oidc: its variable")
        << testsupport::ssoOidcService() << everyVariable << QStringLiteral("http://127.0.0.1:3")
        << QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC");
    QTest::newRow("lookoutequipment: its services entry")
        << testsupport::lookoutEquipmentService() << dev << QStringLiteral("http://127.0.0.1:11")
        << QStringLiteral("services local in %1 line 7");
    QTest::newRow("s3: its services entry")
        << testsupport::s3Service() << dev << QStringLiteral("http://127.0.0.1:12")
        << QStringLiteral("services local in %1 line 9");
    QTest::newRow("sso-oidc: no services entry, the profile's endpoint_url")
        << testsupport::ssoOidcService() << dev << QStringLiteral("https://profile.example")
        << QStringLiteral("profile dev in %1 line 4");
    QTest::newRow("s3: the default") << testsupport::s3Service() << bare
                                     << QStringLiteral("https://s3.eu-central-1.amazonaws.com")
                                     << QStringLiteral("the default for region eu-central-1");
    QTest::newRow("sso-oidc: the default")
        << testsupport::ssoOidcService() << bare
        << QStringLiteral("https://oidc.eu-central-1.amazonaws.com")
        << QStringLiteral("the default for region eu-central-1");
}

// The resolver knows no service of its own: the caller's description picks the variable, the
// services entry and the default, so one resolver serves every client of a session.
void TestConfigResolver::endpoint_ofOtherServices()
{
    QFETCH(aws::ServiceDescription, service);
    QFETCH(QStringList, environment);
    QFETCH(QString, endpoint);
    QFETCH(QString, source);
    writeAwsFile(QStringLiteral("config"),
        "[profile dev]\nregion = eu-west-1\nservices = local\nendpoint_url = "
        "https://profile.example\n"
        "[services local]\nlookoutequipment =\n  endpoint_url = http://127.0.0.1:11\n"
        "s3 =\n  endpoint_url = http://127.0.0.1:12\n");
    const ConfigResolver resolver(environmentFrom(environment), m_home->path());
    const Result<ResolvedConfig> resolved = resolver.resolve(service, {});
    QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
    QCOMPARE(resolved.value().endpoint, QUrl(endpoint));
    QCOMPARE(resolved.value().endpointSource,
        source.contains(QLatin1String("%1")) ? source.arg(configPath()) : source);
    QCOMPARE(resolved.value().service, service);
    QCOMPARE(resolved.value().clientSettings().signingName, service.signingName);
    QCOMPARE(resolved.value().clientSettings().targetPrefix, service.targetPrefix);
}

void TestConfigResolver::endpoint_missingServicesSection_isAnError()
{
    writeAwsFile(
        QStringLiteral("config"), "[profile dev]\nregion = eu-west-1\nservices = nowhere\n");
    const Result<ResolvedConfig> resolved = resolve({ "AWS_PROFILE=dev" });
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.error().kind, AwsError::Kind::Configuration);
    QCOMPARE(resolved.error().message,
        QStringLiteral(
            "The profile is configured to use the services section but the \"nowhere\" services "
            "configuration does not exist. (profile dev in %1 line 3)")
            .arg(configPath()));
    // With configured endpoints ignored, the section is never looked up (as in botocore).
    QVERIFY(resolve({ "AWS_PROFILE=dev", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true" }).ok());
}

// The profile's `s3 =` sub-section chooses S3's addressing style, as botocore reads it; a value
// that is not a style is an error that names where it was written.
void TestConfigResolver::s3AddressingStyle_fromTheProfilesS3Section()
{
    writeAwsFile(QStringLiteral("config"),
        "[profile dev]\nregion = eu-west-1\ns3 =\n  addressing_style = path\n"
        "[profile odd]\nregion = eu-west-1\ns3 =\n  addressing_style = sideways\n"
        "[profile plain]\nregion = eu-west-1\n");
    const auto s3Settings = [&](const QString &profile) {
        const Result<ResolvedConfig> resolved
            = ConfigResolver(environmentFrom({ "AWS_PROFILE=" + profile }), m_home->path())
                  .resolve(aws::s3ServiceDescription(), {});
        if (!resolved.ok())
            return Result<aws::S3ClientSettings>(resolved.error());
        return aws::s3ClientSettings(resolved.value());
    };
    const Result<aws::S3ClientSettings> path = s3Settings(QStringLiteral("dev"));
    QVERIFY(path.ok());
    QCOMPARE(path.value().addressing, aws::s3::AddressingStyle::Path);
    const Result<aws::S3ClientSettings> plain = s3Settings(QStringLiteral("plain"));
    QVERIFY(plain.ok());
    QCOMPARE(plain.value().addressing, aws::s3::AddressingStyle::Auto);
    const Result<aws::S3ClientSettings> odd = s3Settings(QStringLiteral("odd"));
    QVERIFY(!odd.ok());
    QCOMPARE(odd.error().kind, AwsError::Kind::Configuration);
    QCOMPARE(odd.error().message,
        QStringLiteral("addressing_style must be auto, virtual or path, not 'sideways' (from "
                       "s3.addressing_style in %1 line 8)")
            .arg(configPath()));
}

void TestConfigResolver::endpoint_validation_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::addColumn<QString>("shown"); // the URL as the message shows it; empty: as given
    QTest::newRow("https") << QStringLiteral("https://lookout.example.com") << QString()
                           << QString();
    QTest::newRow("https with port and path")
        << QStringLiteral("https://h.example:8443/base") << QString() << QString();
    QTest::newRow("http to 127.0.0.1")
        << QStringLiteral("http://127.0.0.1:8443") << QString() << QString();
    QTest::newRow("http to 127.8.9.10")
        << QStringLiteral("http://127.8.9.10") << QString() << QString();
    QTest::newRow("http to [::1]") << QStringLiteral("http://[::1]:8443") << QString() << QString();
    QTest::newRow("http to localhost")
        << QStringLiteral("http://LOCALHOST:1") << QString() << QString();
    QTest::newRow("http elsewhere")
        << QStringLiteral("http://lookout.example.com")
        << QStringLiteral("plain http is allowed only to loopback addresses") << QString();
    QTest::newRow("http to a LAN address")
        << QStringLiteral("http://192.168.1.10:8443")
        << QStringLiteral("plain http is allowed only to loopback addresses") << QString();
    QTest::newRow("other scheme") << QStringLiteral("ftp://h")
                                  << QStringLiteral("must start with https://") << QString();
    QTest::newRow("no scheme") << QStringLiteral("lookout.example.com")
                               << QStringLiteral("must start with https://") << QString();
    QTest::newRow("no host") << QStringLiteral("https://") << QStringLiteral("no host")
                             << QString();
    QTest::newRow("user info") << QStringLiteral("https://user:pw@h.example")
                               << QStringLiteral("must not contain a user name or password")
                               << QStringLiteral("https://h.example");
    QTest::newRow("user info, invalid URL")
        << QStringLiteral("https://user:pw@h ex ample") << QStringLiteral("not a valid URL")
        << QStringLiteral("https://h ex ample");
    QTest::newRow("user info, no scheme")
        << QStringLiteral("user:pw@h.example/base") << QStringLiteral("must start with https://")
        << QStringLiteral("h.example/base");
    QTest::newRow("user info with an @ in the password")
        << QStringLiteral("http://me:p@w@127.0.0.1:1") << QStringLiteral("not a valid URL")
        << QStringLiteral("http://127.0.0.1:1");
    QTest::newRow("query") << QStringLiteral("https://h.example/?a=b")
                           << QStringLiteral("query or a fragment") << QString();
    QTest::newRow("garbage") << QStringLiteral("https://h ex ample")
                             << QStringLiteral("not a valid URL") << QString();
}

void TestConfigResolver::endpoint_validation()
{
    QFETCH(QString, url);
    QFETCH(QString, problem);
    QFETCH(QString, shown);
    const Result<QUrl> parsed = aws::parseEndpointUrl(url, QStringLiteral("AWS_ENDPOINT_URL"));
    if (problem.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        return;
    }
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, AwsError::Kind::Configuration);
    const QString message = parsed.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("Invalid endpoint: \"%1\" (from AWS_ENDPOINT_URL): ")
                                    .arg(shown.isEmpty() ? url : shown)),
        qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    // A password in the URL is never repeated, whatever else is wrong with it.
    QVERIFY2(!message.contains(QLatin1String("pw")), qPrintable(message));
    QVERIFY2(!parsed.error().toString().contains(QLatin1String("pw")), qPrintable(message));
}

void TestConfigResolver::retrySettings_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expected"); // "attempts/source|mode/source"
    QTest::newRow("defaults") << QStringList { "AWS_REGION=eu-west-1" }
                              << QStringLiteral("3/default|standard/default");
    QTest::newRow("from the profile")
        << QStringList { "AWS_PROFILE=retry" }
        << QStringLiteral("7/profile retry in %1 line 3|adaptive/profile retry in %1 line 4");
    QTest::newRow("environment beats profile")
        << QStringList { "AWS_PROFILE=retry", "AWS_MAX_ATTEMPTS=2", "AWS_RETRY_MODE=legacy" }
        << QStringLiteral("2/AWS_MAX_ATTEMPTS|legacy/AWS_RETRY_MODE");
}

void TestConfigResolver::retrySettings()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, expected);
    writeAwsFile(QStringLiteral("config"),
        "[profile retry]\nregion = eu-west-1\nmax_attempts = 7\nretry_mode = adaptive\n");
    const Result<ResolvedConfig> resolved = resolve(environment);
    QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
    const ResolvedConfig &value = resolved.value();
    QCOMPARE(QStringLiteral("%1/%2|%3/%4")
                 .arg(value.maxAttempts.value, value.maxAttempts.source, value.retryMode.value,
                     value.retryMode.source),
        expected.contains(QLatin1String("%1")) ? expected.arg(configPath()) : expected);
}

void TestConfigResolver::retrySettings_invalid_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a number")
        << QStringList { "AWS_REGION=x", "AWS_MAX_ATTEMPTS=three" }
        << QStringLiteral("max_attempts must be a whole number of at least 1, not 'three' "
                          "(from AWS_MAX_ATTEMPTS)");
    QTest::newRow("zero") << QStringList { "AWS_REGION=x", "AWS_MAX_ATTEMPTS=0" }
                          << QStringLiteral(
                                 "max_attempts must be a whole number of at least 1, not '0' (from "
                                 "AWS_MAX_ATTEMPTS)");
    QTest::newRow("unknown mode")
        << QStringList { "AWS_REGION=x", "AWS_RETRY_MODE=fast" }
        << QStringLiteral("Invalid value 'fast' provided to retry_mode (from AWS_RETRY_MODE). "
                          "Valid values are: legacy, standard, adaptive");
}

void TestConfigResolver::retrySettings_invalid()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, message);
    const Result<ResolvedConfig> resolved = resolve(environment);
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.error().kind, AwsError::Kind::Configuration);
    QCOMPARE(resolved.error().message, message);
}

void TestConfigResolver::profile_unknown_isTheCliMessage()
{
    RequestedConfig request;
    request.profile = QStringLiteral("nope");
    const Result<ResolvedConfig> resolved = resolve({ "AWS_REGION=eu-west-1" }, request);
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.error().toString(),
        QStringLiteral("The config profile (nope) could not be found"));
    QCOMPARE(resolved.error().exitCode(), 253);
}

void TestConfigResolver::errors_nameTheSettingAtFault_data()
{
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<AwsError::Setting>("setting");
    using Setting = AwsError::Setting;
    QTest::newRow("unknown profile") << QStringList { "AWS_PROFILE=nope" } << Setting::Profile;
    QTest::newRow("missing services section")
        << QStringList { "AWS_PROFILE=services" } << Setting::Profile;
    QTest::newRow("no region") << QStringList {} << Setting::Region;
    QTest::newRow("invalid region") << QStringList { "AWS_REGION=eu west" } << Setting::Region;
    QTest::newRow("invalid region from the profile")
        << QStringList { "AWS_PROFILE=badregion" } << Setting::Region;
    QTest::newRow("invalid endpoint")
        << QStringList { "AWS_REGION=eu-west-1", "AWS_ENDPOINT_URL=http://example.com" }
        << Setting::Endpoint;
    QTest::newRow("invalid endpoint from the profile")
        << QStringList { "AWS_PROFILE=badendpoint" } << Setting::Endpoint;
    QTest::newRow("max attempts") << QStringList { "AWS_REGION=eu-west-1", "AWS_MAX_ATTEMPTS=0" }
                                  << Setting::Retries;
    QTest::newRow("retry mode") << QStringList { "AWS_REGION=eu-west-1", "AWS_RETRY_MODE=fast" }
                                << Setting::Retries;
}

// Which setting is wrong travels with the error, so that the window can point at what fixes it
// without reading the message.
void TestConfigResolver::errors_nameTheSettingAtFault()
{
    QFETCH(QStringList, environment);
    QFETCH(AwsError::Setting, setting);
    writeAwsFile(QStringLiteral("config"),
        "[profile services]\nregion = eu-west-1\nservices = nowhere\n"
        "[profile badregion]\nregion = eu_west_1!\n"
        "[profile badendpoint]\nregion = eu-west-1\nendpoint_url = ftp://example.com\n");
    const Result<ResolvedConfig> resolved = resolve(environment);
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.error().kind, AwsError::Kind::Configuration);
    QCOMPARE(resolved.error().setting, setting);
}

void TestConfigResolver::profile_sourceIsShown()
{
    writeAwsFile(QStringLiteral("config"),
        "[profile a]\nregion = eu-west-1\n[profile b]\nregion = eu-west-1\n");
    RequestedConfig picked;
    picked.profile = QStringLiteral("b");
    picked.profileOrigin = QStringLiteral("the profile picker");
    const Result<ResolvedConfig> fromPicker = resolve({ "AWS_PROFILE=a" }, picked);
    QCOMPARE(fromPicker.value().profile.value, QStringLiteral("b"));
    QCOMPARE(fromPicker.value().profile.source, QStringLiteral("the profile picker"));
    const Result<ResolvedConfig> fromEnvironment = resolve({ "AWS_PROFILE=a" });
    QCOMPARE(fromEnvironment.value().profile.value, QStringLiteral("a"));
    QCOMPARE(fromEnvironment.value().profile.source, QStringLiteral("AWS_PROFILE"));
    QVERIFY(!fromEnvironment.value().keychainProfile);
}

void TestConfigResolver::keychainProfile_givesRegionAndEndpoint()
{
    QSettings settings(m_home->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    settings.setValue(
        QStringLiteral("KeychainProfiles/desk/region"), QStringLiteral("ap-northeast-2"));
    settings.setValue(QStringLiteral("KeychainProfiles/desk/endpoint_url"),
        QStringLiteral("http://127.0.0.1:8443"));
    aws::KeychainProfileStore store(&settings);
    RequestedConfig request;
    request.profile = QStringLiteral("desk");
    const Result<ResolvedConfig> resolved = resolve({}, request, &store);
    QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
    QVERIFY(resolved.value().keychainProfile);
    QCOMPARE(resolved.value().region.value, QStringLiteral("ap-northeast-2"));
    QCOMPARE(resolved.value().region.source, QStringLiteral("keychain profile desk"));
    QCOMPARE(resolved.value().endpoint, QUrl(QStringLiteral("http://127.0.0.1:8443")));
    QCOMPARE(resolved.value().endpointSource, QStringLiteral("keychain profile desk"));
    QCOMPARE(resolved.value().credentials->description(), QStringLiteral("keychain profile desk"));
    // The environment still wins for region and endpoint, as for any profile.
    const Result<ResolvedConfig> overridden = resolve(
        { "AWS_REGION=eu-west-1", "AWS_ENDPOINT_URL=https://e.example" }, request, &store);
    QCOMPARE(overridden.value().region.source, QStringLiteral("AWS_REGION"));
    QCOMPARE(overridden.value().endpointSource, QStringLiteral("AWS_ENDPOINT_URL"));
}

void TestConfigResolver::clientSettings_carryTheResolvedValues()
{
    const Result<ResolvedConfig> resolved = resolve(
        { "AWS_REGION=eu-west-1", "AWS_MAX_ATTEMPTS=5", "AWS_ENDPOINT_URL=http://127.0.0.1:8443" });
    const aws::AwsJsonClientSettings settings = resolved.value().clientSettings();
    QCOMPARE(settings.region, QStringLiteral("eu-west-1"));
    QCOMPARE(settings.endpoint, QUrl(QStringLiteral("http://127.0.0.1:8443")));
    QCOMPARE(settings.maxAttempts, 5);
    QCOMPARE(settings.signingName, QByteArray("lookoutequipment"));
}

void TestConfigResolver::describe_showsEverySourceAndNoSecret()
{
    const QString secret = QStringLiteral("wJalrXUtnFEMI-unique-secret-7f3a");
    const Result<ResolvedConfig> resolved = resolve({ "AWS_REGION=eu-west-1",
        "AWS_ACCESS_KEY_ID=AKIDEXAMPLE", QStringLiteral("AWS_SECRET_ACCESS_KEY=") + secret,
        "AWS_SESSION_TOKEN=token-unique-9c1d" });
    const QStringList lines = resolved.value().describe();
    QCOMPARE(lines,
        QStringList({ "profile: default (from default)", "region: eu-west-1 (from AWS_REGION)",
            "endpoint: https://lookoutequipment.eu-west-1.amazonaws.com (from the default for "
            "region eu-west-1)",
            "credentials: environment variables (AWS_ACCESS_KEY_ID)",
            "max attempts: 3 (from default)", "retry mode: standard (from default)" }));
    const QString all = lines.join(u'\n');
    QVERIFY(!all.contains(secret));
    QVERIFY(!all.contains(QLatin1String("token-unique-9c1d")));
}

void TestConfigResolver::profiles_listSharedAndKeychainProfiles()
{
    writeAwsFile(QStringLiteral("config"), "[default]\nregion = x\n[profile prod]\nregion = y\n");
    writeAwsFile(QStringLiteral("credentials"),
        "[prod]\naws_access_key_id = A\naws_secret_access_key = s\n");
    QSettings settings(m_home->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("KeychainProfiles/desk/region"), QStringLiteral("eu-west-1"));
    settings.setValue(QStringLiteral("KeychainProfiles/prod/region"), QStringLiteral("eu-west-1"));
    aws::KeychainProfileStore store(&settings);
    const ConfigResolver resolver(QProcessEnvironment(), m_home->path(), &store);
    const QString credentialsPath = m_home->filePath(QStringLiteral(".aws/credentials"));
    const QList<ProfileListEntry> expected {
        { QStringLiteral("default"), ProfileListEntry::Origin::SharedFiles,
            QStringLiteral("profile default in %1 line 1").arg(configPath()), false },
        { QStringLiteral("desk"), ProfileListEntry::Origin::Keychain,
            QStringLiteral("keychain profile desk"), false },
        { QStringLiteral("prod"), ProfileListEntry::Origin::SharedFiles,
            QStringLiteral("profile prod in %1 line 3 and %2 line 1")
                .arg(configPath(), credentialsPath),
            false },
        { QStringLiteral("prod"), ProfileListEntry::Origin::Keychain,
            QStringLiteral("keychain profile prod"), true },
    };
    QCOMPARE(resolver.profiles(), expected);
    const ConfigResolver withoutKeychain(QProcessEnvironment(), m_home->path());
    QCOMPARE(withoutKeychain.profiles().size(), 2);
}

void TestConfigResolver::brokenConfigFile_reportsProblems_andTheRestStillWorks()
{
    writeAwsFile(QStringLiteral("config"),
        "[profile prod\nregion = y\nthis is not ini\n[default]\nregion = eu-west-1\n");
    writeAwsFile(QStringLiteral("credentials"),
        "[default]\naws_access_key_id = A\naws_secret_access_key = s\n");
    const ConfigResolver resolver(QProcessEnvironment(), m_home->path());
    QCOMPARE(resolver.problems().size(), 1);
    QCOMPARE(resolver.problems().first().file, configPath());
    QCOMPARE(resolver.problems().first().line, 1);
    const Result<ResolvedConfig> resolved
        = resolver.resolve(testsupport::lookoutEquipmentService(), {});
    QVERIFY(resolved.ok());
    QCOMPARE(resolved.value().region.value, QStringLiteral("eu-west-1"));
    std::optional<Result<aws::AwsCredentials>> credentials;
    resolved.value().credentials->fetch(
        nullptr, [&](const Result<aws::AwsCredentials> &r) { credentials = r; });
    QVERIFY(credentials && credentials->ok());
    QCOMPARE(credentials->value().accessKeyId, QStringLiteral("A"));
}

void TestConfigResolver::reload_picksUpEditedFiles()
{
    writeAwsFile(QStringLiteral("config"), "[default]\nregion = eu-west-1\n");
    ConfigResolver resolver(QProcessEnvironment(), m_home->path());
    QCOMPARE(resolver.resolve(testsupport::lookoutEquipmentService(), {}).value().region.value,
        QStringLiteral("eu-west-1"));
    writeAwsFile(QStringLiteral("config"), "[default]\nregion = us-east-1\n");
    QCOMPARE(resolver.resolve(testsupport::lookoutEquipmentService(), {}).value().region.value,
        QStringLiteral("eu-west-1"));
    resolver.reload();
    QCOMPARE(resolver.resolve(testsupport::lookoutEquipmentService(), {}).value().region.value,
        QStringLiteral("us-east-1"));
}

QTEST_GUILESS_MAIN(TestConfigResolver)
#include "tst_configresolver.moc"
