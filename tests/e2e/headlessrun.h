#pragma once

#include <QByteArray>
#include <QList>
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

struct ProcessSpec {
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    int timeoutMs = 60'000;
};

// Runs every spec, as many at once as the machine has cores (at least two), and returns their
// runs in the same order. For the AWS CLI, which takes a second of CPU to start: the comparisons
// that run it dozens of times would otherwise spend minutes waiting for one process at a time.
QList<ProcessRun> runProcesses(const QList<ProcessSpec> &specs);

// An AWS CLI the parity tests compare with. Its two major versions differ where the tests look:
//   exit status  v1 ends every failure with 255. v2 (Debian's awscli 2.9.19) tells a bad command
//                line (252), configuration and credential problems (253) and the service's errors
//                (254) from the rest (255); an unknown --profile is among the rest in 2.9.19
//                (botocore's ProfileNotFound is not one of the CLI's ConfigurationErrors).
//   stderr       v2 puts a blank line before every error message; v1 prints its two "configure"
//                hints (no region, no credentials) without one.
//   timestamps   v1 prints the wire's epoch seconds unless cli_timestamp_format = iso8601, v2
//                prints ISO 8601 unless it is wire.
//   endpoint     v2 2.9.19 does not read AWS_ENDPOINT_URL_<SERVICE> (v1 with botocore 1.31 or
//                later does): it needs --endpoint-url.
// With the same settings both print the same bytes in json, text and table form. lookout-desk
// follows v2 (aws-conventions.md).
struct AwsCli {
    QString program; // a version manager's shim is replaced by the script it would start
    QString version; // what `aws --version` printed, for messages
    int majorVersion = 0;
    // The Python whose awscli package is this CLI's, for the scripts in tests/data that run the
    // CLI's own formatters; empty when none was found (then `pythonProblem` says why).
    QString python;
    QString pythonProblem;

    // The CLI's own exit status when the service answers with an error.
    int serviceErrorExitCode() const { return majorVersion == 1 ? 255 : 254; }
    // The CLI's own exit status for a missing region or missing credentials.
    int configurationErrorExitCode() const { return majorVersion == 1 ? 255 : 253; }
    // The CLI's own exit status for a --profile no file defines.
    int unknownProfileExitCode() const { return 255; }
    // What the CLI prints on stderr for one of its two configure hints, given the hint's line.
    QByteArray configurationHint(const QByteArray &line) const
    {
        return majorVersion == 1 ? line : "\n" + line;
    }
    bool readsServiceEndpointVariables() const { return majorVersion == 1; }
};

// The references, found once per process: v2 is Debian's /usr/bin/aws (or else the first v2 on
// PATH), v1 the first v1 on PATH (pip, pyenv). `problems` lists each `aws` found whose version
// could not be read or is neither 1 nor 2, so that a test fails rather than guessing.
struct AwsClis {
    std::optional<AwsCli> v2;
    std::optional<AwsCli> v1;
    QStringList problems;
};
const AwsClis &awsClis();

// The major versions a parity test compares with, the required reference first. Under
// AddressSanitizer only v2: what the sanitizers watch is lookout-desk, which a v1 row runs no
// differently, while each CLI run costs a second of CPU (the default build compares with both).
QList<int> awsCliMajorVersions();

// The CLI of one major version for a test row, or why there is none: a reason to skip, or to
// fail where a reference is required (v2, when CI=true). With `needPython`, a CLI whose Python
// was not found counts as missing.
struct AwsCliChoice {
    const AwsCli *cli = nullptr;
    QString missing;
    bool required = false;
};
AwsCliChoice awsCli(int majorVersion, bool needPython = false);

} // namespace e2e

// In a test function (or init()) of a row that names an AWS CLI major version: fails when
// `choice` has no CLI and a reference was required, else skips saying why (tests/run lists every
// skip; CI allows only a missing v1).
#define E2E_REQUIRE_AWS_CLI(choice)                                                                \
    do {                                                                                           \
        if (!(choice).cli) {                                                                       \
            if ((choice).required)                                                                 \
                QFAIL(qPrintable((choice).missing));                                               \
            QSKIP(qPrintable((choice).missing));                                                   \
        }                                                                                          \
    } while (false)
