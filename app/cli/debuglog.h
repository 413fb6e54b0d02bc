#pragma once

#include <QLoggingCategory>

class QIODevice;

// --debug: log lines on stderr in the AWS CLI's layout
// ("2026-11-28 12:00:00,123 - lookoutdesk.http - DEBUG - …"), from this process's own
// categories only: how the connection was resolved (lookoutdesk.cli), the HTTP exchanges
// (lookoutdesk.http), credential sources and pages (lookoutdesk.aws.*, lookoutdesk.lookout).
// None of them carries a secret key, a session token or a signature.
namespace cli {

Q_DECLARE_LOGGING_CATEGORY(lcCli)

// Installs the message handler writing to `sink` and enables the categories above. `sink` must
// stay open until disableDebugLog().
void enableDebugLog(QIODevice *sink);
// Without --debug: this process's categories print warnings and worse only.
void quietDebugLog();
// Restores Qt's handler and the rules (tests).
void disableDebugLog();

// --debug for the length of one command: enableDebugLog() or quietDebugLog(), then
// disableDebugLog().
class DebugLogScope {
public:
    DebugLogScope(bool enabled, QIODevice *sink)
    {
        if (enabled)
            enableDebugLog(sink);
        else
            quietDebugLog();
    }
    ~DebugLogScope() { disableDebugLog(); }
    DebugLogScope(const DebugLogScope &) = delete;
    DebugLogScope &operator=(const DebugLogScope &) = delete;
};

} // namespace cli
