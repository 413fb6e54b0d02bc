#pragma once

// A loopback port nobody listens on: one the kernel just handed out and that was closed again.
// Connecting to it is refused (until something else happens to take it).
#include <QHostAddress>
#include <QTcpServer>

namespace testsupport {

// 0 when no port could be had.
inline quint16 unusedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort();
}

} // namespace testsupport
