#include "fullbackloglistener.h"

#include <QTcpSocket>

namespace testsupport {

namespace {
// A filler that has not connected within this long found the queue full.
constexpr int kFillerConnectMs = 250;
constexpr int kMaxFillers = 16;
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
    for (int i = 0; i < kMaxFillers; ++i) {
        auto filler = std::make_shared<QTcpSocket>();
        filler->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        const bool connected = filler->waitForConnected(kFillerConnectMs);
        m_fillers.append(filler);
        if (!connected)
            return true; // this SYN was dropped: the queue is full
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
