// SchedulerDetailsModel: groups and fields, every role, absent members, in-place updates, and
// QAbstractItemModelTester throughout.
#include "clienttestdoubles.h"
#include "lookout/jsoncodec.h"
#include "models/schedulerdetailsmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using models::SchedulerDetailsModel;

namespace {

lookout::InferenceScheduler loadScheduler(const QString &fileName)
{
    QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/details/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    const auto decoded = lookout::json::decodeCliDescribeInferenceScheduler(file.readAll());
    if (!decoded.ok())
        qFatal("%s: %s", qPrintable(fileName), qPrintable(decoded.error().toString()));
    return decoded.value();
}

const QDateTime kNow = QDateTime(QDate(2024, 3, 4), QTime(18, 55, 23), Qt::UTC);

} // namespace

class TestSchedulerDetailsModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void empty_hasNoRows();
    void groups_inFormOrderWithTheirFields();
    void fields_coverEveryMember();
    void fullScheduler_displayText_data();
    void fullScheduler_displayText();
    void fullScheduler_copyText_data();
    void fullScheduler_copyText();
    void rawValues_areTheMembersAsSent();
    void kinds_andBadges();
    void times_haveUtcAndAgeInTooltip();
    void frequency_tooltipIsTheRawValue();
    void absentMembers_sayNotSetAndCopyNothing();
    void delimiters_areNamed_data();
    void delimiters_areNamed();
    void accessibleText_namesFieldAndValue();
    void update_emitsDataChangedForChangedRowsOnly();
    void update_withSameValue_emitsNothing();
    void stale_isReportedOnEveryRow();
    void clear_resetsToEmpty();
    void fieldIndex_unknownIdIsInvalid();
    void flags_areReadOnly();

private:
    std::shared_ptr<core::ManualClock> m_clock;
    SchedulerDetailsModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestSchedulerDetailsModel::init()
{
    m_clock = std::make_shared<core::ManualClock>(kNow);
    m_model = new SchedulerDetailsModel(m_clock);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSchedulerDetailsModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestSchedulerDetailsModel::empty_hasNoRows()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), 2);
    QVERIFY(!m_model->scheduler());
    QVERIFY(!m_model->fieldIndex(QStringLiteral("schedulerArn")).isValid());
}

void TestSchedulerDetailsModel::groups_inFormOrderWithTheirFields()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json")));
    QCOMPARE(m_model->rowCount(), 5);
    const QStringList titles = { QStringLiteral("Overview"), QStringLiteral("Schedule"),
        QStringLiteral("Input data"), QStringLiteral("Output data"), QStringLiteral("Security") };
    const QList<QStringList> members = {
        { QStringLiteral("schedulerName"), QStringLiteral("schedulerArn"), QStringLiteral("status"),
            QStringLiteral("latestInferenceResult"), QStringLiteral("modelName"),
            QStringLiteral("modelArn"), QStringLiteral("createdAt"), QStringLiteral("updatedAt") },
        { QStringLiteral("dataUploadFrequency"), QStringLiteral("dataDelayOffset") },
        { QStringLiteral("inputLocation"), QStringLiteral("inputTimeZoneOffset"),
            QStringLiteral("timestampFormat"), QStringLiteral("componentTimestampDelimiter") },
        { QStringLiteral("outputLocation"), QStringLiteral("outputKmsKey") },
        { QStringLiteral("roleArn"), QStringLiteral("serverSideKmsKey") },
    };
    for (int group = 0; group < 5; ++group) {
        const QModelIndex groupIndex = m_model->index(group, 0);
        QCOMPARE(groupIndex.data().toString(), titles[group]);
        QCOMPARE(m_model->rowCount(groupIndex), members[group].size());
        QCOMPARE(m_model->rowCount(m_model->index(group, 1)), 0);
        for (int row = 0; row < members[group].size(); ++row) {
            const QModelIndex field = m_model->index(row, 0, groupIndex);
            QCOMPARE(field.data(models::FieldIdRole).toString(), members[group][row]);
            QCOMPARE(field.parent(), groupIndex);
            QCOMPARE(m_model->rowCount(field), 0);
        }
    }
}

