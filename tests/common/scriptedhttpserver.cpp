#include "scriptedhttpserver.h"

#include <QLocale>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <sys/socket.h>

namespace testsupport {

namespace {

constexpr qsizetype kMaxRequestHeadBytes = 64 * 1024;
constexpr qint64 kMaxRequestBodyBytes = 64 * 1024 * 1024;
// Body bytes are produced only while the socket holds less than this unsent, so a streamed body
// never piles up in memory.
constexpr qint64 kWriteHighWater = 64 * 1024;
constexpr qint64 kWriteChunk = 16 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    return std::any_of(headers.begin(), headers.end(), [name](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

enum class ChunkedStatus { Complete, Incomplete, Malformed };

// Decodes a chunked body at the start of `data`; on Complete, `consumed` covers the trailers.
ChunkedStatus decodeChunked(QByteArrayView data, QByteArray &body, qsizetype &consumed)
{
    body.clear();
    qsizetype position = 0;
    for (;;) {
        const qsizetype lineEnd = data.indexOf(QByteArrayView("\r\n"), position);
        if (lineEnd < 0)
            return data.size() - position > 1024 ? ChunkedStatus::Malformed
                                                 : ChunkedStatus::Incomplete;
        QByteArrayView sizeText = data.sliced(position, lineEnd - position);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText = sizeText.first(semicolon);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || body.size() + size > kMaxRequestBodyBytes)
            return ChunkedStatus::Malformed;
        position = lineEnd + 2;
        if (size == 0) {
            // Trailers, if any, end with an empty line.
            const qsizetype end = data.indexOf(QByteArrayView("\r\n\r\n"), position - 2);
            if (end < 0)
                return ChunkedStatus::Incomplete;
            consumed = end + 4;
            return ChunkedStatus::Complete;
        }
        if (data.size() < position + size + 2)
            return ChunkedStatus::Incomplete;
        body += data.sliced(position, size);
        if (data.sliced(position + size, 2) != QByteArrayView("\r\n"))
            return ChunkedStatus::Malformed;
        position += size + 2;
    }
}

} // namespace

// ---- RecordedRequest ------------------------------------------------------------------------

QByteArray RecordedRequest::path() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? target : target.left(mark);
}

QByteArray RecordedRequest::query() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? QByteArray() : target.mid(mark + 1);
}

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

int RecordedRequest::headerCount(QByteArrayView name) const
{
    return int(std::count_if(headers.begin(), headers.end(), [name](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    }));
}

// ---- ScriptedResponse -----------------------------------------------------------------------

ScriptedResponse ScriptedResponse::json(
    int status, const QByteArray &body, const QByteArray &contentType)
{
    return raw(status, contentType, body);
}

ScriptedResponse ScriptedResponse::awsError(
    int status, const QByteArray &type, const QByteArray &message)
{
    const QByteArray body = "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
    return json(status, body);
}

ScriptedResponse ScriptedResponse::raw(
    int status, const QByteArray &contentType, const QByteArray &body)
{
    ScriptedResponse response;
    response.status = status;
    if (!contentType.isEmpty())
        response.headers.append({ "Content-Type", contentType });
    response.body = body;
    return response;
}

ScriptedResponse ScriptedResponse::generated(
    int status, const QByteArray &contentType, qint64 size, Framing framing)
{
    ScriptedResponse response = raw(status, contentType, {});
    response.generatedBodySize = size;
    response.framing = framing;
    return response;
}

ScriptedResponse ScriptedResponse::hang()
{
    ScriptedResponse response;
    response.action = Action::Hang;
    return response;
}

ScriptedResponse ScriptedResponse::closeWithoutAnswer()
{
    ScriptedResponse response;
    response.action = Action::CloseWithoutAnswer;
    return response;
}

ScriptedResponse ScriptedResponse::withHeader(const QByteArray &name, const QByteArray &value) const
{
    ScriptedResponse copy = *this;
    copy.headers.append({ name, value });
    return copy;
}

ScriptedResponse ScriptedResponse::withDate(const QDateTime &newDate) const
{
    ScriptedResponse copy = *this;
    copy.date = newDate;
    copy.sendDate = true;
    return copy;
}

ScriptedResponse ScriptedResponse::withoutDate() const
{
    ScriptedResponse copy = *this;
    copy.sendDate = false;
    return copy;
}

