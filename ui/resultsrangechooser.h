#pragma once

#include "results/timerange.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QPushButton;

namespace ui {

// Which span of results to load: the last 24 hours, 7 days or 30 days before the newest result
// (the schedulers are gone: "now" has no results), all of them, or a custom span in UTC. The
// relative choices are offered once the newest result is known (setNewest()).
class ResultsRangeChooser : public QWidget {
    Q_OBJECT

public:
    enum class Choice { Last24Hours, Last7Days, Last30Days, All, Custom };
    Q_ENUM(Choice)

    explicit ResultsRangeChooser(QWidget *parent = nullptr);

    // The time of the newest result (microseconds), or nullopt while unknown. Picks `initial`
    // when it can be offered, All otherwise; emits nothing.
    void setNewest(std::optional<qint64> newest, Choice initial = Choice::Last7Days);
    std::optional<qint64> newest() const { return m_newest; }

    Choice choice() const;
    // Selects `choice` and emits rangeChosen() (Custom: the span of the two fields).
    void choose(Choice choice);
    // The custom span [from, to), in microseconds; shown in the fields and chosen.
    void chooseCustom(qint64 from, qint64 to);
    results::TimeRange range() const;

    QComboBox *choiceBox() const { return m_choice; }

signals:
    void rangeChosen(const results::TimeRange &range);

private:
    void choiceActivated();
    void updateCustomFields();

    QComboBox *m_choice;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_apply;
    std::optional<qint64> m_newest;
};

} // namespace ui
