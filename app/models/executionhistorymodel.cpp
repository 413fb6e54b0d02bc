#include "models/executionhistorymodel.h"

#include "lookout/jsoncodec.h"
#include "models/timetext.h"

#include <QFont>
#include <QSet>

#include <algorithm>
#include <limits>
#include <map>

namespace models {

namespace {

const QList<int> kStaleRoles { StaleRole, Qt::FontRole };

qint64 microsOf(const std::optional<lookout::Timestamp> &time)
{
    return time ? time->epochMicroseconds : 0;
}

QString isoUtc(const std::optional<lookout::Timestamp> &time)
{
    return time ? time->dateTime().toString(Qt::ISODateWithMs) : QString();
}

// A value on one line of a TSV: tabs and line breaks become spaces.
QString tsvField(QString value)
{
    for (QChar &c : value) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return value;
}

QString firstLine(const QString &text, int maxChars)
{
    QString line = text.left(maxChars);
    const qsizetype lineBreak = line.indexOf(QLatin1Char('\n'));
    if (lineBreak >= 0)
        line.truncate(lineBreak);
    if (line.size() < text.size())
        line.append(QChar(0x2026));
    return line;
}

} // namespace

ExecutionKey ExecutionKey::of(const lookout::InferenceExecutionSummary &execution)
{
    return { microsOf(execution.scheduledStartTime), microsOf(execution.dataStartTime) };
}

QString resultObjectUri(const lookout::InferenceExecutionSummary &execution)
{
    if (!execution.customerResultObject || !execution.customerResultObject->bucket)
        return {};
    return QStringLiteral("s3://%1/%2")
        .arg(*execution.customerResultObject->bucket,
            execution.customerResultObject->key.value_or(QString()));
}

ExecutionHistoryModel::ExecutionHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_zone(QTimeZone::systemTimeZone())
{
}

int ExecutionHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExecutionHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ExecutionHistoryModel::timeText(const std::optional<lookout::Timestamp> &time) const
{
    return time ? localDateTimeText(time->dateTime(), m_zone) : QString();
}

QString ExecutionHistoryModel::displayText(
    const lookout::InferenceExecutionSummary &execution, int column) const
{
    switch (column) {
    case ScheduledStartColumn:
        return timeText(execution.scheduledStartTime);
    case DataWindowColumn: {
        if (!execution.dataStartTime && !execution.dataEndTime)
            return {};
        // A window within one day names the day once: "2024-03-04 19:55:00 CET – 20:00:00".
        if (execution.dataStartTime && execution.dataEndTime) {
            const QDateTime start = execution.dataStartTime->dateTime().toTimeZone(m_zone);
            const QDateTime end = execution.dataEndTime->dateTime().toTimeZone(m_zone);
            if (start.date() == end.date())
                return tr("%1 – %2").arg(timeText(execution.dataStartTime),
                    clockTimeText(execution.dataEndTime->dateTime(), m_zone));
        }
        return tr("%1 – %2").arg(
            timeText(execution.dataStartTime), timeText(execution.dataEndTime));
    }
    case StatusColumn:
        return execution.status.value_or(QString());
    case ModelVersionColumn:
        return execution.modelVersion ? QString::number(*execution.modelVersion) : QString();
    case ResultObjectColumn:
        return resultObjectUri(execution);
    case FailedReasonColumn:
        return execution.failedReason ? firstLine(*execution.failedReason, kFailedReasonCellChars)
                                      : QString();
    default:
        return {};
    }
}

QString ExecutionHistoryModel::tooltipText(
    const lookout::InferenceExecutionSummary &execution, int column) const
{
    const auto utc = [](const std::optional<lookout::Timestamp> &time) {
        return time ? utcDateTimeText(time->dateTime()) : QString();
    };
    switch (column) {
    case ScheduledStartColumn:
        return utc(execution.scheduledStartTime);
    case DataWindowColumn:
        if (!execution.dataStartTime && !execution.dataEndTime)
            return {};
        return tr("%1 – %2").arg(utc(execution.dataStartTime), utc(execution.dataEndTime));
    case ModelVersionColumn:
        return execution.modelVersionArn.value_or(QString());
    case ResultObjectColumn:
        return resultObjectUri(execution);
    case FailedReasonColumn:
        return execution.failedReason.value_or(QString());
    default:
        return {};
    }
}

QVariant ExecutionHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const lookout::InferenceExecutionSummary &execution = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(execution, column);
    case Qt::ToolTipRole: {
        const QString tip = tooltipText(execution, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case BadgeValueRole:
        return column == StatusColumn ? QVariant(execution.status.value_or(QString())) : QVariant();
    case CopyTextRole:
        switch (column) {
        case ScheduledStartColumn:
            return isoUtc(execution.scheduledStartTime);
        case DataWindowColumn:
            return QStringLiteral("%1/%2").arg(
                isoUtc(execution.dataStartTime), isoUtc(execution.dataEndTime));
        case FailedReasonColumn:
            return execution.failedReason.value_or(QString());
        default:
            return displayText(execution, column);
        }
    case StaleRole:
        return m_stale;
    case Qt::FontRole:
        if (m_stale) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::AccessibleTextRole:
    case AccessibleTextRole: {
        const QString text = displayText(execution, column);
        return tr("%1: %2").arg(
            headerData(column, Qt::Horizontal).toString(), text.isEmpty() ? tr("not set") : text);
    }
    default:
        return {};
    }
}

QVariant ExecutionHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ScheduledStartColumn:
        return tr("Scheduled start");
    case DataWindowColumn:
        return tr("Data window");
    case StatusColumn:
        return tr("Status");
    case ModelVersionColumn:
        return tr("Model version");
    case ResultObjectColumn:
        return tr("Result object");
    case FailedReasonColumn:
        return tr("Failed reason");
    default:
        return {};
    }
}

