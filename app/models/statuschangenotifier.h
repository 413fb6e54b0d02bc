#pragma once

#include "models/schedulerlistmodel.h"

#include <QList>
#include <QObject>
#include <QString>

// Picks out what is worth a desktop notification from a refresh: a scheduler whose latest result
// turned ANOMALOUS, or that left RUNNING (stopping, stopped, or anything else). Changes are
// collected over one refresh cycle and announced once, when the cycle ends, so a refresh never
// raises more than one notification. Schedulers seen for the first time are not changes.
namespace models {

class StatusChangeNotifier : public QObject {
    Q_OBJECT

public:
    struct Alert {
        QString title; // "pump-042 turned ANOMALOUS", "3 schedulers need attention"
        QString message; // one line per scheduler, at most kMaxListed, then "and 4 more"
        QStringList names; // every scheduler concerned
        bool anomalous = false; // at least one turned ANOMALOUS (a warning rather than information)
    };

    static constexpr int kMaxListed = 5;

    explicit StatusChangeNotifier(QObject *parent = nullptr);

    // Listens to the model's statusesChanged and cycleFinished.
    void watch(SchedulerListModel *model);

    // Adds the changes of one page; worthAnnouncing() picks the ones that count.
    void observe(const QList<models::StatusChange> &changes);
    // Announces what was collected (alertRaised), if anything, and starts collecting anew.
    void flush();
    static bool worthAnnouncing(const StatusChange &change);
    static bool turnedAnomalous(const StatusChange &change);
    static bool leftRunning(const StatusChange &change);

signals:
    void alertRaised(const models::StatusChangeNotifier::Alert &alert);

private:
    QList<StatusChange> m_pending;
};

} // namespace models
