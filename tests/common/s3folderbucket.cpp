#include "s3folderbucket.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QUrlQuery>

namespace testsupport {

namespace {

ScriptedResponse s3Error(int status, const QByteArray &code, const QByteArray &message)
{
    return ScriptedResponse::raw(status, "application/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
            + message + "</Message><RequestId>TEST</RequestId></Error>");
}

} // namespace

QByteArray S3FolderBucket::etagOf(const QString &relativePath) const
{
    QFile file(QDir(folder).filePath(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return '"' + QCryptographicHash::hash(file.readAll(), QCryptographicHash::Md5).toHex() + '"';
}

ScriptedResponse S3FolderBucket::answer(const RecordedRequest &request) const
{
    const QByteArray bucketPath = '/' + bucket.toUtf8();
    const QByteArray path = request.path();
    if (path != bucketPath && !path.startsWith(QByteArray(bucketPath + '/')))
        return s3Error(404, "NoSuchBucket", "The specified bucket does not exist");
    const QUrlQuery query(QString::fromLatin1(request.query()));
    if (path == bucketPath) {
        const QString prefix = query.queryItemValue(QStringLiteral("prefix"), QUrl::FullyDecoded);
        const QString token
            = query.queryItemValue(QStringLiteral("continuation-token"), QUrl::FullyDecoded);
        QStringList keys;
        QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString key = keyPrefix + QDir(folder).relativeFilePath(files.next());
            if (key.startsWith(prefix))
                keys.append(key);
        }
        keys.sort();
        const qsizetype first = token.isEmpty() ? 0 : token.toLongLong();
        const qsizetype end = qMin(keys.size(), first + pageSize);
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult>"
                         "<EncodingType>url</EncodingType>";
        xml += end < keys.size() ? "<IsTruncated>true</IsTruncated><NextContinuationToken>"
                + QByteArray::number(end) + "</NextContinuationToken>"
                                 : QByteArray("<IsTruncated>false</IsTruncated>");
        for (qsizetype i = first; i < end; ++i) {
            const QString relative = keys[i].mid(keyPrefix.size());
            const QFileInfo info(QDir(folder).filePath(relative));
            xml += "<Contents><Key>" + QUrl::toPercentEncoding(keys[i], "/") + "</Key><Size>"
                + QByteArray::number(info.size()) + "</Size><ETag>"
                + etagOf(relative).replace('"', "&quot;") + "</ETag></Contents>";
        }
        return ScriptedResponse::raw(200, "application/xml", xml + "</ListBucketResult>");
    }
    const QString key
        = QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(bucketPath.size() + 1)));
    if (!key.startsWith(keyPrefix))
        return s3Error(404, "NoSuchKey", "The specified key does not exist.");
    QFile file(QDir(folder).filePath(key.mid(keyPrefix.size())));
    if (!file.open(QIODevice::ReadOnly))
        return s3Error(404, "NoSuchKey", "The specified key does not exist.");
    return ScriptedResponse::raw(200, "application/octet-stream", file.readAll())
        .withHeader("ETag", etagOf(key.mid(keyPrefix.size())));
}

} // namespace testsupport
