#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QSize>
#include <QString>

class QPalette;

// The application's own icons are monochrome SVGs drawn in black; these helpers paint them in
// a colour of the current palette, so they stay visible on light and dark themes alike.
namespace ui {

// The SVG at `resourcePath` rendered at `logicalSize` × `devicePixelRatio`, every opaque pixel
// replaced by `color`. Cached; a null pixmap when the resource cannot be read.
QPixmap tintedSvgPixmap(const QString &resourcePath, const QSize &logicalSize, const QColor &color,
    qreal devicePixelRatio);

// An icon for buttons and actions: ButtonText for the normal state, the disabled ButtonText
// colour for the disabled one, at the usual small sizes. Rebuild it when the palette changes.
QIcon symbolicIcon(const QString &resourcePath, const QPalette &palette);

} // namespace ui
