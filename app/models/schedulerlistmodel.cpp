#include "models/schedulerlistmodel.h"

#include "models/durationtext.h"
#include "models/itemroles.h"
#include "models/statuspresentation.h"
#include "models/summaryreuser.h"
#include "models/timetext.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QLoggingCategory>

#include <algorithm>
#include <numeric>
#include <utility>

Q_LOGGING_CATEGORY(lcFleetModel, "lookoutdesk.models.fleet", QtWarningMsg)

namespace models {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::SchedulerListModel)
};

constexpr int bit(int column)
{
    return 1 << column;
}

const QList<int> kStaleRoles { StaleRole, HealthyRole, Qt::FontRole, Qt::ToolTipRole,
    AccessibleTextRole, Qt::AccessibleTextRole };

// A translucent amber: readable under dark and light text, on light and dark bases alike.
const QColor kRecentlyChangedTint(255, 176, 0, 72);

QString text(const std::optional<QString> &value)
{
    return value.value_or(QString());
}

int compareText(const QString &a, const QString &b)
{
    const int folded = QString::compare(a, b, Qt::CaseInsensitive);
    return folded != 0 ? folded : QString::compare(a, b, Qt::CaseSensitive);
}

// The account field of an ARN ("arn:aws:lookoutequipment:eu-west-1:123456789012:…"); empty when
// the text has none.
QString accountOf(const std::optional<QString> &arn)
{
    if (!arn)
        return {};
    const QStringView view(*arn);
    qsizetype from = 0;
    for (int field = 0; field < 4; ++field) {
        from = view.indexOf(QLatin1Char(':'), from);
        if (from < 0)
            return {};
        ++from;
    }
    const qsizetype to = view.indexOf(QLatin1Char(':'), from);
    return to < 0 ? QString() : view.mid(from, to - from).toString();
}

template<typename T> int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

SchedulerListModel::SchedulerListModel(QObject *parent)
    : SchedulerListModel(core::Clock::system(), parent)
{
}

SchedulerListModel::SchedulerListModel(std::shared_ptr<const core::Clock> clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(std::move(clock))
{
    qRegisterMetaType<models::StatusChange>();
    qRegisterMetaType<QList<models::StatusChange>>();
    m_highlightTimer.setSingleShot(true);
    connect(&m_highlightTimer, &QTimer::timeout, this, &SchedulerListModel::expireHighlights);
}

SchedulerListModel::~SchedulerListModel() = default;

void SchedulerListModel::setClock(std::shared_ptr<const core::Clock> clock)
{
    m_clock = std::move(clock);
}

qint64 SchedulerListModel::nowMs() const
{
    return m_clock->now().toMSecsSinceEpoch();
}

QModelIndex SchedulerListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= static_cast<int>(m_rows.size())
        || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int SchedulerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SchedulerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int SchedulerListModel::changedColumns(const lookout::InferenceSchedulerSummary &before,
    const lookout::InferenceSchedulerSummary &after)
{
    int mask = 0;
    // The ARN is shown in the name's tooltip and copied from the name.
    if (before.inferenceSchedulerName != after.inferenceSchedulerName
        || before.inferenceSchedulerArn != after.inferenceSchedulerArn)
        mask |= bit(NameColumn);
    if (before.status != after.status)
        mask |= bit(StatusColumn);
    if (before.latestInferenceResult != after.latestInferenceResult)
        mask |= bit(LatestResultColumn);
    if (before.modelName != after.modelName || before.modelArn != after.modelArn)
        mask |= bit(ModelColumn);
    if (before.dataUploadFrequency != after.dataUploadFrequency)
        mask |= bit(UploadFrequencyColumn);
    if (before.dataDelayOffsetInMinutes != after.dataDelayOffsetInMinutes)
        mask |= bit(DelayColumn);
    return mask;
}

bool SchedulerListModel::rowIsStale(const Row &row) const
{
    const qint64 failedCycle = m_sources[std::size_t(row.source)].failedCycle;
    return failedCycle >= 0 && row.cycle < failedCycle;
}

QString SchedulerListModel::nameKey(const QString &name, int source) const
{
    // Source 0 keys by the name alone: the one-connection table builds no extra strings.
    return source == 0 ? name : QString::number(source) + QChar(0x1f) + name;
}

bool SchedulerListModel::isCycleRunning() const
{
    return std::any_of(m_sources.cbegin(), m_sources.cend(),
        [](const Source &source) { return source.cycleRunning; });
}

bool SchedulerListModel::isStale() const
{
    return std::any_of(m_sources.cbegin(), m_sources.cend(),
        [](const Source &source) { return source.failedCycle >= 0; });
}

bool SchedulerListModel::isConnectionStale(int source) const
{
    return source >= 0 && source < connectionCount()
        && m_sources[std::size_t(source)].failedCycle >= 0;
}

QDateTime SchedulerListModel::lastCompleteRefresh() const
{
    qint64 oldest = -1;
    for (const Source &source : m_sources) {
        if (source.lastCompleteAt < 0)
            return {};
        oldest = oldest < 0 ? source.lastCompleteAt : std::min(oldest, source.lastCompleteAt);
    }
    return oldest < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(oldest, Qt::UTC);
}

void SchedulerListModel::setConnectionCount(int count)
{
    count = std::max(count, 1);
    if (count == connectionCount())
        return;
    const bool groupsBefore = m_sources.size() > 1;
    if (count < connectionCount())
        removeRowsWhere([count](const Row &row) { return row.source >= count; });
    m_sources.resize(std::size_t(count));
    if (groupsBefore != (m_sources.size() > 1) && !m_rows.empty())
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), { ConnectionGroupRole });
    if (std::exchange(m_summaryPending, false))
        emit summaryChanged();
    emit freshnessChanged();
}

