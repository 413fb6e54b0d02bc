#pragma once

#include <QString>
#include <QUrl>

namespace aws {
struct ResolvedConfig;
}

// The AWS CLI command that fetches what the details form shows, for "Copy CLI command".
namespace models {

// Where the form's data comes from, as far as a CLI command needs to say: no credentials.
struct CliGlobalOptions {
    QString profile; // the profile name; "default" is left out of the command
    QString region;
    QUrl endpoint; // left out when it is the service's own endpoint for the region

    static CliGlobalOptions fromConfig(const aws::ResolvedConfig &config);
    friend bool operator==(const CliGlobalOptions &, const CliGlobalOptions &) = default;
};

// The service's default endpoint in `region` (lookout::service::description()), the one the CLI
// uses when none is configured.
QUrl defaultServiceEndpoint(const QString &region);
// Whether `endpoint` is that one (a trailing "/" and an explicit :443 make no difference).
bool isDefaultServiceEndpoint(const QUrl &endpoint, const QString &region);

// `aws lookoutequipment describe-inference-scheduler --inference-scheduler-name NAME
// --region REGION`, then `--profile P` unless the profile is "default" (or empty), then
// `--endpoint-url URL` unless the endpoint is the default one (or empty). Arguments that a POSIX
// shell would split or expand are single-quoted as Python's shlex.quote does; nothing is added
// or trimmed otherwise, and no trailing newline. Empty when describeSchedulerCommandRefusal()
// says why there is no command.
QString describeSchedulerCommand(const QString &schedulerName, const CliGlobalOptions &options);

// Why there is no command, or empty when there is one. A name from a listing that fails the
// service's pattern (^[0-9a-zA-Z_-]{1,200}$, lookout::ParameterCheck) makes none, and neither does
// a control character in any argument: pasted into a terminal without bracketed paste, an escape
// sequence or a line break can end the quoting and run what follows. The reason shows the
// offending text as core::visibleText() does.
QString describeSchedulerCommandRefusal(
    const QString &schedulerName, const CliGlobalOptions &options);

// An argument as Python's shlex.quote writes it: unchanged when it is made only of letters,
// digits and @%+=:,./-, else in single quotes with each ' written as '"'"'; '' when empty.
QString shellQuoted(const QString &argument);

} // namespace models
