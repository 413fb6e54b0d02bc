#include "emulator/httprequestparser.h"

#include <utility>

namespace emulator {

namespace {

constexpr QByteArrayView kLineEnd("\r\n");
constexpr QByteArrayView kHeadEnd("\r\n\r\n");
constexpr int kMaxContentLengthDigits = 15; // far above any limit, far below overflow

// RFC 9110 tchar.
bool isTokenChar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

// Field values may hold visible characters, spaces, tabs and obs-text, never other controls.
bool isValidFieldValue(QByteArrayView value)
{
    for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0x7f || (byte < 0x20 && c != '\t'))
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView value)
{
    while (!value.isEmpty() && isOws(value.front()))
        value = value.sliced(1);
    while (!value.isEmpty() && isOws(value.back()))
        value.chop(1);
    return value;
}

// Where the first CR not followed by LF, or LF not preceded by CR, is in bytes[from…]; a CR as
// the last byte is not decided yet. -1 when there is none.
qsizetype firstBareLineBreak(QByteArrayView bytes, qsizetype from)
{
    for (qsizetype i = from; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            return i;
        if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] != '\n')
            return i;
    }
    return -1;
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits)
{
}

HttpRequestParser::Outcome HttpRequestParser::parse(QByteArray &buffer)
{
    switch (m_stage) {
    case Stage::Head:
        return parseHead(buffer);
    case Stage::Body:
        return parseBody(buffer);
    case Stage::Ready:
        return Outcome::RequestReady;
    case Stage::Rejected:
        return Outcome::Rejected;
    }
    return Outcome::Rejected;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::exchange(m_request, HttpRequest {});
    if (m_stage == Stage::Ready)
        m_stage = Stage::Head;
    return request;
}

HttpRequestParser::Outcome HttpRequestParser::reject(int status, QByteArray reason)
{
    m_stage = Stage::Rejected;
    m_rejection = HttpRejection { status, std::move(reason) };
    m_request = HttpRequest {};
    return Outcome::Rejected;
}

HttpRequestParser::Outcome HttpRequestParser::parseHead(QByteArray &buffer)
{
    // RFC 9112 §2.2: ignore empty lines before the request line.
    qsizetype leading = 0;
    while (buffer.size() - leading >= 2 && buffer[leading] == '\r' && buffer[leading + 1] == '\n')
        leading += 2;
    if (leading > 0) {
        buffer.remove(0, leading);
        m_scanFrom = 0;
    }

    // A bare CR or LF within the size limit is refused as soon as it arrives: a head that holds
    // one can never be valid, and a client that ends lines with LF alone would otherwise wait
    // for the request timeout. (Beyond the limit, the size is what gets refused.)
    const qsizetype end = buffer.indexOf(kHeadEnd, m_scanFrom);
    const qsizetype bare = end < 0 ? firstBareLineBreak(buffer, m_scanFrom)
                                   : firstBareLineBreak(QByteArrayView(buffer).first(end + 1), 0);
    if (bare >= 0 && bare < m_limits.maxHeaderBytes)
        return reject(400, "Bare CR or LF in the request head; lines must end with CRLF.");
    if (end < 0) {
        if (buffer.size() > m_limits.maxHeaderBytes) {
            return reject(431,
                "Request line and headers exceed " + QByteArray::number(m_limits.maxHeaderBytes)
                    + " bytes.");
        }
        m_scanFrom = qMax<qsizetype>(0, buffer.size() - (kHeadEnd.size() - 1));
        return Outcome::NeedMoreData;
    }
    m_scanFrom = 0;
    if (end + kHeadEnd.size() > m_limits.maxHeaderBytes) {
        return reject(431,
            "Request line and headers exceed " + QByteArray::number(m_limits.maxHeaderBytes)
                + " bytes.");
    }

    const QByteArrayView head(buffer.constData(), end);
    m_request = HttpRequest {};
    qsizetype lineStart = 0;
    bool first = true;
    while (lineStart <= head.size()) {
        qsizetype lineEnd = head.indexOf(kLineEnd, lineStart);
        if (lineEnd < 0)
            lineEnd = head.size();
        const QByteArrayView line = head.sliced(lineStart, lineEnd - lineStart);
        if (first) {
            if (!parseRequestLine(line))
                return Outcome::Rejected;
            first = false;
        } else if (!parseHeaderLine(line)) {
            return Outcome::Rejected;
        }
        lineStart = lineEnd + kLineEnd.size();
    }
    buffer.remove(0, end + kHeadEnd.size());

    if (!interpretFraming())
        return Outcome::Rejected;
    m_stage = Stage::Body;
    return parseBody(buffer);
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1) {
        reject(400, "Malformed request line: expected 'METHOD /path HTTP/1.1'.");
        return false;
    }
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method)) {
        reject(400, "Malformed request line: the method is not a token.");
        return false;
    }
    if (target.front() != '/') {
        reject(400, "Malformed request line: the target must be a path starting with '/'.");
        return false;
    }
    for (char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f || c == '#') {
            reject(400, "Malformed request line: invalid character in the target.");
            return false;
        }
    }
    if (version == "HTTP/1.1") {
        m_request.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        m_request.minorVersion = 0;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[5] >= '0'
        && version[5] <= '9' && version[6] == '.' && version[7] >= '0' && version[7] <= '9') {
        reject(505, "Only HTTP/1.0 and HTTP/1.1 are served.");
        return false;
    } else {
        reject(400, "Malformed request line: unknown protocol version.");
        return false;
    }
    m_request.method = method.toByteArray();
    const qsizetype question = target.indexOf('?');
    if (question < 0) {
        m_request.path = target.toByteArray();
    } else {
        m_request.path = target.first(question).toByteArray();
        m_request.query = target.sliced(question + 1).toByteArray();
    }
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        reject(400, "Empty header line inside the request head.");
        return false;
    }
    if (isOws(line.front())) {
        reject(400, "Obsolete header line folding is not accepted.");
        return false;
    }
    if (m_request.headers.size() >= m_limits.maxHeaderCount) {
        reject(431, "More than " + QByteArray::number(m_limits.maxHeaderCount) + " header fields.");
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon))) {
        reject(400, "Malformed header line: expected 'Name: value' with a token name.");
        return false;
    }
    const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
    if (!isValidFieldValue(value)) {
        reject(400,
            "Control character in the value of header '" + line.first(colon).toByteArray() + "'.");
        return false;
    }
    m_request.headers.append({ line.first(colon).toByteArray(), value.toByteArray() });
    return true;
}

