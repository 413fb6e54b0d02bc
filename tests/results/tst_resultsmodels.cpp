// The results models (app/models): the predictions table, the events table and the sensor
// contributions, each under QAbstractItemModelTester while a range loader fills its series in
// arbitrary order; inserted rows when the series only grew at the end, a reset otherwise; every
// role of representative rows; the events table telling only what changed.
#include "fakeresultssource.h"
#include "models/eventtablemodel.h"
#include "models/predictiontablemodel.h"
#include "models/resultstext.h"
#include "models/sensorcontributionmodel.h"
#include "results/rangeloader.h"
#include "results/resultsparser.h"
#include "results/resultstime.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace Qt::StringLiterals;
using models::EventTableModel;
using models::PredictionTableModel;
using models::SensorContributionModel;

namespace {

qint64 micros(const char *isoUtc)
{
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toMSecsSinceEpoch()
        * 1000;
}

// The sample week as a fake source whose fetches wait to be released.
void addWeek(FakeResultsSource &source, QStringList &keys)
{
    QDirIterator it(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/pump-week"),
        { u"results.jsonl"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        keys.append(it.filePath().section(u'/', -2));
        source.add(keys.last(), file.readAll());
    }
    keys.sort();
}

results::Series seriesOf(const QByteArray &text)
{
    results::Series series;
    series.add(results::ResultsParser::parse(text, u"t"_s), u"t"_s);
    return series;
}

int columnOf(const QAbstractItemModel &model, const QString &header)
{
    for (int column = 0; column < model.columnCount(); ++column) {
        if (model.headerData(column, Qt::Horizontal).toString() == header)
            return column;
    }
    return -1;
}

} // namespace

class TestResultsModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void predictions_followALoadInAnyOrder();
    void predictions_roles();
    void predictions_sortAndFind();
    void events_followALoadTellingOnlyWhatChanged();
    void events_roles();
    void events_rowAtAndContributions();
    void contributions_ofAPredictionAndAnEvent();
    void texts();
};

