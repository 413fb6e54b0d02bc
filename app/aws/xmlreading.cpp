#include "aws/xmlreading.h"

#include <QXmlStreamReader>

namespace aws::xmlreading {

QString elementText(QXmlStreamReader &reader)
{
    QString text;
    int depth = 1;
    while (depth > 0 && !reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (depth == 1 && text.size() < kMaxElementText)
                text += reader.text().left(kMaxElementText - text.size());
            break;
        default:
            break;
        }
    }
    return text;
}

QString position(const QXmlStreamReader &reader)
{
    return QStringLiteral("line %1, column %2").arg(reader.lineNumber()).arg(reader.columnNumber());
}

} // namespace aws::xmlreading
