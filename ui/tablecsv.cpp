#include "ui/tablecsv.h"

#include "core/visibletext.h"
#include "models/itemroles.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QStringList>

namespace ui {

namespace {

// RFC 4180 quoting of a value as core::visibleText() shows it with its lines: copied text holds
// no control character from a results file or an endpoint.
QString field(const QString &value)
{
    const QString text = core::visibleText(value, core::LineBreaks::Keep);
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString valueText(const QModelIndex &index)
{
    const QVariant raw = index.data(models::RawValueRole);
    switch (raw.typeId()) {
    case QMetaType::QDateTime:
        return raw.toDateTime()
            .toUTC()
            .toString(Qt::ISODateWithMs)
            .replace(QLatin1String(".000Z"), QLatin1String("Z"));
    case QMetaType::Double:
        return QString::number(raw.toDouble(), 'g', 17);
    case QMetaType::Float:
        return QString::number(raw.toFloat(), 'g', 9);
    case QMetaType::QStringList:
        return raw.toStringList().join(QLatin1String("; "));
    case QMetaType::UnknownType:
        return index.data(models::AbsentRole).toBool() ? QString()
                                                       : index.data(Qt::DisplayRole).toString();
    default:
        return raw.toString();
    }
}

} // namespace

QString tableAsCsv(const QAbstractItemModel &model, const QList<int> &rows)
{
    const int columns = model.columnCount();
    QString csv;
    QStringList line;
    for (int column = 0; column < columns; ++column)
        line << field(model.headerData(column, Qt::Horizontal).toString());
    csv += line.join(QLatin1Char(',')) + QLatin1String("\r\n");
    const auto addRow = [&](int row) {
        line.clear();
        for (int column = 0; column < columns; ++column)
            line << field(valueText(model.index(row, column)));
        csv += line.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    if (rows.isEmpty()) {
        for (int row = 0; row < model.rowCount(); ++row)
            addRow(row);
    } else {
        for (const int row : rows)
            addRow(row);
    }
    return csv;
}

} // namespace ui