void SchedulerListModel::setConnectionInfo(
    int source, const QString &profile, const QString &region)
{
    if (source < 0 || source >= connectionCount())
        return;
    Source &state = m_sources[std::size_t(source)];
    if (state.profile == profile && state.region == region)
        return;
    state.profile = profile;
    state.region = region;
    emitSourceRowsChanged(source, {});
}

void SchedulerListModel::setConnectionProblem(int source, const QString &problem)
{
    if (source < 0 || source >= connectionCount())
        return;
    Source &state = m_sources[std::size_t(source)];
    if (state.problem == problem)
        return;
    state.problem = problem;
    emitSourceRowsChanged(source, { ConnectionProblemRole, HealthyRole });
}

QString SchedulerListModel::connectionProfile(int source) const
{
    return source >= 0 && source < connectionCount() ? m_sources[std::size_t(source)].profile
                                                     : QString();
}

QString SchedulerListModel::connectionRegion(int source) const
{
    return source >= 0 && source < connectionCount() ? m_sources[std::size_t(source)].region
                                                     : QString();
}

QString SchedulerListModel::connectionName(int source) const
{
    if (connectionCount() < 2 || source < 0 || source >= connectionCount())
        return {};
    const Source &named = m_sources[std::size_t(source)];
    QString name = named.account.isEmpty() ? named.profile : named.account;
    if (!named.region.isEmpty())
        name = name.isEmpty() ? named.region
                              : tr("%1 · %2", "account · region").arg(name, named.region);
    const bool shared = !named.account.isEmpty()
        && std::any_of(m_sources.cbegin(), m_sources.cend(), [&named](const Source &other) {
               return &other != &named && other.account == named.account
                   && other.region == named.region;
           });
    if (shared && !named.profile.isEmpty())
        name = tr("%1 (profile %2)").arg(name, named.profile);
    return name;
}

QDateTime SchedulerListModel::connectionLastCompleteRefresh(int source) const
{
    if (source < 0 || source >= connectionCount()
        || m_sources[std::size_t(source)].lastCompleteAt < 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_sources[std::size_t(source)].lastCompleteAt, Qt::UTC);
}

QString SchedulerListModel::connectionProblem(int source) const
{
    return source >= 0 && source < connectionCount() ? m_sources[std::size_t(source)].problem
                                                     : QString();
}

void SchedulerListModel::emitSourceRowsChanged(int source, const QList<int> &roles)
{
    QList<int> rows;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].source == source)
            rows.append(static_cast<int>(i));
    }
    if (!rows.isEmpty())
        emitRowRangesChanged(rows, roles);
}

QDateTime SchedulerListModel::lastGoodDataAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_rows[std::size_t(row)].receivedAt, Qt::UTC);
}

bool SchedulerListModel::isRowStale(int row) const
{
    return row >= 0 && row < rowCount() && rowIsStale(m_rows[std::size_t(row)]);
}

