#include "aws/s3client.h"

#include "appinfo.h"
#include "aws/awsjsonresponse.h"
#include "aws/configresolver.h"
#include "aws/endpointtarget.h"
#include "aws/httplogging.h"
#include "aws/registeredcall.h"
#include "aws/sigv4signer.h"
#include "core/visibletext.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>

namespace aws {

using namespace Qt::StringLiterals;

ServiceDescription s3ServiceDescription()
{
    ServiceDescription service;
    service.endpointPrefix = u"s3"_s;
    service.servicesKey = u"s3"_s;
    service.endpointVariableSuffix = u"S3"_s;
    service.defaultEndpointTemplate = u"https://{endpointPrefix}.{region}.amazonaws.com"_s;
    service.signingName = "s3";
    return service;
}

Result<S3ClientSettings> s3ClientSettings(const ResolvedConfig &config)
{
    S3ClientSettings settings;
    settings.endpoint = config.endpoint;
    settings.region = config.region.value;
    settings.endpointIsRegionDefault
        = config.endpoint == s3ServiceDescription().defaultEndpoint(settings.region);
    const std::optional<s3::AddressingStyle> style
        = s3::addressingStyleFromText(config.s3AddressingStyle.value);
    if (!style)
        return AwsError::configuration(AwsError::Setting::Profile,
            u"addressing_style must be auto, virtual or path, not '%1' (from %2)"_s.arg(
                config.s3AddressingStyle.value, config.s3AddressingStyle.source));
    settings.addressing = *style;
    settings.maxAttempts = config.clientSettings().maxAttempts;
    settings.connectTimeout = config.connectTimeout;
    settings.readTimeout = config.readTimeout;
    return settings;
}

sigv4::Signature signS3Get(const EndpointTarget &target, const sigv4::Headers &extra,
    const AwsCredentials &credentials, const QString &region, const QDateTime &time)
{
    sigv4::Request toSign;
    toSign.method = "GET";
    toSign.path = target.path;
    toSign.query = target.query;
    toSign.headers = { { "Host", target.hostHeader } };
    toSign.headers += extra;
    sigv4::Options options;
    options.normalizePath = false;
    options.doubleEncodePath = false;
    options.signPayloadHash = true; // botocore signs the (empty) payload of S3 GETs
    return sigv4::sign(toSign, credentials, region.toUtf8(), "s3", time, options);
}

namespace {

// What the calls of one client share.
struct S3State : ClientShared {
    QHash<QString, QString> bucketRegions; // learned from redirects
    CallRegistry calls; // destroyed first: the calls use the shared state until then
};

} // namespace

class S3Client::Private : public S3State { };

namespace {

// "s3://bucket/key", as messages name an object or a prefix.
QString s3Location(const QString &bucket, const QString &key)
{
    return u"s3://%1/%2"_s.arg(bucket, key);
}

struct RequestSpec {
    QString bucket;
    QString key; // empty for the bucket itself
    s3::QueryParameters query;
    sigv4::Headers extraHeaders; // signed and sent
    qint64 maxResponseBytes = 0;
    QString shownLocation; // what messages name: "s3://bucket/prefix/"
};

// An S3 error status as an AwsError: the <Error> document's code and message, else the status.
AwsError serviceError(const HttpResponse &response, const s3xml::ErrorDocument &document)
{
    AwsError error;
    error.kind = AwsError::Kind::Service;
    error.httpStatus = response.status;
    error.requestId = requestIdOf(response).left(200);
    error.code
        = document.fields.code.isEmpty() ? QString::number(response.status) : document.fields.code;
    error.message = document.fields.message.isEmpty()
        ? u"HTTP %1 without an S3 error document"_s.arg(response.status)
        : document.fields.message;
    return error;
}

// The region S3 says the bucket is in, when the answer is one of the redirects botocore follows
// (S3RegionRedirectorv2): a 301/302/307, PermanentRedirect, or AuthorizationHeaderMalformed
// naming a region. Empty otherwise.
QString redirectRegion(const HttpResponse &response, const s3xml::ErrorDocument &document)
{
    const QString code = document.fields.code;
    const bool redirectStatus
        = response.status == 301 || response.status == 302 || response.status == 307;
    const bool wrongRegion
        = code == "AuthorizationHeaderMalformed"_L1 && !document.region.isEmpty();
    if (!redirectStatus && !wrongRegion && code != "PermanentRedirect"_L1
        && !(response.status == 400 && !response.header("x-amz-bucket-region").isEmpty()))
        return QString();
    const QString header = QString::fromLatin1(response.header("x-amz-bucket-region")).trimmed();
    const QString region = header.isEmpty() ? document.region : header;
    return regionProblem(region) ? QString() : region;
}

// What ListObjectsV2 and GetObject share: S3's REST-XML requests (GET, signed as botocore signs
// S3, addressed per the settings and the bucket's region), answers judged by status and <Error>
// document, and at most one redirect to the bucket's region per request.
class S3OperationCall : public RegisteredCall {
public:
    S3OperationCall(S3Client *client, S3State *d, QByteArray operation, QObject *context)
        : RegisteredCall(client, &d->calls, d, std::move(operation), context)
        , m_client(client)
        , m_bucketRegions(&d->bucketRegions)
    {
    }

