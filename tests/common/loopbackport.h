#pragma once

// A loopback port that refuses every connection for as long as this object lives: a TCP socket
// bound to a port the kernel chose, which never listens. Holding the bound socket keeps the port
// from anyone else (no pick-a-port-then-close-it race), and a connect to it is refused at once.
#include <QtGlobal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace testsupport {

class RefusingLoopbackPort {
public:
    RefusingLoopbackPort()
    {
        m_socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_socket < 0)
            return;
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(m_socket, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
            && ::getsockname(m_socket, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            m_port = ntohs(address.sin_port);
    }
    ~RefusingLoopbackPort()
    {
        if (m_socket >= 0)
            ::close(m_socket);
    }
    RefusingLoopbackPort(const RefusingLoopbackPort &) = delete;
    RefusingLoopbackPort &operator=(const RefusingLoopbackPort &) = delete;

    // 0 when no port could be had.
    quint16 port() const { return m_port; }

private:
    int m_socket = -1;
    quint16 m_port = 0;
};

} // namespace testsupport
