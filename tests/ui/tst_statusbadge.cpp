// The painted status badge and its table delegate: text, icon and colours on screen, accessible
// names, sizes that follow the scale, and the absent ("not set") and stale styles.
#include "models/itemroles.h"
#include "models/statuspresentation.h"
#include "ui/plaintooltip.h"
#include "ui/statusbadge.h"
#include "ui/statusbadgedelegate.h"

#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QtTest>

namespace {

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::WindowText, Qt::black);
    return palette;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    return palette;
}

// How many pixels of `image` are within a small distance of `color`.
int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (qAbs(pixel.red() - color.red()) <= 6 && qAbs(pixel.green() - color.green()) <= 6
                && qAbs(pixel.blue() - color.blue()) <= 6) {
                ++count;
            }
        }
    }
    return count;
}

QImage paintBadge(const QString &value, const QPalette &palette,
    const ui::StatusBadge::PaintOptions &options = {})
{
    QFont font;
    font.setPointSize(10);
    const QSize size = ui::StatusBadge::badgeSize(value, font, options.scale) + QSize(8, 8);
    QImage image(size, QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Window));
    QPainter painter(&image);
    ui::StatusBadge::paint(&painter, image.rect(), value, palette, font, options);
    return image;
}

} // namespace

class TestStatusBadge : public QObject {
    Q_OBJECT
private slots:
    void accessibleName_namesFieldAndValue_data();
    void accessibleName_namesFieldAndValue();
    void accessibleDescription_isTheStatusSentence();
    void emptyValue_saysNotSet();
    void paint_usesLightColoursOnLightPalette();
    void paint_usesDarkColoursOnDarkPalette();
    void paint_drawsTheIconInTheForegroundColour();
    void paint_emptyValuePaintsNothing();
    void stale_hatchesTheBadgeAndSaysSo();
    void size_growsWithScaleAndText();
    void widget_sizeHintFollowsValue();
    void delegate_paintsBadgeFromBadgeValueRole();
    void delegate_fallsBackToDisplayRole();
    void delegate_sizeHintFitsTheBadge();
};

void TestStatusBadge::accessibleName_namesFieldAndValue_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("status") << "Status"
                            << "RUNNING"
                            << "Status: RUNNING";
    QTest::newRow("result") << "Latest result"
                            << "ANOMALOUS"
                            << "Latest result: ANOMALOUS";
    QTest::newRow("unknown") << "Status"
                             << "HIBERNATING"
                             << "Status: HIBERNATING";
    QTest::newRow("absent") << "Latest result"
                            << ""
                            << "Latest result: not set";
    QTest::newRow("no field") << ""
                              << "STOPPED"
                              << "STOPPED";
}

void TestStatusBadge::accessibleName_namesFieldAndValue()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    ui::StatusBadge badge;
    badge.setFieldName(field);
    badge.setValue(value);
    QCOMPARE(badge.accessibleName(), expected);
    QCOMPARE(ui::StatusBadge::accessibleText(field, value), expected);
}

void TestStatusBadge::accessibleDescription_isTheStatusSentence()
{
    ui::StatusBadge badge;
    badge.setValue(QStringLiteral("PENDING"));
    QCOMPARE(badge.accessibleDescription(),
        models::statusPresentation(QStringLiteral("PENDING")).description);
    QCOMPARE(badge.toolTip(), ui::plainToolTip(badge.accessibleDescription()));
    QCOMPARE(badge.focusPolicy(), Qt::StrongFocus);
}

