// The help texts, from made-up command tables (so that each rule is seen on its own) and from the
// real one: two columns, wrapping at the help's width, required parameters without brackets,
// {operation} and {cli} filled in, one note on time formats, the example block, and the general
// help for a command that reads its own options or for none.
#include "cli/commandtable.h"
#include "cli/helptext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cli::CommandSpec;
using cli::ParameterSpec;
using cli::ValueType;

namespace {

int noRun(const cli::Invocation &)
{
    return 0;
}

CommandSpec command(QLatin1StringView name)
{
    CommandSpec spec;
    spec.name = name;
    spec.run = &noRun;
    spec.summary = "Does a thing.";
    spec.description = "Does a thing, at length.";
    return spec;
}

qsizetype widestLine(const QString &text)
{
    qsizetype widest = 0;
    for (const QString &line : text.split(u'\n'))
        widest = std::max(widest, line.size());
    return widest;
}

} // namespace

class TestHelpText : public QObject {
    Q_OBJECT

private slots:
    void usageBlock_namesTheBinaryAndBothHelps()
    {
        const QString usage = cli::usageBlock();
        QVERIFY(usage.startsWith(u"usage: lookout-desk [options] <command> [parameters]\n"_s));
        QVERIFY(usage.contains(u"\n  lookout-desk --help\n"_s));
        QVERIFY(usage.endsWith(u"\n  lookout-desk <command> --help\n"_s));
    }

    void generalHelp_listsEachCommandInTwoColumns()
    {
        CommandSpec show = command("show"_L1);
        show.positional = "NAME"_L1;
        CommandSpec wide = command("a-command-name-wider-than-the-column"_L1);
        const QString help = cli::generalHelp({ show, wide });
        QVERIFY2(help.contains(u"\nCommands:\n  show NAME                  Does a thing.\n"_s),
            qPrintable(help));
        // Too wide for the first column: the summary goes below it, in the second column.
        QVERIFY2(help.contains(u"  a-command-name-wider-than-the-column\n"_s
                               u"                             Does a thing.\n"_s),
            qPrintable(help));
        QVERIFY(help.contains(u"Exit status: 0 success"_s));
    }

    void generalHelp_emptyTable_stillHasTheOptions()
    {
        const QString help = cli::generalHelp({});
        QVERIFY(help.contains(u"Commands:\nRun 'lookout-desk <command> --help'"_s));
        QVERIFY(help.contains(u"Global options"_s));
        QVERIFY(help.contains(u"Window options"_s));
    }

    void multiLineSummary_isIndentedToTheSecondColumn()
    {
        CommandSpec spec = command("go"_L1);
        spec.summary = "First line.\nSecond line.";
        QVERIFY(cli::generalHelp({ spec }).contains(
            u"  go                         First line.\n                             Second line.\n"_s));
    }

    void parameters_requiredBare_optionalBracketed_wrappedAtNinety()
    {
        CommandSpec spec = command("list"_L1);
        spec.parameters = {
            { .option = "--name"_L1, .placeholder = "N"_L1, .required = true },
            { .option = "--flag"_L1, .type = ValueType::Flag },
        };
        for (int i = 0; i < 12; ++i)
            spec.parameters.append(
                { .option = QLatin1StringView(i % 2 ? "--second-option" : "--first-option"),
                    .placeholder = "VALUE"_L1 });
        const QString help = cli::generalHelp({ spec });
        QVERIFY2(help.contains(u"\n                             --name N [--flag] [--first-option "
                               u"VALUE]"_s),
            qPrintable(help));
        const QString commandHelp = cli::commandHelp(&spec, { spec });
        QVERIFY2(commandHelp.startsWith(u"Usage: lookout-desk list --name N [--flag]"_s),
            qPrintable(commandHelp));
        // Wrapped lines are indented under the command ("Usage: " is 7 wide).
        QVERIFY2(commandHelp.contains(u"\n       [--"_s), qPrintable(commandHelp));
        QVERIFY(commandHelp.contains(u"[global options]"_s));
        const qsizetype synopsisEnd = commandHelp.indexOf(u"\n\n"_s);
        QVERIFY(widestLine(commandHelp.left(synopsisEnd)) <= 90);
        QVERIFY(widestLine(commandHelp.left(synopsisEnd)) > 70); // it does fill the lines
    }