bool ExecutionHistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_canFetchMore;
}

void ExecutionHistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // One request per page: the controller allows the next once this one has arrived.
    m_canFetchMore = false;
    emit moreRequested();
}

void ExecutionHistoryModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ScheduledStartColumn), index(rowCount() - 1, DataWindowColumn));
}

void ExecutionHistoryModel::setExecutions(
    const QList<lookout::InferenceExecutionSummary> &executions)
{
    beginResetModel();
    m_rows = executions;
    m_stale = false;
    endResetModel();
}

void ExecutionHistoryModel::appendPage(const QList<lookout::InferenceExecutionSummary> &page)
{
    // Executions started while the user scrolled push the older ones further down: one may
    // then come again on the next page.
    QSet<qint64> shown;
    shown.reserve(m_rows.size());
    for (const lookout::InferenceExecutionSummary &execution : std::as_const(m_rows))
        shown.insert(microsOf(execution.scheduledStartTime));
    QList<lookout::InferenceExecutionSummary> added;
    added.reserve(page.size());
    for (const lookout::InferenceExecutionSummary &execution : page) {
        if (!shown.contains(microsOf(execution.scheduledStartTime)))
            added.append(execution);
    }
    if (added.isEmpty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_rows.append(added);
    endInsertRows();
}

std::optional<lookout::Timestamp> ExecutionHistoryModel::refreshFrom() const
{
    if (m_rows.isEmpty())
        return std::nullopt;
    // IN_PROGRESS rows may sit anywhere (an execution can take longer than the next one).
    qint64 newest = microsOf(m_rows.first().dataStartTime);
    qint64 oldestInProgress = newest;
    for (const lookout::InferenceExecutionSummary &execution : m_rows) {
        if (execution.status && *execution.status == QLatin1String("IN_PROGRESS"))
            oldestInProgress = std::min(oldestInProgress, microsOf(execution.dataStartTime));
    }
    return lookout::Timestamp { std::min(newest, oldestInProgress) };
}

bool ExecutionHistoryModel::mergeFrom(
    const lookout::Timestamp &from, const QList<lookout::InferenceExecutionSummary> &fresh)
{
    std::map<ExecutionKey, const lookout::InferenceExecutionSummary *> byKey;
    for (const lookout::InferenceExecutionSummary &execution : fresh)
        byKey.emplace(ExecutionKey::of(execution), &execution);
    bool changed = m_stale;
    setStale(false);

    // Rows in the refreshed span: updated in place, or removed when the answer lacks them.
    for (int row = rowCount() - 1; row >= 0; --row) {
        const lookout::InferenceExecutionSummary &shown = m_rows[row];
        if (microsOf(shown.dataStartTime) < from.epochMicroseconds)
            continue;
        const auto found = byKey.find(ExecutionKey::of(shown));
        if (found == byKey.end()) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
            changed = true;
            continue;
        }
        if (!(*found->second == shown)) {
            m_rows[row] = *found->second;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            changed = true;
        }
        byKey.erase(found);
    }

    // The rest are new, or shown rows from before the span (a request may reach back further
    // than `from`): those are updated; new ones go before the first row scheduled earlier.
    QList<lookout::InferenceExecutionSummary> added;
    for (const lookout::InferenceExecutionSummary &execution : fresh) {
        if (!byKey.count(ExecutionKey::of(execution)))
            continue;
        const auto shown = microsOf(execution.dataStartTime) < from.epochMicroseconds
            ? std::find_if(m_rows.begin(), m_rows.end(),
                [key = ExecutionKey::of(execution)](
                    const auto &row) { return ExecutionKey::of(row) == key; })
            : m_rows.end();
        if (shown == m_rows.end()) {
            added.append(execution);
        } else if (!(*shown == execution)) {
            const int row = static_cast<int>(shown - m_rows.begin());
            *shown = execution;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            changed = true;
        }
    }
    int row = 0;
    qsizetype next = 0;
    while (next < added.size()) {
        const qint64 scheduled = microsOf(added[next].scheduledStartTime);
        while (row < rowCount() && microsOf(m_rows[row].scheduledStartTime) > scheduled)
            ++row;
        qsizetype end = next + 1;
        const qint64 below = row < rowCount() ? microsOf(m_rows[row].scheduledStartTime)
                                              : std::numeric_limits<qint64>::min();
        while (end < added.size() && microsOf(added[end].scheduledStartTime) > below)
            ++end;
        beginInsertRows({}, row, row + static_cast<int>(end - next) - 1);
        for (qsizetype i = next; i < end; ++i)
            m_rows.insert(row + (i - next), added[i]);
        endInsertRows();
        row += static_cast<int>(end - next);
        next = end;
        changed = true;
    }
    return changed;
}

