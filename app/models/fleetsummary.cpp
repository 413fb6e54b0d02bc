#include "models/fleetsummary.h"

#include "models/statuspresentation.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace models {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::FleetSummary)
};

QList<FleetSummary::Count> sortedCounts(
    const QHash<QString, int> &counts, FleetSummary::Field field)
{
    QList<FleetSummary::Count> result;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!it.key().isEmpty() && it.value() > 0)
            result.append({ field, it.key(), it.value() });
    }
    std::sort(result.begin(), result.end(),
        [](const FleetSummary::Count &a, const FleetSummary::Count &b) {
            const int severityA = statusSeverity(a.value);
            const int severityB = statusSeverity(b.value);
            return severityA != severityB ? severityA < severityB : a.value < b.value;
        });
    return result;
}

QString countText(const FleetSummary::Count &count)
{
    // A phrase per known value, so that each language words and inflects it; a value the
    // service added later reads as it was sent, in lower case like the others.
    const int n = count.count;
    switch (statusKind(count.value)) {
    case StatusKind::Pending:
        //: In the fleet summary line: how many schedulers are PENDING
        return Text::tr("%n pending", nullptr, n);
    case StatusKind::Running:
        //: In the fleet summary line: how many schedulers are RUNNING
        return Text::tr("%n running", nullptr, n);
    case StatusKind::Stopping:
        //: In the fleet summary line: how many schedulers are STOPPING
        return Text::tr("%n stopping", nullptr, n);
    case StatusKind::Stopped:
        //: In the fleet summary line: how many schedulers are STOPPED
        return Text::tr("%n stopped", nullptr, n);
    case StatusKind::Anomalous:
        //: In the fleet summary line: how many latest inference results are ANOMALOUS
        return Text::tr("%n anomalous", nullptr, n);
    case StatusKind::Normal:
        //: In the fleet summary line: how many latest inference results are NORMAL
        return Text::tr("%n normal", nullptr, n);
    case StatusKind::InProgress: // an execution's status, not a scheduler's
    case StatusKind::Success:
    case StatusKind::Failed:
    case StatusKind::Unknown:
        break;
    }
    //: A count in the fleet summary line for a value the service added later, e.g. "3 paused"
    return Text::tr("%1 %2").arg(QString::number(n), count.value.toLower());
}

} // namespace

void FleetSummary::adjust(QHash<QString, int> &counts, const QString &value, int delta)
{
    auto it = counts.find(value);
    if (it == counts.end()) {
        counts.insert(value, delta);
        return;
    }
    *it += delta;
    if (*it == 0)
        counts.erase(it);
}

void FleetSummary::add(const lookout::InferenceSchedulerSummary &summary)
{
    ++m_total;
    adjust(m_byStatus, summary.status.value_or(QString()), 1);
    adjust(m_byResult, summary.latestInferenceResult.value_or(QString()), 1);
}

void FleetSummary::remove(const lookout::InferenceSchedulerSummary &summary)
{
    --m_total;
    adjust(m_byStatus, summary.status.value_or(QString()), -1);
    adjust(m_byResult, summary.latestInferenceResult.value_or(QString()), -1);
}

void FleetSummary::clear()
{
    *this = FleetSummary();
}

QList<FleetSummary::Count> FleetSummary::counts() const
{
    return sortedCounts(m_byStatus, Field::Status) + sortedCounts(m_byResult, Field::LatestResult);
}

QString FleetSummary::totalText() const
{
    if (m_total == 0)
        return Text::tr("No schedulers");
    // The numerus form lets translators pick their plural; English needs only the two.
    return m_total == 1 ? Text::tr("1 scheduler") : Text::tr("%n schedulers", nullptr, m_total);
}

QString FleetSummary::text() const
{
    if (m_total == 0)
        return totalText();
    QStringList statuses;
    QStringList results;
    for (const Count &count : counts())
        (count.field == Field::Status ? statuses : results).append(countText(count));
    const QString separator = QStringLiteral(" · ");
    QString text = totalText();
    if (!statuses.isEmpty())
        text += separator + statuses.join(separator);
    if (!results.isEmpty())
        text += QStringLiteral(" — ") + results.join(separator);
    return text;
}

} // namespace models