void TestSchedulerDetailsModel::fields_coverEveryMember()
{
    const QList<SchedulerDetailsModel::Field> fields = SchedulerDetailsModel::fields();
    QCOMPARE(fields.size(), 18);
    QStringList labels;
    for (const SchedulerDetailsModel::Field &field : fields) {
        QVERIFY(!field.label.isEmpty());
        QVERIFY(!field.sentenceName.isEmpty());
        labels << field.label;
    }
    QCOMPARE(labels,
        (QStringList { QStringLiteral("Scheduler name"), QStringLiteral("Scheduler ARN"),
            QStringLiteral("Status"), QStringLiteral("Latest result"), QStringLiteral("Model name"),
            QStringLiteral("Model ARN"), QStringLiteral("Created"), QStringLiteral("Last updated"),
            QStringLiteral("Upload frequency"), QStringLiteral("Delay offset"),
            QStringLiteral("Input location"), QStringLiteral("Time zone offset"),
            QStringLiteral("Timestamp format"), QStringLiteral("Timestamp delimiter"),
            QStringLiteral("Output location"), QStringLiteral("Output KMS key"),
            QStringLiteral("IAM role ARN"), QStringLiteral("Server-side KMS key") }));
}

void TestSchedulerDetailsModel::fullScheduler_displayText_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("display");
    QTest::newRow("name") << "schedulerName"
                          << "Scheduler name"
                          << "pump-station-7-bearing-hourly";
    QTest::newRow("arn") << "schedulerArn"
                         << "Scheduler ARN"
                         << "arn:aws:lookoutequipment:eu-west-1:123456789012:inference-scheduler/"
                            "pump-station-7-bearing-hourly/0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f";
    QTest::newRow("status") << "status"
                            << "Status"
                            << "RUNNING";
    QTest::newRow("result") << "latestInferenceResult"
                            << "Latest result"
                            << "ANOMALOUS";
    QTest::newRow("model") << "modelName"
                           << "Model name"
                           << "pump-station-7-bearing-vibration";
    QTest::newRow("model arn")
        << "modelArn"
        << "Model ARN"
        << "arn:aws:lookoutequipment:eu-west-1:123456789012:model/"
           "pump-station-7-bearing-vibration/6f1c2a9e-4b7d-4c1e-9a3f-2d8e5b7c9a10";
    QTest::newRow("created") << "createdAt"
                             << "Created"
                             << "2024-03-04 19:52:22 CET";
    QTest::newRow("updated") << "updatedAt"
                             << "Last updated"
                             << "2024-04-05 21:34:38 CEST";
    QTest::newRow("frequency") << "dataUploadFrequency"
                               << "Upload frequency"
                               << "Every hour";
    QTest::newRow("delay") << "dataDelayOffset"
                           << "Delay offset"
                           << "5 minutes";
    QTest::newRow("input") << "inputLocation"
                           << "Input location"
                           << "s3://acme-plant-telemetry-eu-west-1/pump-station-7/inference/input/";
    QTest::newRow("zone") << "inputTimeZoneOffset"
                          << "Time zone offset"
                          << "+01:00";
    QTest::newRow("format") << "timestampFormat"
                            << "Timestamp format"
                            << "yyyyMMddHHmmss";
    QTest::newRow("delimiter") << "componentTimestampDelimiter"
                               << "Timestamp delimiter"
                               << "underscore (_)";
    QTest::newRow("output")
        << "outputLocation"
        << "Output location"
        << "s3://acme-plant-telemetry-eu-west-1/pump-station-7/inference/output/";
    QTest::newRow("output kms")
        << "outputKmsKey"
        << "Output KMS key"
        << "arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";
    QTest::newRow("role") << "roleArn"
                          << "IAM role ARN"
                          << "arn:aws:iam::123456789012:role/LookoutEquipmentInferenceAccess";
    QTest::newRow("kms")
        << "serverSideKmsKey"
        << "Server-side KMS key"
        << "arn:aws:kms:eu-west-1:123456789012:key/9f8e7d6c-5b4a-3c2d-1e0f-a9b8c7d6e5f4";
}