ScriptedResponse ScriptedResponse::withFraming(Framing newFraming) const
{
    ScriptedResponse copy = *this;
    copy.framing = newFraming;
    return copy;
}

ScriptedResponse ScriptedResponse::closingAfterBodyBytes(qint64 bytes) const
{
    ScriptedResponse copy = *this;
    copy.closeAfterBodyBytes = bytes;
    return copy;
}

ScriptedResponse ScriptedResponse::resettingAfterBodyBytes(qint64 bytes) const
{
    ScriptedResponse copy = closingAfterBodyBytes(bytes);
    copy.resetAfterBody = true;
    return copy;
}

ScriptedResponse ScriptedResponse::trickling(
    std::chrono::milliseconds interval, qint64 bytesPerTick) const
{
    ScriptedResponse copy = *this;
    copy.trickleInterval = interval;
    copy.trickleBytes = std::max<qint64>(bytesPerTick, 1);
    return copy;
}

// ---- Connection -----------------------------------------------------------------------------

// One accepted socket: parses requests in order, answers each with its scripted response, and
// streams bodies under back-pressure.
class ScriptedHttpServer::Connection : public QObject {
public:
    Connection(ScriptedHttpServer *server, QTcpSocket *socket, int number)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_number(number)
    {
        socket->setParent(this);
        // Head and body go out in separate writes; without this, Nagle holds the body back
        // until the client's delayed ACK (tens of ms per response).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::readyRead, this, [this] { readRequests(); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this] { pump(Pace::AsFastAsAllowed); });
        connect(socket, &QTcpSocket::disconnected, this, [this] { onDisconnected(); });
        // A peer that resets the connection while a body is still being written may leave the
        // socket unconnected without a disconnected() signal.
        connect(socket, &QTcpSocket::errorOccurred, this, [this] {
            if (m_socket->state() == QAbstractSocket::UnconnectedState)
                onDisconnected();
        });
        m_trickle.setSingleShot(false);
        connect(&m_trickle, &QTimer::timeout, this, [this] { pump(Pace::TrickleTick); });
        readRequests();
    }

    void closeNow()
    {
        m_socket->abort();
        onDisconnected();
    }

private:
    enum class Pace { AsFastAsAllowed, TrickleTick };

