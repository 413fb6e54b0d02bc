// The themes of --theme: every text colour readable on its background (WCAG 2: at least 4.5:1; in
// high contrast 7:1, AAA, the status badges' too), dark and high-contrast palettes recognised as
// such (status badges pick their set, tiles their thick frames), System leaving the desktop's
// palette alone, and applyTheme() reaching the application.
#include "models/statuspresentation.h"
#include "ui/statusbadge.h"
#include "ui/theme.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QtTest>

using options::Theme;

class TestTheme : public QObject {
    Q_OBJECT
private slots:
    void textReadable_data()
    {
        QTest::addColumn<Theme>("theme");
        QTest::addColumn<double>("minimum"); // WCAG AA for text, AAA in high contrast
        QTest::newRow("light") << Theme::Light << 4.5;
        QTest::newRow("dark") << Theme::Dark << 4.5;
        QTest::newRow("high-contrast") << Theme::HighContrast << 7.0;
    }

    void textReadable()
    {
        QFETCH(Theme, theme);
        QFETCH(double, minimum);
        const QPalette palette = ui::themePalette(theme, QPalette());
        const QList<std::pair<QPalette::ColorRole, QPalette::ColorRole>> pairs {
            { QPalette::WindowText, QPalette::Window }, { QPalette::Text, QPalette::Base },
            { QPalette::Text, QPalette::AlternateBase },
            { QPalette::PlaceholderText, QPalette::Base },
            { QPalette::PlaceholderText, QPalette::Window },
            { QPalette::ButtonText, QPalette::Button },
            { QPalette::HighlightedText, QPalette::Highlight },
            { QPalette::ToolTipText, QPalette::ToolTipBase }, { QPalette::Link, QPalette::Base }
        };
        for (const auto &[text, background] : pairs) {
            const double ratio
                = models::contrastRatio(palette.color(text), palette.color(background));
            QVERIFY2(ratio >= minimum,
                qPrintable(
                    QStringLiteral("%1 on %2: %3").arg(int(text)).arg(int(background)).arg(ratio)));
        }
        // Disabled text is readable, if less so (in high contrast, as readable as the rest).
        QVERIFY(models::contrastRatio(palette.color(QPalette::Disabled, QPalette::Text),
                    palette.color(QPalette::Base))
            >= (theme == Theme::HighContrast ? minimum : 3.0));
        // The dashboard's banner, white on #B00020, in every theme.
        QVERIFY(models::contrastRatio(Qt::white, QColor(0xb0, 0x00, 0x20)) >= 7.0);
    }

    // Its own badge colours: text and icon 7:1 on the pill, the pill's edge 3:1 on the tile
    // (WCAG's non-text contrast), and each status its own text colour.
    void highContrast_badgesAaa()
    {
        const QPalette palette = ui::themePalette(Theme::HighContrast, QPalette());
        QCOMPARE(ui::colorSetOf(palette), models::ColorSet::HighContrast);
        QSet<QRgb> foregrounds;
        for (const models::StatusKind kind : models::allStatusKinds()) {
            const models::StatusPresentation presentation = models::statusPresentation(kind);
            const models::StatusColors &colors
                = presentation.colors(models::ColorSet::HighContrast);
            const double text = models::contrastRatio(colors.foreground, colors.background);
            QVERIFY2(text >= 7.0,
                qPrintable(QStringLiteral("%1: %2:1").arg(presentation.label).arg(text)));
            const double edge = models::contrastRatio(colors.border, palette.color(QPalette::Base));
            QVERIFY2(edge >= 3.0,
                qPrintable(QStringLiteral("%1 edge: %2:1").arg(presentation.label).arg(edge)));
            // Its own pill, not dark's tinted one (which falls short of 7:1 for some).
            QVERIFY(colors.background != presentation.dark.background);
            foregrounds.insert(colors.foreground.rgb());
        }
        QCOMPARE(foregrounds.size(), models::allStatusKinds().size());
    }

    // A badge painted on the high-contrast palette uses the high-contrast colours.
    void highContrast_badgePaintsItsColours()
    {
        const QPalette palette = ui::themePalette(Theme::HighContrast, QPalette());
        const QColor green
            = models::statusPresentation(models::StatusKind::Running).highContrast.foreground;
        QImage image(400, 120, QImage::Format_ARGB32);
        image.fill(Qt::black);
        {
            QPainter painter(&image);
            ui::StatusBadge::paint(&painter, image.rect(), QStringLiteral("RUNNING"), palette,
                QApplication::font(), ui::StatusBadge::PaintOptions { 2.0 });
        }
        int matching = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                matching += image.pixelColor(x, y) == green;
        }
        QVERIFY2(matching > 50, qPrintable(QString::number(matching)));
    }

    void darkness_recognised()
    {
        QVERIFY(models::isDarkPalette(ui::themePalette(Theme::Dark, {})));
        QVERIFY(models::isDarkPalette(ui::themePalette(Theme::HighContrast, {})));
        QVERIFY(!models::isDarkPalette(ui::themePalette(Theme::Light, {})));
        QVERIFY(ui::isHighContrast(ui::themePalette(Theme::HighContrast, {})));
        QVERIFY(!ui::isHighContrast(ui::themePalette(Theme::Dark, {})));
        QVERIFY(!ui::isHighContrast(ui::themePalette(Theme::Light, {})));
        QCOMPARE(ui::colorSetOf(ui::themePalette(Theme::Dark, {})), models::ColorSet::Dark);
        QCOMPARE(ui::colorSetOf(ui::themePalette(Theme::Light, {})), models::ColorSet::Light);
        // Black on white is no place for black pills: the light set.
        QPalette blackOnWhite;
        blackOnWhite.setColor(QPalette::Window, Qt::white);
        blackOnWhite.setColor(QPalette::WindowText, Qt::black);
        QCOMPARE(ui::colorSetOf(blackOnWhite), models::ColorSet::Light);
    }

    void system_keepsTheDesktopPalette()
    {
        QPalette desktop;
        desktop.setColor(QPalette::Window, QColor(0x12, 0x34, 0x56));
        QCOMPARE(ui::themePalette(Theme::System, desktop), desktop);
        const QPalette before = QApplication::palette();
        ui::applyTheme(Theme::System);
        QCOMPARE(QApplication::palette(), before);
    }

    void apply_reachesTheApplication()
    {
        const QPalette before = QApplication::palette();
        ui::applyTheme(Theme::Dark);
        QCOMPARE(QApplication::palette().color(QPalette::Window),
            ui::themePalette(Theme::Dark, {}).color(QPalette::Window));
        QWidget widget;
        QCOMPARE(widget.palette().color(QPalette::Base),
            ui::themePalette(Theme::Dark, {}).color(QPalette::Base));
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