void TestSchedulerDetailsModel::fullScheduler_displayText()
{
    QFETCH(QString, field);
    QFETCH(QString, label);
    QFETCH(QString, display);
    m_model->setScheduler(loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json")));
    QCOMPARE(
        m_model->fieldIndex(field, SchedulerDetailsModel::LabelColumn).data().toString(), label);
    QCOMPARE(m_model->fieldIndex(field).data().toString(), display);
    QCOMPARE(m_model->fieldData(field, models::AbsentRole).toBool(), false);
}

void TestSchedulerDetailsModel::fullScheduler_copyText_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("copy");
    QTest::newRow("arn") << "schedulerArn"
                         << "arn:aws:lookoutequipment:eu-west-1:123456789012:inference-scheduler/"
                            "pump-station-7-bearing-hourly/0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f";
    QTest::newRow("status") << "status"
                            << "RUNNING";
    QTest::newRow("created") << "createdAt"
                             << "2024-03-04T18:52:22.308482+00:00";
    QTest::newRow("updated") << "updatedAt"
                             << "2024-04-05T19:34:38.900000+00:00";
    QTest::newRow("frequency") << "dataUploadFrequency"
                               << "PT1H";
    QTest::newRow("delay") << "dataDelayOffset"
                           << "5";
    QTest::newRow("input") << "inputLocation"
                           << "s3://acme-plant-telemetry-eu-west-1/pump-station-7/inference/input/";
    QTest::newRow("delimiter") << "componentTimestampDelimiter"
                               << "_";
    QTest::newRow("zone") << "inputTimeZoneOffset"
                          << "+01:00";
}

void TestSchedulerDetailsModel::fullScheduler_copyText()
{
    QFETCH(QString, field);
    QFETCH(QString, copy);
    m_model->setScheduler(loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json")));
    QCOMPARE(m_model->fieldData(field, models::CopyTextRole).toString(), copy);
    // The same on the label column, so a copy action works wherever the index points.
    QCOMPARE(m_model->fieldIndex(field, SchedulerDetailsModel::LabelColumn)
                 .data(models::CopyTextRole)
                 .toString(),
        copy);
}

void TestSchedulerDetailsModel::rawValues_areTheMembersAsSent()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json")));
    QCOMPARE(m_model->fieldData(QStringLiteral("dataDelayOffset"), models::RawValueRole),
        QVariant(qint64(5)));
    QCOMPARE(m_model->fieldData(QStringLiteral("dataUploadFrequency"), models::RawValueRole),
        QVariant(QStringLiteral("PT1H")));
    const QDateTime created
        = m_model->fieldData(QStringLiteral("createdAt"), models::RawValueRole).toDateTime();
    QCOMPARE(created, QDateTime(QDate(2024, 3, 4), QTime(18, 52, 22, 308), Qt::UTC));
    QCOMPARE(created.timeSpec(), Qt::UTC);
    QVERIFY(
        !m_model->fieldData(QStringLiteral("status"), models::RawValueRole).toString().isEmpty());
}

void TestSchedulerDetailsModel::kinds_andBadges()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json")));
    const auto kind = [this](const char *field) {
        return static_cast<models::FieldKind>(
            m_model->fieldData(QLatin1String(field), models::FieldKindRole).toInt());
    };
    QCOMPARE(kind("schedulerArn"), models::FieldKind::Arn);
    QCOMPARE(kind("modelArn"), models::FieldKind::Arn);
    QCOMPARE(kind("roleArn"), models::FieldKind::Arn);
    QCOMPARE(kind("outputKmsKey"), models::FieldKind::Arn);
    QCOMPARE(kind("inputLocation"), models::FieldKind::S3Location);
    QCOMPARE(kind("outputLocation"), models::FieldKind::S3Location);
    QCOMPARE(kind("status"), models::FieldKind::Status);
    QCOMPARE(kind("latestInferenceResult"), models::FieldKind::Status);
    QCOMPARE(kind("createdAt"), models::FieldKind::Time);
    QCOMPARE(kind("schedulerName"), models::FieldKind::Plain);
    QCOMPARE(m_model->fieldData(QStringLiteral("status"), models::BadgeValueRole).toString(),
        QStringLiteral("RUNNING"));
    QCOMPARE(m_model->fieldData(QStringLiteral("latestInferenceResult"), models::BadgeValueRole)
                 .toString(),
        QStringLiteral("ANOMALOUS"));
    QVERIFY(!m_model->fieldData(QStringLiteral("schedulerArn"), models::BadgeValueRole).isValid());
}

