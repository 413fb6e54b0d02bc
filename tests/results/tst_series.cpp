// Series: objects merged in any order give the same predictions; duplicates keep the prediction
// of the object whose key sorts last; names and reasons are stored once; lookups, the typical
// spacing and decimation into buckets are exact at bucket boundaries.
#include "results/resultsparser.h"
#include "results/resultstime.h"
#include "results/series.h"

#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using results::Prediction;
using results::ResultsParser;
using results::Series;

namespace {

qint64 micros(const char *isoUtc)
{
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toMSecsSinceEpoch()
        * 1000;
}

QByteArray line(const char *time, const QByteArray &rest = QByteArray())
{
    return R"({"timestamp": ")" + QByteArray(time) + "\""
        + (rest.isEmpty() ? QByteArray() : QByteArray(", " + rest)) + "}\n";
}

Series::Merge add(Series &series, const QByteArray &text, const QString &key)
{
    return series.add(ResultsParser::parse(text, key), key);
}

struct Object {
    QString key;
    QByteArray text;
};

QList<Object> sampleObjects(const QString &folder)
{
    QList<Object> objects;
    QDirIterator it(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/") + folder,
        { u"results.jsonl"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        objects.append({ it.filePath().section(u'/', -2), file.readAll() });
    }
    std::sort(objects.begin(), objects.end(),
        [](const Object &a, const Object &b) { return a.key < b.key; });
    return objects;
}

// Everything a prediction says, with names and texts resolved.
QString describe(const Series &series, const Prediction &p)
{
    QStringList diagnostics;
    for (const results::Diagnostic &d : series.diagnostics(p))
        diagnostics.append(series.sensorName(d.sensor) + u'=' + QString::number(d.share));
    return QStringLiteral("%1 %2 %3 %4 %5 [%6] from %7:%8")
        .arg(QString::fromLatin1(results::timestampText(p.time)))
        .arg(p.has(Prediction::HasPrediction) ? QString::number(p.prediction) : u"-"_s)
        .arg(series.reasonText(p))
        .arg(p.has(Prediction::HasScore) ? QString::number(p.score) : u"-"_s)
        .arg(p.flags)
        .arg(diagnostics.join(u','))
        .arg(series.origin(p))
        .arg(p.line);
}

QStringList describeAll(const Series &series)
{
    QStringList out;
    for (const Prediction &p : series.predictions())
        out.append(describe(series, p));
    return out;
}

} // namespace

class TestSeries : public QObject {
    Q_OBJECT
private slots:
    void sample_mergesInAnyOrderToTheSamePredictions();
    void merge_reportsWhereTheSeriesChanged();
    void duplicates_keepTheLatestObjectWhateverTheOrder();
    void duplicates_withinOneObjectKeepTheLastLine();
    void names_andReasons_areStoredOncePerSeries();
    void emptyObject_changesNothing();
    void lookups();
    void typicalSpacing_isTheMedianGap();
    void decimate_countsEveryPredictionInItsBucket();
    void decimate_bucketBoundariesAreExact();
    void decimate_refusesEmptyRanges();
    void clear_empties();
};

void TestSeries::sample_mergesInAnyOrderToTheSamePredictions()
{
    const QList<Object> objects = sampleObjects(u"pump-week"_s);
    QCOMPARE(objects.size(), 166);
    Series inOrder;
    for (const Object &object : objects)
        add(inOrder, object.text, object.key);
    QCOMPARE(inOrder.size(), 1992);
    QCOMPARE(inOrder.duplicates(), 0);
    QVERIFY(std::is_sorted(inOrder.predictions().begin(), inOrder.predictions().end(),
        [](const Prediction &a, const Prediction &b) { return a.time <= b.time; }));
    QCOMPARE(inOrder.at(0).time, micros("2022-07-25T00:00:00Z"));
    QCOMPARE(inOrder.at(inOrder.size() - 1).time, micros("2022-07-31T23:55:00Z"));
    QCOMPARE(inOrder.sensorNames().size(), 10);
    const QStringList expected = describeAll(inOrder);

    QList<Object> shuffled = objects;
    std::reverse(shuffled.begin(), shuffled.end());
    Series reversed;
    for (const Object &object : shuffled)
        add(reversed, object.text, object.key);
    QCOMPARE(describeAll(reversed), expected);

    for (quint32 seed = 1; seed <= 5; ++seed) {
        std::shuffle(shuffled.begin(), shuffled.end(), QRandomGenerator(seed));
        Series random;
        for (const Object &object : shuffled)
            add(random, object.text, object.key);
        QCOMPARE(describeAll(random), expected);
    }
}

