// An anomaly event's Diagnostics string: the service's JSON list of {name, value} becomes named
// shares; anything else (plain text, malformed JSON, another JSON value, wrong member types,
// shares that are not numbers from 0 to 1) is kept whole as text. Long strings, backslashes and
// non-ASCII names survive; the contributions reach the Results tab's figures through a series.
#include "results/eventdiagnostics.h"
#include "results/events.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using results::EventDiagnostics;
using Form = results::EventDiagnostics::Form;

class TestEventDiagnostics : public QObject {
    Q_OBJECT

private slots:
    void jsonList_givesTheSharesInOrder();
    void emptyList_givesNoContributions();
    void otherMembers_areIgnored();
    void namesWithBackslashesAndNonAscii_areKept();
    void notAList_isText_data();
    void notAList_isText();
    void longText_isKeptWhole();
    void longList_isRead();
    void series_ranksTheSharesAndAddsRepeatedNames();
};

void TestEventDiagnostics::jsonList_givesTheSharesInOrder()
{
    const EventDiagnostics decoded = results::decodeEventDiagnostics(
        uR"([{"name": "pump\\Sensor0", "value": 0.25}, {"name": "pump\\Sensor1", "value": 0.75}])"_s);
    QCOMPARE(decoded.form, Form::Contributions);
    QCOMPARE(decoded.sensors.size(), 2u);
    QCOMPARE(decoded.sensors[0].name, u"pump\\Sensor0"_s);
    QCOMPARE(decoded.sensors[0].share, 0.25);
    QCOMPARE(decoded.sensors[1].name, u"pump\\Sensor1"_s);
    QCOMPARE(decoded.sensors[1].share, 0.75);
    QVERIFY(decoded.text.isEmpty());
}

void TestEventDiagnostics::emptyList_givesNoContributions()
{
    const EventDiagnostics decoded = results::decodeEventDiagnostics(u" [ ] "_s);
    QCOMPARE(decoded.form, Form::Contributions);
    QVERIFY(decoded.sensors.empty());
}

void TestEventDiagnostics::otherMembers_areIgnored()
{
    const EventDiagnostics decoded = results::decodeEventDiagnostics(
        uR"([{"name": "a\\b", "value": 1, "unit": "share", "extra": [1, 2]}])"_s);
    QCOMPARE(decoded.form, Form::Contributions);
    QCOMPARE(decoded.sensors.size(), 1u);
    QCOMPARE(decoded.sensors[0].share, 1.0);
}

void TestEventDiagnostics::namesWithBackslashesAndNonAscii_areKept()
{
    const EventDiagnostics decoded
        = results::decodeEventDiagnostics(uR"([{"name": "Pumpe Süd\\Drück\\sensor", "value": 0.5},)"
                                          uR"( {"name": "\u6cf5\\\u6e29\u5ea6", "value": 0.5}])"_s);
    QCOMPARE(decoded.form, Form::Contributions);
    QCOMPARE(decoded.sensors.size(), 2u);
    QCOMPARE(decoded.sensors[0].name, u"Pumpe Süd\\Drück\\sensor"_s);
    QCOMPARE(decoded.sensors[1].name, u"泵\\温度"_s);
    QCOMPARE(results::componentOf(decoded.sensors[0].name), u"Pumpe Süd"_s);
}

