#pragma once

#include "aws/awscredentials.h"
#include "emulator/archiveloader.h"
#include "emulator/emulatoroptions.h"
#include "emulator/emulatorservice.h"
#include "lookout/inferencescheduler.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace emulator {

class EmulatorHost;
struct TaskHandOver;

// The emulator as one object, for `lookout-desk --demo`, the `emulator` command and tests:
//
//     emulator::EmulatorOptions options;          // demo keys, 200 schedulers, free port
//     options.churn.enabled = true;
//     emulator::Emulator demo(options);
//     if (!demo.start()) fail(demo.errorString());
//     point the client at demo.endpoint(), demo.region(), demo.credentials()
//
// With options.ownThread (the default) it serves on a private QThread, so a busy GUI thread
// never delays an answer and vice versa; every method here must be called from the thread that
// created the Emulator and blocks only for the moment the serving thread needs to answer.
// Without ownThread it serves on the caller's event loop.
class Emulator : public QObject {
    Q_OBJECT

public:
    explicit Emulator(EmulatorOptions options, QObject *parent = nullptr);
    ~Emulator() override;
    Emulator(const Emulator &) = delete;
    Emulator &operator=(const Emulator &) = delete;

    // Builds or loads the fleet and listens. False with errorString() when the options are
    // invalid, the archive is unusable or the port is taken.
    bool start();
    // Closes every connection and stops serving; start() may be called again.
    void stop();
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }
    // Files of options.archiveDirectory that were skipped, with why (start() succeeded anyway).
    QList<ArchiveProblem> archiveProblems() const { return m_archiveProblems; }

    QUrl endpoint() const; // http://127.0.0.1:<port>
    quint16 port() const { return m_port; }
    QString region() const { return m_options.region; }
    aws::AwsCredentials credentials() const { return m_options.credentials; }
    const EmulatorOptions &options() const { return m_options; }

    int schedulerCount() const;
    // The scheduler as the service would describe it now (transitions and churn applied).
    std::optional<lookout::InferenceScheduler> scheduler(const QString &name) const;
    // Takes effect from the next request; the rates restart from faults.seed.
    bool setFaults(const FaultConfig &faults);
    FaultConfig faults() const;
    EmulatorService::Counters counters() const;
    int connectionCount() const;

private:
    // Runs task on the serving thread and waits for it (directly without ownThread).
    void onHost(const std::function<void()> &task) const;

    EmulatorOptions m_options;
    std::unique_ptr<TaskHandOver> m_handOver;
    QThread *m_thread = nullptr;
    EmulatorHost *m_host = nullptr;
    bool m_running = false;
    quint16 m_port = 0;
    QString m_error;
    QList<ArchiveProblem> m_archiveProblems;
};

} // namespace emulator
