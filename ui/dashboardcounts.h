#pragma once

#include "models/fleetsummary.h"

#include <QWidget>

namespace ui {

// The dashboard's top line: the fleet's total and, for every status and latest result present, a
// large badge with its count beside it, most urgent first (models::FleetSummary::counts()). The
// chips wrap onto more lines when the width runs out. Its accessible name is the summary text.
class DashboardCounts : public QWidget {
    Q_OBJECT

public:
    static constexpr qreal kScale = 1.5;

    explicit DashboardCounts(QWidget *parent = nullptr);

    void setSummary(const models::FleetSummary &summary);
    const models::FleetSummary &summary() const { return m_summary; }

    // The height of one line of chips, whatever they say.
    int lineHeight() const;
    // The size the chips of `summary` take in this widget's fonts, wrapped at `width`.
    QSize chipsSize(const models::FleetSummary &summary, int width = QWIDGETSIZE_MAX) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Chip {
        QString badgeValue; // empty for the total
        QString text; // the count, or "200 schedulers"
        QRect rect;
    };
    // The chips placed within `width`, and the height they need.
    QList<Chip> layoutChips(const models::FleetSummary &summary, int width, int *height) const;
    QFont countFont() const;
    // The accessible name and the size from m_summary, in the current language and font.
    void showSummary();

    models::FleetSummary m_summary;
};

} // namespace ui
