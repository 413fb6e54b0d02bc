#include "ui/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace ui {

namespace {

void setAll(QPalette &palette, QPalette::ColorRole role, const QColor &color)
{
    palette.setColor(QPalette::All, role, color);
}

QPalette darkPalette()
{
    QPalette palette;
    setAll(palette, QPalette::Window, QColor(0x1e, 0x1f, 0x22));
    setAll(palette, QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    setAll(palette, QPalette::Base, QColor(0x2b, 0x2d, 0x30));
    setAll(palette, QPalette::AlternateBase, QColor(0x31, 0x33, 0x38));
    setAll(palette, QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
    setAll(palette, QPalette::PlaceholderText, QColor(0xa8, 0xac, 0xb2));
    setAll(palette, QPalette::Button, QColor(0x2b, 0x2d, 0x30));
    setAll(palette, QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    setAll(palette, QPalette::BrightText, Qt::white);
    setAll(palette, QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    setAll(palette, QPalette::Midlight, QColor(0x3c, 0x3f, 0x44));
    setAll(palette, QPalette::Mid, QColor(0x5c, 0x60, 0x66));
    setAll(palette, QPalette::Dark, QColor(0x16, 0x17, 0x19));
    setAll(palette, QPalette::Shadow, Qt::black);
    setAll(palette, QPalette::Highlight, QColor(0x3d, 0x8f, 0xd1));
    setAll(palette, QPalette::HighlightedText, Qt::black);
    setAll(palette, QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    setAll(palette, QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xff));
    setAll(palette, QPalette::ToolTipBase, QColor(0x2b, 0x2d, 0x30));
    setAll(palette, QPalette::ToolTipText, QColor(0xf0, 0xf0, 0xf0));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8a, 0x8d, 0x92));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8a, 0x8d, 0x92));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8a, 0x8d, 0x92));
    return palette;
}

QPalette lightPalette()
{
    QPalette palette;
    setAll(palette, QPalette::Window, QColor(0xef, 0xef, 0xef));
    setAll(palette, QPalette::WindowText, Qt::black);
    setAll(palette, QPalette::Base, Qt::white);
    setAll(palette, QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
    setAll(palette, QPalette::Text, Qt::black);
    setAll(palette, QPalette::PlaceholderText, QColor(0x6b, 0x6b, 0x6b));
    setAll(palette, QPalette::Button, QColor(0xef, 0xef, 0xef));
    setAll(palette, QPalette::ButtonText, Qt::black);
    setAll(palette, QPalette::BrightText, Qt::white);
    setAll(palette, QPalette::Light, Qt::white);
    setAll(palette, QPalette::Midlight, QColor(0xe3, 0xe3, 0xe3));
    setAll(palette, QPalette::Mid, QColor(0xa0, 0xa0, 0xa0));
    setAll(palette, QPalette::Dark, QColor(0x9f, 0x9f, 0x9f));
    setAll(palette, QPalette::Shadow, QColor(0x76, 0x76, 0x76));
    setAll(palette, QPalette::Highlight, QColor(0x1f, 0x6f, 0xb2));
    setAll(palette, QPalette::HighlightedText, Qt::white);
    setAll(palette, QPalette::Link, QColor(0x00, 0x55, 0xaa));
    setAll(palette, QPalette::LinkVisited, QColor(0x6a, 0x2c, 0x91));
    setAll(palette, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    setAll(palette, QPalette::ToolTipText, Qt::black);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x75, 0x75, 0x75));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x75, 0x75, 0x75));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x75, 0x75, 0x75));
    return palette;
}

QPalette highContrastPalette()
{
    QPalette palette;
    for (const QPalette::ColorRole role :
        { QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button,
            QPalette::Dark, QPalette::Shadow, QPalette::ToolTipBase }) {
        setAll(palette, role, Qt::black);
    }
    for (const QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text,
             QPalette::PlaceholderText, QPalette::ButtonText, QPalette::BrightText, QPalette::Light,
             QPalette::Midlight, QPalette::Mid, QPalette::ToolTipText }) {
        setAll(palette, role, Qt::white);
    }
    // Focus and selection in yellow, which nothing else on the screen is.
    setAll(palette, QPalette::Highlight, QColor(0xff, 0xff, 0x00));
    setAll(palette, QPalette::HighlightedText, Qt::black);
    setAll(palette, QPalette::Link, QColor(0x00, 0xff, 0xff));
    setAll(palette, QPalette::LinkVisited, QColor(0xff, 0x80, 0xff));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xb0, 0xb0, 0xb0));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0xb0, 0xb0, 0xb0));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0xb0, 0xb0, 0xb0));
    return palette;
}

} // namespace

QPalette themePalette(options::Theme theme, const QPalette &system)
{
    switch (theme) {
    case options::Theme::Light:
        return lightPalette();
    case options::Theme::Dark:
        return darkPalette();
    case options::Theme::HighContrast:
        return highContrastPalette();
    case options::Theme::System:
        break;
    }
    return system;
}

void applyTheme(options::Theme theme)
{
    if (theme == options::Theme::System)
        return;
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(themePalette(theme, QApplication::palette()));
}

bool isHighContrast(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    return (window == Qt::black && text == Qt::white) || (window == Qt::white && text == Qt::black);
}

models::ColorSet colorSetOf(const QPalette &palette)
{
    // The high-contrast badges are black pills: on a white-on-black palette only.
    if (!models::isDarkPalette(palette))
        return models::ColorSet::Light;
    return isHighContrast(palette) ? models::ColorSet::HighContrast : models::ColorSet::Dark;
}

} // namespace ui
