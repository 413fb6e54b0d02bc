#include "lookout/lookoutclient.h"

#include "lookout/jsoncodec.h"
#include "lookout/parametervalidation.h"
#include "lookout/service.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <memory>

Q_LOGGING_CATEGORY(lcLookout, "lookoutdesk.lookout")

namespace lookout {

namespace {

// Refused parameters are reported from the event loop like every other result, so callers
// never see their callback run inside the call they are making.
void deliverLater(QObject *context, QObject *fallback, std::function<void()> task)
{
    QObject *receiver = context ? context : fallback;
    if (receiver)
        QMetaObject::invokeMethod(receiver, std::move(task), Qt::QueuedConnection);
    else
        QTimer::singleShot(0, std::move(task));
}

aws::AwsError clientGone(const QString &operation)
{
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::Cancelled;
    error.operation = operation;
    error.message
        = QStringLiteral("The %1 call was not made: the connection to the endpoint is closed")
              .arg(operation);
    return error;
}

// A decoding error names the body's problem; the endpoint and status say where it came from.
// AwsJsonClient hands over only successful responses' bodies, hence HTTP 200.
aws::AwsError badResponse(aws::AwsError error, const QString &operation, const QUrl &endpoint)
{
    error.operation = operation;
    error.endpoint = endpoint;
    error.httpStatus = 200;
    return error;
}

template<typename T>
void singleCall(aws::AwsJsonClient *client, const QString &operation,
    const aws::Result<QByteArray> &body, QObject *context, aws::Result<T> (*decode)(QByteArrayView),
    LookoutClient::Callback<T> done)
{
    if (!body.ok()) {
        deliverLater(
            context, client, [done = std::move(done), error = body.error()] { done(error); });
        return;
    }
    if (!client) {
        deliverLater(
            context, nullptr, [done = std::move(done), operation] { done(clientGone(operation)); });
        return;
    }
    const QUrl endpoint = client->settings().endpoint;
    client->call(operation.toLatin1(), body.value(), context,
        [operation, endpoint, decode, done = std::move(done)](
            const aws::Result<QByteArray> &response) {
            if (!response.ok()) {
                done(response.error());
                return;
            }
            const aws::Result<T> decoded = decode(response.value());
            if (!decoded.ok())
                done(badResponse(decoded.error(), operation, endpoint));
            else
                done(decoded);
        });
}

// One paged listing in progress: requests a page, hands it on, and asks Pagination whether
// and with which token to go on. Owned by the callback of the call in flight, so it goes away
// with that call when the context is destroyed.
template<typename Page> class Listing : public std::enable_shared_from_this<Listing<Page>> {
public:
    using Summary = typename decltype(Page::summaries)::value_type;
    using BodyFor
        = std::function<aws::Result<QByteArray>(const std::optional<QString> &token, int pageSize)>;
    using Decode = aws::Result<Page> (*)(QByteArrayView, int maxResults);
    using PageCallback = std::function<void(const QList<Summary> &)>;
    using DoneCallback = LookoutClient::Callback<QList<Summary>>;

    Listing(aws::AwsJsonClient *client, QString operation, QObject *context,
        Pagination::Limits limits, std::optional<int> maxItems, BodyFor bodyFor, Decode decode,
        PageCallback onPage, DoneCallback done)
        : m_client(client)
        , m_endpoint(client->settings().endpoint)
        , m_operation(std::move(operation))
        , m_context(context)
        , m_hasContext(context != nullptr)
        , m_pagination(m_operation, limits)
        , m_maxItems(maxItems)
        , m_bodyFor(std::move(bodyFor))
        , m_decode(decode)
        , m_onPage(std::move(onPage))
        , m_done(std::move(done))
    {
    }

    void requestPage(const std::optional<QString> &token)
    {
        // The page callback may have destroyed the client or the context: the listing is
        // then cancelled, silently, as AwsJsonClient drops its calls.
        if (!m_client || (m_hasContext && !m_context))
            return;
        const int pageSize = m_maxItems ? static_cast<int>(std::min<qsizetype>(
                                 requests::kMaxPageSize, *m_maxItems - m_all.size()))
                                        : requests::kMaxPageSize;
        const aws::Result<QByteArray> body = m_bodyFor(token, pageSize);
        m_pageSize = pageSize;
        if (!body.ok()) {
            m_done(body.error());
            return;
        }
        m_client->call(m_operation.toLatin1(), body.value(), m_context.data(),
            [self = this->shared_from_this()](
                const aws::Result<QByteArray> &response) { self->onResponse(response); });
    }

private:
    void onResponse(const aws::Result<QByteArray> &response)
    {
        if (!response.ok()) {
            m_done(response.error());
            return;
        }
        aws::Result<Page> page = m_decode(response.value(), m_pageSize);
        if (!page.ok()) {
            m_done(badResponse(page.error(), m_operation, m_endpoint));
            return;
        }
        const qsizetype count = page.value().summaries.size();
        const aws::Result<bool> admitted = m_pagination.admitPage(
            count, Pagination::decodedPageBytes(count, sizeof(Summary), response.value().size()));
        if (!admitted.ok()) {
            m_done(badResponse(admitted.error(), m_operation, m_endpoint));
            return;
        }
        m_all.append(page.value().summaries);
        qCDebug(lcLookout, "%s page %d: %lld summaries, %s", qPrintable(m_operation),
            m_pagination.pagesReceived() + 1, static_cast<long long>(page.value().summaries.size()),
            page.value().nextToken ? "more to follow" : "the last");
        if (m_onPage) {
            m_onPage(page.value().summaries);
            if (m_hasContext && !m_context)
                return;
        }
        if (m_maxItems && m_all.size() >= *m_maxItems) {
            m_all.resize(*m_maxItems);
            m_done(m_all);
            return;
        }
        const aws::Result<std::optional<QString>> next
            = m_pagination.afterPage(page.value().nextToken);
        if (!next.ok()) {
            m_done(badResponse(next.error(), m_operation, m_endpoint));
            return;
        }
        if (!next.value()) {
            m_done(m_all);
            return;
        }
        requestPage(next.value());
    }

    QPointer<aws::AwsJsonClient> m_client;
    QUrl m_endpoint;
    QString m_operation;
    QPointer<QObject> m_context;
    bool m_hasContext;
    Pagination m_pagination;
    std::optional<int> m_maxItems;
    int m_pageSize = requests::kMaxPageSize;
    BodyFor m_bodyFor;
    Decode m_decode;
    PageCallback m_onPage;
    DoneCallback m_done;
    QList<Summary> m_all;
};

} // namespace

LookoutClient::LookoutClient(aws::AwsJsonClient *client, Pagination::Limits limits)
    : m_client(client)
    , m_limits(limits)
{
}

void LookoutClient::describeInferenceScheduler(
    const QString &name, QObject *context, Callback<InferenceScheduler> done)
{
    singleCall<InferenceScheduler>(m_client,
        QLatin1StringView(service::operation::kDescribeInferenceScheduler),
        requests::describeInferenceScheduler(name), context,
        &json::decodeDescribeInferenceScheduler, std::move(done));
}

void LookoutClient::startInferenceScheduler(
    const QString &name, QObject *context, Callback<SchedulerStateChange> done)
{
    singleCall<SchedulerStateChange>(m_client,
        QLatin1StringView(service::operation::kStartInferenceScheduler),
        requests::startInferenceScheduler(name), context, &json::decodeSchedulerStateChange,
        std::move(done));
}

void LookoutClient::stopInferenceScheduler(
    const QString &name, QObject *context, Callback<SchedulerStateChange> done)
{
    singleCall<SchedulerStateChange>(m_client,
        QLatin1StringView(service::operation::kStopInferenceScheduler),
        requests::stopInferenceScheduler(name), context, &json::decodeSchedulerStateChange,
        std::move(done));
}

void LookoutClient::listInferenceSchedulers(const InferenceSchedulerFilter &filter,
    QObject *context, SchedulerPageCallback onPage, Callback<QList<InferenceSchedulerSummary>> done)
{
    const QString operation = QLatin1StringView(service::operation::kListInferenceSchedulers);
    // Checked once here; later pages differ only in their token.
    const aws::Result<QByteArray> firstBody
        = requests::listInferenceSchedulers(filter, requests::kMaxPageSize, std::nullopt);
    if (!firstBody.ok() || !m_client) {
        const aws::AwsError error = firstBody.ok() ? clientGone(operation) : firstBody.error();
        deliverLater(context, m_client, [done = std::move(done), error] { done(error); });
        return;
    }
    auto listing = std::make_shared<Listing<InferenceSchedulerPage>>(
        m_client, operation, context, m_limits, std::nullopt,
        [filter](const std::optional<QString> &token, int pageSize) {
            return requests::listInferenceSchedulers(filter, pageSize, token);
        },
        &json::decodeListInferenceSchedulers, std::move(onPage), std::move(done));
    listing->requestPage(std::nullopt);
}

namespace {

// Starts a listing of one scheduler's pages (executions, events): the parameters are checked once
// here, later pages differ only in their token.
template<typename Page, typename Summary, typename BodyFor>
void listOfScheduler(aws::AwsJsonClient *client, Pagination::Limits limits,
    const QString &operation, std::optional<int> maxItems, BodyFor bodyFor,
    aws::Result<Page> (*decode)(QByteArrayView, int), QObject *context,
    LookoutClient::Callback<QList<Summary>> done)
{
    ParameterCheck check;
    if (maxItems)
        check.range(QLatin1StringView("MaxItems"), *maxItems, 1, std::numeric_limits<int>::max());
    const aws::Result<QByteArray> firstBody = bodyFor(std::nullopt, requests::kMaxPageSize);
    QStringList problems = check.problems();
    if (!firstBody.ok())
        problems.append(firstBody.error().message);
    if (!problems.isEmpty() || !client) {
        aws::AwsError error = clientGone(operation);
        if (!problems.isEmpty()) {
            error.kind = aws::AwsError::Kind::InvalidParameter;
            error.message = problems.join(QLatin1Char('\n'));
        }
        deliverLater(context, client, [done = std::move(done), error] { done(error); });
        return;
    }
    auto listing = std::make_shared<Listing<Page>>(client, operation, context, limits, maxItems,
        std::move(bodyFor), decode, nullptr, std::move(done));
    listing->requestPage(std::nullopt);
}

} // namespace

void LookoutClient::listInferenceExecutions(const QString &name,
    const InferenceExecutionFilter &filter, std::optional<int> maxItems, QObject *context,
    Callback<QList<InferenceExecutionSummary>> done)
{
    listOfScheduler<InferenceExecutionPage, InferenceExecutionSummary>(
        m_client, m_limits, QLatin1StringView(service::operation::kListInferenceExecutions),
        maxItems,
        [name, filter](const std::optional<QString> &token, int pageSize) {
            return requests::listInferenceExecutions(name, filter, pageSize, token);
        },
        &json::decodeListInferenceExecutions, context, std::move(done));
}

void LookoutClient::listInferenceExecutionsPage(const QString &name,
    const InferenceExecutionFilter &filter, int maxResults, const std::optional<QString> &nextToken,
    QObject *context, Callback<InferenceExecutionPage> done)
{
    const QString operation = QLatin1StringView(service::operation::kListInferenceExecutions);
    const aws::Result<QByteArray> body
        = requests::listInferenceExecutions(name, filter, maxResults, nextToken);
    if (!body.ok() || !m_client) {
        const aws::AwsError error = body.ok() ? clientGone(operation) : body.error();
        deliverLater(context, m_client, [done = std::move(done), error] { done(error); });
        return;
    }
    const QUrl endpoint = m_client->settings().endpoint;
    m_client->call(operation.toLatin1(), body.value(), context,
        [operation, endpoint, maxResults, done = std::move(done)](
            const aws::Result<QByteArray> &response) {
            if (!response.ok()) {
                done(response.error());
                return;
            }
            const aws::Result<InferenceExecutionPage> page
                = json::decodeListInferenceExecutions(response.value(), maxResults);
            if (!page.ok())
                done(badResponse(page.error(), operation, endpoint));
            else
                done(page);
        });
}

void LookoutClient::listInferenceEvents(const QString &name, const InferenceEventInterval &interval,
    std::optional<int> maxItems, QObject *context, Callback<QList<InferenceEventSummary>> done)
{
    listOfScheduler<InferenceEventPage, InferenceEventSummary>(
        m_client, m_limits, QLatin1StringView(service::operation::kListInferenceEvents), maxItems,
        [name, interval](const std::optional<QString> &token, int pageSize) {
            return requests::listInferenceEvents(name, interval, pageSize, token);
        },
        &json::decodeListInferenceEvents, context, std::move(done));
}

} // namespace lookout
