#include "results/s3source.h"

#include "aws/configresolver.h"
#include "aws/s3client.h"

namespace results {

namespace {

using namespace Qt::StringLiterals;

constexpr QLatin1StringView kScheme("s3://");
constexpr QLatin1StringView kObjectName("results.jsonl");

bool isResultsObject(const QString &key)
{
    return key == kObjectName || key.endsWith(u'/' + kObjectName);
}

SourceError sourceErrorOf(const aws::AwsError &error)
{
    return { error.toString(), error.kind == aws::AwsError::Kind::Credentials };
}

} // namespace

QString S3Location::toString() const
{
    return kScheme + bucket + u'/' + prefix;
}

bool S3Location::isS3Url(const QString &text)
{
    return text.startsWith(kScheme, Qt::CaseInsensitive);
}

std::optional<S3Location> S3Location::parse(const QString &text, QString *problem)
{
    const auto refuse = [&](const QString &why) -> std::optional<S3Location> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (!isS3Url(text))
        return refuse(u"%1 is not an s3:// location"_s.arg(text));
    const QString rest = text.mid(kScheme.size());
    const qsizetype slash = rest.indexOf(u'/');
    S3Location location;
    location.bucket = slash < 0 ? rest : rest.left(slash);
    location.prefix = slash < 0 ? QString() : rest.mid(slash + 1);
    if (location.bucket.isEmpty())
        return refuse(u"%1 names no bucket: write s3://BUCKET/PREFIX/"_s.arg(text));
    if (location.bucket.size() > 255 || location.bucket.contains(u' ')
        || location.bucket.contains(u'?') || location.bucket.contains(u'#'))
        return refuse(u"\"%1\" in %2 is not a bucket name"_s.arg(location.bucket, text));
    if (location.prefix.toUtf8().size() > 1024)
        return refuse(u"the prefix of %1 is longer than the 1,024 bytes of an S3 key"_s.arg(text));
    if (!location.prefix.isEmpty() && !location.prefix.endsWith(u'/'))
        location.prefix += u'/';
    return location;
}

S3Source::S3Source(S3Location location, aws::S3Client *client, QObject *parent)
    : ResultsSource(parent)
    , m_location(std::move(location))
    , m_client(client)
{
}

std::variant<std::unique_ptr<S3Source>, aws::AwsError> S3Source::open(S3Location location,
    const aws::ResolvedConfig &config, QNetworkAccessManager *network, QObject *parent)
{
    const aws::Result<aws::S3ClientSettings> settings = aws::s3ClientSettings(config);
    if (!settings)
        return settings.error();
    auto source = std::make_unique<S3Source>(std::move(location), nullptr, parent);
    source->m_client
        = new aws::S3Client(network, settings.value(), config.credentials, source.get());
    return source;
}

S3Source::~S3Source()
{
    cancelAll();
}

void S3Source::track(aws::ClientCall *call)
{
    m_calls.removeAll(nullptr);
    m_calls.append(call);
}

void S3Source::list(ListDone done)
{
    track(m_client->listObjects(m_location.bucket, m_location.prefix, this,
        [this, done = std::move(done)](const aws::Result<aws::S3Listing> &result) {
            if (!result) {
                m_listingError = result.error();
                done(sourceErrorOf(result.error()));
                return;
            }
            m_listingError.reset();
            Listing listing;
            for (const aws::s3xml::ListedObject &object : result.value().objects) {
                if (!isResultsObject(object.key))
                    continue;
                if (!object.key.startsWith(m_location.prefix)) {
                    listing.skipped.append({ object.key,
                        u"listed although it is not under the prefix %1"_s.arg(
                            m_location.prefix) });
                    continue;
                }
                listing.objects.append({ object.key.mid(m_location.prefix.size()), object.size,
                    object.etag, object.lastModified });
            }
            done(listing);
        }));
}

void S3Source::fetch(const ObjectInfo &object, FetchDone done)
{
    track(m_client->getObject(m_location.bucket, m_location.prefix + object.key, object.etag, this,
        [done = std::move(done)](const aws::Result<aws::S3Object> &result) {
            if (!result)
                done(sourceErrorOf(result.error()));
            else
                done(result.value().body);
        }));
}

void S3Source::cancelAll()
{
    const QList<QPointer<aws::ClientCall>> calls = std::exchange(m_calls, {});
    for (const QPointer<aws::ClientCall> &call : calls) {
        if (call)
            call->abort();
    }
}

} // namespace results