void TestEventDiagnostics::notAList_isText_data()
{
    QTest::addColumn<QString>("diagnostics");
    QTest::newRow("plain text") << u"Sensor3 drifted above its training range"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("malformed: unclosed") << uR"([{"name": "a\\b", "value": 0.5})"_s;
    QTest::newRow("malformed: trailing comma") << uR"([{"name": "a", "value": 0.5},])"_s;
    QTest::newRow("an object") << uR"({"name": "a", "value": 0.5})"_s;
    QTest::newRow("a number") << u"0.5"_s;
    QTest::newRow("a string") << uR"("pump\\Sensor0")"_s;
    QTest::newRow("entry not an object") << uR"([["a", 0.5]])"_s;
    QTest::newRow("name a number") << uR"([{"name": 3, "value": 0.5}])"_s;
    QTest::newRow("name empty") << uR"([{"name": "", "value": 0.5}])"_s;
    QTest::newRow("name missing") << uR"([{"value": 0.5}])"_s;
    QTest::newRow("value a string") << uR"([{"name": "a", "value": "0.5"}])"_s;
    QTest::newRow("value null") << uR"([{"name": "a", "value": null}])"_s;
    QTest::newRow("value missing") << uR"([{"name": "a"}])"_s;
    QTest::newRow("value NaN (Python's token)") << uR"([{"name": "a", "value": NaN}])"_s;
    QTest::newRow("value Infinity") << uR"([{"name": "a", "value": Infinity}])"_s;
    QTest::newRow("value huge") << uR"([{"name": "a", "value": 1e400}])"_s;
    QTest::newRow("value above 1") << uR"([{"name": "a", "value": 1.5}])"_s;
    QTest::newRow("value negative") << uR"([{"name": "a", "value": -0.1}])"_s;
    QTest::newRow("one bad entry among good")
        << uR"([{"name": "a", "value": 0.5}, {"name": "b", "value": true}])"_s;
}

void TestEventDiagnostics::notAList_isText()
{
    QFETCH(QString, diagnostics);
    const EventDiagnostics decoded = results::decodeEventDiagnostics(diagnostics);
    QCOMPARE(decoded.form, Form::Text);
    QCOMPARE(decoded.text, diagnostics);
    QVERIFY(decoded.sensors.empty());
}

void TestEventDiagnostics::longText_isKeptWhole()
{
    QString text;
    while (text.size() < 50'000)
        text += u"Sensor data missing for pump\\Sensor7 in the expected window; "_s;
    text.truncate(50'000);
    const EventDiagnostics decoded = results::decodeEventDiagnostics(text);
    QCOMPARE(decoded.form, Form::Text);
    QCOMPARE(decoded.text.size(), 50'000);
    QCOMPARE(decoded.text, text);
}

void TestEventDiagnostics::longList_isRead()
{
    // About 50,000 characters of the service's form: 1,000 sensors.
    QStringList entries;
    for (int i = 0; i < 1000; ++i)
        entries << uR"({"name": "component%1\\Sensor%1", "value": 0.001})"_s.arg(i);
    const QString text = u'[' + entries.join(u", "_s) + u']';
    QVERIFY(text.size() > 45'000);
    const EventDiagnostics decoded = results::decodeEventDiagnostics(text);
    QCOMPARE(decoded.form, Form::Contributions);
    QCOMPARE(decoded.sensors.size(), 1000u);
    QCOMPARE(decoded.sensors[999].name, u"component999\\Sensor999"_s);
}

void TestEventDiagnostics::series_ranksTheSharesAndAddsRepeatedNames()
{
    const EventDiagnostics decoded = results::decodeEventDiagnostics(
        uR"([{"name": "a\\x", "value": 0.1}, {"name": "b\\y", "value": 0.5},)"
        uR"( {"name": "a\\x", "value": 0.2}, {"name": "c\\z", "value": 0.2}])"_s);
    const results::Series series = results::contributionSeries(decoded, 1'000'000);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.at(0).time, 1'000'000);
    const results::Contributions shares = results::contributions(series, 0, 0);
    QCOMPARE(shares.sensors.size(), 3u);
    QCOMPARE(series.sensorName(shares.sensors[0].sensor), u"b\\y"_s);
    QCOMPARE(series.sensorName(shares.sensors[1].sensor), u"a\\x"_s);
    QVERIFY(qAbs(shares.sensors[1].share - 0.3) < 1e-6);
    QCOMPARE(series.sensorName(shares.sensors[2].sensor), u"c\\z"_s);
}

QTEST_GUILESS_MAIN(TestEventDiagnostics)
#include "tst_eventdiagnostics.moc"