    void readRequests()
    {
        m_input += m_socket->readAll();
        while (!m_busy && !m_closing) {
            const qsizetype headEnd = m_input.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (m_input.size() > kMaxRequestHeadBytes)
                    refuse(431);
                return;
            }
            RecordedRequest request;
            if (!parseHead(m_input.left(headEnd), request)) {
                refuse(400);
                return;
            }
            qsizetype consumed = headEnd + 4;
            const QByteArrayView rest = QByteArrayView(m_input).sliced(consumed);
            if (request.header("Transfer-Encoding").toLower().contains("chunked")) {
                qsizetype bodyBytes = 0;
                switch (decodeChunked(rest, request.body, bodyBytes)) {
                case ChunkedStatus::Incomplete:
                    return;
                case ChunkedStatus::Malformed:
                    refuse(400);
                    return;
                case ChunkedStatus::Complete:
                    consumed += bodyBytes;
                    break;
                }
            } else {
                const QByteArray lengthText = request.header("Content-Length");
                bool ok = lengthText.isEmpty();
                const qint64 length
                    = lengthText.isEmpty() ? 0 : lengthText.trimmed().toLongLong(&ok);
                if (!ok || length < 0 || length > kMaxRequestBodyBytes) {
                    refuse(length > kMaxRequestBodyBytes ? 413 : 400);
                    return;
                }
                if (rest.size() < length)
                    return;
                request.body = rest.first(length).toByteArray();
                consumed += length;
            }
            m_input.remove(0, consumed);
            m_keepAlive = request.header("Connection").toLower() != "close";
            request.connection = m_number;
            dispatch(std::move(request));
        }
    }

    static bool parseHead(const QByteArray &head, RecordedRequest &request)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
            return false;
        request.method = requestLine[0];
        request.target = requestLine[1];
        request.version = requestLine[2];
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return false;
            request.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
        }
        return true;
    }

    void refuse(int status)
    {
        m_closing = true;
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        m_socket->disconnectFromHost();
    }

    void dispatch(RecordedRequest request)
    {
        m_busy = true;
        const qsizetype index = m_server->record(request);
        m_index = index;
        emit m_server->requestReceived(index);
        m_response = m_server->nextResponse(request);
        switch (m_response.action) {
        case ScriptedResponse::Action::Hang:
            return;
        case ScriptedResponse::Action::CloseWithoutAnswer:
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        case ScriptedResponse::Action::Respond:
            break;
        }
        writeHead();
        m_bodySent = 0;
        m_bodyTotal = m_response.generatedBodySize >= 0 ? m_response.generatedBodySize
                                                        : m_response.body.size();
        if (m_response.trickleInterval.count() > 0 && m_bodyTotal > 0)
            m_trickle.start(m_response.trickleInterval);
        else
            pump(Pace::AsFastAsAllowed);
    }

    void writeHead()
    {
        const ScriptedResponse &r = m_response;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' '
            + (r.reason.isEmpty() ? reasonPhrase(r.status) : r.reason) + "\r\n";
        if (r.sendDate)
            head += "Date: " + httpDate(r.date.value_or(m_server->now())) + "\r\n";
        for (const auto &[name, value] : r.headers)
            head += name + ": " + value + "\r\n";
        switch (r.framing) {
        case ScriptedResponse::Framing::ContentLength:
            if (!hasHeader(r.headers, "Content-Length")) {
                const qint64 length
                    = r.generatedBodySize >= 0 ? r.generatedBodySize : r.body.size();
                head += "Content-Length: " + QByteArray::number(length) + "\r\n";
            }
            break;
        case ScriptedResponse::Framing::Chunked:
            head += "Transfer-Encoding: chunked\r\n";
            break;
        case ScriptedResponse::Framing::CloseDelimited:
            head += "Connection: close\r\n";
            break;
        }
        head += "\r\n";
        m_socket->write(head);
    }

    // Writes what the response allows now: body up to the high-water mark, or, when trickling,
    // one step per timer tick and nothing in between.
    void pump(Pace pace)
    {
        if (!m_busy || m_closing || m_response.action != ScriptedResponse::Action::Respond)
            return;
        const bool trickling = m_response.trickleInterval.count() > 0;
        if (trickling && pace != Pace::TrickleTick && m_bodySent < m_bodyTotal)
            return;
        bool wroteThisTick = false;
        while (m_bodySent < m_bodyTotal && m_socket->bytesToWrite() < kWriteHighWater) {
            if (trickling && wroteThisTick)
                break;
            qint64 size = std::min(
                trickling ? m_response.trickleBytes : kWriteChunk, m_bodyTotal - m_bodySent);
            if (m_response.closeAfterBodyBytes >= 0)
                size = std::min(size, m_response.closeAfterBodyBytes - m_bodySent);
            if (size <= 0)
                break;
            writeBody(size);
            wroteThisTick = true;
            if (m_response.closeAfterBodyBytes >= 0 && m_bodySent >= m_response.closeAfterBodyBytes)
                break;
        }
        if (m_response.closeAfterBodyBytes >= 0 && m_bodySent >= m_response.closeAfterBodyBytes
            && m_bodySent < m_bodyTotal) {
            m_closing = true;
            endResponse(false);
            if (m_response.resetAfterBody)
                reset();
            else
                m_socket->disconnectFromHost();
            return;
        }
        if (m_bodySent < m_bodyTotal)
            return;
        if (m_response.framing == ScriptedResponse::Framing::Chunked)
            m_socket->write("0\r\n\r\n");
        const bool closeAfter
            = m_response.framing == ScriptedResponse::Framing::CloseDelimited || !m_keepAlive;
        endResponse(true);
        if (closeAfter) {
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
        readRequests();
    }

    void writeBody(qint64 size)
    {
        const QByteArray data = m_response.generatedBodySize >= 0
            ? QByteArray(size, m_response.generatedFill)
            : m_response.body.mid(m_bodySent, size);
        if (m_response.framing == ScriptedResponse::Framing::Chunked)
            m_socket->write(QByteArray::number(size, 16) + "\r\n" + data + "\r\n");
        else
            m_socket->write(data);
        m_bodySent += size;
        m_server->m_progress[m_index].bodyBytesSent = m_bodySent;
    }

    void endResponse(bool completed)
    {
        m_trickle.stop();
        m_busy = false;
        m_server->m_progress[m_index].completed = completed;
        m_server->m_progress[m_index].ended = true;
        const qsizetype index = m_index;
        m_index = -1;
        emit m_server->responseEnded(index);
    }

    // Hands what was written to the kernel, then closes with SO_LINGER 0, which sends RST.
    void reset()
    {
        m_socket->flush();
        const qintptr descriptor = m_socket->socketDescriptor();
        if (descriptor >= 0) {
            const linger immediately { 1, 0 };
            ::setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_LINGER, &immediately,
                sizeof immediately);
        }
        m_socket->abort();
        onDisconnected();
    }

    void onDisconnected()
    {
        if (m_disconnected)
            return;
        m_disconnected = true;
        m_closing = true;
        if (m_index >= 0)
            endResponse(false);
        deleteLater();
    }

    ScriptedHttpServer *m_server;
    QTcpSocket *m_socket;
    int m_number;
    QByteArray m_input;
    bool m_busy = false;
    bool m_closing = false;
    bool m_keepAlive = true;
    bool m_disconnected = false;
    qsizetype m_index = -1;
    ScriptedResponse m_response;
    qint64 m_bodySent = 0;
    qint64 m_bodyTotal = 0;
    QTimer m_trickle;
};