bool HttpRequestParser::interpretFraming()
{
    const qsizetype hosts = m_request.headerCount("host");
    if (m_request.minorVersion == 1 && hosts != 1) {
        reject(400,
            hosts == 0 ? QByteArray("HTTP/1.1 requests need a Host header.")
                       : QByteArray("More than one Host header."));
        return false;
    }

    const bool hasTransferEncoding = m_request.headerCount("transfer-encoding") > 0;
    QByteArray contentLength;
    bool hasContentLength = false;
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (!headerNameEquals(name, "content-length"))
            continue;
        if (!isDigits(value) || value.size() > kMaxContentLengthDigits) {
            reject(400, "Content-Length must be a decimal number of bytes.");
            return false;
        }
        if (hasContentLength && value != contentLength) {
            reject(400, "Conflicting Content-Length headers.");
            return false;
        }
        contentLength = value;
        hasContentLength = true;
    }
    if (hasTransferEncoding && hasContentLength) {
        reject(400, "Both Transfer-Encoding and Content-Length are present.");
        return false;
    }
    if (hasTransferEncoding) {
        reject(411, "Transfer-Encoding is not supported; send the body with Content-Length.");
        return false;
    }
    m_bodyLength = hasContentLength ? contentLength.toLongLong() : 0;
    if (m_bodyLength > m_limits.maxBodyBytes) {
        reject(413,
            "The body of " + contentLength + " bytes exceeds the limit of "
                + QByteArray::number(m_limits.maxBodyBytes) + " bytes.");
        return false;
    }

    m_expectsContinue = false;
    const QByteArray expect = m_request.header("expect");
    if (!expect.isEmpty()) {
        if (!headerNameEquals(expect, "100-continue")) {
            reject(417, "Only 'Expect: 100-continue' is understood.");
            return false;
        }
        m_expectsContinue = m_bodyLength > 0;
    }
    return true;
}

HttpRequestParser::Outcome HttpRequestParser::parseBody(QByteArray &buffer)
{
    if (buffer.size() < m_bodyLength)
        return Outcome::NeedMoreData;
    m_request.body = buffer.left(m_bodyLength);
    buffer.remove(0, m_bodyLength);
    m_expectsContinue = false;
    m_stage = Stage::Ready;
    return Outcome::RequestReady;
}

} // namespace emulator
