// The status table: kinds, labels, icons, severity order and legible colours in both palettes.
#include "models/statuspresentation.h"

#include <QFile>
#include <QPalette>
#include <QSet>
#include <QtTest>

using models::StatusKind;

class TestStatusPresentation : public QObject {
    Q_OBJECT
private slots:
    void knownValues_mapToTheirKind_data();
    void knownValues_mapToTheirKind();
    void unknownValue_isNeutralAndShownVerbatim();
    void matching_isExactAndCaseSensitive();
    void severity_ordersMostUrgentFirst();
    void transitional_isPendingAndStoppingOnly();
    void everyKind_hasTextIconAndDescription();
    void everyKind_hasDistinctIconAndColours();
    void colours_meetContrastInLightAndDarkSets();
    void darkPalette_isDetectedFromWindowColour();
    void contrastRatio_matchesWcagReferenceValues();
};

void TestStatusPresentation::knownValues_mapToTheirKind_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<StatusKind>("kind");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("icon");
    QTest::newRow("PENDING") << "PENDING" << StatusKind::Pending << "PENDING"
                             << ":/icons/status-pending.svg";
    QTest::newRow("RUNNING") << "RUNNING" << StatusKind::Running << "RUNNING"
                             << ":/icons/status-running.svg";
    QTest::newRow("STOPPING") << "STOPPING" << StatusKind::Stopping << "STOPPING"
                              << ":/icons/status-stopping.svg";
    QTest::newRow("STOPPED") << "STOPPED" << StatusKind::Stopped << "STOPPED"
                             << ":/icons/status-stopped.svg";
    QTest::newRow("ANOMALOUS") << "ANOMALOUS" << StatusKind::Anomalous << "ANOMALOUS"
                               << ":/icons/status-anomalous.svg";
    QTest::newRow("NORMAL") << "NORMAL" << StatusKind::Normal << "NORMAL"
                            << ":/icons/status-normal.svg";
    QTest::newRow("IN_PROGRESS") << "IN_PROGRESS" << StatusKind::InProgress << "IN_PROGRESS"
                                 << ":/icons/status-in-progress.svg";
    QTest::newRow("SUCCESS") << "SUCCESS" << StatusKind::Success << "SUCCESS"
                             << ":/icons/status-success.svg";
    QTest::newRow("FAILED") << "FAILED" << StatusKind::Failed << "FAILED"
                            << ":/icons/status-failed.svg";
}

void TestStatusPresentation::knownValues_mapToTheirKind()
{
    QFETCH(QString, value);
    QFETCH(StatusKind, kind);
    QFETCH(QString, label);
    QFETCH(QString, icon);
    const models::StatusPresentation presentation = models::statusPresentation(value);
    QCOMPARE(models::statusKind(value), kind);
    QCOMPARE(presentation.kind, kind);
    QCOMPARE(presentation.value, value);
    QCOMPARE(presentation.label, label);
    QCOMPARE(presentation.iconPath, icon);
}

void TestStatusPresentation::unknownValue_isNeutralAndShownVerbatim()
{
    const models::StatusPresentation presentation
        = models::statusPresentation(QStringLiteral("DEGRADED_MODE"));
    QCOMPARE(presentation.kind, StatusKind::Unknown);
    QCOMPARE(presentation.value, QStringLiteral("DEGRADED_MODE"));
    QCOMPARE(presentation.label, QStringLiteral("DEGRADED_MODE"));
    QCOMPARE(presentation.iconPath, QStringLiteral(":/icons/status-unknown.svg"));
    QCOMPARE(presentation.description,
        QStringLiteral("DEGRADED_MODE: a value this version of Lookout Desk does not know."));
    QCOMPARE(models::statusPresentation(StatusKind::Unknown).label, QStringLiteral("UNKNOWN"));
}

void TestStatusPresentation::matching_isExactAndCaseSensitive()
{
    QCOMPARE(models::statusKind(QStringLiteral("running")), StatusKind::Unknown);
    QCOMPARE(models::statusKind(QStringLiteral(" RUNNING")), StatusKind::Unknown);
    QCOMPARE(models::statusKind(QString()), StatusKind::Unknown);
    QCOMPARE(
        models::statusPresentation(QStringLiteral("running")).label, QStringLiteral("running"));
}

