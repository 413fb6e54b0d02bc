#include "options/guioptions.h"

#include "aws/configresolver.h"
#include "emulator/fleetgenerator.h"
#include "lookout/parametervalidation.h"
#include "options/optionvalues.h"

#include <QCoreApplication>

namespace options {

namespace {

using namespace Qt::StringLiterals;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(options::GuiOptions)
};

constexpr QLatin1StringView kProfile("--profile");
constexpr QLatin1StringView kRegion("--region");
constexpr QLatin1StringView kEndpointUrl("--endpoint-url");
constexpr QLatin1StringView kScheduler("--scheduler");
constexpr QLatin1StringView kShow("--show");
constexpr QLatin1StringView kRefreshInterval("--refresh-interval");
constexpr QLatin1StringView kDemo("--demo");
constexpr QLatin1StringView kFleet("--fleet");
constexpr QLatin1StringView kSeed("--seed");
constexpr QLatin1StringView kChurn("--churn");
constexpr QLatin1StringView kFrom("--from");
constexpr QLatin1StringView kResults("--results");
constexpr QLatin1StringView kWall("--wall");
constexpr QLatin1StringView kConnection("--connection");
constexpr QLatin1StringView kTheme("--theme");

// Python's (and JSON's) largest exactly representable integer, as `emulator --seed` takes it.
constexpr qint64 kMaxSeed = 9'007'199'254'740'991;

} // namespace

const QList<OptionSpec> &guiOptionSpecs()
{
    static const QList<OptionSpec> specs = [] {
        QList<OptionSpec> all { { kProfile, true }, { kRegion, true }, { kEndpointUrl, true },
            { kScheduler, true }, { kShow, true }, { kRefreshInterval, true }, { kDemo, false },
            { kFleet, true }, { kSeed, true }, { kChurn, false }, { kFrom, true },
            { kResults, true }, { kWall, false }, { kConnection, true }, { kTheme, true } };
        // QGuiApplication and QApplication take these out of argv themselves, with one dash or two.
        static const QList<QLatin1StringView> qtValued { "-platform"_L1, "--platform"_L1,
            "-platformpluginpath"_L1, "--platformpluginpath"_L1, "-platformtheme"_L1,
            "--platformtheme"_L1, "-plugin"_L1, "--plugin"_L1, "-qwindowgeometry"_L1,
            "--qwindowgeometry"_L1, "-qwindowicon"_L1, "--qwindowicon"_L1, "-qwindowtitle"_L1,
            "--qwindowtitle"_L1, "-session"_L1, "--session"_L1, "-display"_L1, "--display"_L1,
            "-geometry"_L1, "--geometry"_L1, "-style"_L1, "--style"_L1, "-stylesheet"_L1,
            "--stylesheet"_L1, "-qmljsdebugger"_L1, "--qmljsdebugger"_L1 };
        static const QList<QLatin1StringView> qtFlags { "-reverse"_L1, "--reverse"_L1,
            "-widgetcount"_L1, "--widgetcount"_L1 };
        for (const QLatin1StringView name : qtValued)
            all.append({ .name = name, .takesValue = true, .ignored = true });
        for (const QLatin1StringView name : qtFlags)
            all.append({ .name = name, .takesValue = false, .ignored = true });
        return all;
    }();
    return specs;
}

QString ConnectionSpec::toText() const
{
    return region.isEmpty() ? profile : profile + QLatin1Char('@') + region;
}

Result<ConnectionSpec> parseConnectionSpec(const QString &text)
{
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    ConnectionSpec spec;
    spec.profile = (at < 0 ? text : text.left(at)).trimmed();
    spec.region = at < 0 ? QString() : text.mid(at + 1).trimmed();
    if (spec.profile.isEmpty() || (at >= 0 && spec.region.isEmpty()))
        return CommandLineError { Text::tr(
            "argument %1: expected PROFILE or PROFILE@REGION, not '%2'")
                                      .arg(kConnection, text) };
    if (!spec.region.isEmpty()) {
        if (const std::optional<QString> problem = aws::regionProblem(spec.region))
            return CommandLineError { Text::tr("argument %1: %2").arg(kConnection, *problem) };
    }
    return spec;
}

