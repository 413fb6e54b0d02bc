#pragma once

// The window lives in a second executable, lookout-desk-gui, which lookout-desk replaces itself
// with (same process, same arguments) when no headless command was asked for. So the headless
// commands never load QtWidgets, QtGui and the libraries they pull in, about a third of their
// start-up time; the window starts as before.
namespace cli {

// Looks for lookout-desk-gui next to this executable (the build tree) and where it is installed
// (LIBEXECDIR/lookout-desk), and execs it with argv (argv[0] kept). Returns only when that fails:
// it says why on stderr and returns exitcode::kFailure.
int launchWindow(char *argv[]);

} // namespace cli
