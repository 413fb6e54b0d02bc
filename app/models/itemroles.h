#pragma once

#include <Qt>

// Every custom item data role of the application's models, in one place, so delegates and
// views are handed roles instead of owning them (see style.md, point 8).
namespace models {

enum ItemRole {
    // The member's value as the service sent it (QString, qint64 or QDateTime in UTC); an
    // invalid QVariant when the member is absent.
    RawValueRole = Qt::UserRole + 1,
    // Exactly what a copy action puts on the clipboard: never elided, never trimmed; empty when
    // the item cannot be copied.
    CopyTextRole,
    // A FieldKind: how the value is presented (badge, elided ARN, S3 location, time).
    FieldKindRole,
    // A stable identifier of the field ("schedulerArn", "inputLocation"), for tests and actions.
    FieldIdRole,
    // True when the member is absent from the response (the view says "not set").
    AbsentRole,
    // The status or latest-result text a badge paints ("RUNNING", "ANOMALOUS", unknown values
    // verbatim); empty when the item has no badge.
    BadgeValueRole,
    // True when the row's data is from before the last failed refresh.
    StaleRole,
    // True for a few seconds after the row's status or latest result changed.
    RecentlyChangedRole,
    // The scheduler's name, ARN and model ARN, whatever column the index is in (copy actions
    // on several selected rows).
    SchedulerNameRole,
    SchedulerArnRole,
    ModelArnRole,
    // The value to sort by (severity for status columns, minutes for frequencies).
    SortRole,
    // A sentence for screen readers ("Status: running").
    AccessibleTextRole,
    // The account and region whose connection the row came from, as a group header names it
    // ("123456789012 · eu-west-1"); empty while the window has a single connection.
    ConnectionGroupRole,
    // One line saying why the row's connection is stale or failing ("the SSO token expired");
    // empty while its last refresh succeeded.
    ConnectionProblemRole,
    // The connection (0, 1, …) the row came from: the wall groups tiles by it.
    ConnectionIndexRole,
    // True when the scheduler needs nobody's attention: RUNNING with a NORMAL latest result, its
    // data fresh and its connection answering. A wall collapses such schedulers into a count tile.
    HealthyRole,
    // On a wall count tile standing for healthy schedulers (models::WallTilesModel): how many it
    // stands for; invalid on a scheduler's tile.
    HealthyCountRole,
};

enum class FieldKind {
    Plain,
    Arn,
    S3Location,
    Status,
    Time,
};

} // namespace models
