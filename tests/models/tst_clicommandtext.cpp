// The "Copy CLI command" text: exact words, defaults left out, shell-safe quoting.
#include "aws/configresolver.h"
#include "models/clicommandtext.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

class TestCliCommandText : public QObject {
    Q_OBJECT
private slots:
    void defaults_giveNameAndRegionOnly();
    void profile_isAddedUnlessDefault();
    void endpoint_isAddedUnlessTheServiceDefault();
    void everything_inTheCliOrder();
    void fromConfig_takesProfileRegionAndEndpoint();
    void invalidName_noCommand_saysWhy_data();
    void invalidName_noCommand_saysWhy();
    void controlCharactersInTheConnection_noCommand();
    void shellQuoted_matchesPythonShlex_data();
    void shellQuoted_matchesPythonShlex();
    void shellQuoted_agreesWithPython();
};

void TestCliCommandText::defaults_giveNameAndRegionOnly()
{
    const models::CliGlobalOptions connection { QStringLiteral("default"),
        QStringLiteral("eu-west-1"),
        QUrl(QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com")) };
    QCOMPARE(models::describeSchedulerCommand(QStringLiteral("pump-station-042"), connection),
        QStringLiteral(
            "aws lookoutequipment describe-inference-scheduler --inference-scheduler-name "
            "pump-station-042 --region eu-west-1"));
    // A trailing slash is still the default endpoint; an empty profile is the default profile.
    QVERIFY(models::isDefaultServiceEndpoint(
        QUrl(QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com:443")),
        QStringLiteral("eu-west-1")));
    QVERIFY(!models::isDefaultServiceEndpoint(
        QUrl(QStringLiteral("http://lookoutequipment.eu-west-1.amazonaws.com")),
        QStringLiteral("eu-west-1")));
    QVERIFY(!models::isDefaultServiceEndpoint(
        QUrl(QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com/x")),
        QStringLiteral("eu-west-1")));
    const models::CliGlobalOptions slash { QString(), QStringLiteral("eu-west-1"),
        QUrl(QStringLiteral("https://lookoutequipment.eu-west-1.amazonaws.com/")) };
    QCOMPARE(models::describeSchedulerCommand(QStringLiteral("a"), slash),
        QStringLiteral(
            "aws lookoutequipment describe-inference-scheduler --inference-scheduler-name a "
            "--region eu-west-1"));
}

void TestCliCommandText::profile_isAddedUnlessDefault()
{
    const models::CliGlobalOptions connection { QStringLiteral("prod-eng"),
        QStringLiteral("us-east-1"), models::defaultServiceEndpoint(QStringLiteral("us-east-1")) };
    QCOMPARE(models::describeSchedulerCommand(QStringLiteral("fan-line-3"), connection),
        QStringLiteral("aws lookoutequipment describe-inference-scheduler "
                       "--inference-scheduler-name fan-line-3 "
                       "--region us-east-1 --profile prod-eng"));
}

void TestCliCommandText::endpoint_isAddedUnlessTheServiceDefault()
{
    const models::CliGlobalOptions connection { QStringLiteral("default"),
        QStringLiteral("us-east-1"), QUrl(QStringLiteral("http://127.0.0.1:4566")) };
    QCOMPARE(models::describeSchedulerCommand(QStringLiteral("fan-line-3"), connection),
        QStringLiteral("aws lookoutequipment describe-inference-scheduler "
                       "--inference-scheduler-name fan-line-3 "
                       "--region us-east-1 --endpoint-url http://127.0.0.1:4566"));
    // Another region's default endpoint is not this region's default.
    const models::CliGlobalOptions otherRegion { QStringLiteral("default"),
        QStringLiteral("us-east-1"), models::defaultServiceEndpoint(QStringLiteral("eu-west-1")) };
    QVERIFY(models::describeSchedulerCommand(QStringLiteral("x"), otherRegion)
                .endsWith(QLatin1String(
                    " --endpoint-url https://lookoutequipment.eu-west-1.amazonaws.com")));
}

void TestCliCommandText::invalidName_noCommand_saysWhy_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("shown"); // how the reason shows the name
    // A pasted command whose quotes an escape sequence or a line break closes early runs what
    // the endpoint chose, in a terminal without bracketed paste.
    QTest::newRow("escape sequence")
        << QStringLiteral("pump\x1b[201~; rm -rf ~") << QStringLiteral("pump\\x1b[201~; rm -rf ~");
    QTest::newRow("line break") << QStringLiteral("pump'\ntouch /tmp/x")
                                << QStringLiteral("pump'\\ntouch /tmp/x");
    QTest::newRow("direction override")
        << QStringLiteral("pump\u202e1-") << QStringLiteral("pump\\u202e1-");
    QTest::newRow("space and quote") << QStringLiteral("a b'c") << QStringLiteral("a b'c");
    QTest::newRow("too long") << QString(201, QLatin1Char('a')) << QStringLiteral("value: 201");
}

void TestCliCommandText::invalidName_noCommand_saysWhy()
{
    QFETCH(QString, name);
    QFETCH(QString, shown);
    const models::CliGlobalOptions connection { QStringLiteral("default"),
        QStringLiteral("eu-west-1"), QUrl() };
    QCOMPARE(models::describeSchedulerCommand(name, connection), QString());
    const QString reason = models::describeSchedulerCommandRefusal(name, connection);
    QVERIFY2(reason.startsWith(QStringLiteral("No command: the name is not a valid scheduler "
                                              "name (")),
        qPrintable(reason));
    QVERIFY2(reason.contains(shown), qPrintable(reason));
    for (const QChar c : reason)
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && c.unicode() != 0x202e,
            qPrintable(reason));
    QCOMPARE(
        models::describeSchedulerCommandRefusal(QStringLiteral("pump-7_a"), connection), QString());
}

void TestCliCommandText::controlCharactersInTheConnection_noCommand()
{
    const models::CliGlobalOptions badProfile { QStringLiteral("plant\x1b]0;x\x07"),
        QStringLiteral("eu-west-1"), QUrl() };
    QCOMPARE(models::describeSchedulerCommand(QStringLiteral("pump"), badProfile), QString());
    QCOMPARE(models::describeSchedulerCommandRefusal(QStringLiteral("pump"), badProfile),
        QStringLiteral("No command: the profile name holds control characters "
                       "(plant\\x1b]0;x\\x07)."));
    const models::CliGlobalOptions badRegion { QStringLiteral("default"),
        QStringLiteral("eu-west-1\n"), QUrl() };
    QCOMPARE(models::describeSchedulerCommand(QStringLiteral("pump"), badRegion), QString());
}

void TestCliCommandText::everything_inTheCliOrder()
{
    const models::CliGlobalOptions connection { QStringLiteral("plant 7"),
        QStringLiteral("ap-northeast-2"),
        QUrl(QStringLiteral("https://lookout.internal.example:8443/api")) };
    QCOMPARE(
        models::describeSchedulerCommand(QStringLiteral("mill-2-compressor-line-7"), connection),
        QStringLiteral(
            "aws lookoutequipment describe-inference-scheduler --inference-scheduler-name "
            "mill-2-compressor-line-7 --region ap-northeast-2 --profile 'plant 7' "
            "--endpoint-url https://lookout.internal.example:8443/api"));
}

void TestCliCommandText::fromConfig_takesProfileRegionAndEndpoint()
{
    aws::ResolvedConfig connection;
    connection.profile = { QStringLiteral("prod"), QStringLiteral("--profile") };
    connection.region = { QStringLiteral("eu-west-1"), QStringLiteral("AWS_REGION") };
    connection.endpoint = QUrl(QStringLiteral("http://localhost:8080"));
    const models::CliGlobalOptions cli = models::CliGlobalOptions::fromConfig(connection);
    QCOMPARE(cli.profile, QStringLiteral("prod"));
    QCOMPARE(cli.region, QStringLiteral("eu-west-1"));
    QCOMPARE(cli.endpoint, QUrl(QStringLiteral("http://localhost:8080")));
}

void TestCliCommandText::shellQuoted_matchesPythonShlex_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "pump-station_042"
                           << "pump-station_042";
    QTest::newRow("url") << "https://a.example:8443/x,y@z%20+="
                         << "https://a.example:8443/x,y@z%20+=";
    QTest::newRow("empty") << ""
                           << "''";
    QTest::newRow("space") << "plant 7"
                           << "'plant 7'";
    QTest::newRow("dollar") << "$HOME"
                            << "'$HOME'";
    QTest::newRow("quote") << "it's"
                           << "'it'\"'\"'s'";
    QTest::newRow("glob") << "a*"
                          << "'a*'";
    QTest::newRow("non-ascii") << QStringLiteral("usine-\u00e9")
                               << QStringLiteral("'usine-\u00e9'");
}

void TestCliCommandText::shellQuoted_matchesPythonShlex()
{
    QFETCH(QString, argument);
    QFETCH(QString, quoted);
    QCOMPARE(models::shellQuoted(argument), quoted);
}

void TestCliCommandText::shellQuoted_agreesWithPython()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed; the fixed cases above still ran");
    const QStringList arguments
        = { QStringLiteral("plain-1"), QStringLiteral("two words"), QStringLiteral("it's"),
              QStringLiteral("a;b|c&d"), QStringLiteral("~user"), QStringLiteral("") };
    const QStringList script = { QStringLiteral("-c"),
        QStringLiteral("import shlex, sys\nfor a in sys.argv[1:]: print(shlex.quote(a))") };
    QProcess process;
    process.start(python, script + arguments);
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList expected
        = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < arguments.size(); ++i)
        QCOMPARE(models::shellQuoted(arguments[i]), expected[i]);
}

QTEST_GUILESS_MAIN(TestCliCommandText)
#include "tst_clicommandtext.moc"
