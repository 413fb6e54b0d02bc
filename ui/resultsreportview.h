#pragma once

#include "results/parsereport.h"
#include "results/resultssource.h"

#include <QFrame>
#include <QList>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace ui {

// What reading results left out, in place above the chart: a one-line summary ("3 lines
// skipped, 1 file not read") and, on demand, the first few by file and line
// (results::ParseReport) and the entries of the listing that were not read, with why. Hidden
// when nothing was left out.
class ResultsReportView : public QFrame {
    Q_OBJECT

public:
    explicit ResultsReportView(QWidget *parent = nullptr);

    void showReport(
        const results::ParseReport &report, const QList<results::SkippedEntry> &skipped);
    void clear();

    QString summary() const;
    QString details() const;
    QToolButton *detailsButton() const { return m_detailsButton; }

private:
    QLabel *m_summary;
    QToolButton *m_detailsButton;
    QPlainTextEdit *m_details;
};

} // namespace ui
