// Generated fleets: deterministic per seed, realistic, valid against the service model's
// constraints, and large enough for the 10,000-scheduler dashboards.
#include "emulator/fleetgenerator.h"
#include "emulator/inputreader.h"

#include <QRegularExpression>
#include <QtTest>

using emulator::Fleet;
using emulator::GeneratedFleetSpec;
using emulator::generateFleet;

namespace {

constexpr qint64 kNow = 1'772'618'400'000'000; // 2026-03-04T10:00:00Z

QStringList namesOf(const Fleet &fleet)
{
    QStringList names;
    for (int i = 0; i < fleet.size(); ++i)
        names.append(fleet.at(i).name());
    return names;
}

} // namespace

class TestFleetGenerator : public QObject {
    Q_OBJECT
private slots:
    void sameSeed_sameFleet();
    void otherSeed_otherFleet();
    void namesAreUniqueValidAndSorted();
    void membersSatisfyTheModelsConstraints();
    void statusesAndResults_areMixedLikeARealFleet();
    void variety_timeZonesFormatsDelimitersKeys();
    void everySchedulersModel_isDescribed();
    void runHistory_matchesStatus();
    void tenThousandSchedulers_areGenerated();
    void sizeOutOfRange_isRejected();
};

void TestFleetGenerator::sameSeed_sameFleet()
{
    const Fleet a = generateFleet({ 500, 42, QStringLiteral("eu-west-1") }, kNow);
    const Fleet b = generateFleet({ 500, 42, QStringLiteral("eu-west-1") }, kNow);
    QCOMPARE(a.size(), 500);
    QCOMPARE(b.size(), 500);
    for (int i = 0; i < a.size(); ++i) {
        QCOMPARE(a.at(i).scheduler, b.at(i).scheduler);
        QCOMPARE(a.at(i).historySeed, b.at(i).historySeed);
        QCOMPARE(a.at(i).transitionDue, b.at(i).transitionDue);
    }
    QCOMPARE(a.modelCount(), b.modelCount());
}

void TestFleetGenerator::otherSeed_otherFleet()
{
    const QStringList first = namesOf(generateFleet({ 200, 1, QStringLiteral("us-east-1") }, kNow));
    const QStringList second
        = namesOf(generateFleet({ 200, 2, QStringLiteral("us-east-1") }, kNow));
    QVERIFY(first != second);
}

void TestFleetGenerator::namesAreUniqueValidAndSorted()
{
    const Fleet fleet = generateFleet({ 2000, 7, QStringLiteral("us-east-1") }, kNow);
    const QStringList names = namesOf(fleet);
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), names.size());
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    int sitePrefixed = 0;
    for (const QString &name : names) {
        QVERIFY2(emulator::InputReader::isIdentifier(name), qPrintable(name));
        QCOMPARE(fleet.indexOf(name), static_cast<int>(names.indexOf(name)));
        if (name.startsWith(QLatin1String("mill-2-")) || name.startsWith(QLatin1String("plant-")))
            ++sitePrefixed;
    }
    QVERIFY(sitePrefixed > 0);
    QVERIFY(names.contains(QRegularExpression(QStringLiteral("^pump-station-\\d{3}$"))));
    QVERIFY(names.contains(QRegularExpression(QStringLiteral("^compressor-line-\\d+$"))));
}

