#pragma once

#include "lookout/inferencescheduler.h"

#include <QHash>
#include <QList>
#include <QString>

// How many schedulers a fleet has in each status and with each latest inference result: the
// fleet view's summary line and the dashboard's counts. Kept up to date row by row by
// SchedulerListModel, so a refresh never recounts the whole fleet.
namespace models {

class FleetSummary {
public:
    enum class Field { Status, LatestResult };

    // One non-zero count, for the dashboard's count tiles.
    struct Count {
        Field field = Field::Status;
        QString value; // the service's value, "RUNNING", "ANOMALOUS", or an unknown one verbatim
        int count = 0;
        friend bool operator==(const Count &, const Count &) = default;
    };

    void add(const lookout::InferenceSchedulerSummary &summary);
    void remove(const lookout::InferenceSchedulerSummary &summary);
    void clear();

    int total() const { return m_total; }
    // Schedulers with this Status / LatestInferenceResult; an empty value counts absent members.
    int statusCount(const QString &status) const { return m_byStatus.value(status); }
    int latestResultCount(const QString &result) const { return m_byResult.value(result); }

    // Non-zero counts of present values: statuses first, then latest results, each in severity
    // order (models::statusSeverity), most urgent first; equal severities by value.
    QList<Count> counts() const;

    // "200 schedulers", "1 scheduler", "No schedulers".
    QString totalText() const;
    // "200 schedulers · 150 running · 30 stopped · 20 pending — 12 anomalous · 140 normal";
    // "No schedulers" for an empty fleet.
    QString text() const;

    friend bool operator==(const FleetSummary &, const FleetSummary &) = default;

private:
    static void adjust(QHash<QString, int> &counts, const QString &value, int delta);

    int m_total = 0;
    QHash<QString, int> m_byStatus;
    QHash<QString, int> m_byResult;
};

} // namespace models