void ExecutionHistoryModel::setCanFetchMore(bool canFetchMore)
{
    m_canFetchMore = canFetchMore;
}

void ExecutionHistoryModel::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), kStaleRoles);
}

QString ExecutionHistoryModel::tabSeparated(const QList<int> &rows) const
{
    QStringList lines;
    lines.append(
        QStringList { QStringLiteral("ScheduledStartTime"), QStringLiteral("DataStartTime"),
            QStringLiteral("DataEndTime"), QStringLiteral("Status"), QStringLiteral("ModelVersion"),
            QStringLiteral("CustomerResultObject"), QStringLiteral("FailedReason") }
            .join(QLatin1Char('\t')));
    const auto line = [this](int row) {
        const lookout::InferenceExecutionSummary &execution = m_rows.at(row);
        return QStringList { isoUtc(execution.scheduledStartTime), isoUtc(execution.dataStartTime),
            isoUtc(execution.dataEndTime), tsvField(execution.status.value_or(QString())),
            execution.modelVersion ? QString::number(*execution.modelVersion) : QString(),
            tsvField(resultObjectUri(execution)),
            tsvField(execution.failedReason.value_or(QString())) }
            .join(QLatin1Char('\t'));
    };
    if (rows.isEmpty()) {
        for (int row = 0; row < rowCount(); ++row)
            lines.append(line(row));
    } else {
        for (int row : rows) {
            if (row >= 0 && row < rowCount())
                lines.append(line(row));
        }
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString ExecutionHistoryModel::cliJson(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return QString::fromUtf8(lookout::json::cliListInferenceExecutions({ m_rows.at(row) }));
}

} // namespace models
