#include "ui/screensaverinhibitor.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

namespace ui {

namespace {

Q_LOGGING_CATEGORY(lcScreenSaver, "lookoutdesk.screensaver")

QDBusMessage screenSaverCall(const char *method)
{
    return QDBusMessage::createMethodCall(QLatin1String(ScreenSaverInhibitor::kService),
        QLatin1String(ScreenSaverInhibitor::kPath), QLatin1String(ScreenSaverInhibitor::kInterface),
        QLatin1String(method));
}

} // namespace

ScreenSaverInhibitor::ScreenSaverInhibitor(const QString &applicationName, const QString &reason,
    const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected()) {
        m_state = State::Unavailable;
        m_problem = QStringLiteral("no session bus");
        qCInfo(lcScreenSaver) << "the screen may blank: no session bus";
        return;
    }
    QDBusMessage inhibit = screenSaverCall("Inhibit");
    inhibit << applicationName << reason;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(inhibit), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &ScreenSaverInhibitor::onAnswered);
}

ScreenSaverInhibitor::~ScreenSaverInhibitor()
{
    if (!m_cookie)
        return;
    QDBusMessage release = screenSaverCall("UnInhibit");
    release << *m_cookie;
    m_bus.call(release, QDBus::Block, 1000);
}

void ScreenSaverInhibitor::onAnswered(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const QDBusPendingReply<quint32> reply = *watcher;
    if (reply.isError()) {
        m_state = State::Unavailable;
        m_problem = reply.error().message();
        qCInfo(lcScreenSaver)
            << "the screen may blank: the ScreenSaver service refused or is absent:"
            << reply.error().name();
    } else {
        m_cookie = reply.value();
        m_state = State::Inhibited;
    }
    emit stateChanged(m_state);
}

} // namespace ui