void TestSeries::merge_reportsWhereTheSeriesChanged()
{
    Series series;
    Series::Merge merge
        = add(series, line("2022-07-29T11:00:00") + line("2022-07-29T11:10:00"), u"a"_s);
    QCOMPARE(merge.firstChanged, 0);
    QCOMPARE(merge.added, 2);
    merge = add(series, line("2022-07-29T11:20:00"), u"b"_s);
    QCOMPARE(merge.firstChanged, 2);
    QCOMPARE(merge.added, 1);
    merge = add(series, line("2022-07-29T11:05:00") + line("2022-07-29T11:30:00"), u"c"_s);
    QCOMPARE(merge.firstChanged, 1);
    QCOMPARE(merge.added, 2);
    QCOMPARE(merge.duplicates, 0);
    QCOMPARE(series.at(1).time, micros("2022-07-29T11:05:00Z"));
    QCOMPARE(series.at(4).time, micros("2022-07-29T11:30:00Z"));
}

void TestSeries::duplicates_keepTheLatestObjectWhateverTheOrder()
{
    const QByteArray older = line("2022-07-29T11:00:00", R"("prediction": 0)")
        + line("2022-07-29T11:05:00", R"("prediction": 0)");
    const QByteArray newer = line("2022-07-29T11:05:00", R"("prediction": 1)")
        + line("2022-07-29T11:10:00", R"("prediction": 1)");
    for (bool newerFirst : { false, true }) {
        Series series;
        const auto first = newerFirst ? newer : older;
        const auto second = newerFirst ? older : newer;
        add(series, first,
            newerFirst ? u"2022-07-29T11:15:00Z/results.jsonl"_s
                       : u"2022-07-29T11:10:00Z/results.jsonl"_s);
        const Series::Merge merge = add(series, second,
            newerFirst ? u"2022-07-29T11:10:00Z/results.jsonl"_s
                       : u"2022-07-29T11:15:00Z/results.jsonl"_s);
        QCOMPARE(merge.duplicates, 1);
        QCOMPARE(merge.added, 1);
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.duplicates(), 1);
        QCOMPARE(series.at(1).prediction, 1);
        QCOMPARE(series.origin(series.at(1)), u"2022-07-29T11:15:00Z/results.jsonl"_s);
    }
    // The same object twice: nothing changes.
    Series series;
    add(series, older, u"a"_s);
    const Series::Merge again = add(series, older, u"a"_s);
    QCOMPARE(again.added, 0);
    QCOMPARE(again.duplicates, 2);
    QCOMPARE(series.size(), 2);
}

void TestSeries::duplicates_withinOneObjectKeepTheLastLine()
{
    Series series;
    const Series::Merge merge = add(series,
        line("2022-07-29T11:05:00", R"("prediction": 0)")
            + line("2022-07-29T11:00:00", R"("prediction": 0)")
            + line("2022-07-29T11:05:00", R"("prediction": 1)")
            + line("2022-07-29T11:05:00.000000Z", R"("prediction": 2)"),
        u"a"_s);
    QCOMPARE(merge.duplicates, 2);
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(1).prediction, 2);
    QCOMPARE(series.at(1).line, 4u);
}

void TestSeries::names_andReasons_areStoredOncePerSeries()
{
    Series series;
    add(series,
        line("2022-07-29T11:00:00",
            R"("prediction_reason": "NEW", "diagnostics": [{"name": "a\\x", "value": 0.5}, )"
            R"({"name": "b\\y", "value": 0.5}])"),
        u"a"_s);
    add(series,
        line("2022-07-29T11:05:00",
            R"("prediction_reason": "NEWER", "diagnostics": [{"name": "b\\y", "value": 0.25}, )"
            R"({"name": "c\\z", "value": 0.75}])")
            + line("2022-07-29T11:10:00", R"("prediction_reason": "NEW")"),
        u"b"_s);
    QCOMPARE(series.sensorNames(), QStringList({ u"a\\x"_s, u"b\\y"_s, u"c\\z"_s }));
    const auto second = series.diagnostics(series.at(1));
    QCOMPARE(second.size(), size_t(2));
    QCOMPARE(series.sensorName(second[0].sensor), u"b\\y"_s);
    QCOMPARE(second[0].share, 0.25f);
    QCOMPARE(series.sensorName(second[1].sensor), u"c\\z"_s);
    QCOMPARE(series.reasonText(series.at(0)), u"NEW"_s);
    QCOMPARE(series.reasonText(series.at(1)), u"NEWER"_s);
    QCOMPARE(series.reasonText(series.at(2)), u"NEW"_s);
    QCOMPARE(series.at(0).otherReason, series.at(2).otherReason);
}

