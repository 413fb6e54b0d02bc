#include "ui/symbolicicon.h"

#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <cmath>

namespace ui {

QPixmap tintedSvgPixmap(const QString &resourcePath, const QSize &logicalSize, const QColor &color,
    qreal devicePixelRatio)
{
    const QSize pixelSize(static_cast<int>(std::ceil(logicalSize.width() * devicePixelRatio)),
        static_cast<int>(std::ceil(logicalSize.height() * devicePixelRatio)));
    if (pixelSize.isEmpty())
        return {};
    const QString key = QStringLiteral("lookoutdesk-tinted:%1:%2x%3:%4:%5")
                            .arg(resourcePath)
                            .arg(pixelSize.width())
                            .arg(pixelSize.height())
                            .arg(color.rgba())
                            .arg(devicePixelRatio);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;

    QSvgRenderer renderer(resourcePath);
    if (!renderer.isValid())
        return {};
    QImage image(pixelSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        // Keep the drawing's coverage, replace its colour.
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), color);
    }
    pixmap = QPixmap::fromImage(std::move(image));
    pixmap.setDevicePixelRatio(devicePixelRatio);
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

QIcon symbolicIcon(const QString &resourcePath, const QPalette &palette)
{
    QIcon icon;
    const QColor normal = palette.color(QPalette::Active, QPalette::ButtonText);
    const QColor disabled = palette.color(QPalette::Disabled, QPalette::ButtonText);
    for (const int size : { 16, 22, 24, 32 }) {
        for (const qreal ratio : { 1.0, 2.0 }) {
            const QSize logical(size, size);
            icon.addPixmap(tintedSvgPixmap(resourcePath, logical, normal, ratio), QIcon::Normal);
            icon.addPixmap(
                tintedSvgPixmap(resourcePath, logical, disabled, ratio), QIcon::Disabled);
        }
    }
    return icon;
}

} // namespace ui
