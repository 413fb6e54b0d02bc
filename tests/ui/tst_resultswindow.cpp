// The results window (ui/resultswindow.h) on a local folder: the sample week loads, relative to
// its newest result, and shows its eight events; selecting an event or a time shows its
// contributing sensors; loading can be cancelled and keeps what arrived; a folder that cannot be
// read, an empty one and malformed lines are said in place; ranges; CSV and the chart's exports.
#include "fakeresultssource.h"
#include "models/eventtablemodel.h"
#include "models/predictiontablemodel.h"
#include "models/sensorcontributionmodel.h"
#include "results/foldersource.h"
#include "results/resultstime.h"
#include "ui/chartexport.h"
#include "ui/contributionbars.h"
#include "ui/errorbanner.h"
#include "ui/resultschart.h"
#include "ui/resultsrangechooser.h"
#include "ui/resultsreportview.h"
#include "ui/resultswindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using results::RangeLoader;
using ui::ResultsWindow;

namespace {

const QString kWeek = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/pump-week");

qint64 at(const char *isoUtc)
{
    return results::fromDateTime(QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate));
}

// Starts the window and waits for its load to end; returns the outcome.
RangeLoader::Outcome startAndWait(ResultsWindow &window)
{
    QSignalSpy finished(&window, &ResultsWindow::loadFinished);
    window.start();
    if (finished.isEmpty() && !finished.wait(60'000))
        return RangeLoader::Outcome::Failed;
    return finished.first().first().value<RangeLoader::Outcome>();
}

QByteArray resultLine(const char *time, double score)
{
    return "{\"timestamp\": \"" + QByteArray(time)
        + "\", \"prediction\": 0, \"anomaly_score\": " + QByteArray::number(score) + "}\n";
}

} // namespace

class TestResultsWindow : public QObject {
    Q_OBJECT

private slots:
    void sampleWeek_loadsWithItsEightEvents()
    {
        results::FolderSource source(kWeek);
        ResultsWindow window(&source);
        window.show();
        QCOMPARE(startAndWait(window), RangeLoader::Outcome::Complete);
        // The last 7 days before the newest folder, 2022-08-01T00:00:00Z: the whole week.
        QCOMPARE(window.rangeChooser()->choice(), ui::ResultsRangeChooser::Choice::Last7Days);
        QCOMPARE(window.rangeChooser()->newest(), at("2022-08-01T00:00:00Z"));
        QCOMPARE(window.predictionModel()->rowCount(), 1992);
        QCOMPARE(window.eventModel()->rowCount(), 8);
        QCOMPARE(window.eventsView()->model()->rowCount(), 8);
        QVERIFY2(window.chart()->accessibleDescription().contains(u"Events: 8"_s),
            qPrintable(window.chart()->accessibleDescription()));
        QCOMPARE(window.chart()->visibleFrom(), at("2022-07-25T00:00:00Z"));
        QVERIFY(window.errorBanner()->isHidden());
        QVERIFY(window.reportView()->isHidden());
        QVERIFY(!window.cancelButton()->isEnabled());
        QVERIFY(window.progressBar()->isHidden());
        QVERIFY2(window.statusLabel()->text().contains(u"Predictions: 1,992"_s)
                || window.statusLabel()->text().contains(u"Predictions: 1992"_s),
            qPrintable(window.statusLabel()->text()));
        QVERIFY(window.windowTitle().contains(kWeek));
    }

    void selection_showsContributions()
    {
        results::FolderSource source(kWeek);
        ResultsWindow window(&source);
        window.show();
        QCOMPARE(startAndWait(window), RangeLoader::Outcome::Complete);

        // An event row chosen in the table: the chart selects it, the bars show its sensors.
        window.eventsView()->setCurrentIndex(window.eventModel()->index(0, 0));
        QCOMPARE(window.chart()->selectedEvent(), 0);
        QCOMPARE(window.contributionModel()->index(0, 0).data().toString(), u"pump\\Sensor3"_s);
        QCOMPARE(window.contributionBars()->bars().front().label, u"pump\\Sensor3"_s);
        QVERIFY2(window.selectionLabel()->text().contains(u"2022-07-25 10:00:00 UTC"_s),
            qPrintable(window.selectionLabel()->text()));
        QVERIFY(window.sensorsView()->model()->rowCount() >= 10);

        // Per component: pump first (six of ten sensors).
        window.componentToggle()->setChecked(true);
        QCOMPARE(window.contributionBars()->bars().front().label, u"pump"_s);
        QCOMPARE(window.contributionBars()->bars().front().evenShare, 0.6);

        // A click in the chart on a normal time: that prediction, and its row in the table.
        ui::ResultsChart *chart = window.chart();
        chart->setVisibleRange(at("2022-07-25T09:00:00Z"), at("2022-07-25T15:00:00Z"));
        const QPoint point(static_cast<int>(chart->xForTime(at("2022-07-25T13:00:00Z")) + 1),
            static_cast<int>(chart->plotArea().center().y()));
        QTest::mouseClick(chart, Qt::LeftButton, Qt::NoModifier, point);
        QCOMPARE(chart->selectedEvent(), -1);
        const qsizetype index = chart->selectedPrediction();
        QVERIFY(index >= 0);
        QCOMPARE(window.predictionsView()->currentIndex().row(), static_cast<int>(index));
        QVERIFY2(window.selectionLabel()->text().contains(u"2022-07-25 13:00:00 UTC"_s),
            qPrintable(window.selectionLabel()->text()));
        QCOMPARE(window.contributionModel()->rowCount(), 10);

        // Page Down in the chart: the next event, and its row.
        chart->setFocus();
        QTest::keyClick(chart, Qt::Key_PageDown);
        QCOMPARE(chart->selectedEvent(), 1);
        QCOMPARE(window.eventsView()->currentIndex().row(), 1);
        QCOMPARE(window.contributionBars()->bars().front().label, u"motor"_s);
    }

    void cancel_keepsWhatArrived()
    {
        FakeResultsSource source;
        source.add(u"2022-07-25T01:00:00Z/results.jsonl"_s,
            resultLine("2022-07-25T00:00:00.000000", 0.1)
                + resultLine("2022-07-25T00:05:00.000000", 0.2));
        source.add(
            u"2022-07-25T02:00:00Z/results.jsonl"_s, resultLine("2022-07-25T01:00:00.000000", 0.3));
        source.add(
            u"2022-07-25T03:00:00Z/results.jsonl"_s, resultLine("2022-07-25T02:00:00.000000", 0.4));
        source.holdFetches(true);
        ResultsWindow window(&source);
        window.show();
        QSignalSpy finished(&window, &ResultsWindow::loadFinished);
        window.start();
        QTRY_COMPARE(source.waiting().size(), 3);
        QCOMPARE(source.lists, 1); // the listing that found the newest result serves the load
        QVERIFY(window.cancelButton()->isEnabled());
        QVERIFY(window.progressBar()->isVisible());
        QVERIFY(source.release(u"2022-07-25T01:00:00Z/results.jsonl"_s));
        QTRY_COMPARE(window.loader().progress().objectsDone, qsizetype(1));

        QTest::mouseClick(window.cancelButton(), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<RangeLoader::Outcome>(),
            RangeLoader::Outcome::Cancelled);
        QVERIFY(!window.cancelButton()->isEnabled());
        QVERIFY(window.progressBar()->isHidden());
        QCOMPARE(window.predictionModel()->rowCount(), 2); // what arrived stays shown
        QVERIFY2(window.statusLabel()->text().contains(u"Cancelled with 1 of 3 files read"_s),
            qPrintable(window.statusLabel()->text()));
        QVERIFY(source.cancels > 0);
        QVERIFY(source.waiting().isEmpty());
    }

    void badFolder_isAClearError()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(u"no-such-folder"_s);
        results::FolderSource source(missing);
        ResultsWindow window(&source);
        window.show();
        QCOMPARE(startAndWait(window), RangeLoader::Outcome::Failed);
        QVERIFY(window.errorBanner()->isVisible());
        QVERIFY2(window.errorBanner()->headline().contains(missing),
            qPrintable(window.errorBanner()->headline()));
        QVERIFY2(window.errorBanner()->details().contains(missing),
            qPrintable(window.errorBanner()->details()));
        QCOMPARE(window.predictionModel()->rowCount(), 0);
        QVERIFY(!window.cancelButton()->isEnabled());
    }

    void emptyFolder_saysSo()
    {
        QTemporaryDir dir;
        results::FolderSource source(dir.path());
        ResultsWindow window(&source);
        window.show();
        QCOMPARE(startAndWait(window), RangeLoader::Outcome::Complete);
        QVERIFY(window.errorBanner()->isVisible());
        QVERIFY(window.errorBanner()->details().contains(u"results.jsonl"_s));
    }

    void malformedLines_areReportedByFileAndLine()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(u"out/2022-07-25T01:00:00Z"_s));
        QFile file(dir.filePath(u"out/2022-07-25T01:00:00Z/results.jsonl"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(resultLine("2022-07-25T00:00:00.000000", 0.1) + "{not json\n"
            + resultLine("2022-07-25T00:10:00.000000", 0.2));
        file.close();
        results::FolderSource source(dir.path());
        ResultsWindow window(&source);
        window.show();
        QCOMPARE(startAndWait(window), RangeLoader::Outcome::Complete);
        QCOMPARE(window.predictionModel()->rowCount(), 2);
        QVERIFY(window.reportView()->isVisible());
        QVERIFY2(window.reportView()->summary().contains(u"Malformed lines skipped: 1"_s),
            qPrintable(window.reportView()->summary()));
        QVERIFY2(window.reportView()->details().contains(
                     u"out/2022-07-25T01:00:00Z/results.jsonl, line 2"_s),
            qPrintable(window.reportView()->details()));
    }

    void range_last24Hours()
    {
        results::FolderSource source(kWeek);
        ResultsWindow window(&source);
        window.show();
        QCOMPARE(startAndWait(window), RangeLoader::Outcome::Complete);
        QSignalSpy finished(&window, &ResultsWindow::loadFinished);
        window.rangeChooser()->choose(ui::ResultsRangeChooser::Choice::Last24Hours);
        QVERIFY(finished.wait(60'000));
        // Sunday 2022-07-31: 288 predictions, the machine off all day, no event.
        QCOMPARE(window.predictionModel()->rowCount(), 288);
        QCOMPARE(window.eventModel()->rowCount(), 0);

        window.rangeChooser()->chooseCustom(at("2022-07-29T11:00:00Z"), at("2022-07-29T17:00:00Z"));
        QVERIFY(finished.wait(60'000));
        QCOMPARE(window.eventModel()->rowCount(), 3); // 11:30, 13:45 and 16:00
    }

    void csvAndExports()
    {
        results::FolderSource source(kWeek);
        ResultsWindow window(&source);
        window.resize(1200, 800);
        window.show();
        QCOMPARE(startAndWait(window), RangeLoader::Outcome::Complete);
        const QString csv = window.currentTableCsv(); // the Events tab, no rows selected: all
        QCOMPARE(csv.count(u"\r\n"_s), 9);
        QVERIFY2(csv.startsWith(window.eventModel()->headerData(0, Qt::Horizontal).toString()),
            qPrintable(csv.left(80)));
        QVERIFY(csv.contains(u"2022-07-25T10:00:00Z"_s));

        QTemporaryDir dir;
        const QString png = dir.filePath(u"chart.png"_s);
        QCOMPARE(ui::exportChartPng(*window.chart(), png), QString());
        QImage image(png);
        QCOMPARE(image.size(), window.chart()->size() * window.chart()->devicePixelRatioF());
        const QString svg = dir.filePath(u"chart.svg"_s);
        QCOMPARE(ui::exportChartSvg(*window.chart(), svg, u"Results"_s), QString());
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("<title>Results</title>"));
        QVERIFY(!ui::exportChartPng(*window.chart(), dir.filePath(u"none/x.png"_s)).isEmpty());
    }
};

QTEST_MAIN(TestResultsWindow)
#include "tst_resultswindow.moc"
