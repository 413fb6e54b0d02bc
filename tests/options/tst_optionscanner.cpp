// Splitting a command line the way argparse does: values after or with '=', missing values,
// "--", repetitions, unknown options, options Qt takes for itself.
#include "options/optionscanner.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using options::OptionSpec;

namespace {

const QList<OptionSpec> kSpecs { { "--profile"_L1, true }, { "--debug"_L1, false },
    { "-h"_L1, false }, { "-platform"_L1, true, true } };

} // namespace

class TestOptionScanner : public QObject {
    Q_OBJECT
private slots:
    void valuesAfterOrWithEquals_andPositionals()
    {
        const auto scanned = options::scanArguments(
            { u"describe"_s, u"--profile"_s, u"prod"_s, u"x"_s, u"--debug"_s }, kSpecs);
        QVERIFY(!scanned.error);
        QCOMPARE(scanned.positionals, (QStringList { u"describe"_s, u"x"_s }));
        QCOMPARE(scanned.value("--profile"_L1), u"prod"_s);
        QVERIFY(scanned.has("--debug"_L1));
        QVERIFY(!scanned.has("-h"_L1));
        QCOMPARE(
            options::scanArguments({ u"--profile=a=b"_s }, kSpecs).value("--profile"_L1), u"a=b"_s);
        QCOMPARE(options::scanArguments({ u"--profile="_s }, kSpecs).value("--profile"_L1), u""_s);
    }

    void repeated_laterWins()
    {
        QCOMPARE(options::scanArguments({ u"--profile"_s, u"a"_s, u"--profile=b"_s }, kSpecs)
                     .value("--profile"_L1),
            u"b"_s);
    }

    void missingValue_isAnError()
    {
        for (const QStringList &line :
            { QStringList { u"--profile"_s }, QStringList { u"--profile"_s, u"--debug"_s } }) {
            const auto scanned = options::scanArguments(line, kSpecs);
            QVERIFY(scanned.error);
            QCOMPARE(scanned.error->message, u"argument --profile: expected one argument"_s);
        }
        // A single dash is a value (a negative number), as argparse takes it.
        QCOMPARE(options::scanArguments({ u"--profile"_s, u"-1"_s }, kSpecs).value("--profile"_L1),
            u"-1"_s);
    }

    void flagWithValue_isAnError()
    {
        const auto scanned = options::scanArguments({ u"--debug=yes"_s }, kSpecs);
        QVERIFY(scanned.error);
        QCOMPARE(scanned.error->message, u"argument --debug: ignored explicit argument 'yes'"_s);
    }

    void unknownOptions_collected_doubleDashEndsOptions()
    {
        const auto scanned = options::scanArguments(
            { u"--bogus"_s, u"-x"_s, u"--"_s, u"--profile"_s, u"-name"_s }, kSpecs);
        QVERIFY(!scanned.error);
        QCOMPARE(scanned.unknownOptions, (QStringList { u"--bogus"_s, u"-x"_s }));
        QCOMPARE(scanned.positionals, (QStringList { u"--profile"_s, u"-name"_s }));
        QVERIFY(!scanned.has("--profile"_L1));
        QCOMPARE(options::scanArguments({ u"-"_s }, kSpecs).positionals, QStringList { u"-"_s });
    }

    void ignoredOptions_skippedWithTheirValue()
    {
        const auto scanned
            = options::scanArguments({ u"-platform"_s, u"offscreen"_s, u"--debug"_s }, kSpecs);
        QVERIFY(scanned.positionals.isEmpty());
        QCOMPARE(scanned.options.size(), 1);
        QCOMPARE(scanned.options.first().name, "--debug"_L1);
    }

    void firstPositional_skipsOptionValues()
    {
        QCOMPARE(options::firstPositional({ u"--profile"_s, u"describe"_s, u"list"_s }, kSpecs),
            u"list"_s);
        QCOMPARE(options::firstPositional({ u"-platform"_s, u"xcb"_s }, kSpecs), std::nullopt);
        QCOMPARE(options::firstPositional({ u"--debug"_s, u"--"_s, u"-x"_s }, kSpecs), u"-x"_s);
        QCOMPARE(options::firstPositional({ u"--profile"_s }, kSpecs), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestOptionScanner)
#include "tst_optionscanner.moc"
