#include "models/inferenceeventmodel.h"

#include "models/resultstext.h"
#include "models/timetext.h"
#include "results/events.h"
#include "results/resultstime.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace models {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::InferenceEventModel)
};

constexpr qint64 kAllWithoutCreation = 365 * results::kMicrosecondsPerDay;
// What a tooltip shows of Diagnostics that are text; the whole text is in the tab's text view.
constexpr qsizetype kToolTipChars = 2000;

std::optional<qint64> microsOf(const std::optional<lookout::Timestamp> &time)
{
    if (!time)
        return std::nullopt;
    return time->epochMicroseconds;
}

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    return end < 0 ? text : QString(text.left(end) + QStringLiteral(" …"));
}

InferenceEventModel::Event eventOf(const lookout::InferenceEventSummary &summary)
{
    InferenceEventModel::Event event;
    event.start = microsOf(summary.eventStartTime);
    event.end = microsOf(summary.eventEndTime);
    event.durationSeconds = summary.eventDurationInSeconds;
    event.diagnostics = summary.diagnostics;
    if (summary.diagnostics) {
        event.decoded = results::decodeEventDiagnostics(*summary.diagnostics);
        if (event.decoded.form == results::EventDiagnostics::Form::Contributions) {
            event.contributions
                = results::contributionSeries(event.decoded, event.start.value_or(0));
            event.topSensors = topSensorsText(
                event.contributions, results::contributions(event.contributions, 0, 0));
        } else {
            event.topSensors = firstLine(event.decoded.text);
        }
    }
    return event;
}

} // namespace

InferenceEventModel::InferenceEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

InferenceEventModel::~InferenceEventModel()
{
    delete m_call;
}

lookout::InferenceEventInterval InferenceEventModel::intervalFor(
    const results::TimeRange &range, qint64 now, std::optional<qint64> createdAt)
{
    const qint64 end = range.to ? std::min(*range.to, now) : now;
    qint64 start = 0;
    if (range.from)
        start = *range.from;
    else if (createdAt)
        start = *createdAt;
    else
        start = now - kAllWithoutCreation;
    start = std::min(start, end);
    return { lookout::Timestamp { start }, lookout::Timestamp { end } };
}

qint64 InferenceEventModel::newestActivity(const lookout::InferenceScheduler &scheduler, qint64 now)
{
    if (scheduler.status == QLatin1String(lookout::status::kStopped) && scheduler.updatedAt)
        return std::min(scheduler.updatedAt->epochMicroseconds, now);
    return now;
}

void InferenceEventModel::load(const lookout::LookoutClient &client, const QString &scheduler,
    const lookout::InferenceEventInterval &interval)
{
    m_client = client;
    m_scheduler = scheduler;
    m_interval = interval;
    retry();
}

bool InferenceEventModel::retry()
{
    if (!m_client || m_scheduler.isEmpty())
        return false;
    delete m_call;
    beginResetModel();
    m_events.clear();
    endResetModel();
    m_error.reset();
    m_call = new QObject(this);
    m_client->listInferenceEvents(m_scheduler, m_interval, std::nullopt, m_call,
        [this](
            const aws::Result<QList<lookout::InferenceEventSummary>> &result) { finish(result); });
    setState(State::Loading);
    return true;
}

void InferenceEventModel::clear()
{
    delete m_call;
    m_client.reset();
    m_scheduler.clear();
    m_error.reset();
    beginResetModel();
    m_events.clear();
    endResetModel();
    setState(State::Empty);
}

void InferenceEventModel::finish(const aws::Result<QList<lookout::InferenceEventSummary>> &result)
{
    m_call->deleteLater();
    m_call = nullptr;
    if (!result.ok()) {
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    std::vector<Event> events;
    events.reserve(static_cast<size_t>(result.value().size()));
    for (const lookout::InferenceEventSummary &summary : result.value())
        events.push_back(eventOf(summary));
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
    setState(State::Loaded);
}

void InferenceEventModel::setState(State state)
{
    m_state = state;
    emit stateChanged();
}

const InferenceEventModel::Event *InferenceEventModel::eventAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_events.size()))
        return nullptr;
    return &m_events[static_cast<size_t>(row)];
}

int InferenceEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int InferenceEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InferenceEventModel::displayData(const Event &event, int column) const
{
    switch (column) {
    case StartColumn:
        return event.start ? localDateTimeText(results::toDateTime(*event.start)) : QVariant();
    case EndColumn:
        return event.end ? localDateTimeText(results::toDateTime(*event.end)) : QVariant();
    case DurationColumn:
        if (!event.durationSeconds)
            return {};
        return *event.durationSeconds <= 0
            ? Text::tr("%1 s").arg(*event.durationSeconds)
            : eventDurationText(*event.durationSeconds * results::kMicrosecondsPerSecond);
    case SensorsColumn:
        if (!event.diagnostics)
            return {};
        if (event.decoded.form == results::EventDiagnostics::Form::Contributions
            && event.decoded.sensors.empty())
            return Text::tr("no sensors listed");
        return event.topSensors;
    default:
        return {};
    }
}

QVariant InferenceEventModel::toolTipData(const Event &event, int column) const
{
    switch (column) {
    case StartColumn:
        return event.start ? utcDateTimeText(results::toDateTime(*event.start)) : QVariant();
    case EndColumn:
        return event.end ? utcDateTimeText(results::toDateTime(*event.end)) : QVariant();
    case DurationColumn:
        return event.durationSeconds
            ? Text::tr("%1 seconds").arg(QLocale().toString(*event.durationSeconds))
            : QVariant();
    case SensorsColumn:
        if (!event.diagnostics)
            return {};
        if (event.decoded.form == results::EventDiagnostics::Form::Contributions)
            return topSensorsText(event.contributions,
                results::contributions(event.contributions, 0, 0), std::numeric_limits<int>::max());
        return event.decoded.text.size() > kToolTipChars
            ? QString(event.decoded.text.left(kToolTipChars) + QStringLiteral(" …"))
            : event.decoded.text;
    default:
        return {};
    }
}

QVariant InferenceEventModel::rawData(const Event &event, int column) const
{
    switch (column) {
    case StartColumn:
        return event.start ? QVariant(results::toDateTime(*event.start)) : QVariant();
    case EndColumn:
        return event.end ? QVariant(results::toDateTime(*event.end)) : QVariant();
    case DurationColumn:
        return event.durationSeconds ? QVariant(*event.durationSeconds) : QVariant();
    case SensorsColumn:
        return event.diagnostics ? QVariant(*event.diagnostics) : QVariant();
    default:
        return {};
    }
}

QVariant InferenceEventModel::sortData(const Event &event, int column) const
{
    constexpr qint64 kAbsent = std::numeric_limits<qint64>::min();
    switch (column) {
    case StartColumn:
        return event.start.value_or(kAbsent);
    case EndColumn:
        return event.end.value_or(kAbsent);
    case DurationColumn:
        return event.durationSeconds.value_or(kAbsent);
    case SensorsColumn: {
        if (event.decoded.form != results::EventDiagnostics::Form::Contributions
            || event.decoded.sensors.empty())
            return -1.0;
        const results::Contributions shares = results::contributions(event.contributions, 0, 0);
        return shares.sensors.empty() ? -1.0 : shares.sensors.front().share;
    }
    default:
        return {};
    }
}

QVariant InferenceEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events[static_cast<size_t>(index.row())];
    const int column = index.column();
    const bool absent = !rawData(event, column).isValid();
    switch (role) {
    case Qt::DisplayRole: {
        const QVariant shown = displayData(event, column);
        return shown.isValid() ? shown : QVariant(Text::tr("not set"));
    }
    case Qt::ToolTipRole:
        return toolTipData(event, column);
    case RawValueRole:
        return rawData(event, column);
    case AbsentRole:
        return absent;
    case SortRole:
        return sortData(event, column);
    case AccessibleTextRole:
        return QString(headerData(column, Qt::Horizontal).toString() + QStringLiteral(": ")
            + (absent ? Text::tr("not set") : displayData(event, column).toString()));
    case Qt::TextAlignmentRole:
        return column == DurationColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant InferenceEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartColumn:
        return Text::tr("Start");
    case EndColumn:
        return Text::tr("End");
    case DurationColumn:
        return Text::tr("Duration");
    case SensorsColumn:
        return Text::tr("Contributing sensors");
    default:
        return {};
    }
}

} // namespace models