bool SchedulerListModel::isRowRecentlyChanged(int row) const
{
    if (row < 0 || row >= rowCount())
        return false;
    const qint64 changedAt = m_rows[std::size_t(row)].changedAt;
    return changedAt >= 0 && nowMs() - changedAt < kHighlightDuration.count();
}

QString SchedulerListModel::nameAt(int row) const
{
    return row >= 0 && row < rowCount()
        ? text(m_rows[std::size_t(row)].summary.inferenceSchedulerName)
        : QString();
}

int SchedulerListModel::sourceAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].source : -1;
}

int SchedulerListModel::rowOfName(const QString &name, int source) const
{
    return m_rowByName.value(nameKey(name, source), -1);
}

bool SchedulerListModel::connectionMatches(int row, const QString &text) const
{
    if (m_sources.size() < 2 || row < 0 || row >= rowCount())
        return false;
    const Row &r = m_rows[std::size_t(row)];
    const Source &source = m_sources[std::size_t(r.source)];
    return r.account.contains(text, Qt::CaseInsensitive)
        || source.region.contains(text, Qt::CaseInsensitive)
        || source.profile.contains(text, Qt::CaseInsensitive);
}

QString SchedulerListModel::groupAt(int row) const
{
    return row >= 0 && row < rowCount() ? connectionName(m_rows[std::size_t(row)].source)
                                        : QString();
}

// ---- reading ------------------------------------------------------------------------------

QVariant SchedulerListModel::rawData(const Row &row, int column) const
{
    const lookout::InferenceSchedulerSummary &s = row.summary;
    switch (column) {
    case NameColumn:
        return s.inferenceSchedulerName ? QVariant(*s.inferenceSchedulerName) : QVariant();
    case StatusColumn:
        return s.status ? QVariant(*s.status) : QVariant();
    case LatestResultColumn:
        return s.latestInferenceResult ? QVariant(*s.latestInferenceResult) : QVariant();
    case ModelColumn:
        return s.modelName ? QVariant(*s.modelName) : QVariant();
    case UploadFrequencyColumn:
        return s.dataUploadFrequency ? QVariant(*s.dataUploadFrequency) : QVariant();
    case DelayColumn:
        return s.dataDelayOffsetInMinutes ? QVariant(*s.dataDelayOffsetInMinutes) : QVariant();
    case AccountColumn:
        return row.account.isEmpty() ? QVariant() : QVariant(row.account);
    case RegionColumn: {
        const QString &region = m_sources[std::size_t(row.source)].region;
        return region.isEmpty() ? QVariant() : QVariant(region);
    }
    case ProfileColumn: {
        const QString &profile = m_sources[std::size_t(row.source)].profile;
        return profile.isEmpty() ? QVariant() : QVariant(profile);
    }
    default:
        return {};
    }
}

QVariant SchedulerListModel::displayData(const Row &row, int column) const
{
    const lookout::InferenceSchedulerSummary &s = row.summary;
    const QVariant raw = rawData(row, column);
    if (!raw.isValid())
        return Text::tr("not set");
    switch (column) {
    case StatusColumn:
    case LatestResultColumn:
        return statusPresentation(raw.toString()).label;
    case UploadFrequencyColumn:
        return uploadFrequencyText(*s.dataUploadFrequency);
    case DelayColumn:
        return minutesText(*s.dataDelayOffsetInMinutes);
    default:
        return raw;
    }
}

QVariant SchedulerListModel::toolTipData(const Row &row, int column) const
{
    const lookout::InferenceSchedulerSummary &s = row.summary;
    QString tip;
    switch (column) {
    case NameColumn:
        tip = text(s.inferenceSchedulerArn);
        break;
    case StatusColumn:
    case LatestResultColumn: {
        const QVariant raw = rawData(row, column);
        if (raw.isValid())
            tip = statusPresentation(raw.toString()).description;
        break;
    }
    case ModelColumn:
        tip = text(s.modelArn);
        break;
    case UploadFrequencyColumn:
        tip = text(s.dataUploadFrequency);
        break;
    default:
        break;
    }
    if (rowIsStale(row)) {
        const QString stale
            = Text::tr("Last refresh failed; this is the data of %1")
                  .arg(clockTimeText(QDateTime::fromMSecsSinceEpoch(row.receivedAt, Qt::UTC)));
        tip = tip.isEmpty() ? stale : tip + QLatin1Char('\n') + stale;
        if (const QString &problem = m_sources[std::size_t(row.source)].problem; !problem.isEmpty())
            tip += QLatin1Char('\n') + problem;
    }
    return tip.isEmpty() ? QVariant() : QVariant(tip);
}

