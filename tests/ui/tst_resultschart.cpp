// The results chart (ui/resultschart.h): the mapping between time, score and pixels; a single
// spike among thousands of predictions drawn where it is (decimated, not dropped); the ribbon's
// states and gaps; zoom and pan by keyboard, wheel and drag; selection by click and Page Up/Down;
// the hover text; the dark palette.
#include "results/events.h"
#include "results/resultsparser.h"
#include "results/resultstime.h"
#include "results/series.h"
#include "ui/resultschart.h"

#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using ui::ResultsChart;
using ui::ResultsChartColours;

namespace {

constexpr qint64 kFiveMinutes = 5 * results::kMicrosecondsPerMinute;
const qint64 kStart = 1'656'633'600'000'000; // 2022-07-01T00:00:00Z

struct Point {
    double score = 0.1;
    bool anomaly = false;
    bool machineOff = false;
};

QByteArray line(qint64 time, const Point &point)
{
    QByteArray text = "{\"timestamp\": \"" + results::timestampText(time).chopped(1) + '"';
    if (point.machineOff)
        return text + ", \"prediction\": 0, \"prediction_reason\": \"MACHINE_OFF\"}" + '\n';
    text += point.anomaly ? ", \"prediction\": 1, \"prediction_reason\": \"ANOMALY_DETECTED\""
                          : ", \"prediction\": 0, \"prediction_reason\": \"NO_ANOMALY_DETECTED\"";
    text += ", \"anomaly_score\": " + QByteArray::number(point.score);
    text += ", \"diagnostics\": [{\"name\": \"pump\\\\Sensor0\", \"value\": 0.6}, "
            "{\"name\": \"motor\\\\Sensor1\", \"value\": 0.4}]}";
    return text + '\n';
}

// `count` 5-minute predictions from kStart, with `special` ones at the given indices; indices
// in `missing` have no prediction.
results::Series makeSeries(qsizetype count, const QHash<qsizetype, Point> &special = {},
    const QSet<qsizetype> &missing = {})
{
    QByteArray text;
    for (qsizetype i = 0; i < count; ++i) {
        if (!missing.contains(i))
            text += line(kStart + i * kFiveMinutes, special.value(i, Point {}));
    }
    results::Series series;
    series.add(results::ResultsParser::parse(text, u"test"_s), u"test"_s);
    return series;
}

QImage render(const ResultsChart &chart)
{
    QImage image(chart.size(), QImage::Format_ARGB32);
    QPainter painter(&image);
    chart.paintChart(painter, QRectF(QPointF(0, 0), QSizeF(chart.size())));
    return image;
}

// Whether a pixel in column x, rows from `top` to `bottom`, is `colour`.
bool columnHas(const QImage &image, int x, int top, int bottom, const QColor &colour)
{
    for (int y = qMax(0, top); y <= qMin(image.height() - 1, bottom); ++y) {
        if (image.pixelColor(x, y).rgb() == colour.rgb())
            return true;
    }
    return false;
}

} // namespace

