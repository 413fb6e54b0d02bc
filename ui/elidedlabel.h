#pragma once

#include <QFrame>
#include <QString>

namespace ui {

// One line of text that, when it does not fit, is elided in the middle on screen ("arn:aws:look…
// /0c9d8e7f") so both the kind and the unique end of an ARN stay visible; text() is always the
// full text, and an elided label shows it as its tooltip unless it has a tooltip of its own.
// It takes keyboard focus so a copy shortcut can act on it. Two presentations beyond the plain
// one: "absent" (italic, placeholder colour: the value is not set) and "stale" (a dimmed text
// colour that stays legible: the value is from before a failed refresh).
class ElidedLabel : public QFrame {
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText)
    Q_PROPERTY(bool absent READ isAbsent WRITE setAbsent)
    Q_PROPERTY(bool stale READ isStale WRITE setStale)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    Qt::TextElideMode elideMode() const { return m_elideMode; }
    void setElideMode(Qt::TextElideMode mode);
    bool isAbsent() const { return m_absent; }
    void setAbsent(bool absent);
    bool isStale() const { return m_stale; }
    void setStale(bool stale);

    // The text as painted at the current width, and whether it had to be shortened.
    QString displayedText() const;
    bool isElided() const { return displayedText() != m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QFont displayFont() const;
    QRect textRect() const;

    QString m_text;
    Qt::TextElideMode m_elideMode = Qt::ElideMiddle;
    bool m_absent = false;
    bool m_stale = false;
};

} // namespace ui
