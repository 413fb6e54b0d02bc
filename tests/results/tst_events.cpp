// Events: the sample week's eight events exactly as its README lists them (ended by normal
// predictions, the machine switching off and a gap of missing executions), the legacy day's one
// (no scores), the gap rule, and the sensors' mean shares, top ten with "all others", and sums per
// component.
#include "results/events.h"
#include "results/resultsparser.h"
#include "results/resultstime.h"

#include <QDirIterator>
#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;
using results::Event;
using results::ResultsParser;
using results::Series;

namespace {

qint64 micros(const char *isoUtc)
{
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toMSecsSinceEpoch()
        * 1000;
}

Series sample(const QString &folder)
{
    Series series;
    QDirIterator it(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/") + folder,
        { u"results.jsonl"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        series.add(ResultsParser::parse(file.readAll(), file.fileName()), file.fileName());
    }
    return series;
}

// "2022-07-29T11:00:00" plus its members, one line per entry.
Series series(const QList<QByteArray> &lines)
{
    QByteArray text;
    for (const QByteArray &line : lines)
        text += line + '\n';
    Series result;
    result.add(ResultsParser::parse(text, u"test"_s), u"test"_s);
    return result;
}

QByteArray at(const char *time, const QByteArray &members)
{
    return R"({"timestamp": ")" + QByteArray(time) + "\", " + members + "}";
}

QByteArray anomaly(const char *time, const QByteArray &diagnostics = "[]")
{
    return at(time, R"("prediction": 1, "anomaly_score": 0.9, "diagnostics": )" + diagnostics);
}

QByteArray normal(const char *time)
{
    return at(time, R"("prediction": 0, "prediction_reason": "NO_ANOMALY_DETECTED")");
}

QString topSensorName(const Series &series, const Event &event)
{
    const results::Contributions shares = results::contributions(series, event);
    return shares.sensors.empty() ? QString() : series.sensorName(shares.sensors.front().sensor);
}

} // namespace

class TestEvents : public QObject {
    Q_OBJECT
private slots:
    void sampleWeek_hasTheEventsItsReadmeLists();
    void legacyDay_hasOneEventWithoutScores();
    void run_endsAtEveryKindOfNonAnomaly();
    void gap_longerThanThreeTimesTheSpacingEndsAnEvent();
    void gapRule_followsTheFactor();
    void reasonAlone_marksAnAnomalyWithoutPrediction();
    void contributions_areMeansOverPredictionsWithDiagnostics();
    void contributions_equalSharesAreOrderedByName();
    void topSensors_keepTenAndSumTheRest();
    void componentShares_sumPerComponent();
    void emptyRange_hasNoContributions();
};

void TestEvents::sampleWeek_hasTheEventsItsReadmeLists()
{
    const Series week = sample(u"pump-week"_s);
    const std::vector<Event> events = results::findEvents(week);
    struct Expected {
        const char *start;
        const char *end;
        qsizetype points;
        QString sensor;
    };
    const QList<Expected> expected {
        { "2022-07-25T10:00:00Z", "2022-07-25T11:25:00Z", 18, u"pump\\Sensor3"_s },
        { "2022-07-26T14:00:00Z", "2022-07-26T14:10:00Z", 3, u"motor\\Sensor7"_s },
        { "2022-07-27T09:00:00Z", "2022-07-27T09:25:00Z", 6, u"pump\\Sensor1"_s },
        { "2022-07-27T09:35:00Z", "2022-07-27T09:55:00Z", 5, u"pump\\Sensor1"_s },
        { "2022-07-28T19:30:00Z", "2022-07-28T19:55:00Z", 6, u"motor\\Sensor8"_s },
        { "2022-07-29T11:30:00Z", "2022-07-29T12:30:00Z", 13, u"pump\\Sensor0"_s },
        { "2022-07-29T13:45:00Z", "2022-07-29T13:55:00Z", 3, u"pump\\Sensor5"_s },
        { "2022-07-29T16:00:00Z", "2022-07-29T16:10:00Z", 3, u"pump\\Sensor5"_s },
    };
    QCOMPARE(events.size(), size_t(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Event &event = events[static_cast<size_t>(i)];
        QCOMPARE(results::timestampText(event.start), QByteArray(expected[i].start));
        QCOMPARE(results::timestampText(event.end), QByteArray(expected[i].end));
        QCOMPARE(event.points, expected[i].points);
        QCOMPARE(event.last - event.first + 1, event.points);
        QVERIFY(event.maxScore && *event.maxScore >= 0.8 && *event.maxScore <= 0.99);
        QCOMPARE(topSensorName(week, event), expected[i].sensor);
        // The blamed sensor has about half the share.
        const results::Contributions shares = results::contributions(week, event);
        QCOMPARE(shares.points, event.points);
        QVERIFY(shares.sensors.front().share > 0.4 && shares.sensors.front().share < 0.6);
    }
    // The highest score of the first event is the largest of its predictions'.
    double highest = 0;
    for (qsizetype i = events[0].first; i <= events[0].last; ++i)
        highest = qMax(highest, week.at(i).score);
    QCOMPARE(*events[0].maxScore, highest);
}

void TestEvents::legacyDay_hasOneEventWithoutScores()
{
    const Series legacy = sample(u"legacy-2021"_s);
    QCOMPARE(legacy.size(), 36);
    const std::vector<Event> events = results::findEvents(legacy);
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events[0].start, micros("2021-04-13T14:20:00Z"));
    QCOMPARE(events[0].end, micros("2021-04-13T14:40:00Z"));
    QCOMPARE(events[0].points, 5);
    QCOMPARE(events[0].maxScore, std::nullopt);
    QCOMPARE(topSensorName(legacy, events[0]), u"motor\\Sensor9"_s);
}

