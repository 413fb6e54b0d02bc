#include "lookout/parametervalidation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lookout::ParameterCheck;

class TestParameterValidation : public QObject {
    Q_OBJECT

private slots:
    void identifiers_followTheModel_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("plain") << u"pump-station_7"_s << QString();
        QTest::newRow("all allowed characters") << u"azAZ09_-"_s << QString();
        QTest::newRow("200 characters") << QString(200, u'a') << QString();
        // botocore's own sentence for this one.
        QTest::newRow("empty")
            << QString()
            << u"Invalid length for parameter InferenceSchedulerName, value: 0, valid min length: 1"_s;
        QTest::newRow("201 characters")
            << QString(201, u'a')
            << u"Invalid length for parameter InferenceSchedulerName, value: 201, valid max length: 200"_s;
        QTest::newRow("space")
            << u"pump station"_s
            << u"Invalid value for parameter InferenceSchedulerName, value: pump station, "
               "valid pattern: ^[0-9a-zA-Z_-]{1,200}$"_s;
        QTest::newRow("slash")
            << u"../etc"_s
            << u"Invalid value for parameter InferenceSchedulerName, value: ../etc, "
               "valid pattern: ^[0-9a-zA-Z_-]{1,200}$"_s;
        QTest::newRow("non-ASCII letter")
            << u"pump\u00e9"_s
            << u"Invalid value for parameter InferenceSchedulerName, value: pump\u00e9, "
               "valid pattern: ^[0-9a-zA-Z_-]{1,200}$"_s;
        QTest::newRow("newline")
            << u"a\nb"_s
            << u"Invalid value for parameter InferenceSchedulerName, value: a\nb, "
               "valid pattern: ^[0-9a-zA-Z_-]{1,200}$"_s;
    }

    void identifiers_followTheModel()
    {
        QFETCH(QString, value);
        QFETCH(QString, problem);
        ParameterCheck check;
        check.identifier(QLatin1StringView("InferenceSchedulerName"), value);
        QCOMPARE(check.problems(), problem.isEmpty() ? QStringList() : QStringList { problem });
    }

    void enums_listTheValidValues()
    {
        ParameterCheck check;
        check.enumValue(
            QLatin1StringView("Status"), u"RUNNING"_s, lookout::inferenceSchedulerStatuses());
        QVERIFY(check.problems().isEmpty());
        check.enumValue(
            QLatin1StringView("Status"), u"running"_s, lookout::inferenceSchedulerStatuses());
        check.enumValue(
            QLatin1StringView("Status"), u"DONE"_s, lookout::inferenceExecutionStatuses());
        QCOMPARE(check.problems(),
            QStringList({ u"Invalid value for parameter Status, value: running, valid values: "
                          u"PENDING, RUNNING, "
                          "STOPPING, STOPPED"_s,
                u"Invalid value for parameter Status, value: DONE, valid values: IN_PROGRESS, "
                u"SUCCESS, "
                "FAILED"_s }));
    }

    void ranges_useBotocoreWording()
    {
        ParameterCheck check;
        check.range(QLatin1StringView("MaxResults"), 500, 1, 500)
            .range(QLatin1StringView("MaxResults"), 1, 1, 500);
        QVERIFY(check.problems().isEmpty());
        check.range(QLatin1StringView("MaxResults"), 0, 1, 500);
        check.range(QLatin1StringView("MaxResults"), 501, 1, 500);
        QCOMPARE(check.problems(),
            QStringList({ u"Invalid value for parameter MaxResults, value: 0, valid min value: 1"_s,
                u"Invalid value for parameter MaxResults, value: 501, valid max value: 500"_s }));
    }

    // A timestamp parameter given a text that is no time, as botocore's validation words it
    // (the AWS CLI prints it for --interval-start-time soon).
    void notATimestamp_isAnInvalidType()
    {
        ParameterCheck check;
        check.notATimestamp(QLatin1StringView("IntervalStartTime"), u"soon"_s)
            .notATimestamp(QLatin1StringView("IntervalEndTime"), u"later x"_s);
        QCOMPARE(check.problems(),
            QStringList({ u"Invalid type for parameter IntervalStartTime, value: soon, type: "
                          "<class 'str'>, valid types: <class 'datetime.datetime'>, "
                          "timestamp-string"_s,
                u"Invalid type for parameter IntervalEndTime, value: later x, type: <class "
                "'str'>, valid types: <class 'datetime.datetime'>, timestamp-string"_s }));
    }

    void hugeValues_areQuotedShortly()
    {
        ParameterCheck check;
        check.enumValue(QLatin1StringView("Status"), QString(100'000, u'x'),
            lookout::inferenceSchedulerStatuses());
        QCOMPARE(check.problems().size(), 1);
        QVERIFY(check.problems().first().size() < 250);
        QVERIFY(check.problems().first().contains(QString(100, u'x') + u"…"_s));
    }

    void error_joinsEveryProblemAsInvalidParameter()
    {
        ParameterCheck check;
        QVERIFY(!check.error(u"ListInferenceSchedulers"_s));
        check.identifier(QLatin1StringView("ModelName"), QString())
            .enumValue(QLatin1StringView("Status"), u"ON"_s, lookout::inferenceSchedulerStatuses());
        const std::optional<aws::AwsError> error = check.error(u"ListInferenceSchedulers"_s);
        QVERIFY(error);
        QCOMPARE(error->kind, aws::AwsError::Kind::InvalidParameter);
        QCOMPARE(error->operation, u"ListInferenceSchedulers"_s);
        QCOMPARE(error->message,
            u"Invalid length for parameter ModelName, value: 0, valid min length: 1\n"
            "Invalid value for parameter Status, value: ON, valid values: PENDING, RUNNING, STOPPING, STOPPED"_s);
        QCOMPARE(error->exitCode(), 252);
        QVERIFY(error->toString().startsWith(
            u"Parameter validation failed:\nInvalid length for parameter ModelName"_s));
    }
};

QTEST_GUILESS_MAIN(TestParameterValidation)
#include "tst_parametervalidation.moc"
