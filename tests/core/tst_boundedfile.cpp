#include "core/boundedfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

// What readBoundedFile() does with every kind of path a user or an environment variable can
// name. Each case must return at once: a pipe that blocked would hang the test until ctest's
// timeout.
class TstBoundedFile : public QObject {
    Q_OBJECT

private slots:
    void readsARegularFile();
    void readsAnEmptyFile();
    void refusesWhatIsNotARegularFile_data();
    void refusesWhatIsNotARegularFile();
    void refusesAFileOverTheCap();
    void readsAFileAtTheCap();
    void followsALinkToARegularFile();
    void refusesALinkWhenAskedTo();
    void missingFilesAreMissing();

private:
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QTemporaryDir m_dir;
};

void TstBoundedFile::readsARegularFile()
{
    const auto read = core::readBoundedFile(write("a", "[default]\n"), 1024);
    QVERIFY(read.ok());
    QCOMPARE(read.value(), QByteArray("[default]\n"));
}

void TstBoundedFile::readsAnEmptyFile()
{
    const auto read = core::readBoundedFile(write("empty", QByteArray()), 1024);
    QVERIFY(read.ok());
    QVERIFY(read.value().isEmpty());
}

void TstBoundedFile::refusesWhatIsNotARegularFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");

    const QString fifo = m_dir.filePath("fifo");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QTest::newRow("named pipe") << fifo << "is a named pipe, not a regular file";
    QTest::newRow("link to a named pipe") << [&] {
        const QString link = m_dir.filePath("fifo-link");
        QFile::link(fifo, link);
        return link;
    }() << "is a named pipe, not a regular file";
    QTest::newRow("device") << "/dev/zero"
                            << "is a device, not a regular file";
    QTest::newRow("link to a device") << [&] {
        const QString link = m_dir.filePath("null-link");
        QFile::link(QStringLiteral("/dev/null"), link);
        return link;
    }() << "is a device, not a regular file";
    QTest::newRow("folder") << m_dir.path() << "is a folder, not a regular file";

    const QString socketPath = m_dir.filePath("socket");
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(socketPath);
    QVERIFY(encoded.size() < qsizetype(sizeof address.sun_path));
    std::memcpy(address.sun_path, encoded.constData(), static_cast<std::size_t>(encoded.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    ::close(fd);
    QTest::newRow("socket") << socketPath << "is a socket, not a regular file";
}

void TstBoundedFile::refusesWhatIsNotARegularFile()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    const auto read = core::readBoundedFile(path, 1024);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, core::FileReadError::Kind::NotRegularFile);
    QCOMPARE(read.error().reason, kind);
    QCOMPARE(read.error().message(), path + QLatin1Char(' ') + kind);
}

void TstBoundedFile::refusesAFileOverTheCap()
{
    const QString path = write("big", QByteArray(1025, 'x'));
    const auto read = core::readBoundedFile(path, 1024);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, core::FileReadError::Kind::TooLarge);
    QCOMPARE(read.error().message(), path + QStringLiteral(" is larger than 1 KiB"));
}

void TstBoundedFile::readsAFileAtTheCap()
{
    const auto read = core::readBoundedFile(write("exact", QByteArray(1024, 'x')), 1024);
    QVERIFY(read.ok());
    QCOMPARE(read.value().size(), 1024);
}

void TstBoundedFile::followsALinkToARegularFile()
{
    const QString target = write("target", "text");
    const QString link = m_dir.filePath("link");
    QVERIFY(QFile::link(target, link));
    const auto read = core::readBoundedFile(link, 1024);
    QVERIFY(read.ok());
    QCOMPARE(read.value(), QByteArray("text"));
}

// A path resolved and checked to lie inside a folder must not become a link out of it.
void TstBoundedFile::refusesALinkWhenAskedTo()
{
    const QString target = write("target", "secret");
    const QString link = m_dir.filePath("link-refused");
    QVERIFY(QFile::link(target, link));
    const auto read = core::readBoundedFile(link, 1024, core::SymbolicLinks::Refuse);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, core::FileReadError::Kind::NotRegularFile);
    QCOMPARE(read.error().reason, QStringLiteral("is a symbolic link, not a regular file"));
    QCOMPARE(core::readBoundedFile(target, 1024, core::SymbolicLinks::Refuse).value(),
        QByteArray("secret"));
}

void TstBoundedFile::missingFilesAreMissing()
{
    const auto missing = core::readBoundedFile(m_dir.filePath("nothing"), 1024);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, core::FileReadError::Kind::Missing);

    const QString dangling = m_dir.filePath("dangling");
    QVERIFY(QFile::link(m_dir.filePath("gone"), dangling));
    const auto link = core::readBoundedFile(dangling, 1024);
    QVERIFY(!link.ok());
    QCOMPARE(link.error().kind, core::FileReadError::Kind::Missing);
    QCOMPARE(
        link.error().reason, QStringLiteral("is a symbolic link to a file that does not exist"));

    QCOMPARE(
        core::readBoundedFile(QString(), 1024).error().kind, core::FileReadError::Kind::Missing);
}

QTEST_GUILESS_MAIN(TstBoundedFile)
#include "tst_boundedfile.moc"
