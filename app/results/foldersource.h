#pragma once

#include "results/resultssource.h"

#include <QThreadPool>

#include <variant>

// A local folder of results.jsonl files, found at any depth: what `aws s3 sync
// s3://bucket/prefix/ DIR` leaves, or a copy someone was sent. Keys are paths relative to the
// folder.
//
// Only regular files are read. Entries named results.jsonl that are named pipes, devices or
// sockets, links that dangle or lead out of the folder, and folders that cannot be opened are
// listed as skipped, with why; links to folders are not followed (so no cycle can form). A file
// is opened without blocking (a pipe swapped in after the listing cannot hang a read), checked to
// be a regular file, and read up to kMaxObjectBytes. Listing and reading run on a thread pool of
// the source's own; the destructor waits for reads in progress.
namespace results {

class FolderSource final : public ResultsSource {
    Q_OBJECT

public:
    explicit FolderSource(QString folder, QObject *parent = nullptr);
    ~FolderSource() override;

    QString location() const override { return m_folder; }
    QString cacheScope() const override { return QString(); }
    void list(ListDone done) override;
    void fetch(const ObjectInfo &object, FetchDone done) override;
    void cancelAll() override;

    // The same, synchronously, on the calling thread.
    static std::variant<Listing, SourceError> listFolder(const QString &folder);
    static std::variant<QByteArray, SourceError> readObject(
        const QString &folder, const QString &key);

private:
    QString m_folder;
    QThreadPool m_pool;
    quint64 m_generation = 0; // answers of calls made before cancelAll() are dropped
};

} // namespace results
