#pragma once

#include <QList>
#include <QMessageLogContext>
#include <QString>

#include <functional>

namespace ui {

// Qt ends the process with abort() (status 134, "Reinstalling the application may fix this
// problem") when no platform plugin can start: no X11 or Wayland display, an unreachable one, a
// platform that does not exist. While a guard lives (around the QApplication constructor), that
// fatal message instead runs `onFailure`, which says what is wrong in a sentence and returns the
// exit status, and the process ends with it. Qt's other messages meanwhile ("could not connect
// to display") are held back: dropped on failure, passed on when the platform started.
class PlatformStartGuard {
public:
    using OnFailure = std::function<int()>;

    explicit PlatformStartGuard(OnFailure onFailure);
    ~PlatformStartGuard();
    PlatformStartGuard(const PlatformStartGuard &) = delete;
    PlatformStartGuard &operator=(const PlatformStartGuard &) = delete;

private:
    struct HeldMessage {
        QtMsgType type;
        QString category;
        QString text;
    };

    static void handleMessage(
        QtMsgType type, const QMessageLogContext &context, const QString &message);

    OnFailure m_onFailure;
    QtMessageHandler m_previous = nullptr;
    QList<HeldMessage> m_held;
};

// What the window needs and did not get, as the sentence the guard's failure prints: "no X11 or
// Wayland display (DISPLAY and WAYLAND_DISPLAY are not set)", "the display ':9' could not be
// opened", "Qt's platform 'vnc' could not start". `platform` is what -platform or
// QT_QPA_PLATFORM asked for (empty: Qt's default).
QString missingDisplayText(
    const QString &platform, const QString &display, const QString &waylandDisplay);

} // namespace ui