void TestSchedulerDetailsModel::times_haveUtcAndAgeInTooltip()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json")));
    QCOMPARE(m_model->fieldData(QStringLiteral("createdAt"), Qt::ToolTipRole).toString(),
        QStringLiteral("2024-03-04 18:52:22 UTC, 3 min ago"));
    // The age is computed when asked: it follows the clock.
    m_clock->advance(std::chrono::hours(2));
    QCOMPARE(m_model->fieldData(QStringLiteral("createdAt"), Qt::ToolTipRole).toString(),
        QStringLiteral("2024-03-04 18:52:22 UTC, 2 h ago"));
}

void TestSchedulerDetailsModel::frequency_tooltipIsTheRawValue()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("chiller-07.json")));
    QCOMPARE(m_model->fieldIndex(QStringLiteral("dataUploadFrequency")).data().toString(),
        QStringLiteral("Every 5 minutes"));
    QCOMPARE(m_model->fieldData(QStringLiteral("dataUploadFrequency"), Qt::ToolTipRole).toString(),
        QStringLiteral("PT5M"));
    QCOMPARE(m_model->fieldIndex(QStringLiteral("dataDelayOffset")).data().toString(),
        QStringLiteral("10 minutes"));
}

void TestSchedulerDetailsModel::absentMembers_sayNotSetAndCopyNothing()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("chiller-07.json")));
    for (const char *field : { "latestInferenceResult", "timestampFormat",
             "componentTimestampDelimiter", "outputKmsKey", "serverSideKmsKey" }) {
        const QString id = QLatin1String(field);
        QVERIFY2(m_model->fieldData(id, models::AbsentRole).toBool(), field);
        QCOMPARE(m_model->fieldIndex(id).data().toString(), QStringLiteral("not set"));
        QCOMPARE(m_model->fieldData(id, models::CopyTextRole).toString(), QString());
        QVERIFY(!m_model->fieldData(id, models::RawValueRole).isValid());
        QVERIFY(!m_model->fieldData(id, Qt::ToolTipRole).toString().isEmpty());
    }
    QCOMPARE(m_model->fieldData(QStringLiteral("latestInferenceResult"), models::BadgeValueRole)
                 .toString(),
        QString());
    // A bucket without a prefix is still a location.
    QCOMPARE(m_model->fieldIndex(QStringLiteral("inputLocation")).data().toString(),
        QStringLiteral("s3://riverside-sensor-data-us-east-1/"));

    // A scheduler with nothing but its name: every other field says "not set".
    lookout::InferenceScheduler bare;
    bare.inferenceSchedulerName = QStringLiteral("bare");
    m_model->setScheduler(bare);
    int absent = 0;
    for (const SchedulerDetailsModel::Field &field : SchedulerDetailsModel::fields())
        absent += m_model->fieldData(field.id, models::AbsentRole).toBool() ? 1 : 0;
    QCOMPARE(absent, 17);
}

void TestSchedulerDetailsModel::delimiters_areNamed_data()
{
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QString>("named");
    QTest::newRow("underscore") << "_"
                                << "underscore (_)";
    QTest::newRow("hyphen") << "-"
                            << "hyphen (-)";
    QTest::newRow("space") << " "
                           << "space";
    QTest::newRow("none") << ""
                          << "none";
    QTest::newRow("unknown") << "." << QStringLiteral("\u201c.\u201d");
}

void TestSchedulerDetailsModel::delimiters_areNamed()
{
    QFETCH(QString, delimiter);
    QFETCH(QString, named);
    lookout::InferenceScheduler scheduler;
    scheduler.dataInputConfiguration = lookout::InferenceInputConfiguration {};
    scheduler.dataInputConfiguration->inferenceInputNameConfiguration
        = lookout::InferenceInputNameConfiguration {};
    scheduler.dataInputConfiguration->inferenceInputNameConfiguration->componentTimestampDelimiter
        = delimiter;
    m_model->setScheduler(scheduler);
    QCOMPARE(m_model->fieldIndex(QStringLiteral("componentTimestampDelimiter")).data().toString(),
        named);
    QCOMPARE(m_model->fieldData(QStringLiteral("componentTimestampDelimiter"), models::CopyTextRole)
                 .toString(),
        delimiter);
    QCOMPARE(m_model->fieldData(QStringLiteral("componentTimestampDelimiter"), models::AbsentRole)
                 .toBool(),
        false);
}

