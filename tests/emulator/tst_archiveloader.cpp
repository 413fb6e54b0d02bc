// `--from DIR`: saved describe-inference-scheduler outputs become a fleet; every bad file is
// reported with its path and reason while the good ones are served.
#include "emulator/archiveloader.h"
#include "emulator/executionhistory.h"
#include "lookout/jsoncodec.h"

#include <QtTest>

#include <memory>
#include <sys/stat.h>

using emulator::ArchiveLoad;
using emulator::loadArchive;

namespace {

const QString kData = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/emulator");
const QDateTime kNow(QDate(2026, 3, 4), QTime(10, 0, 0), Qt::UTC);
constexpr qint64 kNowMicros = 1'772'618'400'000'000; // kNow

QString problemFor(const ArchiveLoad &load, const QString &fileName)
{
    for (const emulator::ArchiveProblem &problem : load.problems) {
        if (QFileInfo(problem.path).fileName() == fileName)
            return problem.reason;
    }
    return {};
}

} // namespace

class TestArchiveLoader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void mixedDirectory_servesGoodFiles_reportsEachBadOne();
    void archivedValues_areServedVerbatim();
    void archivedStatuses_getHistoryAndTransitions();
    void modelsAreInferredFromSchedulers();
    void allBadDirectory_isAnError_withEveryProblem();
    void emptyDirectory_isAnError();
    void missingDirectory_isAnError();
    void fileIsNotADirectory_isAnError();
    void oversizedFile_isSkipped();
    void linksLeavingTheDirectory_areRefused();
    void specialEntries_areNamedWithWhy();
    void controlCharactersInNames_areReplaced();
};

void TestArchiveLoader::initTestCase()
{
    QCOMPARE(kNow.toMSecsSinceEpoch() * 1000, kNowMicros);
}

void TestArchiveLoader::mixedDirectory_servesGoodFiles_reportsEachBadOne()
{
    const ArchiveLoad load = loadArchive(kData + QLatin1String("/archive-mixed"), kNowMicros);
    QVERIFY2(load.fleet, qPrintable(load.error));
    QVERIFY(load.error.isEmpty());
    QCOMPARE(load.fleet->size(), 3);
    QCOMPARE(load.fleet->at(0).name(), QStringLiteral("chiller-07"));
    QCOMPARE(load.fleet->at(1).name(), QStringLiteral("conveyor-12-drive"));
    QCOMPARE(load.fleet->at(2).name(), QStringLiteral("kiln-3-burner"));

    QCOMPARE(load.problems.size(), 5);
    for (const emulator::ArchiveProblem &problem : load.problems)
        QVERIFY2(problem.path.startsWith(kData + QLatin1String("/archive-mixed/")),
            qPrintable(problem.path));
    QVERIFY(!problemFor(load, QStringLiteral("broken-truncated.json")).isEmpty());
    QVERIFY2(problemFor(load, QStringLiteral("wrong-type.json"))
                 .contains(QLatin1String("DataInputConfiguration.S3InputConfiguration.Bucket")),
        qPrintable(problemFor(load, QStringLiteral("wrong-type.json"))));
    QCOMPARE(problemFor(load, QStringLiteral("missing-name.json")),
        QStringLiteral("InferenceSchedulerName is missing"));
    QCOMPARE(problemFor(load, QStringLiteral("bad-name.json")),
        QStringLiteral(
            "InferenceSchedulerName 'chiller 07' does not match ^[0-9a-zA-Z_-]{1,200}$"));
    QCOMPARE(problemFor(load, QStringLiteral("zz-kiln-3-burner-copy.json")),
        QStringLiteral("InferenceSchedulerName 'kiln-3-burner' was already loaded from ") + kData
            + QLatin1String("/archive-mixed/kiln-3-burner.json"));
    QVERIFY(problemFor(load, QStringLiteral("README.txt")).isEmpty());
}

