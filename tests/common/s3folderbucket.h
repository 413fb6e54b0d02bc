#pragma once

#include "scriptedhttpserver.h"

#include <QByteArray>
#include <QString>

// A folder served as one S3 bucket by a ScriptedHttpServer, path style: ListObjectsV2 (pages of
// `pageSize` keys, url-encoded, with continuation tokens; every file, not only results.jsonl) and
// GetObject (the file, with an ETag of its MD5), NoSuchKey and NoSuchBucket as S3 answers them.
// Keys are `keyPrefix` followed by the path relative to the folder.
namespace testsupport {

struct S3FolderBucket {
    QString folder;
    QString bucket;
    QString keyPrefix; // "out/"
    int pageSize = 1000;

    ScriptedResponse answer(const RecordedRequest &request) const;
    // The ETag GetObject and the listing give the file at `relativePath`.
    QByteArray etagOf(const QString &relativePath) const;
};

} // namespace testsupport