    void operationPlaceholders_areFilledIn()
    {
        CommandSpec spec = command("describe"_L1);
        spec.operation = "DescribeInferenceScheduler"_L1;
        spec.summary = "Calls {operation}.";
        spec.description = "Prints what `{cli}` prints.";
        QVERIFY(cli::generalHelp({ spec }).contains(u"Calls DescribeInferenceScheduler.\n"_s));
        QVERIFY(
            cli::commandHelp(&spec, { spec })
                .contains(
                    u"Prints what `aws lookoutequipment describe-inference-scheduler` prints."_s));
        // Without an operation the braces are text.
        CommandSpec plain = command("plain"_L1);
        plain.summary = "Literally {operation}.";
        QVERIFY(cli::generalHelp({ plain }).contains(u"Literally {operation}."_s));
    }

    void timeParameters_getOneNoteOnTheirFormats()
    {
        CommandSpec spec = command("executions"_L1);
        spec.parameters = {
            { .option = "--after"_L1,
                .placeholder = "TIME"_L1,
                .type = ValueType::Timestamp,
                .help = "Only after TIME." },
            { .option = "--before"_L1,
                .placeholder = "TIME"_L1,
                .type = ValueType::Timestamp,
                .help = "Only before TIME." },
            { .option = "--since"_L1, .placeholder = "WHEN"_L1, .type = ValueType::Timestamp },
        };
        const QString help = cli::commandHelp(&spec, { spec });
        QVERIFY2(help.contains(u"\nParameters:\n  --after TIME               Only after TIME.\n"_s),
            qPrintable(help));
        QCOMPARE(help.count(u"2024-03-04T18:52:22Z"_s), 1);
        QVERIFY2(help.contains(u"TIME, WHEN: 2024-03-04T18:52:22Z"_s), qPrintable(help));

        CommandSpec untimed = command("count"_L1);
        untimed.parameters
            = { { .option = "--max"_L1, .placeholder = "N"_L1, .type = ValueType::WholeNumber } };
        QVERIFY(!cli::commandHelp(&untimed, { untimed }).contains(u"epoch seconds"_s));
        const CommandSpec bare = command("bare"_L1);
        QVERIFY(!cli::commandHelp(&bare, {}).contains(u"Parameters:"_s));
    }

    void example_isRunAgainstTheEmulatorAndStopsIt()
    {
        CommandSpec spec = command("describe"_L1);
        spec.example = "describe pump-1";
        const QString help = cli::commandHelp(&spec, { spec });
        QVERIFY(help.contains(u"\nExample, against the emulator:\n"_s
            + cli::emulatorStartLines(QString::fromLatin1(cli::kExampleFleetOptions), u"  "_s)
            + u"  lookout-desk describe pump-1\n  kill \"$emulator\"\n"_s));
        QVERIFY(help.endsWith(u"  kill \"$emulator\"\n"_s));
        const CommandSpec none = command("none"_L1);
        QVERIFY(!cli::commandHelp(&none, {}).contains(u"Example"_s));
    }

    void emulatorStartLines_indentEveryLine()
    {
        const QString lines = cli::emulatorStartLines(u"--fleet 3 --seed 9"_s, u">> "_s);
        QVERIFY(
            lines.startsWith(u">> lookout-desk emulator --fleet 3 --seed 9 > emulator.env &\n"_s));
        for (const QString &line : lines.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(u">> "_s), qPrintable(line));
        QVERIFY(lines.endsWith(u">> fi\n"_s));
        QVERIFY(cli::emulatorStartLines({}, {}).startsWith(u"lookout-desk emulator  > "_s));
    }

    void commandThatReadsItsOwnOptions_orNone_getsTheGeneralHelp()
    {
        CommandSpec own = command("configure"_L1);
        own.readsItsOwnOptions = true;
        QCOMPARE(cli::commandHelp(&own, { own }), cli::generalHelp({ own }));
        QCOMPARE(cli::commandHelp(nullptr, { own }), cli::generalHelp({ own }));
    }

    // The real table: every command listed, every command's help naming itself, nothing wider
    // than the help's widest lines.
    void realTable_everyCommandHasItsHelp()
    {
        const QString general = cli::generalHelp();
        QVERIFY(widestLine(general) <= 100);
        for (const CommandSpec &spec : cli::commandTable()) {
            QVERIFY2(general.contains(u"\n  "_s + QString(spec.name)), spec.name.data());
            const QString help = cli::commandHelp(&spec);
            QVERIFY(!help.contains(u"{operation}"_s) && !help.contains(u"{cli}"_s));
            QVERIFY2(widestLine(help) <= 100, spec.name.data());
            if (!spec.readsItsOwnOptions)
                QVERIFY2(help.startsWith(u"Usage: lookout-desk "_s + QString(spec.name)),
                    qPrintable(help));
        }
    }
};

QTEST_GUILESS_MAIN(TestHelpText)
#include "tst_helptext.moc"
