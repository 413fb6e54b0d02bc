// The wall display keeps the screen on through the freedesktop ScreenSaver interface: Inhibit
// when it starts, UnInhibit with the same cookie when it ends, against a ScreenSaver service this
// test serves on its private session bus; and no service, or a refusal, leaves it Unavailable.
#include "ui/screensaverinhibitor.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#include <QtTest>

using namespace Qt::StringLiterals;
using ui::ScreenSaverInhibitor;

namespace {

constexpr int kWaitMs = 10'000;

// What a desktop's screensaver serves, recording the calls.
class FakeScreenSaver : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.ScreenSaver")
public:
    QStringList inhibited; // "application: reason"
    QList<quint32> released;
    bool refuse = false;

public slots:
    quint32 Inhibit(const QString &application, const QString &reason, const QDBusMessage &call)
    {
        if (refuse) {
            call.setDelayedReply(true);
            QDBusConnection::sessionBus().send(
                call.createErrorReply(QDBusError::AccessDenied, u"not now"_s));
            return 0;
        }
        inhibited.append(application + u": "_s + reason);
        return 4242;
    }
    void UnInhibit(quint32 cookie) { released.append(cookie); }
};

} // namespace

class TestScreenSaverInhibitor : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), "needs a session bus (tests/run gives each test its own)");
        QVERIFY(bus.registerObject(QLatin1String(ScreenSaverInhibitor::kPath), &m_service,
            QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QLatin1String(ScreenSaverInhibitor::kService)));
    }
    void cleanup()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        bus.unregisterService(QLatin1String(ScreenSaverInhibitor::kService));
        bus.unregisterObject(QLatin1String(ScreenSaverInhibitor::kPath));
        m_service.inhibited.clear();
        m_service.released.clear();
        m_service.refuse = false;
    }

    void inhibitsWhileItLives_andReleasesTheSameCookie()
    {
        {
            ScreenSaverInhibitor inhibitor(u"Lookout Desk"_s, u"Showing the dashboard"_s);
            QTRY_COMPARE_WITH_TIMEOUT(
                inhibitor.state(), ScreenSaverInhibitor::State::Inhibited, kWaitMs);
            QCOMPARE(m_service.inhibited, QStringList { u"Lookout Desk: Showing the dashboard"_s });
            QVERIFY(m_service.released.isEmpty());
        }
        QCOMPARE(m_service.released, QList<quint32> { 4242 });
    }

    void refused_isUnavailable_andReleasesNothing()
    {
        m_service.refuse = true;
        {
            ScreenSaverInhibitor inhibitor(u"Lookout Desk"_s, u"Showing the dashboard"_s);
            QTRY_COMPARE_WITH_TIMEOUT(
                inhibitor.state(), ScreenSaverInhibitor::State::Unavailable, kWaitMs);
            QCOMPARE(inhibitor.problem(), u"not now"_s);
        }
        QVERIFY(m_service.released.isEmpty());
    }

    void noService_isUnavailable()
    {
        cleanup(); // no ScreenSaver on the bus
        ScreenSaverInhibitor inhibitor(u"Lookout Desk"_s, u"Showing the dashboard"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            inhibitor.state(), ScreenSaverInhibitor::State::Unavailable, kWaitMs);
        QVERIFY(!inhibitor.problem().isEmpty());
        init(); // for cleanup()
    }

private:
    FakeScreenSaver m_service;
};

QTEST_GUILESS_MAIN(TestScreenSaverInhibitor)
#include "tst_screensaverinhibitor.moc"
