#include "emulator/emulator.h"

#include "emulator/emulatorlog.h"
#include "emulator/fleetgenerator.h"
#include "emulator/httpserver.h"

#include <QThread>

#include <openssl/crypto.h>

#include <memory>
#include <mutex>

namespace emulator {

// How a task crosses to the serving thread. Qt's queued calls synchronise through futexes that
// ThreadSanitizer cannot see (Qt is not built with it), and they carry their arguments in memory
// the checker would then flag. So the task itself goes through this mutex, and the queued call
// that makes the serving thread run it carries nothing: every access is ordered in a way both
// Qt and the checker know.
struct TaskHandOver {
    std::mutex mutex;
    const std::function<void()> *task = nullptr;
};

// Owns the service and the server on the serving thread.
class EmulatorHost : public QObject {
    Q_OBJECT

public:
    EmulatorHost(const EmulatorOptions &options, TaskHandOver *handOver)
        : m_options(options)
        , m_handOver(handOver)
    {
    }

    // Runs the task Emulator::onHost() handed over (invoked by name, with no arguments).
    Q_INVOKABLE void runHandedOverTask()
    {
        const std::function<void()> *task = nullptr;
        {
            const std::lock_guard lock(m_handOver->mutex);
            task = m_handOver->task;
        }
        (*task)();
        const std::lock_guard lock(m_handOver->mutex); // publishes what the task wrote
        m_handOver->task = nullptr;
    }

    struct StartResult {
        bool ok = false;
        quint16 port = 0;
        QString error;
        QList<ArchiveProblem> problems;
    };

    StartResult start()
    {
        StartResult result;
        std::shared_ptr<const core::Clock> clock
            = m_options.clock ? m_options.clock : core::Clock::system();
        const qint64 now = clock->now().toMSecsSinceEpoch() * 1000;
        std::optional<Fleet> fleet;
        if (m_options.archiveDirectory.isEmpty()) {
            fleet = generateFleet(
                GeneratedFleetSpec { m_options.fleetSize, m_options.fleetSeed, m_options.region },
                now, m_options.transitions);
        } else {
            ArchiveLoad load = loadArchive(m_options.archiveDirectory, now, m_options.transitions);
            result.problems = load.problems; // the caller reports them
            if (!load.fleet) {
                result.error = load.error;
                return result;
            }
            fleet = std::move(load.fleet);
        }
        fleet->setExecutionRetentionDays(m_options.executionRetentionDays);
        ServiceConfig config;
        config.region = m_options.region;
        config.credentials = m_options.credentials;
        config.churn = m_options.churn;
        config.faults = m_options.faults;
        config.deniedOperations = m_options.deniedOperations;
        config.requestClock = m_options.requestClock;
        m_service = std::make_unique<EmulatorService>(config, std::move(*fleet), clock);
        m_server = std::make_unique<HttpServer>(
            m_options.limits, [service = m_service.get()](const HttpRequest &request) {
                return service->handle(request);
            });
        if (!m_server->listen(m_options.address, m_options.port)) {
            result.error = QLatin1String("cannot listen on ") + m_options.address.toString()
                + QLatin1Char(':') + QString::number(m_options.port) + QLatin1String(": ")
                + m_server->errorString();
            shutdown();
            return result;
        }
        result.ok = true;
        result.port = m_server->port();
        qCInfo(lcEmulator).noquote()
            << "serving" << m_service->fleet().size() << "schedulers on"
            << m_options.address.toString() + QLatin1Char(':') + QString::number(result.port)
            << "region" << m_options.region;
        return result;
    }

    void shutdown()
    {
        m_server.reset(); // closes every connection before the service they call goes away
        m_service.reset();
    }

    EmulatorService *service() const { return m_service.get(); }
    HttpServer *server() const { return m_server.get(); }

private:
    EmulatorOptions m_options;
    TaskHandOver *m_handOver;
    std::unique_ptr<EmulatorService> m_service;
    std::unique_ptr<HttpServer> m_server;
};

Emulator::Emulator(EmulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_handOver(std::make_unique<TaskHandOver>())
{
}

Emulator::~Emulator()
{
    stop();
}

void Emulator::onHost(const std::function<void()> &task) const
{
    if (!m_thread) {
        task();
        return;
    }
    {
        const std::lock_guard lock(m_handOver->mutex);
        m_handOver->task = &task;
    }
    QMetaObject::invokeMethod(m_host, "runHandedOverTask", Qt::BlockingQueuedConnection);
    const std::lock_guard lock(
        m_handOver->mutex); // orders the task's writes before the caller's reads
}

bool Emulator::start()
{
    if (m_running)
        return true;
    m_error = m_options.validate();
    if (!m_error.isEmpty())
        return false;
    m_host = new EmulatorHost(m_options, m_handOver.get());
    if (m_options.ownThread) {
        m_thread = new QThread;
        m_thread->setObjectName(QStringLiteral("lookout-emulator"));
        m_host->moveToThread(m_thread);
        m_thread->start();
    }
    EmulatorHost::StartResult result;
    onHost([this, &result] { result = m_host->start(); });
    m_archiveProblems = result.problems;
    if (!result.ok) {
        m_error = result.error;
        m_running = true; // let stop() tear the thread down
        stop();
        return false;
    }
    m_port = result.port;
    m_running = true;
    return true;
}

void Emulator::stop()
{
    if (!m_running)
        return;
    // The host goes back to this thread so it can be deleted here once its thread has ended.
    onHost([this, home = thread()] {
        m_host->shutdown();
        if (m_thread) {
            m_host->moveToThread(home);
            // OpenSSL's per-thread state (the error queue its digest fetches allocate while
            // requests are verified) is freed by a thread-exit destructor that runs after
            // QThread::wait() has returned; a process ending right after stop() would leave it
            // allocated (LeakSanitizer's report at exit). Free it now, on the serving thread.
            OPENSSL_thread_stop();
        }
    });
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    delete m_host;
    m_host = nullptr;
    m_running = false;
    m_port = 0;
}

QUrl Emulator::endpoint() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    return url;
}

int Emulator::schedulerCount() const
{
    int count = 0;
    if (m_running)
        onHost([this, &count] { count = m_host->service()->fleet().size(); });
    return count;
}

std::optional<lookout::InferenceScheduler> Emulator::scheduler(const QString &name) const
{
    std::optional<lookout::InferenceScheduler> found;
    if (!m_running)
        return found;
    onHost([this, &found, &name] {
        EmulatorService *service = m_host->service();
        service->synchronize();
        const int index = service->fleet().indexOf(name);
        if (index >= 0)
            found = service->fleet().at(index).scheduler;
    });
    return found;
}

bool Emulator::setFaults(const FaultConfig &faults)
{
    const QString problem = faults.validate();
    if (!problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    m_options.faults = faults;
    if (m_running)
        onHost([this, &faults] { m_host->service()->setFaults(faults); });
    return true;
}

FaultConfig Emulator::faults() const
{
    return m_options.faults;
}

EmulatorService::Counters Emulator::counters() const
{
    EmulatorService::Counters counters;
    if (m_running)
        onHost([this, &counters] { counters = m_host->service()->counters(); });
    return counters;
}

int Emulator::connectionCount() const
{
    int count = 0;
    if (m_running)
        onHost([this, &count] { count = m_host->server()->connectionCount(); });
    return count;
}

} // namespace emulator

#include "emulator.moc"