    virtual void start() = 0;

protected:
    using Done = std::function<void(Result<HttpResponse>)>;

    void request(RequestSpec spec, Done done)
    {
        m_spec = std::move(spec);
        m_redirected = false;
        SignedExchange::Protocol protocol;
        protocol.prepare = [this](const AwsCredentials &credentials, const QDateTime &time) {
            return prepare(credentials, time);
        };
        protocol.judge = [this](const HttpResponse &response) { return judge(response); };
        send(settings().maxAttempts, std::move(protocol),
            [this, done = std::move(done)](Result<HttpResponse> answer) {
                if (!answer)
                    answer = Result<HttpResponse>(located(answer.error()));
                done(std::move(answer));
            });
    }

    const S3ClientSettings &settings() const { return m_client->settings(); }

private:
    Result<PreparedAttempt> prepare(const AwsCredentials &credentials, const QDateTime &time)
    {
        m_region = m_client->regionOf(m_spec.bucket);
        const QUrl endpoint = settings().endpointIsRegionDefault
            ? s3ServiceDescription().defaultEndpoint(m_region)
            : settings().endpoint;
        Result<EndpointTarget> target = s3::requestTarget(
            endpoint, settings().addressing, m_spec.bucket, m_spec.key, m_spec.query);
        if (!target)
            return target.error();
        m_target = std::move(target).value();
        const sigv4::Signature signature
            = signS3Get(m_target, m_spec.extraHeaders, credentials, m_region, time);

        PreparedAttempt attempt;
        attempt.request = QNetworkRequest(m_target.connectUrl);
        if (!m_target.peerVerifyName.isEmpty())
            attempt.request.setPeerVerifyName(m_target.peerVerifyName);
        attempt.request.setRawHeader("Host", m_target.hostHeader);
        for (const auto &[name, value] : std::as_const(m_spec.extraHeaders))
            attempt.request.setRawHeader(name, value);
        attempt.request.setRawHeader("X-Amz-Date", signature.amzDate);
        attempt.request.setRawHeader("X-Amz-Content-SHA256", signature.contentSha256);
        if (!signature.securityToken.isEmpty())
            attempt.request.setRawHeader("X-Amz-Security-Token", signature.securityToken);
        attempt.request.setRawHeader("Authorization", signature.authorization);
        attempt.request.setRawHeader("User-Agent", appinfo::kUserAgent);
        attempt.method = "GET";
        attempt.limits.connectTimeout = settings().connectTimeout;
        attempt.limits.readTimeout = settings().readTimeout;
        attempt.limits.maxResponseBytes = m_spec.maxResponseBytes;
        attempt.description = u"GET %1 (%2), region %3"_s.arg(
            aws::withoutUserInfo(m_target.url), QString::fromLatin1(operation()), m_region);
        return attempt;
    }

    AttemptVerdict judge(const HttpResponse &response)
    {
        AttemptVerdict verdict;
        if (response.status >= 200 && response.status < 300)
            return verdict;
        const s3xml::ErrorDocument document = s3xml::parseErrorDocument(response.body);
        AwsError error = serviceError(response, document);
        const QString region = redirectRegion(response, document);
        if (!region.isEmpty() && !m_redirected && region != m_region) {
            m_redirected = true;
            m_bucketRegions->insert(m_spec.bucket, region);
            qCDebug(lcHttp).noquote()
                << u"%1: bucket %2 is in %3, not %4; sending the request there"_s.arg(
                       error.code, m_spec.bucket, region, m_region);
            verdict.sendAgainNow = true;
            return verdict;
        }
        if (!region.isEmpty())
            error.message += u" (the bucket %1 is in region %2)"_s.arg(m_spec.bucket, region);
        verdict.error = std::move(error);
        return verdict;
    }

