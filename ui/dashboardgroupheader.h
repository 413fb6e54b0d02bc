#pragma once

#include "models/fleetsummary.h"

#include <QList>
#include <QWidget>

#include <utility>

class QBoxLayout;

namespace ui {

class DashboardCounts;
class ElidedLabel;

// The header over one connection's tiles on the wall (several connections): the group's name
// ("123456789012 · eu-west-1"), its own counts as the top counts show them, and one line on its
// freshness. While the connection's refresh fails the header is a red banner (white on #B00020)
// saying since when and why; the other groups' headers stay as they are. A group split over two
// pages says so in its name.
class DashboardGroupHeader : public QWidget {
    Q_OBJECT

public:
    explicit DashboardGroupHeader(QWidget *parent = nullptr);

    void setGroup(const QString &name, const models::FleetSummary &counts);
    // The group began on an earlier page, and goes on on the next.
    void setContinuation(bool continued, bool continues);
    // "Updated 12 s ago, at 12:03:05", or while `failing` why and since when (the banner).
    void setFreshness(const QString &text, bool failing);

    // The name as shown, with its continuation.
    QString titleText() const;
    QString freshnessText() const;
    bool isBannerShown() const { return m_banner; }
    DashboardCounts *counts() const { return m_counts; }
    // How headers `width` wide hold every one of `groups` (name and counts): each on one line of
    // name and counts when all fit so (a name longer for its continuation is elided), else the
    // name over its counts, which wrap; then a line of freshness. Every header of the wall takes
    // this fit, so turning a page changes no tile's size.
    struct Fit {
        bool stacked = false;
        int height = 0;
    };
    Fit fitFor(int width, const QList<std::pair<QString, models::FleetSummary>> &groups) const;
    // The name over the counts (a narrow window), or beside them.
    void setStacked(bool stacked);
    bool isStacked() const { return m_stacked; }

    // White on it is 7.3:1 (WCAG AAA asks 7:1), and it is no status badge's colour.
    static QColor bannerColor();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateTexts();

    ElidedLabel *m_title;
    DashboardCounts *m_counts;
    ElidedLabel *m_freshness;
    QBoxLayout *m_top;
    bool m_stacked = false;
    QString m_name;
    bool m_continued = false;
    bool m_continues = false;
    bool m_banner = false;
};

} // namespace ui
