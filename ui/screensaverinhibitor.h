#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <optional>

class QDBusPendingCallWatcher;

namespace ui {

// Asks the desktop not to blank the screen or lock it while this object lives, through the
// freedesktop ScreenSaver interface on the session bus (org.freedesktop.ScreenSaver, which GNOME,
// KDE, Xfce and others serve), and releases the request when it is destroyed. The request is
// asynchronous, so a slow or absent service never holds up the window; without one the screen
// blanks as the desktop decides, and state() says so.
class ScreenSaverInhibitor : public QObject {
    Q_OBJECT
public:
    enum class State { Asking, Inhibited, Unavailable };

    static constexpr char kService[] = "org.freedesktop.ScreenSaver";
    static constexpr char kPath[] = "/org/freedesktop/ScreenSaver";
    static constexpr char kInterface[] = "org.freedesktop.ScreenSaver";

    // `reason` is what the desktop shows for the request (in its list of inhibitors).
    ScreenSaverInhibitor(const QString &applicationName, const QString &reason,
        const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);
    ~ScreenSaverInhibitor() override; // UnInhibit, waiting at most a second for the answer

    State state() const { return m_state; }
    // Why the request failed (the bus's error), for the log; empty otherwise.
    const QString &problem() const { return m_problem; }

signals:
    void stateChanged(ui::ScreenSaverInhibitor::State state);

private:
    void onAnswered(QDBusPendingCallWatcher *watcher);

    QDBusConnection m_bus;
    State m_state = State::Asking;
    std::optional<quint32> m_cookie;
    QString m_problem;
};

} // namespace ui
