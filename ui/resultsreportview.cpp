#include "ui/resultsreportview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

ResultsReportView::ResultsReportView(QWidget *parent)
    : QFrame(parent)
    , m_summary(new QLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_details(new QPlainTextEdit(this))
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    row->addWidget(icon);
    row->addWidget(m_summary, 1);
    row->addWidget(m_detailsButton);
    layout->addLayout(row);
    layout->addWidget(m_details);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::PlainText);
    m_detailsButton->setText(tr("&Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAccessibleName(tr("Show what was left out"));
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Lines and files left out"));
    m_details->setMaximumHeight(fontMetrics().height() * 8);
    m_details->setVisible(false);
    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
    setAccessibleName(tr("What reading the results left out"));
    setVisible(false);
}

void ResultsReportView::showReport(
    const results::ParseReport &report, const QList<results::SkippedEntry> &skipped)
{
    if (report.issueCount() == 0 && skipped.isEmpty()) {
        clear();
        return;
    }
    QStringList parts;
    if (report.skippedLines > 0)
        parts << tr("Malformed lines skipped: %n", nullptr, static_cast<int>(report.skippedLines));
    if (report.trimmedLines > 0)
        parts << tr("Lines read in part: %n", nullptr, static_cast<int>(report.trimmedLines));
    if (report.otherIssues > 0)
        parts << tr("Files not read: %n", nullptr, static_cast<int>(report.otherIssues));
    if (!skipped.isEmpty())
        parts << tr("Folder entries not read: %n", nullptr, static_cast<int>(skipped.size()));
    m_summary->setText(parts.join(QLatin1String(", ")));

    QStringList lines;
    for (const results::ParseIssue &issue : report.issues)
        lines << issue.toString();
    const qint64 undescribed = report.issueCount() - report.issues.size();
    if (undescribed > 0)
        lines << tr("… and %n more", nullptr, static_cast<int>(undescribed));
    for (const results::SkippedEntry &entry : skipped)
        lines << tr("%1: not read: %2").arg(entry.key, entry.reason);
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
    setVisible(true);
}

void ResultsReportView::clear()
{
    m_summary->clear();
    m_details->clear();
    setVisible(false);
}

QString ResultsReportView::summary() const
{
    return m_summary->text();
}

QString ResultsReportView::details() const
{
    return m_details->toPlainText();
}

} // namespace ui
