#pragma once

#include "models/statuspresentation.h"
#include "options/guioptions.h"

#include <QPalette>

// The window's colours (--theme). System keeps the desktop's palette (dark when the desktop is:
// status badges pick their light or dark set by the palette's window lightness,
// models::isDarkPalette()). Light, Dark and HighContrast are the application's own, with the
// Fusion style, which honours a palette. Every text colour in them is at least 4.5:1 against the
// background it is drawn on, 7:1 in HighContrast, its status badges' too (tst_theme checks).
namespace ui {

// The palette of `theme`; `system` for Theme::System.
QPalette themePalette(options::Theme theme, const QPalette &system);
// Applies `theme` to the application (style and palette); System changes nothing.
void applyTheme(options::Theme theme);
// Black and white, as the high-contrast theme is: frames are drawn thicker.
bool isHighContrast(const QPalette &palette);
// The status colours `palette` calls for: light unless it is dark (models::isDarkPalette()), and
// among dark ones high-contrast when it is white on black.
models::ColorSet colorSetOf(const QPalette &palette);

} // namespace ui
