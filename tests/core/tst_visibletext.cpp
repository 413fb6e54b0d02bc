// core::visibleText: which characters from outside are shown as escapes, in which notation, and
// that everything else is left exactly as it is.
#include "core/visibletext.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestVisibleText : public QObject {
    Q_OBJECT
private slots:
    void everyC0C1AndDel_escaped()
    {
        for (char32_t c = 0; c < 0x100; ++c) {
            const QString text = QString::fromUcs4(&c, 1);
            const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            QCOMPARE(core::isInvisibleControl(c), control);
            QCOMPARE(core::hasInvisibleControls(text), control);
            if (!control) {
                QCOMPARE(core::visibleText(text), text);
                continue;
            }
            const QString expected = c == u'\t' ? u"\\t"_s
                : c == u'\n'                    ? u"\\n"_s
                : c == u'\r'                    ? u"\\r"_s
                             : u"\\x%1"_s.arg(QString::number(uint(c), 16).rightJustified(2, u'0'));
            QCOMPARE(core::visibleText(text), expected);
        }
    }

    void directionControlsAndSeparators_escaped()
    {
        const QList<char32_t> escaped { 0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
            0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029 };
        for (const char32_t c : escaped) {
            QVERIFY(core::isInvisibleControl(c));
            QCOMPARE(core::visibleText(QString::fromUcs4(&c, 1)),
                u"\\u%1"_s.arg(QString::number(uint(c), 16).rightJustified(4, u'0')));
        }
        // Their neighbours, joiners and ordinary letters of right-to-left scripts stay.
        for (const char32_t c : { char32_t(0x200D), char32_t(0x2027), char32_t(0x2065),
                 char32_t(0x05D0), char32_t(0x0627), char32_t(0xFEFF), char32_t(0x1F600) }) {
            QVERIFY(!core::isInvisibleControl(c));
            QCOMPARE(core::visibleText(QString::fromUcs4(&c, 1)), QString::fromUcs4(&c, 1));
        }
    }

    void terminalTitleAndClear_becomeReadableText()
    {
        QCOMPARE(core::visibleText(u"\x1b]0;owned\x07name\x1b[2J"_s),
            u"\\x1b]0;owned\\x07name\\x1b[2J"_s);
        QCOMPARE(core::visibleText(u"abc\u202Etxt.exe"_s), u"abc\\u202etxt.exe"_s);
    }

    void keepLineBreaks_keepsTabAndLineFeedOnly()
    {
        QCOMPARE(core::visibleText(u"a\tb\nc\r\nd\x1b"_s, core::LineBreaks::Keep),
            u"a\tb\nc\\r\nd\\x1b"_s);
        QVERIFY(!core::hasInvisibleControls(u"a\tb\nc"_s, core::LineBreaks::Keep));
        QVERIFY(core::hasInvisibleControls(u"a\tb\nc"_s));
    }

    void ordinaryText_unchanged_backslashesIncluded()
    {
        const QString text = u"caf\u00e9 \u65e5\u672c \\x1b C:\\path \U0001F600"_s;
        QCOMPARE(core::visibleText(text), text);
        QCOMPARE(core::visibleText(QStringView()), QString());
    }
};

QTEST_GUILESS_MAIN(TestVisibleText)
#include "tst_visibletext.moc"
