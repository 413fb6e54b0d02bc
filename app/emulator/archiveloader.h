#pragma once

#include "emulator/fleet.h"

#include <QList>
#include <QString>

#include <optional>

namespace emulator {

struct ArchiveProblem {
    QString path; // control characters in it replaced by U+FFFD, as in every text of the loader
    QString reason;
};

struct ArchiveLoad {
    std::optional<Fleet> fleet; // absent when nothing could be served
    QList<ArchiveProblem> problems; // every file skipped, with why
    QString error; // set when fleet is absent
};

// Builds a fleet from a directory of saved `aws lookoutequipment describe-inference-scheduler`
// outputs (*.json, not recursive; other names are not looked at). Each *.json entry that cannot
// be served is reported with its path and reason and skipped: a hidden file, a symbolic link to
// nothing or to something outside the directory, a folder, pipe, device or socket, unreadable,
// larger than kMaxArchiveFileBytes (all read through core::readBoundedFile), not the CLI's JSON,
// no or an invalid InferenceSchedulerName, or a name already loaded from another file. Models for
// DescribeModel are inferred from the schedulers' ModelName and ModelArn. A missing directory, one
// without *.json files, or one whose files are all bad is an error.
ArchiveLoad loadArchive(const QString &directory, qint64 now, TransitionDurations durations = {});

inline constexpr qint64 kMaxArchiveFileBytes = 1024 * 1024;

} // namespace emulator
