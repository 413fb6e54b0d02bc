#pragma once

#include "results/events.h"
#include "results/series.h"

#include <QByteArray>
#include <QString>

#include <vector>

// What `lookout-desk results` prints: the predictions and events of a series as JSON in the CLI's
// layout (4-space indent), the predictions as CSV with one column per sensor, and the text a
// number is printed as.
namespace cli {

struct ResultsDocument {
    QString source; // as the user named it
    qsizetype files = 0; // objects read
    const results::Series *series = nullptr;
    std::vector<results::Event> events;
};

// {"Source": …, "Files": N, "Predictions": […], "Events": […]}: predictions in time order, absent
// members absent, each event with its TopSensors (the mean shares, largest first, at most 10).
// Predictions::Omitted leaves them out (what text and table output show).
enum class Predictions { Included, Omitted };
QByteArray resultsJson(
    const ResultsDocument &document, Predictions predictions = Predictions::Included);

// Timestamp,Prediction,Reason,AnomalyScore, then one column per sensor (sorted by name), one row
// per prediction; absent values are empty. RFC 4180 quoting; lines end in "\n".
QByteArray resultsCsv(const results::Series &series);

// A double as Python's repr() writes it (so the JSON reads like the CLI's): the shortest text that
// reads back as the same double, "1.0" for whole numbers, an exponent below 1e-4 and from 1e16.
QByteArray pythonFloatText(double value);
// A diagnostic's value, kept as a float, with the float's shortest digits: 0.04 prints as 0.04,
// not 0.03999999910593033.
QByteArray valueText(float value);
// A mean share, to 6 significant digits: the files' values have at most about as many, so more
// would print the rounding of their sum (0.055719998 for a mean of 0.05572).
QByteArray shareText(double share);

} // namespace cli