    // The error with the endpoint it came from and, for S3's own errors, the location asked for.
    AwsError located(AwsError error) const
    {
        if (error.endpoint.isEmpty())
            error.endpoint = m_target.url.adjusted(QUrl::RemoveQuery);
        if (error.endpoint.isEmpty())
            error.endpoint = settings().endpoint;
        if (error.kind == AwsError::Kind::Service)
            error.message = u"%1 (%2)"_s.arg(error.message, m_spec.shownLocation);
        return error;
    }

    S3Client *m_client;
    QHash<QString, QString> *m_bucketRegions;
    RequestSpec m_spec;
    EndpointTarget m_target;
    QString m_region;
    bool m_redirected = false;
};

class ListCall final : public S3OperationCall {
public:
    ListCall(S3Client *client, S3State *d, QString bucket, QString prefix, QObject *context,
        S3Client::ListDone done)
        : S3OperationCall(client, d, "ListObjectsV2", context)
        , m_bucket(std::move(bucket))
        , m_prefix(std::move(prefix))
        , m_done(std::move(done))
    {
    }

    void start() override { requestPage(); }

private:
    void dropCallback() override { m_done = nullptr; }

    void requestPage()
    {
        RequestSpec spec;
        spec.bucket = m_bucket;
        spec.query = { { "list-type", "2" }, { "encoding-type", "url" } };
        if (!m_prefix.isEmpty())
            spec.query.append({ "prefix", m_prefix.toUtf8() });
        if (!m_token.isEmpty())
            spec.query.append({ "continuation-token", m_token.toUtf8() });
        spec.maxResponseBytes = s3xml::kMaxS3XmlBytes;
        spec.shownLocation = s3Location(m_bucket, m_prefix);
        request(std::move(spec), [this](Result<HttpResponse> page) { onPage(std::move(page)); });
    }

    void fail(AwsError::Kind kind, const QString &message)
    {
        AwsError error;
        error.kind = kind;
        error.operation = u"ListObjectsV2"_s;
        error.httpStatus = 200;
        error.endpoint = settings().endpoint;
        error.message = message;
        deliver(m_done, Result<S3Listing>(std::move(error)));
    }

    void onPage(Result<HttpResponse> page)
    {
        if (finished())
            return;
        if (!page) {
            deliver(m_done, Result<S3Listing>(page.error()));
            return;
        }
        const QString location = s3Location(m_bucket, m_prefix);
        auto parsed = s3xml::parseListObjectsV2(page.value().body);
        if (const s3xml::XmlProblem *problem = std::get_if<s3xml::XmlProblem>(&parsed)) {
            fail(AwsError::Kind::BadResponse,
                u"page %1 of the listing of %2 cannot be read: %3"_s.arg(
                    QString::number(m_listing.pages + 1), location, problem->message));
            return;
        }
        s3xml::ListPage &content = std::get<s3xml::ListPage>(parsed);
        ++m_listing.pages;
        m_listing.objects += std::move(content.objects);
        if (m_listing.objects.size() > settings().maxListedKeys) {
            fail(AwsError::Kind::TooLarge,
                u"the listing of %1 goes on past %2 keys (after %3 pages); name a narrower "
                "prefix"_s.arg(location)
                    .arg(settings().maxListedKeys)
                    .arg(m_listing.pages));
            return;
        }
        if (!content.isTruncated) {
            deliver(m_done, Result<S3Listing>(std::move(m_listing)));
            return;
        }
        if (m_listing.pages >= settings().maxListPages) {
            fail(AwsError::Kind::TooLarge,
                u"the listing of %1 goes on past %2 pages (%3 keys so far); name a narrower "
                "prefix"_s.arg(location)
                    .arg(settings().maxListPages)
                    .arg(m_listing.objects.size()));
            return;
        }
        if (content.nextContinuationToken == m_token) {
            fail(AwsError::Kind::BadResponse,
                u"the listing of %1 gave the same continuation token twice, so it would never "
                "end"_s.arg(location));
            return;
        }
        m_token = content.nextContinuationToken;
        requestPage();
    }

    QString m_bucket;
    QString m_prefix;
    S3Client::ListDone m_done;
    QString m_token;
    S3Listing m_listing;
};

class GetCall final : public S3OperationCall {
public:
    GetCall(S3Client *client, S3State *d, QString bucket, QString key, QByteArray expectedEtag,
        QObject *context, S3Client::GetDone done)
        : S3OperationCall(client, d, "GetObject", context)
        , m_bucket(std::move(bucket))
        , m_key(std::move(key))
        , m_expectedEtag(std::move(expectedEtag))
        , m_done(std::move(done))
    {
    }

