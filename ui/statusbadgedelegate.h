#pragma once

#include <QStyledItemDelegate>

namespace ui {

// Paints an item's status as a StatusBadge: the value comes from models::BadgeValueRole (falling
// back to Qt::DisplayRole), the hatching from models::StaleRole. The selection and focus are
// painted by the style as for any item; an item without a value paints no badge. The tooltip is
// the model's Qt::ToolTipRole, else the status description.
class StatusBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit StatusBadgeDelegate(QObject *parent = nullptr);

    // The badge scale (1 in tables; the dashboard uses more).
    qreal scale() const { return m_scale; }
    void setScale(qreal scale);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // The value an index's badge shows.
    static QString badgeValue(const QModelIndex &index);

private:
    qreal m_scale = 1.0;
};

} // namespace ui
