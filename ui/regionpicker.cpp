#include "ui/regionpicker.h"

#include "aws/configresolver.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QLineEdit>
#include <QSignalBlocker>

namespace ui {

RegionPicker::RegionPicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("regionPickerComboBox"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(14);
    addItems(serviceRegions());
    lineEdit()->setClearButtonEnabled(false);
    retranslate();
    connect(this, &QComboBox::activated, this, [this](int index) { commit(itemText(index)); });
    connect(lineEdit(), &QLineEdit::returnPressed, this, [this] { commit(lineEdit()->text()); });
}

QStringList RegionPicker::serviceRegions()
{
    return { QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"),
        QStringLiteral("ap-northeast-2") };
}

void RegionPicker::retranslate()
{
    setAccessibleName(tr("Region"));
    setToolTip(tr("The AWS region: pick one or type its name and press Enter"));
    lineEdit()->setPlaceholderText(tr("Choose a region"));
    lineEdit()->setAccessibleName(tr("Region"));
}

void RegionPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

void RegionPicker::focusOutEvent(QFocusEvent *event)
{
    // Typing without pressing Enter chooses nothing: show the region in use again.
    if (!view()->isVisible()) {
        const QSignalBlocker blocker(this);
        setEditText(m_region);
    }
    QComboBox::focusOutEvent(event);
}

void RegionPicker::setRegion(const QString &region)
{
    m_region = region;
    const QSignalBlocker blocker(this);
    const int index = findText(region);
    if (index >= 0)
        setCurrentIndex(index);
    else
        setCurrentIndex(-1);
    setEditText(region);
}

QString RegionPicker::region() const
{
    return m_region;
}

void RegionPicker::commit(const QString &text)
{
    const QString region = text.trimmed();
    if (const auto problem = aws::regionProblem(region)) {
        emit regionRejected(*problem);
        const QSignalBlocker blocker(this);
        setEditText(m_region);
        return;
    }
    setRegion(region);
    emit regionChosen(region);
}

} // namespace ui
