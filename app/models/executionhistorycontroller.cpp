#include "models/executionhistorycontroller.h"

#include "lookout/service.h"

#include <algorithm>

namespace models {

namespace {

QString listOperation()
{
    return QString(QLatin1StringView(lookout::service::operation::kListInferenceExecutions));
}

} // namespace

ExecutionHistoryController::ExecutionHistoryController(QObject *parent)
    : QObject(parent)
    , m_model(new ExecutionHistoryModel(this))
{
    connect(m_model, &ExecutionHistoryModel::moreRequested, this,
        &ExecutionHistoryController::fetchNextPage);
}

ExecutionHistoryController::~ExecutionHistoryController()
{
    dropCall();
}

void ExecutionHistoryController::setClient(const std::optional<lookout::LookoutClient> &client)
{
    m_client = client;
    reset();
}

void ExecutionHistoryController::setScheduler(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    reset();
}

void ExecutionHistoryController::setFilter(const lookout::InferenceExecutionFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    const bool wasListed
        = m_state == State::Loaded || m_state == State::Loading || m_state == State::Failed;
    reset();
    if (wasListed)
        load();
}

void ExecutionHistoryController::dropCall()
{
    delete m_call.data();
    m_call.clear();
}

void ExecutionHistoryController::reset()
{
    dropCall();
    m_nextToken.reset();
    m_pagination.reset();
    m_refreshFrom.reset();
    m_refreshPagination.reset();
    m_refreshed.clear();
    m_lastError.reset();
    m_failed.reset();
    m_model->setCanFetchMore(false);
    m_model->setExecutions({});
    if (m_name.isEmpty())
        m_state = State::Empty;
    else if (!m_client)
        m_state = State::NoConnection;
    else
        m_state = State::Idle;
    emit stateChanged();
}

bool ExecutionHistoryController::load()
{
    if (m_state != State::Idle)
        return false;
    m_pagination.emplace(listOperation());
    m_state = State::Loading;
    requestPage(Operation::FirstPage, m_filter, kFirstPageSize, std::nullopt);
    emit stateChanged();
    return true;
}

bool ExecutionHistoryController::refresh()
{
    if (isBusy())
        return false;
    if (m_state == State::Idle || m_state == State::Failed) {
        if (m_state == State::Failed)
            m_state = State::Idle;
        return load();
    }
    if (m_state != State::Loaded)
        return false;
    const std::optional<lookout::Timestamp> from = m_model->refreshFrom();
    if (!from) {
        // Nothing was listed: list again from the start.
        m_state = State::Idle;
        return load();
    }
    m_refreshFrom = from;
    m_refreshPagination.emplace(listOperation());
    m_refreshed.clear();
    m_lastError.reset();
    m_failed.reset();
    requestPage(Operation::Refresh, refreshFilter(), kPageSize, std::nullopt);
    emit stateChanged();
    return true;
}

bool ExecutionHistoryController::retry()
{
    if (isBusy() || !m_failed)
        return false;
    const Operation operation = *m_failed;
    m_failed.reset();
    m_lastError.reset();
    switch (operation) {
    case Operation::FirstPage:
        m_state = State::Idle;
        return load();
    case Operation::NextPage:
        fetchNextPage();
        return isBusy();
    case Operation::Refresh:
        return refresh();
    }
    return false;
}

lookout::InferenceExecutionFilter ExecutionHistoryController::refreshFilter() const
{
    lookout::InferenceExecutionFilter filter = m_filter;
    const qint64 after = m_refreshFrom->epochMicroseconds - kRefreshOverlapMicros;
    if (!filter.dataStartTimeAfter || filter.dataStartTimeAfter->epochMicroseconds < after)
        filter.dataStartTimeAfter = lookout::Timestamp { after };
    return filter;
}

void ExecutionHistoryController::fetchNextPage()
{
    if (isBusy() || !m_nextToken || m_state != State::Loaded)
        return;
    requestPage(Operation::NextPage, m_filter, kPageSize, m_nextToken);
    emit stateChanged();
}

void ExecutionHistoryController::requestPage(Operation operation,
    const lookout::InferenceExecutionFilter &filter, int pageSize,
    const std::optional<QString> &token)
{
    dropCall();
    m_model->setCanFetchMore(false);
    auto *context = new QObject(this);
    m_call = context;
    m_client->listInferenceExecutionsPage(m_name, filter, pageSize, token, context,
        [this, operation, pageSize](const aws::Result<lookout::InferenceExecutionPage> &page) {
            onPage(operation, page, pageSize);
        });
}

void ExecutionHistoryController::onPage(
    Operation operation, const aws::Result<lookout::InferenceExecutionPage> &page, int pageSize)
{
    Q_UNUSED(pageSize);
    m_call->deleteLater();
    m_call.clear();
    if (!page.ok()) {
        fail(operation, page.error());
        return;
    }
    lookout::Pagination &pagination
        = operation == Operation::Refresh ? *m_refreshPagination : *m_pagination;
    const lookout::InferenceExecutionPage &value = page.value();
    const qsizetype count = value.summaries.size();
    aws::Result<bool> admitted = pagination.admitPage(count,
        lookout::Pagination::decodedPageBytes(
            count, sizeof(lookout::InferenceExecutionSummary), 0));
    if (!admitted.ok()) {
        fail(operation, admitted.error());
        return;
    }
    const aws::Result<std::optional<QString>> next = pagination.afterPage(value.nextToken);
    if (!next.ok()) {
        fail(operation, next.error());
        return;
    }

    switch (operation) {
    case Operation::FirstPage:
        m_model->setExecutions(value.summaries);
        m_nextToken = next.value();
        m_state = State::Loaded;
        break;
    case Operation::NextPage:
        m_model->appendPage(value.summaries);
        m_nextToken = next.value();
        break;
    case Operation::Refresh:
        m_refreshed.append(value.summaries);
        if (next.value()) {
            requestPage(Operation::Refresh, refreshFilter(), kPageSize, next.value());
            return;
        }
        m_model->mergeFrom(*m_refreshFrom, m_refreshed);
        m_refreshed.clear();
        m_refreshFrom.reset();
        break;
    }
    m_lastError.reset();
    m_failed.reset();
    updateFetchMore();
    emit stateChanged();
}

void ExecutionHistoryController::fail(Operation operation, const aws::AwsError &error)
{
    m_lastError = error;
    m_failed = operation;
    if (operation == Operation::FirstPage) {
        m_state = State::Failed;
    } else if (operation == Operation::Refresh) {
        m_refreshed.clear();
        m_model->setStale(true);
    }
    updateFetchMore();
    emit stateChanged();
}

void ExecutionHistoryController::updateFetchMore()
{
    m_model->setCanFetchMore(
        m_state == State::Loaded && !isBusy() && m_nextToken.has_value() && !m_failed);
}

} // namespace models
