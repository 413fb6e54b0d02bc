#pragma once

#include "aws/configresolver.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QPushButton;

namespace Ui {
class ConnectionDetailsDialogForm;
}

namespace ui {

// Where each value of the connection comes from, as `--debug` prints it
// (aws::ResolvedConfig::describe(): "region: eu-west-1 (from AWS_REGION)"), or, without a
// connection, why there is none and what to do. Problems found in ~/.aws files follow, with
// file and line. Nothing here is ever a secret, so "Copy" copies it all.
class ConnectionDetailsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConnectionDetailsDialog(QWidget *parent = nullptr);
    ~ConnectionDetailsDialog() override;

    // Connected: the configuration in use, each value with its source.
    void setConfig(const QString &label, const aws::ResolvedConfig &config);
    // No connection: the error as the CLI words it and a hint on what to do.
    void setProblem(const QString &label, const QString &error, const QString &hint);
    // "/home/me/.aws/config line 12: …" lines; empty hides them.
    void setFileProblems(const QStringList &problems);

    QString headline() const;
    QString detailsText() const;

signals:
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateText();

    std::unique_ptr<Ui::ConnectionDetailsDialogForm> m_ui;
    QPushButton *m_copyButton;
    QString m_headline;
    QStringList m_lines;
    QStringList m_fileProblems;
};

} // namespace ui
