#pragma once

#include <QString>
#include <QStringView>

// What text from outside the program (an endpoint, a results file, a credential_process) looks
// like wherever it is shown: on a terminal, in the window, on the clipboard. Characters that
// could act instead of being read are written as visible escapes in Python's notation:
//  - C0 controls, DEL and C1 controls: \t, \n, \r, else \xHH ("\x1b", "\x7f", "\x9b");
//  - Unicode direction controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the
//    line and paragraph separators (U+2028, U+2029): \uHHHH ("\u202e").
// Everything else, backslashes included, stays as it is: a literal "\x1b" in the text reads the
// same as an escaped ESC, but neither can act.
namespace core {

enum class LineBreaks {
    Escape, // one line: tab and line feed are escaped too (a table cell, an error sentence)
    Keep, // tab and line feed stay (a multi-line message); CR and every other control is escaped
};

// True for a code point visibleText() escapes (tab and line feed count as escaped).
bool isInvisibleControl(char32_t codePoint);

// `text` with every invisible control written as its escape.
QString visibleText(QStringView text, LineBreaks lineBreaks = LineBreaks::Escape);
// The same; `text` itself (shared, not copied) when nothing needs escaping, as for almost every
// text a table repaints.
QString visibleText(const QString &text, LineBreaks lineBreaks = LineBreaks::Escape);

// True when visibleText(text, lineBreaks) would change `text`.
bool hasInvisibleControls(QStringView text, LineBreaks lineBreaks = LineBreaks::Escape);

} // namespace core
