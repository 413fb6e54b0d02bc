// Column widths as the AWS CLI's table formatter counts them (2 for East Asian Wide, Fullwidth
// and Ambiguous code points): fixed cases, and the whole generated table against python3's
// unicodedata, which the CLI uses.
#include "cli/displaywidth.h"

#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestDisplayWidth : public QObject {
    Q_OBJECT
private slots:
    void ascii_oneColumnEach()
    {
        QCOMPARE(cli::displayWidth(u"pump-station-042"_s), 16);
        QCOMPARE(cli::displayWidth(QString()), 0);
    }

    void wideFullwidthAndAmbiguous_twoColumns()
    {
        QCOMPARE(cli::displayWidth(QString::fromUtf8("\xe6\x97\xa5\xe6\x9c\xac")), 4); // 日本 (W)
        QCOMPARE(cli::displayWidth(QString::fromUtf8("\xef\xbc\xa1")), 2); // Ａ (F)
        QCOMPARE(cli::displayWidth(QString::fromUtf8("caf\xc3\xa9")), 5); // é (A)
        QCOMPARE(cli::displayWidth(QString::fromUtf8("\xf0\x9f\x98\x80")), 2); // 😀, one code point
        QCOMPARE(cli::displayWidth(QString::fromUtf8("\xef\xbd\xb1")), 1); // ｱ halfwidth (H)
    }

    void loneSurrogate_countsOne()
    {
        const QChar lone[] = { QChar(0xD800), QChar(u'a') };
        QCOMPARE(cli::displayWidth(QStringView(lone, 2)), 2);
    }

    void everyCodePoint_agreesWithPythonsUnicodedata()
    {
        QProcess python;
        python.start(u"python3"_s,
            { u"-c"_s,
                u"import unicodedata, sys\n"
                "print(unicodedata.unidata_version)\n"
                "sys.stdout.write(''.join('1' if unicodedata.east_asian_width(chr(c)) in 'WFA'"
                " else '0' for c in range(0x110000)))\n"_s });
        if (!python.waitForStarted(10'000))
            QSKIP("no python3 to compare with");
        QVERIFY(python.waitForFinished(120'000));
        QCOMPARE(python.exitCode(), 0);
        const QByteArray output = python.readAllStandardOutput();
        const qsizetype newline = output.indexOf('\n');
        const QByteArray version = output.left(newline);
        if (version != cli::detail::kEastAsianWideUnicodeVersion) {
            QSKIP(qPrintable(
                u"python3 has Unicode %1, the table was generated from %2; regenerate it with "
                "app/cli/generate_east_asian_width.py when the CLI's Python changes"_s.arg(
                    QString::fromLatin1(version),
                    QLatin1String(cli::detail::kEastAsianWideUnicodeVersion))));
        }
        const QByteArray flags = output.mid(newline + 1);
        QCOMPARE(flags.size(), 0x110000);
        for (char32_t c = 0; c < 0x110000; ++c) {
            if (cli::isDoubleWidth(c) != (flags[c] == '1'))
                QFAIL(qPrintable(
                    u"U+%1 differs from Python"_s.arg(uint(c), 4, 16, QLatin1Char('0'))));
        }
    }
};

QTEST_GUILESS_MAIN(TestDisplayWidth)
#include "tst_displaywidth.moc"
