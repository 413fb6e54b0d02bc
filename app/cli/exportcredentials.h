#pragma once

#include "aws/awscredentials.h"

#include <QString>

#include <optional>

class QTextStream;

namespace aws {
class KeychainProfileStore;
}

// `lookout-desk configure export-credentials [--profile NAME] [--format FORMAT]`: the credentials
// the chain resolves for the profile (assumed roles and web identities included), printed as
// `aws configure export-credentials` prints them, for credential_process or a shell. Printing
// them is what the user asked for; nothing else ever does.
namespace cli {

enum class CredentialFormat { Process, Env, EnvNoExport, PowerShell, WindowsCmd };

// "process", "env", "env-no-export", "powershell", "windows-cmd"; nullopt for anything else.
std::optional<CredentialFormat> credentialFormatNamed(const QString &name);
// The names, for messages: "process, env, env-no-export, powershell, windows-cmd".
QString credentialFormatNames();

// The CLI's text: process is the credential_process JSON (Version 1, indented by two), the others
// one line per variable; SessionToken and Expiration only when there are some. Expiration as
// Python's isoformat() writes an aware UTC time ("2026-12-07T13:00:00+00:00").
QString formatCredentials(const aws::AwsCredentials &credentials, CredentialFormat format);

// Resolves and prints; 0, or on stderr the CLI's "Unable to retrieve credentials: …" and 253 for
// what the chain could not decide, else the error (STS's, the network's) and its exit status.
// Needs a QCoreApplication.
int exportCredentials(const QString &profile, CredentialFormat format,
    aws::KeychainProfileStore *keychain, QTextStream &out, QTextStream &err);

} // namespace cli
