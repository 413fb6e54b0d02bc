#include "lookout/pagination.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lookout::Pagination;

class TestPagination : public QObject {
    Q_OBJECT

private slots:
    void tokens_areFollowedUntilAbsentOrEmpty()
    {
        Pagination pagination(u"ListInferenceSchedulers"_s);
        QCOMPARE(pagination.afterPage(u"a"_s).value(), std::optional<QString>(u"a"_s));
        QCOMPARE(pagination.afterPage(u"b"_s).value(), std::optional<QString>(u"b"_s));
        QCOMPARE(pagination.afterPage(std::nullopt).value(), std::nullopt);
        QCOMPARE(pagination.pagesReceived(), 3);

        Pagination emptyToken(u"ListInferenceSchedulers"_s);
        QCOMPARE(emptyToken.afterPage(QString()).value(), std::nullopt);
    }

    void repeatedToken_endsTheListing()
    {
        Pagination pagination(u"ListInferenceSchedulers"_s);
        QVERIFY(pagination.afterPage(u"a"_s).ok());
        QVERIFY(pagination.afterPage(u"b"_s).ok());
        const auto repeated = pagination.afterPage(u"a"_s);
        QVERIFY(!repeated.ok());
        QCOMPARE(repeated.error().kind, aws::AwsError::Kind::BadResponse);
        QCOMPARE(repeated.error().operation, u"ListInferenceSchedulers"_s);
        QCOMPARE(repeated.error().message,
            u"Error during pagination: The same next token was received twice: a"_s);
    }

    void pageLimit_endsTheListing()
    {
        Pagination pagination(u"ListInferenceExecutions"_s, 3);
        QVERIFY(pagination.afterPage(u"1"_s).ok());
        QVERIFY(pagination.afterPage(u"2"_s).ok());
        const auto third = pagination.afterPage(u"3"_s);
        QVERIFY(!third.ok());
        QCOMPARE(third.error().message,
            u"Error during pagination: page 3 still had a NextToken; stopped at the limit of 3 "
            u"pages so that "
            "a listing cannot go on forever"_s);

        Pagination last(u"ListInferenceExecutions"_s, 3);
        QVERIFY(last.afterPage(u"1"_s).ok());
        QVERIFY(last.afterPage(u"2"_s).ok());
        QCOMPARE(last.afterPage(std::nullopt).value(), std::nullopt);
    }

    void defaultLimit_isAThousandPages()
    {
        Pagination pagination(u"ListInferenceSchedulers"_s);
        QCOMPARE(pagination.maxPages(), 1000);
        for (int page = 1; page < 1000; ++page)
            QVERIFY(pagination.afterPage(QString::number(page)).ok());
        QVERIFY(!pagination.afterPage(u"1000"_s).ok());
    }

    void badTokens_areNeverSentBack()
    {
        Pagination tooLong(u"ListInferenceSchedulers"_s);
        QVERIFY(tooLong.afterPage(QString(8192, u'a')).ok());
        const auto longer = tooLong.afterPage(QString(8193, u'b'));
        QCOMPARE(longer.error().message,
            u"Error during pagination: the NextToken of page 2 has 8193 characters; the service allows at most 8192"_s);

        Pagination nonAscii(u"ListInferenceSchedulers"_s);
        QCOMPARE(nonAscii.afterPage(u"caf\u00e9"_s).error().message,
            u"Error during pagination: the NextToken of page 1 is not ASCII"_s);
    }

    void itemLimit_endsTheListingBeforeThePageIsKept()
    {
        Pagination pagination(
            u"ListInferenceExecutions"_s, Pagination::Limits { .maxItems = 1000 });
        QVERIFY(pagination.admitPage(500, 0).ok());
        QVERIFY(pagination.afterPage(u"1"_s).ok());
        QVERIFY(pagination.admitPage(500, 0).ok()); // exactly the limit
        QVERIFY(pagination.afterPage(u"2"_s).ok());
        const auto third = pagination.admitPage(1, 0);
        QVERIFY(!third.ok());
        QCOMPARE(third.error().kind, aws::AwsError::Kind::BadResponse);
        QCOMPARE(third.error().operation, u"ListInferenceExecutions"_s);
        QCOMPARE(third.error().message,
            u"Error during pagination: page 3 would bring the listing to 1001 items; stopped at "
            u"the limit of 1000 items"_s);
        // A refused page is not counted: an empty one still fits.
        QVERIFY(pagination.admitPage(0, 0).ok());
    }

    void decodedByteLimit_endsTheListing()
    {
        Pagination pagination(u"ListInferenceSchedulers"_s,
            Pagination::Limits { .maxDecodedBytes = qsizetype(3) << 20 });
        QVERIFY(pagination.admitPage(1, qsizetype(2) << 20).ok());
        QVERIFY(pagination.afterPage(u"1"_s).ok());
        const auto second = pagination.admitPage(1, (qsizetype(1) << 20) + 1);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().message,
            u"Error during pagination: page 2 would bring the listing to 3.0 MiB decoded; "
            u"stopped at the limit of 3.0 MiB"_s);
        QVERIFY(pagination.admitPage(1, qsizetype(1) << 20).ok());
    }

    void defaultLimits_areBeyondARealFleet()
    {
        const Pagination::Limits limits = Pagination(u"ListInferenceSchedulers"_s).limits();
        QCOMPARE(limits.maxPages, 1000);
        QCOMPARE(limits.maxItems, 200'000);
        QCOMPARE(limits.maxDecodedBytes, qsizetype(512) << 20);
        // A page of 500 empty execution summaries (656 bytes each decoded) from 1.5 KB counts
        // their fixed size; a page of long strings counts two bytes per byte received.
        QCOMPARE(Pagination::decodedPageBytes(500, 656, 1503), 500 * 656 + 3006);
        QCOMPARE(Pagination::decodedPageBytes(0, 656, 1 << 20), 2 << 20);
    }

    void repeatedLongToken_isQuotedShortly()
    {
        Pagination pagination(u"ListInferenceSchedulers"_s);
        const QString token(5000, u't');
        QVERIFY(pagination.afterPage(token).ok());
        const QString message = pagination.afterPage(token).error().message;
        QVERIFY(message.endsWith(QString(80, u't') + u"…"_s));
        QVERIFY(message.size() < 200);
    }
};

QTEST_GUILESS_MAIN(TestPagination)
#include "tst_pagination.moc"
