#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

// Ctrl+C (SIGINT) as a Qt signal: the handler only writes a byte to a socket pair, and the event
// loop turns it into interrupted(), so the commands stop their calls in ordinary code and exit
// with 130. A signal that arrives while no event loop runs is delivered when one starts.
// One watcher at a time per process; the previous disposition is restored on destruction.
namespace cli {

class InterruptWatcher : public QObject {
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    // False when the handler could not be installed (no socket pair); Ctrl+C then kills the
    // process the default way.
    bool isInstalled() const { return m_notifier != nullptr; }
    bool wasInterrupted() const { return m_interrupted; }

signals:
    void interrupted();

private:
    void onActivated();

    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_interrupted = false;
};

} // namespace cli