void TestSeries::emptyObject_changesNothing()
{
    Series series;
    add(series, line("2022-07-29T11:00:00"), u"a"_s);
    const Series::Merge merge = add(series, "\n\nnot json\n", u"b"_s);
    QCOMPARE(merge.added, 0);
    QCOMPARE(merge.firstChanged, 1);
    QCOMPARE(series.size(), 1);
}

void TestSeries::lookups()
{
    Series series;
    QCOMPARE(series.nearest(0), -1);
    QCOMPARE(series.lowerBound(0), 0);
    add(series, line("2022-07-29T11:00:00") + line("2022-07-29T11:10:00"), u"a"_s);
    QCOMPARE(series.lowerBound(micros("2022-07-29T10:00:00Z")), 0);
    QCOMPARE(series.lowerBound(micros("2022-07-29T11:00:00Z")), 0);
    QCOMPARE(series.lowerBound(micros("2022-07-29T11:00:01Z")), 1);
    QCOMPARE(series.lowerBound(micros("2022-07-29T12:00:00Z")), 2);
    QCOMPARE(series.nearest(micros("2022-07-29T10:00:00Z")), 0);
    QCOMPARE(series.nearest(micros("2022-07-29T11:04:59Z")), 0);
    QCOMPARE(series.nearest(micros("2022-07-29T11:05:00Z")), 0);
    QCOMPARE(series.nearest(micros("2022-07-29T11:05:01Z")), 1);
    QCOMPARE(series.nearest(micros("2022-07-30T00:00:00Z")), 1);
}

void TestSeries::typicalSpacing_isTheMedianGap()
{
    Series series;
    QCOMPARE(series.typicalSpacing(), std::nullopt);
    add(series, line("2022-07-29T11:00:00"), u"a"_s);
    QCOMPARE(series.typicalSpacing(), std::nullopt);
    // Gaps: 5, 5, 5, 120, 5 minutes.
    add(series,
        line("2022-07-29T11:05:00") + line("2022-07-29T11:10:00") + line("2022-07-29T11:15:00")
            + line("2022-07-29T13:15:00") + line("2022-07-29T13:20:00"),
        u"b"_s);
    QCOMPARE(series.typicalSpacing(), std::optional<qint64>(5 * 60'000'000LL));
    // Recomputed after a merge.
    add(series,
        line("2022-07-29T11:01:00") + line("2022-07-29T11:02:00") + line("2022-07-29T11:03:00")
            + line("2022-07-29T11:04:00"),
        u"c"_s);
    QCOMPARE(series.typicalSpacing(), std::optional<qint64>(60'000'000LL));
}

void TestSeries::decimate_countsEveryPredictionInItsBucket()
{
    const QList<Object> objects = sampleObjects(u"pump-week"_s);
    Series series;
    for (const Object &object : objects)
        add(series, object.text, object.key);
    const qint64 from = micros("2022-07-25T00:00:00Z");
    const qint64 to = micros("2022-08-01T00:00:00Z");
    for (int count : { 1, 7, 100, 2000, 5000 }) {
        const std::vector<results::Bucket> buckets = series.decimate(from, to, count);
        QCOMPARE(buckets.size(), size_t(count));
        qint64 points = 0;
        qint64 anomalies = 0;
        qint64 off = 0;
        for (const results::Bucket &bucket : buckets) {
            points += bucket.points;
            anomalies += bucket.anomalies;
            off += bucket.machineOff;
        }
        QCOMPARE(points, 1992);
        QCOMPARE(anomalies, 57);
        QCOMPARE(off, 1176);
    }
    // One bucket a day: Saturday is all off; Monday has its event's scores.
    const std::vector<results::Bucket> days = series.decimate(from, to, 7);
    QCOMPARE(days[5].points, 288);
    QCOMPARE(days[5].machineOff, 288);
    QCOMPARE(days[5].scored, 0);
    QCOMPARE(days[0].start, from);
    QCOMPARE(days[1].start, micros("2022-07-26T00:00:00Z"));
    QCOMPARE(days[0].anomalies, 18);
    QCOMPARE(days[0].scored, 168);
    QVERIFY(days[0].maxScore >= 0.8 && days[0].maxScore <= 0.99);
    QVERIFY(days[0].minScore >= 0.05 && days[0].minScore <= 0.45);
    QCOMPARE(days[0].lastTime, micros("2022-07-25T23:55:00Z"));
    QVERIFY(!days[0].lastIsAnomaly);
    // The last scored prediction of Monday is at 19:55.
    const qsizetype lastScored = series.lowerBound(micros("2022-07-25T19:55:00Z"));
    QCOMPARE(days[0].lastScore, series.at(lastScored).score);
}