SchedulerListModel::SortKey SchedulerListModel::sortKey(const Row &row, int column) const
{
    static const QString absent;
    const auto textOf
        = [](const std::optional<QString> &value) { return value ? &*value : &absent; };
    const lookout::InferenceSchedulerSummary &s = row.summary;
    switch (column) {
    case NameColumn:
        return { SortKey::Kind::Name, textOf(s.inferenceSchedulerName), 0 };
    case StatusColumn:
        return { SortKey::Kind::Number, nullptr, row.statusSeverity };
    case LatestResultColumn:
        return { SortKey::Kind::Number, nullptr, row.resultSeverity };
    case ModelColumn:
        return { SortKey::Kind::Text, textOf(s.modelName), 0 };
    case UploadFrequencyColumn:
        return { SortKey::Kind::Number, nullptr, row.uploadSeconds };
    case DelayColumn:
        return { SortKey::Kind::Number, nullptr, s.dataDelayOffsetInMinutes.value_or(-1) };
    case AccountColumn:
        return { SortKey::Kind::Text, &row.account, 0 };
    case RegionColumn:
        return { SortKey::Kind::Text, &m_sources[std::size_t(row.source)].region, 0 };
    case ProfileColumn:
        return { SortKey::Kind::Text, &m_sources[std::size_t(row.source)].profile, 0 };
    default:
        return {};
    }
}

QVariant SchedulerListModel::sortData(const Row &row, int column) const
{
    const SortKey key = sortKey(row, column);
    switch (key.kind) {
    case SortKey::Kind::Name:
    case SortKey::Kind::Text:
        return *key.text;
    case SortKey::Kind::Number:
        return key.number;
    case SortKey::Kind::None:
        break;
    }
    return {};
}

QString SchedulerListModel::accessibleText(const Row &row, int column) const
{
    const QString header = headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    QString sentence = header + QStringLiteral(": ") + displayData(row, column).toString();
    // The name stands for the whole scheduler (a dashboard tile, a row read out in one go).
    if (column == NameColumn) {
        sentence = displayData(row, NameColumn).toString() + QStringLiteral(", ")
            + accessibleText(row, StatusColumn) + QStringLiteral(", ")
            + accessibleText(row, LatestResultColumn);
        return sentence;
    }
    if (rowIsStale(row))
        sentence += QStringLiteral(" (") + Text::tr("stale") + QLatin1Char(')');
    if (column == StatusColumn && row.changedAt >= 0
        && nowMs() - row.changedAt < kHighlightDuration.count())
        sentence += QStringLiteral(" (") + Text::tr("just changed") + QLatin1Char(')');
    return sentence;
}

QVariant SchedulerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    const lookout::InferenceSchedulerSummary &s = row.summary;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::TextAlignmentRole:
        return column == DelayColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                     : QVariant();
    case Qt::BackgroundRole:
        return isRowRecentlyChanged(index.row()) ? QVariant(QBrush(kRecentlyChangedTint))
                                                 : QVariant();
    case Qt::FontRole:
        if (rowIsStale(row)) {
            // Only italic is set, so the view's own font is kept otherwise.
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::AccessibleTextRole:
    case AccessibleTextRole:
        return accessibleText(row, column);
    case RawValueRole:
        return rawData(row, column);
    case CopyTextRole:
        switch (column) {
        case NameColumn:
            return text(s.inferenceSchedulerName);
        case ModelColumn:
            return text(s.modelName);
        case UploadFrequencyColumn:
            return text(s.dataUploadFrequency);
        default:
            return rawData(row, column).toString();
        }
    case AbsentRole:
        return !rawData(row, column).isValid();
    case BadgeValueRole:
        if (column == StatusColumn)
            return text(s.status);
        if (column == LatestResultColumn)
            return text(s.latestInferenceResult);
        return {};
    case StaleRole:
        return rowIsStale(row);
    case HealthyRole:
        return row.running && row.normal && !rowIsStale(row)
            && m_sources[std::size_t(row.source)].problem.isEmpty();
    case ConnectionGroupRole:
        return connectionName(row.source);
    case ConnectionProblemRole:
        return m_sources[std::size_t(row.source)].problem;
    case ConnectionIndexRole:
        return row.source;
    case RecentlyChangedRole:
        return isRowRecentlyChanged(index.row());
    case SchedulerNameRole:
        return text(s.inferenceSchedulerName);
    case SchedulerArnRole:
        return text(s.inferenceSchedulerArn);
    case ModelArnRole:
        return text(s.modelArn);
    case SortRole:
        return sortData(row, column);
    default:
        return {};
    }
}

