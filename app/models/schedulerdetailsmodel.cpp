#include "models/schedulerdetailsmodel.h"

#include "lookout/timestamptext.h"
#include "models/durationtext.h"
#include "models/statuspresentation.h"
#include "models/timetext.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <functional>

namespace models {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::SchedulerDetailsModel)
};

using lookout::InferenceScheduler;

// A member as read from the scheduler: its value (invalid when absent) and, where the text the
// CLI prints is not simply the value as text, that text.
struct Member {
    QVariant raw;
    QString cliText;
};

// The member a field shows, read from the scheduler.
using Extractor = std::function<Member(const InferenceScheduler &)>;

template<typename T> Member variantOf(const std::optional<T> &value)
{
    return { value ? QVariant::fromValue(*value) : QVariant(), {} };
}

// Timestamps are copied as the CLI prints them, to the microsecond; the QDateTime has milliseconds.
Member timestampOf(const std::optional<lookout::Timestamp> &value)
{
    if (!value)
        return {};
    return { value->dateTime(),
        QString::fromLatin1(lookout::json::isoDateTimeText(*value, QTimeZone::utc())) };
}

Member inputName(const InferenceScheduler &s,
    std::optional<QString> lookout::InferenceInputNameConfiguration::*member)
{
    if (!s.dataInputConfiguration || !s.dataInputConfiguration->inferenceInputNameConfiguration)
        return {};
    return variantOf(*s.dataInputConfiguration->inferenceInputNameConfiguration.*member);
}

Member locationOf(const std::optional<lookout::S3Location> &location)
{
    return { location ? QVariant(location->uri()) : QVariant(), {} };
}

// "underscore (_)": the delimiter named, because "_" or " " alone is easy to misread.
QString delimiterText(const QString &delimiter)
{
    if (delimiter.isEmpty())
        return Text::tr("none", "timestamp delimiter");
    if (delimiter == QLatin1String("_"))
        return Text::tr("underscore (_)");
    if (delimiter == QLatin1String("-"))
        return Text::tr("hyphen (-)");
    if (delimiter == QLatin1String(" "))
        return Text::tr("space");
    return Text::tr("\u201c%1\u201d", "an unknown timestamp delimiter, quoted").arg(delimiter);
}

struct FieldSpec {
    SchedulerDetailsModel::Field field;
    Extractor extract;
};

