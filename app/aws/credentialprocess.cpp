#include "aws/credentialprocess.h"

#include "core/visibletext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTimeZone>
#include <QTimer>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace aws {

namespace {

Q_LOGGING_CATEGORY(lcCredentialProcess, "lookoutdesk.aws.credentialprocess", QtWarningMsg)

// botocore's wording, so users recognise the failure from the AWS CLI.
constexpr QLatin1String kProviderPrefix("Error when retrieving credentials from custom-process: ");

AwsError credentialsError(const QString &message)
{
    AwsError error;
    error.kind = AwsError::Kind::Credentials;
    error.message = message;
    return error;
}

// The profile's credential_process line cannot be run as written.
AwsError commandLineError(const QString &message)
{
    return AwsError::configuration(AwsError::Setting::Profile, message);
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0, 'g', 3);
}

// Ends the command and everything it started: it runs as the leader of its own process group
// (the group's id is its pid), so children it left behind are found even after it exited.
// SIGTERM first, SIGKILL for whatever is left after `grace`.
void endProcessGroup(QProcess *process, std::chrono::milliseconds grace)
{
    const qint64 pid = process->processId();
    if (pid <= 0)
        return;
    const auto group = static_cast<pid_t>(-pid);
    ::kill(group, SIGTERM);
    process->waitForFinished(static_cast<int>(grace.count()));
    ::kill(group, SIGKILL);
    process->waitForFinished(5'000);
}

} // namespace

Result<QStringList> splitCommandLine(const QString &commandLine)
{
    QStringList words;
    QString word;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;
    for (qsizetype i = 0; i < commandLine.size(); ++i) {
        const QChar c = commandLine.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == u'\'')
                quote = Quote::None;
            else
                word += c;
            continue;
        case Quote::Double:
            if (c == u'"') {
                quote = Quote::None;
            } else if (c == u'\\' && i + 1 < commandLine.size()
                && (commandLine.at(i + 1) == u'"' || commandLine.at(i + 1) == u'\\')) {
                word += commandLine.at(++i); // inside "…" a backslash escapes only " and itself
            } else {
                word += c;
            }
            continue;
        case Quote::None:
            break;
        }
        if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else if (c == u'\'') {
            quote = Quote::Single;
            inWord = true;
        } else if (c == u'"') {
            quote = Quote::Double;
            inWord = true;
        } else if (c == u'\\') {
            if (i + 1 >= commandLine.size()) {
                return commandLineError(QStringLiteral(
                    "credential_process ends with a backslash that escapes nothing"));
            }
            word += commandLine.at(++i);
            inWord = true;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (quote != Quote::None) {
        return commandLineError(
            QStringLiteral("credential_process has an unterminated %1 quote")
                .arg(quote == Quote::Single ? QStringLiteral("single") : QStringLiteral("double")));
    }
    if (inWord)
        words.append(word);
    return words;
}

Result<AwsCredentials> parseCredentialProcessOutput(QByteArrayView output, const QDateTime &now)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return credentialsError(kProviderPrefix
            + QStringLiteral("the output is not valid JSON (%1 at offset %2)")
                  .arg(parseError.errorString(), QString::number(parseError.offset)));
    if (!document.isObject())
        return credentialsError(
            kProviderPrefix + QStringLiteral("the output is not a JSON object"));
    const QJsonObject object = document.object();

    const QJsonValue version = object.value(QLatin1String("Version"));
    if (!version.isDouble() || version.toDouble() != 1.0) {
        const QString shown = version.isUndefined() ? QStringLiteral("<Version key not provided>")
            : version.isDouble()                    ? QString::number(version.toDouble())
            : version.isString()                    ? version.toString().left(20)
                                                    : QStringLiteral("<not a number>");
        return credentialsError(kProviderPrefix
            + QStringLiteral("Unsupported version '%1' for credential process "
                             "provider, supported versions: 1")
                  .arg(shown));
    }

    AwsCredentials credentials;
    for (const auto &[key, target] :
        { std::pair { QLatin1String("AccessKeyId"), &credentials.accessKeyId },
            std::pair { QLatin1String("SecretAccessKey"), &credentials.secretAccessKey } }) {
        const QJsonValue value = object.value(key);
        if (!value.isString() || value.toString().isEmpty())
            return credentialsError(kProviderPrefix
                + (value.isUndefined()
                        ? QStringLiteral("Missing required key in response: '%1'").arg(key)
                        : QStringLiteral("'%1' is not a non-empty string").arg(key)));
        *target = value.toString();
    }
    const QJsonValue token = object.value(QLatin1String("SessionToken"));
    if (!token.isUndefined() && !token.isNull()) {
        if (!token.isString())
            return credentialsError(
                kProviderPrefix + QStringLiteral("'SessionToken' is not a string"));
        credentials.sessionToken = token.toString();
    }
    const QJsonValue expiration = object.value(QLatin1String("Expiration"));
    if (!expiration.isUndefined() && !expiration.isNull()) {
        QDateTime expiry = QDateTime::fromString(expiration.toString(), Qt::ISODateWithMs);
        if (!expiration.isString() || !expiry.isValid())
            return credentialsError(
                kProviderPrefix + QStringLiteral("'Expiration' is not an ISO 8601 time"));
        if (expiry.timeSpec() == Qt::LocalTime) // no offset given: the SDKs read it as UTC
            expiry = QDateTime(expiry.date(), expiry.time(), QTimeZone::utc());
        expiry = expiry.toUTC();
        if (expiry <= now)
            return credentialsError(kProviderPrefix
                + QStringLiteral("the credentials it returned expired at %1")
                      .arg(expiry.toString(Qt::ISODate)));
        credentials.expiration = expiry;
    }
    return credentials;
}