QVariant SchedulerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return role == Qt::DisplayRole ? Text::tr("Name") : Text::tr("Inference scheduler name");
    case StatusColumn:
        return role == Qt::DisplayRole ? Text::tr("Status")
                                       : Text::tr("Inference scheduler status");
    case LatestResultColumn:
        return role == Qt::DisplayRole ? Text::tr("Latest result")
                                       : Text::tr("Latest inference result");
    case ModelColumn:
        return role == Qt::DisplayRole ? Text::tr("Model") : Text::tr("Model name");
    case UploadFrequencyColumn:
        return role == Qt::DisplayRole ? Text::tr("Upload frequency")
                                       : Text::tr("Data upload frequency");
    case DelayColumn:
        return role == Qt::DisplayRole ? Text::tr("Delay") : Text::tr("Data delay offset");
    case AccountColumn:
        return role == Qt::DisplayRole ? Text::tr("Account")
                                       : Text::tr("AWS account of the inference scheduler");
    case RegionColumn:
        return role == Qt::DisplayRole ? Text::tr("Region") : Text::tr("Region of the connection");
    case ProfileColumn:
        return role == Qt::DisplayRole ? Text::tr("Profile")
                                       : Text::tr("Profile of the connection");
    default:
        return {};
    }
}

// ---- ordering ----------------------------------------------------------------------------

int SchedulerListModel::compareRows(int left, int right, int column) const
{
    const SortKey a = sortKey(m_rows[std::size_t(left)], column);
    const SortKey b = sortKey(m_rows[std::size_t(right)], column);
    int result = 0;
    switch (a.kind) {
    case SortKey::Kind::Number:
        result = compareValues(a.number, b.number);
        break;
    case SortKey::Kind::Text:
        result = compareText(*a.text, *b.text);
        break;
    case SortKey::Kind::Name: // the name rank below is the name order
    case SortKey::Kind::None:
        break;
    }
    if (result == 0)
        result = compareNames(left, right);
    return result;
}

int SchedulerListModel::urgency(int row) const
{
    const Row &r = m_rows[std::size_t(row)];
    return std::min(r.statusSeverity, r.resultSeverity);
}

int SchedulerListModel::compareUrgency(int left, int right) const
{
    const int result = compareValues(urgency(left), urgency(right));
    if (result != 0)
        return result;
    // Equally urgent: a running scheduler first (an ANOMALOUS result that is still coming in
    // matters more than the last result of a stopped one), then by name.
    const Row &a = m_rows[std::size_t(left)];
    const Row &b = m_rows[std::size_t(right)];
    if (a.running != b.running)
        return a.running ? -1 : 1;
    return compareNames(left, right);
}

int SchedulerListModel::compareNames(int left, int right) const
{
    if (m_nameRanks.size() != m_rows.size()) {
        if (isCycleRunning())
            return compareNamesOf(m_rows[std::size_t(left)], m_rows[std::size_t(right)]);
        rankNames();
    }
    return compareValues(m_nameRanks[std::size_t(left)], m_nameRanks[std::size_t(right)]);
}

void SchedulerListModel::rankNames() const
{
    std::vector<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return compareNamesOf(m_rows[std::size_t(a)], m_rows[std::size_t(b)]) < 0;
    });
    m_nameRanks.assign(m_rows.size(), 0);
    for (std::size_t rank = 0; rank < order.size(); ++rank)
        m_nameRanks[std::size_t(order[rank])] = static_cast<int>(rank);
}

int SchedulerListModel::compareNamesOf(const Row &left, const Row &right)
{
    // Comparing folded texts code unit by code unit is several times faster than
    // Qt::CaseInsensitive, which folds each character of both texts again per comparison.
    const int folded = QString::compare(left.foldedName, right.foldedName, Qt::CaseSensitive);
    if (folded != 0)
        return folded;
    return QString::compare(text(left.summary.inferenceSchedulerName),
        text(right.summary.inferenceSchedulerName), Qt::CaseSensitive);
}