void TestEvents::run_endsAtEveryKindOfNonAnomaly()
{
    const Series s = series({
        anomaly("2022-07-29T11:00:00"),
        anomaly("2022-07-29T11:05:00"),
        normal("2022-07-29T11:10:00"),
        anomaly("2022-07-29T11:15:00"),
        at("2022-07-29T11:20:00", R"("prediction": 0, "prediction_reason": "MACHINE_OFF")"),
        anomaly("2022-07-29T11:25:00"),
        at("2022-07-29T11:30:00", R"("prediction": 0)"),
        anomaly("2022-07-29T11:35:00"),
        at("2022-07-29T11:40:00", R"("prediction_reason": "SOMETHING_NEW")"),
        anomaly("2022-07-29T11:45:00"),
        anomaly("2022-07-29T11:50:00"),
    });
    const std::vector<Event> events = results::findEvents(s);
    QCOMPARE(events.size(), size_t(5));
    QCOMPARE(events[0].points, 2);
    QCOMPARE(events[1].first, 3);
    QCOMPARE(events[4].start, micros("2022-07-29T11:45:00Z"));
    QCOMPARE(events[4].end, micros("2022-07-29T11:50:00Z"));
    QCOMPARE(events[4].maxScore, std::optional<double>(0.9));
    QVERIFY(results::findEvents(Series()).empty());
}

void TestEvents::gap_longerThanThreeTimesTheSpacingEndsAnEvent()
{
    const Series s = series({
        normal("2022-07-29T10:50:00"),
        normal("2022-07-29T10:55:00"),
        anomaly("2022-07-29T11:00:00"),
        anomaly("2022-07-29T11:15:00"), // 3 × 5 minutes: the same event
        anomaly("2022-07-29T11:30:01"), // just over: a new one
        anomaly("2022-07-29T11:35:01"),
        normal("2022-07-29T11:40:01"),
        normal("2022-07-29T11:45:01"),
    });
    QCOMPARE(s.typicalSpacing(), std::optional<qint64>(5 * 60'000'000LL));
    const std::vector<Event> events = results::findEvents(s);
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].points, 2);
    QCOMPARE(events[0].end, micros("2022-07-29T11:15:00Z"));
    QCOMPARE(events[1].points, 2);
    // A single prediction has no spacing: nothing is split.
    QCOMPARE(results::findEvents(series({ anomaly("2022-07-29T11:00:00") })).size(), size_t(1));
}

void TestEvents::gapRule_followsTheFactor()
{
    const Series s = series({
        anomaly("2022-07-29T11:00:00"),
        anomaly("2022-07-29T11:05:00"),
        anomaly("2022-07-29T11:10:00"),
        anomaly("2022-07-29T11:20:00"),
    });
    QCOMPARE(results::findEvents(s).size(), size_t(1));
    QCOMPARE(results::findEvents(s, results::EventRules { 1.5 }).size(), size_t(2));
}

void TestEvents::reasonAlone_marksAnAnomalyWithoutPrediction()
{
    const Series s = series({
        at("2022-07-29T11:00:00", R"("prediction_reason": "ANOMALY_DETECTED")"),
        at("2022-07-29T11:05:00", R"("prediction_reason": "ANOMALY_DETECTED")"),
        at("2022-07-29T11:10:00", R"("prediction": 0, "prediction_reason": "ANOMALY_DETECTED")"),
    });
    const std::vector<Event> events = results::findEvents(s);
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events[0].points, 2);
    QCOMPARE(events[0].maxScore, std::nullopt);
}

