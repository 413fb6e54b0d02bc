#include "ui/copyablefieldlabel.h"

#include "ui/elidedlabel.h"
#include "ui/symbolicicon.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QToolButton>

namespace ui {

namespace {

const QString kCopyIcon = QStringLiteral(":/icons/copy.svg");

} // namespace

CopyableFieldLabel::CopyableFieldLabel(QWidget *parent)
    : QWidget(parent)
    , m_label(new ElidedLabel(this))
    , m_copyButton(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copyButton, 0, Qt::AlignVCenter);
    m_label->setObjectName(QStringLiteral("valueElidedLabel"));
    m_copyButton->setObjectName(QStringLiteral("copyToolButton"));
    m_copyButton->setAutoRaise(true);
    m_copyButton->setIcon(symbolicIcon(kCopyIcon, palette()));
    m_copyButton->setVisible(false);
    setFocusProxy(m_label);
    connect(m_copyButton, &QToolButton::clicked, this, [this] { emit copyRequested(m_fieldId); });
}

void CopyableFieldLabel::setField(const QString &fieldId, const QString &sentenceName)
{
    m_fieldId = fieldId;
    const QString copyName = tr("Copy %1").arg(sentenceName);
    m_copyButton->setAccessibleName(copyName);
    m_copyButton->setToolTip(copyName);
}

void CopyableFieldLabel::setValue(const QString &text, bool absent)
{
    m_label->setText(text);
    m_label->setAbsent(absent);
    updateCopyButton();
}

QString CopyableFieldLabel::text() const
{
    return m_label->text();
}

bool CopyableFieldLabel::isAbsent() const
{
    return m_label->isAbsent();
}

void CopyableFieldLabel::setStale(bool stale)
{
    m_label->setStale(stale);
}

void CopyableFieldLabel::setCopyButtonVisible(bool visible)
{
    m_copyButtonWanted = visible;
    m_copyButton->setVisible(visible);
    updateCopyButton();
}

bool CopyableFieldLabel::isCopyButtonVisible() const
{
    return m_copyButtonWanted;
}

void CopyableFieldLabel::updateCopyButton()
{
    // An absent value has nothing to copy; the button stays in place so the rows do not jump.
    m_copyButton->setEnabled(!m_label->isAbsent());
}

void CopyableFieldLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_copyButton->setIcon(symbolicIcon(kCopyIcon, palette()));
    QWidget::changeEvent(event);
}

} // namespace ui
