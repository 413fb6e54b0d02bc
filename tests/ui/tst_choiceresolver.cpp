// ChoiceResolver: the entry the window opens with (--profile, "Environment" with
// AWS_ACCESS_KEY_ID, the saved one if it still exists, the default profile), resolving each entry
// with the CLI's rules and an explicit region and its origin, the Demo entry's connection, and
// how entries are kept in the settings.
#include "emulator/emulator.h"
#include "ui/choiceresolver.h"
#include "ui/demoendpoint.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using ui::ChoiceResolver;
using ui::ProfileChoice;

namespace {

struct Fixture {
    QTemporaryDir home;
    std::unique_ptr<aws::ConfigResolver> resolver;
    std::unique_ptr<ui::DemoEndpoint> demo;

    explicit Fixture(QProcessEnvironment environment = {})
    {
        QDir(home.path()).mkpath(QStringLiteral(".aws"));
        QFile config(home.filePath(QStringLiteral(".aws/config")));
        config.open(QIODevice::WriteOnly);
        config.write("[default]\nregion = eu-west-1\n\n[profile prod]\nregion = ap-northeast-2\n\n"
                     "[profile local]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:1\n");
        config.close();
        resolver = std::make_unique<aws::ConfigResolver>(environment, home.path());
        emulator::EmulatorOptions options;
        options.fleetSize = 3;
        demo = std::make_unique<ui::DemoEndpoint>(options);
    }
    ChoiceResolver source(aws::RequestedConfig commandLine = {}) const
    {
        return ChoiceResolver(resolver.get(), demo.get(), std::move(commandLine));
    }
};

QProcessEnvironment withAccessKey()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAENVIRONMENT00001"));
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("secret"));
    return environment;
}

} // namespace

class TestChoiceResolver : public QObject {
    Q_OBJECT
private slots:
    void settingsValue_roundTrips();
    void initialChoice_commandLineProfileWins();
    void initialChoice_environmentWithAccessKey();
    void initialChoice_savedWhenItStillExists();
    void initialChoice_defaultProfileFromEnvironment();
    void resolve_profileWithExplicitRegionAndOrigin();
    void resolve_environmentEntry_usesEnvironmentKeys();
    void resolve_endpointFromCommandLineForEveryEntryButDemo();
    void resolveResults_s3OfTheSameChoice();
    void resolve_unknownProfile_isTheCliError();
    void resolve_demo_startsTheEmulatorOnce();
    void profiles_listsSharedProfiles();
};

void TestChoiceResolver::settingsValue_roundTrips()
{
    for (const ProfileChoice &choice : { ProfileChoice::environment(), ProfileChoice::demo(),
             ProfileChoice::profile(QStringLiteral("plant:north")) }) {
        QCOMPARE(ProfileChoice::fromSettingsValue(choice.toSettingsValue()),
            std::optional<ProfileChoice>(choice));
    }
    QCOMPARE(ProfileChoice::fromSettingsValue(QStringLiteral("profile:")), std::nullopt);
    QCOMPARE(ProfileChoice::fromSettingsValue(QStringLiteral("something")), std::nullopt);
}

void TestChoiceResolver::initialChoice_commandLineProfileWins()
{
    Fixture f(withAccessKey());
    aws::RequestedConfig request;
    request.profile = QStringLiteral("prod");
    QCOMPARE(f.source(request).initialChoice(ProfileChoice::demo()),
        ProfileChoice::profile(QStringLiteral("prod")));
}

void TestChoiceResolver::initialChoice_environmentWithAccessKey()
{
    Fixture f(withAccessKey());
    const ChoiceResolver source = f.source();
    QVERIFY(source.environmentHasCredentials());
    QCOMPARE(source.initialChoice(ProfileChoice::profile(QStringLiteral("prod"))),
        ProfileChoice::environment());
}

void TestChoiceResolver::initialChoice_savedWhenItStillExists()
{
    Fixture f;
    const ChoiceResolver source = f.source();
    QVERIFY(!source.environmentHasCredentials());
    QCOMPARE(source.initialChoice(ProfileChoice::profile(QStringLiteral("prod"))),
        ProfileChoice::profile(QStringLiteral("prod")));
    QCOMPARE(source.initialChoice(ProfileChoice::demo()), ProfileChoice::demo());
    // Gone since: the default profile instead.
    QCOMPARE(source.initialChoice(ProfileChoice::profile(QStringLiteral("gone"))),
        ProfileChoice::profile(QStringLiteral("default")));
    QCOMPARE(source.initialChoice(std::nullopt), ProfileChoice::profile(QStringLiteral("default")));
}

void TestChoiceResolver::initialChoice_defaultProfileFromEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("prod"));
    Fixture f(environment);
    QCOMPARE(f.source().defaultProfileName(), QStringLiteral("prod"));
    QCOMPARE(
        f.source().initialChoice(std::nullopt), ProfileChoice::profile(QStringLiteral("prod")));
}

