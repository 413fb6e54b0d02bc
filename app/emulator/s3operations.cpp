#include "emulator/s3operations.h"

#include "lookout/inferencescheduler.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>

namespace emulator {

namespace {

using Query = QList<std::pair<QByteArray, QByteArray>>;

constexpr QByteArrayView kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr QByteArrayView kNamespace = "http://s3.amazonaws.com/doc/2006-03-01/";

QByteArray decodedQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return QByteArray::fromPercentEncoding(part);
}

Query parseQuery(const QByteArray &query)
{
    Query parameters;
    for (const QByteArray &parameter : query.split('&')) {
        if (parameter.isEmpty())
            continue;
        const qsizetype equals = parameter.indexOf('=');
        parameters.append({ decodedQueryPart(equals < 0 ? parameter : parameter.first(equals)),
            equals < 0 ? QByteArray() : decodedQueryPart(parameter.sliced(equals + 1)) });
    }
    return parameters;
}

std::optional<QByteArray> valueOf(const Query &query, QByteArrayView name)
{
    for (const auto &[parameterName, value] : query) {
        if (parameterName == name)
            return value;
    }
    return std::nullopt;
}

QString utf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

// encoding-type=url: every byte but the unreserved ones and '/' percent-encoded, a space as
// '+', which is how the SDKs decode it (botocore with unquote_plus).
QByteArray urlEncoded(const QByteArray &text)
{
    QByteArray encoded = text.toPercentEncoding("/ ");
    encoded.replace(' ', '+');
    return encoded;
}

// The smallest string after every string that begins with prefix; empty when there is none.
QByteArray successorOf(QByteArray prefix)
{
    while (!prefix.isEmpty() && static_cast<unsigned char>(prefix.back()) == 0xff)
        prefix.chop(1);
    if (!prefix.isEmpty())
        prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
    return prefix;
}

QByteArray element(QByteArrayView name, const QByteArray &value)
{
    return '<' + name.toByteArray() + '>' + value + "</" + name.toByteArray() + '>';
}

S3Result xmlResult(QByteArray body)
{
    S3Result result;
    result.headers.emplace_back("Content-Type", "application/xml");
    result.body = std::move(body);
    return result;
}

S3Result failure(S3Error error)
{
    S3Result result;
    result.error = std::move(error);
    return result;
}

// Sub-resources of a bucket or object that this read-only subset does not serve.
bool hasUnservedSubresource(const Query &query)
{
    static const QList<QByteArrayView> subresources
        = { "acl", "cors", "delete", "encryption", "lifecycle", "logging", "notification",
              "object-lock", "policy", "replication", "requestPayment", "tagging", "uploads",
              "versioning", "versions", "website", "attributes", "legal-hold", "retention",
              "restore", "select", "torrent", "uploadId", "accelerate", "analytics", "inventory",
              "metrics", "ownershipControls", "publicAccessBlock", "intelligent-tiering" };
    for (const auto &[name, value] : query) {
        if (subresources.contains(name))
            return true;
    }
    return false;
}

} // namespace

