#pragma once

#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace testsupport {

// A loopback TCP port where connecting never completes: the listener's accept queue is full and
// never drained, and Linux drops SYNs to a full queue, so a client stays in SYN-SENT until its own
// connect timeout. For connect-timeout tests that need no unroutable network. start() fills the
// queue until the kernel reports it full (TCP_INFO of the listener), with no timing guess.
class FullBacklogListener {
public:
    FullBacklogListener();
    ~FullBacklogListener();
    FullBacklogListener(const FullBacklogListener &) = delete;
    FullBacklogListener &operator=(const FullBacklogListener &) = delete;

    // Listens and fills the queue; false (with errorString()) when the queue cannot be filled.
    bool start();
    QString errorString() const { return m_error; }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const; // "http://127.0.0.1:PORT/"

private:
    QTcpServer m_server;
    QList<std::shared_ptr<QTcpSocket>> m_fillers;
    QString m_error;
};

} // namespace testsupport
