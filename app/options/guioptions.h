#pragma once

#include "aws/configresolver.h"
#include "emulator/emulatoroptions.h"
#include "options/commandlineerror.h"
#include "options/optionscanner.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The window's command line: `lookout-desk [--profile P] [--region R] [--endpoint-url URL]
// [--connection PROFILE[@REGION]]…
// [--scheduler NAME [--show TAB]] [--refresh-interval SECONDS]` or `lookout-desk --demo
// [--fleet N] [--seed S] [--churn] [--from DIR] [--region R] [--scheduler NAME [--show TAB]]
// [--refresh-interval SECONDS]`.
// Qt's own options (-platform, -style, -qwindowgeometry, …) are left to Qt.
namespace options {

// The tabs of the scheduler's pane that `--show` opens, in the order the window shows them.
enum class SchedulerTab { Details, History, Events, Results };

struct SchedulerTabName {
    QLatin1StringView name; // --show's value
    SchedulerTab tab;
};

// Every value --show takes: the one table the parser and its help read.
inline constexpr SchedulerTabName kSchedulerTabNames[] = {
    { QLatin1StringView("details"), SchedulerTab::Details },
    { QLatin1StringView("history"), SchedulerTab::History },
    { QLatin1StringView("events"), SchedulerTab::Events },
    { QLatin1StringView("results"), SchedulerTab::Results },
};

// One --connection: a profile, and the region to watch it in (empty: the profile's own).
struct ConnectionSpec {
    QString profile;
    QString region;
    // "prod@eu-west-1", "prod": as --connection takes it and the settings keep it.
    QString toText() const;
    friend bool operator==(const ConnectionSpec &, const ConnectionSpec &) = default;
};

// Reads PROFILE[@REGION] (the region after the last '@'); a refusal says what is wrong in the
// AWS CLI's words for a region ("Provided region_name 'X' doesn't match a supported format.").
Result<ConnectionSpec> parseConnectionSpec(const QString &text);

// The window's colours (--theme): the desktop's palette, or the application's own light, dark
// (a control room) or high-contrast one (black and white, thicker frames).
enum class Theme { System, Light, Dark, HighContrast };

struct ThemeName {
    QLatin1StringView name; // --theme's value
    Theme theme;
};

inline constexpr ThemeName kThemeNames[] = {
    { QLatin1StringView("system"), Theme::System },
    { QLatin1StringView("light"), Theme::Light },
    { QLatin1StringView("dark"), Theme::Dark },
    { QLatin1StringView("high-contrast"), Theme::HighContrast },
};

struct GuiOptions {
    aws::RequestedConfig requestedConfig; // --profile, --region, --endpoint-url
    // --connection, in command-line order: the window watches each (several on one table); the
    // first takes the place of --profile and --region. Empty: the one connection they choose.
    QList<ConnectionSpec> connections;
    QString schedulerName; // --scheduler: open with it shown; empty: none
    SchedulerTab schedulerTab = SchedulerTab::Details; // --show (with --scheduler): on that tab
    std::optional<int> refreshIntervalSeconds; // --refresh-interval: 0 turns auto-refresh off
    bool demo = false; // --demo: serve the emulator in-process, open on it
    // --wall: a wall display: open full screen on the dashboard, hide the pointer when idle and
    // keep the screen from blanking while the window runs.
    bool wall = false;
    Theme theme = Theme::System; // --theme
    // With --demo: the emulator to start (its own thread, a free port, the demo keys), shaped by
    // --fleet, --seed, --churn, --from and --region; point the connection at its endpoint().
    emulator::EmulatorOptions demoEmulator;
    // --results DIR or s3://bucket/prefix/: open a results window on this folder of results.jsonl
    // files or S3 location instead of the main window (`requestedConfig` then applies to S3);
    // empty: none.
    QString resultsLocation;
};

// Refresh intervals a user may ask for: 0 (off) or this range, in seconds. Faster than every 5 s
// would mostly earn throttling.
inline constexpr int kMinRefreshIntervalSeconds = 5;
inline constexpr int kMaxRefreshIntervalSeconds = 86'400;

// `arguments` as QCoreApplication::arguments() gives them: the program name first. A refusal
// names the option and what is wrong ("argument --refresh-interval: expected 0 (off) or a whole
// number of seconds from 5 to 86400, not 'fast'"); the window shows it and exits with
// exitcode::kBadCommandLine. Unknown options and stray words are refused too.
Result<GuiOptions> parseGuiOptions(const QStringList &arguments);

// The window's options and Qt's own, for telling a window command line from a headless one.
const QList<OptionSpec> &guiOptionSpecs();

} // namespace options
