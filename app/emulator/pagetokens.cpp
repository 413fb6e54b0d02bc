#include "emulator/pagetokens.h"

#include "emulator/sigv4verifier.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <array>

namespace emulator {

namespace {

constexpr QByteArray::Base64Options kBase64
    = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qsizetype kMacBytes = 16;
constexpr qsizetype kKeyWords = 8;

} // namespace

PageTokens PageTokens::withRandomKey()
{
    std::array<quint32, kKeyWords> words {};
    QRandomGenerator::system()->fillRange(words.data(), kKeyWords);
    return PageTokens(QByteArray(
        reinterpret_cast<const char *>(words.data()), static_cast<qsizetype>(sizeof(words))));
}

QByteArray PageTokens::seal(QByteArrayView scope, QByteArrayView cursor) const
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_key);
    mac.addData(scope.data(), scope.size());
    mac.addData("\0", 1);
    mac.addData(cursor.data(), cursor.size());
    return mac.result().left(kMacBytes);
}

QString PageTokens::issue(QByteArrayView scope, QByteArrayView cursor) const
{
    return QString::fromLatin1(
        cursor.toByteArray().toBase64(kBase64) + '.' + seal(scope, cursor).toBase64(kBase64));
}

std::optional<QByteArray> PageTokens::redeem(QStringView token, QByteArrayView scope) const
{
    const qsizetype dot = token.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return std::nullopt;
    const auto cursor = QByteArray::fromBase64Encoding(
        token.first(dot).toLatin1(), kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    const auto mac = QByteArray::fromBase64Encoding(
        token.sliced(dot + 1).toLatin1(), kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!cursor || !mac)
        return std::nullopt;
    // Only the canonical spelling: base64 lets the last character's unused bits vary.
    if (cursor.decoded.toBase64(kBase64) != token.first(dot).toLatin1()
        || mac.decoded.toBase64(kBase64) != token.sliced(dot + 1).toLatin1())
        return std::nullopt;
    if (!constantTimeEquals(*mac, seal(scope, *cursor)))
        return std::nullopt;
    return *cursor;
}

} // namespace emulator