QList<FieldSpec> fieldSpecs()
{
    using G = SchedulerDetailsModel::Group;
    using K = FieldKind;
    using F = SchedulerDetailsModel::Field;
    return {
        { F { QStringLiteral("schedulerName"), G::Overview, Text::tr("Scheduler name"),
              Text::tr("scheduler name"), K::Plain },
            [](const InferenceScheduler &s) { return variantOf(s.inferenceSchedulerName); } },
        { F { QStringLiteral("schedulerArn"), G::Overview, Text::tr("Scheduler ARN"),
              Text::tr("scheduler ARN"), K::Arn },
            [](const InferenceScheduler &s) { return variantOf(s.inferenceSchedulerArn); } },
        { F { QStringLiteral("status"), G::Overview, Text::tr("Status"), Text::tr("status"),
              K::Status },
            [](const InferenceScheduler &s) { return variantOf(s.status); } },
        { F { QStringLiteral("latestInferenceResult"), G::Overview, Text::tr("Latest result"),
              Text::tr("latest result"), K::Status },
            [](const InferenceScheduler &s) { return variantOf(s.latestInferenceResult); } },
        { F { QStringLiteral("modelName"), G::Overview, Text::tr("Model name"),
              Text::tr("model name"), K::Plain },
            [](const InferenceScheduler &s) { return variantOf(s.modelName); } },
        { F { QStringLiteral("modelArn"), G::Overview, Text::tr("Model ARN"), Text::tr("model ARN"),
              K::Arn },
            [](const InferenceScheduler &s) { return variantOf(s.modelArn); } },
        { F { QStringLiteral("createdAt"), G::Overview, Text::tr("Created"),
              Text::tr("creation time"), K::Time },
            [](const InferenceScheduler &s) { return timestampOf(s.createdAt); } },
        { F { QStringLiteral("updatedAt"), G::Overview, Text::tr("Last updated"),
              Text::tr("last update time"), K::Time },
            [](const InferenceScheduler &s) { return timestampOf(s.updatedAt); } },
        { F { QStringLiteral("dataUploadFrequency"), G::Schedule, Text::tr("Upload frequency"),
              Text::tr("upload frequency"), K::Plain },
            [](const InferenceScheduler &s) { return variantOf(s.dataUploadFrequency); } },
        { F { QStringLiteral("dataDelayOffset"), G::Schedule, Text::tr("Delay offset"),
              Text::tr("delay offset"), K::Plain },
            [](const InferenceScheduler &s) { return variantOf(s.dataDelayOffsetInMinutes); } },
        { F { QStringLiteral("inputLocation"), G::InputData, Text::tr("Input location"),
              Text::tr("input location"), K::S3Location },
            [](const InferenceScheduler &s) {
                return s.dataInputConfiguration
                    ? locationOf(s.dataInputConfiguration->s3InputConfiguration)
                    : Member();
            } },
        { F { QStringLiteral("inputTimeZoneOffset"), G::InputData, Text::tr("Time zone offset"),
              Text::tr("time zone offset"), K::Plain },
            [](const InferenceScheduler &s) {
                return s.dataInputConfiguration
                    ? variantOf(s.dataInputConfiguration->inputTimeZoneOffset)
                    : Member();
            } },
        { F { QStringLiteral("timestampFormat"), G::InputData, Text::tr("Timestamp format"),
              Text::tr("timestamp format"), K::Plain },
            [](const InferenceScheduler &s) {
                return inputName(s, &lookout::InferenceInputNameConfiguration::timestampFormat);
            } },
        { F { QStringLiteral("componentTimestampDelimiter"), G::InputData,
              Text::tr("Timestamp delimiter"), Text::tr("timestamp delimiter"), K::Plain },
            [](const InferenceScheduler &s) {
                return inputName(
                    s, &lookout::InferenceInputNameConfiguration::componentTimestampDelimiter);
            } },
        { F { QStringLiteral("outputLocation"), G::OutputData, Text::tr("Output location"),
              Text::tr("output location"), K::S3Location },
            [](const InferenceScheduler &s) {
                return s.dataOutputConfiguration
                    ? locationOf(s.dataOutputConfiguration->s3OutputConfiguration)
                    : Member();
            } },
        { F { QStringLiteral("outputKmsKey"), G::OutputData, Text::tr("Output KMS key"),
              Text::tr("output KMS key"), K::Arn },
            [](const InferenceScheduler &s) {
                return s.dataOutputConfiguration ? variantOf(s.dataOutputConfiguration->kmsKeyId)
                                                 : Member();
            } },
        { F { QStringLiteral("roleArn"), G::Security, Text::tr("IAM role ARN"),
              Text::tr("IAM role ARN"), K::Arn },
            [](const InferenceScheduler &s) { return variantOf(s.roleArn); } },
        { F { QStringLiteral("serverSideKmsKey"), G::Security, Text::tr("Server-side KMS key"),
              Text::tr("server-side KMS key"), K::Arn },
            [](const InferenceScheduler &s) { return variantOf(s.serverSideKmsKeyId); } },
    };
}

// Group rows have internal id 0; a field row has its group's position + 1.
constexpr quintptr kGroupRowId = 0;

// A field's value as every role presents it, computed once per scheduler.
struct FieldValue {
    bool absent = true;
    QVariant raw;
    QString display;
    QString copy;
    QString toolTip; // empty for times: computed when asked, with the current age
    QString badge;
    bool operator==(const FieldValue &) const = default;
};

FieldValue presentValue(const SchedulerDetailsModel::Field &field, const Member &member)
{
    const QVariant &raw = member.raw;
    FieldValue value;
    if (!raw.isValid()) {
        value.display = Text::tr("not set");
        value.toolTip = Text::tr("The service's response does not include this value.");
        return value;
    }
    value.absent = false;
    value.raw = raw;
    if (field.kind == FieldKind::Time) {
        const QDateTime instant = raw.toDateTime();
        value.display = localDateTimeText(instant);
        value.copy = member.cliText;
        return value;
    }
    const QString text = raw.userType() == QMetaType::LongLong ? QString::number(raw.toLongLong())
                                                               : raw.toString();
    value.copy = text;
    value.display = text;
    value.toolTip = text;
    if (field.kind == FieldKind::Status) {
        value.badge = text;
        value.toolTip = statusPresentation(text).description;
    } else if (field.id == QLatin1String("dataUploadFrequency")) {
        value.display = uploadFrequencyText(text);
    } else if (field.id == QLatin1String("dataDelayOffset")) {
        value.display = minutesText(raw.toLongLong());
    } else if (field.id == QLatin1String("componentTimestampDelimiter")) {
        value.display = delimiterText(text);
        value.toolTip = Text::tr("ComponentTimestampDelimiter: \u201c%1\u201d").arg(text);
    }
    return value;
}

} // namespace

