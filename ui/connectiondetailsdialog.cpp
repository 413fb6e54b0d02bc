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
    updateText();
}

void ConnectionDetailsDialog::setProblem(
    const QString &label, const QString &error, const QString &hint)
{
    m_headline = tr("Not connected (%1): %2").arg(label, error);
    m_lines = hint.isEmpty() ? QStringList() : QStringList { hint };
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
    QStringList lines = m_lines;
    if (!m_fileProblems.isEmpty()) {
        lines.append(QString());
        lines.append(tr("Problems in the AWS configuration files (the rest of them still works):"));
        lines.append(m_fileProblems);
    }
    m_ui->detailsTextEdit->setPlainText(lines.join(QLatin1Char('\n')));
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
