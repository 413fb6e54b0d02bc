#pragma once

#include "models/statuschangenotifier.h"

#include <QObject>

class QSystemTrayIcon;

namespace ui {

// Desktop notifications for models::StatusChangeNotifier's alerts, through a system-tray icon
// that exists only while notifications are on and the desktop has a tray (QSystemTrayIcon); no
// tray, no icon and no notifications, and isAvailable() says so for the menu to show.
class TrayNotifier : public QObject {
    Q_OBJECT

public:
    explicit TrayNotifier(QObject *parent = nullptr);
    ~TrayNotifier() override;

    static bool isAvailable();

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // The icon while enabled and available; null otherwise.
    QSystemTrayIcon *trayIcon() const;

    // Shows the alert when enabled; otherwise does nothing.
    void notify(const models::StatusChangeNotifier::Alert &alert);

signals:
    // The user clicked the notification or the icon: bring the window forward.
    void activated();

private:
    bool m_enabled = false;
    QSystemTrayIcon *m_icon = nullptr; // a child; deleted when notifications are turned off
};

} // namespace ui
