#pragma once

#include <QCache>
#include <QFont>
#include <QStaticText>
#include <QStyledItemDelegate>

// Paints one-line text cells from laid-out text it keeps. QStyledItemDelegate shapes and elides
// every cell's text on every paint (HarfBuzz, about 70% of a table repaint), and a fleet table
// repaints whole screens of mostly the same names after each re-sort, filter keystroke or
// scroll. The style still paints each cell's background, selection and focus.
namespace ui {

class CachedTextDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit CachedTextDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    // Tooltips as plain text (plaintooltip.h): cells hold names and ARNs from the endpoint.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // Laid-out texts kept, for the tests.
    int cachedTextCount() const { return m_texts.count(); }

private:
    struct TextKey {
        QString text;
        int width = 0;
        QFont font;
        Qt::TextElideMode elideMode = Qt::ElideRight;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        bool operator==(const TextKey &other) const
        {
            return width == other.width && elideMode == other.elideMode
                && direction == other.direction && text == other.text && font == other.font;
        }
        friend size_t qHash(const TextKey &key, size_t seed = 0)
        {
            return qHashMulti(
                seed, key.text, key.width, key.font, int(key.elideMode), int(key.direction));
        }
    };

    void drawText(QPainter *painter, const QStyleOptionViewItem &cell, const QString &text) const;
    void drawFocus(QPainter *painter, const QStyleOptionViewItem &cell, QStyle *style) const;
    // The text as shown in `width` pixels (elided when longer), laid out once.
    const QStaticText &laidOut(const QString &text, int width, const QFont &font,
        Qt::TextElideMode elideMode, Qt::LayoutDirection direction) const;

    mutable QCache<TextKey, QStaticText> m_texts;
};

} // namespace ui