// ---- ScriptedHttpServer ---------------------------------------------------------------------

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

ScriptedHttpServer::~ScriptedHttpServer() = default;

void ScriptedHttpServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

bool ScriptedHttpServer::listen(const QHostAddress &address, quint16 port)
{
    delete m_server;
    if (m_tls) {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*m_tls);
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    // pendingConnectionAvailable, unlike newConnection, waits for QSslServer's handshake.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
        &ScriptedHttpServer::onNewConnection);
    return m_server->listen(address, port);
}

QString ScriptedHttpServer::errorString() const
{
    return m_server ? m_server->errorString() : QStringLiteral("not listening");
}

QHostAddress ScriptedHttpServer::address() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 ScriptedHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QByteArray ScriptedHttpServer::hostHeader() const
{
    const QHostAddress host = address();
    const QByteArray name = host.protocol() == QAbstractSocket::IPv6Protocol
        ? '[' + host.toString().toLatin1() + ']'
        : host.toString().toLatin1();
    return name + ':' + QByteArray::number(port());
}

QUrl ScriptedHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(address().toString());
    url.setPort(port());
    url.setPath(path);
    return url;
}

void ScriptedHttpServer::enqueue(const ScriptedResponse &response, int times)
{
    for (int i = 0; i < times; ++i)
        m_queue.enqueue(response);
}

void ScriptedHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void ScriptedHttpServer::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

qint64 ScriptedHttpServer::responseBodyBytesSent(qsizetype index) const
{
    return m_progress.value(index).bodyBytesSent;
}

bool ScriptedHttpServer::responseCompleted(qsizetype index) const
{
    return m_progress.value(index).completed;
}

bool ScriptedHttpServer::responseHasEnded(qsizetype index) const
{
    return m_progress.value(index).ended;
}

void ScriptedHttpServer::closeAllConnections()
{
    const QList<QPointer<Connection>> connections = m_connections;
    for (const QPointer<Connection> &connection : connections) {
        if (connection)
            connection->closeNow();
    }
    m_connections.clear();
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connectionCount;
        m_connections.removeAll(nullptr);
        m_connections.append(new Connection(this, socket, m_connectionCount));
    }
}

qsizetype ScriptedHttpServer::record(RecordedRequest request)
{
    m_requests.append(std::move(request));
    m_progress.append(ResponseProgress {});
    return m_requests.size() - 1;
}

ScriptedResponse ScriptedHttpServer::nextResponse(const RecordedRequest &request)
{
    if (!m_queue.isEmpty())
        return m_queue.dequeue();
    if (m_handler)
        return m_handler(request);
    ++m_unexpectedRequests;
    return ScriptedResponse::raw(500, "text/plain",
        "ScriptedHttpServer: no scripted response left for " + request.method + ' '
            + request.target);
}

QDateTime ScriptedHttpServer::now() const
{
    return m_clock();
}

} // namespace testsupport
