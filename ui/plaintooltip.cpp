#include "ui/plaintooltip.h"

#include "core/visibletext.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

namespace ui {

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return QString();
    return Qt::convertFromPlainText(
        core::visibleText(text, core::LineBreaks::Keep), Qt::WhiteSpaceNormal);
}

bool showPlainToolTip(QHelpEvent *event, QAbstractItemView *view, const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip)
        return false;
    const QString text = index.data(Qt::ToolTipRole).toString();
    if (text.isEmpty()) {
        QToolTip::hideText();
        return false;
    }
    QToolTip::showText(
        event->globalPos(), plainToolTip(text), view->viewport(), view->visualRect(index));
    return true;
}

} // namespace ui
