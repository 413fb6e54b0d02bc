#include "cli/mfaprompt.h"

#include <QByteArray>
#include <QString>

#include <csignal>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace cli {

namespace {

constexpr int kExitInterrupted = 130;
constexpr qsizetype kMaxCodeBytes = 64; // codes are 6 digits; a longer line is cut here

int g_terminal = -1; // the descriptor whose echo is off, restored by the Ctrl+C handler
termios g_saved;
volatile std::sig_atomic_t g_echoOff = 0;

void onInterrupt(int)
{
    if (g_echoOff)
        ::tcsetattr(g_terminal, TCSANOW, &g_saved);
    static const char newline = '\n';
    [[maybe_unused]] const ssize_t written
        = ::write(g_terminal >= 0 ? g_terminal : STDERR_FILENO, &newline, 1);
    ::_exit(kExitInterrupted);
}

void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t written = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (written <= 0)
            return;
        done += written;
    }
}

// One line from `fd`, without its line break; nullopt at the end of the input before any byte.
std::optional<QByteArray> readLine(int fd)
{
    QByteArray line;
    char c = 0;
    bool any = false;
    while (::read(fd, &c, 1) == 1) {
        any = true;
        if (c == '\n')
            break;
        if (line.size() < kMaxCodeBytes)
            line += c;
    }
    if (!any)
        return std::nullopt;
    return line;
}

std::optional<QString> askCode(const QString &serialNumber)
{
    const QByteArray prompt = "Enter MFA code for " + serialNumber.toUtf8() + ": ";
    struct sigaction action = {};
    action.sa_handler = &onInterrupt;
    sigemptyset(&action.sa_mask);
    struct sigaction previous = {};
    ::sigaction(SIGINT, &action, &previous);

    std::optional<QByteArray> line;
    const int terminal = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (terminal >= 0) {
        g_terminal = terminal;
        writeAll(terminal, prompt);
        if (::tcgetattr(terminal, &g_saved) == 0) {
            termios quiet = g_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            g_echoOff = 1;
            ::tcsetattr(terminal, TCSAFLUSH, &quiet);
        }
        line = readLine(terminal);
        if (g_echoOff) {
            ::tcsetattr(terminal, TCSANOW, &g_saved);
            g_echoOff = 0;
        }
        writeAll(terminal, "\n"); // the Enter the terminal did not echo
        g_terminal = -1;
        ::close(terminal);
    } else {
        writeAll(STDERR_FILENO, prompt);
        line = readLine(STDIN_FILENO);
        writeAll(STDERR_FILENO, "\n");
    }
    ::sigaction(SIGINT, &previous, nullptr);
    if (!line)
        return std::nullopt;
    const QString code = QString::fromUtf8(*line).trimmed();
    line->fill('\0');
    return code;
}

} // namespace

aws::MfaPrompt terminalMfaPrompt()
{
    return
        [](const QString &, const QString &serialNumber,
            std::function<void(std::optional<QString>)> answer) { answer(askCode(serialNumber)); };
}

} // namespace cli
