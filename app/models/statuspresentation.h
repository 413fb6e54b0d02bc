#pragma once

#include <QColor>
#include <QList>
#include <QString>

class QPalette;

// How a scheduler status (InferenceSchedulerStatus) or latest inference result is presented:
// one table, shared by the details form, the fleet table and the dashboard. Every kind has a
// text, an icon and colours, so no state is told by colour alone; the colours come in a light
// and a dark set, each pair at least 4.5:1 (WCAG AA) apart, and a high-contrast set for the
// black-and-white theme, each pair at least 7:1 (WCAG AAA). Values the application does not
// know are shown as themselves with the neutral Unknown presentation.
namespace models {

enum class StatusKind {
    Pending,
    Running,
    Stopping,
    Stopped,
    Anomalous,
    Normal,
    // An inference execution's status (ListInferenceExecutions).
    InProgress,
    Success,
    Failed,
    Unknown,
};

// Which colours a palette calls for (ui::colorSetOf() decides).
enum class ColorSet { Light, Dark, HighContrast };

struct StatusColors {
    QColor background;
    QColor foreground; // text and icon
    QColor border;
};

struct StatusPresentation {
    StatusKind kind = StatusKind::Unknown;
    QString value; // the text the service sent ("RUNNING", or an unknown value verbatim)
    QString label; // translated badge text; an unknown value verbatim
    QString description; // translated sentence for tooltips ("Running: inference runs on every
                         // upload.")
    QString iconPath; // a monochrome SVG in the resources, tinted with the foreground colour
    int severity = 0; // 0 is the most urgent; see statusSeverity()
    StatusColors light;
    StatusColors dark;
    StatusColors highContrast;

    const StatusColors &colors(ColorSet set) const
    {
        return set == ColorSet::HighContrast ? highContrast : set == ColorSet::Dark ? dark : light;
    }
};

// Exact, case-sensitive match on the service's values; anything else is Unknown.
StatusKind statusKind(const QString &value);
StatusPresentation statusPresentation(const QString &value);
// The presentation of a kind itself; Unknown's label is "UNKNOWN" here.
StatusPresentation statusPresentation(StatusKind kind);

// Sort and tile order, most urgent first: ANOMALOUS and FAILED 0, STOPPING 1, PENDING and
// IN_PROGRESS 2, an unknown value 3, STOPPED 4, RUNNING, NORMAL and SUCCESS 5. An empty value (the
// member is absent) sorts last, at 6.
int statusSeverity(const QString &value);

// PENDING and STOPPING: the scheduler is changing state and is worth polling faster.
bool isTransitionalStatus(const QString &status);

// Every kind, in declaration order (for tables and tests).
QList<StatusKind> allStatusKinds();

// Whether a palette is dark (its window colour darker than mid grey), choosing the colour set.
bool isDarkPalette(const QPalette &palette);

// WCAG 2 contrast ratio between two opaque colours, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace models
