#include "samplevalues.h"

#include <QFile>
#include <QTest>

namespace lookout::test {

InferenceScheduler fullScheduler()
{
    InferenceScheduler s;
    s.modelArn
        = QStringLiteral("arn:aws:lookoutequipment:eu-west-1:123456789012:model/"
                         "pump-station-7-bearing-vibration/6f1c2a9e-4b7d-4c1e-9a3f-2d8e5b7c9a10");
    s.modelName = QStringLiteral("pump-station-7-bearing-vibration");
    s.inferenceSchedulerName = QStringLiteral("pump-station-7-bearing-hourly");
    s.inferenceSchedulerArn
        = QStringLiteral("arn:aws:lookoutequipment:eu-west-1:123456789012:inference-scheduler/"
                         "pump-station-7-bearing-hourly/0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f");
    s.status = QString::fromLatin1(status::kRunning);
    s.dataDelayOffsetInMinutes = 5;
    s.dataUploadFrequency = QStringLiteral("PT1H");
    s.createdAt = Timestamp { 1'709'578'342'308'482 };
    s.updatedAt = Timestamp { 1'712'345'678'900'000 };
    InferenceInputConfiguration input;
    input.s3InputConfiguration = S3Location { QStringLiteral("acme-plant-telemetry-eu-west-1"),
        QStringLiteral("pump-station-7/inference/input/") };
    input.inputTimeZoneOffset = QStringLiteral("+01:00");
    input.inferenceInputNameConfiguration
        = InferenceInputNameConfiguration { QStringLiteral("yyyyMMddHHmmss"), QStringLiteral("_") };
    s.dataInputConfiguration = input;
    InferenceOutputConfiguration output;
    output.s3OutputConfiguration = S3Location { QStringLiteral("acme-plant-telemetry-eu-west-1"),
        QStringLiteral("pump-station-7/inference/output/") };
    output.kmsKeyId = QStringLiteral(
        "arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d");
    s.dataOutputConfiguration = output;
    s.roleArn = QStringLiteral("arn:aws:iam::123456789012:role/LookoutEquipmentInferenceAccess");
    s.serverSideKmsKeyId = QStringLiteral(
        "arn:aws:kms:eu-west-1:123456789012:key/9f8e7d6c-5b4a-3c2d-1e0f-a9b8c7d6e5f4");
    s.latestInferenceResult = QString::fromLatin1(result::kAnomalous);
    return s;
}

InferenceSchedulerSummary numberedSummary(int number)
{
    const QString name = QStringLiteral("scheduler-%1").arg(number, 5, 10, QLatin1Char('0'));
    InferenceSchedulerSummary s;
    s.modelName = QStringLiteral("model-%1").arg(number % 7);
    s.modelArn = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:model/%1/%2")
                     .arg(*s.modelName, QString::number(number));
    s.inferenceSchedulerName = name;
    s.inferenceSchedulerArn
        = QStringLiteral("arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/%1/x")
              .arg(name);
    s.status = QString::fromLatin1(number % 2 ? status::kRunning : status::kStopped);
    s.dataDelayOffsetInMinutes = number % 61;
    s.dataUploadFrequency = QStringLiteral("PT5M");
    s.latestInferenceResult
        = QString::fromLatin1(number % 3 ? result::kNormal : result::kAnomalous);
    return s;
}

InferenceExecutionSummary fullExecution()
{
    const InferenceScheduler scheduler = fullScheduler();
    InferenceExecutionSummary e;
    e.modelName = scheduler.modelName;
    e.modelArn = scheduler.modelArn;
    e.inferenceSchedulerName = scheduler.inferenceSchedulerName;
    e.inferenceSchedulerArn = scheduler.inferenceSchedulerArn;
    e.scheduledStartTime = Timestamp { 1'709'582'400'000'000 };
    e.dataStartTime = Timestamp { 1'709'578'800'000'000 };
    e.dataEndTime = Timestamp { 1'709'582'399'999'999 };
    e.dataInputConfiguration = scheduler.dataInputConfiguration;
    e.dataOutputConfiguration = scheduler.dataOutputConfiguration;
    e.customerResultObject = S3Object { QStringLiteral("acme-plant-telemetry-eu-west-1"),
        QStringLiteral("pump-station-7/inference/output/2024-03-04-20-00-00/results.jsonl") };
    e.status = QStringLiteral("FAILED");
    e.failedReason
        = QStringLiteral("Input file \"pump-7.csv\" has no TIMESTAMP column.\nSee the data guide.");
    e.modelVersion = 3;
    e.modelVersionArn = QStringLiteral("arn:aws:lookoutequipment:eu-west-1:123456789012:model/"
                                       "pump-station-7-bearing-vibration/6f1c2a9e/model-version/3");
    return e;
}

QByteArray testData(const QString &fileName)
{
    QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/lookout/") + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(
            qPrintable(
                QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString())),
            __FILE__, __LINE__);
        return {};
    }
    return file.readAll();
}

} // namespace lookout::test
