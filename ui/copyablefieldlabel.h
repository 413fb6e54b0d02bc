#pragma once

#include <QString>
#include <QWidget>

class QToolButton;

namespace ui {

class ElidedLabel;

// A field's value in the details form: an ElidedLabel, and for identifiers (ARNs, S3 locations)
// a copy button beside it, named for screen readers after the field ("Copy scheduler ARN").
// The widget copies nothing itself: it asks with copyRequested(), and the form puts the model's
// copy text, never the elided one, on the clipboard.
class CopyableFieldLabel : public QWidget {
    Q_OBJECT

public:
    explicit CopyableFieldLabel(QWidget *parent = nullptr);

    // `sentenceName` is the field's name inside a sentence ("scheduler ARN").
    void setField(const QString &fieldId, const QString &sentenceName);
    QString fieldId() const { return m_fieldId; }

    // The value as shown; `absent` shows it in the "not set" style and disables copying.
    void setValue(const QString &text, bool absent);
    QString text() const;
    bool isAbsent() const;
    void setStale(bool stale);

    void setCopyButtonVisible(bool visible);
    bool isCopyButtonVisible() const;

    ElidedLabel *label() const { return m_label; }
    QToolButton *copyButton() const { return m_copyButton; }

signals:
    void copyRequested(const QString &fieldId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateCopyButton();

    ElidedLabel *m_label;
    QToolButton *m_copyButton;
    QString m_fieldId;
    bool m_copyButtonWanted = false;
};

} // namespace ui
