#pragma once

#include <QNetworkAccessManager>

#include <memory>

namespace aws {

// The QNetworkAccessManager of the credential providers' own calls (STS, IAM Identity Center),
// made on first use on the thread that asks, so that resolving static keys never creates one.
class LazyNetwork {
public:
    QNetworkAccessManager *get()
    {
        if (!m_network)
            m_network = std::make_unique<QNetworkAccessManager>();
        return m_network.get();
    }

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace aws
