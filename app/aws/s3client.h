#pragma once

#include "aws/clientcall.h"
#include "aws/configresolver.h"
#include "aws/credentialsprovider.h"
#include "aws/result.h"
#include "aws/retrystrategy.h"
#include "aws/s3addressing.h"
#include "aws/s3xml.h"
#include "aws/servicedescription.h"
#include "aws/sigv4signer.h"
#include "core/clock.h"
#include "core/timer.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace aws {

// The service description of S3: its endpoint, the AWS_ENDPOINT_URL_S3 variable, the `s3` entry
// of a `services` section, the signing name.
ServiceDescription s3ServiceDescription();

struct S3ClientSettings {
    // The configured endpoint, or S3's default in `region`.
    QUrl endpoint;
    // The endpoint is S3's default for the region (none was configured): a bucket in another
    // region is then addressed at that region's endpoint.
    bool endpointIsRegionDefault = true;
    QString region; // signing region, and the region of the default endpoint
    s3::AddressingStyle addressing = s3::AddressingStyle::Auto;
    int maxAttempts = retrystrategy::kDefaultMaxAttempts;
    std::chrono::milliseconds connectTimeout { 60'000 };
    std::chrono::milliseconds readTimeout { 60'000 };
    qint64 maxObjectBytes = 64 * 1024 * 1024; // GetObject refuses larger objects
    // A listing that goes on past either of these is refused rather than read for ever.
    qint64 maxListedKeys = 1'000'000;
    int maxListPages = 10'000;
};

// The settings of a resolved configuration (for s3ServiceDescription()): endpoint, region,
// addressing style, retries, timeouts. A Configuration error for an addressing style that is not
// auto, virtual or path.
Result<S3ClientSettings> s3ClientSettings(const ResolvedConfig &config);

// The SigV4 headers of a GET to `target` as botocore signs S3: service "s3", the path as sent
// (neither normalised nor encoded again), x-amz-content-sha256 of the empty payload, `extra`
// headers (If-Match) signed too.
sigv4::Signature signS3Get(const EndpointTarget &target, const sigv4::Headers &extra,
    const AwsCredentials &credentials, const QString &region, const QDateTime &time);

struct S3Listing {
    QList<s3xml::ListedObject> objects; // in the order S3 listed them (by key)
    int pages = 0;
};

struct S3Object {
    QByteArray body;
    QByteArray etag; // as sent
};

// The two S3 operations results need, in the REST-XML protocol, signed with SigV4 as botocore
// signs S3 (service "s3", path as sent, x-amz-content-sha256 with the payload hash), sent as the
// JSON client sends (SignedExchange: standard-mode retries and quota, expired credentials fetched
// again once, clock-skew correction), with errors as AwsError values. A bucket in another region is
// followed once (x-amz-bucket-region, or <Region> in the error), then addressed there from the
// start. Lives on one thread and never blocks it.
class S3Client : public QObject {
    Q_OBJECT
public:
    using ListDone = std::function<void(const Result<S3Listing> &)>;
    using GetDone = std::function<void(const Result<S3Object> &)>;

    S3Client(QNetworkAccessManager *network, S3ClientSettings settings,
        std::shared_ptr<CredentialsProvider> credentials, QObject *parent = nullptr);
    ~S3Client() override;

    // Tests only: the clock, the backoff timers and the jitter source.
    void setClock(std::shared_ptr<const core::Clock> clock);
    void setTimerFactory(core::TimerFactory timers);
    void setRandomSource(std::shared_ptr<RandomSource> random);

    // ListObjectsV2 of every key under `prefix`, page after page until the last. `done` runs
    // once, later, on this thread, unless `context` (may be null) is destroyed or the call is
    // aborted first.
    ClientCall *listObjects(
        const QString &bucket, const QString &prefix, QObject *context, ListDone done);
    // GetObject, refused once it is known to be over maxObjectBytes (by Content-Length, or by the
    // bytes as they arrive). With `expectedEtag`, the object must still be that version
    // (If-Match, and the ETag of the answer compared).
    ClientCall *getObject(const QString &bucket, const QString &key, const QByteArray &expectedEtag,
        QObject *context, GetDone done);
    void abortAll();

    const S3ClientSettings &settings() const { return m_settings; }
    // The offset applied to the local clock when signing, learned from response Date headers.
    std::chrono::seconds clockSkew() const;
    // The region requests for `bucket` are signed for: learned from a redirect, else settings().
    QString regionOf(const QString &bucket) const;

private:
    class Private;
    S3ClientSettings m_settings;
    std::unique_ptr<Private> d;
};

} // namespace aws
