// NextToken sealing: a token opens only for the scope it was issued for, by the same key.
#include "emulator/pagetokens.h"

#include <QtTest>

using emulator::PageTokens;

class TestPageTokens : public QObject {
    Q_OBJECT
private slots:
    void issuedToken_redeemsToItsCursor();
    void tokensAreOpaqueAscii();
    void otherScope_otherKey_orEdits_areRefused();
};

void TestPageTokens::issuedToken_redeemsToItsCursor()
{
    const PageTokens tokens(QByteArrayLiteral("0123456789abcdef0123456789abcdef"));
    const QString token = tokens.issue("ListInferenceSchedulers\n\n", "pump-station-042");
    QCOMPARE(tokens.redeem(token, "ListInferenceSchedulers\n\n"),
        std::optional<QByteArray>("pump-station-042"));
    const QString empty = tokens.issue("scope", "");
    QCOMPARE(tokens.redeem(empty, "scope"), std::optional<QByteArray>(QByteArray()));
}

void TestPageTokens::tokensAreOpaqueAscii()
{
    const PageTokens tokens = PageTokens::withRandomKey();
    const QString token = tokens.issue("scope", "compressor-line-7");
    QVERIFY(!token.contains(QLatin1String("compressor")));
    for (QChar c : token)
        QVERIFY(c.unicode() > 0x20 && c.unicode() < 0x7f);
}

void TestPageTokens::otherScope_otherKey_orEdits_areRefused()
{
    const PageTokens tokens = PageTokens::withRandomKey();
    const PageTokens otherKey = PageTokens::withRandomKey();
    const QString token
        = tokens.issue("ListInferenceSchedulers\nStatus=RUNNING\n", "kiln-3-burner");
    QVERIFY(tokens.redeem(token, "ListInferenceSchedulers\nStatus=RUNNING\n"));
    QVERIFY(!tokens.redeem(token, "ListInferenceSchedulers\nStatus=STOPPED\n"));
    QVERIFY(!otherKey.redeem(token, "ListInferenceSchedulers\nStatus=RUNNING\n"));
    for (qsizetype i = 0; i < token.size(); ++i) {
        QString edited = token;
        edited[i] = edited[i] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY2(!tokens.redeem(edited, "ListInferenceSchedulers\nStatus=RUNNING\n"),
            qPrintable(edited));
    }
    for (const char *garbage : { "", ".", "abc", "abc.", ".abc", "a.b.c", "!!!.???" })
        QVERIFY2(!tokens.redeem(QString::fromLatin1(garbage), "scope"), garbage);
}

QTEST_GUILESS_MAIN(TestPageTokens)
#include "tst_pagetokens.moc"
