#pragma once

#include <QtGlobal>

#include <chrono>

namespace emulator {

// Bounds that keep one client from exhausting the server. Worst-case buffered memory is about
// maxConnections × (maxHeaderBytes + maxBodyBytes + one response).
struct HttpLimits {
    qsizetype maxHeaderBytes = 16 * 1024; // request line + headers; more → 431
    qsizetype maxBodyBytes = 64 * 1024; // Content-Length above this → 413 (the API needs < 1 KiB)
    int maxHeaderCount = 64; // more header lines → 431
    int maxConnections = 128; // more concurrent connections → 503 and close
    std::chrono::milliseconds idleTimeout { 60'000 }; // keep-alive connection with no request
    std::chrono::milliseconds requestTimeout {
        10'000
    }; // first byte to last byte of one request → 408
    std::chrono::milliseconds writeTimeout { 10'000 }; // a client that stops reading its response
    std::chrono::milliseconds lingerTimeout {
        2'000
    }; // reading and discarding after an error reply
};

} // namespace emulator
