#include "lookout/pagination.h"

#include <algorithm>

namespace lookout {

namespace {

// The token as an error message may quote it: cut short, and with control characters (the
// endpoint chose them; on a terminal they could move the cursor or retitle it) shown as '?'.
QString shownToken(const QString &token)
{
    constexpr qsizetype kMaxShown = 80;
    QString shown = token.size() <= kMaxShown ? token : token.left(kMaxShown) + QStringLiteral("…");
    for (QChar &c : shown) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return shown;
}

} // namespace

Pagination::Pagination(QString operation, Limits limits)
    : m_operation(std::move(operation))
    , m_limits(limits)
{
    m_limits.maxPages = std::max(m_limits.maxPages, 1);
}

Pagination::Pagination(QString operation, int maxPages)
    : Pagination(std::move(operation), Limits { .maxPages = maxPages })
{
}

aws::Result<bool> Pagination::admitPage(qsizetype summaries, qsizetype decodedBytes)
{
    const int page = m_pages + 1;
    if (m_items + summaries > m_limits.maxItems) {
        return error(QStringLiteral("page %1 would bring the listing to %2 items; stopped at the "
                                    "limit of %3 items")
                         .arg(page)
                         .arg(m_items + summaries)
                         .arg(m_limits.maxItems));
    }
    if (m_decodedBytes + decodedBytes > m_limits.maxDecodedBytes) {
        constexpr double kMiB = 1024.0 * 1024.0;
        return error(QStringLiteral("page %1 would bring the listing to %2 MiB decoded; stopped "
                                    "at the limit of %3 MiB")
                         .arg(page)
                         .arg(double(m_decodedBytes + decodedBytes) / kMiB, 0, 'f', 1)
                         .arg(double(m_limits.maxDecodedBytes) / kMiB, 0, 'f', 1));
    }
    m_items += summaries;
    m_decodedBytes += decodedBytes;
    return true;
}

aws::AwsError Pagination::error(const QString &message) const
{
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::BadResponse;
    error.operation = m_operation;
    error.message = QStringLiteral("Error during pagination: ") + message;
    return error;
}

aws::Result<std::optional<QString>> Pagination::afterPage(const std::optional<QString> &nextToken)
{
    ++m_pages;
    if (!nextToken || nextToken->isEmpty())
        return std::optional<QString>();
    const QString &token = *nextToken;
    if (token.size() > kMaxTokenLength) {
        return error(QStringLiteral(
            "the NextToken of page %1 has %2 characters; the service allows at most %3")
                         .arg(m_pages)
                         .arg(token.size())
                         .arg(kMaxTokenLength));
    }
    if (std::any_of(token.cbegin(), token.cend(), [](QChar c) { return c.unicode() > 0x7F; }))
        return error(QStringLiteral("the NextToken of page %1 is not ASCII").arg(m_pages));
    if (m_tokensSeen.contains(token))
        return error(
            QStringLiteral("The same next token was received twice: %1").arg(shownToken(token)));
    if (m_pages >= m_limits.maxPages) {
        return error(QStringLiteral(
            "page %1 still had a NextToken; stopped at the limit of %2 pages so that "
            "a listing cannot go on forever")
                         .arg(m_pages)
                         .arg(m_limits.maxPages));
    }
    m_tokensSeen.insert(token);
    return std::optional<QString>(token);
}

} // namespace lookout