void SchedulerListModel::deriveSortKeys(Row &row)
{
    const lookout::InferenceSchedulerSummary &s = row.summary;
    row.foldedName = text(s.inferenceSchedulerName).toCaseFolded();
    row.uploadSeconds = iso8601DurationSeconds(text(s.dataUploadFrequency)).value_or(-1);
    row.statusSeverity = statusSeverity(text(s.status));
    row.resultSeverity = statusSeverity(text(s.latestInferenceResult));
    row.running = s.status == QLatin1StringView(lookout::status::kRunning);
    row.normal = s.latestInferenceResult == QLatin1StringView(lookout::result::kNormal);
    row.account = accountOf(s.inferenceSchedulerArn);
}

// ---- merging -----------------------------------------------------------------------------

void SchedulerListModel::beginCycle(int source)
{
    if (source < 0 || source >= connectionCount())
        return;
    if (m_sources[std::size_t(source)].cycleRunning)
        finishCycle(CycleEnd::Incomplete, source);
    Source &state = m_sources[std::size_t(source)];
    state.cycle = ++m_cycle;
    state.cycleRunning = true;
    state.nextRowHint = 0;
    emit cycleStarted(source);
}

void SchedulerListModel::applyPage(
    const QList<lookout::InferenceSchedulerSummary> &page, int source)
{
    if (source < 0 || source >= connectionCount())
        return;
    const qint64 now = nowMs();
    Source &state = m_sources[std::size_t(source)];
    const qint64 cycle = state.cycleRunning ? state.cycle : ++m_cycle;
    std::size_t &nextRowHint = state.nextRowHint;
    std::vector<Row> added;
    QHash<QString, std::size_t> addedByKey;
    QList<StatusChange> changes;
    QList<int> freshAgain;
    bool countsChanged = false;
    bool highlighted = false;

    // Delivered in this cycle, whether changed or not; a stale row is fresh again.
    const auto markReceived = [&](std::size_t index) -> Row & {
        Row &row = m_rows[index];
        if (rowIsStale(row))
            freshAgain.append(int(index));
        row.cycle = cycle;
        row.receivedAt = now;
        return row;
    };

    for (const lookout::InferenceSchedulerSummary &summary : page) {
        // The listing keeps its order, so this summary most likely belongs to the row after the
        // one matched last. When its texts are that row's very texts (SummaryReuser hands back
        // unchanged summaries that way), it is unchanged, and no text needs to be read.
        if (nextRowHint < m_rows.size() && m_rows[nextRowHint].source == source
            && sharesAllData(m_rows[nextRowHint].summary, summary)) {
            markReceived(nextRowHint++);
            continue;
        }
        const QString schedulerId = schedulerKey(summary);
        if (schedulerId.isEmpty()) {
            qCWarning(lcFleetModel) << "skipping a scheduler summary with neither name nor ARN";
            continue;
        }
        const QString key = nameKey(schedulerId, source);
        const auto existing = m_rowByKey.constFind(key);
        if (existing == m_rowByKey.cend()) {
            // A new scheduler, or the same one twice within this page (the later copy wins).
            Row row;
            row.summary = summary;
            row.key = key;
            row.source = source;
            row.cycle = cycle;
            row.receivedAt = now;
            deriveSortKeys(row);
            if (!row.account.isEmpty())
                m_sources[std::size_t(source)].account = row.account;
            if (const auto again = addedByKey.constFind(key); again != addedByKey.cend())
                added[*again] = std::move(row);
            else {
                addedByKey.insert(key, added.size());
                added.push_back(std::move(row));
            }
            continue;
        }

        const int index = *existing;
        nextRowHint = std::size_t(index) + 1;
        Row &row = markReceived(std::size_t(index));
        const int mask = changedColumns(row.summary, summary);
        if (mask == 0) {
            // Equal texts stored elsewhere: keep the new copy, which the next listing will share.
            row.summary = summary;
            continue;
        }
        const bool statusChanged = (mask & (bit(StatusColumn) | bit(LatestResultColumn))) != 0;
        if (statusChanged) {
            changes.append({ text(summary.inferenceSchedulerName),
                text(summary.inferenceSchedulerArn), text(row.summary.status), text(summary.status),
                text(row.summary.latestInferenceResult), text(summary.latestInferenceResult),
                connectionName(row.source) });
            m_summary.remove(row.summary);
            m_summary.add(summary);
            countsChanged = true;
            m_highlights.push_back({ key, now });
            row.changedAt = now;
            highlighted = true;
        }
        if (row.summary.inferenceSchedulerName != summary.inferenceSchedulerName) {
            m_rowByName.remove(nameKey(text(row.summary.inferenceSchedulerName), source));
            m_rowByName.insert(nameKey(text(summary.inferenceSchedulerName), source), index);
            forgetNameRanks();
        }
        row.summary = summary;
        deriveSortKeys(row);
        emitCellChanges(index, mask);
        if (statusChanged) {
            emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1),
                { RecentlyChangedRole, Qt::BackgroundRole, AccessibleTextRole,
                    Qt::AccessibleTextRole });
        }
    }

    if (!added.empty()) {
        const int first = rowCount();
        beginInsertRows(QModelIndex(), first, first + static_cast<int>(added.size()) - 1);
        for (Row &row : added) {
            const int index = static_cast<int>(m_rows.size());
            m_rowByKey.insert(row.key, index);
            m_rowByName.insert(nameKey(text(row.summary.inferenceSchedulerName), source), index);
            m_summary.add(row.summary);
            m_rows.push_back(std::move(row));
        }
        forgetNameRanks();
        endInsertRows();
        countsChanged = true;
    }
    if (!freshAgain.isEmpty())
        emitRowRangesChanged(freshAgain, kStaleRoles);
    if (highlighted && !m_highlightTimer.isActive())
        scheduleHighlightExpiry();
    if (countsChanged) {
        if (state.cycleRunning)
            m_summaryPending = true;
        else
            emit summaryChanged();
    }
    if (!changes.isEmpty())
        emit statusesChanged(changes);
}

