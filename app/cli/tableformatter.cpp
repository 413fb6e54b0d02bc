#include "cli/tableformatter.h"

#include "cli/displaywidth.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>

namespace cli {

namespace {

// Python's floor division for the centring arithmetic, which may go negative on narrow columns.
int floorDiv(int a, int b)
{
    const int quotient = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

// Python's ' ' * n, which is empty for n <= 0.
QString repeated(QChar c, int n)
{
    return n > 0 ? QString(n, c) : QString();
}

// awscli.table.Section: a title, an optional header row, rows, and the widest text per column.
struct Section {
    QString title;
    QStringList headers;
    QList<QStringList> rows;
    int indentLevel = 0;
    std::optional<qsizetype> columnCount;
    QList<int> maxWidths;

    void addHeader(const QStringList &newHeaders)
    {
        updateMaxWidths(newHeaders);
        if (!columnCount)
            columnCount = newHeaders.size();
        headers = newHeaders;
    }

    void addRow(const QStringList &row)
    {
        if (!columnCount)
            columnCount = row.size();
        rows.append(row);
        updateMaxWidths(row);
    }

    void updateMaxWidths(const QStringList &row)
    {
        if (maxWidths.isEmpty()) {
            for (const QString &element : row)
                maxWidths.append(displayWidth(element));
            return;
        }
        for (qsizetype i = 0; i < row.size() && i < maxWidths.size(); ++i)
            maxWidths[i] = std::max(displayWidth(row.at(i)), maxWidths.at(i));
    }

    QList<int> columnWidths(int padding, std::optional<int> maxWidth = std::nullopt) const
    {
        QList<int> unscaled;
        for (const int width : maxWidths)
            unscaled.append(width + padding);
        if (!maxWidth || unscaled.isEmpty())
            return unscaled;
        const double scale
            = *maxWidth / static_cast<double>(std::accumulate(unscaled.begin(), unscaled.end(), 0));
        QList<int> scaled;
        for (const int width :
            std::as_const(unscaled)) // Python's round() rounds half to even, as nearbyint does
            scaled.append(static_cast<int>(std::nearbyint(scale * width)));
        int offBy = std::accumulate(scaled.begin(), scaled.end(), 0) - *maxWidth;
        while (offBy != 0) {
            const qsizetype count = scaled.size();
            for (qsizetype step = 0; step < count; ++step) {
                const qsizetype i = offBy < 0 ? count - 1 - step : step;
                if (offBy > 0) {
                    --scaled[i];
                    --offBy;
                } else {
                    ++scaled[i];
                    ++offBy;
                }
                if (offBy == 0)
                    break;
            }
        }
        return scaled;
    }

    // The width with `padding` per column, the border's two columns and `outerPadding` each side.
    int totalWidth(int padding, int outerPadding) const
    {
        int total = 2;
        for (const int width : columnWidths(0))
            total += width + padding;
        total += 2 * outerPadding;
        return std::max(displayWidth(title) + 2 + 2 * outerPadding, total);
    }
};

QString centerText(const QString &text, int length, const QString &leftEdge,
    const QString &rightEdge, int textLength)
{
    const int charStart = floorDiv(length, 2) - floorDiv(textLength, 2) - 1;
    const int lengthSoFar = displayWidth(leftEdge) + charStart + textLength;
    const int rightSpaces = length - displayWidth(rightEdge) - lengthSoFar;
    return leftEdge + repeated(QLatin1Char(' '), charStart) + text
        + repeated(QLatin1Char(' '), rightSpaces) + rightEdge;
}

QString alignLeft(const QString &text, int length, const QString &leftEdge,
    const QString &rightEdge, int textLength)
{
    constexpr int kLeftPadding = 2;
    const int computed = textLength + kLeftPadding + int(leftEdge.size()) + int(rightEdge.size());
    const int padding = length - computed >= 0 ? kLeftPadding : 0;
    const int lengthSoFar = int(leftEdge.size()) + padding + textLength;
    return leftEdge + repeated(QLatin1Char(' '), padding) + text
        + repeated(QLatin1Char(' '), length - lengthSoFar - int(rightEdge.size())) + rightEdge;
}

// awscli.table.MultiTable with the plain or the colourised styler.
class MultiTable {
public:
    explicit MultiTable(const TableStyle &style)
        : m_style(style)
    {
    }

    void newSection(const QString &title, int indentLevel)
    {
        m_sections.append(Section());
        m_sections.last().title = title;
        m_sections.last().indentLevel = indentLevel;
    }
    void addRowHeader(const QStringList &headers) { current().addHeader(headers); }
    void addRow(const QStringList &row) { current().addRow(row); }

    QString render()
    {
        int maxWidth = calculateMaxWidth();
        if (maxWidth > m_style.terminalWidth) {
            convertToVerticalTable();
            maxWidth = calculateMaxWidth();
        }
        m_out = repeated(QLatin1Char('-'), maxWidth) + QLatin1Char('\n');
        for (const Section &section : std::as_const(m_sections))
            renderSection(section, maxWidth);
        return m_out;
    }

private:
    Section &current()
    {
        if (m_sections.isEmpty()) // the CLI always opens a titled section first
            m_sections.append(Section());
        return m_sections.last();
    }

    int calculateMaxWidth() const
    {
        int maxWidth = 0;
        for (const Section &section : m_sections)
            maxWidth = std::max(maxWidth, section.totalWidth(4, section.indentLevel));
        return maxWidth;
    }

    // A section with one row and a header row becomes one "header | value" row per column.
    void convertToVerticalTable()
    {
        for (Section &section : m_sections) {
            if (section.rows.size() != 1 || section.headers.isEmpty())
                continue;
            Section vertical;
            vertical.title = section.title;
            vertical.indentLevel = section.indentLevel;
            const QStringList &values = section.rows.first();
            for (qsizetype i = 0; i < section.headers.size() && i < values.size(); ++i)
                vertical.addRow({ section.headers.at(i), values.at(i) });
            section = vertical;
        }
    }

    // IndentedStream: every line framed by one bar per indentation level on each side.
    void writeLine(const Section &section, const QString &line)
    {
        const QString bars = indentationBars(section.indentLevel);
        m_out += bars + line + bars + QLatin1Char('\n');
    }

    QString indentationBars(int level) const
    {
        const QString bar
            = m_style.color ? QStringLiteral("\x1b[2m\x1b[33m|\x1b[0m") : QStringLiteral("|");
        return bar.repeated(std::max(level, 0));
    }

    QString styledRowElement(const QString &text) const
    {
        return m_style.color ? QStringLiteral("\x1b[1m\x1b[34m") + text + QStringLiteral("\x1b[0m")
                             : text;
    }

    void renderSection(const Section &section, int maxWidth)
    {
        maxWidth -= section.indentLevel * 2;
        renderTitle(section, maxWidth);
        renderColumnTitles(section, maxWidth);
        renderRows(section, maxWidth);
    }

    void renderTitle(const Section &section, int maxWidth)
    {
        if (section.title.isEmpty())
            return;
        const QString bar = QStringLiteral("|");
        writeLine(
            section, centerText(section.title, maxWidth, bar, bar, displayWidth(section.title)));
        if (section.headers.isEmpty() && section.rows.isEmpty())
            writeLine(section,
                QLatin1Char('+') + repeated(QLatin1Char('-'), maxWidth - 2) + QLatin1Char('+'));
    }

    void renderColumnTitles(const Section &section, int maxWidth)
    {
        if (section.headers.isEmpty())
            return;
        const QList<int> widths = section.columnWidths(4, maxWidth);
        QString line;
        for (qsizetype i = 0; i < widths.size() && i < section.headers.size(); ++i) {
            const QString &header = section.headers.at(i);
            line += centerText(header, widths.at(i), i == 0 ? QStringLiteral("|") : QString(),
                QStringLiteral("|"), displayWidth(header));
        }
        writeLineBreak(section, widths);
        writeLine(section, line);
    }

    void writeLineBreak(const Section &section, const QList<int> &widths)
    {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            if (i == 0)
                line += QLatin1Char('+') + repeated(QLatin1Char('-'), widths.at(i) - 2)
                    + QLatin1Char('+');
            else
                line += repeated(QLatin1Char('-'), widths.at(i) - 1) + QLatin1Char('+');
        }
        writeLine(section, line);
    }

    void renderRows(const Section &section, int maxWidth)
    {
        if (section.rows.isEmpty())
            return;
        const QList<int> widths = section.columnWidths(4, maxWidth);
        if (widths.isEmpty())
            return;
        writeLineBreak(section, widths);
        for (const QStringList &row : section.rows) {
            QString line;
            for (qsizetype i = 0; i < widths.size() && i < row.size(); ++i) {
                const QString &element = row.at(i);
                line += alignLeft(styledRowElement(element), widths.at(i),
                    i == 0 ? QStringLiteral("|") : QString(), QStringLiteral("|"),
                    displayWidth(element));
            }
            writeLine(section, line);
        }
        writeLineBreak(section, widths);
    }

    TableStyle m_style;
    QList<Section> m_sections;
    QString m_out;
};

// awscli.formatter.TableFormatter: walks the response and fills the MultiTable.
class TableBuilder {
public:
    explicit TableBuilder(MultiTable &table)
        : m_table(table)
    {
    }

