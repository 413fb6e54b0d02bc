#pragma once

#include "lookout/inferencescheduler.h"

#include <QHash>
#include <QList>
#include <QString>

// Hands back, for each listed summary equal to the one listed under the same scheduler in the
// previous listing, that previous copy, so that its texts share storage with it. Runs where the
// pages are decoded (the fleet loader's thread): SchedulerListModel then knows an unchanged
// summary on the GUI thread by comparing where its texts are stored, not what they say, which
// for 10,000 schedulers was most of a refresh's GUI-thread time (scattered string reads).
//
// Not thread-safe; one per listing thread.
namespace models {

class SummaryReuser {
public:
    // A listing begins; summaries of the previous one are remembered until it completes.
    void beginListing();
    // `page` with each summary equal to its previous listing's copy replaced by that copy.
    QList<lookout::InferenceSchedulerSummary> reuse(QList<lookout::InferenceSchedulerSummary> page);
    // The listing ended. A complete one replaces what is remembered (schedulers no longer listed
    // are forgotten); an incomplete one adds what it saw to it.
    void finishListing(bool complete);
    // Forgets everything (another endpoint or other keys: nothing will compare equal).
    void clear();

    qsizetype rememberedCount() const { return m_previous.size(); }

private:
    QHash<QString, lookout::InferenceSchedulerSummary> m_previous;
    QHash<QString, lookout::InferenceSchedulerSummary> m_current;
};

// Whether two summaries share the storage of every text and have equal numbers: then they are
// equal, and the check reads no text. False says nothing (equal texts may be stored apart).
bool sharesAllData(
    const lookout::InferenceSchedulerSummary &a, const lookout::InferenceSchedulerSummary &b);

// The key a scheduler is known by across listings: its ARN, else its name; empty without both.
QString schedulerKey(const lookout::InferenceSchedulerSummary &summary);

} // namespace models
