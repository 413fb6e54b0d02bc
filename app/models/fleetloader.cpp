#include "models/fleetloader.h"

#include "aws/credentialsprovider.h"
#include "aws/endpointtarget.h"
#include "lookout/lookoutclient.h"
#include "lookout/service.h"
#include "models/connectedclient.h"
#include "models/mergequeue.h"
#include "models/schedulerlistmodel.h"
#include "models/summaryreuser.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QThread>

Q_LOGGING_CATEGORY(lcFleetLoader, "lookoutdesk.models.fleetloader", QtWarningMsg)

namespace models {

namespace {

bool sameCredentials(const aws::AwsCredentials &a, const aws::AwsCredentials &b)
{
    return a.accessKeyId == b.accessKeyId && a.secretAccessKey == b.secretAccessKey
        && a.sessionToken == b.sessionToken;
}

bool sameSettings(const aws::AwsJsonClientSettings &a, const aws::AwsJsonClientSettings &b)
{
    return a.endpoint == b.endpoint && a.region == b.region && a.signingName == b.signingName
        && a.targetPrefix == b.targetPrefix && a.maxAttempts == b.maxAttempts
        && a.connectTimeout == b.connectTimeout && a.readTimeout == b.readTimeout
        && a.maxResponseBytes == b.maxResponseBytes;
}

} // namespace

// Lives on the loader's thread: its network access manager, its JSON client (kept while the
// endpoint and keys stay the same, so connections and the retry quota carry over from cycle to
// cycle) and the listing in flight. Everything it reports goes to the loader as a queued call;
// the loader joins the thread before it is destroyed, so the loader outlives every report.
class FleetLoader::Worker : public QObject {
public:
    explicit Worker(FleetLoader *loader)
        : m_loader(loader)
    {
    }

    void list(quint64 cycle, const aws::AwsJsonClientSettings &settings,
        const aws::AwsCredentials &credentials)
    {
        abort();
        if (!m_network)
            m_network = new QNetworkAccessManager(this);
        if (!m_client || !sameSettings(m_client->settings(), settings)
            || !sameCredentials(m_keys, credentials)) {
            m_reuser.clear();
            delete m_client;
            m_keys = credentials;
            m_client = new aws::AwsJsonClient(m_network, settings,
                std::make_shared<aws::StaticCredentialsProvider>(credentials), this);
        }
        auto *context = new QObject(this);
        m_context = context;
        FleetLoader *loader = m_loader;
        m_reuser.beginListing();
        lookout::LookoutClient(m_client).listInferenceSchedulers(
            lookout::InferenceSchedulerFilter {}, context,
            [this, loader, cycle](const QList<lookout::InferenceSchedulerSummary> &decoded) {
                QList<lookout::InferenceSchedulerSummary> page = m_reuser.reuse(decoded);
                QMetaObject::invokeMethod(
                    loader,
                    [loader, cycle, page] {
                        loader->m_merges->post(
                            loader, [loader, cycle, page] { loader->applyPage(cycle, page); });
                    },
                    Qt::QueuedConnection);
            },
            [this, loader, cycle, context](
                const aws::Result<QList<lookout::InferenceSchedulerSummary>> &result) {
                context->deleteLater();
                if (m_context == context)
                    m_context = nullptr;
                m_reuser.finishListing(result.ok());
                std::optional<aws::AwsError> error;
                if (!result.ok())
                    error = result.error();
                QMetaObject::invokeMethod(
                    loader,
                    [loader, cycle, error] {
                        loader->m_merges->post(
                            loader, [loader, cycle, error] { loader->finish(cycle, error); });
                    },
                    Qt::QueuedConnection);
            });
    }

