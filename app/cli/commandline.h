#pragma once

// The headless side of lookout-desk: --version, --help and the commands that print instead of
// opening a window (the command table's, commandtable.h). They run under QCoreApplication only:
// no display, no widgets, no D-Bus unless a keychain profile is used.
namespace cli {

// True when argv asks for something that needs no window: a command, --help, --version or an
// option only the commands take. The window's own options (--demo, --profile, …, see
// guioptions.h) and Qt's (-platform …) alone are not headless.
bool isHeadlessInvocation(int argc, char *argv[]);

// Runs it and returns the process exit status (the AWS CLI's: 0, 252, 253, 254, 255, 130).
int runHeadless(int argc, char *argv[]);

} // namespace cli
