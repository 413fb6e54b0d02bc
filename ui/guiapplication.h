#pragma once

#include <QString>

namespace ui {

// Creates the QApplication, reads the window's command line (options::parseGuiOptions: --profile,
// --region, --endpoint-url, --scheduler, --refresh-interval, --demo and its options, --results),
// starts the in-process emulator for --demo, opens the main window (or, for --results DIR, a
// results window on that folder) and runs the event loop.
// A refused command line or a demo that cannot start is reported on stderr and, on a real
// display, in a message box; the exit status is the CLI's (252 bad command line, 255 a demo
// endpoint that cannot start). Without a display (no platform plugin could start) a refused
// command line still ends with 252, anything else with one sentence on stderr and 255.
int runGuiApplication(int argc, char *argv[]);

// Reports a startup problem: "lookout-desk: MESSAGE" on stderr, and a message box unless the
// platform shows nothing (offscreen, minimal). Returns `exitCode`.
int reportStartupError(const QString &message, int exitCode);

} // namespace ui
