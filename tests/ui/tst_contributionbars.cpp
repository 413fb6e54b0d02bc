// The contribution bars (ui/contributionbars.h): the ten largest shares and "All others" from a
// SensorContributionModel, largest first, each with its even share (1/N per sensor, k/N per
// component); summed per component on demand; a placeholder and a spoken description.
#include "models/sensorcontributionmodel.h"
#include "results/resultsparser.h"
#include "results/series.h"
#include "ui/contributionbars.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using ui::ContributionBars;

namespace {

// One prediction with twelve sensors: pump\S0..S7 and motor\S8..S11, shares 12/78 down to 1/78.
results::Series twelveSensors()
{
    QByteArray line = "{\"timestamp\": \"2022-07-25T10:00:00.000000\", \"prediction\": 1, "
                      "\"diagnostics\": [";
    for (int i = 0; i < 12; ++i) {
        const QByteArray component = i < 8 ? "pump" : "motor";
        if (i > 0)
            line += ", ";
        line += "{\"name\": \"" + component + "\\\\S" + QByteArray::number(i)
            + "\", \"value\": " + QByteArray::number((12 - i) / 78.0, 'g', 17) + '}';
    }
    line += "]}\n";
    results::Series series;
    series.add(results::ResultsParser::parse(line, u"t"_s), u"t"_s);
    return series;
}

} // namespace

class TestContributionBars : public QObject {
    Q_OBJECT

private slots:
    void topTenAndOthers_withEvenShares()
    {
        const results::Series series = twelveSensors();
        models::SensorContributionModel model;
        ContributionBars bars;
        bars.setPlaceholderText(u"Select something"_s);
        bars.setModel(&model);
        QVERIFY(bars.bars().empty());
        QCOMPARE(bars.accessibleDescription(), u"Select something"_s);

        model.showPrediction(&series, 0);
        QCOMPARE(bars.bars().size(), size_t(11));
        QCOMPARE(bars.bars().front().label, u"pump\\S0"_s);
        QVERIFY(qAbs(bars.bars().front().share - 12 / 78.0) < 1e-6); // kept as a float
        QCOMPARE(bars.bars().front().evenShare, 1 / 12.0);
        for (size_t i = 1; i < 10; ++i)
            QVERIFY(bars.bars()[i - 1].share >= bars.bars()[i].share);
        const ContributionBars::Bar &others = bars.bars().back();
        QVERIFY(others.others);
        QCOMPARE(others.label, u"All others (2)"_s);
        QVERIFY(qAbs(others.share - 3 / 78.0) < 1e-6); // S10 and S11: 2/78 + 1/78
        QCOMPARE(others.evenShare, 2 / 12.0);
        QVERIFY(bars.accessibleDescription().startsWith(u"pump\\S0: "_s));

        bars.resize(400, 400);
        QImage image(bars.size(), QImage::Format_ARGB32);
        bars.render(&image); // paints without a display
    }

    void perComponent_sumsAndCountsSensors()
    {
        const results::Series series = twelveSensors();
        models::SensorContributionModel model;
        ContributionBars bars;
        bars.setModel(&model);
        model.showPrediction(&series, 0);
        bars.setGroupedByComponent(true);
        QCOMPARE(bars.bars().size(), size_t(2));
        QCOMPARE(bars.bars()[0].label, u"pump"_s);
        QVERIFY(qAbs(bars.bars()[0].share - (12 + 11 + 10 + 9 + 8 + 7 + 6 + 5) / 78.0) < 1e-6);
        QCOMPARE(bars.bars()[0].evenShare, 8 / 12.0);
        QCOMPARE(bars.bars()[1].label, u"motor"_s);
        QCOMPARE(bars.bars()[1].evenShare, 4 / 12.0);
        QCOMPARE(bars.accessibleName(), u"Contributing components"_s);

        model.clear();
        QVERIFY(bars.bars().empty());
    }
};

QTEST_MAIN(TestContributionBars)
#include "tst_contributionbars.moc"
