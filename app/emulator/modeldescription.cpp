#include "emulator/modeldescription.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace emulator {

namespace {

void put(QJsonObject &object, const char *member, const std::optional<QString> &value)
{
    if (value)
        object.insert(QLatin1String(member), *value);
}

void putTime(QJsonObject &object, const char *member, const std::optional<qint64> &micros)
{
    if (micros)
        object.insert(QLatin1String(member), static_cast<double>(*micros) / 1e6);
}

void putInteger(QJsonObject &object, const char *member, const std::optional<qint64> &value)
{
    if (value)
        object.insert(QLatin1String(member), static_cast<double>(*value));
}

} // namespace

QString ModelDescription::versionArn(qint64 version) const
{
    return modelArn + QLatin1String("/model-version/") + QString::number(version);
}

QByteArray encodeDescribeModel(const ModelDescription &model)
{
    QJsonObject object;
    object.insert(QLatin1String("ModelName"), model.modelName);
    object.insert(QLatin1String("ModelArn"), model.modelArn);
    put(object, "DatasetName", model.datasetName);
    put(object, "DatasetArn", model.datasetArn);
    put(object, "Schema", model.schema);
    if (model.labelsBucket) {
        QJsonObject s3 { { QLatin1String("Bucket"), *model.labelsBucket } };
        put(s3, "Prefix", model.labelsPrefix);
        object.insert(QLatin1String("LabelsInputConfiguration"),
            QJsonObject { { QLatin1String("S3InputConfiguration"), s3 } });
    }
    putTime(object, "TrainingDataStartTime", model.trainingDataStartTime);
    putTime(object, "TrainingDataEndTime", model.trainingDataEndTime);
    putTime(object, "EvaluationDataStartTime", model.evaluationDataStartTime);
    putTime(object, "EvaluationDataEndTime", model.evaluationDataEndTime);
    put(object, "RoleArn", model.roleArn);
    if (model.targetSamplingRate) {
        object.insert(QLatin1String("DataPreProcessingConfiguration"),
            QJsonObject { { QLatin1String("TargetSamplingRate"), *model.targetSamplingRate } });
    }
    object.insert(QLatin1String("Status"), model.status);
    putTime(object, "TrainingExecutionStartTime", model.trainingExecutionStartTime);
    putTime(object, "TrainingExecutionEndTime", model.trainingExecutionEndTime);
    put(object, "ModelMetrics", model.modelMetrics);
    putTime(object, "LastUpdatedTime", model.lastUpdatedTime);
    putTime(object, "CreatedAt", model.createdAt);
    put(object, "ServerSideKmsKeyId", model.serverSideKmsKeyId);
    put(object, "OffCondition", model.offCondition);
    if (model.activeModelVersion) {
        putInteger(object, "ActiveModelVersion", model.activeModelVersion);
        object.insert(
            QLatin1String("ActiveModelVersionArn"), model.versionArn(*model.activeModelVersion));
    }
    putTime(object, "ModelVersionActivatedAt", model.modelVersionActivatedAt);
    if (model.previousActiveModelVersion) {
        putInteger(object, "PreviousActiveModelVersion", model.previousActiveModelVersion);
        object.insert(QLatin1String("PreviousActiveModelVersionArn"),
            model.versionArn(*model.previousActiveModelVersion));
    }
    putTime(object, "PreviousModelVersionActivatedAt", model.previousModelVersionActivatedAt);
    put(object, "RetrainingSchedulerStatus", model.retrainingSchedulerStatus);
    put(object, "ModelQuality", model.modelQuality);
    putTime(object, "AccumulatedInferenceDataStartTime", model.accumulatedInferenceDataStartTime);
    putTime(object, "AccumulatedInferenceDataEndTime", model.accumulatedInferenceDataEndTime);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace emulator
