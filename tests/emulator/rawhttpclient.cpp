#include "rawhttpclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace {

// Wakes on any socket activity or the deadline, whichever comes first.
void waitForActivity(QTcpSocket &socket, const QDeadlineTimer &deadline)
{
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, &QEventLoop::quit);
    QTimer::singleShot(qMax<qint64>(1, deadline.remainingTime()), &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

QByteArray RawHttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

RawHttpClient::RawHttpClient(quint16 port)
    : m_socket(std::make_unique<QTcpSocket>())
{
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    const QDeadlineTimer deadline(10'000);
    while (m_socket->state() != QAbstractSocket::ConnectedState && !deadline.hasExpired()
        && m_socket->state() != QAbstractSocket::UnconnectedState)
        waitForActivity(*m_socket, deadline);
}

RawHttpClient::~RawHttpClient() = default;

bool RawHttpClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState && !m_closed;
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

void RawHttpClient::readAll()
{
    m_buffer += m_socket->readAll();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        m_closed = true;
}

std::optional<RawHttpResponse> RawHttpClient::takeResponse()
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    RawHttpResponse response;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return std::nullopt;
    response.status = statusLine[1].toInt();
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
        if (line.left(colon).compare("content-length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (response.status == 100) { // interim: no body
        m_buffer.remove(0, headEnd + 4);
        return response;
    }
    if (m_buffer.size() < headEnd + 4 + length)
        return std::nullopt;
    response.body = m_buffer.mid(headEnd + 4, length);
    m_buffer.remove(0, headEnd + 4 + length);
    return response;
}

std::optional<RawHttpResponse> RawHttpClient::readResponse(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        readAll();
        if (std::optional<RawHttpResponse> response = takeResponse())
            return response;
        if (m_closed || deadline.hasExpired())
            return std::nullopt;
        waitForActivity(*m_socket, deadline);
    }
}

bool RawHttpClient::waitForClose(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        readAll();
        if (m_closed || m_socket->state() == QAbstractSocket::UnconnectedState)
            return true;
        if (deadline.hasExpired())
            return false;
        waitForActivity(*m_socket, deadline);
    }
}

QByteArray RawHttpClient::post(QByteArrayView body, QByteArrayView extraHeaders)
{
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders.toByteArray()
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body.toByteArray();
}
