#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

// Ctrl+C (SIGINT), SIGTERM and SIGHUP (the terminal closed) as a Qt signal: the handler only
// writes the signal's number to a socket pair, and the event loop turns it into interrupted(),
// so the commands and the window stop their calls in ordinary code (which ends a credential_process
// and its children) and exit with 128 + the signal's number, as a shell reports a process the
// signal ended. A signal that arrives while no event loop runs is delivered when one starts.
// One watcher at a time per process; the previous dispositions are restored on destruction.
namespace core {

class InterruptWatcher : public QObject {
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    // False when the handler could not be installed (no socket pair); the signals then end the
    // process the default way.
    bool isInstalled() const { return m_notifier != nullptr; }
    bool wasInterrupted() const { return m_signal != 0; }
    // The first signal that arrived (SIGINT, SIGTERM, SIGHUP); 0 before.
    int signalNumber() const { return m_signal; }
    // 130 after Ctrl+C, 143 after SIGTERM, 129 after SIGHUP.
    int exitCode() const { return 128 + m_signal; }

signals:
    void interrupted();

private:
    void onActivated();

    std::unique_ptr<QSocketNotifier> m_notifier;
    int m_signal = 0;
};

} // namespace core