void TestResultsModels::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestResultsModels::predictions_followALoadInAnyOrder()
{
    FakeResultsSource source;
    QStringList keys;
    addWeek(source, keys);
    source.holdFetches(true);
    results::RangeLoader loader(&source);
    loader.setMaxInFlight(200);
    PredictionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EventTableModel events;
    QAbstractItemModelTester eventTester(
        &events, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSeries(&loader.series());
    events.setSeries(&loader.series());
    connect(&loader, &results::RangeLoader::seriesChanged, &model,
        &PredictionTableModel::seriesChanged);
    connect(
        &loader, &results::RangeLoader::seriesChanged, &events, &EventTableModel::seriesChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    loader.start(results::TimeRange::all());
    QTRY_COMPARE(source.waiting().size(), 166);
    QCOMPARE(reset.size(), 0); // an empty series cleared: nothing to tell

    // In time order: every object is inserted rows at the end.
    for (int i = 0; i < 40; ++i) {
        QVERIFY(source.release(keys[i]));
        QTRY_COMPARE(model.rowCount(), (i + 1) * 12);
    }
    QCOMPARE(reset.size(), 0);
    QVERIFY(inserted.size() >= 1);
    // Then the last, merged on its own (rows appended); then the rest backwards, which lands
    // rows before the end, so the model resets however the loader batches their merges; the
    // views see a consistent model throughout (the testers check it).
    QVERIFY(source.release(keys.last()));
    QTRY_COMPARE(model.rowCount(), 41 * 12);
    QCOMPARE(reset.size(), 0);
    for (int i = keys.size() - 2; i >= 40; --i)
        QVERIFY(source.release(keys[i]));
    QSignalSpy finished(&loader, &results::RangeLoader::finished);
    QVERIFY(finished.wait(30'000) || !loader.isLoading());
    QCOMPARE(model.rowCount(), 1992);
    QVERIFY(reset.size() >= 1);
    QCOMPARE(events.rowCount(), 8);
    const int time = PredictionTableModel::TimeColumn;
    for (int row = 1; row < model.rowCount(); ++row) {
        QVERIFY(model.index(row - 1, time).data(models::SortRole).toLongLong()
            < model.index(row, time).data(models::SortRole).toLongLong());
    }

    // A new load clears the models.
    loader.start(results::TimeRange::all());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(events.rowCount(), 0);
    loader.cancel();
    model.setSeries(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowNearest(0), -1);
}

void TestResultsModels::predictions_roles()
{
    const results::Series series = seriesOf(
        R"({"timestamp": "2022-07-25T10:00:00.000000", "prediction": 1, "prediction_reason": )"
        R"("ANOMALY_DETECTED", "anomaly_score": 0.88729, "diagnostics": [{"name": )"
        R"("pump\\Sensor0", "value": 0.0757}, {"name": "pump\\Sensor3", "value": 0.4923}, )"
        R"({"name": "motor\\Sensor6", "value": 0.0748}, {"name": "motor\\Sensor7", "value": )"
        R"(0.0375}]})"
        "\n"
        R"({"timestamp": "2022-07-25T10:05:00", "prediction": 0, "prediction_reason": )"
        R"("MACHINE_OFF"})"
        "\n"
        R"({"timestamp": "2022-07-25T10:10:00", "prediction_reason": "NEW_REASON"})");
    PredictionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSeries(&series);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 5);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    using C = PredictionTableModel::Column;
    QCOMPARE(cell(0, C::TimeColumn).toString(), u"2022-07-25 12:00:00 CEST"_s);
    QCOMPARE(cell(0, C::TimeColumn, Qt::ToolTipRole).toString(), u"2022-07-25 10:00:00 UTC"_s);
    QCOMPARE(cell(0, C::TimeColumn, models::RawValueRole).toDateTime(),
        QDateTime(QDate(2022, 7, 25), QTime(10, 0), QTimeZone::utc()));
    QCOMPARE(cell(0, C::PredictionColumn).toString(), u"1"_s);
    QCOMPARE(cell(0, C::ReasonColumn).toString(), u"ANOMALY_DETECTED"_s);
    QCOMPARE(cell(0, C::ScoreColumn).toString(), u"0.887"_s);
    QCOMPARE(cell(0, C::ScoreColumn, Qt::ToolTipRole).toString(), u"0.88729"_s);
    QCOMPARE(cell(0, C::ScoreColumn, models::RawValueRole).toDouble(), 0.88729);
    QCOMPARE(cell(0, C::TopSensorsColumn).toString(),
        u"pump\\Sensor3 49.2 %, pump\\Sensor0 7.6 %, motor\\Sensor6 7.5 %, …"_s);
    QCOMPARE(cell(0, C::TopSensorsColumn, Qt::ToolTipRole).toString(),
        u"pump\\Sensor3 49.2 %\npump\\Sensor0 7.6 %\nmotor\\Sensor6 7.5 %\nmotor\\Sensor7 3.8 %"_s);
    QCOMPARE(cell(0, C::TopSensorsColumn, models::RawValueRole).toStringList(),
        QStringList(
            { u"pump\\Sensor3"_s, u"pump\\Sensor0"_s, u"motor\\Sensor6"_s, u"motor\\Sensor7"_s }));
    QCOMPARE(
        cell(0, C::ScoreColumn, models::AccessibleTextRole).toString(), u"Anomaly score: 0.887"_s);
    QCOMPARE(cell(0, C::ScoreColumn, Qt::TextAlignmentRole).value<Qt::Alignment>(),
        Qt::AlignRight | Qt::AlignVCenter);
    QVERIFY(!cell(0, C::ScoreColumn, models::AbsentRole).toBool());

    // Machine off: no score, no diagnostics.
    QCOMPARE(cell(1, C::ReasonColumn).toString(), u"MACHINE_OFF"_s);
    QCOMPARE(cell(1, C::PredictionColumn).toString(), u"0"_s);
    QCOMPARE(cell(1, C::ScoreColumn).toString(), QString());
    QVERIFY(cell(1, C::ScoreColumn, models::AbsentRole).toBool());
    QVERIFY(!cell(1, C::ScoreColumn, models::RawValueRole).isValid());
    QCOMPARE(cell(1, C::ScoreColumn, models::AccessibleTextRole).toString(),
        u"Anomaly score: not set"_s);
    QVERIFY(cell(1, C::TopSensorsColumn, models::AbsentRole).toBool());
    // An unknown reason as written; no prediction.
    QCOMPARE(cell(2, C::ReasonColumn).toString(), u"NEW_REASON"_s);
    QVERIFY(cell(2, C::PredictionColumn, models::AbsentRole).toBool());
    QVERIFY(cell(2, C::PredictionColumn, models::SortRole).toInt()
        < cell(1, C::PredictionColumn, models::SortRole).toInt());

    QCOMPARE(model.headerData(C::ScoreColumn, Qt::Horizontal).toString(), u"Anomaly score"_s);
    QCOMPARE(model.headerData(C::TopSensorsColumn, Qt::Horizontal).toString(), u"Top sensors"_s);
    QVERIFY(!model.headerData(C::TimeColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
}

void TestResultsModels::predictions_sortAndFind()
{
    const results::Series series
        = seriesOf(R"({"timestamp": "2022-07-25T10:00:00", "anomaly_score": 0.5})"
                   "\n"
                   R"({"timestamp": "2022-07-25T10:05:00"})"
                   "\n"
                   R"({"timestamp": "2022-07-25T10:10:00", "anomaly_score": 0.9})"
                   "\n"
                   R"({"timestamp": "2022-07-25T10:15:00", "anomaly_score": 0.1})");
    PredictionTableModel model;
    model.setSeries(&series);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(models::SortRole);
    proxy.sort(PredictionTableModel::ScoreColumn, Qt::DescendingOrder);
    QStringList order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order.append(proxy.index(row, PredictionTableModel::ScoreColumn).data().toString());
    QCOMPARE(order, QStringList({ u"0.900"_s, u"0.500"_s, u"0.100"_s, QString() }));
    QCOMPARE(model.rowNearest(micros("2022-07-25T10:06:00Z")), 1);
    QCOMPARE(model.rowNearest(micros("2022-07-25T10:08:00Z")), 2);
    QCOMPARE(model.rowNearest(micros("2030-01-01T00:00:00Z")), 3);
}

void TestResultsModels::events_followALoadTellingOnlyWhatChanged()
{
    const QByteArray first = R"({"timestamp": "2022-07-25T10:00:00", "prediction": 1})"
                             "\n"
                             R"({"timestamp": "2022-07-25T10:05:00", "prediction": 0})"
                             "\n"
                             R"({"timestamp": "2022-07-25T10:10:00", "prediction": 1})"
                             "\n";
    results::Series series;
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSeries(&series);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    series.add(results::ResultsParser::parse(first, u"a"_s), u"a"_s);
    model.seriesChanged();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 1);
    // The second event grows: one row changes, the first keeps still.
    series.add(results::ResultsParser::parse(
                   R"({"timestamp": "2022-07-25T10:15:00", "prediction": 1})", u"b"_s),
        u"b"_s);
    model.seriesChanged();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first()[0].toModelIndex().row(), 1);
    QCOMPARE(changed.first()[1].toModelIndex().row(), 1);
    QCOMPARE(model.eventAt(1)->points, 2);
    // Nothing new: nothing said.
    model.seriesChanged();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    // Filling the gap at 10:05 joins the two events: the second row goes.
    series.add(results::ResultsParser::parse(
                   R"({"timestamp": "2022-07-25T10:05:00", "prediction": 1})", u"c"_s),
        u"c"_s);
    model.seriesChanged();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.eventAt(0)->points, 4);
    QCOMPARE(reset.size(), 0);
    series.clear();
    model.seriesChanged();
    QCOMPARE(model.rowCount(), 0);
}

void TestResultsModels::events_roles()
{
    const results::Series series = seriesOf(
        R"({"timestamp": "2022-07-25T10:00:00", "prediction": 1, "anomaly_score": 0.9, )"
        R"("diagnostics": [{"name": "pump\\A", "value": 0.75}, {"name": "motor\\B", "value": 0.25}]})"
        "\n"
        R"({"timestamp": "2022-07-25T11:25:00", "prediction": 1, "anomaly_score": 0.95, )"
        R"("diagnostics": [{"name": "pump\\A", "value": 0.25}, {"name": "motor\\B", "value": 0.75}]})"
        "\n"
        R"({"timestamp": "2022-07-25T11:30:00", "prediction": 0})"
        "\n"
        R"({"timestamp": "2022-07-25T11:35:00", "prediction": 1})");
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Spacing: 85, 5 and 5 minutes, median 5; a gap factor of 20 keeps 10:00 to 11:25 together.
    model.setSeries(&series, results::EventRules { 20 });
    QCOMPARE(model.rowCount(), 2);
    using C = EventTableModel::Column;
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(0, C::StartColumn).toString(), u"2022-07-25 12:00:00 CEST"_s);
    QCOMPARE(cell(0, C::EndColumn, Qt::ToolTipRole).toString(), u"2022-07-25 11:25:00 UTC"_s);
    QCOMPARE(cell(0, C::DurationColumn).toString(), u"1 h 25 min"_s);
    QCOMPARE(cell(0, C::DurationColumn, models::RawValueRole).toLongLong(), 85 * 60'000'000LL);
    QCOMPARE(cell(0, C::PointsColumn).toString(), u"2"_s);
    QCOMPARE(cell(0, C::MaxScoreColumn).toString(), u"0.950"_s);
    QCOMPARE(cell(0, C::TopSensorsColumn).toString(), u"motor\\B 50.0 %, pump\\A 50.0 %"_s);
    QCOMPARE(cell(0, C::TopSensorsColumn, models::RawValueRole).toStringList(),
        QStringList({ u"motor\\B"_s, u"pump\\A"_s }));
    QCOMPARE(cell(1, C::DurationColumn).toString(), u"one prediction"_s);
    QCOMPARE(cell(1, C::MaxScoreColumn).toString(), QString());
    QVERIFY(cell(1, C::MaxScoreColumn, models::AbsentRole).toBool());
    QCOMPARE(cell(1, C::MaxScoreColumn, models::AccessibleTextRole).toString(),
        u"Highest score: not set"_s);
    QCOMPARE(cell(1, C::TopSensorsColumn).toString(), QString());
    QVERIFY(cell(1, C::MaxScoreColumn, models::SortRole).toDouble()
        < cell(0, C::MaxScoreColumn, models::SortRole).toDouble());
    QCOMPARE(columnOf(model, u"Highest score"_s), int(C::MaxScoreColumn));
    QCOMPARE(model.eventAt(2), nullptr);
    QCOMPARE(model.eventAt(-1), nullptr);
}

void TestResultsModels::events_rowAtAndContributions()
{
    QByteArray text;
    for (const char *time : { "10:00", "10:05", "10:10", "10:15", "10:20" }) {
        const bool anomaly = QByteArray(time) != "10:10";
        text += R"({"timestamp": "2022-07-25T)" + QByteArray(time) + R"(:00", "prediction": )"
            + (anomaly ? "1" : "0") + R"(, "diagnostics": [{"name": "a", "value": 1}]})" + "\n";
    }
    const results::Series series = seriesOf(text);
    EventTableModel model;
    model.setSeries(&series);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowAt(micros("2022-07-25T09:59:00Z")), -1);
    QCOMPARE(model.rowAt(micros("2022-07-25T10:00:00Z")), 0);
    QCOMPARE(model.rowAt(micros("2022-07-25T10:05:00Z")), 0);
    QCOMPARE(model.rowAt(micros("2022-07-25T10:07:00Z")), -1);
    QCOMPARE(model.rowAt(micros("2022-07-25T10:20:00Z")), 1);
    QCOMPARE(model.rowAt(micros("2022-07-25T11:00:00Z")), -1);
    QCOMPARE(model.contributions(1).points, 2);
    QCOMPARE(model.contributions(5).points, 0);
}

