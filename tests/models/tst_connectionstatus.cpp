// The words for several connections: the status bar's summary (counts, the age of the least
// recent answering connection, the one failing connection named or several counted) and one line
// per connection (state, when last updated, why failing), and the short reason of an error.
#include "models/connectionstatus.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using models::ConnectionStatus;
using State = models::ConnectionStatus::State;

namespace {

// 13:03:05 in Berlin (the test runs with TZ=Europe/Berlin).
const QDateTime kNow = QDateTime(QDate(2026, 3, 1), QTime(12, 3, 5), Qt::UTC);

ConnectionStatus answering(const QString &label, int secondsAgo)
{
    return { label, State::Answering, kNow.addSecs(-secondsAgo), {}, {} };
}

ConnectionStatus failing(
    const QString &label, const QString &reason, const QString &problem, int secondsAgo = -1)
{
    return { label, State::Failing, secondsAgo < 0 ? QDateTime() : kNow.addSecs(-secondsAgo),
        reason, problem };
}

aws::AwsError serviceError(const QString &code)
{
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::Service;
    error.code = code;
    error.message = u"The security token included in the request is expired"_s;
    error.httpStatus = 400;
    return error;
}

} // namespace

class TestConnectionStatus : public QObject {
    Q_OBJECT
private slots:
    void summary_allAnswering_ageOfTheLeastRecent()
    {
        const QList<ConnectionStatus> connections { answering(u"a · eu-west-1"_s, 3),
            answering(u"b · us-east-1"_s, 12), answering(u"c · us-west-2"_s, 1) };
        QCOMPARE(models::connectionsSummaryText(connections, kNow),
            u"3 connections · 3 answering · updated 12 s ago"_s);
    }

    void summary_oneFailing_isNamedWithItsReason()
    {
        const QList<ConnectionStatus> connections { answering(u"a · eu-west-1"_s, 12),
            failing(u"eu-prod"_s, u"ExpiredToken"_s, u"An error occurred (ExpiredToken)"_s, 300),
            answering(u"c · us-west-2"_s, 2) };
        QCOMPARE(models::connectionsSummaryText(connections, kNow),
            u"3 connections · 2 answering · updated 12 s ago · eu-prod failing: ExpiredToken"_s);
    }

    void summary_severalFailing_areCounted_andTheLinesNameThem()
    {
        const QList<ConnectionStatus> connections { answering(u"a · eu-west-1"_s, 80),
            failing(u"eu-prod"_s, u"ExpiredToken"_s, u"expired"_s, 300),
            failing(u"nosuch · eu-west-1"_s, u"configuration error"_s,
                u"The config profile (nosuch) could not be found"_s) };
        QCOMPARE(models::connectionsSummaryText(connections, kNow),
            u"3 connections · 1 answering · updated 1 min ago · 2 failing"_s);
        QCOMPARE(models::connectionStatusLines(connections, kNow),
            (QStringList { u"a · eu-west-1: answering, updated 13:01:45 (1 min ago)"_s,
                u"eu-prod: failing, last updated 12:58:05 (5 min ago): expired"_s,
                u"nosuch · eu-west-1: failing, never updated: The config profile (nosuch) could "
                u"not be found"_s }));
    }

    void summary_noneAnswering_hasNoAge_andCountsTheConnecting()
    {
        const QList<ConnectionStatus> connections { { u"a"_s, State::Connecting, {}, {}, {} },
            { u"b"_s, State::Connecting, {}, {}, {} },
            failing(u"c"_s, u"network error"_s, u"Could not connect"_s) };
        QCOMPARE(models::connectionsSummaryText(connections, kNow),
            u"3 connections · 0 answering · 2 connecting · c failing: network error"_s);
        QCOMPARE(models::connectionStatusLines(connections, kNow).first(), u"a: connecting"_s);
    }

    void summary_ageMovesWithNow()
    {
        const QList<ConnectionStatus> connections { answering(u"a"_s, 0), answering(u"b"_s, 0) };
        QCOMPARE(models::connectionsSummaryText(connections, kNow),
            u"2 connections · 2 answering · updated just now"_s);
        QCOMPARE(models::connectionsSummaryText(connections, kNow.addSecs(42)),
            u"2 connections · 2 answering · updated 42 s ago"_s);
        QCOMPARE(models::connectionStateText(connections.first(), kNow.addSecs(3600)),
            u"answering, updated 13:03:05 (1 h ago)"_s);
    }

    void lines_unnamedConnection_isNumbered()
    {
        const QList<ConnectionStatus> connections { answering(u"a"_s, 5),
            failing(QString(), u"configuration error"_s, u"You must specify a region."_s) };
        QCOMPARE(models::connectionStatusLines(connections, kNow).at(1),
            u"connection 2: failing, never updated: You must specify a region."_s);
        QVERIFY(models::connectionsSummaryText(connections, kNow)
                    .endsWith(u"connection 2 failing: configuration error"_s));
    }

    void lines_labelWithPlaceholders_isKeptAsWritten()
    {
        const QList<ConnectionStatus> connections { answering(u"%1 · %2"_s, 5),
            failing(u"p%1"_s, u"%2"_s, u"why %1"_s) };
        QCOMPARE(models::connectionStatusLines(connections, kNow),
            (QStringList { u"%1 · %2: answering, updated 13:03:00 (5 s ago)"_s,
                u"p%1: failing, never updated: why %1"_s }));
        QVERIFY(models::connectionsSummaryText(connections, kNow).endsWith(u"p%1 failing: %2"_s));
    }

    void shortReason_codeOrKind()
    {
        QCOMPARE(models::shortReason(serviceError(u"ExpiredToken"_s)), u"ExpiredToken"_s);
        QCOMPARE(models::shortReason(serviceError(QString())), u"HTTP 400"_s);
        aws::AwsError network;
        network.kind = aws::AwsError::Kind::Network;
        network.code = u"NotAServiceCode"_s;
        QCOMPARE(models::shortReason(network), u"network error"_s);
        QCOMPARE(models::shortReason(aws::AwsError::profileNotFound(u"nosuch"_s)),
            u"configuration error"_s);
        aws::AwsError credentials;
        credentials.kind = aws::AwsError::Kind::Credentials;
        QCOMPARE(models::shortReason(credentials), u"no usable credentials"_s);
    }
};

QTEST_APPLESS_MAIN(TestConnectionStatus)
#include "tst_connectionstatus.moc"
