#include "ui/resultsrangechooser.h"

#include "results/resultstime.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>

namespace ui {

namespace {

using Choice = ResultsRangeChooser::Choice;

std::optional<qint64> lengthOf(Choice choice)
{
    switch (choice) {
    case Choice::Last24Hours:
        return results::kMicrosecondsPerDay;
    case Choice::Last7Days:
        return 7 * results::kMicrosecondsPerDay;
    case Choice::Last30Days:
        return 30 * results::kMicrosecondsPerDay;
    case Choice::All:
    case Choice::Custom:
        break;
    }
    return std::nullopt;
}

} // namespace

ResultsRangeChooser::ResultsRangeChooser(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_apply(new QPushButton(tr("&Show"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Range:"), this);
    label->setBuddy(m_choice);
    layout->addWidget(label);
    layout->addWidget(m_choice);
    auto *fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&to"), this);
    toLabel->setBuddy(m_to);
    layout->addWidget(fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(toLabel);
    layout->addWidget(m_to);
    layout->addWidget(m_apply);
    layout->addStretch(1);

    m_choice->addItem(tr("Last 24 hours"), QVariant::fromValue(Choice::Last24Hours));
    m_choice->addItem(tr("Last 7 days"), QVariant::fromValue(Choice::Last7Days));
    m_choice->addItem(tr("Last 30 days"), QVariant::fromValue(Choice::Last30Days));
    m_choice->addItem(tr("All"), QVariant::fromValue(Choice::All));
    m_choice->addItem(tr("Custom…"), QVariant::fromValue(Choice::Custom));
    m_choice->setAccessibleName(tr("Time range"));
    m_choice->setToolTip(tr("Relative to the newest result, not to now: the schedulers have "
                            "stopped"));
    for (QDateTimeEdit *edit : { m_from, m_to }) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        edit->setCalendarPopup(true);
    }
    m_from->setAccessibleName(tr("Custom range start (UTC)"));
    m_to->setAccessibleName(tr("Custom range end (UTC)"));
    m_apply->setAccessibleName(tr("Show the custom range"));

    connect(m_choice, &QComboBox::activated, this, &ResultsRangeChooser::choiceActivated);
    connect(m_apply, &QPushButton::clicked, this, [this] { emit rangeChosen(range()); });
    setNewest(std::nullopt);
}

void ResultsRangeChooser::setNewest(std::optional<qint64> newest, Choice initial)
{
    m_newest = newest;
    auto *items = qobject_cast<QStandardItemModel *>(m_choice->model());
    for (int row = 0; row < m_choice->count(); ++row) {
        const bool relative = lengthOf(m_choice->itemData(row).value<Choice>()).has_value();
        items->item(row)->setEnabled(!relative || newest.has_value());
    }
    if (newest) {
        const qint64 end = *newest + results::kMicrosecondsPerMinute;
        m_to->setDateTime(results::toDateTime(end));
        m_from->setDateTime(results::toDateTime(end - 7 * results::kMicrosecondsPerDay));
    }
    if (!newest && lengthOf(initial))
        initial = Choice::All;
    m_choice->setCurrentIndex(m_choice->findData(QVariant::fromValue(initial)));
    updateCustomFields();
}

ResultsRangeChooser::Choice ResultsRangeChooser::choice() const
{
    return m_choice->currentData().value<Choice>();
}

void ResultsRangeChooser::choose(Choice choice)
{
    const int index = m_choice->findData(QVariant::fromValue(choice));
    if (lengthOf(choice) && !m_newest)
        return;
    m_choice->setCurrentIndex(index);
    choiceActivated();
}

void ResultsRangeChooser::chooseCustom(qint64 from, qint64 to)
{
    m_from->setDateTime(results::toDateTime(from));
    m_to->setDateTime(results::toDateTime(to));
    choose(Choice::Custom);
}

results::TimeRange ResultsRangeChooser::range() const
{
    const Choice current = choice();
    if (current == Choice::Custom)
        return { results::fromDateTime(m_from->dateTime()),
            results::fromDateTime(m_to->dateTime()) };
    if (const auto length = lengthOf(current); length && m_newest)
        return results::TimeRange::last(*length, *m_newest);
    return results::TimeRange::all();
}

void ResultsRangeChooser::choiceActivated()
{
    updateCustomFields();
    // Edits of the custom fields are shown when the user says so (Show), not on every key.
    emit rangeChosen(range());
}

void ResultsRangeChooser::updateCustomFields()
{
    const bool custom = choice() == Choice::Custom;
    for (QWidget *widget : std::initializer_list<QWidget *> { m_from, m_to, m_apply })
        widget->setEnabled(custom);
}

} // namespace ui
