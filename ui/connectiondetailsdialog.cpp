#include "ui/connectiondetailsdialog.h"

#include "aws/endpointtarget.h"
#include "ui_connectiondetailsdialog.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QPushButton>

namespace ui {

ConnectionDetailsDialog::ConnectionDetailsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionDetailsDialogForm>())
{
    m_ui->setupUi(this);
    m_copyButton = m_ui->buttonBox->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copyButton->setObjectName(QStringLiteral("copyDetailsPushButton"));
    m_copyButton->setAccessibleName(tr("Copy connection details"));
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(detailsText());
        emit statusMessage(tr("Copied connection details"));
    });
}

ConnectionDetailsDialog::~ConnectionDetailsDialog() = default;

void ConnectionDetailsDialog::setConfig(const QString &label, const aws::ResolvedConfig &config)
{
    m_headline = tr("Connected as %1 to %2").arg(label, aws::withoutUserInfo(config.endpoint));
    m_lines = config.describe();
    m_sections.clear();
    updateText();
}

void ConnectionDetailsDialog::setProblem(
    const QString &label, const QString &error, const QString &hint)
{
    m_headline = tr("Not connected (%1): %2").arg(label, error);
    m_lines = hint.isEmpty() ? QStringList() : QStringList { hint };
    m_sections.clear();
    updateText();
}

void ConnectionDetailsDialog::setConnections(const QString &summary, const QList<Section> &sections)
{
    m_headline = summary;
    m_lines.clear();
    m_sections = sections;
    updateText();
}

void ConnectionDetailsDialog::setFileProblems(const QStringList &problems)
{
    m_fileProblems = problems;
    updateText();
}

QString ConnectionDetailsDialog::headline() const
{
    return m_ui->headlineLabel->text();
}

QString ConnectionDetailsDialog::detailsText() const
{
    return m_ui->detailsTextEdit->toPlainText();
}

void ConnectionDetailsDialog::updateText()
{
    m_ui->headlineLabel->setText(m_headline);
    QStringList lines = m_sections.isEmpty() ? m_lines : sectionLines();
    if (!m_fileProblems.isEmpty()) {
        lines.append(QString());
        lines.append(tr("Problems in the AWS configuration files (the rest of them still works):"));
        lines.append(m_fileProblems);
    }
    m_ui->detailsTextEdit->setPlainText(lines.join(QLatin1Char('\n')));
}

QStringList ConnectionDetailsDialog::sectionLines() const
{
    QStringList lines;
    const qsizetype count = m_sections.size();
    for (qsizetype i = 0; i < count; ++i) {
        const Section &section = m_sections.at(i);
        if (i > 0)
            lines.append(QString());
        lines.append(tr("Connection %1 of %2: %3").arg(i + 1).arg(count).arg(section.label));
        lines.append(tr("state: %1").arg(section.state));
        lines.append(section.accounts.isEmpty()
                ? tr("account: not known until its schedulers are listed")
                : tr("account: %1").arg(section.accounts.join(QStringLiteral(", "))));
        if (!section.error.isEmpty())
            lines.append(tr("last error: %1").arg(section.error));
        if (section.config)
            lines.append(section.config->describe());
        if (!section.hint.isEmpty())
            lines.append(section.hint);
    }
    return lines;
}

void ConnectionDetailsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_copyButton->setText(tr("&Copy"));
        updateText();
    }
    QDialog::changeEvent(event);
}

} // namespace ui
