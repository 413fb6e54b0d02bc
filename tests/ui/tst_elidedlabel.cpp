// ElidedLabel: middle elision on screen, the full text kept, tooltips, and legible absent and
// stale styles.
#include "models/statuspresentation.h"
#include "ui/elidedlabel.h"
#include "ui/plaintooltip.h"

#include <QHelpEvent>
#include <QImage>
#include <QToolTip>
#include <QtTest>

namespace {

const QString kArn
    = QStringLiteral("arn:aws:lookoutequipment:eu-west-1:123456789012:inference-scheduler/"
                     "pump-station-7-bearing-hourly/0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f");

QPalette palette(bool dark)
{
    QPalette result;
    result.setColor(QPalette::Window, dark ? QColor(0x2b, 0x2b, 0x2b) : QColor(0xef, 0xef, 0xef));
    result.setColor(QPalette::WindowText, dark ? QColor(0xee, 0xee, 0xee) : Qt::black);
    return result;
}

// The darkest (light palette) or lightest (dark palette) text pixel painted.
QColor strongestInk(ui::ElidedLabel &label, bool dark)
{
    QImage image(label.size(), QImage::Format_ARGB32);
    label.render(&image);
    QColor best = label.palette().color(QPalette::Window);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (dark ? pixel.lightness() > best.lightness() : pixel.lightness() < best.lightness())
                best = pixel;
        }
    }
    return best;
}

} // namespace

class TestElidedLabel : public QObject {
    Q_OBJECT
private slots:
    // A value from the endpoint with a direction override or an escape sequence is shown as
    // written, not obeyed.
    void controlCharacters_shownAsVisibleEscapes()
    {
        ui::ElidedLabel label;
        label.setText(QStringLiteral("pump\u202eevil\x1b[2J"));
        QCOMPARE(label.text(), QStringLiteral("pump\\u202eevil\\x1b[2J"));
    }

    void wideEnough_showsEverything();
    void narrow_elidesInTheMiddleAndKeepsTheText();
    void sizeHints_fullAndMinimum();
    void tooltip_isTheFullTextWhenElided();
    void staleAndAbsent_stayLegible_data();
    void staleAndAbsent_stayLegible();
    void takesKeyboardFocus();
};

void TestElidedLabel::wideEnough_showsEverything()
{
    ui::ElidedLabel label;
    label.setText(kArn);
    label.resize(label.sizeHint());
    QCOMPARE(label.displayedText(), kArn);
    QVERIFY(!label.isElided());
}

void TestElidedLabel::narrow_elidesInTheMiddleAndKeepsTheText()
{
    ui::ElidedLabel label;
    label.setText(kArn);
    label.resize(240, label.sizeHint().height());
    QVERIFY(label.isElided());
    const QString shown = label.displayedText();
    const qsizetype ellipsis = shown.indexOf(QChar(0x2026));
    QVERIFY2(ellipsis > 0 && ellipsis < shown.size() - 1, qPrintable(shown));
    QVERIFY(kArn.startsWith(shown.left(ellipsis)));
    QVERIFY(kArn.endsWith(shown.mid(ellipsis + 1)));
    QCOMPARE(label.text(), kArn);

    label.setElideMode(Qt::ElideRight);
    QVERIFY(label.displayedText().endsWith(QChar(0x2026)));
}

void TestElidedLabel::sizeHints_fullAndMinimum()
{
    ui::ElidedLabel label;
    label.setText(kArn);
    QVERIFY(label.sizeHint().width() >= QFontMetrics(label.font()).horizontalAdvance(kArn));
    QVERIFY(label.minimumSizeHint().width() < label.sizeHint().width());
    label.setText(QStringLiteral("+01:00"));
    QCOMPARE(label.minimumSizeHint().width(), label.sizeHint().width());
}

void TestElidedLabel::tooltip_isTheFullTextWhenElided()
{
    ui::ElidedLabel label;
    label.setText(kArn);
    label.resize(200, label.sizeHint().height());
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QHelpEvent help(QEvent::ToolTip, QPoint(5, 5), label.mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(&label, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), ui::plainToolTip(kArn));
    QToolTip::hideText();
    // A tooltip of its own wins.
    label.setToolTip(QStringLiteral("own"));
    QApplication::sendEvent(&label, &help);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("own"));
    QToolTip::hideText();
}

void TestElidedLabel::staleAndAbsent_stayLegible_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestElidedLabel::staleAndAbsent_stayLegible()
{
    QFETCH(bool, dark);
    ui::ElidedLabel label;
    label.setPalette(palette(dark));
    label.setAutoFillBackground(true);
    label.setText(QStringLiteral("arn:aws:iam::123456789012:role/LookoutEquipmentInferenceAccess"));
    label.resize(label.sizeHint());
    const QColor window = label.palette().color(QPalette::Window);
    const QColor normal = strongestInk(label, dark);
    label.setStale(true);
    const QColor stale = strongestInk(label, dark);
    // Visibly dimmer than the normal text, still readable.
    QVERIFY(models::contrastRatio(stale, window) < models::contrastRatio(normal, window) * 0.8);
    QVERIFY2(models::contrastRatio(stale, window) >= 4.5, qPrintable(stale.name()));
    label.setStale(false);
    label.setText(QStringLiteral("not set"));
    label.setAbsent(true);
    QVERIFY(label.isAbsent());
    // The absent style is italic; the size hint follows, so the text fits when laid out.
    label.resize(label.sizeHint());
    QVERIFY(!label.isElided());
    const QColor absent = strongestInk(label, dark);
    QVERIFY(absent != normal);
}

void TestElidedLabel::takesKeyboardFocus()
{
    ui::ElidedLabel label;
    QCOMPARE(label.focusPolicy(), Qt::StrongFocus);
}

QTEST_MAIN(TestElidedLabel)
#include "tst_elidedlabel.moc"
