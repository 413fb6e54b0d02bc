#include "ui/traynotifier.h"

#include "resources/resourcepaths.h"

#include <QIcon>
#include <QSystemTrayIcon>

namespace ui {

TrayNotifier::TrayNotifier(QObject *parent)
    : QObject(parent)
{
}

TrayNotifier::~TrayNotifier() = default;

QSystemTrayIcon *TrayNotifier::trayIcon() const
{
    return m_icon;
}

bool TrayNotifier::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayNotifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (enabled && !m_icon && isAvailable()) {
        m_icon = new QSystemTrayIcon(QIcon(resources::applicationIconPath()), this);
        m_icon->setToolTip(
            tr("Lookout Desk: notifies when a scheduler turns ANOMALOUS or stops running"));
        connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
        connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit activated();
            });
        m_icon->show();
    } else if (!enabled && m_icon) {
        delete m_icon;
        m_icon = nullptr;
    }
}

void TrayNotifier::notify(const models::StatusChangeNotifier::Alert &alert)
{
    if (!m_enabled || !m_icon)
        return;
    m_icon->showMessage(alert.title, alert.message,
        alert.anomalous ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

} // namespace ui
