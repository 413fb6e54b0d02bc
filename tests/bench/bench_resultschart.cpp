// The results chart's frame time (issue 17: a year of 5-minute results drawn at <= 16 ms a frame
// while panning). A year of 5-minute predictions (105,120, 20 diagnostics each, one in twenty an
// anomaly, the machine off every night) is loaded into a series; the chart, 1,600 x 500 pixels
// on the offscreen platform, is painted into an image as the window's backing store would be,
// frame after frame while the view pans by 1 % of its span: with the whole year in view, half a
// year, and one week. Prints the median and 95th percentile of each; exits 1 when a median is
// over 16 ms.
//
// Run: build/default/tests/bench/bench_resultschart [--frames N]
#include "results/events.h"
#include "results/resultsparser.h"
#include "results/resultstime.h"
#include "results/series.h"
#include "ui/resultschart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace {

constexpr qint64 kFiveMinutes = 5 * results::kMicrosecondsPerMinute;
constexpr qint64 kStart = 1'640'995'200'000'000; // 2022-01-01T00:00:00Z
constexpr int kPredictions = 365 * 288;
constexpr double kTargetMs = 16;

QByteArray resultLine(qint64 time, QRandomGenerator &random)
{
    const qint64 hour = time % results::kMicrosecondsPerDay / results::kMicrosecondsPerHour;
    QByteArray line = R"({"timestamp": ")" + results::timestampText(time).chopped(1) + '"';
    if (hour < 4 || hour >= 22)
        return line + R"(, "prediction": 0, "prediction_reason": "MACHINE_OFF"})" + '\n';
    const bool anomaly = random.bounded(20) == 0;
    line += anomaly ? R"(, "prediction": 1, "prediction_reason": "ANOMALY_DETECTED")"
                    : R"(, "prediction": 0, "prediction_reason": "NO_ANOMALY_DETECTED")";
    line += R"(, "anomaly_score": )"
        + QByteArray::number(
            anomaly ? 0.8 + random.generateDouble() * 0.19 : random.generateDouble() * 0.5, 'f', 5);
    line += R"(, "diagnostics": [)";
    for (int i = 0; i < 20; ++i) {
        line += (i ? ", " : "") + QByteArray(R"({"name": ")") + (i < 10 ? "pump" : "motor")
            + R"(\\Sensor)" + QByteArray::number(i) + R"(", "value": )"
            + QByteArray::number(random.bounded(1000, 99999) / 1e6, 'f', 5) + '}';
    }
    return line + "]}\n";
}

struct Figures {
    double median = 0;
    double p95 = 0;
};

Figures panFrames(ui::ResultsChart &chart, QImage &image, qint64 span, int frames)
{
    chart.setVisibleRange(kStart, kStart + span);
    std::vector<double> times;
    times.reserve(static_cast<size_t>(frames));
    QElapsedTimer timer;
    double direction = 0.01;
    for (int frame = 0; frame < frames; ++frame) {
        const qint64 before = chart.visibleFrom();
        chart.panBy(direction);
        if (chart.visibleFrom() == before) {
            direction = -direction; // at an end: come back
            chart.panBy(direction);
        }
        timer.start();
        {
            QPainter painter(&image);
            chart.paintChart(painter, QRectF(image.rect()));
        }
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return { times[times.size() / 2], times[times.size() * 95 / 100] };
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int frames = 300;
    const QStringList arguments = QApplication::arguments();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--frames"));
        at >= 0 && at + 1 < arguments.size())
        frames = qMax(20, arguments.at(at + 1).toInt());

    QTextStream out(stdout);
    QRandomGenerator random(2022);
    results::Series series;
    for (int month = 0; month < 12; ++month) {
        QByteArray text;
        const int first = month * kPredictions / 12;
        const int last = (month + 1) * kPredictions / 12;
        for (int i = first; i < last; ++i)
            text += resultLine(kStart + i * kFiveMinutes, random);
        series.add(results::ResultsParser::parse(text, QString::number(month)),
            QStringLiteral("month-%1").arg(month));
    }
    const std::vector<results::Event> events = results::findEvents(series);
    out << "series: " << series.size() << " predictions, " << events.size() << " events\n";

    ui::ResultsChart chart;
    chart.resize(1600, 500);
    chart.setData(&series, &events);
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);

    bool met = true;
    const qint64 year = chart.visibleTo() - chart.visibleFrom();
    const struct {
        const char *name;
        qint64 span;
    } views[] = {
        { "whole year (no pan possible: redraw)", year },
        { "half a year, panning", year / 2 },
        { "one week, panning", 7 * results::kMicrosecondsPerDay },
    };
    for (const auto &view : views) {
        const Figures figures = panFrames(chart, image, view.span, frames);
        const bool ok = figures.median <= kTargetMs;
        met = met && ok;
        out << view.name << ": median " << QString::number(figures.median, 'f', 2) << " ms, p95 "
            << QString::number(figures.p95, 'f', 2) << " ms over " << frames << " frames"
            << (ok ? "" : "  (over the 16 ms target)") << '\n';
    }
    out.flush();
    return met ? 0 : 1;
}
