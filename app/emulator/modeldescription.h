#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace emulator {

// The DescribeModel members the emulator serves for one model. Times are epoch microseconds.
// Generated fleets fill nearly every member; models inferred from archived schedulers only what
// the archive tells (name, ARN, role, key).
struct ModelDescription {
    QString modelName;
    QString modelArn;
    std::optional<QString> datasetName;
    std::optional<QString> datasetArn;
    std::optional<QString> schema; // InlineDataSchema, a JSON document as a string
    std::optional<QString> labelsBucket; // LabelsInputConfiguration.S3InputConfiguration
    std::optional<QString> labelsPrefix;
    std::optional<qint64> trainingDataStartTime;
    std::optional<qint64> trainingDataEndTime;
    std::optional<qint64> evaluationDataStartTime;
    std::optional<qint64> evaluationDataEndTime;
    std::optional<QString> roleArn;
    std::optional<QString> targetSamplingRate; // DataPreProcessingConfiguration
    QString status = QStringLiteral("SUCCESS");
    std::optional<qint64> trainingExecutionStartTime;
    std::optional<qint64> trainingExecutionEndTime;
    std::optional<QString> modelMetrics; // a JSON document as a string
    std::optional<qint64> lastUpdatedTime;
    std::optional<qint64> createdAt;
    std::optional<QString> serverSideKmsKeyId;
    std::optional<QString> offCondition;
    std::optional<qint64> activeModelVersion;
    std::optional<qint64> modelVersionActivatedAt;
    std::optional<qint64> previousActiveModelVersion;
    std::optional<qint64> previousModelVersionActivatedAt;
    std::optional<QString> retrainingSchedulerStatus;
    std::optional<QString> modelQuality;
    std::optional<qint64> accumulatedInferenceDataStartTime;
    std::optional<qint64> accumulatedInferenceDataEndTime;

    // "<ModelArn>/model-version/<n>".
    QString versionArn(qint64 version) const;
};

// The DescribeModelResponse body (wire form: timestamps as epoch seconds).
QByteArray encodeDescribeModel(const ModelDescription &model);

} // namespace emulator
