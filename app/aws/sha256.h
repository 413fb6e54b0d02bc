#pragma once

#include <QByteArrayView>

#include <array>

// SHA-256 and HMAC-SHA256 (RFC 2104) through OpenSSL's libcrypto, for the SigV4 signer.
// Thread-safe. A failure inside OpenSSL (out of memory, no default provider) is fatal.
namespace aws {

using Sha256Digest = std::array<unsigned char, 32>;

Sha256Digest sha256(QByteArrayView data);
Sha256Digest hmacSha256(QByteArrayView key, QByteArrayView message);

} // namespace aws