class TestResultsChart : public QObject {
    Q_OBJECT

private slots:
    void mapping_isLinearAndInvertible()
    {
        const results::Series series = makeSeries(12);
        const std::vector<results::Event> events;
        ResultsChart chart;
        chart.resize(800, 300);
        chart.setData(&series, &events);
        // All of the data: the first prediction to one spacing after the last.
        QCOMPARE(chart.visibleFrom(), kStart);
        QCOMPARE(chart.visibleTo(), kStart + 12 * kFiveMinutes);
        const QRectF plot = chart.plotArea();
        QVERIFY(plot.width() > 600);
        QCOMPARE(chart.xForTime(kStart), plot.left());
        QCOMPARE(chart.xForTime(kStart + 12 * kFiveMinutes), plot.right());
        QCOMPARE(chart.xForTime(kStart + 6 * kFiveMinutes), plot.center().x());
        for (const qint64 time : { kStart, kStart + 7 * kFiveMinutes + 123'456 }) {
            const qint64 back = chart.timeForX(chart.xForTime(time));
            QVERIFY2(qAbs(back - time) <= 1, qPrintable(QString::number(back - time)));
        }
        QCOMPARE(chart.yForScore(0), plot.bottom());
        QCOMPARE(chart.yForScore(1), plot.top());
        QCOMPARE(chart.yForScore(0.5), plot.center().y());
        QCOMPARE(chart.yForScore(3), plot.top()); // clamped
        QVERIFY(chart.ribbonArea().top() > plot.bottom());
    }

    void spike_survivesDecimation()
    {
        // 90 days: about 26 predictions per pixel column; one anomaly scored 0.99 among 0.1s.
        const qsizetype count = 90 * 288;
        const qsizetype spike = 40'000 / 2 + 17;
        const results::Series series = makeSeries(count, { { spike, { 0.99, true } } });
        const std::vector<results::Event> events = results::findEvents(series);
        QCOMPARE(events.size(), size_t(1));
        ResultsChart chart;
        chart.resize(1000, 300);
        chart.setData(&series, &events);
        const QImage image = render(chart);
        const ResultsChartColours colours = ResultsChartColours::forPalette(chart.palette());
        const qint64 spikeTime = kStart + spike * kFiveMinutes;
        const int x = static_cast<int>(std::floor(chart.xForTime(spikeTime)));
        const int top = static_cast<int>(chart.yForScore(0.99));
        // The line reaches up to the spike in its column, and nowhere near that height far away.
        QVERIFY(columnHas(image, x, top - 2, top + 2, colours.line));
        const int far = static_cast<int>(chart.xForTime(kStart + 10 * 288 * kFiveMinutes));
        QVERIFY(!columnHas(image, far, top - 2, top + 2, colours.line));
        QVERIFY(columnHas(image, far, static_cast<int>(chart.yForScore(0.1)) - 2,
            static_cast<int>(chart.yForScore(0.1)) + 2, colours.line));
        // The ribbon: an anomaly in the spike's column, normal elsewhere.
        const int ribbonY = static_cast<int>(chart.ribbonArea().center().y());
        QCOMPARE(image.pixelColor(x, ribbonY).rgb(), colours.anomaly.rgb());
        QCOMPARE(image.pixelColor(far, ribbonY).rgb(), colours.normal.rgb());
    }

    void gapsAndMachineOff_areDrawnAsSuch()
    {
        // 288 predictions (a day); 100 to 129 missing (2.5 hours); 200 to 239 machine off.
        QHash<qsizetype, Point> special;
        for (qsizetype i = 200; i < 240; ++i)
            special.insert(i, { 0, false, true });
        QSet<qsizetype> missing;
        for (qsizetype i = 100; i < 130; ++i)
            missing.insert(i);
        const results::Series series = makeSeries(288, special, missing);
        const std::vector<results::Event> events;
        ResultsChart chart;
        chart.resize(900, 300);
        chart.setData(&series, &events);
        const QImage image = render(chart);
        const ResultsChartColours colours = ResultsChartColours::forPalette(chart.palette());
        const int ribbonY = static_cast<int>(chart.ribbonArea().center().y());
        const QRectF plot = chart.plotArea();
        const auto xOf = [&](qsizetype index) {
            return static_cast<int>(
                chart.xForTime(kStart + index * kFiveMinutes + kFiveMinutes / 2));
        };
        QCOMPARE(image.pixelColor(xOf(50), ribbonY).rgb(), colours.normal.rgb());
        QCOMPARE(image.pixelColor(xOf(220), ribbonY).rgb(), colours.machineOff.rgb());
        const QRgb inGap = image.pixelColor(xOf(115), ribbonY).rgb();
        QVERIFY(inGap != colours.normal.rgb());
        QVERIFY(inGap != colours.machineOff.rgb());
        // No line across the gap or the time the machine was off.
        for (const qsizetype index : { 115, 220 }) {
            QVERIFY2(!columnHas(image, xOf(index), static_cast<int>(plot.top()),
                         static_cast<int>(plot.bottom()) - 1, colours.line),
                qPrintable(QString::number(index)));
        }
        QVERIFY(columnHas(image, xOf(50), 0, static_cast<int>(plot.bottom()), colours.line));
    }

    void keyboard_zoomsAndPans()
    {
        const results::Series series = makeSeries(288 * 7);
        const std::vector<results::Event> events;
        ResultsChart chart;
        chart.resize(800, 300);
        chart.setData(&series, &events);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const qint64 start = chart.visibleFrom();
        const qint64 end = chart.visibleTo();
        const qint64 all = end - start;
        QSignalSpy ranges(&chart, &ResultsChart::visibleRangeChanged);

        QTest::keyClick(&chart, Qt::Key_Plus);
        QCOMPARE(chart.visibleTo() - chart.visibleFrom(), all / 2);
        QCOMPARE(chart.visibleFrom(), start + all / 4); // around the middle
        QCOMPARE(ranges.count(), 1);

        const qint64 before = chart.visibleFrom();
        QTest::keyClick(&chart, Qt::Key_Right);
        QCOMPARE(chart.visibleFrom(), before + all / 2 / 10);
        QTest::keyClick(&chart, Qt::Key_Left);
        QCOMPARE(chart.visibleFrom(), before);

        QTest::keyClick(&chart, Qt::Key_End);
        QCOMPARE(chart.visibleTo(), end);
        QCOMPARE(chart.visibleTo() - chart.visibleFrom(), all / 2);
        QTest::keyClick(&chart, Qt::Key_Right); // nothing after the end
        QCOMPARE(chart.visibleTo(), end);
        QTest::keyClick(&chart, Qt::Key_Home);
        QCOMPARE(chart.visibleFrom(), start);

        QTest::keyClick(&chart, Qt::Key_Minus);
        QCOMPARE(chart.visibleTo() - chart.visibleFrom(), all);
        QTest::keyClick(&chart, Qt::Key_Minus); // not beyond the data
        QCOMPARE(chart.visibleTo() - chart.visibleFrom(), all);

        for (int i = 0; i < 30; ++i)
            QTest::keyClick(&chart, Qt::Key_Plus);
        QCOMPARE(chart.visibleTo() - chart.visibleFrom(), ResultsChart::kMinimumSpan);
        QTest::keyClick(&chart, Qt::Key_0);
        QCOMPARE(chart.visibleFrom(), start);
        QCOMPARE(chart.visibleTo(), end);
    }

    void wheel_zoomsAroundThePointer_dragPans()
    {
        const results::Series series = makeSeries(288);
        const std::vector<results::Event> events;
        ResultsChart chart;
        chart.resize(800, 300);
        chart.setData(&series, &events);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QPointF at(chart.plotArea().left() + chart.plotArea().width() * 0.25,
            chart.plotArea().center().y());
        const qint64 under = chart.timeForX(at.x());
        const qint64 span = chart.visibleTo() - chart.visibleFrom();
        QWheelEvent wheel(at, chart.mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&chart, &wheel);
        QVERIFY(chart.visibleTo() - chart.visibleFrom() < span);
        QVERIFY(qAbs(chart.timeForX(at.x()) - under) < kFiveMinutes / 10);

        // A drag to the right shows earlier times, and selects nothing.
        QSignalSpy selected(&chart, &ResultsChart::predictionSelected);
        const qint64 from = chart.visibleFrom();
        const QPoint start = at.toPoint();
        QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, start);
        QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(100, 0)),
            chart.mapToGlobal(QPointF(start + QPoint(100, 0))), Qt::NoButton, Qt::LeftButton,
            Qt::NoModifier);
        QApplication::sendEvent(&chart, &move);
        QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, start + QPoint(100, 0));
        QVERIFY(chart.visibleFrom() < from);
        QCOMPARE(selected.count(), 0);
    }

    void click_selectsEventOrNearestPrediction()
    {
        QHash<qsizetype, Point> special;
        for (qsizetype i = 100; i < 110; ++i)
            special.insert(i, { 0.9, true });
        const results::Series series = makeSeries(288, special);
        const std::vector<results::Event> events = results::findEvents(series);
        QCOMPARE(events.size(), size_t(1));
        ResultsChart chart;
        chart.resize(800, 300);
        chart.setData(&series, &events);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QSignalSpy eventSpy(&chart, &ResultsChart::eventSelected);
        QSignalSpy predictionSpy(&chart, &ResultsChart::predictionSelected);
        const int y = static_cast<int>(chart.plotArea().center().y());

        QTest::mouseClick(&chart, Qt::LeftButton, Qt::NoModifier,
            QPoint(static_cast<int>(chart.xForTime(kStart + 105 * kFiveMinutes)), y));
        QCOMPARE(eventSpy.count(), 1);
        QCOMPARE(eventSpy.first().first().toInt(), 0);
        QCOMPARE(chart.selectedEvent(), 0);
        QCOMPARE(chart.selectedPrediction(), -1);

        QTest::mouseClick(&chart, Qt::LeftButton, Qt::NoModifier,
            QPoint(static_cast<int>(chart.xForTime(kStart + 200 * kFiveMinutes + 1000)), y));
        QCOMPARE(predictionSpy.count(), 1);
        QCOMPARE(predictionSpy.first().first().value<qsizetype>(), qsizetype(200));
        QCOMPARE(chart.selectedEvent(), -1);

        // Page Up: the event before the selected prediction.
        QTest::keyClick(&chart, Qt::Key_PageUp);
        QCOMPARE(chart.selectedEvent(), 0);
    }

    void toolTip_showsTimeScoreAndReason()
    {
        QHash<qsizetype, Point> special { { 10, { 0.97, true } } };
        const results::Series series = makeSeries(20, special);
        const std::vector<results::Event> events = results::findEvents(series);
        ResultsChart chart;
        chart.resize(800, 300);
        chart.setData(&series, &events);
        const QPointF at(
            chart.xForTime(kStart + 10 * kFiveMinutes) + 1, chart.plotArea().center().y());
        const QString text = chart.toolTipAt(at);
        QVERIFY2(text.contains(u"2022-07-01 00:50:00 UTC"_s), qPrintable(text));
        QVERIFY2(text.contains(u"0.970"_s), qPrintable(text));
        QVERIFY2(text.contains(u"ANOMALY_DETECTED"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Event"_s), qPrintable(text));
        QVERIFY(chart.toolTipAt(QPointF(1, 1)).isEmpty()); // off the plot
    }

    void accessibleAndPlaceholder()
    {
        ResultsChart chart;
        chart.resize(600, 240);
        QCOMPARE(chart.focusPolicy(), Qt::StrongFocus);
        QVERIFY(!chart.accessibleName().isEmpty());
        chart.setPlaceholderText(u"Loading…"_s);
        const results::Series empty;
        chart.setData(&empty, nullptr);
        QCOMPARE(chart.accessibleDescription(), u"Loading…"_s);
        const results::Series series = makeSeries(12);
        const std::vector<results::Event> events;
        chart.setData(&series, &events);
        QVERIFY2(chart.accessibleDescription().contains(u"to 2022-07-01 00:55:00 UTC: 12"_s),
            qPrintable(chart.accessibleDescription()));
    }

    // The chart shares its row with the sensor bars, so it can be as narrow as its minimum size:
    // the legend wraps onto more lines, the plot starts below it, and nothing is drawn outside.
    void legend_staysInsideANarrowChart_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("minimum") << ResultsChart().minimumSizeHint().width();
        QTest::newRow("300") << 300;
        QTest::newRow("420") << 420;
        QTest::newRow("wide") << 1400;
    }

    void legend_staysInsideANarrowChart()
    {
        QFETCH(int, width);
        const results::Series series = makeSeries(120, { { 50, Point { 0.9, true } } });
        const std::vector<results::Event> events = results::findEvents(series);
        ResultsChart chart;
        chart.resize(width, chart.minimumSizeHint().height() + 60);
        chart.setData(&series, &events);
        const QRectF legend = chart.legendArea();
        QVERIFY(!legend.isEmpty());
        QVERIFY2(QRectF(chart.rect()).contains(legend),
            qPrintable(u"legend %1,%2 %3x%4 in a chart %5 wide"_s.arg(legend.x())
                           .arg(legend.y())
                           .arg(legend.width())
                           .arg(legend.height())
                           .arg(width)));
        QVERIFY(chart.plotArea().top() > legend.bottom());
        QVERIFY(chart.plotArea().height() > 10);

        // Drawn into a wider image: the columns right of the chart keep the colour they had.
        const QColor outside(0x12, 0x34, 0x56);
        QImage image(width + 300, chart.height(), QImage::Format_ARGB32);
        image.fill(outside);
        {
            QPainter painter(&image);
            chart.paintChart(painter, QRectF(QPointF(0, 0), QSizeF(chart.size())));
        }
        for (int x = width; x < image.width(); ++x) {
            for (int y = 0; y < image.height(); ++y) {
                if (image.pixelColor(x, y).rgb() != outside.rgb())
                    QFAIL(qPrintable(u"drawn outside the chart at %1,%2"_s.arg(x).arg(y)));
            }
        }
    }

    void darkPalette_drawsOnDark()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
        const ResultsChartColours colours = ResultsChartColours::forPalette(dark);
        QVERIFY(colours.line.lightness() > 128);
        const ResultsChartColours light = ResultsChartColours::forPalette(QPalette(Qt::white));
        QVERIFY(light.line != colours.line);
        const results::Series series = makeSeries(12);
        const std::vector<results::Event> events;
        ResultsChart chart;
        chart.setPalette(dark);
        chart.resize(600, 240);
        chart.setData(&series, &events);
        const QImage image = render(chart);
        QCOMPARE(image.pixelColor(2, 2).rgb(), dark.color(QPalette::Base).rgb());
    }
};

QTEST_MAIN(TestResultsChart)
#include "tst_resultschart.moc"
