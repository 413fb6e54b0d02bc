#include "emulator/httpconnection.h"

#include "emulator/emulatorlog.h"

#include <QScopedValueRollback>
#include <QTcpSocket>

#include <sys/socket.h>
#include <utility>

namespace emulator {

namespace {

// Qt stops reading from the kernel beyond this, so a client that floods us while we are busy
// meets TCP back-pressure instead of growing our memory.
constexpr qint64 kSocketReadBufferBytes = 64 * 1024;

bool wantsKeepAlive(const HttpRequest &request)
{
    if (request.minorVersion == 0)
        return false; // HTTP/1.0 keep-alive is an opt-in nobody needs here: close after one
    for (const auto &[name, value] : request.headers) {
        if (!headerNameEquals(name, "connection"))
            continue;
        for (const QByteArray &token : value.split(',')) {
            if (headerNameEquals(token.trimmed(), "close"))
                return false;
        }
    }
    return true;
}

} // namespace

HttpConnection::HttpConnection(
    QTcpSocket *socket, const HttpLimits &limits, HttpHandler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_parser(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBufferBytes);
    // Request-response traffic: send each answer at once instead of waiting to coalesce.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    for (QTimer *timer :
        { &m_idleTimer, &m_requestTimer, &m_writeTimer, &m_lingerTimer, &m_delayTimer })
        timer->setSingleShot(true);

    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        qCDebug(lcEmulatorHttp) << "closing idle connection";
        beginClose();
    });
    connect(&m_requestTimer, &QTimer::timeout, this, [this] {
        qCDebug(lcEmulatorHttp) << "request not complete within" << m_limits.requestTimeout.count()
                                << "ms; answering 408";
        rejectAndClose(408,
            "The request did not arrive within "
                + QByteArray::number(m_limits.requestTimeout.count()) + " ms.");
    });
    connect(&m_writeTimer, &QTimer::timeout, this, [this] {
        qCDebug(lcEmulatorHttp) << "client stopped reading its response; dropping the connection";
        m_socket->abort();
        finishClose();
    });
    connect(&m_lingerTimer, &QTimer::timeout, this, [this] {
        m_socket->abort();
        finishClose();
    });
    connect(&m_delayTimer, &QTimer::timeout, this, &HttpConnection::sendDelayed);

    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::pump);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finishClose);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpConnection::finishClose);
}

void HttpConnection::start()
{
    m_idleTimer.start(m_limits.idleTimeout);
    pump();
}

void HttpConnection::refuse(int status)
{
    rejectAndClose(status,
        "The server is at its limit of " + QByteArray::number(m_limits.maxConnections)
            + " connections; try again.");
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::abort()
{
    m_finished = true; // the owner is tearing down: no finished() signal
    m_socket->disconnect(this);
    m_socket->abort();
}

bool HttpConnection::isBusy() const
{
    return m_delayTimer.isActive() || m_socket->bytesToWrite() > 0;
}

void HttpConnection::pump()
{
    if (m_pumping || m_finished)
        return;
    const QScopedValueRollback<bool> guard(m_pumping, true);
    while (!m_finished) {
        if (m_lingering) {
            m_socket->skip(m_socket->bytesAvailable());
            return;
        }
        if (m_closing || isBusy())
            return; // unread input waits in the bounded socket buffer
        const qint64 room = m_limits.maxHeaderBytes + m_limits.maxBodyBytes - m_buffer.size();
        const qint64 available = m_socket->bytesAvailable();
        if (room > 0 && available > 0)
            m_buffer += m_socket->read(qMin(room, available));

        switch (m_parser.parse(m_buffer)) {
        case HttpRequestParser::Outcome::NeedMoreData:
            if (m_parser.awaitingContinue() && !m_continueSent) {
                m_continueSent = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_socket->flush();
            }
            armIdleOrRequestTimer();
            return;
        case HttpRequestParser::Outcome::Rejected:
            qCDebug(lcEmulatorHttp) << "rejecting request:" << m_parser.rejection().status
                                    << m_parser.rejection().reason;
            rejectAndClose(m_parser.rejection().status, m_parser.rejection().reason);
            return;
        case HttpRequestParser::Outcome::RequestReady:
            m_continueSent = false;
            m_requestTimer.stop();
            answer(m_parser.takeRequest());
            break;
        }
    }
}

void HttpConnection::armIdleOrRequestTimer()
{
    if (m_buffer.isEmpty() && !m_parser.readingBody()) {
        m_requestTimer.stop();
        if (!m_idleTimer.isActive())
            m_idleTimer.start(m_limits.idleTimeout);
    } else {
        m_idleTimer.stop();
        if (!m_requestTimer.isActive())
            m_requestTimer.start(m_limits.requestTimeout);
    }
}

void HttpConnection::answer(const HttpRequest &request)
{
    m_idleTimer.stop();
    const AfterResponse after
        = wantsKeepAlive(request) ? AfterResponse::KeepOpen : AfterResponse::Close;
    const HttpResponse response = m_handler(request);
    QByteArray wire = serializeResponse(response, after);
    if (response.delay.count() > 0) {
        m_delayedWire = std::move(wire);
        m_delayedAfter = after;
        m_delayTimer.start(response.delay);
        return;
    }
    write(wire, after);
}

void HttpConnection::sendDelayed()
{
    write(std::exchange(m_delayedWire, {}), m_delayedAfter);
    pump();
}

void HttpConnection::write(const QByteArray &wire, AfterResponse after)
{
    m_socket->write(wire);
    m_socket->flush();
    if (m_socket->bytesToWrite() > 0 && !m_writeTimer.isActive())
        m_writeTimer.start(m_limits.writeTimeout);
    if (after == AfterResponse::Close)
        beginClose();
}

void HttpConnection::rejectAndClose(int status, const QByteArray &reason)
{
    HttpResponse response;
    response.status = status;
    response.headers = { { "Content-Type", "text/plain; charset=utf-8" } };
    response.body = reason + '\n';
    m_delayTimer.stop();
    write(serializeResponse(response, AfterResponse::Close), AfterResponse::Close);
}

void HttpConnection::beginClose()
{
    if (m_closing)
        return;
    m_closing = true;
    m_idleTimer.stop();
    m_requestTimer.stop();
    m_delayTimer.stop();
    if (m_socket->bytesToWrite() == 0)
        startLinger();
}

void HttpConnection::onBytesWritten()
{
    if (m_socket->bytesToWrite() > 0) {
        m_writeTimer.start(m_limits.writeTimeout);
        return;
    }
    m_writeTimer.stop();
    if (m_closing) {
        if (!m_lingering)
            startLinger();
        return;
    }
    pump();
}

void HttpConnection::startLinger()
{
    if (m_lingering || m_finished)
        return;
    m_lingering = true;
    // Half-close: the client reads our answer and EOF; its unread request bytes are drained here
    // rather than left to turn our close into a reset that could destroy the answer in flight.
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor < 0 || ::shutdown(static_cast<int>(descriptor), SHUT_WR) != 0) {
        m_socket->abort();
        finishClose();
        return;
    }
    m_lingerTimer.start(m_limits.lingerTimeout);
    m_socket->skip(m_socket->bytesAvailable());
}

void HttpConnection::finishClose()
{
    if (m_finished)
        return;
    m_finished = true;
    for (QTimer *timer :
        { &m_idleTimer, &m_requestTimer, &m_writeTimer, &m_lingerTimer, &m_delayTimer })
        timer->stop();
    emit finished(this);
}

} // namespace emulator
