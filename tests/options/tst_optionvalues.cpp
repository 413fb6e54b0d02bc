// Option values: timeouts, whole numbers, choices and timestamps, with refusals that name the
// option and the text.
#include "options/optionvalues.h"

#include <QtTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
namespace optionvalue = options::optionvalue;

class TestOptionValues : public QObject {
    Q_OBJECT
private slots:
    void timeout_secondsToMilliseconds()
    {
        QCOMPARE(optionvalue::timeoutSeconds(u"--read-timeout"_s, u"5"_s).value(), 5000ms);
        QCOMPARE(optionvalue::timeoutSeconds(u"--read-timeout"_s, u"0.25"_s).value(), 250ms);
        QCOMPARE(optionvalue::timeoutSeconds(u"--read-timeout"_s, u"0.0001"_s).value(), 1ms);
        QCOMPARE(
            optionvalue::timeoutSeconds(u"--read-timeout"_s, u"2147483"_s).value(), 2147483000ms);
    }

    void timeout_zeroMeansNone()
    {
        QCOMPARE(optionvalue::timeoutSeconds(u"--connect-timeout"_s, u"0"_s).value(),
            std::chrono::milliseconds(std::numeric_limits<int>::max()));
    }

    void timeout_bad_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : { "", "soon", "-1", "nan", "inf", "2147484", "1e400", "5s" })
            QTest::newRow(text) << QString::fromLatin1(text);
    }
    void timeout_bad()
    {
        QFETCH(QString, text);
        const auto result = optionvalue::timeoutSeconds(u"--read-timeout"_s, text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message,
            u"argument --read-timeout: expected a number of seconds from 0 (no timeout) to 2147483, not '%1'"_s
                .arg(text));
    }

    void wholeNumber_inRange()
    {
        QCOMPARE(optionvalue::wholeNumber(u"--max-items"_s, u"1"_s, 1, 10).value(), 1);
        QCOMPARE(optionvalue::wholeNumber(u"--max-items"_s, u"10"_s, 1, 10).value(), 10);
        for (const QString &text : { u"0"_s, u"11"_s, u"ten"_s, u"1.5"_s, u""_s, u"0x5"_s }) {
            const auto result = optionvalue::wholeNumber(u"--max-items"_s, text, 1, 10);
            QVERIFY2(!result.ok(), qPrintable(text));
            QCOMPARE(result.error().message,
                u"argument --max-items: expected a whole number from 1 to 10, not '%1'"_s.arg(
                    text));
        }
    }

    void choice_exactOnly()
    {
        const QList<QLatin1StringView> choices { "json"_L1, "table"_L1, "text"_L1 };
        QCOMPARE(optionvalue::choice(u"--output"_s, u"table"_s, choices).value(), u"table"_s);
        const auto result = optionvalue::choice(u"--output"_s, u"JSON"_s, choices);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message,
            u"argument --output: Invalid choice 'JSON', valid choices are: json | table | text"_s);
    }

    void timestamp_forms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("epochMicroseconds");
        QTest::newRow("Z") << u"2024-03-04T18:52:22Z"_s << Q_INT64_C(1709578342000000);
        QTest::newRow("fraction and offset")
            << u"2024-03-04T18:52:22.5+05:30"_s << Q_INT64_C(1709558542500000);
        QTest::newRow("no offset is UTC")
            << u"2024-03-04T18:52:22"_s << Q_INT64_C(1709578342000000);
        QTest::newRow("space separator") << u"2024-03-04 18:52:22"_s << Q_INT64_C(1709578342000000);
        QTest::newRow("date only") << u"2024-03-04"_s << Q_INT64_C(1709510400000000);
        QTest::newRow("epoch seconds") << u"1709578342"_s << Q_INT64_C(1709578342000000);
        QTest::newRow("fractional epoch") << u"1709578342.25"_s << Q_INT64_C(1709578342250000);
    }
    void timestamp_forms()
    {
        QFETCH(QString, text);
        QFETCH(qint64, epochMicroseconds);
        const auto result = optionvalue::timestamp(u"--start-time-after"_s, text);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().epochMicroseconds, epochMicroseconds);
    }

    void timestamp_bad()
    {
        for (const QString &text : { u"yesterday"_s, u"2024-13-01"_s, u"2024-02-30T00:00:00Z"_s,
                 u""_s, u"2024-03-04T25:00:00"_s }) {
            const auto result = optionvalue::timestamp(u"--end-time-before"_s, text);
            QVERIFY2(!result.ok(), qPrintable(text));
            QVERIFY(result.error().message.startsWith(
                u"argument --end-time-before: expected a date-time"_s));
            QVERIFY(result.error().message.endsWith(u", not '"_s + text + u"'"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestOptionValues)
#include "tst_optionvalues.moc"