void TestResultsModels::contributions_ofAPredictionAndAnEvent()
{
    const results::Series series = seriesOf(
        R"({"timestamp": "2022-07-25T10:00:00", "prediction": 1, "diagnostics": [{"name": )"
        R"("pump\\A", "value": 0.25}, {"name": "motor\\B", "value": 0.75}]})"
        "\n"
        R"({"timestamp": "2022-07-25T10:05:00", "prediction": 1, "diagnostics": [{"name": )"
        R"("pump\\A", "value": 0.75}, {"name": "motor\\B", "value": 0.125}, {"name": "pump\\C", )"
        R"("value": 0.125}]})");
    SensorContributionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    model.showPrediction(&series, 0);
    QCOMPARE(model.rowCount(), 2);
    using C = SensorContributionModel::Column;
    QCOMPARE(model.index(0, C::SensorColumn).data().toString(), u"motor\\B"_s);
    QCOMPARE(model.index(0, C::ComponentColumn).data().toString(), u"motor"_s);
    QCOMPARE(model.index(0, C::ShareColumn).data().toString(), u"75.0 %"_s);
    QCOMPARE(model.index(0, C::ShareColumn, {}).data(models::RawValueRole).toDouble(), 0.75);
    QCOMPARE(model.index(0, C::ShareColumn).data(models::AccessibleTextRole).toString(),
        u"motor\\B: 75.0 %"_s);
    QCOMPARE(model.index(1, C::SensorColumn).data().toString(), u"pump\\A"_s);

    const std::vector<results::Event> events = results::findEvents(series);
    QCOMPARE(events.size(), size_t(1));
    model.showEvent(&series, events.front());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, C::SensorColumn).data().toString(), u"pump\\A"_s);
    QCOMPARE(model.index(0, C::ShareColumn).data(models::SortRole).toDouble(), 0.5);
    QCOMPARE(model.index(1, C::ShareColumn).data().toString(), u"43.8 %"_s);
    QCOMPARE(model.index(2, C::ShareColumn).data().toString(), u"6.3 %"_s);
    QCOMPARE(model.contributions().points, 2);

    model.showPrediction(&series, 7);
    QCOMPARE(model.rowCount(), 0);
    model.showPrediction(&series, 1);
    QCOMPARE(model.rowCount(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.headerData(C::ShareColumn, Qt::Horizontal).toString(), u"Share"_s);
}

void TestResultsModels::texts()
{
    QCOMPARE(models::eventDurationText(0), u"one prediction"_s);
    QCOMPARE(models::eventDurationText(30'000'000), u"30 s"_s);
    QCOMPARE(models::eventDurationText(5 * 60'000'000LL), u"5 min"_s);
    QCOMPARE(models::eventDurationText(60 * 60'000'000LL), u"1 h"_s);
    QCOMPARE(models::eventDurationText(47 * 3600'000'000LL + 59 * 60'000'000LL), u"47 h 59 min"_s);
    QCOMPARE(models::eventDurationText(48 * 3600'000'000LL), u"2 days"_s);
    QCOMPARE(models::eventDurationText(51 * 3600'000'000LL), u"2 days 3 h"_s);
    QCOMPARE(models::scoreText(0.97399), u"0.974"_s);
    QCOMPARE(models::shareText(0.4956777), u"49.6 %"_s);
}

QTEST_MAIN(TestResultsModels)
#include "tst_resultsmodels.moc"
