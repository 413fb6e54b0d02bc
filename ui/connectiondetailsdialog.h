#pragma once

#include "aws/configresolver.h"

#include <QDialog>
#include <QStringList>

#include <memory>
#include <optional>

class QPushButton;

namespace Ui {
class ConnectionDetailsDialogForm;
}

namespace ui {

// Where each value of the connection comes from, as `--debug` prints it
// (aws::ResolvedConfig::describe(): "region: eu-west-1 (from AWS_REGION)"), or, without a
// connection, why there is none and what to do. With several connections, one section each:
// its label, state, account, last error, and its values or what to do. Problems found in ~/.aws
// files follow, with file and line. Nothing here is ever a secret (the credentials line is the
// provider's description()), so "Copy" copies it all.
class ConnectionDetailsDialog : public QDialog {
    Q_OBJECT

public:
    // One connection of several.
    struct Section {
        QString label; // "prod · eu-west-1"
        QString state; // models::connectionStateText()
        QStringList accounts; // of its rows; empty before they are listed
        QString error; // the last error as the CLI words it; empty when none
        QString hint; // what to do about the error; empty when nothing helps
        std::optional<aws::ResolvedConfig> config; // nullopt: nothing resolved
    };

    explicit ConnectionDetailsDialog(QWidget *parent = nullptr);
    ~ConnectionDetailsDialog() override;

    // Connected: the configuration in use, each value with its source.
    void setConfig(const QString &label, const aws::ResolvedConfig &config);
    // No connection: the error as the CLI words it and a hint on what to do.
    void setProblem(const QString &label, const QString &error, const QString &hint);
    // Several connections: `summary` as the headline, then a section for each, in their order.
    void setConnections(const QString &summary, const QList<Section> &sections);
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
    QStringList sectionLines() const;

    std::unique_ptr<Ui::ConnectionDetailsDialogForm> m_ui;
    QPushButton *m_copyButton;
    QString m_headline;
    QStringList m_lines;
    QList<Section> m_sections; // empty with one connection
    QStringList m_fileProblems;
};

} // namespace ui
