#pragma once

#include <QStringView>

#include <cstddef>

// How many terminal columns the AWS CLI's table formatter reckons a text takes: one per code
// point, two for those whose Unicode East Asian Width is Wide, Fullwidth or Ambiguous
// (awscli/table.py get_text_length()). Qt has no East Asian Width property, so the ranges are
// generated from Python's unicodedata (generate_east_asian_width.py).
namespace cli {

int displayWidth(QStringView text);
bool isDoubleWidth(char32_t codePoint);

namespace detail {
struct CodePointRange {
    char32_t first;
    char32_t last;
};
extern const CodePointRange kEastAsianWideRanges[];
extern const std::size_t kEastAsianWideRangeCount;
extern const char kEastAsianWideUnicodeVersion[];
} // namespace detail

} // namespace cli
