#pragma once

#include "emulator/httplimits.h"
#include "emulator/httpmessage.h"

#include <QByteArray>

namespace emulator {

// Why a request was refused: the status to answer before closing, and a reason for the body.
struct HttpRejection {
    int status = 400;
    QByteArray reason;
};

// A strict, incremental HTTP/1.1 request parser with hard limits. It accepts origin-form
// targets, CRLF line ends, token header names, Content-Length bodies only (Transfer-Encoding
// → 411, both → 400), exactly one Host for HTTP/1.1, and nothing larger than HttpLimits. It
// holds no socket: feed it bytes, it takes what it understood from the front of the buffer.
// Pipelined requests simply stay in the buffer for the next call.
class HttpRequestParser {
public:
    enum class Outcome { NeedMoreData, RequestReady, Rejected };

    explicit HttpRequestParser(const HttpLimits &limits);

    // After RequestReady, takeRequest(); after Rejected, answer rejection() and close the
    // connection: the parser stays rejected because the stream can no longer be framed.
    Outcome parse(QByteArray &buffer);
    HttpRequest takeRequest();
    const HttpRejection &rejection() const { return m_rejection; }

    // True between a head with "Expect: 100-continue" and the end of its body.
    bool awaitingContinue() const { return m_stage == Stage::Body && m_expectsContinue; }
    // True while a head has been read and its body is still arriving.
    bool readingBody() const { return m_stage == Stage::Body; }

private:
    enum class Stage { Head, Body, Ready, Rejected };

    Outcome parseHead(QByteArray &buffer);
    Outcome parseBody(QByteArray &buffer);
    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool interpretFraming();
    Outcome reject(int status, QByteArray reason);

    HttpLimits m_limits;
    Stage m_stage = Stage::Head;
    qsizetype m_scanFrom = 0; // where to resume looking for the blank line
    qsizetype m_bodyLength = 0;
    bool m_expectsContinue = false;
    HttpRequest m_request;
    HttpRejection m_rejection;
};

} // namespace emulator
