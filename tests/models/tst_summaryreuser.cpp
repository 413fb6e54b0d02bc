// SummaryReuser: unchanged summaries come back as the previous listing's copies (their texts
// share storage with them), changed and new ones as listed; what is remembered follows complete
// listings. And sharesAllData(), which tells those copies apart without reading a text.
#include "models/summaryreuser.h"

#include <QtTest>

using models::sharesAllData;
using models::SummaryReuser;
using Summary = lookout::InferenceSchedulerSummary;

namespace {

// A freshly decoded summary: new storage for every text, as the JSON decoder makes.
Summary decoded(const QString &name, const QString &result = QStringLiteral("NORMAL"))
{
    Summary s;
    s.inferenceSchedulerName = QString::fromUtf8(name.toUtf8());
    s.inferenceSchedulerArn = QString::fromUtf8(
        QByteArray("arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/")
        + name.toUtf8() + "/1");
    s.modelName = QString::fromUtf8("model-" + name.toUtf8());
    s.modelArn = QString::fromUtf8(
        "arn:aws:lookoutequipment:us-east-1:123456789012:model/model-" + name.toUtf8() + "/1");
    s.status = QString::fromUtf8("RUNNING");
    s.latestInferenceResult = QString::fromUtf8(result.toUtf8());
    s.dataUploadFrequency = QString::fromUtf8("PT5M");
    s.dataDelayOffsetInMinutes = 10;
    return s;
}

QList<Summary> decodedPage(const QStringList &names)
{
    QList<Summary> page;
    for (const QString &name : names)
        page.append(decoded(name));
    return page;
}

} // namespace

class TestSummaryReuser : public QObject {
    Q_OBJECT
private slots:
    void sharesAllData_tellsSharedCopiesFromEqualOnes();
    void unchangedSummary_comesBackAsThePreviousCopy();
    void changedSummary_comesBackAsListed();
    void completeListing_forgetsSchedulersNoLongerListed();
    void incompleteListing_keepsWhatItDidNotSee();
    void clear_forgetsEverything();
    void summaryWithoutKey_isPassedThrough();
};

void TestSummaryReuser::sharesAllData_tellsSharedCopiesFromEqualOnes()
{
    const Summary a = decoded(QStringLiteral("pump-1"));
    const Summary copy = a; // shares every text
    const Summary equal = decoded(QStringLiteral("pump-1"));
    QVERIFY(sharesAllData(a, copy));
    QCOMPARE(equal, a);
    QVERIFY(!sharesAllData(a, equal));

    Summary otherDelay = a;
    otherDelay.dataDelayOffsetInMinutes = 15;
    QVERIFY(!sharesAllData(a, otherDelay));
    Summary noResult = a;
    noResult.latestInferenceResult.reset();
    QVERIFY(!sharesAllData(a, noResult));
    QVERIFY(sharesAllData(noResult, Summary(noResult)));
    // A shared text that was changed is stored anew.
    Summary edited = a;
    edited.status->append(QLatin1Char('X'));
    QVERIFY(!sharesAllData(a, edited));
    QCOMPARE(*a.status, QStringLiteral("RUNNING"));
}

void TestSummaryReuser::unchangedSummary_comesBackAsThePreviousCopy()
{
    SummaryReuser reuser;
    reuser.beginListing();
    const QList<Summary> first
        = reuser.reuse(decodedPage({ QStringLiteral("a"), QStringLiteral("b") }));
    reuser.finishListing(true);

    reuser.beginListing();
    const QList<Summary> second
        = reuser.reuse(decodedPage({ QStringLiteral("a"), QStringLiteral("b") }));
    reuser.finishListing(true);
    QCOMPARE(second.size(), 2);
    QVERIFY(sharesAllData(second[0], first[0]));
    QVERIFY(sharesAllData(second[1], first[1]));
}

void TestSummaryReuser::changedSummary_comesBackAsListed()
{
    SummaryReuser reuser;
    reuser.beginListing();
    const QList<Summary> first
        = reuser.reuse(decodedPage({ QStringLiteral("a"), QStringLiteral("b") }));
    reuser.finishListing(true);

    reuser.beginListing();
    QList<Summary> page = decodedPage({ QStringLiteral("a"), QStringLiteral("b") });
    page[1].latestInferenceResult = QStringLiteral("ANOMALOUS");
    const QList<Summary> second = reuser.reuse(page);
    reuser.finishListing(true);
    QVERIFY(sharesAllData(second[0], first[0]));
    QVERIFY(!sharesAllData(second[1], first[1]));
    QCOMPARE(*second[1].latestInferenceResult, QStringLiteral("ANOMALOUS"));

    // The changed one is what is remembered now.
    reuser.beginListing();
    QList<Summary> again = decodedPage({ QStringLiteral("b") });
    again[0].latestInferenceResult = QStringLiteral("ANOMALOUS");
    const QList<Summary> third = reuser.reuse(again);
    QVERIFY(sharesAllData(third[0], second[1]));
}

void TestSummaryReuser::completeListing_forgetsSchedulersNoLongerListed()
{
    SummaryReuser reuser;
    reuser.beginListing();
    const QList<Summary> first
        = reuser.reuse(decodedPage({ QStringLiteral("a"), QStringLiteral("b") }));
    reuser.finishListing(true);
    QCOMPARE(reuser.rememberedCount(), 2);

    reuser.beginListing();
    reuser.reuse(decodedPage({ QStringLiteral("a") }));
    reuser.finishListing(true);
    QCOMPARE(reuser.rememberedCount(), 1);

    // "b" is back: listed as new, not as the copy from two listings ago.
    reuser.beginListing();
    const QList<Summary> back = reuser.reuse(decodedPage({ QStringLiteral("b") }));
    QVERIFY(!sharesAllData(back[0], first[1]));
}

void TestSummaryReuser::incompleteListing_keepsWhatItDidNotSee()
{
    SummaryReuser reuser;
    reuser.beginListing();
    const QList<Summary> first
        = reuser.reuse(decodedPage({ QStringLiteral("a"), QStringLiteral("b") }));
    reuser.finishListing(true);

    // A listing that failed after its first page saw only "a".
    reuser.beginListing();
    reuser.reuse(decodedPage({ QStringLiteral("a") }));
    reuser.finishListing(false);
    QCOMPARE(reuser.rememberedCount(), 2);

    reuser.beginListing();
    const QList<Summary> next
        = reuser.reuse(decodedPage({ QStringLiteral("a"), QStringLiteral("b") }));
    QVERIFY(sharesAllData(next[0], first[0]));
    QVERIFY(sharesAllData(next[1], first[1]));
}

void TestSummaryReuser::clear_forgetsEverything()
{
    SummaryReuser reuser;
    reuser.beginListing();
    const QList<Summary> first = reuser.reuse(decodedPage({ QStringLiteral("a") }));
    reuser.finishListing(true);
    reuser.clear();
    QCOMPARE(reuser.rememberedCount(), 0);
    reuser.beginListing();
    const QList<Summary> next = reuser.reuse(decodedPage({ QStringLiteral("a") }));
    QVERIFY(!sharesAllData(next[0], first[0]));
}

void TestSummaryReuser::summaryWithoutKey_isPassedThrough()
{
    SummaryReuser reuser;
    reuser.beginListing();
    Summary nameless;
    nameless.status = QStringLiteral("RUNNING");
    const QList<Summary> out = reuser.reuse({ nameless });
    reuser.finishListing(true);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0], nameless);
    QCOMPARE(reuser.rememberedCount(), 0);
}

QTEST_GUILESS_MAIN(TestSummaryReuser)
#include "tst_summaryreuser.moc"
