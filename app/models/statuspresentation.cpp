#include "models/statuspresentation.h"

#include "lookout/inferencescheduler.h"

#include <QCoreApplication>
#include <QPalette>

#include <algorithm>
#include <array>
#include <cmath>

namespace models {

namespace {

struct Row {
    StatusKind kind;
    const char *value; // the service's text; null for Unknown
    const char *label; // source text of the translated badge label
    const char *description; // source text of the translated tooltip
    const char *iconPath;
    int severity;
    StatusColors light;
    StatusColors dark;
    StatusColors highContrast;
};

QColor rgb(const char *hex)
{
    return QColor::fromString(QLatin1String(hex));
}

// The one status table (README: "The scheduler details form", status colours). ANOMALOUS is a
// solid fill because it is the state people watch the screen for; the others are tints. In the
// high-contrast set the others are outlines on black in bright colours, each at least 7:1 (WCAG
// AAA) against the black, and ANOMALOUS a light red fill with black text.
const std::array<Row, 10> &table()
{
    static const std::array<Row, 10> rows = { {
        { StatusKind::Pending, lookout::status::kPending,
            QT_TRANSLATE_NOOP("StatusPresentation", "PENDING"),
            QT_TRANSLATE_NOOP("StatusPresentation", "Pending: the scheduler is starting."),
            ":/icons/status-pending.svg", 2, { rgb("#E3EEFD"), rgb("#0B4FB3"), rgb("#8DB3EE") },
            { rgb("#1A2C4A"), rgb("#A8C8FA"), rgb("#3B5F96") },
            { rgb("#000000"), rgb("#8AB4FF"), rgb("#8AB4FF") } },
        { StatusKind::Running, lookout::status::kRunning,
            QT_TRANSLATE_NOOP("StatusPresentation", "RUNNING"),
            QT_TRANSLATE_NOOP(
                "StatusPresentation", "Running: inference runs on every data upload."),
            ":/icons/status-running.svg", 5, { rgb("#E3F4E8"), rgb("#17672F"), rgb("#86C79A") },
            { rgb("#173A24"), rgb("#8FDBA6"), rgb("#3C7A51") },
            { rgb("#000000"), rgb("#5EF38C"), rgb("#5EF38C") } },
        { StatusKind::Stopping, lookout::status::kStopping,
            QT_TRANSLATE_NOOP("StatusPresentation", "STOPPING"),
            QT_TRANSLATE_NOOP("StatusPresentation", "Stopping: the scheduler is shutting down."),
            ":/icons/status-stopping.svg", 1, { rgb("#FFF1DC"), rgb("#884400"), rgb("#E9B36B") },
            { rgb("#44300F"), rgb("#FFCB80"), rgb("#8A6526") },
            { rgb("#000000"), rgb("#FFC862"), rgb("#FFC862") } },
        { StatusKind::Stopped, lookout::status::kStopped,
            QT_TRANSLATE_NOOP("StatusPresentation", "STOPPED"),
            QT_TRANSLATE_NOOP(
                "StatusPresentation", "Stopped: no inference runs until the scheduler is started."),
            ":/icons/status-stopped.svg", 4, { rgb("#ECEFF1"), rgb("#40515B"), rgb("#AAB6BD") },
            { rgb("#2C3337"), rgb("#CFD8DC"), rgb("#5B676D") },
            { rgb("#000000"), rgb("#D0D8DC"), rgb("#D0D8DC") } },
        { StatusKind::Anomalous, lookout::result::kAnomalous,
            QT_TRANSLATE_NOOP("StatusPresentation", "ANOMALOUS"),
            QT_TRANSLATE_NOOP(
                "StatusPresentation", "Anomalous: the latest inference found anomalous behaviour."),
            ":/icons/status-anomalous.svg", 0, { rgb("#B3261E"), rgb("#FFFFFF"), rgb("#8C1D18") },
            { rgb("#FFB4AB"), rgb("#690005"), rgb("#FFDAD6") },
            { rgb("#FF9E94"), rgb("#000000"), rgb("#FFFFFF") } },
        { StatusKind::Normal, lookout::result::kNormal,
            QT_TRANSLATE_NOOP("StatusPresentation", "NORMAL"),
            QT_TRANSLATE_NOOP(
                "StatusPresentation", "Normal: the latest inference found normal behaviour."),
            ":/icons/status-normal.svg", 5, { rgb("#DFF3F1"), rgb("#00665A"), rgb("#7CC8BE") },
            { rgb("#103633"), rgb("#80D4C9"), rgb("#2E6F67") },
            { rgb("#000000"), rgb("#5CE1D0"), rgb("#5CE1D0") } },
        // An execution's statuses. FAILED is a tint, not a fill: a table of them would be a
        // wall of solid red.
        { StatusKind::InProgress, "IN_PROGRESS",
            QT_TRANSLATE_NOOP("StatusPresentation", "IN_PROGRESS"),
            QT_TRANSLATE_NOOP("StatusPresentation", "In progress: the execution is running."),
            ":/icons/status-in-progress.svg", 2, { rgb("#E8E6FB"), rgb("#3B2FA0"), rgb("#A79FE6") },
            { rgb("#25214A"), rgb("#C2BBFA"), rgb("#554C99") },
            { rgb("#000000"), rgb("#C2BBFA"), rgb("#C2BBFA") } },
        { StatusKind::Success, "SUCCESS", QT_TRANSLATE_NOOP("StatusPresentation", "SUCCESS"),
            QT_TRANSLATE_NOOP(
                "StatusPresentation", "Success: the execution ran and wrote its results."),
            ":/icons/status-success.svg", 5, { rgb("#E6F4DA"), rgb("#2F5E0E"), rgb("#9CC97A") },
            { rgb("#1F3510"), rgb("#B2E08F"), rgb("#4F7A32") },
            { rgb("#000000"), rgb("#C6F08F"), rgb("#C6F08F") } },
        { StatusKind::Failed, "FAILED", QT_TRANSLATE_NOOP("StatusPresentation", "FAILED"),
            QT_TRANSLATE_NOOP("StatusPresentation",
                "Failed: the execution produced no results; its failed reason says why."),
            ":/icons/status-failed.svg", 0, { rgb("#FDE7E6"), rgb("#A1231B"), rgb("#E8A09A") },
            { rgb("#4A1A17"), rgb("#FFB4AB"), rgb("#93403A") },
            { rgb("#000000"), rgb("#FF9E94"), rgb("#FF9E94") } },
        { StatusKind::Unknown, nullptr, QT_TRANSLATE_NOOP("StatusPresentation", "UNKNOWN"),
            QT_TRANSLATE_NOOP(
                "StatusPresentation", "%1: a value this version of Lookout Desk does not know."),
            ":/icons/status-unknown.svg", 3, { rgb("#F2EFF6"), rgb("#4F4463"), rgb("#A99BBE") },
            { rgb("#322D3A"), rgb("#D9CFE8"), rgb("#6B5F7E") },
            { rgb("#000000"), rgb("#E6D9F5"), rgb("#E6D9F5") } },
    } };
    return rows;
}

const Row &rowOf(StatusKind kind)
{
    const auto &rows = table();
    return *std::find_if(
        rows.begin(), rows.end(), [kind](const Row &row) { return row.kind == kind; });
}

QString translated(const char *sourceText)
{
    return QCoreApplication::translate("StatusPresentation", sourceText);
}

StatusPresentation fromRow(const Row &row)
{
    StatusPresentation presentation;
    presentation.kind = row.kind;
    presentation.value = row.value ? QString::fromLatin1(row.value) : QString();
    presentation.label = translated(row.label);
    presentation.description = translated(row.description);
    presentation.iconPath = QString::fromLatin1(row.iconPath);
    presentation.severity = row.severity;
    presentation.light = row.light;
    presentation.dark = row.dark;
    presentation.highContrast = row.highContrast;
    return presentation;
}

double relativeLuminance(const QColor &color)
{
    const auto channel
        = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const QColor rgbColor = color.toRgb();
    return 0.2126 * channel(rgbColor.redF()) + 0.7152 * channel(rgbColor.greenF())
        + 0.0722 * channel(rgbColor.blueF());
}

constexpr int kAbsentSeverity = 6;

} // namespace

StatusKind statusKind(const QString &value)
{
    for (const Row &row : table()) {
        if (row.value && value == QLatin1String(row.value))
            return row.kind;
    }
    return StatusKind::Unknown;
}

StatusPresentation statusPresentation(const QString &value)
{
    const StatusKind kind = statusKind(value);
    StatusPresentation presentation = fromRow(rowOf(kind));
    if (kind == StatusKind::Unknown) {
        presentation.value = value;
        presentation.label = value;
        presentation.description = presentation.description.arg(value);
    }
    return presentation;
}

StatusPresentation statusPresentation(StatusKind kind)
{
    StatusPresentation presentation = fromRow(rowOf(kind));
    if (kind == StatusKind::Unknown)
        presentation.description = presentation.description.arg(presentation.label);
    return presentation;
}

int statusSeverity(const QString &value)
{
    if (value.isEmpty())
        return kAbsentSeverity;
    return rowOf(statusKind(value)).severity;
}

bool isTransitionalStatus(const QString &status)
{
    const StatusKind kind = statusKind(status);
    return kind == StatusKind::Pending || kind == StatusKind::Stopping;
}

QList<StatusKind> allStatusKinds()
{
    QList<StatusKind> kinds;
    for (const Row &row : table())
        kinds.append(row.kind);
    return kinds;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace models
