#pragma once

#include "aws/awscredentials.h"
#include "aws/result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace aws {

// Where a client gets its credentials. Providers may be slow (credential_process, keychain), so
// fetching is asynchronous; a provider caches and refreshes what it resolved.
class CredentialsProvider {
public:
    using Callback = std::function<void(const Result<AwsCredentials> &)>;

    virtual ~CredentialsProvider() = default;

    // Delivers credentials valid for at least the next few minutes, resolving or refreshing them
    // first when needed. `done` runs on the caller's thread, possibly before fetch() returns, and
    // never after `context` is destroyed.
    virtual void fetch(QObject *context, Callback done) = 0;
    // Forget cached credentials (the service said they expired); the next fetch re-resolves.
    virtual void invalidate() = 0;
    // Safe to show: names the source, never a secret ("profile prod from ~/.aws/credentials").
    virtual QString description() const = 0;
};

// Fixed credentials (the emulator's keys, tests, a key pair typed in for this session).
class StaticCredentialsProvider final : public CredentialsProvider {
public:
    explicit StaticCredentialsProvider(AwsCredentials credentials)
        : m_credentials(std::move(credentials))
    {
    }
    void fetch(QObject *, Callback done) override { done(m_credentials); }
    void invalidate() override { }
    QString description() const override { return m_credentials.source; }

private:
    AwsCredentials m_credentials;
};

} // namespace aws
