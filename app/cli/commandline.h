#pragma once

// The headless side of lookout-desk: --version, --help and the subcommands that print instead
// of opening a window. They run under QCoreApplication only.
namespace cli {

// True when argv asks for something that needs no window (--version, --help, a subcommand).
bool isHeadlessInvocation(int argc, char *argv[]);

// Runs it and returns the process exit status (the AWS CLI's codes: 0, 252, 253, 254, 255, 130).
int runHeadless(int argc, char *argv[]);

} // namespace cli
