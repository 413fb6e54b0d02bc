#include "results/foldersource.h"

#include "core/boundedfile.h"

#include <QFile>
#include <QTimeZone>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace results {

namespace {

constexpr char kObjectName[] = "results.jsonl";
// Deeper folders are not searched (a sync of one prefix is three or four levels deep).
constexpr int kMaxDepth = 32;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

QString decoded(const QByteArray &path)
{
    return QFile::decodeName(path);
}

// The canonical absolute path (links and dot segments resolved); empty with errno set when it
// cannot be resolved.
QByteArray realPath(const QByteArray &path)
{
    char *resolved = ::realpath(path.constData(), nullptr);
    if (!resolved)
        return QByteArray();
    QByteArray result(resolved);
    std::free(resolved);
    return result;
}

bool isInside(const QByteArray &path, const QByteArray &root)
{
    return path == root
        || (path.startsWith(root) && (root.endsWith('/') || path[root.size()] == '/'));
}

QDateTime modificationTime(const struct stat &status)
{
    return QDateTime::fromMSecsSinceEpoch(
        static_cast<qint64>(status.st_mtim.tv_sec) * 1000 + status.st_mtim.tv_nsec / 1'000'000,
        QTimeZone::utc());
}

class Walker {
public:
    explicit Walker(QByteArray root)
        : m_root(std::move(root))
    {
    }

    Listing listing;

    void walk(const QByteArray &relative, int depth)
    {
        const QByteArray folder = relative.isEmpty() ? m_root : m_root + '/' + relative;
        DIR *directory = ::opendir(folder.constData());
        if (!directory) {
            skip(relative, QStringLiteral("cannot open the folder: %1").arg(errnoText(errno)));
            return;
        }
        std::vector<QByteArray> names;
        while (const dirent *entry = ::readdir(directory)) {
            const QByteArray name(entry->d_name);
            if (name != "." && name != "..")
                names.push_back(name);
        }
        ::closedir(directory);
        std::sort(names.begin(), names.end());
        for (const QByteArray &name : names) {
            const QByteArray key = relative.isEmpty() ? name : relative + '/' + name;
            visit(key, name == kObjectName, depth);
        }
    }

private:
    void skip(const QByteArray &key, const QString &reason)
    {
        listing.skipped.append({ decoded(key), reason });
    }

    void visit(const QByteArray &key, bool isObject, int depth)
    {
        const QByteArray path = m_root + '/' + key;
        struct stat status = {};
        if (::lstat(path.constData(), &status) != 0) {
            if (isObject)
                skip(key, errnoText(errno));
            return;
        }
        if (S_ISDIR(status.st_mode)) {
            if (depth >= kMaxDepth)
                skip(key, QStringLiteral("more than %1 folders deep; not searched").arg(kMaxDepth));
            else
                walk(key, depth + 1);
            return;
        }
        if (S_ISLNK(status.st_mode)) {
            visitLink(key, path, isObject);
            return;
        }
        if (!isObject)
            return;
        if (!S_ISREG(status.st_mode)) {
            skip(key, core::notRegularFileText(status.st_mode));
            return;
        }
        listing.objects.append({ decoded(key), static_cast<qint64>(status.st_size), QByteArray(),
            modificationTime(status) });
    }

    void visitLink(const QByteArray &key, const QByteArray &path, bool isObject)
    {
        const QByteArray target = realPath(path);
        if (target.isEmpty()) {
            if (isObject)
                skip(key, QStringLiteral("a link that leads nowhere (%1)").arg(errnoText(errno)));
            return;
        }
        struct stat status = {};
        if (::stat(target.constData(), &status) != 0) {
            if (isObject)
                skip(key, errnoText(errno));
            return;
        }
        if (!isInside(target, m_root)) {
            if (isObject || S_ISDIR(status.st_mode))
                skip(key,
                    QStringLiteral("a link that leaves the folder (to %1)").arg(decoded(target)));
            return;
        }
        if (S_ISDIR(status.st_mode)) {
            skip(key, QStringLiteral("a link to a folder inside this one; not followed"));
            return;
        }
        if (!isObject)
            return;
        if (!S_ISREG(status.st_mode)) {
            skip(key, QStringLiteral("a link to %1").arg(core::notRegularFileText(status.st_mode)));
            return;
        }
        listing.objects.append({ decoded(key), static_cast<qint64>(status.st_size), QByteArray(),
            modificationTime(status) });
    }

    QByteArray m_root;
};

} // namespace

FolderSource::FolderSource(QString folder, QObject *parent)
    : ResultsSource(parent)
    , m_folder(std::move(folder))
{
    m_pool.setMaxThreadCount(4);
}

FolderSource::~FolderSource()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void FolderSource::list(ListDone done)
{
    const quint64 generation = m_generation;
    m_pool.start([this, generation, folder = m_folder, done = std::move(done)] {
        std::variant<Listing, SourceError> result = listFolder(folder);
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, result = std::move(result)] {
                if (generation == m_generation)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

void FolderSource::fetch(const ObjectInfo &object, FetchDone done)
{
    const quint64 generation = m_generation;
    m_pool.start([this, generation, folder = m_folder, key = object.key, done = std::move(done)] {
        std::variant<QByteArray, SourceError> result = readObject(folder, key);
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, result = std::move(result)] {
                if (generation == m_generation)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

void FolderSource::cancelAll()
{
    ++m_generation;
    m_pool.clear();
}

std::variant<Listing, SourceError> FolderSource::listFolder(const QString &folder)
{
    if (folder.isEmpty())
        return SourceError { QStringLiteral("No folder was named") };
    const QByteArray root = realPath(encoded(folder));
    if (root.isEmpty())
        return SourceError {
            QStringLiteral("Cannot read the folder %1: %2").arg(folder, errnoText(errno))
        };
    struct stat status = {};
    if (::stat(root.constData(), &status) != 0)
        return SourceError {
            QStringLiteral("Cannot read the folder %1: %2").arg(folder, errnoText(errno))
        };
    if (!S_ISDIR(status.st_mode))
        return SourceError { QStringLiteral("%1 is not a folder").arg(folder) };
    DIR *directory = ::opendir(root.constData());
    if (!directory)
        return SourceError {
            QStringLiteral("Cannot read the folder %1: %2").arg(folder, errnoText(errno))
        };
    ::closedir(directory);
    Walker walker(root);
    walker.walk(QByteArray(), 0);
    return std::move(walker.listing);
}

std::variant<QByteArray, SourceError> FolderSource::readObject(
    const QString &folder, const QString &key)
{
    const auto failed = [&](const QString &why) {
        return SourceError { QStringLiteral("Cannot read %1: %2").arg(key, why) };
    };
    const QByteArray root = realPath(encoded(folder));
    if (root.isEmpty())
        return failed(errnoText(errno));
    const QByteArray target = realPath(root + '/' + encoded(key));
    if (target.isEmpty())
        return failed(errnoText(errno));
    if (!isInside(target, root))
        return failed(QStringLiteral("it leads out of the folder"));
    // Never blocks, not even on a pipe put in its place since the listing; and a link put there
    // since is not followed out of the folder.
    auto contents
        = core::readBoundedFile(decoded(target), kMaxObjectBytes, core::SymbolicLinks::Refuse);
    if (!contents)
        return failed(QStringLiteral("it ") + contents.error().reason);
    return std::move(contents).value();
}

} // namespace results
