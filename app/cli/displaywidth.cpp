#include "cli/displaywidth.h"

#include <algorithm>

namespace cli {

bool isDoubleWidth(char32_t codePoint)
{
    const detail::CodePointRange *begin = detail::kEastAsianWideRanges;
    const detail::CodePointRange *end = begin + detail::kEastAsianWideRangeCount;
    // The first range that does not end before the code point.
    const detail::CodePointRange *range = std::lower_bound(begin, end, codePoint,
        [](const detail::CodePointRange &r, char32_t value) { return r.last < value; });
    return range != end && range->first <= codePoint;
}

int displayWidth(QStringView text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            width += isDoubleWidth(QChar::surrogateToUcs4(c, text[i + 1])) ? 2 : 1;
            ++i;
        } else {
            width += isDoubleWidth(c.unicode()) ? 2 : 1; // a lone surrogate is narrow, as in Python
        }
    }
    return width;
}

} // namespace cli