    // False when there is nothing to show.
    bool build(const std::optional<QString> &title, const OutputValue &current, int indentLevel = 0)
    {
        if (!current.isTruthy())
            return false;
        if (title)
            m_table.newSection(*title, indentLevel);
        if (current.kind == OutputValue::Kind::List) {
            if (current.items.first().kind == OutputValue::Kind::Object) {
                buildFromList(current.items, indentLevel, title);
            } else {
                for (const OutputValue &item : current.items) {
                    if (!item.isContainer())
                        m_table.addRow({ item.pythonStr() });
                    else if (allScalar(item))
                        m_table.addRow(elementTexts(item));
                    else
                        build(std::nullopt, item);
                }
            }
        }
        if (current.kind == OutputValue::Kind::Object)
            buildFromObject(current, indentLevel);
        return true;
    }

private:
    // Iterating a Python list gives its elements, a dict its keys.
    static QStringList elementTexts(const OutputValue &container)
    {
        QStringList texts;
        if (container.kind == OutputValue::Kind::List) {
            for (const OutputValue &item : container.items)
                texts.append(item.pythonStr());
        } else {
            for (const auto &[key, value] : container.members)
                texts.append(key);
        }
        return texts;
    }

    static bool allScalar(const OutputValue &container)
    {
        if (container.kind == OutputValue::Kind::Object)
            return true; // its keys
        return std::none_of(container.items.begin(), container.items.end(),
            [](const OutputValue &item) { return item.isContainer(); });
    }