    void start() override
    {
        RequestSpec spec;
        spec.bucket = m_bucket;
        spec.key = m_key;
        if (!m_expectedEtag.isEmpty())
            spec.extraHeaders.append({ "If-Match", m_expectedEtag });
        spec.maxResponseBytes = settings().maxObjectBytes;
        spec.shownLocation = s3Location(m_bucket, m_key);
        request(
            std::move(spec), [this](Result<HttpResponse> object) { onObject(std::move(object)); });
    }

private:
    void dropCallback() override { m_done = nullptr; }

    void fail(AwsError error) { deliver(m_done, Result<S3Object>(std::move(error))); }

    void onObject(Result<HttpResponse> result)
    {
        if (finished())
            return;
        const QString location = s3Location(m_bucket, m_key);
        if (!result) {
            AwsError error = result.error();
            if (error.kind == AwsError::Kind::TooLarge)
                error.message = u"%1 is larger than the %2 MiB an object may have (%3); it was "
                                "not read"_s.arg(location)
                                    .arg(settings().maxObjectBytes >> 20)
                                    .arg(error.message);
            else if (error.code == "PreconditionFailed"_L1)
                error.message = u"%1 changed since it was listed (its ETag is no longer %2)"_s.arg(
                    location, QString::fromLatin1(m_expectedEtag));
            fail(std::move(error));
            return;
        }
        HttpResponse response = std::move(result).value();
        AwsError error;
        error.operation = u"GetObject"_s;
        error.httpStatus = response.status;
        error.endpoint = settings().endpoint;
        bool hasLength = false;
        const qint64 length = response.header("Content-Length").trimmed().toLongLong(&hasLength);
        if (hasLength && length != response.body.size()) {
            error.kind = AwsError::Kind::BadResponse;
            error.message = u"%1: Content-Length announced %2 bytes but %3 arrived"_s.arg(location)
                                .arg(length)
                                .arg(response.body.size());
            fail(std::move(error));
            return;
        }
        const QByteArray etag = response.header("ETag").trimmed();
        if (!m_expectedEtag.isEmpty() && !etag.isEmpty() && etag != m_expectedEtag) {
            error.kind = AwsError::Kind::BadResponse;
            error.message = u"%1 changed since it was listed (ETag %2, listed as %3)"_s.arg(
                location, core::visibleText(QString::fromLatin1(etag.left(100))),
                QString::fromLatin1(m_expectedEtag));
            fail(std::move(error));
            return;
        }
        deliver(m_done, Result<S3Object>(S3Object { std::move(response.body), etag }));
    }

    QString m_bucket;
    QString m_key;
    QByteArray m_expectedEtag;
    S3Client::GetDone m_done;
};

} // namespace

S3Client::S3Client(QNetworkAccessManager *network, S3ClientSettings settings,
    std::shared_ptr<CredentialsProvider> credentials, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , d(std::make_unique<Private>())
{
    d->network = network;
    d->credentials = std::move(credentials);
}

S3Client::~S3Client() = default;

void S3Client::setClock(std::shared_ptr<const core::Clock> clock)
{
    d->clock = std::move(clock);
}

void S3Client::setTimerFactory(core::TimerFactory timers)
{
    d->timers = std::move(timers);
}

void S3Client::setRandomSource(std::shared_ptr<RandomSource> random)
{
    d->random = std::move(random);
}

namespace {

template<typename Call> ClientCall *started(Call *call)
{
    QMetaObject::invokeMethod(
        call, [call] { call->start(); }, Qt::QueuedConnection);
    return call;
}

} // namespace

ClientCall *S3Client::listObjects(
    const QString &bucket, const QString &prefix, QObject *context, ListDone done)
{
    return started(new ListCall(this, d.get(), bucket, prefix, context, std::move(done)));
}

ClientCall *S3Client::getObject(const QString &bucket, const QString &key,
    const QByteArray &expectedEtag, QObject *context, GetDone done)
{
    return started(new GetCall(this, d.get(), bucket, key, expectedEtag, context, std::move(done)));
}

void S3Client::abortAll()
{
    d->calls.abortAll();
}

std::chrono::seconds S3Client::clockSkew() const
{
    return std::chrono::round<std::chrono::seconds>(d->skew.offset());
}

QString S3Client::regionOf(const QString &bucket) const
{
    return d->bucketRegions.value(bucket, m_settings.region);
}

} // namespace aws