void TestSchedulerDetailsModel::accessibleText_namesFieldAndValue()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("chiller-07.json")));
    QCOMPARE(m_model->fieldData(QStringLiteral("status"), models::AccessibleTextRole).toString(),
        QStringLiteral("Status: PENDING"));
    QCOMPARE(
        m_model->fieldData(QStringLiteral("outputKmsKey"), models::AccessibleTextRole).toString(),
        QStringLiteral("Output KMS key: not set"));
    QCOMPARE(m_model->fieldData(QStringLiteral("dataUploadFrequency"), Qt::AccessibleTextRole)
                 .toString(),
        QStringLiteral("Upload frequency: Every 5 minutes"));
}

void TestSchedulerDetailsModel::update_emitsDataChangedForChangedRowsOnly()
{
    lookout::InferenceScheduler scheduler
        = loadScheduler(QStringLiteral("pump-station-7-bearing-hourly.json"));
    m_model->setScheduler(scheduler);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    scheduler.status = QStringLiteral("STOPPING");
    scheduler.latestInferenceResult.reset();
    m_model->setScheduler(scheduler);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 2);
    QStringList ids;
    for (const QList<QVariant> &signal : changed) {
        const QModelIndex topLeft = signal[0].toModelIndex();
        const QModelIndex bottomRight = signal[1].toModelIndex();
        QCOMPARE(topLeft.row(), bottomRight.row());
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), 1);
        ids << topLeft.data(models::FieldIdRole).toString();
    }
    QCOMPARE(
        ids, (QStringList { QStringLiteral("status"), QStringLiteral("latestInferenceResult") }));
    QCOMPARE(m_model->fieldIndex(QStringLiteral("latestInferenceResult")).data().toString(),
        QStringLiteral("not set"));
}

void TestSchedulerDetailsModel::update_withSameValue_emitsNothing()
{
    const lookout::InferenceScheduler scheduler
        = loadScheduler(QStringLiteral("press-line-2-feeder.json"));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setScheduler(scheduler);
    QCOMPARE(reset.size(), 1);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setScheduler(scheduler);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(reset.size(), 1);
}

void TestSchedulerDetailsModel::stale_isReportedOnEveryRow()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("press-line-2-feeder.json")));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setStale(true);
    QVERIFY(m_model->isStale());
    QCOMPARE(changed.size(), 10); // each group row, and each group's fields as one range
    for (const SchedulerDetailsModel::Field &field : SchedulerDetailsModel::fields())
        QVERIFY(m_model->fieldData(field.id, models::StaleRole).toBool());
    m_model->setStale(true);
    QCOMPARE(changed.size(), 10);
    m_model->setStale(false);
    QVERIFY(!m_model->fieldData(QStringLiteral("status"), models::StaleRole).toBool());
}

void TestSchedulerDetailsModel::clear_resetsToEmpty()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("press-line-2-feeder.json")));
    m_model->setStale(true);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->isStale());
    m_model->clear();
    QCOMPARE(reset.size(), 1);
    // After a clear, a new value shows everything again.
    m_model->setScheduler(loadScheduler(QStringLiteral("chiller-07.json")));
    QCOMPARE(m_model->fieldIndex(QStringLiteral("schedulerName")).data().toString(),
        QStringLiteral("chiller-07"));
}

void TestSchedulerDetailsModel::fieldIndex_unknownIdIsInvalid()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("chiller-07.json")));
    QVERIFY(!m_model->fieldIndex(QStringLiteral("noSuchField")).isValid());
    QVERIFY(!m_model->fieldIndex(QStringLiteral("status"), 2).isValid());
    QVERIFY(!m_model->fieldData(QStringLiteral("noSuchField"), Qt::DisplayRole).isValid());
}

void TestSchedulerDetailsModel::flags_areReadOnly()
{
    m_model->setScheduler(loadScheduler(QStringLiteral("chiller-07.json")));
    const Qt::ItemFlags flags = m_model->flags(m_model->fieldIndex(QStringLiteral("status")));
    QVERIFY(flags.testFlag(Qt::ItemIsEnabled));
    QVERIFY(!flags.testFlag(Qt::ItemIsEditable));
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Field"));
    QCOMPARE(m_model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Value"));
}

QTEST_GUILESS_MAIN(TestSchedulerDetailsModel)
#include "tst_schedulerdetailsmodel.moc"
