#pragma once

#include <QString>

class QXmlStreamReader;

// What the XML answers of S3 and STS are read with, in one place.
namespace aws::xmlreading {

// Texts longer than this in one element are no AWS answer's (S3 keys are at most 1,024 bytes,
// session tokens a few KiB).
inline constexpr qsizetype kMaxElementText = 64 * 1024;

// The text of the simple element the reader is on the start of, at most kMaxElementText
// characters; a nested element inside it is skipped (its text ignored), so an unexpected shape
// never stops the document.
QString elementText(QXmlStreamReader &reader);

// "line 3, column 14": where the reader stands, for error texts.
QString position(const QXmlStreamReader &reader);

} // namespace aws::xmlreading
