#pragma once

#include <QStringList>

// `lookout-desk configure --profile NAME [--delete]` and `lookout-desk configure list-profiles`:
// keychain profiles from the terminal. Storing asks, like `aws configure`, for "AWS Access Key
// ID:", "AWS Secret Access Key:" (not echoed), "AWS Session Token (optional):" and "Default region
// name:", or reads the same four lines from stdin when stdin is not a terminal. A name that a
// ~/.aws profile already uses is refused. Without a keychain nothing is stored, and it says why.
namespace cli {

// arguments: the command line after the program name, starting with "configure". Needs the
// QCoreApplication the caller created. Returns 0, 252 (bad command line or input), 253 (the
// keychain or the profile cannot be used) or 130 (interrupted at a prompt).
int runConfigureCommand(const QStringList &arguments);

} // namespace cli
