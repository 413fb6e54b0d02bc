#pragma once

#include "aws/awserror.h"
#include "results/resultssource.h"

#include <QList>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>
#include <variant>

class QNetworkAccessManager;

namespace aws {
class ClientCall;
class S3Client;
struct ResolvedConfig;
} // namespace aws

// The results.jsonl objects under an S3 prefix, as the schedulers wrote them: list() is
// ListObjectsV2 of the prefix (every page), keeping the keys whose last segment is
// "results.jsonl"; fetch() is GetObject of one of them, checked against the ETag it was listed
// with, refused over kMaxObjectBytes. Keys are relative to the prefix, as a FolderSource's are to
// its folder.
namespace results {

// "s3://bucket/prefix/": the prefix is read as a folder, so "s3://b/run" means "run/" (as
// `aws s3 sync` reads it), never "run2/".
struct S3Location {
    QString bucket;
    QString prefix; // empty, or ending in '/'

    QString toString() const; // "s3://bucket/prefix/"
    // Whether `text` names an S3 location at all ("s3://…", any case).
    static bool isS3Url(const QString &text);
    // Why `text` is not a usable location (no bucket), or the location.
    static std::optional<S3Location> parse(const QString &text, QString *problem = nullptr);
};

class S3Source final : public ResultsSource {
    Q_OBJECT

public:
    // `client` must outlive the source (make it the source's child).
    S3Source(S3Location location, aws::S3Client *client, QObject *parent = nullptr);
    ~S3Source() override;

    // A source with a client of its own, made from a configuration resolved for
    // aws::s3ServiceDescription(); a Configuration error when its settings cannot work.
    static std::variant<std::unique_ptr<S3Source>, aws::AwsError> open(S3Location location,
        const aws::ResolvedConfig &config, QNetworkAccessManager *network,
        QObject *parent = nullptr);

    // The error of the last listing that failed, for an exit status by its kind.
    const std::optional<aws::AwsError> &lastListingError() const { return m_listingError; }

    QString location() const override { return m_location.toString(); }
    QString cacheScope() const override { return m_location.toString(); }
    void list(ListDone done) override;
    void fetch(const ObjectInfo &object, FetchDone done) override;
    void cancelAll() override;

private:
    void track(aws::ClientCall *call);

    S3Location m_location;
    aws::S3Client *m_client;
    QList<QPointer<aws::ClientCall>> m_calls;
    std::optional<aws::AwsError> m_listingError;
};

} // namespace results