QByteArray httpDateOf(qint64 micros)
{
    return QLocale::c()
        .toString(QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC),
            QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

QByteArray isoTimeOf(qint64 micros)
{
    return QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"))
        .toLatin1();
}

S3Operations::S3Operations(
    const Fleet &fleet, const PageTokens &tokens, QString region, QString owner)
    : m_store(fleet)
    , m_tokens(tokens)
    , m_region(std::move(region))
    , m_ownerId(QCryptographicHash::hash(owner.toUtf8(), QCryptographicHash::Sha256).toHex())
{
}

S3Result S3Operations::serve(const HttpRequest &request, qint64 now) const
{
    // "/bucket/key" with bucket and key percent-decoded once.
    const QByteArray path = request.path;
    if (path == "/") {
        if (request.method != "GET")
            return failure(s3errors::methodNotAllowed(request.method, "SERVICE"));
        return listBuckets();
    }
    const qsizetype slash = path.indexOf('/', 1);
    const QByteArray bucket
        = QByteArray::fromPercentEncoding(slash < 0 ? path.sliced(1) : path.sliced(1, slash - 1));
    const QByteArray key
        = slash < 0 ? QByteArray() : QByteArray::fromPercentEncoding(path.sliced(slash + 1));
    if (!m_store.hasBucket(bucket))
        return failure(s3errors::noSuchBucket(utf8(bucket)));
    if (key.isEmpty())
        return bucketRequest(request, bucket, now);
    return objectRequest(request, bucket, key, now);
}

S3Result S3Operations::listBuckets() const
{
    QByteArray xml = kXmlDeclaration.toByteArray() + "<ListAllMyBucketsResult xmlns=\""
        + kNamespace.toByteArray() + "\"><Owner><ID>" + m_ownerId
        + "</ID><DisplayName>lookout-desk-emulator</DisplayName></Owner><Buckets>";
    for (const ResultStore::Bucket &bucket : m_store.buckets()) {
        xml += "<Bucket>" + element("Name", xmlEscaped(QByteArrayView(bucket.name)))
            + element("CreationDate", isoTimeOf(bucket.createdAt)) + "</Bucket>";
    }
    xml += "</Buckets></ListAllMyBucketsResult>";
    return xmlResult(xml);
}

S3Result S3Operations::bucketRequest(
    const HttpRequest &request, const QByteArray &bucket, qint64 now) const
{
    const Query query = parseQuery(request.query);
    if (request.method == "HEAD") {
        S3Result result;
        result.headers.emplace_back("x-amz-bucket-region", m_region.toUtf8());
        return result;
    }
    if (request.method != "GET")
        return failure(s3errors::methodNotAllowed(request.method, "BUCKET"));
    if (hasUnservedSubresource(query))
        return failure(s3errors::notImplemented(QStringLiteral("query")));
    if (valueOf(query, "location")) {
        const QByteArray region
            = m_region == QLatin1String("us-east-1") ? QByteArray() : xmlEscaped(m_region);
        return xmlResult(kXmlDeclaration.toByteArray() + "<LocationConstraint xmlns=\""
            + kNamespace.toByteArray() + "\">" + region + "</LocationConstraint>");
    }
    const std::optional<QByteArray> listType = valueOf(query, "list-type");
    if (!listType)
        return failure(s3errors::notImplemented(
            QStringLiteral("ListObjects version 1 (this endpoint lists with list-type=2)")));
    if (*listType != "2") {
        return failure(s3errors::invalidArgument(QStringLiteral("Invalid List Type specified"),
            QStringLiteral("list-type"), utf8(*listType)));
    }
    return listObjectsV2(bucket, query, now);
}

S3Result S3Operations::listObjectsV2(const QByteArray &bucket, const Query &query, qint64 now) const
{
    const QByteArray prefix = valueOf(query, "prefix").value_or(QByteArray());
    const QByteArray delimiter = valueOf(query, "delimiter").value_or(QByteArray());
    const QByteArray startAfter = valueOf(query, "start-after").value_or(QByteArray());
    const std::optional<QByteArray> token = valueOf(query, "continuation-token");
    const std::optional<QByteArray> encoding = valueOf(query, "encoding-type");
    const bool fetchOwner = valueOf(query, "fetch-owner") == QByteArray("true");

    int maxKeys = kMaxKeys;
    if (const std::optional<QByteArray> text = valueOf(query, "max-keys")) {
        bool ok = false;
        maxKeys = text->toInt(&ok);
        if (!ok || maxKeys < 0) {
            return failure(s3errors::invalidArgument(
                QStringLiteral("Provided max-keys not an integer or within integer range"),
                QStringLiteral("max-keys"), utf8(*text)));
        }
    }
    maxKeys = qMin(maxKeys, kMaxKeys); // S3 answers at most 1,000 whatever was asked
    if (encoding && *encoding != "url") {
        return failure(s3errors::invalidArgument(
            QStringLiteral("Invalid Encoding Method specified in Request"),
            QStringLiteral("encoding-type"), utf8(*encoding)));
    }
    const bool urlEncoding = encoding.has_value();
    const auto encoded = [urlEncoding](const QByteArray &text) {
        return urlEncoding ? urlEncoded(text) : xmlEscaped(QByteArrayView(text));
    };

    // Where this page starts: after the token's cursor, else after start-after or at prefix.
    // A cursor is 'K' and the last key listed, or 'P' and the last common prefix listed.
    const QByteArray scope = "ListObjectsV2\n" + bucket + '\n' + prefix + '\n' + delimiter;
    QByteArray bound = prefix;
    ResultStore::From from = ResultStore::From::Inclusive;
    bool keysMayFollow = maxKeys > 0;
    if (token) {
        const std::optional<QByteArray> cursor
            = m_tokens.redeem(QString::fromLatin1(*token), scope);
        if (!cursor || cursor->isEmpty() || (cursor->front() != 'K' && cursor->front() != 'P')) {
            return failure(
                s3errors::invalidArgument(QStringLiteral("The continuation token provided is "
                                                         "incorrect"),
                    QStringLiteral("continuation-token"), utf8(*token)));
        }
        bound = cursor->sliced(1);
        from = ResultStore::From::Exclusive;
        if (cursor->front() == 'P') {
            bound = successorOf(bound);
            from = ResultStore::From::Inclusive;
            keysMayFollow = keysMayFollow && !bound.isEmpty();
        }
    } else if (startAfter > prefix) {
        bound = startAfter;
        from = ResultStore::From::Exclusive;
    }

    QByteArray contents;
    QByteArray commonPrefixes;
    int count = 0;
    bool truncated = false;
    QByteArray last;
    const QByteArray owner = "<Owner><ID>" + m_ownerId
        + "</ID><DisplayName>lookout-desk-emulator</DisplayName></Owner>";
    std::optional<ResultStore::Cursor> cursor;
    if (keysMayFollow)
        cursor = m_store.keys(bucket, bound, from, now);
    while (cursor) {
        const std::optional<StoredObject> object = cursor->next();
        if (!object || !object->key.startsWith(prefix))
            break;
        if (count == maxKeys) {
            truncated = true;
            break;
        }
        ++count;
        const qsizetype at
            = delimiter.isEmpty() ? -1 : object->key.indexOf(delimiter, prefix.size());
        if (at >= 0) {
            const QByteArray common = object->key.first(at + delimiter.size());
            commonPrefixes
                += "<CommonPrefixes>" + element("Prefix", encoded(common)) + "</CommonPrefixes>";
            last = 'P' + common;
            const QByteArray after = successorOf(common);
            if (after.isEmpty())
                break;
            cursor = m_store.keys(bucket, after, ResultStore::From::Inclusive, now);
            continue;
        }
        const ObjectContent content = m_store.content(*object);
        contents += "<Contents>" + element("Key", encoded(object->key))
            + element("LastModified", isoTimeOf(content.lastModified))
            + element("ETag", xmlEscaped(QByteArrayView(content.etag)))
            + element("Size", QByteArray::number(content.body.size()))
            + (fetchOwner ? owner : QByteArray()) + element("StorageClass", "STANDARD")
            + "</Contents>";
        last = 'K' + object->key;
    }

    QByteArray xml = kXmlDeclaration.toByteArray() + "<ListBucketResult xmlns=\""
        + kNamespace.toByteArray() + "\">" + element("Name", xmlEscaped(QByteArrayView(bucket)))
        + element("Prefix", encoded(prefix));
    if (token)
        xml += element("ContinuationToken", xmlEscaped(QByteArrayView(*token)));
    if (truncated)
        xml += element("NextContinuationToken", m_tokens.issue(scope, last).toLatin1());
    xml += element("KeyCount", QByteArray::number(count))
        + element("MaxKeys", QByteArray::number(maxKeys));
    if (!delimiter.isEmpty())
        xml += element("Delimiter", encoded(delimiter));
    if (urlEncoding)
        xml += element("EncodingType", "url");
    xml += element("IsTruncated", truncated ? "true" : "false");
    if (!startAfter.isEmpty())
        xml += element("StartAfter", encoded(startAfter));
    xml += contents + commonPrefixes + "</ListBucketResult>";
    return xmlResult(xml);
}

S3Result S3Operations::objectRequest(
    const HttpRequest &request, const QByteArray &bucket, const QByteArray &key, qint64 now) const
{
    if (request.method != "GET" && request.method != "HEAD")
        return failure(s3errors::methodNotAllowed(request.method, "OBJECT"));
    if (hasUnservedSubresource(parseQuery(request.query)))
        return failure(s3errors::notImplemented(QStringLiteral("query")));
    if (key.size() > kMaxKeyBytes)
        return failure(s3errors::keyTooLong(key.size()));
    const std::optional<StoredObject> object = m_store.find(bucket, key, now);
    if (!object)
        return failure(s3errors::noSuchKey(utf8(key)));
    ObjectContent content = m_store.content(*object);
    const qint64 size = content.body.size();

    S3Result result;
    result.headers
        = { { "Last-Modified", httpDateOf(content.lastModified) }, { "ETag", content.etag },
              { "Accept-Ranges", "bytes" }, { "Content-Type", "binary/octet-stream" } };
    const lookout::InferenceScheduler &scheduler = m_store.fleet().at(object->scheduler).scheduler;
    if (scheduler.dataOutputConfiguration && scheduler.dataOutputConfiguration->kmsKeyId) {
        result.headers.emplace_back("x-amz-server-side-encryption", "aws:kms");
        result.headers.emplace_back("x-amz-server-side-encryption-aws-kms-key-id",
            scheduler.dataOutputConfiguration->kmsKeyId->toUtf8());
    }
    result.body = std::move(content.body);

    // One range, "bytes=first-last", "bytes=first-" or "bytes=-suffix"; S3 serves the whole
    // object for a Range header it cannot read (several ranges included).
    const QByteArray range = request.header("range");
    if (request.method == "GET" && range.startsWith("bytes=") && !range.contains(',')) {
        const QByteArray spec = range.sliced(6).trimmed();
        const qsizetype dash = spec.indexOf('-');
        bool firstOk = true;
        bool lastOk = true;
        qint64 first = 0;
        qint64 last = size - 1;
        if (dash == 0) {
            const qint64 suffix = spec.sliced(1).toLongLong(&lastOk);
            first = qMax<qint64>(0, size - suffix);
            lastOk = lastOk && suffix > 0;
        } else if (dash > 0) {
            first = spec.first(dash).toLongLong(&firstOk);
            if (dash + 1 < spec.size())
                last = qMin(size - 1, spec.sliced(dash + 1).toLongLong(&lastOk));
        }
        if (dash >= 0 && firstOk && lastOk && first >= 0) {
            if (first >= size || first > last)
                return failure(s3errors::invalidRange(QString::fromLatin1(range), size));
            result.status = 206;
            result.headers.emplace_back("Content-Range",
                "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                    + QByteArray::number(size));
            result.body = result.body.sliced(first, last - first + 1);
        }
    }
    return result;
}

} // namespace emulator
