#pragma once

#include <QString>
#include <QWidget>

#include <vector>

namespace models {
class SensorContributionModel;
}

namespace ui {

// What a SensorContributionModel shows, drawn as horizontal bars, largest first: the ten largest
// shares and "All others", each with a mark at its even share (the share it would have if every
// sensor contributed alike: 1/N for a sensor, k/N for k sensors), so a bar past its mark stands
// out. Grouped per component, the bars are the components' sums (results::componentShares).
class ContributionBars : public QWidget {
    Q_OBJECT

public:
    struct Bar {
        QString label;
        double share = 0;
        double evenShare = 0;
        bool others = false; // the "All others" bar
    };

    explicit ContributionBars(QWidget *parent = nullptr);

    // The model must outlive the widget (or be unset first).
    void setModel(models::SensorContributionModel *model);
    void setGroupedByComponent(bool grouped);
    bool isGroupedByComponent() const { return m_grouped; }
    // Drawn when the model is empty ("Select an event or a time").
    void setPlaceholderText(const QString &text);

    const std::vector<Bar> &bars() const { return m_bars; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    models::SensorContributionModel *m_model = nullptr;
    bool m_grouped = false;
    QString m_placeholder;
    std::vector<Bar> m_bars;
};

} // namespace ui
