#include "core/visibletext.h"

namespace core {

namespace {

bool isDirectionOrSeparator(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

bool kept(char32_t c, LineBreaks lineBreaks)
{
    return lineBreaks == LineBreaks::Keep && (c == u'\t' || c == u'\n');
}

QString hex(char32_t c, int digits)
{
    return QString::number(uint(c), 16).rightJustified(digits, u'0');
}

QString escaped(char32_t c)
{
    switch (c) {
    case u'\t':
        return QStringLiteral("\\t");
    case u'\n':
        return QStringLiteral("\\n");
    case u'\r':
        return QStringLiteral("\\r");
    default:
        break;
    }
    return c < 0x100 ? QStringLiteral("\\x") + hex(c, 2) : QStringLiteral("\\u") + hex(c, 4);
}

} // namespace

bool isInvisibleControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || isDirectionOrSeparator(c);
}

bool hasInvisibleControls(QStringView text, LineBreaks lineBreaks)
{
    for (const QChar c : text) {
        // Every code point escaped is in the BMP, so UTF-16 units suffice.
        if (isInvisibleControl(c.unicode()) && !kept(c.unicode(), lineBreaks))
            return true;
    }
    return false;
}

QString visibleText(const QString &text, LineBreaks lineBreaks)
{
    return hasInvisibleControls(text, lineBreaks) ? visibleText(QStringView(text), lineBreaks)
                                                  : text;
}

QString visibleText(QStringView text, LineBreaks lineBreaks)
{
    if (!hasInvisibleControls(text, lineBreaks))
        return text.toString();
    QString visible;
    visible.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (isInvisibleControl(u) && !kept(u, lineBreaks))
            visible += escaped(u);
        else
            visible += c;
    }
    return visible;
}

} // namespace core
