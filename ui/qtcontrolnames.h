#pragma once

class QWidget;

namespace ui {

// Names the controls Qt adds by itself, which it leaves without an accessible name (a screen
// reader says only "button"): a line edit's clear button, a table's select-all corner button, and
// the overflow buttons of toolbars and the menu bar that appear when the window is narrow. Call
// it once a window's widgets exist.
void nameQtOwnControls(QWidget *window);

} // namespace ui
