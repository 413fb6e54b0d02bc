#include "ui/elidedlabel.h"

#include "core/visibletext.h"
#include "ui/plaintooltip.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QStylePainter>
#include <QToolTip>

#include <algorithm>

namespace ui {

namespace {

// Room for the focus frame around the text.
constexpr int kMargin = 2;
// Never narrower than this many average characters, so an elided value keeps some of each end.
constexpr int kMinimumCharacters = 12;

// Stale text is the text colour moved a third of the way to the background: visibly dimmer,
// still well above 4.5:1 on the usual light and dark palettes (the disabled colour is not).
QColor staleColor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    constexpr float kTowardsWindow = 0.35f;
    return QColor::fromRgbF(text.redF() + (window.redF() - text.redF()) * kTowardsWindow,
        text.greenF() + (window.greenF() - text.greenF()) * kTowardsWindow,
        text.blueF() + (window.blueF() - text.blueF()) * kTowardsWindow);
}

} // namespace

ElidedLabel::ElidedLabel(QWidget *parent)
    : QFrame(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ElidedLabel::setText(const QString &value)
{
    // Values come from the endpoint: shown, control characters and direction overrides included,
    // never obeyed.
    const QString text = core::visibleText(value);
    if (text == m_text)
        return;
    m_text = text;
    updateGeometry();
    update();
}

void ElidedLabel::setElideMode(Qt::TextElideMode mode)
{
    m_elideMode = mode;
    update();
}

void ElidedLabel::setAbsent(bool absent)
{
    if (absent == m_absent)
        return;
    m_absent = absent;
    updateGeometry();
    update();
}

void ElidedLabel::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    update();
}

QFont ElidedLabel::displayFont() const
{
    QFont result = font();
    if (m_absent)
        result.setItalic(true);
    return result;
}

QRect ElidedLabel::textRect() const
{
    return contentsRect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
}

QString ElidedLabel::displayedText() const
{
    return QFontMetrics(displayFont()).elidedText(m_text, m_elideMode, textRect().width());
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics metrics(displayFont());
    const QMargins frame = contentsMargins();
    return QSize(metrics.horizontalAdvance(m_text) + 2 * kMargin + frame.left() + frame.right() + 1,
        metrics.height() + 2 * kMargin + frame.top() + frame.bottom());
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics metrics(displayFont());
    const QSize full = sizeHint();
    return QSize(
        std::min(full.width(), metrics.averageCharWidth() * kMinimumCharacters), full.height());
}

bool ElidedLabel::event(QEvent *event)
{
    // An elided label without a tooltip of its own shows its full text.
    if (event->type() == QEvent::ToolTip && toolTip().isEmpty()) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (isElided())
            QToolTip::showText(help->globalPos(), plainToolTip(m_text), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QFrame::event(event);
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QStylePainter painter(this);
    painter.setFont(displayFont());
    QColor color = palette().color(QPalette::WindowText);
    if (m_absent)
        color = palette().color(QPalette::PlaceholderText);
    else if (m_stale)
        color = staleColor(palette());
    painter.setPen(color);
    const QRect area = textRect();
    painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, displayedText());
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        const int width = QFontMetrics(displayFont()).horizontalAdvance(displayedText());
        focus.rect = QRect(area.left(), area.top(), std::min(width, area.width()), area.height())
                         .adjusted(-kMargin, -kMargin, kMargin, kMargin);
        focus.backgroundColor = palette().color(QPalette::Window);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, focus);
    }
}

void ElidedLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QFrame::changeEvent(event);
}

} // namespace ui