void TestArchiveLoader::archivedValues_areServedVerbatim()
{
    const ArchiveLoad load = loadArchive(kData + QLatin1String("/archive-mixed"), kNowMicros);
    QVERIFY(load.fleet);
    QFile file(kData + QLatin1String("/archive-mixed/conveyor-12-drive.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto archived = lookout::json::decodeCliDescribeInferenceScheduler(file.readAll());
    QVERIFY(archived);
    const lookout::InferenceScheduler &served
        = load.fleet->at(load.fleet->indexOf(QStringLiteral("conveyor-12-drive"))).scheduler;
    QCOMPARE(served, archived.value());
    QCOMPARE(served.createdAt->epochMicroseconds % 1'000'000, 118'265); // microseconds kept
    QCOMPARE(served.dataInputConfiguration->inputTimeZoneOffset, QStringLiteral("+05:30"));
}

void TestArchiveLoader::archivedStatuses_getHistoryAndTransitions()
{
    emulator::TransitionDurations durations;
    durations.pendingMicros = 2'000'000;
    const ArchiveLoad load
        = loadArchive(kData + QLatin1String("/archive-mixed"), kNowMicros, durations);
    QVERIFY(load.fleet);
    emulator::Fleet fleet = *load.fleet;

    const emulator::SchedulerRecord &running
        = fleet.at(fleet.indexOf(QStringLiteral("conveyor-12-drive")));
    const emulator::ExecutionSlice executions
        = emulator::listExecutions(running, {}, std::nullopt, 5, kNowMicros);
    QCOMPARE(executions.executions.size(), 5);
    QVERIFY(executions.continueBefore);
    QCOMPARE(
        executions.executions.first().inferenceSchedulerName, QStringLiteral("conveyor-12-drive"));

    const emulator::SchedulerRecord &stopped
        = fleet.at(fleet.indexOf(QStringLiteral("kiln-3-burner")));
    const emulator::ExecutionSlice stoppedHistory
        = emulator::listExecutions(stopped, {}, std::nullopt, 1, kNowMicros);
    QCOMPARE(stoppedHistory.executions.size(), 1);
    QVERIFY(stoppedHistory.executions.first().scheduledStartTime->epochMicroseconds
        <= stopped.scheduler.updatedAt->epochMicroseconds);

    const int pending = fleet.indexOf(QStringLiteral("chiller-07"));
    fleet.applyTransitions(kNowMicros + 1'999'999);
    QCOMPARE(fleet.at(pending).status(), QStringLiteral("PENDING"));
    fleet.applyTransitions(kNowMicros + 2'000'000);
    QCOMPARE(fleet.at(pending).status(), QStringLiteral("RUNNING"));
}

void TestArchiveLoader::modelsAreInferredFromSchedulers()
{
    const ArchiveLoad load = loadArchive(kData + QLatin1String("/archive-mixed"), kNowMicros);
    QVERIFY(load.fleet);
    QCOMPARE(load.fleet->modelCount(), 3);
    const emulator::ModelDescription *model
        = load.fleet->model(QStringLiteral("kiln-model-v1-tuned"));
    QVERIFY(model);
    QCOMPARE(model->modelArn,
        QStringLiteral("arn:aws:lookoutequipment:ap-south-1:210987654321:model/kiln-model-v1-tuned/"
                       "5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f"));
    QCOMPARE(model->roleArn,
        QStringLiteral("arn:aws:iam::210987654321:role/service-role/AmazonLookoutEquipmentRole"));
    QCOMPARE(model->status, QStringLiteral("SUCCESS"));
}

void TestArchiveLoader::allBadDirectory_isAnError_withEveryProblem()
{
    const QString directory = kData + QLatin1String("/archive-bad");
    const ArchiveLoad load = loadArchive(directory, kNowMicros);
    QVERIFY(!load.fleet);
    QCOMPARE(load.error,
        directory
            + QLatin1String(": none of the 3 *.json files holds a usable "
                            "describe-inference-scheduler output"));
    QCOMPARE(load.problems.size(), 3);
    QVERIFY(!problemFor(load, QStringLiteral("array.json")).isEmpty());
}

void TestArchiveLoader::emptyDirectory_isAnError()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const ArchiveLoad load = loadArchive(directory.path(), kNowMicros);
    QVERIFY(!load.fleet);
    QVERIFY2(load.error.startsWith(directory.path() + QLatin1String(": no *.json files")),
        qPrintable(load.error));
}

void TestArchiveLoader::missingDirectory_isAnError()
{
    const QString path = kData + QLatin1String("/no-such-archive");
    const ArchiveLoad load = loadArchive(path, kNowMicros);
    QVERIFY(!load.fleet);
    QCOMPARE(load.error, path + QLatin1String(": no such directory"));
}

void TestArchiveLoader::fileIsNotADirectory_isAnError()
{
    const QString path = kData + QLatin1String("/SOURCE.md");
    const ArchiveLoad load = loadArchive(path, kNowMicros);
    QVERIFY(!load.fleet);
    QCOMPARE(load.error, path + QLatin1String(": not a directory"));
}

void TestArchiveLoader::oversizedFile_isSkipped()
{
    QTemporaryDir directory;
    QVERIFY(QFile::copy(kData + QLatin1String("/archive-mixed/kiln-3-burner.json"),
        directory.filePath(QStringLiteral("kiln.json"))));
    QFile huge(directory.filePath(QStringLiteral("huge.json")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    huge.write("{\"InferenceSchedulerName\": \"huge\", \"Padding\": \""
        + QByteArray(2 * 1024 * 1024, 'x') + "\"}");
    huge.close();
    const ArchiveLoad load = loadArchive(directory.path(), kNowMicros);
    QVERIFY(load.fleet);
    QCOMPARE(load.fleet->size(), 1);
    QCOMPARE(load.problems.size(), 1);
    QCOMPARE(load.problems.first().path, huge.fileName());
    QCOMPARE(load.problems.first().reason, QStringLiteral("is larger than 1 MiB"));
}

namespace {

// A directory holding one good archive file, kiln.json.
std::unique_ptr<QTemporaryDir> archiveWithOneGoodFile()
{
    auto directory = std::make_unique<QTemporaryDir>();
    if (!QFile::copy(kData + QLatin1String("/archive-mixed/kiln-3-burner.json"),
            directory->filePath(QStringLiteral("kiln.json"))))
        qFatal("cannot copy the archive file");
    return directory;
}

} // namespace

// A link named *.json that points outside DIR was opened, and its text quoted in the problem.
void TestArchiveLoader::linksLeavingTheDirectory_areRefused()
{
    const auto directory = archiveWithOneGoodFile();
    QTemporaryDir outside;
    const QString secret = outside.filePath(QStringLiteral("secret.json"));
    QFile file(secret);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("root:x:0:0:root:/root:/bin/bash\n");
    file.close();
    QVERIFY(QFile::link(secret, directory->filePath(QStringLiteral("link.json"))));
    QVERIFY(QFile::link(
        QStringLiteral("/etc/passwd"), directory->filePath(QStringLiteral("passwd.json"))));
    QVERIFY(QFile::link(QStringLiteral("../") + QFileInfo(directory->path()).fileName()
            + QStringLiteral("/kiln.json"),
        directory->filePath(QStringLiteral("inside.json"))));

    const ArchiveLoad load = loadArchive(directory->path(), kNowMicros);
    QVERIFY(load.fleet);
    QCOMPARE(load.fleet->size(), 1); // inside.json: the same scheduler as kiln.json
    QCOMPARE(problemFor(load, QStringLiteral("link.json")),
        QStringLiteral("is a symbolic link that leads out of the directory"));
    QCOMPARE(problemFor(load, QStringLiteral("passwd.json")),
        QStringLiteral("is a symbolic link that leads out of the directory"));
    QVERIFY2(problemFor(load, QStringLiteral("kiln.json")).contains(QLatin1String("already")),
        qPrintable(problemFor(load, QStringLiteral("kiln.json"))));
    for (const emulator::ArchiveProblem &problem : load.problems)
        QVERIFY2(!problem.reason.contains(QLatin1String("root")), qPrintable(problem.reason));
}

// Entries named *.json that are not served used to be skipped without a word.
void TestArchiveLoader::specialEntries_areNamedWithWhy()
{
    const auto directory = archiveWithOneGoodFile();
    QVERIFY(QDir(directory->path()).mkdir(QStringLiteral("folder.json")));
    QVERIFY(QFile::link(directory->filePath(QStringLiteral("gone")),
        directory->filePath(QStringLiteral("dangling.json"))));
    QCOMPARE(
        ::mkfifo(QFile::encodeName(directory->filePath(QStringLiteral("pipe.json"))), 0600), 0);
    QVERIFY(QFile::copy(kData + QLatin1String("/archive-mixed/chiller-07.json"),
        directory->filePath(QStringLiteral(".hidden.json"))));
    QVERIFY(
        QFile::link(QStringLiteral("/dev/zero"), directory->filePath(QStringLiteral("zero.json"))));

    const ArchiveLoad load = loadArchive(directory->path(), kNowMicros); // returns: no pipe wait
    QVERIFY(load.fleet);
    QCOMPARE(load.fleet->size(), 1);
    QCOMPARE(problemFor(load, QStringLiteral("folder.json")),
        QStringLiteral("is a folder, not a regular file"));
    QCOMPARE(problemFor(load, QStringLiteral("dangling.json")),
        QStringLiteral("is a symbolic link to nothing"));
    QCOMPARE(problemFor(load, QStringLiteral("pipe.json")),
        QStringLiteral("is a named pipe, not a regular file"));
    QCOMPARE(problemFor(load, QStringLiteral(".hidden.json")), QStringLiteral("is a hidden file"));
    QCOMPARE(problemFor(load, QStringLiteral("zero.json")),
        QStringLiteral("is a symbolic link that leads out of the directory"));
    QCOMPARE(load.problems.size(), 5);
}

void TestArchiveLoader::controlCharactersInNames_areReplaced()
{
    const auto directory = archiveWithOneGoodFile();
    const QString name = QStringLiteral("bad\x1b[2Jname\n.json");
    QFile file(directory->filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not json");
    file.close();
    const ArchiveLoad load = loadArchive(directory->path(), kNowMicros);
    QCOMPARE(load.problems.size(), 1);
    QCOMPARE(
        load.problems.first().path, directory->filePath(QStringLiteral("bad\\x1b[2Jname\\n.json")));
}

QTEST_GUILESS_MAIN(TestArchiveLoader)
#include "tst_archiveloader.moc"