void TestSeries::decimate_bucketBoundariesAreExact()
{
    Series series;
    // Three buckets of 10 minutes from 11:00: points at each boundary and just before it.
    add(series,
        line("2022-07-29T11:00:00", R"("anomaly_score": 0.1)")
            + line("2022-07-29T11:09:59.999999", R"("anomaly_score": 0.2, "prediction": 1)")
            + line("2022-07-29T11:10:00", R"("anomaly_score": 0.3)")
            + line("2022-07-29T11:29:59.999999", R"("anomaly_score": 0.4)")
            + line("2022-07-29T11:30:00", R"("anomaly_score": 0.5)")
            + line("2022-07-29T10:59:59.999999", R"("anomaly_score": 0.6)"),
        u"a"_s);
    const std::vector<results::Bucket> buckets
        = series.decimate(micros("2022-07-29T11:00:00Z"), micros("2022-07-29T11:30:00Z"), 3);
    QCOMPARE(buckets[0].points, 2);
    QCOMPARE(buckets[0].minScore, 0.1);
    QCOMPARE(buckets[0].maxScore, 0.2);
    QCOMPARE(buckets[0].lastScore, 0.2);
    QVERIFY(buckets[0].lastIsAnomaly);
    QCOMPARE(buckets[0].anomalies, 1);
    QCOMPARE(buckets[1].points, 1);
    QCOMPARE(buckets[1].start, micros("2022-07-29T11:10:00Z"));
    QCOMPARE(buckets[2].points, 1);
    QCOMPARE(buckets[2].lastScore, 0.4);
    QCOMPARE(buckets[2].lastTime, micros("2022-07-29T11:29:59Z") + 999999);

    // Buckets that do not divide the range evenly: 7 buckets over 10 µs.
    Series dense;
    QByteArray text;
    for (int us = 0; us < 10; ++us)
        text += line(QByteArray("2022-07-29T11:00:00.00000" + QByteArray::number(us)).constData());
    add(dense, text, u"a"_s);
    const qint64 from = micros("2022-07-29T11:00:00Z");
    const std::vector<results::Bucket> odd = dense.decimate(from, from + 10, 7);
    int total = 0;
    for (size_t i = 0; i < odd.size(); ++i) {
        total += odd[i].points;
        if (odd[i].points > 0) {
            QVERIFY(odd[i].lastTime >= odd[i].start);
            QVERIFY(i + 1 == odd.size() || odd[i].lastTime < odd[i + 1].start);
        }
    }
    QCOMPARE(total, 10);
}

void TestSeries::decimate_refusesEmptyRanges()
{
    Series series;
    add(series, line("2022-07-29T11:00:00"), u"a"_s);
    QVERIFY(series.decimate(0, 0, 10).empty());
    QVERIFY(series.decimate(10, 0, 10).empty());
    QVERIFY(series.decimate(0, 10, 0).empty());
    const std::vector<results::Bucket> none = series.decimate(0, 10, 3);
    QCOMPARE(none.size(), size_t(3));
    QCOMPARE(none[0].points + none[1].points + none[2].points, 0);
}

void TestSeries::clear_empties()
{
    Series series;
    add(series,
        line("2022-07-29T11:00:00", R"("diagnostics": [{"name": "a", "value": 1}])")
            + line("2022-07-29T11:00:00"),
        u"a"_s);
    series.clear();
    QVERIFY(series.isEmpty());
    QVERIFY(series.sensorNames().isEmpty());
    QCOMPARE(series.duplicates(), 0);
    QCOMPARE(series.typicalSpacing(), std::nullopt);
}

QTEST_GUILESS_MAIN(TestSeries)
#include "tst_series.moc"