    static void groupScalarKeys(
        const OutputValue &object, std::set<QString> &headers, std::set<QString> &more)
    {
        for (const auto &[key, value] : object.members)
            (value.isContainer() ? more : headers).insert(key);
    }

    void buildFromObject(const OutputValue &current, int indentLevel)
    {
        std::set<QString> headerSet;
        std::set<QString> moreSet;
        groupScalarKeys(current, headerSet, moreSet);
        const QStringList headers(headerSet.begin(), headerSet.end());
        if (headers.size() == 1) {
            m_table.addRow({ headers.first(), current.member(headers.first())->pythonStr() });
        } else if (!headers.isEmpty()) {
            m_table.addRowHeader(headers);
            QStringList row;
            for (const QString &key : headers)
                row.append(current.member(key)->pythonStr());
            m_table.addRow(row);
        }
        for (const QString &remaining : moreSet)
            build(remaining, *current.member(remaining), indentLevel + 1);
    }

    void buildFromList(
        const QList<OutputValue> &items, int indentLevel, const std::optional<QString> &title)
    {
        std::set<QString> headerSet;
        std::set<QString> moreSet;
        for (const OutputValue &item : items)
            groupScalarKeys(item, headerSet, moreSet);
        const QStringList headers(headerSet.begin(), headerSet.end());
        m_table.addRowHeader(headers);
        bool first = true;
        for (const OutputValue &element : items) {
            if (!first && !moreSet.empty()) {
                m_table.newSection(title.value_or(QString()), indentLevel);
                m_table.addRowHeader(headers);
            }
            first = false;
            QStringList row;
            for (const QString &header : headers) {
                const OutputValue *value = element.member(header);
                row.append(value ? value->pythonStr() : QString());
            }
            m_table.addRow(row);
            for (const QString &remaining : moreSet) {
                if (const OutputValue *value = element.member(remaining))
                    build(remaining, *value, indentLevel + 1);
            }
        }
    }

    MultiTable &m_table;
};

} // namespace

QByteArray formatTable(const QString &title, const OutputValue &response, const TableStyle &style)
{
    MultiTable table(style);
    if (!TableBuilder(table).build(title, withVisibleText(response)))
        return QByteArray();
    return table.render().toUtf8();
}

} // namespace cli
