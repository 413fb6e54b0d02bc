// Upload frequencies and delay offsets in words.
#include "models/durationtext.h"

#include <QtTest>

class TestDurationText : public QObject {
    Q_OBJECT
private slots:
    void iso8601Duration_readsDaysHoursMinutesSeconds_data();
    void iso8601Duration_readsDaysHoursMinutesSeconds();
    void iso8601Duration_refusesOtherText_data();
    void iso8601Duration_refusesOtherText();
    void uploadFrequency_inWords_data();
    void uploadFrequency_inWords();
    void minutes_singularAndPlural();
};

void TestDurationText::iso8601Duration_readsDaysHoursMinutesSeconds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("PT5M") << "PT5M" << qint64(300);
    QTest::newRow("PT10M") << "PT10M" << qint64(600);
    QTest::newRow("PT15M") << "PT15M" << qint64(900);
    QTest::newRow("PT30M") << "PT30M" << qint64(1800);
    QTest::newRow("PT1H") << "PT1H" << qint64(3600);
    QTest::newRow("PT1H30M") << "PT1H30M" << qint64(5400);
    QTest::newRow("PT90S") << "PT90S" << qint64(90);
    QTest::newRow("P1D") << "P1D" << qint64(86400);
    QTest::newRow("P1DT2H") << "P1DT2H" << qint64(93600);
    QTest::newRow("PT0M") << "PT0M" << qint64(0);
}

void TestDurationText::iso8601Duration_readsDaysHoursMinutesSeconds()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const std::optional<qint64> parsed = models::iso8601DurationSeconds(text);
    QVERIFY(parsed);
    QCOMPARE(*parsed, seconds);
}

void TestDurationText::iso8601Duration_refusesOtherText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("P") << "P";
    QTest::newRow("PT") << "PT";
    QTest::newRow("P1DT") << "P1DT";
    QTest::newRow("lower case") << "pt5m";
    QTest::newRow("months") << "P1M";
    QTest::newRow("weeks") << "P1W";
    QTest::newRow("fraction") << "PT0.5S";
    QTest::newRow("negative") << "-PT5M";
    QTest::newRow("order") << "PT5M1H";
    QTest::newRow("space") << "PT5M ";
    QTest::newRow("huge") << "PT99999999999M";
    QTest::newRow("words") << "every 5 minutes";
}

void TestDurationText::iso8601Duration_refusesOtherText()
{
    QFETCH(QString, text);
    QVERIFY(!models::iso8601DurationSeconds(text));
}

void TestDurationText::uploadFrequency_inWords_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("words");
    QTest::newRow("PT5M") << "PT5M"
                          << "Every 5 minutes";
    QTest::newRow("PT10M") << "PT10M"
                           << "Every 10 minutes";
    QTest::newRow("PT15M") << "PT15M"
                           << "Every 15 minutes";
    QTest::newRow("PT30M") << "PT30M"
                           << "Every 30 minutes";
    QTest::newRow("PT1H") << "PT1H"
                          << "Every hour";
    QTest::newRow("PT2H") << "PT2H"
                          << "Every 2 hours";
    QTest::newRow("PT60M") << "PT60M"
                           << "Every hour";
    QTest::newRow("PT1M") << "PT1M"
                          << "Every minute";
    QTest::newRow("PT90M") << "PT90M"
                           << "Every 90 minutes";
    QTest::newRow("PT45S") << "PT45S"
                           << "Every 45 seconds";
    // What the app cannot read is shown as sent, never dropped.
    QTest::newRow("unknown") << "P1M"
                             << "P1M";
    QTest::newRow("zero") << "PT0M"
                          << "PT0M";
    QTest::newRow("garbage") << "soon"
                             << "soon";
}

void TestDurationText::uploadFrequency_inWords()
{
    QFETCH(QString, value);
    QFETCH(QString, words);
    QCOMPARE(models::uploadFrequencyText(value), words);
}

void TestDurationText::minutes_singularAndPlural()
{
    QCOMPARE(models::minutesText(0), QStringLiteral("0 minutes"));
    QCOMPARE(models::minutesText(1), QStringLiteral("1 minute"));
    QCOMPARE(models::minutesText(10), QStringLiteral("10 minutes"));
    QCOMPARE(models::minutesText(60), QStringLiteral("60 minutes"));
}

QTEST_GUILESS_MAIN(TestDurationText)
#include "tst_durationtext.moc"