bool SchedulerListModel::setStatus(const QString &name, const QString &status, int source)
{
    const int index = rowOfName(name, source);
    if (index < 0)
        return false;
    Row &row = m_rows[std::size_t(index)];
    if (row.summary.status == status)
        return true;
    m_summary.remove(row.summary);
    row.summary.status = status;
    m_summary.add(row.summary);
    deriveSortKeys(row);
    emitCellChanges(index, bit(StatusColumn));
    emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1),
        { AccessibleTextRole, Qt::AccessibleTextRole });
    if (m_sources[std::size_t(source)].cycleRunning)
        m_summaryPending = true;
    else
        emit summaryChanged();
    return true;
}

void SchedulerListModel::emitCellChanges(int row, int columnMask)
{
    // One signal per run of adjacent changed columns; unchanged cells are not mentioned.
    int column = 0;
    while (column < ColumnCount) {
        if ((columnMask & bit(column)) == 0) {
            ++column;
            continue;
        }
        const int first = column;
        while (column + 1 < ColumnCount && (columnMask & bit(column + 1)) != 0)
            ++column;
        emit dataChanged(index(row, first), index(row, column));
        ++column;
    }
}

void SchedulerListModel::emitRowRangesChanged(const QList<int> &rows, const QList<int> &roles)
{
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    qsizetype i = 0;
    while (i < sorted.size()) {
        const int first = sorted[i];
        int last = first;
        while (i + 1 < sorted.size() && sorted[i + 1] <= last + 1)
            last = sorted[++i];
        ++i;
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1), roles);
    }
}

void SchedulerListModel::finishCycle(CycleEnd end, int source)
{
    if (source < 0 || source >= connectionCount() || !m_sources[std::size_t(source)].cycleRunning)
        return;
    Source &state = m_sources[std::size_t(source)];
    state.cycleRunning = false;
    if (end == CycleEnd::Complete) {
        removeRowsNotIn(state.cycle, source);
        // Every remaining row came in this cycle, and rows that were stale said so as they came.
        state.failedCycle = -1;
        state.lastCompleteAt = nowMs();
    } else {
        const auto staleUnder = [](const Row &row, qint64 failedCycle) {
            return failedCycle >= 0 && row.cycle < failedCycle;
        };
        const qint64 previous = state.failedCycle;
        state.failedCycle = state.cycle;
        QList<int> nowStale;
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].source == source
                && staleUnder(m_rows[i], state.failedCycle) != staleUnder(m_rows[i], previous))
                nowStale.append(static_cast<int>(i));
        }
        if (!nowStale.isEmpty())
            emitRowRangesChanged(nowStale, kStaleRoles);
    }
    if (std::exchange(m_summaryPending, false))
        emit summaryChanged();
    emit freshnessChanged();
    emit cycleFinished(end == CycleEnd::Complete, source);
}