void TestStatusBadge::emptyValue_saysNotSet()
{
    ui::StatusBadge badge;
    badge.setPalette(lightPalette());
    badge.resize(badge.sizeHint());
    QImage image(badge.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    badge.render(&image);
    // Something is written (the placeholder text) in the space of "not set", not of a badge.
    const QColor window = badge.palette().color(QPalette::Window);
    QVERIFY(pixelsNear(image, window) < image.width() * image.height());
    QFont italic = badge.font();
    italic.setItalic(true);
    QCOMPARE(badge.sizeHint(),
        QFontMetrics(italic).size(Qt::TextSingleLine, QStringLiteral("not set")) + QSize(4, 4));
    QVERIFY(badge.sizeHint().height()
        < ui::StatusBadge::badgeSize(QStringLiteral("RUNNING"), badge.font()).height() + 4);
    QCOMPARE(badge.accessibleName(), QStringLiteral("not set"));
    // With a field name the absent text says which field is not set.
    badge.setFieldName(QStringLiteral("Latest result"));
    QCOMPARE(badge.sizeHint(),
        QFontMetrics(italic).size(Qt::TextSingleLine, QStringLiteral("Latest result: not set"))
            + QSize(4, 4));
    QCOMPARE(badge.accessibleName(), QStringLiteral("Latest result: not set"));
}

void TestStatusBadge::paint_usesLightColoursOnLightPalette()
{
    for (const models::StatusKind kind : models::allStatusKinds()) {
        const models::StatusPresentation presentation = models::statusPresentation(kind);
        const QString value = kind == models::StatusKind::Unknown ? QStringLiteral("NEW_STATE")
                                                                  : presentation.value;
        const QImage image = paintBadge(value, lightPalette());
        QVERIFY2(pixelsNear(image, presentation.light.background) > 50, qPrintable(value));
        QVERIFY2(pixelsNear(image, presentation.light.foreground) > 10, qPrintable(value));
        QVERIFY2(pixelsNear(image, presentation.dark.background) == 0, qPrintable(value));
    }
}

void TestStatusBadge::paint_usesDarkColoursOnDarkPalette()
{
    for (const models::StatusKind kind : models::allStatusKinds()) {
        const models::StatusPresentation presentation = models::statusPresentation(kind);
        const QString value = kind == models::StatusKind::Unknown ? QStringLiteral("NEW_STATE")
                                                                  : presentation.value;
        const QImage image = paintBadge(value, darkPalette());
        QVERIFY2(pixelsNear(image, presentation.dark.background) > 50, qPrintable(value));
        QVERIFY2(pixelsNear(image, presentation.dark.foreground) > 10, qPrintable(value));
        QVERIFY2(pixelsNear(image, presentation.light.background) == 0, qPrintable(value));
    }
}

void TestStatusBadge::paint_drawsTheIconInTheForegroundColour()
{
    // The icon sits at the left, before the text: the first columns inside the padding hold
    // foreground pixels only when the icon was found and tinted.
    QFont font;
    font.setPointSize(10);
    const QString value = QStringLiteral("STOPPED");
    const models::StatusPresentation presentation = models::statusPresentation(value);
    const QImage image = paintBadge(value, lightPalette());
    const int height = QFontMetrics(font).height();
    const QImage iconArea = image.copy(4 + qRound(height * 0.55), 4, height, image.height() - 8);
    QVERIFY(pixelsNear(iconArea, presentation.light.foreground) > height);
}

void TestStatusBadge::paint_emptyValuePaintsNothing()
{
    QImage image(40, 20, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    const QRect painted
        = ui::StatusBadge::paint(&painter, image.rect(), QString(), lightPalette(), QFont(), {});
    painter.end();
    QVERIFY(painted.isNull());
    QCOMPARE(pixelsNear(image, Qt::white), 40 * 20);
    QVERIFY(ui::StatusBadge::badgeSize(QString(), QFont()).isEmpty());
}

void TestStatusBadge::stale_hatchesTheBadgeAndSaysSo()
{
    const models::StatusPresentation running
        = models::statusPresentation(QStringLiteral("RUNNING"));
    ui::StatusBadge::PaintOptions stale;
    stale.stale = true;
    const int freshBackground = pixelsNear(
        paintBadge(QStringLiteral("RUNNING"), lightPalette()), running.light.background);
    const int staleBackground = pixelsNear(
        paintBadge(QStringLiteral("RUNNING"), lightPalette(), stale), running.light.background);
    QVERIFY2(staleBackground < freshBackground * 0.9,
        qPrintable(QStringLiteral("%1 vs %2").arg(staleBackground).arg(freshBackground)));

    ui::StatusBadge badge;
    badge.setValue(QStringLiteral("RUNNING"));
    badge.setStale(true);
    QVERIFY(badge.accessibleDescription().contains(QLatin1String("Stale")));
}

void TestStatusBadge::size_growsWithScaleAndText()
{
    QFont font;
    font.setPointSize(10);
    const QSize normal = ui::StatusBadge::badgeSize(QStringLiteral("RUNNING"), font, 1.0);
    const QSize large = ui::StatusBadge::badgeSize(QStringLiteral("RUNNING"), font, 2.5);
    QVERIFY(large.width() > normal.width() * 2);
    QVERIFY(large.height() > normal.height() * 2);
    QVERIFY(ui::StatusBadge::badgeSize(QStringLiteral("ANOMALOUS"), font).width()
        > ui::StatusBadge::badgeSize(QStringLiteral("NORMAL"), font).width());
    // The pill fits the text's line: never shorter than the font's height.
    QVERIFY(normal.height() >= QFontMetrics(font).height());
}

void TestStatusBadge::widget_sizeHintFollowsValue()
{
    ui::StatusBadge badge;
    badge.setValue(QStringLiteral("NORMAL"));
    const QSize normal = badge.sizeHint();
    badge.setValue(QStringLiteral("ANOMALOUS"));
    QVERIFY(badge.sizeHint().width() > normal.width());
    badge.setScale(2.0);
    QVERIFY(badge.sizeHint().height() > normal.height() * 1.5);
}

void TestStatusBadge::delegate_paintsBadgeFromBadgeValueRole()
{
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), QStringLiteral("display text"), Qt::DisplayRole);
    model.setData(model.index(0, 0), QStringLiteral("ANOMALOUS"), models::BadgeValueRole);
    QTableView view;
    view.setPalette(lightPalette());
    view.setModel(&model);
    auto *delegate = new ui::StatusBadgeDelegate(&view);
    view.setItemDelegate(delegate);
    view.resize(300, 100);
    view.setColumnWidth(0, 200);
    QCOMPARE(ui::StatusBadgeDelegate::badgeValue(model.index(0, 0)), QStringLiteral("ANOMALOUS"));

    QImage image(view.viewport()->size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    view.viewport()->render(&image);
    const models::StatusPresentation anomalous
        = models::statusPresentation(QStringLiteral("ANOMALOUS"));
    QVERIFY(pixelsNear(image, anomalous.light.background) > 50);
}

void TestStatusBadge::delegate_fallsBackToDisplayRole()
{
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), QStringLiteral("STOPPING"), Qt::DisplayRole);
    QCOMPARE(ui::StatusBadgeDelegate::badgeValue(model.index(0, 0)), QStringLiteral("STOPPING"));
    model.setData(model.index(0, 0), QString(), models::BadgeValueRole);
    QCOMPARE(ui::StatusBadgeDelegate::badgeValue(model.index(0, 0)), QString());
}

void TestStatusBadge::delegate_sizeHintFitsTheBadge()
{
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), QStringLiteral("ANOMALOUS"), models::BadgeValueRole);
    ui::StatusBadgeDelegate delegate;
    QStyleOptionViewItem option;
    option.font.setPointSize(10);
    const QSize badge = ui::StatusBadge::badgeSize(QStringLiteral("ANOMALOUS"), option.font);
    const QSize hint = delegate.sizeHint(option, model.index(0, 0));
    QVERIFY(hint.width() > badge.width());
    QVERIFY(hint.height() > badge.height());
    delegate.setScale(2.0);
    QVERIFY(delegate.sizeHint(option, model.index(0, 0)).width() > 2 * badge.width());
}

QTEST_MAIN(TestStatusBadge)
#include "tst_statusbadge.moc"
