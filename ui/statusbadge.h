#pragma once

#include "models/statuspresentation.h"

#include <QFont>
#include <QPalette>
#include <QPixmap>
#include <QRect>
#include <QSize>
#include <QString>
#include <QWidget>

class QPainter;

namespace ui {

// The one status badge of the application: a pill with an icon and the status text in the
// colours of models::statusPresentation(), never colour alone. The details form uses the widget;
// the fleet table (StatusBadgeDelegate) and the dashboard tiles use the static paint functions,
// so all three look the same. `scale` multiplies the font and everything around it (the
// dashboard reads from across a room at about 2.5).
class StatusBadge : public QWidget {
    Q_OBJECT
    Q_PROPERTY(QString value READ value WRITE setValue)
    Q_PROPERTY(QString fieldName READ fieldName WRITE setFieldName)
    Q_PROPERTY(qreal scale READ scale WRITE setScale)
    Q_PROPERTY(bool stale READ isStale WRITE setStale)

public:
    struct PaintOptions {
        qreal scale = 1.0;
        bool stale = false; // data from before a failed refresh: the badge is hatched
        Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
    };

    explicit StatusBadge(QWidget *parent = nullptr);

    // The service's value ("RUNNING", "ANOMALOUS", or anything else, shown verbatim). Empty: the
    // member is absent, and the widget says "Latest result: not set" in the absent style.
    QString value() const { return m_value; }
    void setValue(const QString &value);
    // What the badge stands for ("Status", "Latest result"): the start of its accessible name.
    QString fieldName() const { return m_fieldName; }
    void setFieldName(const QString &fieldName);
    qreal scale() const { return m_options.scale; }
    void setScale(qreal scale);
    bool isStale() const { return m_options.stale; }
    void setStale(bool stale);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The size a badge for `value` needs with `font` at `scale`; empty for an empty value.
    static QSize badgeSize(const QString &value, const QFont &font, qreal scale = 1.0);
    // Paints the badge for `value` inside `rect`, aligned as the options say, with the colour set
    // `palette` calls for (colorSetOf()). Paints nothing for an empty value. Returns the area
    // painted. The painter's state is restored.
    static QRect paint(QPainter *painter, const QRect &rect, const QString &value,
        const QPalette &palette, const QFont &font, const PaintOptions &options);
    // "Status: RUNNING"; "Status: not set" for an empty value; just the value without a field.
    static QString accessibleText(const QString &fieldName, const QString &value);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    static QPixmap renderBadge(const QString &value, const QFont &font, const PaintOptions &options,
        models::ColorSet set, qreal ratio);
    void updateAccessibility();
    QString notSetText() const;
    QFont notSetFont() const;

    QString m_value;
    QString m_fieldName;
    PaintOptions m_options;
};

} // namespace ui
