// The wall display's pointer: hidden once it has not moved for the idle time, shown again at the
// next move or click, and never left hidden when the hider goes.
#include "ui/idlecursorhider.h"

#include <QCursor>
#include <QGuiApplication>
#include <QWidget>
#include <QtTest>

using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 10'000;

bool pointerHidden()
{
    const QCursor *cursor = QGuiApplication::overrideCursor();
    return cursor && cursor->shape() == Qt::BlankCursor;
}

} // namespace

class TestIdleCursorHider : public QObject {
    Q_OBJECT
private slots:
    void hidesWhenIdle_showsOnMoveAndClick()
    {
        QWidget window;
        window.resize(300, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        {
            ui::IdleCursorHider hider(50ms);
            QTRY_VERIFY_WITH_TIMEOUT(hider.isHidden() && pointerHidden(), kWaitMs);

            QTest::mouseMove(&window, QPoint(20, 20));
            QVERIFY(!hider.isHidden());
            QVERIFY(!pointerHidden());
            QTRY_VERIFY_WITH_TIMEOUT(hider.isHidden(), kWaitMs);

            QTest::mouseClick(&window, Qt::LeftButton, {}, QPoint(40, 40));
            QVERIFY(!pointerHidden());
            QTRY_VERIFY_WITH_TIMEOUT(hider.isHidden(), kWaitMs);
        }
        // Gone while hidden: the pointer is back.
        QVERIFY(!pointerHidden());
        QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
    }
};

QTEST_MAIN(TestIdleCursorHider)
#include "tst_idlecursorhider.moc"
