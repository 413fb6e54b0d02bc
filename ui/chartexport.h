#pragma once

#include <QString>

// Saves a results chart as the window shows it: a PNG at the screen's pixel density, or an SVG
// (vector: lines, ribbon and text stay sharp at any size).
namespace ui {

class ResultsChart;

// Empty on success; otherwise why the file could not be written, naming it.
QString exportChartPng(const ResultsChart &chart, const QString &path);
QString exportChartSvg(const ResultsChart &chart, const QString &path, const QString &title);

} // namespace ui
