#include "models/statuschangenotifier.h"

#include "lookout/inferencescheduler.h"
#include "models/statuspresentation.h"

#include <QCoreApplication>

namespace models {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::StatusChangeNotifier)
};

// The name, and with several connections open the account and region it belongs to.
QString shownName(const StatusChange &change)
{
    return change.group.isEmpty() ? change.name
                                  : change.name + QStringLiteral(" (") + change.group + u')';
}

QString describe(const StatusChange &change)
{
    if (StatusChangeNotifier::turnedAnomalous(change))
        return Text::tr("%1: latest result ANOMALOUS").arg(shownName(change));
    return Text::tr("%1: %2 → %3")
        .arg(shownName(change), statusPresentation(change.oldStatus).label,
            change.newStatus.isEmpty() ? Text::tr("no status")
                                       : statusPresentation(change.newStatus).label);
}

} // namespace

StatusChangeNotifier::StatusChangeNotifier(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<models::StatusChangeNotifier::Alert>();
}

void StatusChangeNotifier::watch(SchedulerListModel *model)
{
    connect(model, &SchedulerListModel::statusesChanged, this, &StatusChangeNotifier::observe);
    connect(model, &SchedulerListModel::cycleFinished, this, &StatusChangeNotifier::flush);
    // Another connection: nothing collected so far concerns the fleet shown next.
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_pending.clear(); });
}

bool StatusChangeNotifier::turnedAnomalous(const StatusChange &change)
{
    const QString anomalous = QString::fromLatin1(lookout::result::kAnomalous);
    return change.newResult == anomalous && change.oldResult != anomalous;
}

bool StatusChangeNotifier::leftRunning(const StatusChange &change)
{
    const QString running = QString::fromLatin1(lookout::status::kRunning);
    return change.oldStatus == running && change.newStatus != running;
}

bool StatusChangeNotifier::worthAnnouncing(const StatusChange &change)
{
    return turnedAnomalous(change) || leftRunning(change);
}

void StatusChangeNotifier::observe(const QList<models::StatusChange> &changes)
{
    for (const StatusChange &change : changes) {
        if (worthAnnouncing(change))
            m_pending.append(change);
    }
}

void StatusChangeNotifier::flush()
{
    if (m_pending.isEmpty())
        return;
    const QList<StatusChange> changes = std::exchange(m_pending, {});
    Alert alert;
    QStringList lines;
    for (const StatusChange &change : changes) {
        alert.names.append(change.name);
        alert.anomalous = alert.anomalous || turnedAnomalous(change);
        if (lines.size() < kMaxListed)
            lines.append(describe(change));
    }
    if (changes.size() > kMaxListed)
        lines.append(Text::tr("and %n more", nullptr, int(changes.size()) - kMaxListed));
    if (changes.size() == 1) {
        const StatusChange &change = changes.first();
        alert.title = turnedAnomalous(change)
            ? Text::tr("%1 turned ANOMALOUS").arg(shownName(change))
            : Text::tr("%1 is no longer running").arg(shownName(change));
    } else {
        alert.title = Text::tr("%n schedulers need attention", nullptr, int(changes.size()));
    }
    alert.message = lines.join(QLatin1Char('\n'));
    emit alertRaised(alert);
}

} // namespace models
