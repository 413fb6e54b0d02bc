#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace emulator {

// Opaque NextToken values: a cursor (where the next page starts) sealed with an HMAC over the
// cursor and the request's scope (operation and filters), under a key that lives as long as the
// emulator. A token from another operation, other filters, another emulator run, or edited by
// hand fails to redeem, and the service answers ValidationException.
class PageTokens {
public:
    explicit PageTokens(QByteArray key)
        : m_key(std::move(key))
    {
    }
    static PageTokens withRandomKey();

    QString issue(QByteArrayView scope, QByteArrayView cursor) const;
    std::optional<QByteArray> redeem(QStringView token, QByteArrayView scope) const;

private:
    QByteArray seal(QByteArrayView scope, QByteArrayView cursor) const;

    QByteArray m_key;
};

} // namespace emulator
