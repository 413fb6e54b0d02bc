#include "core/boundedfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

QString sizeText(qint64 bytes)
{
    if (bytes >= qint64 { 1 } << 20 && bytes % (qint64 { 1 } << 20) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 bytes").arg(bytes);
}

FileReadError failure(FileReadError::Kind kind, const QString &path, const QString &reason)
{
    return FileReadError { kind, path, reason };
}

FileReadError fromErrno(const QString &path, int error)
{
    if (error == ENOENT || error == ENOTDIR)
        return failure(FileReadError::Kind::Missing, path, QStringLiteral("does not exist"));
    return failure(FileReadError::Kind::Unreadable, path,
        QStringLiteral("cannot be read (%1)").arg(QString::fromLocal8Bit(std::strerror(error))));
}

class Descriptor {
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    {
    }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

QString notRegularFileText(unsigned int mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("a named pipe, not a regular file");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device, not a regular file");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket, not a regular file");
    if (S_ISDIR(mode))
        return QStringLiteral("a folder, not a regular file");
    if (S_ISLNK(mode))
        return QStringLiteral("a symbolic link, not a regular file");
    return QStringLiteral("not a regular file");
}

core::Result<QByteArray, FileReadError> readBoundedFile(
    const QString &path, qint64 maxBytes, SymbolicLinks links)
{
    const QByteArray name = QFile::encodeName(path);
    if (name.isEmpty())
        return failure(FileReadError::Kind::Missing, path, QStringLiteral("is an empty path"));
    // Devices are refused before they are opened: opening some has effects of its own.
    const bool follow = links == SymbolicLinks::Follow;
    struct stat before { };
    if ((follow ? ::stat(name.constData(), &before) : ::lstat(name.constData(), &before)) != 0) {
        const int error = errno;
        struct stat link { };
        if (error == ENOENT && ::lstat(name.constData(), &link) == 0 && S_ISLNK(link.st_mode))
            return failure(FileReadError::Kind::Missing, path,
                QStringLiteral("is a symbolic link to a file that does not exist"));
        return fromErrno(path, error);
    }
    const auto notRegular = [&](unsigned int mode) {
        return failure(FileReadError::Kind::NotRegularFile, path,
            QStringLiteral("is ") + notRegularFileText(mode));
    };
    if (!S_ISREG(before.st_mode))
        return notRegular(before.st_mode);

    const Descriptor file(::open(name.constData(),
        O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (follow ? 0 : O_NOFOLLOW)));
    if (file.get() < 0 && errno == ELOOP && !follow)
        return notRegular(S_IFLNK);
    if (file.get() < 0)
        return fromErrno(path, errno);
    // The path may have been replaced since stat(): what counts is what was opened.
    struct stat opened { };
    if (::fstat(file.get(), &opened) != 0)
        return fromErrno(path, errno);
    if (!S_ISREG(opened.st_mode))
        return notRegular(opened.st_mode);
    const auto tooLarge = [&] {
        return failure(FileReadError::Kind::TooLarge, path,
            QStringLiteral("is larger than %1").arg(sizeText(maxBytes)));
    };
    if (opened.st_size > maxBytes)
        return tooLarge();

    // The size may change while reading (a file being written): read up to one byte past the cap.
    QByteArray content;
    content.resize(static_cast<qsizetype>(qMin<qint64>(opened.st_size, maxBytes) + 1));
    qint64 total = 0;
    for (;;) {
        if (total == content.size()) {
            if (total > maxBytes)
                return tooLarge();
            content.resize(static_cast<qsizetype>(qMin<qint64>(total * 2 + 4096, maxBytes + 1)));
        }
        const ssize_t got = ::read(
            file.get(), content.data() + total, static_cast<std::size_t>(content.size() - total));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return fromErrno(path, errno);
        }
        if (got == 0)
            break;
        total += got;
    }
    if (total > maxBytes)
        return tooLarge();
    content.truncate(static_cast<qsizetype>(total));
    return content;
}

} // namespace core
