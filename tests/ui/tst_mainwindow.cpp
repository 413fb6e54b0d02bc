// The main window on the offscreen platform: it opens, is titled, and its actions are reachable.
#include "mainwindow.h"

#include <QAction>
#include <QMenuBar>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void show_hasTitleAndAccessibleName();
    void quitAction_hasPlatformShortcut();
};

void TestMainWindow::show_hasTitleAndAccessibleName()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Lookout Desk"));
    QVERIFY(!window.accessibleName().isEmpty());
    QCOMPARE(window.menuBar()->actions().size(), 2);
}

void TestMainWindow::quitAction_hasPlatformShortcut()
{
    ui::MainWindow window;
    auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
