#pragma once

#include "aws/awscredentials.h"
#include "aws/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>

#include <chrono>
#include <functional>

class QProcess;
class QTimer;

namespace aws {

// Splits a credential_process command line the way a POSIX shell splits words (single and double
// quotes, backslash escapes), without running a shell: no variables, globs, pipes or redirects.
// An unterminated quote or a trailing backslash is a Configuration error.
Result<QStringList> splitCommandLine(const QString &commandLine);

// Reads credential_process output: {"Version": 1, "AccessKeyId": …, "SecretAccessKey": …,
// "SessionToken": …, "Expiration": "ISO-8601"}. Errors (kind Credentials) say what is wrong and
// never quote the output, which holds secrets. Credentials that expired by `now` are refused.
Result<AwsCredentials> parseCredentialProcessOutput(QByteArrayView output, const QDateTime &now);

struct CredentialProcessOptions {
    std::chrono::milliseconds timeout { 60'000 };
    qint64 maxOutputBytes
        = qint64 { 64 } * 1024; // stdout; bigger output is refused and the process killed
    qint64 maxErrorBytes = qint64 { 4 } * 1024; // stderr kept for the error message
    // Between SIGTERM and SIGKILL when the command and its children are ended.
    std::chrono::milliseconds terminationGrace { 1'000 };
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// Runs one credential_process command asynchronously (QProcess, no shell) and delivers its
// credentials: non-zero exit is an error with stderr as its message. The command runs in a
// process group of its own; a timeout, output over the limit or destroying the runner while it
// runs (Ctrl+C of a command, the window closing) ends the whole group: SIGTERM, then SIGKILL
// after terminationGrace. After destruction the callback never runs.
class CredentialProcessRunner : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<AwsCredentials> &)>;
    using Now = std::function<QDateTime()>;

    CredentialProcessRunner(QString commandLine, QString source, CredentialProcessOptions options,
        Now now, QObject *parent = nullptr);
    ~CredentialProcessRunner() override;

    // Starts the process; `done` runs once, later (or at once when the command cannot be split),
    // unless a non-null `context` is gone by then. One run at a time: a second call while running
    // fails.
    void run(QObject *context, Callback done);
    bool isRunning() const { return m_process != nullptr; }

private:
    void finish(const Result<AwsCredentials> &result);
    void onFinished(int exitCode, int exitStatus);
    AwsError error(const QString &message) const;

    QString m_commandLine;
    QString m_source; // "profile prod in /root/.aws/config line 3", for error texts
    CredentialProcessOptions m_options;
    Now m_now;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_outputTooLarge = false;
    QPointer<QObject> m_context;
    bool m_contextGiven = false; // a null context means "always deliver"
    Callback m_done;
};

} // namespace aws
