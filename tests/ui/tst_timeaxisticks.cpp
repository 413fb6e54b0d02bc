// The time axis ticks (ui/timeaxisticks.h): the step grows with the span so that labels fit,
// ticks fall on round UTC times, midnight is a major tick labelled with the date, months are
// calendar months.
#include "results/resultstime.h"
#include "ui/timeaxisticks.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using ui::TimeTick;

namespace {

qint64 at(const char *isoUtc)
{
    return results::fromDateTime(QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate));
}

} // namespace

class TestTimeAxisTicks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void hours_withTheDateAtMidnight()
    {
        const QFontMetricsF metrics(QFont {});
        const auto ticks = ui::timeAxisTicks(
            at("2022-07-25T18:10:00Z"), at("2022-07-26T06:00:00Z"), 800, metrics);
        QVERIFY(ticks.size() >= 4);
        qint64 step = ticks[1].time - ticks[0].time;
        QCOMPARE(step % (15 * results::kMicrosecondsPerMinute), 0);
        bool sawMidnight = false;
        for (const TimeTick &tick : ticks) {
            QCOMPARE(tick.time % step, 0);
            QVERIFY(tick.time >= at("2022-07-25T18:10:00Z"));
            if (tick.time == at("2022-07-26T00:00:00Z")) {
                sawMidnight = true;
                QVERIFY(tick.major);
                QCOMPARE(tick.label, u"26 Jul"_s);
            } else {
                QVERIFY(!tick.major);
                QCOMPARE(tick.label.size(), 5); // "HH:mm"
            }
        }
        QVERIFY(sawMidnight);
        // Labels fit: adjacent ticks are further apart than a label is wide.
        const double pixelsPerStep
            = 800.0 * step / (at("2022-07-26T06:00:00Z") - at("2022-07-25T18:10:00Z"));
        QVERIFY(pixelsPerStep > metrics.horizontalAdvance(u"26 Jul"_s));
    }

    void weeks_onMondays_monthsAndYears()
    {
        const QFontMetricsF metrics(QFont {});
        const auto days = ui::timeAxisTicks(
            at("2022-07-01T00:00:00Z"), at("2022-10-01T00:00:00Z"), 500, metrics);
        QVERIFY(!days.empty());
        for (const TimeTick &tick : days)
            QCOMPARE(tick.time % results::kMicrosecondsPerDay, 0);
        if (days.size() > 1 && days[1].time - days[0].time == 7 * results::kMicrosecondsPerDay)
            QCOMPARE(results::toDateTime(days[0].time).date().dayOfWeek(), 1);

        const auto months = ui::timeAxisTicks(
            at("2021-01-15T00:00:00Z"), at("2023-01-15T00:00:00Z"), 900, metrics);
        QVERIFY(months.size() >= 4);
        for (const TimeTick &tick : months) {
            const QDateTime when = results::toDateTime(tick.time);
            QCOMPARE(when.date().day(), 1);
            QCOMPARE(when.time(), QTime(0, 0));
        }
        const auto years = ui::timeAxisTicks(
            at("2000-01-01T00:00:00Z"), at("2030-01-01T00:00:00Z"), 300, metrics);
        QVERIFY(!years.empty());
        QCOMPARE(years.front().label.size(), 4);

        QVERIFY(ui::timeAxisTicks(10, 10, 100, metrics).empty());
    }
};

QTEST_MAIN(TestTimeAxisTicks)
#include "tst_timeaxisticks.moc"
