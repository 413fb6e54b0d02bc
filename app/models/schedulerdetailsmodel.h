#pragma once

#include "core/clock.h"
#include "lookout/inferencescheduler.h"
#include "models/itemroles.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

// One inference scheduler as the details form shows it: five groups (Overview, Schedule, Input
// data, Output data, Security) of fields, each a child row with the field's name in column 0
// and its value in column 1. Every DescribeInferenceScheduler member is a field (the nested
// input and output members each get their own). The model is empty until a scheduler is set.
//
// Roles (models/itemroles.h), on both columns of a field row:
//   Qt::DisplayRole      column 0: "Scheduler ARN"; column 1: the value as shown ("Every 5
//                        minutes", local time, "underscore (_)"), "not set" when absent
//   Qt::ToolTipRole      column 1: the raw value for words ("PT5M"), UTC and age for times
//                        ("2024-03-04 18:52:22 UTC, 3 min ago"), else the full text
//   RawValueRole         the member as sent (QString, qint64, or QDateTime in UTC); invalid if
//   absent CopyTextRole         the value as the AWS CLI prints it (timestamps in full ISO 8601,
//   "PT5M",
//                        "10", "_"); empty when absent
//   FieldKindRole        a models::FieldKind, as int
//   FieldIdRole          "schedulerArn", "inputLocation", … (group rows: "overview", …)
//   AbsentRole           true when the member is absent
//   BadgeValueRole       Status and Latest result: the value the badge paints
//   StaleRole            true while the data is from before a failed refresh
//   AccessibleTextRole   "Scheduler ARN: arn:aws:…", "Output KMS key: not set"
// A new value changes only the rows whose data changed (dataChanged); setting the first value
// or clearing it resets the model.
namespace models {

class SchedulerDetailsModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { LabelColumn, ValueColumn, ColumnCount };
    enum class Group { Overview, Schedule, InputData, OutputData, Security };

    struct Field {
        QString id; // FieldIdRole
        Group group;
        QString label; // "Scheduler ARN"
        QString sentenceName; // within a sentence: "scheduler ARN" ("Copy scheduler ARN")
        FieldKind kind;
    };

    // Every field, in the order the form shows them; labels translated at the call.
    static QList<Field> fields();
    static QList<Group> groups();
    static QString groupTitle(Group group);
    static QString groupId(Group group);

    explicit SchedulerDetailsModel(QObject *parent = nullptr);
    // `clock` gives "now" for the relative ages in the tooltips.
    explicit SchedulerDetailsModel(
        std::shared_ptr<const core::Clock> clock, QObject *parent = nullptr);
    ~SchedulerDetailsModel() override;

    void setScheduler(const lookout::InferenceScheduler &scheduler);
    void clear();
    const std::optional<lookout::InferenceScheduler> &scheduler() const { return m_scheduler; }

    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    // The index of a field by its id; invalid when unknown or while the model is empty.
    QModelIndex fieldIndex(const QString &fieldId, int column = ValueColumn) const;
    // What the field's value column holds for `role` (a shortcut for fieldIndex(id).data(role)).
    QVariant fieldData(const QString &fieldId, int role) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row;

    const Row *rowAt(const QModelIndex &index) const;
    QVariant fieldRoleData(const Row &row, int column, int role) const;
    QString timeToolTip(const QDateTime &instant) const;

    std::shared_ptr<const core::Clock> m_clock;
    std::optional<lookout::InferenceScheduler> m_scheduler;
    std::vector<Row> m_rows; // fields in fields() order
    std::vector<std::vector<int>> m_rowsByGroup;
    bool m_stale = false;
};

} // namespace models
