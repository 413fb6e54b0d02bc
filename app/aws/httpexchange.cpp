#include "aws/httpexchange.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

#include <algorithm>
#include <limits>

namespace aws {

namespace {

// Qt's own buffer between its HTTP thread and us; with it bounded, a fast endpoint cannot make
// Qt hold more than this beyond what we have read (and capped).
constexpr qint64 kReplyReadBufferBytes = 256 * 1024;

// The errors Qt reports for an HTTP error status (400 → ProtocolInvalidOperationError, 404 →
// ContentNotFoundError, 5xx → …ServerError, …). A reply finished with one of these is an answer
// with a status and a body; any other error means the exchange itself failed.
bool isErrorStatusReport(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ContentAccessDenied:
    case QNetworkReply::ContentNotFoundError:
    case QNetworkReply::ContentOperationNotPermittedError:
    case QNetworkReply::ContentConflictError:
    case QNetworkReply::ContentGoneError:
    case QNetworkReply::UnknownContentError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::OperationNotImplementedError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

AwsError::Kind kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
        return AwsError::Kind::Tls;
    case QNetworkReply::TimeoutError:
        return AwsError::Kind::Timeout;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::ProtocolFailure:
        return AwsError::Kind::BadResponse;
    default:
        return AwsError::Kind::Network;
    }
}

QString milliseconds(std::chrono::milliseconds duration)
{
    return QString::number(duration.count()) + QStringLiteral(" ms");
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpExchange::HttpExchange(QNetworkAccessManager *network, QNetworkRequest request,
    const QByteArray &body, HttpExchangeLimits limits, Done done, QObject *parent)
    : HttpExchange(network, std::move(request), QByteArrayLiteral("POST"), body, limits,
        std::move(done), parent)
{
}

HttpExchange::HttpExchange(QNetworkAccessManager *network, QNetworkRequest request,
    const QByteArray &method, const QByteArray &body, HttpExchangeLimits limits, Done done,
    QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_done(std::move(done))
{
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // HTTP/2 would send the URL's authority instead of the Host header that was signed.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // An explicit Accept-Encoding stops Qt's transparent gunzip, so the size cap counts what the
    // endpoint sends rather than what a small compressed body could expand to.
    request.setRawHeader("Accept-Encoding", "identity");
    // Qt's own transfer timeout stays off: ours tells connecting from reading.
    request.setTransferTimeout(0);

    m_timer.setSingleShot(true);
    // Coarse timers may fire up to 5 % early; a timeout must never cut an exchange short.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_limits.connectTimeout);
    connect(&m_timer, &QTimer::timeout, this, &HttpExchange::onTimeout);
    // Progress resets the read timeout, so a trickling endpoint would never trip it: the whole
    // exchange is bounded by both timeouts together (QTimer counts in an int; beyond that, none).
    const std::chrono::milliseconds total = m_limits.connectTimeout + m_limits.readTimeout;
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    m_deadline.setInterval(std::chrono::milliseconds(
        std::min<qint64>(total.count(), std::numeric_limits<int>::max())));
    connect(&m_deadline, &QTimer::timeout, this, [this, total] {
        abortWith(AwsError::Kind::Timeout,
            QStringLiteral("the response was not complete within %1, the connect and read "
                           "timeouts together")
                .arg(milliseconds(total)));
    });

    if (method == "POST")
        m_reply = network->post(request, body);
    else if (method == "GET")
        m_reply = network->get(request);
    else if (method == "HEAD")
        m_reply = network->head(request);
    else
        m_reply = network->sendCustomRequest(request, method, body);
    m_reply->setReadBufferSize(kReplyReadBufferBytes);
    // Qt passes the limit on to its HTTP thread only once the request has been handed over
    // there, which post() merely queues; setting it again from the event loop, right behind that
    // hand-over, makes it apply before the first response byte.
    QMetaObject::invokeMethod(
        m_reply, [reply = m_reply.data()] { reply->setReadBufferSize(kReplyReadBufferBytes); },
        Qt::QueuedConnection);
    connect(m_reply, &QNetworkReply::requestSent, this, &HttpExchange::enterReadingPhase);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) {
        if (sent > 0)
            enterReadingPhase();
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
    connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
    m_timer.start();
    m_deadline.start();
}

HttpExchange::~HttpExchange()
{
    releaseReply();
}

void HttpExchange::cancel()
{
    m_phase = Phase::Done;
    m_timer.stop();
    m_deadline.stop();
    m_done = nullptr;
    releaseReply();
}

void HttpExchange::enterReadingPhase()
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Reading;
    m_timer.start(m_limits.readTimeout);
}

void HttpExchange::captureStatusAndHeaders()
{
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_response.status = status.isValid() ? status.toInt() : 0;
    m_response.headers.clear();
    for (const auto &pair : m_reply->rawHeaderPairs())
        m_response.headers.append({ pair.first, pair.second });
}

void HttpExchange::onMetaDataChanged()
{
    if (m_phase == Phase::Done)
        return;
    enterReadingPhase();
    captureStatusAndHeaders();
    bool hasLength = false;
    const qint64 announced = m_response.header("Content-Length").trimmed().toLongLong(&hasLength);
    if (hasLength && announced > m_limits.maxResponseBytes) {
        abortWith(AwsError::Kind::TooLarge,
            QStringLiteral("Content-Length announces %1 bytes, over the limit of %2 bytes")
                .arg(announced)
                .arg(m_limits.maxResponseBytes));
        return;
    }
    // A known length (within the cap) is allocated once, so the body never exists twice while
    // a growing buffer is copied.
    if (hasLength && announced > 0 && m_receivedBytes == 0 && m_pieces.isEmpty())
        m_response.body.reserve(announced);
}

void HttpExchange::onReadyRead()
{
    if (m_phase == Phase::Done)
        return;
    enterReadingPhase();
    const qint64 available = m_reply->bytesAvailable();
    if (available <= 0)
        return;
    if (m_receivedBytes + available > m_limits.maxResponseBytes) {
        abortWith(AwsError::Kind::TooLarge,
            QStringLiteral("more than %1 bytes arrived; the rest was not read")
                .arg(m_limits.maxResponseBytes));
        return;
    }
    m_receivedBytes += available;
    if (m_response.body.capacity() >= m_receivedBytes)
        m_response.body += m_reply->read(available);
    else
        m_pieces.append(m_reply->read(available)); // joined once at the end, never regrown
}

void HttpExchange::onFinished()
{
    if (m_phase == Phase::Done)
        return;
    onReadyRead();
    if (m_phase == Phase::Done)
        return;
    captureStatusAndHeaders();

    if (!m_pieces.isEmpty()) {
        m_response.body += m_pieces.join();
        m_pieces.clear();
    }

    HttpExchangeOutcome outcome;
    const QNetworkReply::NetworkError error = m_reply->error();
    if (error != QNetworkReply::NoError
        && (!isErrorStatusReport(error) || m_response.status == 0)) {
        outcome.failure = kindOf(error);
        outcome.failureMessage = m_reply->errorString();
        // Qt's text often names the first certificate error already; add only the others.
        QStringList unnamed;
        for (const QString &sslError : std::as_const(m_sslErrors)) {
            if (!outcome.failureMessage.contains(sslError) && !unnamed.contains(sslError))
                unnamed.append(sslError);
        }
        if (!unnamed.isEmpty())
            outcome.failureMessage
                += QStringLiteral(" (%1)").arg(unnamed.join(QStringLiteral("; ")));
    }
    if (!outcome.failure) {
        if (const std::optional<QString> cut = truncatedBody()) {
            outcome.failure = AwsError::Kind::Network;
            outcome.failureMessage = *cut;
        }
    }
    outcome.response = std::move(m_response);
    releaseReply();
    finish(std::move(outcome));
}

std::optional<QString> HttpExchange::truncatedBody() const
{
    // Qt may finish a reply without an error when the connection is reset right after part of
    // a body that Content-Length announced (it depends on when the reset is read). Bodies are
    // never decompressed, so the announced length is the count of bytes that must arrive.
    if (m_reply->operation() == QNetworkAccessManager::HeadOperation || m_response.status == 204
        || m_response.status == 304)
        return std::nullopt;
    bool hasLength = false;
    const qint64 announced = m_response.header("Content-Length").trimmed().toLongLong(&hasLength);
    if (!hasLength || m_response.body.size() >= announced)
        return std::nullopt;
    return QStringLiteral("the connection closed after %1 of the %2 bytes that Content-Length "
                          "announced")
        .arg(m_response.body.size())
        .arg(announced);
}

void HttpExchange::onTimeout()
{
    if (m_phase == Phase::Connecting) {
        abortWith(AwsError::Kind::Timeout,
            QStringLiteral("connect timeout: the request could not be sent within %1")
                .arg(milliseconds(m_limits.connectTimeout)));
    } else if (m_phase == Phase::Reading) {
        abortWith(AwsError::Kind::Timeout,
            QStringLiteral("read timeout: nothing arrived for %1")
                .arg(milliseconds(m_limits.readTimeout)));
    }
}

void HttpExchange::abortWith(AwsError::Kind kind, const QString &message)
{
    HttpExchangeOutcome outcome;
    outcome.failure = kind;
    outcome.failureMessage = message;
    outcome.response.status = m_response.status;
    outcome.response.headers = m_response.headers;
    m_response.body.clear();
    m_pieces.clear();
    releaseReply();
    finish(std::move(outcome));
}

void HttpExchange::finish(HttpExchangeOutcome outcome)
{
    m_phase = Phase::Done;
    m_timer.stop();
    m_deadline.stop();
    // The callback may destroy this object; it runs from a local copy and touches nothing after.
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(outcome));
}

void HttpExchange::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

} // namespace aws