void SchedulerListModel::removeRowsNotIn(qint64 cycle, int source)
{
    removeRowsWhere(
        [cycle, source](const Row &row) { return row.source == source && row.cycle != cycle; });
}

void SchedulerListModel::removeRowsWhere(const std::function<bool(const Row &)> &gone)
{
    bool removed = false;
    int last = rowCount() - 1;
    while (last >= 0) {
        if (!gone(m_rows[std::size_t(last)])) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && gone(m_rows[std::size_t(first - 1)]))
            --first;
        beginRemoveRows(QModelIndex(), first, last);
        for (int i = first; i <= last; ++i)
            m_summary.remove(m_rows[std::size_t(i)].summary);
        m_rows.erase(std::size_t(first), std::size_t(last) + 1);
        forgetNameRanks();
        // Later rows moved up; the index must be right before endRemoveRows lets views look.
        rebuildIndex();
        endRemoveRows();
        removed = true;
        last = first - 1;
    }
    if (removed) {
        std::erase_if(m_highlights,
            [this](const HighlightStart &start) { return !m_rowByKey.contains(start.key); });
        m_summaryPending = true; // said once by finishCycle()
    }
}

void SchedulerListModel::rebuildIndex()
{
    m_rowByKey.clear();
    m_rowByName.clear();
    m_rowByKey.reserve(qsizetype(m_rows.size()));
    m_rowByName.reserve(qsizetype(m_rows.size()));
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        m_rowByKey.insert(m_rows[i].key, static_cast<int>(i));
        m_rowByName.insert(
            nameKey(text(m_rows[i].summary.inferenceSchedulerName), m_rows[i].source),
            static_cast<int>(i));
    }
}

void SchedulerListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    forgetNameRanks();
    m_rowByKey.clear();
    m_rowByName.clear();
    m_summary.clear();
    m_highlights.clear();
    m_summaryPending = false;
    m_highlightTimer.stop();
    for (Source &source : m_sources) {
        source.cycleRunning = false;
        source.failedCycle = -1;
        source.lastCompleteAt = -1;
        source.nextRowHint = 0;
        source.account.clear();
    }
    endResetModel();
    emit summaryChanged();
    emit freshnessChanged();
}

void SchedulerListModel::clearConnection(int source)
{
    if (source < 0 || source >= connectionCount())
        return;
    if (connectionCount() == 1) {
        clear();
        return;
    }
    removeRowsWhere([source](const Row &row) { return row.source == source; });
    Source &state = m_sources[std::size_t(source)];
    state.cycleRunning = false;
    state.failedCycle = -1;
    state.lastCompleteAt = -1;
    state.nextRowHint = 0;
    state.problem.clear();
    state.account.clear();
    if (std::exchange(m_summaryPending, false))
        emit summaryChanged();
    emit freshnessChanged();
}

// ---- highlights --------------------------------------------------------------------------

void SchedulerListModel::expireHighlights()
{
    const qint64 now = nowMs();
    QList<int> ended;
    while (!m_highlights.empty() && now - m_highlights.front().at >= kHighlightDuration.count()) {
        const HighlightStart start = std::move(m_highlights.front());
        m_highlights.pop_front();
        const int index = m_rowByKey.value(start.key, -1);
        if (index < 0)
            continue;
        Row &row = m_rows[std::size_t(index)];
        if (row.changedAt != start.at)
            continue; // highlighted again since; a later entry ends it
        row.changedAt = -1;
        ended.append(index);
    }
    if (!ended.isEmpty())
        emitRowRangesChanged(ended,
            { RecentlyChangedRole, Qt::BackgroundRole, AccessibleTextRole,
                Qt::AccessibleTextRole });
    scheduleHighlightExpiry();
}

void SchedulerListModel::scheduleHighlightExpiry()
{
    m_highlightTimer.stop();
    if (m_highlights.empty())
        return;
    const qint64 due = m_highlights.front().at + kHighlightDuration.count() - nowMs();
    m_highlightTimer.start(std::chrono::milliseconds(std::max<qint64>(due, 0)));
}

} // namespace models