void TestStatusPresentation::severity_ordersMostUrgentFirst()
{
    const QStringList ordered = { QStringLiteral("ANOMALOUS"), QStringLiteral("STOPPING"),
        QStringLiteral("PENDING"), QStringLiteral("SOMETHING_NEW"), QStringLiteral("STOPPED"),
        QStringLiteral("RUNNING") };
    for (qsizetype i = 1; i < ordered.size(); ++i)
        QVERIFY2(models::statusSeverity(ordered[i - 1]) < models::statusSeverity(ordered[i]),
            qPrintable(ordered[i]));
    QCOMPARE(models::statusSeverity(QStringLiteral("NORMAL")),
        models::statusSeverity(QStringLiteral("RUNNING")));
    // An execution's statuses rank with the scheduler's of the same urgency.
    QCOMPARE(models::statusSeverity(QStringLiteral("FAILED")),
        models::statusSeverity(QStringLiteral("ANOMALOUS")));
    QCOMPARE(models::statusSeverity(QStringLiteral("IN_PROGRESS")),
        models::statusSeverity(QStringLiteral("PENDING")));
    QCOMPARE(models::statusSeverity(QStringLiteral("SUCCESS")),
        models::statusSeverity(QStringLiteral("NORMAL")));
    QVERIFY(models::statusSeverity(QString()) > models::statusSeverity(QStringLiteral("NORMAL")));
}

void TestStatusPresentation::transitional_isPendingAndStoppingOnly()
{
    QVERIFY(models::isTransitionalStatus(QStringLiteral("PENDING")));
    QVERIFY(models::isTransitionalStatus(QStringLiteral("STOPPING")));
    for (const char *other : { "RUNNING", "STOPPED", "ANOMALOUS", "NORMAL", "", "pending" })
        QVERIFY2(!models::isTransitionalStatus(QString::fromLatin1(other)), other);
}

void TestStatusPresentation::everyKind_hasTextIconAndDescription()
{
    const QList<StatusKind> kinds = models::allStatusKinds();
    QCOMPARE(kinds.size(), 10);
    for (const StatusKind kind : kinds) {
        const models::StatusPresentation presentation = models::statusPresentation(kind);
        QVERIFY(!presentation.label.isEmpty());
        QVERIFY(!presentation.description.isEmpty());
        QVERIFY2(!presentation.description.contains(QLatin1String("%1")),
            qPrintable(presentation.description));
        QVERIFY2(QFile::exists(presentation.iconPath), qPrintable(presentation.iconPath));
    }
}

void TestStatusPresentation::everyKind_hasDistinctIconAndColours()
{
    QSet<QString> icons;
    QSet<QRgb> lightBackgrounds;
    QSet<QRgb> darkBackgrounds;
    for (const StatusKind kind : models::allStatusKinds()) {
        const models::StatusPresentation presentation = models::statusPresentation(kind);
        icons.insert(presentation.iconPath);
        lightBackgrounds.insert(presentation.light.background.rgb());
        darkBackgrounds.insert(presentation.dark.background.rgb());
    }
    QCOMPARE(icons.size(), 10);
    QCOMPARE(lightBackgrounds.size(), 10);
    QCOMPARE(darkBackgrounds.size(), 10);
}

void TestStatusPresentation::colours_meetContrastInLightAndDarkSets()
{
    for (const StatusKind kind : models::allStatusKinds()) {
        const models::StatusPresentation presentation = models::statusPresentation(kind);
        for (const bool dark : { false, true }) {
            const models::StatusColors &colors
                = presentation.colors(dark ? models::ColorSet::Dark : models::ColorSet::Light);
            QVERIFY(colors.background.isValid() && colors.foreground.isValid()
                && colors.border.isValid());
            const double ratio = models::contrastRatio(colors.foreground, colors.background);
            QVERIFY2(ratio >= 4.5,
                qPrintable(QStringLiteral("%1 (%2): %3:1")
                               .arg(presentation.label,
                                   dark ? QStringLiteral("dark") : QStringLiteral("light"))
                               .arg(ratio)));
        }
        // The light set is light and the dark set dark, or the badge glares on its palette.
        if (kind != StatusKind::Anomalous) {
            QVERIFY(presentation.light.background.lightness() > 200);
            QVERIFY(presentation.dark.background.lightness() < 80);
        }
    }
}

void TestStatusPresentation::darkPalette_isDetectedFromWindowColour()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    QVERIFY(!models::isDarkPalette(light));
    QVERIFY(models::isDarkPalette(dark));
    const models::StatusPresentation running
        = models::statusPresentation(QStringLiteral("RUNNING"));
    QCOMPARE(running.colors(models::ColorSet::Dark).background, running.dark.background);
    QCOMPARE(running.colors(models::ColorSet::Light).background, running.light.background);
    QCOMPARE(
        running.colors(models::ColorSet::HighContrast).background, running.highContrast.background);
}

void TestStatusPresentation::contrastRatio_matchesWcagReferenceValues()
{
    QCOMPARE(qRound(models::contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(qRound(models::contrastRatio(Qt::white, Qt::white) * 100), 100);
    // #767676 on white is the classic AA boundary: 4.54:1.
    QCOMPARE(qRound(models::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
}

QTEST_GUILESS_MAIN(TestStatusPresentation)
#include "tst_statuspresentation.moc"
