// TrayNotifier on the offscreen platform with no session bus, where no system tray exists (the
// situation of a desktop without one): turning notifications on makes no icon and no error,
// alerts are dropped quietly, and isAvailable() says so for the menu. Where a tray does exist
// (a test run on a desktop), the icon's life and its signals are checked as well.
#include "ui/traynotifier.h"

#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QtTest>

using ui::TrayNotifier;

namespace {

models::StatusChangeNotifier::Alert alert(bool anomalous)
{
    models::StatusChangeNotifier::Alert a;
    a.title = QStringLiteral("pump-042 turned ANOMALOUS");
    a.message = QStringLiteral("pump-042: RUNNING, ANOMALOUS");
    a.names = { QStringLiteral("pump-042") };
    a.anomalous = anomalous;
    return a;
}

} // namespace

class TestTrayNotifier : public QObject {
    Q_OBJECT

private slots:
    void startsOff()
    {
        TrayNotifier notifier;
        QVERIFY(!notifier.isEnabled());
        QVERIFY(!notifier.trayIcon());
        QVERIFY(notifier.findChildren<QSystemTrayIcon *>().isEmpty());
    }

    void availability_isTheSystemTrays()
    {
        QCOMPARE(TrayNotifier::isAvailable(), QSystemTrayIcon::isSystemTrayAvailable());
    }

    void noTray_enabledMakesNoIconAndDropsAlerts()
    {
        if (TrayNotifier::isAvailable())
            return; // a desktop with a tray: see withTray_iconLivesWhileEnabled
        TrayNotifier notifier;
        QSignalSpy activated(&notifier, &TrayNotifier::activated);
        notifier.setEnabled(true);
        QVERIFY(notifier.isEnabled()); // the choice is kept for when a tray appears
        QVERIFY(!notifier.trayIcon());
        QVERIFY(notifier.findChildren<QSystemTrayIcon *>().isEmpty());
        notifier.notify(alert(true));
        notifier.notify(alert(false));
        notifier.setEnabled(true); // again: still nothing
        QVERIFY(!notifier.trayIcon());
        notifier.setEnabled(false);
        QVERIFY(!notifier.isEnabled());
        QCOMPARE(activated.size(), 0);
    }

    void disabled_dropsAlerts()
    {
        TrayNotifier notifier;
        notifier.notify(alert(true)); // off from the start: no icon is made to show it
        QVERIFY(!notifier.trayIcon());
        notifier.setEnabled(false);
        QVERIFY(!notifier.trayIcon());
    }

    void withTray_iconLivesWhileEnabled()
    {
        if (!TrayNotifier::isAvailable())
            return; // no tray here: see noTray_enabledMakesNoIconAndDropsAlerts
        TrayNotifier notifier;
        QSignalSpy activated(&notifier, &TrayNotifier::activated);
        notifier.setEnabled(true);
        QSystemTrayIcon *icon = notifier.trayIcon();
        QVERIFY(icon);
        QCOMPARE(icon->parent(), &notifier);
        QVERIFY(icon->isVisible());
        QVERIFY(!icon->toolTip().isEmpty());
        notifier.setEnabled(true);
        QCOMPARE(notifier.trayIcon(), icon); // one icon, not one per call

        emit icon->messageClicked();
        QCOMPARE(activated.size(), 1);
        emit icon->activated(QSystemTrayIcon::Trigger);
        emit icon->activated(QSystemTrayIcon::DoubleClick);
        QCOMPARE(activated.size(), 3);
        emit icon->activated(QSystemTrayIcon::Context); // the menu, not the window
        QCOMPARE(activated.size(), 3);

        QPointer<QSystemTrayIcon> gone = icon;
        notifier.setEnabled(false);
        QVERIFY(!gone);
        QVERIFY(!notifier.trayIcon());
    }
};

QTEST_MAIN(TestTrayNotifier)
#include "tst_traynotifier.moc"
