#include "emulatorprocess.h"

#include <QDeadlineTimer>
#include <QUrl>

#include <csignal>

namespace {

constexpr int kStartDeadlineMs = 60'000;
constexpr int kExportLineCount = 7;

} // namespace

EmulatorProcess::EmulatorProcess()
    : m_process(std::make_unique<QProcess>())
{
}

EmulatorProcess::~EmulatorProcess()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10'000);
    }
}

QString EmulatorProcess::unquote(const QString &word)
{
    if (word.size() < 2 || !word.startsWith(QLatin1Char('\'')) || !word.endsWith(QLatin1Char('\'')))
        return word;
    QString inner = word.mid(1, word.size() - 2);
    return inner.replace(QStringLiteral("'\\''"), QStringLiteral("'"));
}

bool EmulatorProcess::start(const QStringList &arguments)
{
    m_process->start(
        QStringLiteral(LOOKOUT_BINARY), QStringList { QStringLiteral("emulator") } + arguments);
    if (!m_process->waitForStarted(kStartDeadlineMs)) {
        m_error = m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(kStartDeadlineMs);
    QStringList lines;
    while (lines.size() < kExportLineCount && !deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            lines.append(QString::fromUtf8(m_process->readLine()).chopped(1));
            continue;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
    }
    if (lines.size() < kExportLineCount) {
        m_process->waitForFinished(10'000);
        m_error = QStringLiteral("no export lines; stderr: ")
            + QString::fromUtf8(m_process->readAllStandardError());
        return false;
    }
    m_exportLines = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    for (const QString &line : std::as_const(lines)) {
        if (!line.startsWith(QLatin1String("export ")))
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        m_variables.insert(line.mid(7, equals - 7), unquote(line.mid(equals + 1)));
    }
    return true;
}

quint16 EmulatorProcess::port() const
{
    return static_cast<quint16>(
        QUrl(variable(QStringLiteral("AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT"))).port());
}

int EmulatorProcess::stop(int signal)
{
    ::kill(static_cast<pid_t>(m_process->processId()), signal);
    if (!m_process->waitForFinished(30'000) || m_process->exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process->exitCode();
}
