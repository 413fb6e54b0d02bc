#include "ui/platformstartguard.h"

#include <QByteArray>

#include <cstdio>
#include <cstdlib>

namespace ui {

namespace {

PlatformStartGuard *g_guard = nullptr;

} // namespace

PlatformStartGuard::PlatformStartGuard(OnFailure onFailure)
    : m_onFailure(std::move(onFailure))
{
    g_guard = this;
    m_previous = qInstallMessageHandler(&PlatformStartGuard::handleMessage);
}

PlatformStartGuard::~PlatformStartGuard()
{
    qInstallMessageHandler(m_previous);
    g_guard = nullptr;
    for (const HeldMessage &held : std::as_const(m_held)) {
        const QByteArray category = held.category.toUtf8();
        const QMessageLogContext context(nullptr, 0, nullptr, category.constData());
        if (m_previous)
            m_previous(held.type, context, held.text);
        else
            std::fprintf(stderr, "%s\n",
                qFormatLogMessage(held.type, context, held.text).toLocal8Bit().constData());
    }
}

void PlatformStartGuard::handleMessage(
    QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!g_guard)
        return;
    if (type != QtFatalMsg) {
        g_guard->m_held.append(HeldMessage {
            type, QString::fromUtf8(context.category ? context.category : "default"), message });
        return;
    }
    // Qt calls abort() when this returns: end the process here, with the guard's status.
    const int status = g_guard->m_onFailure();
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(status);
}

QString missingDisplayText(
    const QString &platform, const QString &display, const QString &waylandDisplay)
{
    const QString name = platform.section(u':', 0, 0); // "xcb:option=value"
    if (!name.isEmpty() && name != QLatin1String("xcb") && name != QLatin1String("wayland"))
        return QStringLiteral("Qt's platform '%1' could not start").arg(platform);
    if (name == QLatin1String("wayland") || (name.isEmpty() && display.isEmpty()))
        return waylandDisplay.isEmpty() && display.isEmpty()
            ? QStringLiteral("no X11 or Wayland display (DISPLAY and WAYLAND_DISPLAY are not set)")
            : QStringLiteral("the Wayland display '%1' could not be opened").arg(waylandDisplay);
    if (display.isEmpty())
        return QStringLiteral("no X11 display (DISPLAY is not set)");
    return QStringLiteral("the X11 display '%1' could not be opened").arg(display);
}

} // namespace ui
