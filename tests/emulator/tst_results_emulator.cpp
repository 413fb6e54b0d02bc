// `lookout-desk results` against the emulator process, whose S3 subset serves what the
// executions wrote: a scheduler NAME (DescribeInferenceScheduler, then its output location over
// S3 on the same port) and the s3:// location it names, read through another implementation's
// SigV4 check and XML.
#include "emulatorprocess.h"
#include "headlessrun.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestResultsEmulator : public QObject {
    Q_OBJECT

private:
    QJsonObject run(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(LOOKOUT_BINARY), arguments);
        if (!process.waitForFinished(120'000))
            qFatal("lookout-desk %s did not finish", qPrintable(arguments.join(u' ')));
        const QByteArray err = process.readAllStandardError();
        if (process.exitCode() != 0)
            qFatal("lookout-desk %s: %d %s", qPrintable(arguments.join(u' ')), process.exitCode(),
                err.constData());
        return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    }

private slots:
    void schedulerName_andItsLocation()
    {
        EmulatorProcess emulator;
        QVERIFY2(emulator.start({ u"--fleet"_s, u"5"_s, u"--seed"_s, u"3"_s }),
            qPrintable(emulator.error()));
        QTemporaryDir home;
        QProcessEnvironment environment = e2e::bareEnvironment();
        environment.insert(u"HOME"_s, home.path());
        environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
        for (const char *name : { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
                 "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT" })
            environment.insert(QLatin1String(name), emulator.variable(QLatin1String(name)));
        const QString endpoint = emulator.variable(u"AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT"_s);
        environment.insert(u"AWS_ENDPOINT_URL_S3"_s, endpoint);

        // The emulator's executions go on writing results while the test reads them, and the
        // oldest leave as time moves on, so both reads take the same fixed day: it ends three hours
        // before the test, so no object written since can fall in (its folder is named after its
        // execution, more than kFolderTimeMargin after the end), and starts a day before that, far
        // from the retention's edge.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QStringList range
            = { u"--start-time"_s, now.addSecs(-27 * 60 * 60).toString(Qt::ISODate),
                  u"--end-time"_s, now.addSecs(-3 * 60 * 60).toString(Qt::ISODate) };

        const QJsonArray schedulers
            = run({ u"list"_s }, environment)[u"InferenceSchedulerSummaries"_s].toArray();
        QVERIFY(!schedulers.isEmpty());
        // A scheduler whose executions wrote results: the first that gives any.
        QString name;
        QJsonObject fromName;
        for (const QJsonValue &scheduler : schedulers) {
            const QString candidate = scheduler[u"InferenceSchedulerName"_s].toString();
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(
                QStringLiteral(LOOKOUT_BINARY), QStringList { u"results"_s, candidate } + range);
            QVERIFY(process.waitForFinished(120'000));
            if (process.exitCode() == 0) {
                name = candidate;
                fromName = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
                break;
            }
        }
        QVERIFY2(!name.isEmpty(), "no scheduler of the fleet had results");
        const QString source = fromName[u"Source"_s].toString();
        QCOMPARE(source, name);
        QVERIFY(fromName[u"Files"_s].toInt() > 0);
        QVERIFY(!fromName[u"Predictions"_s].toArray().isEmpty());

        // The same through its s3:// location, with --endpoint-url as S3's.
        const QJsonObject described = run({ u"describe"_s, name }, environment);
        const QJsonObject output
            = described[u"DataOutputConfiguration"_s][u"S3OutputConfiguration"_s].toObject();
        const QString location
            = u"s3://%1/%2"_s.arg(output[u"Bucket"_s].toString(), output[u"Prefix"_s].toString());
        QProcessEnvironment withoutS3 = environment;
        withoutS3.remove(u"AWS_ENDPOINT_URL_S3"_s);
        const QJsonObject fromLocation
            = run(QStringList { u"results"_s, location, u"--endpoint-url"_s, endpoint } + range,
                withoutS3);
        QCOMPARE(fromLocation[u"Files"_s], fromName[u"Files"_s]);
        QCOMPARE(fromLocation[u"Predictions"_s], fromName[u"Predictions"_s]);
        QCOMPARE(fromLocation[u"Events"_s], fromName[u"Events"_s]);
    }
};

QTEST_GUILESS_MAIN(TestResultsEmulator)
#include "tst_results_emulator.moc"
