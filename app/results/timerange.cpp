#include "results/timerange.h"

#include "results/resultstime.h"

namespace results {

std::optional<qint64> folderTimeOfKey(const QString &key)
{
    const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return std::nullopt;
    const qsizetype before = key.lastIndexOf(QLatin1Char('/'), slash - 1);
    return folderTime(QStringView(key).sliced(before + 1, slash - before - 1));
}

QList<ObjectInfo> objectsFor(const QList<ObjectInfo> &objects, const TimeRange &range)
{
    if (range.isAll())
        return objects;
    QList<ObjectInfo> chosen;
    for (const ObjectInfo &object : objects) {
        const std::optional<qint64> time = folderTimeOfKey(object.key);
        if (!time
            || ((!range.from || *time >= *range.from - kFolderTimeMargin)
                && (!range.to || *time < *range.to + kFolderTimeMargin)))
            chosen.append(object);
    }
    return chosen;
}

qsizetype keepRange(ParsedResults &parsed, const TimeRange &range)
{
    if (range.isAll())
        return 0;
    std::vector<Prediction> &predictions = parsed.predictions;
    std::vector<Diagnostic> &diagnostics = parsed.diagnostics;
    size_t kept = 0;
    size_t keptDiagnostics = 0;
    for (const Prediction &prediction : predictions) {
        if (!range.contains(prediction.time))
            continue;
        Prediction moved = prediction;
        moved.firstDiagnostic = static_cast<quint32>(keptDiagnostics);
        // Kept predictions keep their order, so their diagnostics only move towards the front.
        for (quint32 i = 0; i < prediction.diagnosticCount; ++i)
            diagnostics[keptDiagnostics++] = diagnostics[prediction.firstDiagnostic + i];
        predictions[kept++] = moved;
    }
    const auto dropped = static_cast<qsizetype>(predictions.size() - kept);
    predictions.resize(kept);
    diagnostics.resize(keptDiagnostics);
    return dropped;
}

} // namespace results
