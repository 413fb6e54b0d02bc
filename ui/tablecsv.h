#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;

// A table model's rows as CSV (RFC 4180: a header line, fields quoted where needed, CRLF line
// ends), for the clipboard. Values are the models' raw values where they have them
// (models::RawValueRole): times in UTC as "2022-07-25T10:00:00Z", numbers in full, lists joined
// with "; "; the displayed text otherwise.
namespace ui {

// `rows` in the given order; every row when empty.
QString tableAsCsv(const QAbstractItemModel &model, const QList<int> &rows = {});

} // namespace ui