struct SchedulerDetailsModel::Row {
    Field field;
    Extractor extract;
    FieldValue value;
};

QList<SchedulerDetailsModel::Field> SchedulerDetailsModel::fields()
{
    QList<Field> result;
    for (const FieldSpec &spec : fieldSpecs())
        result.append(spec.field);
    return result;
}

QList<SchedulerDetailsModel::Group> SchedulerDetailsModel::groups()
{
    return { Group::Overview, Group::Schedule, Group::InputData, Group::OutputData,
        Group::Security };
}

QString SchedulerDetailsModel::groupTitle(Group group)
{
    switch (group) {
    case Group::Overview:
        return Text::tr("Overview");
    case Group::Schedule:
        return Text::tr("Schedule");
    case Group::InputData:
        return Text::tr("Input data");
    case Group::OutputData:
        return Text::tr("Output data");
    case Group::Security:
        return Text::tr("Security");
    }
    return {};
}

QString SchedulerDetailsModel::groupId(Group group)
{
    switch (group) {
    case Group::Overview:
        return QStringLiteral("overview");
    case Group::Schedule:
        return QStringLiteral("schedule");
    case Group::InputData:
        return QStringLiteral("inputData");
    case Group::OutputData:
        return QStringLiteral("outputData");
    case Group::Security:
        return QStringLiteral("security");
    }
    return {};
}

SchedulerDetailsModel::SchedulerDetailsModel(QObject *parent)
    : SchedulerDetailsModel(core::Clock::system(), parent)
{
}

SchedulerDetailsModel::SchedulerDetailsModel(
    std::shared_ptr<const core::Clock> clock, QObject *parent)
    : QAbstractItemModel(parent)
    , m_clock(std::move(clock))
{
    const QList<Group> allGroups = groups();
    m_rowsByGroup.resize(static_cast<std::size_t>(allGroups.size()));
    for (const FieldSpec &spec : fieldSpecs()) {
        m_rowsByGroup[static_cast<std::size_t>(allGroups.indexOf(spec.field.group))].push_back(
            static_cast<int>(m_rows.size()));
        m_rows.push_back(Row { spec.field, spec.extract, {} });
    }
}

SchedulerDetailsModel::~SchedulerDetailsModel() = default;

void SchedulerDetailsModel::setScheduler(const lookout::InferenceScheduler &scheduler)
{
    const bool wasEmpty = !m_scheduler.has_value();
    if (wasEmpty)
        beginResetModel();
    m_scheduler = scheduler;
    for (std::size_t groupPosition = 0; groupPosition < m_rowsByGroup.size(); ++groupPosition) {
        const std::vector<int> &members = m_rowsByGroup[groupPosition];
        for (std::size_t position = 0; position < members.size(); ++position) {
            Row &row = m_rows[static_cast<std::size_t>(members[position])];
            FieldValue value = presentValue(row.field, row.extract(scheduler));
            if (value == row.value)
                continue;
            row.value = std::move(value);
            if (!wasEmpty) {
                const QModelIndex parentIndex = index(static_cast<int>(groupPosition), 0);
                emit dataChanged(index(static_cast<int>(position), LabelColumn, parentIndex),
                    index(static_cast<int>(position), ValueColumn, parentIndex));
            }
        }
    }
    if (wasEmpty)
        endResetModel();
}

void SchedulerDetailsModel::clear()
{
    if (!m_scheduler)
        return;
    beginResetModel();
    m_scheduler.reset();
    for (Row &row : m_rows)
        row.value = {};
    m_stale = false;
    endResetModel();
}

