// Tables as CSV (ui/tablecsv.h): a header line, RFC 4180 quoting, CRLF, raw values (UTC times,
// full numbers, joined lists), absent values empty, the chosen rows only.
#include "models/itemroles.h"
#include "ui/tablecsv.h"

#include <QStandardItemModel>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestTableCsv : public QObject {
    Q_OBJECT

private slots:
    void rawValuesQuotedAndChosenRows()
    {
        QStandardItemModel model(3, 3);
        model.setHorizontalHeaderLabels({ u"Time"_s, u"Score"_s, u"Sensors, top"_s });
        for (int row = 0; row < 3; ++row) {
            auto *time = new QStandardItem(u"local text"_s);
            time->setData(
                QDateTime(QDate(2022, 7, 25), QTime(10, row * 5), Qt::UTC), models::RawValueRole);
            model.setItem(row, 0, time);
            auto *score = new QStandardItem(u"0.974"_s);
            score->setData(0.97399 + row, models::RawValueRole);
            model.setItem(row, 1, score);
            auto *sensors = new QStandardItem(u"shown"_s);
            sensors->setData(
                QStringList { u"pump\\Sensor3"_s, u"say \"hi\""_s }, models::RawValueRole);
            model.setItem(row, 2, sensors);
        }
        auto *absent = new QStandardItem(u"not set"_s);
        absent->setData(true, models::AbsentRole);
        model.setItem(2, 1, absent);

        const QString all = ui::tableAsCsv(model);
        const QStringList lines = all.split(u"\r\n"_s);
        QCOMPARE(lines.size(), 5); // header, 3 rows, the empty rest after the last CRLF
        QCOMPARE(lines[0], u"Time,Score,\"Sensors, top\""_s);
        QCOMPARE(lines[1],
            u"2022-07-25T10:00:00Z,0.97399000000000002,\"pump\\Sensor3; say \"\"hi\"\"\""_s);
        QVERIFY(lines[3].startsWith(u"2022-07-25T10:10:00Z,,"_s));

        const QString one = ui::tableAsCsv(model, { 1 });
        QCOMPARE(one.count(u"\r\n"_s), 2);
        QVERIFY(one.contains(u"2022-07-25T10:05:00Z"_s));
    }

    // Sensor names come from results files: what is copied holds no control character.
    void controlCharacters_copiedAsVisibleEscapes_linesKept()
    {
        QStandardItemModel model(1, 1);
        model.setHorizontalHeaderLabels({ u"Sensor"_s });
        model.setItem(0, 0, new QStandardItem(u"pump\x1b[2J\u202eA\nB"_s));
        QCOMPARE(ui::tableAsCsv(model), u"Sensor\r\n\"pump\\x1b[2J\\u202eA\nB\"\r\n"_s);
    }
};

QTEST_MAIN(TestTableCsv)
#include "tst_tablecsv.moc"
