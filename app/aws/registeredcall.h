#pragma once

#include "aws/clientcall.h"
#include "aws/signedexchange.h"

#include <QList>
#include <QPointer>

namespace aws {

class RegisteredCall;

// The calls a client has in flight. Destroying the registry (with the client) aborts and deletes
// them, except a call whose callback is destroying the client: that one deletes itself from the
// event loop once its callback has returned.
class CallRegistry {
public:
    CallRegistry() = default;
    CallRegistry(const CallRegistry &) = delete;
    CallRegistry &operator=(const CallRegistry &) = delete;
    ~CallRegistry();

    // Profile or region switched: every call stops and no callback runs.
    void abortAll();

private:
    friend class RegisteredCall;
    QList<RegisteredCall *> m_calls;
};

// What every call of a client does: it is listed in the client's registry while it lives, stops
// when its context (may be null) is destroyed, sends its requests as SignedExchanges (one at a
// time), and delivers its result at most once, never after abort() or its context's end.
class RegisteredCall : public ClientCall {
public:
    RegisteredCall(QObject *client, CallRegistry *registry, ClientShared *shared,
        QByteArray operation, QObject *context);
    ~RegisteredCall() override;

    void abort() final;
    QByteArray operation() const final { return m_operation; }

protected:
    // Drops the stored callback: abort() came first.
    virtual void dropCallback() = 0;

    // Sends one request; a request still in flight is cancelled.
    void send(int maxAttempts, SignedExchange::Protocol protocol, SignedExchange::Done done);

    // Runs `callback` with `value` once, unless the context is gone; then deletes this call.
    template<typename Callback, typename Value> void deliver(Callback &callback, Value value)
    {
        m_finished = true;
        Callback done = std::move(callback);
        callback = nullptr;
        deleteLater();
        if ((m_hasContext && !m_context) || !done)
            return;
        // The callback may destroy the client, whose registry then leaves this call to the
        // deleteLater() above; a deferred delete never runs inside the callback's own nested
        // event loops, so this object is still here when the callback returns.
        m_delivering = true;
        done(value);
        m_delivering = false;
    }

    bool finished() const { return m_finished; }

private:
    friend class CallRegistry;

    CallRegistry *m_registry;
    ClientShared *m_shared;
    QByteArray m_operation;
    QPointer<QObject> m_context;
    bool m_hasContext;
    QPointer<SignedExchange> m_exchange;
    bool m_finished = false;
    bool m_delivering = false;
};

} // namespace aws
