#pragma once

#include "aws/result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

// A response as the AWS CLI's text and table formatters receive it: the dict botocore parsed,
// members in the order printed, scalars with the text Python's str() gives them. It is read back
// from the JSON the headless commands print (lookout::json::cli*), so member order, timestamp
// format and number spelling are decided in one place for all three output formats.
namespace cli {

struct OutputValue {
    enum class Kind { Null, Boolean, Number, String, List, Object };

    Kind kind = Kind::Null;
    QString text; // String: the value; Number: as written (Python's repr); Boolean: "true"/"false"
    QList<OutputValue> items; // List
    QList<std::pair<QString, OutputValue>> members; // Object, in order

    bool isContainer() const { return kind == Kind::List || kind == Kind::Object; }
    // Python's truth value: false for None, False, 0, "" and empty containers.
    bool isTruthy() const;
    // The member `key` of an object, or nullptr.
    const OutputValue *member(const QString &key) const;
    // Python's str() of the value: "None", "True", "3", the string itself, and for containers
    // their repr ("{'Bucket': 'b'}").
    QString pythonStr() const;
    QString pythonRepr() const;
};

// `value` with every string and member name as core::visibleText() shows it on one line: what
// the text and table formatters print, so that no control character from an endpoint or a file
// reaches a terminal and the column widths are those of what is printed.
OutputValue withVisibleText(const OutputValue &value);

// Reads JSON text into an OutputValue; empty text (a response without members, which the CLI
// prints as nothing) gives an empty object. Errors are BadResponse, naming the offset.
aws::Result<OutputValue> readOutputValue(QByteArrayView json);

} // namespace cli