void TestChoiceResolver::resolve_profileWithExplicitRegionAndOrigin()
{
    Fixture f;
    const ChoiceResolver source = f.source();
    auto resolved
        = source.resolve(ProfileChoice::profile(QStringLiteral("prod")), QString(), QString());
    QVERIFY(resolved.ok());
    QCOMPARE(resolved.value().label, QStringLiteral("prod"));
    QCOMPARE(resolved.value().config.region.value, QStringLiteral("ap-northeast-2"));
    QCOMPARE(resolved.value().config.profile.source, QStringLiteral("the profile picker"));
    resolved = source.resolve(ProfileChoice::profile(QStringLiteral("prod")),
        QStringLiteral("eu-west-1"), QStringLiteral("the region picker"));
    QVERIFY(resolved.ok());
    QCOMPARE(resolved.value().config.region.value, QStringLiteral("eu-west-1"));
    QCOMPARE(resolved.value().config.region.source, QStringLiteral("the region picker"));
    QCOMPARE(resolved.value().config.endpoint,
        QUrl(QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com")));
}

void TestChoiceResolver::resolve_environmentEntry_usesEnvironmentKeys()
{
    Fixture f(withAccessKey());
    const auto resolved = f.source().resolve(ProfileChoice::environment(), QString(), QString());
    QVERIFY(resolved.ok());
    QCOMPARE(resolved.value().label, QStringLiteral("Environment"));
    // No profile named: the default profile's region, the environment's keys.
    QCOMPARE(resolved.value().config.region.value, QStringLiteral("eu-west-1"));
    QVERIFY(resolved.value().config.credentials->description().contains(
        QStringLiteral("AWS_ACCESS_KEY_ID")));
}

void TestChoiceResolver::resolve_endpointFromCommandLineForEveryEntryButDemo()
{
    Fixture f;
    aws::RequestedConfig request;
    request.endpointUrl = QStringLiteral("http://localhost:4566");
    const ChoiceResolver source = f.source(request);
    const auto prod
        = source.resolve(ProfileChoice::profile(QStringLiteral("prod")), QString(), QString());
    QVERIFY(prod.ok());
    QCOMPARE(prod.value().config.endpoint, QUrl(QStringLiteral("http://localhost:4566")));
    QCOMPARE(prod.value().config.endpointSource, QStringLiteral("--endpoint-url"));
    const auto demo = source.resolve(ProfileChoice::demo(), QString(), QString());
    QVERIFY(demo.ok());
    QCOMPARE(demo.value().config.endpoint, f.demo->emulator()->endpoint());
}

// The Results tab's S3: the profile and region of the choice, not --endpoint-url (Lookout for
// Equipment's); the demo's own endpoint, which serves S3 too.
void TestChoiceResolver::resolveResults_s3OfTheSameChoice()
{
    Fixture f;
    aws::RequestedConfig request;
    request.endpointUrl = QStringLiteral("http://localhost:4566");
    const ChoiceResolver source = f.source(request);
    const auto prod = source.resolveResults(
        ProfileChoice::profile(QStringLiteral("prod")), QString(), QString());
    QVERIFY(prod.ok());
    QCOMPARE(prod.value().service.endpointVariableSuffix, QStringLiteral("S3"));
    QCOMPARE(prod.value().region.value, QStringLiteral("ap-northeast-2"));
    QCOMPARE(
        prod.value().endpoint, QUrl(QStringLiteral("https://s3.ap-northeast-2.amazonaws.com")));
    const auto local = source.resolveResults(
        ProfileChoice::profile(QStringLiteral("local")), QString(), QString());
    QVERIFY(local.ok());
    QCOMPARE(local.value().endpoint, QUrl(QStringLiteral("http://127.0.0.1:1")));
    const auto demo = source.resolveResults(ProfileChoice::demo(), QString(), QString());
    QVERIFY(demo.ok());
    QCOMPARE(demo.value().endpoint, f.demo->emulator()->endpoint());
    QCOMPARE(demo.value().service.endpointVariableSuffix, QStringLiteral("S3"));
    QCOMPARE(demo.value().s3AddressingStyle.value, QStringLiteral("auto"));
}

void TestChoiceResolver::resolve_unknownProfile_isTheCliError()
{
    Fixture f;
    const auto resolved
        = f.source().resolve(ProfileChoice::profile(QStringLiteral("nope")), QString(), QString());
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.error().kind, aws::AwsError::Kind::Configuration);
    QCOMPARE(resolved.error().toString(),
        QStringLiteral("The config profile (nope) could not be found"));
}

void TestChoiceResolver::resolve_demo_startsTheEmulatorOnce()
{
    Fixture f;
    QVERIFY(!f.demo->emulator());
    const ChoiceResolver source = f.source();
    const auto first = source.resolve(ProfileChoice::demo(), QString(), QString());
    QVERIFY(first.ok());
    emulator::Emulator *started = f.demo->emulator();
    QVERIFY(started && started->isRunning());
    QCOMPARE(first.value().label, QStringLiteral("Demo"));
    QCOMPARE(first.value().config.profile.value, QString());
    QCOMPARE(first.value().config.region.value, QStringLiteral("us-east-1"));
    QCOMPARE(first.value().config.clientSettings().maxAttempts, 3);
    const auto second
        = source.resolve(ProfileChoice::demo(), QStringLiteral("eu-west-1"), QStringLiteral("x"));
    QVERIFY(second.ok());
    QCOMPARE(f.demo->emulator(), started);
    QCOMPARE(second.value().config.endpoint, first.value().config.endpoint);
    // Without a demo endpoint the entry explains itself.
    const ChoiceResolver none(f.resolver.get(), nullptr, {});
    QVERIFY(!none.resolve(ProfileChoice::demo(), QString(), QString()).ok());
}

void TestChoiceResolver::profiles_listsSharedProfiles()
{
    Fixture f;
    QStringList names;
    for (const aws::ProfileListEntry &entry : f.source().profiles())
        names.append(entry.name);
    QCOMPARE(names,
        (QStringList {
            QStringLiteral("default"), QStringLiteral("local"), QStringLiteral("prod") }));
}

QTEST_GUILESS_MAIN(TestChoiceResolver)
#include "tst_choiceresolver.moc"
