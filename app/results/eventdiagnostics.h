#pragma once

#include "results/series.h"

#include <QString>
#include <QStringView>

#include <vector>

// What an anomaly event's Diagnostics says. The API model makes it a string; the service filled it
// with a JSON list of the sensors that contributed and their shares,
//   [{"name": "pump\\Sensor0", "value": 0.45}, {"name": "pump\\Sensor1", "value": 0.55}]
// An endpoint may send anything, so anything that is not such a list is kept as text to show as
// it is.
namespace results {

struct NamedShare {
    QString name; // "component\sensor"
    double share = 0;
    friend bool operator==(const NamedShare &, const NamedShare &) = default;
};

struct EventDiagnostics {
    enum class Form {
        Absent, // the event had no Diagnostics
        Contributions, // a JSON list of {name, value}: `sensors`, in the order given
        Text, // anything else: `text`, verbatim
    };
    Form form = Form::Absent;
    std::vector<NamedShare> sensors;
    QString text;
};

// Reads Diagnostics. It is Contributions when it is a JSON array whose every entry is an object
// with a non-empty string `name` and a `value` that is a finite number from 0 to 1 (other members
// are ignored; the list may be empty); otherwise it is Text, whole: malformed JSON, another JSON
// value, an entry of the wrong type, a share that is not a number from 0 to 1. An empty string is
// Text too (the service sent one; it says nothing).
EventDiagnostics decodeEventDiagnostics(QStringView diagnostics);

// A series of one prediction at `time` carrying the contributions, so that the Results tab's
// SensorContributionModel and ContributionBars show them (a name given twice adds up).
Series contributionSeries(const EventDiagnostics &diagnostics, qint64 time);

} // namespace results