CredentialProcessRunner::CredentialProcessRunner(
    QString commandLine, QString source, CredentialProcessOptions options, Now now, QObject *parent)
    : QObject(parent)
    , m_commandLine(std::move(commandLine))
    , m_source(std::move(source))
    , m_options(std::move(options))
    , m_now(std::move(now))
{
}

CredentialProcessRunner::~CredentialProcessRunner()
{
    if (m_process) {
        m_process->disconnect(this);
        endProcessGroup(m_process, m_options.terminationGrace);
    }
}

AwsError CredentialProcessRunner::error(const QString &message) const
{
    return credentialsError(
        kProviderPrefix + message + QStringLiteral(" (credential_process of %1)").arg(m_source));
}

void CredentialProcessRunner::run(QObject *context, Callback done)
{
    if (m_process) {
        done(error(QStringLiteral("the command is already running")));
        return;
    }
    const Result<QStringList> words = splitCommandLine(m_commandLine);
    if (!words.ok() || words.value().isEmpty()) {
        const QString why
            = words.ok() ? QStringLiteral("credential_process is empty") : words.error().message;
        done(commandLineError(QStringLiteral("%1 (%2)").arg(why, m_source)));
        return;
    }
    m_context = context;
    m_contextGiven = context != nullptr;
    m_done = std::move(done);
    m_stdout.clear();
    m_stderr.clear();
    m_outputTooLarge = false;

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(m_options.environment);
    m_process->setProgram(words.value().constFirst());
    m_process->setArguments(words.value().mid(1));
    // A group of its own: a timeout, Ctrl+C or closing the window ends its children too (see
    // endProcessGroup), and the terminal's Ctrl+C reaches only this process, which decides.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process->readAllStandardOutput();
        if (m_stdout.size() > m_options.maxOutputBytes && !m_outputTooLarge) {
            m_outputTooLarge = true;
            if (m_process->processId() > 0)
                ::kill(static_cast<pid_t>(-m_process->processId()), SIGKILL);
        }
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = m_process->readAllStandardError();
        m_stderr += chunk.left(qMax<qint64>(0, m_options.maxErrorBytes - m_stderr.size()));
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError processError) {
        if (processError == QProcess::FailedToStart)
            finish(error(QStringLiteral("could not start \"%1\": %2")
                             .arg(m_process->program(), m_process->errorString())));
    });
    connect(m_process, &QProcess::finished, this,
        [this](int exitCode, QProcess::ExitStatus status) { onFinished(exitCode, int(status)); });

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        qCInfo(lcCredentialProcess) << "credential_process of" << m_source << "timed out";
        finish(error(QStringLiteral("the command did not finish within %1 s and was stopped")
                         .arg(seconds(m_options.timeout))));
    });
    m_timer->start(m_options.timeout);
    qCDebug(lcCredentialProcess) << "running credential_process of" << m_source;
    m_process->start(QIODevice::ReadWrite);
    m_process->closeWriteChannel(); // the command gets no input from us
}

void CredentialProcessRunner::onFinished(int exitCode, int exitStatus)
{
    m_stdout += m_process->readAllStandardOutput();
    if (m_outputTooLarge || m_stdout.size() > m_options.maxOutputBytes) {
        finish(error(QStringLiteral("the command wrote more than %1 KiB to its standard output")
                         .arg(m_options.maxOutputBytes / 1024)));
        return;
    }
    // Shown on a terminal and in the window: its lines stay, its control characters are escaped.
    const QString errorText
        = core::visibleText(QString::fromUtf8(m_stderr).trimmed(), core::LineBreaks::Keep);
    if (exitStatus != QProcess::NormalExit) {
        finish(error(errorText.isEmpty() ? QStringLiteral("the command crashed") : errorText));
        return;
    }
    if (exitCode != 0) {
        finish(error(errorText.isEmpty()
                ? QStringLiteral("the command exited with status %1").arg(exitCode)
                : errorText));
        return;
    }
    Result<AwsCredentials> parsed = parseCredentialProcessOutput(m_stdout, m_now());
    if (!parsed.ok()) {
        AwsError failure = parsed.error();
        failure.message += QStringLiteral(" (credential_process of %1)").arg(m_source);
        finish(failure);
        return;
    }
    parsed.value().source = QStringLiteral("credential_process of %1").arg(m_source);
    finish(parsed);
}

void CredentialProcessRunner::finish(const Result<AwsCredentials> &result)
{
    if (!m_process)
        return;
    m_timer->stop();
    m_timer->deleteLater();
    m_timer = nullptr;
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning)
        endProcessGroup(m_process, m_options.terminationGrace);
    m_process->deleteLater();
    m_process = nullptr;
    m_stdout.clear();
    m_stderr.clear();
    const QPointer<QObject> context = m_context;
    const bool contextGiven = m_contextGiven;
    const Callback done = std::exchange(m_done, nullptr);
    // The callback may destroy this runner: nothing below touches members.
    if (done && (context || !contextGiven))
        done(result);
}

} // namespace aws
