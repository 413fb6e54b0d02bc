#include "aws/registeredcall.h"

#include "aws/httplogging.h"

namespace aws {

CallRegistry::~CallRegistry()
{
    const QList<RegisteredCall *> calls = std::exchange(m_calls, {});
    for (RegisteredCall *call : calls) {
        call->m_registry = nullptr;
        call->abort();
        if (call->m_delivering)
            call->setParent(nullptr);
        else
            delete call;
    }
}

void CallRegistry::abortAll()
{
    const QList<RegisteredCall *> calls = m_calls;
    for (RegisteredCall *call : calls)
        call->abort();
}

RegisteredCall::RegisteredCall(QObject *client, CallRegistry *registry, ClientShared *shared,
    QByteArray operation, QObject *context)
    : ClientCall(client)
    , m_registry(registry)
    , m_shared(shared)
    , m_operation(std::move(operation))
    , m_context(context)
    , m_hasContext(context != nullptr)
{
    m_registry->m_calls.append(this);
    if (context)
        connect(context, &QObject::destroyed, this, &RegisteredCall::abort);
}

RegisteredCall::~RegisteredCall()
{
    if (m_registry)
        m_registry->m_calls.removeOne(this);
}

void RegisteredCall::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    dropCallback();
    if (m_exchange) {
        m_exchange->cancel();
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    qCDebug(lcHttp).noquote() << QStringLiteral("%1 aborted").arg(QString::fromLatin1(m_operation));
    deleteLater();
}

void RegisteredCall::send(
    int maxAttempts, SignedExchange::Protocol protocol, SignedExchange::Done done)
{
    if (m_exchange) {
        m_exchange->cancel();
        m_exchange->deleteLater();
    }
    m_exchange = new SignedExchange(
        m_shared, m_operation, maxAttempts, std::move(protocol), std::move(done), this);
    m_exchange->start();
}

} // namespace aws
