#include "lookout/requestbodies.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lookout;

class TestRequestBodies : public QObject {
    Q_OBJECT

private slots:
    void nameOnlyRequests()
    {
        QCOMPARE(requests::describeInferenceScheduler(u"pump-7"_s).value(),
            QByteArray("{\"InferenceSchedulerName\":\"pump-7\"}"));
        QCOMPARE(requests::startInferenceScheduler(u"pump-7"_s).value(),
            QByteArray("{\"InferenceSchedulerName\":\"pump-7\"}"));
        QCOMPARE(requests::stopInferenceScheduler(u"pump-7"_s).value(),
            QByteArray("{\"InferenceSchedulerName\":\"pump-7\"}"));
    }

    void nameOnlyRequests_refuseBadNamesNamingTheOperation()
    {
        const auto describe = requests::describeInferenceScheduler(QString());
        QCOMPARE(describe.error().kind, aws::AwsError::Kind::InvalidParameter);
        QCOMPARE(describe.error().operation, u"DescribeInferenceScheduler"_s);
        QCOMPARE(describe.error().message,
            u"Invalid length for parameter InferenceSchedulerName, value: 0, valid min length: 1"_s);
        QCOMPARE(requests::startInferenceScheduler(u"a b"_s).error().operation,
            u"StartInferenceScheduler"_s);
        QCOMPARE(requests::stopInferenceScheduler(QString(201, u'x')).error().operation,
            u"StopInferenceScheduler"_s);
    }

    void listSchedulers_membersInModelOrder()
    {
        QCOMPARE(requests::listInferenceSchedulers({}, 500, std::nullopt).value(),
            QByteArray("{\"MaxResults\":500}"));
        const InferenceSchedulerFilter filter { u"pump-"_s, u"RUNNING"_s, u"bearing-model"_s };
        QCOMPARE(requests::listInferenceSchedulers(filter, 500, u"tok/\"1\""_s).value(),
            QByteArray(
                "{\"NextToken\":\"tok/\\\"1\\\"\",\"MaxResults\":500,"
                "\"InferenceSchedulerNameBeginsWith\":\"pump-\",\"ModelName\":\"bearing-model\","
                "\"Status\":\"RUNNING\"}"));
    }

    void listSchedulers_refusesEveryBadFilterAtOnce()
    {
        const InferenceSchedulerFilter filter { QString(), u"ACTIVE"_s, u"model name"_s };
        const auto body = requests::listInferenceSchedulers(filter, 501, std::nullopt);
        QCOMPARE(body.error().kind, aws::AwsError::Kind::InvalidParameter);
        QCOMPARE(body.error().operation, u"ListInferenceSchedulers"_s);
        QCOMPARE(body.error().message,
            u"Invalid value for parameter MaxResults, value: 501, valid max value: 500\n"
            "Invalid length for parameter InferenceSchedulerNameBeginsWith, value: 0, valid min "
            "length: 1\n"
            "Invalid value for parameter ModelName, value: model name, valid pattern: "
            "^[0-9a-zA-Z_-]{1,200}$\n"
            "Invalid value for parameter Status, value: ACTIVE, valid values: PENDING, RUNNING, STOPPING, STOPPED"_s);
    }

    void listExecutions_membersInModelOrder()
    {
        QCOMPARE(requests::listInferenceExecutions(u"pump-7"_s, {}, 25, std::nullopt).value(),
            QByteArray("{\"MaxResults\":25,\"InferenceSchedulerName\":\"pump-7\"}"));
        const InferenceExecutionFilter filter { Timestamp { 1'709'578'342'308'482 },
            Timestamp { 1'709'600'000'000'000 }, u"FAILED"_s };
        QCOMPARE(requests::listInferenceExecutions(u"pump-7"_s, filter, 500, u"t"_s).value(),
            QByteArray(
                "{\"NextToken\":\"t\",\"MaxResults\":500,\"InferenceSchedulerName\":\"pump-7\","
                "\"DataStartTimeAfter\":1709578342.308482,\"DataEndTimeBefore\":1709600000,"
                "\"Status\":\"FAILED\"}"));
    }

    void listExecutions_refusesBadParameters()
    {
        const InferenceExecutionFilter filter { std::nullopt, std::nullopt, u"RUNNING"_s };
        const auto body = requests::listInferenceExecutions(u"pump 7"_s, filter, 0, std::nullopt);
        QCOMPARE(body.error().operation, u"ListInferenceExecutions"_s);
        QCOMPARE(body.error().message,
            u"Invalid value for parameter MaxResults, value: 0, valid min value: 1\n"
            "Invalid value for parameter InferenceSchedulerName, value: pump 7, valid pattern: "
            "^[0-9a-zA-Z_-]{1,200}$\n"
            "Invalid value for parameter Status, value: RUNNING, valid values: IN_PROGRESS, SUCCESS, FAILED"_s);
    }
};

QTEST_GUILESS_MAIN(TestRequestBodies)
#include "tst_requestbodies.moc"
