#include "fullbackloglistener.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QThread>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <sys/socket.h>

namespace testsupport {

namespace {
constexpr int kMaxFillers = 16;
constexpr int kFillerConnectMs = 30'000; // only a broken loopback takes this long

// The listening socket's accept queue as the kernel counts it: TCP_INFO of a listener gives the
// connections waiting to be accepted in tcpi_unacked and the backlog in tcpi_sacked.
struct AcceptQueue {
    quint32 waiting = 0;
    quint32 backlog = 0;
    // Linux drops a SYN when more than `backlog` connections wait (sk_acceptq_is_full).
    bool isFull() const { return waiting > backlog; }
};

std::optional<AcceptQueue> acceptQueue(qintptr listener)
{
    tcp_info info {};
    socklen_t length = sizeof info;
    if (::getsockopt(int(listener), IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return std::nullopt;
    return AcceptQueue { info.tcpi_unacked, info.tcpi_sacked };
}
} // namespace

FullBacklogListener::FullBacklogListener() = default;

FullBacklogListener::~FullBacklogListener()
{
    for (const auto &filler : m_fillers)
        filler->abort();
}

bool FullBacklogListener::start()
{
    // Backlog 0 leaves room for one queued connection; accepting is paused before any arrives.
    m_server.setListenBacklogSize(0);
    if (!m_server.listen(QHostAddress::LocalHost)) {
        m_error = m_server.errorString();
        return false;
    }
    m_server.pauseAccepting();
    // Connects fillers until the kernel says the queue is full: each one is queued by the time
    // its connect completes, so the count is read after that, never guessed from a wait.
    for (int i = 0; i < kMaxFillers; ++i) {
        const std::optional<AcceptQueue> queue = acceptQueue(m_server.socketDescriptor());
        if (!queue) {
            m_error = QStringLiteral("TCP_INFO of the listener: %1").arg(qt_error_string(errno));
            return false;
        }
        if (queue->isFull())
            return true;
        auto filler = std::make_shared<QTcpSocket>();
        filler->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        m_fillers.append(filler);
        if (!filler->waitForConnected(kFillerConnectMs)) {
            m_error = QStringLiteral("filler %1 did not connect while the queue had room: %2")
                          .arg(i + 1)
                          .arg(filler->errorString());
            return false;
        }
        // The client is connected once it has sent its ACK; the listener queues the connection
        // when that ACK is processed, which may come a moment later.
        QDeadlineTimer deadline(kFillerConnectMs);
        for (;;) {
            const std::optional<AcceptQueue> queued = acceptQueue(m_server.socketDescriptor());
            if (queued && queued->waiting >= quint32(m_fillers.size()))
                break;
            if (deadline.hasExpired()) {
                m_error = QStringLiteral("filler %1 connected but was never queued").arg(i + 1);
                return false;
            }
            QThread::yieldCurrentThread();
        }
    }
    m_error = QStringLiteral("the accept queue took %1 connections without filling up")
                  .arg(kMaxFillers);
    return false;
}

QUrl FullBacklogListener::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(QStringLiteral("/"));
    return url;
}

} // namespace testsupport
