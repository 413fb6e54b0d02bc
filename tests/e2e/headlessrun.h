#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

// Runs the built lookout-desk as a user's shell would, for the end-to-end tests: no display, no
// D-Bus session unless asked for, nothing of the caller's AWS settings.
namespace e2e {

struct ProcessRun {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

// The caller's environment without DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM, any AWS_*
// variable, and (unless keepDbus) DBUS_SESSION_BUS_ADDRESS; AWS_EC2_METADATA_DISABLED=true.
QProcessEnvironment bareEnvironment(bool keepDbus = false);

// Starts `program` with `arguments` and `environment`, feeds `input`, waits up to `timeoutMs`.
ProcessRun runProcess(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, const QByteArray &input = {}, int timeoutMs = 60'000);

// The AWS CLI on PATH. Its major versions differ where the tests compare with it: v1
// (botocore, pip or pyenv) ends every failure with exit status 255, and prints timestamps as the
// wire's epoch seconds unless `cli_timestamp_format = iso8601`; v2 (Debian's `awscli`) tells
// configuration and credential problems (253) from the service's errors (254), and prints ISO
// 8601 by default. lookout-desk always follows v2 (aws-conventions.md).
struct AwsCli {
    QString program;
    QString version; // what `aws --version` printed, for messages
    int majorVersion = 0;

    // The CLI's own exit status when the service answers with an error.
    int serviceErrorExitCode() const { return majorVersion == 1 ? 255 : 254; }
    // The CLI's own exit status for a missing region, profile or credentials.
    int configurationErrorExitCode() const { return majorVersion == 1 ? 255 : 253; }
};

// Finds `aws` on PATH and reads its major version from `aws --version`
// ("aws-cli/1.45.11 Python/3.11.7 …"). Without `aws`: std::nullopt and an empty `problem`; when
// it is there but its version cannot be read, or is neither 1 nor 2: std::nullopt and `problem`
// says why, so that a test fails rather than guessing the CLI's behaviour.
std::optional<AwsCli> findAwsCli(QString *problem);

} // namespace e2e