void TestFleetGenerator::membersSatisfyTheModelsConstraints()
{
    const Fleet fleet = generateFleet({ 1000, 3, QStringLiteral("ap-northeast-2") }, kNow);
    // Patterns from the service model (service-2.json), anchored.
    const QRegularExpression schedulerArn(QStringLiteral(
        "^arn:aws:lookoutequipment:ap-northeast-2:([0-9]{12}):inference-scheduler/.+$"));
    const QRegularExpression modelArn(
        QStringLiteral("^arn:aws:lookoutequipment:ap-northeast-2:[0-9]{12}:model/.+$"));
    const QRegularExpression roleArn(QStringLiteral("^arn:aws(-[^:]+)?:iam::[0-9]{12}:role/.+$"));
    const QRegularExpression kmsArn(
        QStringLiteral("^arn:aws[a-z\\-]*:kms:[a-z0-9\\-]*:\\d{12}:[\\w\\-\\/]+$"));
    const QRegularExpression bucket(QStringLiteral("^[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]$"));
    const QRegularExpression timeZone(QStringLiteral("^(\\+|\\-)[0-9]{2}\\:[0-9]{2}$"));
    const QRegularExpression nameOrArn(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$"));
    const QSet<QString> frequencies = { QStringLiteral("PT5M"), QStringLiteral("PT10M"),
        QStringLiteral("PT15M"), QStringLiteral("PT30M"), QStringLiteral("PT1H") };
    QSet<QString> accounts;
    for (int i = 0; i < fleet.size(); ++i) {
        const lookout::InferenceScheduler &s = fleet.at(i).scheduler;
        const QRegularExpressionMatch arn = schedulerArn.match(*s.inferenceSchedulerArn);
        QVERIFY2(arn.hasMatch(), qPrintable(*s.inferenceSchedulerArn));
        accounts.insert(arn.captured(1));
        QVERIFY(s.inferenceSchedulerArn->contains(
            QLatin1Char('/') + *s.inferenceSchedulerName + QLatin1Char('/')));
        QVERIFY2(modelArn.match(*s.modelArn).hasMatch(), qPrintable(*s.modelArn));
        QVERIFY(emulator::InputReader::isIdentifier(*s.modelName));
        QVERIFY2(roleArn.match(*s.roleArn).hasMatch(), qPrintable(*s.roleArn));
        if (s.serverSideKmsKeyId)
            QVERIFY2(
                kmsArn.match(*s.serverSideKmsKeyId).hasMatch(), qPrintable(*s.serverSideKmsKeyId));
        QVERIFY(*s.dataDelayOffsetInMinutes >= 0 && *s.dataDelayOffsetInMinutes <= 60);
        QVERIFY(frequencies.contains(*s.dataUploadFrequency));
        const lookout::InferenceInputConfiguration &input = *s.dataInputConfiguration;
        QVERIFY2(bucket.match(*input.s3InputConfiguration->bucket).hasMatch(),
            qPrintable(*input.s3InputConfiguration->bucket));
        QVERIFY(input.s3InputConfiguration->prefix->endsWith(QLatin1Char('/')));
        QVERIFY(timeZone.match(*input.inputTimeZoneOffset).hasMatch());
        const lookout::InferenceOutputConfiguration &output = *s.dataOutputConfiguration;
        QVERIFY(bucket.match(*output.s3OutputConfiguration->bucket).hasMatch());
        if (output.kmsKeyId)
            QVERIFY(nameOrArn.match(*output.kmsKeyId).hasMatch());
        QVERIFY(s.createdAt->epochMicroseconds <= s.updatedAt->epochMicroseconds);
        QVERIFY(s.updatedAt->epochMicroseconds <= kNow);
    }
    QCOMPARE(accounts.size(), 1);
}

void TestFleetGenerator::statusesAndResults_areMixedLikeARealFleet()
{
    const Fleet fleet = generateFleet({ 1000, 11, QStringLiteral("us-east-1") }, kNow);
    QHash<QString, int> statuses;
    int anomalous = 0;
    for (int i = 0; i < fleet.size(); ++i) {
        ++statuses[fleet.at(i).status()];
        if (fleet.at(i).scheduler.latestInferenceResult == QLatin1String("ANOMALOUS"))
            ++anomalous;
    }
    QCOMPARE(statuses.size(), 4);
    QVERIFY2(statuses.value(QStringLiteral("RUNNING")) > 700, "mostly RUNNING");
    QVERIFY(statuses.value(QStringLiteral("STOPPED")) > 50);
    QVERIFY(statuses.value(QStringLiteral("PENDING")) > 10);
    QVERIFY(statuses.value(QStringLiteral("STOPPING")) > 10);
    QVERIFY(anomalous > 50 && anomalous < 300);
}

void TestFleetGenerator::variety_timeZonesFormatsDelimitersKeys()
{
    const Fleet fleet = generateFleet({ 1000, 5, QStringLiteral("us-east-1") }, kNow);
    QSet<QString> zones, formats, delimiters;
    int withServerKey = 0, withOutputKey = 0, withMicroseconds = 0;
    for (int i = 0; i < fleet.size(); ++i) {
        const lookout::InferenceScheduler &s = fleet.at(i).scheduler;
        zones.insert(*s.dataInputConfiguration->inputTimeZoneOffset);
        formats.insert(*s.dataInputConfiguration->inferenceInputNameConfiguration->timestampFormat);
        delimiters.insert(*s.dataInputConfiguration->inferenceInputNameConfiguration
                               ->componentTimestampDelimiter);
        withServerKey += s.serverSideKmsKeyId ? 1 : 0;
        withOutputKey += s.dataOutputConfiguration->kmsKeyId ? 1 : 0;
        withMicroseconds += s.createdAt->epochMicroseconds % 1000 != 0 ? 1 : 0;
    }
    QVERIFY(zones.contains(QStringLiteral("+05:30")));
    QVERIFY(zones.contains(QStringLiteral("-05:00")));
    QVERIFY(zones.contains(QStringLiteral("+00:00")));
    QCOMPARE(formats,
        (QSet<QString> { QStringLiteral("EPOCH"), QStringLiteral("yyyy-MM-dd-HH-mm-ss"),
            QStringLiteral("yyyyMMddHHmmss") }));
    QCOMPARE(delimiters,
        (QSet<QString> {
            QString(), QStringLiteral("-"), QStringLiteral("_"), QStringLiteral(" ") }));
    QVERIFY(withServerKey > 200 && withServerKey < 600);
    QVERIFY(withOutputKey > 150 && withOutputKey < 450);
    QVERIFY(withMicroseconds > 900);
}

void TestFleetGenerator::everySchedulersModel_isDescribed()
{
    const Fleet fleet = generateFleet({ 600, 9, QStringLiteral("us-east-1") }, kNow);
    for (int i = 0; i < fleet.size(); ++i) {
        const lookout::InferenceScheduler &s = fleet.at(i).scheduler;
        const emulator::ModelDescription *model = fleet.model(*s.modelName);
        QVERIFY2(model, qPrintable(*s.modelName));
        QCOMPARE(model->modelArn, *s.modelArn);
        QCOMPARE(fleet.at(i).modelVersion, *model->activeModelVersion);
        QVERIFY(model->schema && QJsonDocument::fromJson(model->schema->toUtf8()).isObject());
        QVERIFY(model->modelMetrics
            && QJsonDocument::fromJson(model->modelMetrics->toUtf8()).isObject());
        QVERIFY(*model->createdAt < s.createdAt->epochMicroseconds);
    }
}

void TestFleetGenerator::runHistory_matchesStatus()
{
    const Fleet fleet = generateFleet({ 800, 13, QStringLiteral("us-east-1") }, kNow);
    for (int i = 0; i < fleet.size(); ++i) {
        const emulator::SchedulerRecord &record = fleet.at(i);
        const QString status = record.status();
        for (const emulator::RunInterval &run : record.runs)
            QVERIFY(!run.end || run.start < *run.end);
        if (status == QLatin1String("RUNNING")) {
            QVERIFY(!record.runs.isEmpty() && !record.runs.last().end);
            QVERIFY(!record.transitionDue);
        } else if (status == QLatin1String("STOPPED")) {
            QVERIFY(!record.runs.isEmpty() && record.runs.last().end);
            QVERIFY(!record.transitionDue);
        } else {
            QVERIFY2(record.transitionDue && *record.transitionDue > kNow, qPrintable(status));
            QVERIFY(record.runs.isEmpty() || record.runs.last().end);
        }
    }
}

void TestFleetGenerator::tenThousandSchedulers_areGenerated()
{
    const Fleet fleet = generateFleet({ 10'000, 99, QStringLiteral("us-east-1") }, kNow);
    QCOMPARE(fleet.size(), 10'000);
    QVERIFY(fleet.modelCount() >= 16);
}

void TestFleetGenerator::sizeOutOfRange_isRejected()
{
    QCOMPARE(GeneratedFleetSpec({ 0, 1, QStringLiteral("us-east-1") }).validate(),
        QStringLiteral("fleet size must be within 1..100000, not 0"));
    QCOMPARE(GeneratedFleetSpec({ 100'001, 1, QStringLiteral("us-east-1") }).validate(),
        QStringLiteral("fleet size must be within 1..100000, not 100001"));
    QVERIFY(GeneratedFleetSpec({ 100'000, 1, QStringLiteral("us-east-1") }).validate().isEmpty());
}

QTEST_GUILESS_MAIN(TestFleetGenerator)
#include "tst_fleetgenerator.moc"