void TestEvents::contributions_areMeansOverPredictionsWithDiagnostics()
{
    const Series s = series({
        anomaly("2022-07-29T11:00:00",
            R"([{"name": "pump\\A", "value": 0.6}, {"name": "pump\\B", "value": 0.4}])"),
        anomaly("2022-07-29T11:05:00",
            R"([{"name": "pump\\A", "value": 0.2}, {"name": "motor\\C", "value": 0.8}])"),
        at("2022-07-29T11:10:00", R"("prediction": 1)"), // no diagnostics: not averaged over
    });
    const results::Contributions shares = results::contributions(s, 0, 2);
    QCOMPARE(shares.points, 2);
    QCOMPARE(shares.sensors.size(), size_t(3));
    QCOMPARE(s.sensorName(shares.sensors[0].sensor), u"pump\\A"_s);
    QCOMPARE(shares.sensors[0].share, (double(0.6f) + double(0.2f)) / 2);
    QCOMPARE(s.sensorName(shares.sensors[1].sensor), u"motor\\C"_s);
    QCOMPARE(shares.sensors[1].share, double(0.8f) / 2);
    QCOMPARE(s.sensorName(shares.sensors[2].sensor), u"pump\\B"_s);
    // Of one prediction: its own shares, sorted; indices outside the series are clamped.
    const results::Contributions single = results::contributions(s, 1, 1);
    QCOMPARE(single.points, 1);
    QCOMPARE(s.sensorName(single.sensors[0].sensor), u"motor\\C"_s);
    QCOMPARE(single.sensors[0].share, double(0.8f));
    QCOMPARE(results::contributions(s, -5, 99).points, 2);
}

void TestEvents::contributions_equalSharesAreOrderedByName()
{
    const Series s = series({ anomaly("2022-07-29T11:00:00",
        R"([{"name": "c", "value": 0.25}, {"name": "a", "value": 0.25}, {"name": "b", "value": )"
        R"(0.5}, {"name": "d", "value": 0.25}])") });
    const results::Contributions shares = results::contributions(s, 0, 0);
    QStringList order;
    for (const results::SensorShare &share : shares.sensors)
        order.append(s.sensorName(share.sensor));
    QCOMPARE(order, QStringList({ u"b"_s, u"a"_s, u"c"_s, u"d"_s }));
}

void TestEvents::topSensors_keepTenAndSumTheRest()
{
    QByteArray diagnostics = "[";
    for (int i = 0; i < 14; ++i)
        diagnostics += (i ? ", " : "") + R"({"name": "pump\\S)"_ba + QByteArray::number(10 + i)
            + R"(", "value": )" + QByteArray::number((i + 1) / 105.0) + "}";
    const Series s = series({ anomaly("2022-07-29T11:00:00", diagnostics + "]") });
    const results::Contributions shares = results::contributions(s, 0, 0);
    const results::TopSensors top = results::topSensors(shares);
    QCOMPARE(top.top.size(), size_t(10));
    QCOMPARE(s.sensorName(top.top.front().sensor), u"pump\\S23"_s);
    QCOMPARE(s.sensorName(top.top.back().sensor), u"pump\\S14"_s);
    QCOMPARE(top.otherCount, 4);
    double rest = 0;
    for (int i = 0; i < 4; ++i)
        rest += double(QByteArray::number((i + 1) / 105.0).toFloat());
    QCOMPARE(top.others, rest);
    const results::TopSensors three = results::topSensors(shares, 3);
    QCOMPARE(three.top.size(), size_t(3));
    QCOMPARE(three.otherCount, 11);
    const results::TopSensors all = results::topSensors(shares, 100);
    QCOMPARE(all.top.size(), size_t(14));
    QCOMPARE(all.others, 0.0);
    QCOMPARE(all.otherCount, 0);
}

void TestEvents::componentShares_sumPerComponent()
{
    const Series s = series({ anomaly("2022-07-29T11:00:00",
        R"([{"name": "pump\\A", "value": 0.3}, {"name": "motor\\B", "value": 0.4}, )"
        R"({"name": "pump\\C\\x", "value": 0.2}, {"name": "lonely", "value": 0.1}])") });
    const std::vector<results::ComponentShare> components
        = results::componentShares(s, results::contributions(s, 0, 0));
    QCOMPARE(components.size(), size_t(3));
    QCOMPARE(components[0].component, u"pump"_s);
    QCOMPARE(components[0].share, double(0.3f) + double(0.2f));
    QCOMPARE(components[1].component, u"motor"_s);
    QCOMPARE(components[2].component, u"lonely"_s);
    QCOMPARE(results::componentOf(u"a\\b\\c"_s), u"a"_s);
    QCOMPARE(results::componentOf(u"\\b"_s), QString());
}

void TestEvents::emptyRange_hasNoContributions()
{
    const Series s = series({ normal("2022-07-29T11:00:00") });
    const results::Contributions none = results::contributions(s, 0, 0);
    QCOMPARE(none.points, 0);
    QVERIFY(none.sensors.empty());
    QVERIFY(results::topSensors(none).top.empty());
    QVERIFY(results::componentShares(s, none).empty());
    QCOMPARE(results::contributions(Series(), 0, 10).points, 0);
}

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
