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
// [--scheduler NAME [--show TAB]] [--refresh-interval SECONDS]` or `lookout-desk --demo
// [--fleet N] [--seed S] [--churn] [--from DIR] [--region R] [--scheduler NAME [--show TAB]]
// [--refresh-interval SECONDS]`.
// Qt's own options (-platform, -style, -qwindowgeometry, …) are left to Qt.
namespace options {

// The tabs of the scheduler's pane that `--show` opens, in the order the window shows them.
enum class SchedulerTab { Details, Results };

struct SchedulerTabName {
    QLatin1StringView name; // --show's value
    SchedulerTab tab;
};

// Every value --show takes: the one table the parser and its help read.
inline constexpr SchedulerTabName kSchedulerTabNames[] = {
    { QLatin1StringView("details"), SchedulerTab::Details },
    { QLatin1StringView("results"), SchedulerTab::Results },
};

struct GuiOptions {
    aws::RequestedConfig requestedConfig; // --profile, --region, --endpoint-url
    QString schedulerName; // --scheduler: open with it shown; empty: none
    SchedulerTab schedulerTab = SchedulerTab::Details; // --show (with --scheduler): on that tab
    std::optional<int> refreshIntervalSeconds; // --refresh-interval: 0 turns auto-refresh off
    bool demo = false; // --demo: serve the emulator in-process, open on it
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