    // Drops the listing in flight: no more pages are asked for, the call on the wire is aborted.
    void abort()
    {
        delete m_context.data();
        m_context = nullptr;
    }

private:
    FleetLoader *m_loader;
    QNetworkAccessManager *m_network = nullptr;
    aws::AwsJsonClient *m_client = nullptr;
    aws::AwsCredentials m_keys;
    QPointer<QObject> m_context;
    SummaryReuser m_reuser; // unchanged summaries go out as the copies the model already holds
};

FleetLoader::FleetLoader(SchedulerListModel *model, QObject *parent)
    : FleetLoader(model, 0, parent)
{
}

FleetLoader::FleetLoader(SchedulerListModel *model, int source, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_source(source)
    , m_thread(new QThread(this))
    , m_worker(new Worker(this))
    , m_merges(new MergeQueue(this))
{
    qRegisterMetaType<std::optional<aws::AwsError>>();
    m_thread->setObjectName(QStringLiteral("fleet listing"));
    m_worker->moveToThread(m_thread);
    // Destroyed on its own thread, with its network access manager, once the thread ends.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

FleetLoader::~FleetLoader()
{
    delete m_credentialsCall.data();
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->abort(); }, Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void FleetLoader::shareMergeQueue(MergeQueue *queue)
{
    m_merges = queue;
}

RefreshController::Outcome FleetLoader::outcomeOf(const aws::AwsError &error)
{
    return error.isThrottling() ? RefreshController::Outcome::Throttled
                                : RefreshController::Outcome::Failed;
}

bool FleetLoader::start(const ConnectedClient &client)
{
    if (m_loading)
        return false;
    m_loading = true;
    const quint64 cycle = ++m_cycle;
    m_settings = client.config().clientSettings();
    m_credentials = client.config().credentials;
    m_model->beginCycle(m_source);
    emit loadingChanged(true);
    qCDebug(lcFleetLoader) << "listing the fleet at" << aws::withoutUserInfo(m_settings.endpoint);
    if (!m_credentials) {
        aws::AwsError error;
        error.kind = aws::AwsError::Kind::Credentials;
        error.operation = QLatin1StringView(lookout::service::operation::kListInferenceSchedulers);
        error.message = tr("The connection has no credentials provider.");
        QMetaObject::invokeMethod(
            this, [this, cycle, error] { finish(cycle, error); }, Qt::QueuedConnection);
        return true;
    }
    // The provider may be slow (credential_process, the keychain) and may answer at once.
    auto *context = new QObject(this);
    m_credentialsCall = context;
    m_credentials->fetch(
        context, [this, cycle, context](const aws::Result<aws::AwsCredentials> &credentials) {
            context->deleteLater();
            if (cycle != m_cycle)
                return;
            if (!credentials.ok()) {
                aws::AwsError error = credentials.error();
                if (error.operation.isEmpty())
                    error.operation
                        = QLatin1StringView(lookout::service::operation::kListInferenceSchedulers);
                QMetaObject::invokeMethod(
                    this, [this, cycle, error] { finish(cycle, error); }, Qt::QueuedConnection);
                return;
            }
            startListing(cycle, credentials.value());
        });
    return true;
}

void FleetLoader::startListing(quint64 cycle, const aws::AwsCredentials &credentials)
{
    Worker *worker = m_worker;
    const aws::AwsJsonClientSettings settings = m_settings;
    QMetaObject::invokeMethod(
        worker,
        [worker, cycle, settings, credentials] { worker->list(cycle, settings, credentials); },
        Qt::QueuedConnection);
}

void FleetLoader::applyPage(quint64 cycle, const QList<lookout::InferenceSchedulerSummary> &page)
{
    if (cycle == m_cycle && m_loading)
        m_model->applyPage(page, m_source);
}

void FleetLoader::finish(quint64 cycle, const std::optional<aws::AwsError> &error)
{
    if (cycle != m_cycle || !m_loading)
        return;
    m_loading = false;
    m_model->finishCycle(
        error ? SchedulerListModel::CycleEnd::Incomplete : SchedulerListModel::CycleEnd::Complete,
        m_source);
    m_lastError = error;
    RefreshController::Outcome outcome = RefreshController::Outcome::Success;
    if (error) {
        outcome = outcomeOf(*error);
        qCDebug(lcFleetLoader) << "listing failed:" << error->toString();
        // The snapshot the listing used has expired: the next cycle must fetch new keys.
        if (error->isExpiredToken() && m_credentials)
            m_credentials->invalidate();
    }
    emit loadingChanged(false);
    emit finished(outcome, m_lastError);
}

void FleetLoader::cancel()
{
    if (!m_loading)
        return;
    ++m_cycle;
    m_loading = false;
    delete m_credentialsCall.data();
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->abort(); }, Qt::QueuedConnection);
    m_model->finishCycle(SchedulerListModel::CycleEnd::Incomplete, m_source);
    emit loadingChanged(false);
}

void FleetLoader::reset()
{
    cancel();
    m_lastError.reset();
}

} // namespace models