Result<GuiOptions> parseGuiOptions(const QStringList &arguments)
{
    const ScannedArguments scanned = scanArguments(arguments.mid(1), guiOptionSpecs());
    if (scanned.error)
        return *scanned.error;
    const QStringList unknown = scanned.unknownOptions + scanned.positionals;
    if (!unknown.isEmpty())
        return CommandLineError {
            Text::tr("Unknown options: %1").arg(unknown.join(QLatin1String(", ")))
        };

    GuiOptions options;
    options.requestedConfig.profile = scanned.value(kProfile).value_or(QString());
    options.requestedConfig.region = scanned.value(kRegion).value_or(QString());
    options.requestedConfig.endpointUrl = scanned.value(kEndpointUrl).value_or(QString());
    for (const QLatin1StringView option :
        { kProfile, kRegion, kEndpointUrl, kScheduler, kFrom, kResults, kConnection }) {
        if (scanned.has(option) && scanned.value(option)->trimmed().isEmpty())
            return CommandLineError {
                Text::tr("argument %1: expected a non-empty value").arg(option)
            };
    }

    // Every window takes a theme, the results window too.
    if (const auto theme = scanned.value(kTheme)) {
        QStringList names;
        std::optional<Theme> chosen;
        for (const ThemeName &entry : kThemeNames) {
            names.append(entry.name);
            if (*theme == entry.name)
                chosen = entry.theme;
        }
        if (!chosen)
            return CommandLineError { Text::tr("argument %1: expected one of %2, not '%3'")
                                          .arg(kTheme, names.join(QLatin1String(", ")), *theme) };
        options.theme = *chosen;
    }

    if (const auto location = scanned.value(kResults)) {
        // A folder needs no connection; an s3:// location is read with --profile, --region and
        // --endpoint-url (S3's endpoint), as `results s3://…` reads it.
        const bool fromS3 = location->startsWith(QLatin1String("s3://"), Qt::CaseInsensitive);
        for (const QLatin1StringView option : { kProfile, kRegion, kEndpointUrl, kScheduler, kShow,
                 kRefreshInterval, kDemo, kFleet, kSeed, kChurn, kFrom, kWall, kConnection }) {
            const bool connection
                = option == kProfile || option == kRegion || option == kEndpointUrl;
            if (scanned.has(option) && !(fromS3 && connection))
                return CommandLineError { fromS3
                        ? Text::tr("argument %1: not with --results, which opens results in S3")
                              .arg(option)
                        : Text::tr(
                            "argument %1: not with --results, which opens a folder of results")
                              .arg(option) };
        }
        options.resultsLocation = *location;
        return options;
    }
    for (const ScannedOption &option : scanned.options) {
        if (option.name != kConnection)
            continue;
        const Result<ConnectionSpec> spec = parseConnectionSpec(option.value);
        if (!spec)
            return spec.error();
        if (options.connections.contains(spec.value()))
            return CommandLineError {
                Text::tr("argument %1: '%2' is given twice").arg(kConnection, spec.value().toText())
            };
        options.connections.append(spec.value());
    }
    if (!options.connections.isEmpty()) {
        for (const QLatin1StringView option : { kProfile, kRegion, kDemo }) {
            if (scanned.has(option))
                return CommandLineError { Text::tr(
                    "argument %1: not with --connection, which names each profile and "
                    "region")
                                              .arg(option) };
        }
    }
    if (const auto name = scanned.value(kScheduler)) {
        lookout::ParameterCheck check;
        check.identifier("InferenceSchedulerName"_L1, *name);
        if (!check.problems().isEmpty())
            return CommandLineError {
                Text::tr("argument %1: %2").arg(kScheduler, check.problems().first())
            };
        options.schedulerName = *name;
    }
    if (const auto tab = scanned.value(kShow)) {
        if (!scanned.has(kScheduler))
            return CommandLineError {
                Text::tr("argument %1: only with %2").arg(kShow, kScheduler)
            };
        QStringList names;
        std::optional<SchedulerTab> chosen;
        for (const SchedulerTabName &entry : kSchedulerTabNames) {
            names.append(entry.name);
            if (*tab == entry.name)
                chosen = entry.tab;
        }
        if (!chosen)
            return CommandLineError { Text::tr("argument %1: expected one of %2, not '%3'")
                                          .arg(kShow, names.join(QLatin1String(", ")), *tab) };
        options.schedulerTab = *chosen;
    }
    if (const auto text = scanned.value(kRefreshInterval)) {
        const Result<qint64> seconds
            = optionvalue::wholeNumber(kRefreshInterval, *text, 0, kMaxRefreshIntervalSeconds);
        if (!seconds || (seconds.value() > 0 && seconds.value() < kMinRefreshIntervalSeconds)) {
            return CommandLineError {
                Text::tr("argument %1: expected 0 (off) or a whole number of seconds from %2 to "
                         "%3, not '%4'")
                    .arg(kRefreshInterval, QString::number(kMinRefreshIntervalSeconds),
                        QString::number(kMaxRefreshIntervalSeconds), *text)
            };
        }
        options.refreshIntervalSeconds = static_cast<int>(seconds.value());
    }

    options.wall = scanned.has(kWall);
    options.demo = scanned.has(kDemo);
    if (!options.demo) {
        for (const QLatin1StringView option : { kFleet, kSeed, kChurn, kFrom }) {
            if (scanned.has(option))
                return CommandLineError { Text::tr("argument %1: only with --demo").arg(option) };
        }
        return options;
    }
    for (const QLatin1StringView option : { kProfile, kEndpointUrl }) {
        if (scanned.has(option))
            return CommandLineError { Text::tr(
                "argument %1: not with --demo, which uses its own endpoint and keys")
                                          .arg(option) };
    }
    if (scanned.has(kFrom) && (scanned.has(kFleet) || scanned.has(kSeed)))
        return CommandLineError { Text::tr(
            "argument --from: serves saved files; not with --fleet or --seed") };

    emulator::EmulatorOptions &demo = options.demoEmulator;
    if (const auto text = scanned.value(kFleet)) {
        const Result<qint64> count
            = optionvalue::wholeNumber(kFleet, *text, 1, emulator::GeneratedFleetSpec::kMaxCount);
        if (!count)
            return count.error();
        demo.fleetSize = static_cast<int>(count.value());
    }
    if (const auto text = scanned.value(kSeed)) {
        const Result<qint64> seed = optionvalue::wholeNumber(kSeed, *text, 0, kMaxSeed);
        if (!seed)
            return seed.error();
        demo.fleetSeed = static_cast<quint64>(seed.value());
    }
    demo.churn.enabled = scanned.has(kChurn);
    demo.churn.seed = demo.fleetSeed;
    demo.archiveDirectory = scanned.value(kFrom).value_or(QString());
    if (!options.requestedConfig.region.isEmpty())
        demo.region = options.requestedConfig.region;
    if (const QString problem = demo.validate(); !problem.isEmpty())
        return CommandLineError { Text::tr("argument %1: %2").arg(kDemo, problem) };
    return options;
}

} // namespace options