void SchedulerDetailsModel::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    if (!m_scheduler)
        return;
    for (int group = 0; group < rowCount(); ++group) {
        const QModelIndex groupIndex = index(group, 0);
        emit dataChanged(groupIndex, index(group, ValueColumn), { StaleRole });
        const int children = rowCount(groupIndex);
        if (children > 0)
            emit dataChanged(index(0, LabelColumn, groupIndex),
                index(children - 1, ValueColumn, groupIndex), { StaleRole });
    }
}

QModelIndex SchedulerDetailsModel::fieldIndex(const QString &fieldId, int column) const
{
    if (!m_scheduler || column < 0 || column >= ColumnCount)
        return {};
    for (std::size_t group = 0; group < m_rowsByGroup.size(); ++group) {
        const std::vector<int> &members = m_rowsByGroup[group];
        for (std::size_t position = 0; position < members.size(); ++position) {
            if (m_rows[static_cast<std::size_t>(members[position])].field.id == fieldId)
                return index(static_cast<int>(position), column, index(static_cast<int>(group), 0));
        }
    }
    return {};
}

QVariant SchedulerDetailsModel::fieldData(const QString &fieldId, int role) const
{
    return data(fieldIndex(fieldId), role);
}

QModelIndex SchedulerDetailsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupRowId);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex SchedulerDetailsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRowId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupRowId);
}

int SchedulerDetailsModel::rowCount(const QModelIndex &parent) const
{
    if (!m_scheduler)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_rowsByGroup.size());
    if (parent.internalId() != kGroupRowId || parent.column() != 0)
        return 0;
    return static_cast<int>(m_rowsByGroup[static_cast<std::size_t>(parent.row())].size());
}

int SchedulerDetailsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const SchedulerDetailsModel::Row *SchedulerDetailsModel::rowAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupRowId)
        return nullptr;
    const std::vector<int> &members
        = m_rowsByGroup[static_cast<std::size_t>(index.internalId() - 1)];
    return &m_rows[static_cast<std::size_t>(members[static_cast<std::size_t>(index.row())])];
}

QString SchedulerDetailsModel::timeToolTip(const QDateTime &instant) const
{
    return Text::tr("%1, %2", "UTC time, relative age")
        .arg(utcDateTimeText(instant), relativeAgeText(instant, m_clock->now()));
}

QVariant SchedulerDetailsModel::data(const QModelIndex &index, int role) const
{
    // An invalid index (a field looked up while the model is empty) has no data; not a misuse.
    if (!index.isValid() || !checkIndex(index))
        return {};
    if (index.internalId() == kGroupRowId) {
        const Group group = groups().at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
        case AccessibleTextRole:
            return index.column() == LabelColumn ? groupTitle(group) : QVariant();
        case FieldIdRole:
            return groupId(group);
        case StaleRole:
            return m_stale;
        default:
            return {};
        }
    }
    const Row *row = rowAt(index);
    return fieldRoleData(*row, index.column(), role);
}

QVariant SchedulerDetailsModel::fieldRoleData(const Row &row, int column, int role) const
{
    const FieldValue &value = row.value;
    switch (role) {
    case Qt::DisplayRole:
        return column == LabelColumn ? row.field.label : value.display;
    case Qt::ToolTipRole:
        if (column != ValueColumn)
            return {};
        if (row.field.kind == FieldKind::Time && !value.absent)
            return timeToolTip(value.raw.toDateTime());
        return value.toolTip;
    case Qt::AccessibleTextRole:
    case AccessibleTextRole:
        return Text::tr("%1: %2", "field name: value").arg(row.field.label, value.display);
    case RawValueRole:
        return value.raw;
    case CopyTextRole:
        return value.copy;
    case FieldKindRole:
        return static_cast<int>(row.field.kind);
    case FieldIdRole:
        return row.field.id;
    case AbsentRole:
        return value.absent;
    case BadgeValueRole:
        return row.field.kind == FieldKind::Status ? QVariant(value.badge) : QVariant();
    case StaleRole:
        return m_stale;
    default:
        return {};
    }
}

Qt::ItemFlags SchedulerDetailsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant SchedulerDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return Text::tr("Field");
    case ValueColumn:
        return Text::tr("Value");
    default:
        return {};
    }
}

} // namespace models
