#include "aws/sha256.h"

#include <QtGlobal>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <memory>

namespace aws {

namespace {

void requireOpenSsl(bool succeeded, const char *what)
{
    // Fails only when memory runs out or the default provider is missing: no signature then.
    if (!succeeded)
        qFatal("OpenSSL %s failed", what);
}

using MacContext = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;

MacContext newHmacSha256Context()
{
    EVP_MAC *hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    MacContext context(hmac ? EVP_MAC_CTX_new(hmac) : nullptr, &EVP_MAC_CTX_free);
    EVP_MAC_free(hmac); // the context holds its own reference
    char digest[] = "SHA256";
    const OSSL_PARAM params[]
        = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
              OSSL_PARAM_construct_end() };
    requireOpenSsl(context && EVP_MAC_CTX_set_params(context.get(), params), "HMAC setup");
    return context;
}

} // namespace

Sha256Digest sha256(QByteArrayView data)
{
    // Fetched once: OpenSSL 3 otherwise looks the name up on every use, which costs more than
    // hashing a canonical request (crypto(7), "Performance").
    static EVP_MD *const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    Sha256Digest digest {};
    requireOpenSsl(algorithm
            && EVP_Digest(data.data(), data.size(), digest.data(), nullptr, algorithm, nullptr),
        "SHA-256");
    return digest;
}

Sha256Digest hmacSha256(QByteArrayView key, QByteArrayView message)
{
    // One context per thread, keyed anew for each MAC: setting one up costs more than a MAC.
    thread_local const MacContext context = newHmacSha256Context();
    const auto bytes
        = [](QByteArrayView data) { return reinterpret_cast<const unsigned char *>(data.data()); };
    Sha256Digest mac {};
    std::size_t length = 0;
    requireOpenSsl(EVP_MAC_init(context.get(), bytes(key), key.size(), nullptr)
            && EVP_MAC_update(context.get(), bytes(message), message.size())
            && EVP_MAC_final(context.get(), mac.data(), &length, mac.size()),
        "HMAC-SHA256");
    return mac;
}

} // namespace aws
