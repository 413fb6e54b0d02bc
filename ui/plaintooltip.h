#pragma once

#include <QString>

class QAbstractItemView;
class QHelpEvent;
class QModelIndex;

// Qt shows a tooltip as rich text whenever it looks like HTML (Qt::mightBeRichText), so a status
// value or error message from an endpoint such as "<img src=x>" would be rendered. Every tooltip
// that can hold text from outside goes through here: shown exactly as written, never as markup,
// its control characters as core::visibleText() shows them (lines kept).
namespace ui {

// Rich text that displays `text` literally; empty for empty text (no tooltip).
QString plainToolTip(const QString &text);

// For an item delegate's helpEvent(): shows the index's Qt::ToolTipRole through plainToolTip().
// False (and no tooltip) when the event is not a tooltip request or the index has none.
bool showPlainToolTip(QHelpEvent *event, QAbstractItemView *view, const QModelIndex &index);

} // namespace ui
