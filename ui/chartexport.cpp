#include "ui/chartexport.h"

#include "ui/resultschart.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace ui {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ChartExport)
};

} // namespace

QString exportChartPng(const ResultsChart &chart, const QString &path)
{
    const qreal ratio = chart.devicePixelRatioF();
    QImage image(chart.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    {
        QPainter painter(&image);
        chart.paintChart(painter, QRectF(QPointF(0, 0), QSizeF(chart.size())));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return Text::tr("Could not save %1: %2").arg(path, file.errorString());
    return {};
}

QString exportChartSvg(const ResultsChart &chart, const QString &path, const QString &title)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Text::tr("Could not save %1: %2").arg(path, file.errorString());
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(chart.size());
    generator.setViewBox(QRect(QPoint(0, 0), chart.size()));
    generator.setTitle(title);
    generator.setDescription(chart.accessibleDescription());
    {
        QPainter painter;
        if (!painter.begin(&generator))
            return Text::tr("Could not save %1: %2").arg(path, file.errorString());
        chart.paintChart(painter, QRectF(QPointF(0, 0), QSizeF(chart.size())));
    }
    if (!file.commit())
        return Text::tr("Could not save %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace ui
