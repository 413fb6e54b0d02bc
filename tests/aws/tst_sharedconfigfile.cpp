// The ~/.aws file parser: every rule of aws-conventions.md "Shared files", and broken files that
// must give problems with line numbers while the rest still parses.
#include "aws/sharedconfigfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using aws::ConfigProblem;
using aws::SharedConfigFile;

namespace {

const QString kFile = QStringLiteral("/test/config");

// One line per section, property and sub-property: "[header]@line", "key=value@line",
// "key.sub=value@line"; newlines inside values shown as "\n".
QString dump(const SharedConfigFile &file)
{
    QStringList lines;
    for (const aws::ConfigSection &section : file.sections()) {
        lines << QStringLiteral("[%1]@%2").arg(section.header).arg(section.line);
        for (auto it = section.properties.cbegin(); it != section.properties.cend(); ++it) {
            QString value = it->value;
            value.replace(u'\n', QLatin1String("\\n"));
            lines << QStringLiteral("%1=%2@%3").arg(it.key(), value).arg(it->line);
            for (auto sub = it->subProperties.cbegin(); sub != it->subProperties.cend(); ++sub)
                lines << QStringLiteral("%1.%2=%3@%4")
                             .arg(it.key(), sub.key(), sub->value)
                             .arg(sub->line);
        }
    }
    return lines.join(u'|');
}

// "line:fragment" per problem.
QStringList problemLines(const SharedConfigFile &file)
{
    QStringList lines;
    for (const ConfigProblem &problem : file.problems())
        lines << QString::number(problem.line);
    return lines;
}

} // namespace

class TestSharedConfigFile : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void problems_nameFileLineAndWhy();
    void repetition_namesBothLines();
    void problemLines_areBoundedPerFile();
    void location_namesFileAndLine();
    void load_missingFile_isEmptyWithoutProblem();
    void load_directory_isAProblem();
    void load_oversizedFile_isAProblemNotAParse();
    void load_fileOverOneMebibyte_isRead();
    void load_notARegularFile_isAProblemAtOnce_data();
    void load_notARegularFile_isAProblemAtOnce();
    void load_realFile_parsesWithItsPath();
};

void TestSharedConfigFile::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("problemLines");

    const QStringList none;
    QTest::newRow("empty file") << QByteArray() << QString() << none;
    QTest::newRow("only blank lines") << QByteArray("\n\n   \n\t\n") << QString() << none;
    QTest::newRow("one section, one key")
        << QByteArray("[default]\nregion = eu-west-1\n")
        << QStringLiteral("[default]@1|region=eu-west-1@2") << none;
    QTest::newRow("whitespace around key and value is trimmed")
        << QByteArray("[default]\n   region   =    eu-west-1   \n")
        << QStringLiteral("[default]@1|region=eu-west-1@2") << none;
    QTest::newRow("keys are case-insensitive (lower-cased)")
        << QByteArray("[default]\nAWS_Access_Key_ID = AKID\n")
        << QStringLiteral("[default]@1|aws_access_key_id=AKID@2") << none;
    QTest::newRow("section names keep their case")
        << QByteArray("[profile Prod]\nregion = x\n")
        << QStringLiteral("[profile Prod]@1|region=x@2") << none;
    QTest::newRow("section header spaces trimmed, inner kept")
        << QByteArray("[  profile  dev  ]\nregion = x\n")
        << QStringLiteral("[profile  dev]@1|region=x@2") << none;
    QTest::newRow("hash comment line") << QByteArray("# top\n[default]\n# between\nregion = x\n")
                                       << QStringLiteral("[default]@2|region=x@4") << none;
    QTest::newRow("semicolon comment line") << QByteArray("; top\n[default]\nregion = x\n")
                                            << QStringLiteral("[default]@2|region=x@3") << none;
    QTest::newRow("indented comment line is a comment")
        << QByteArray("[default]\nregion = x\n    # not a continuation\n")
        << QStringLiteral("[default]@1|region=x@2") << none;
    QTest::newRow("inline hash comment after whitespace")
        << QByteArray("[default]\nregion = eu-west-1 # Ireland\n")
        << QStringLiteral("[default]@1|region=eu-west-1@2") << none;
    QTest::newRow("inline semicolon comment after tab")
        << QByteArray("[default]\nregion = eu-west-1\t; Ireland\n")
        << QStringLiteral("[default]@1|region=eu-west-1@2") << none;
    QTest::newRow("hash without whitespace before it is part of the value")
        << QByteArray("[default]\nendpoint_url = https://h/#frag\n")
        << QStringLiteral("[default]@1|endpoint_url=https://h/#frag@2") << none;
    QTest::newRow("semicolon without whitespace is part of the value")
        << QByteArray("[default]\nkey = a;b\n") << QStringLiteral("[default]@1|key=a;b@2") << none;
    QTest::newRow("value that is only a comment is empty")
        << QByteArray("[default]\nkey = # nothing\n") << QStringLiteral("[default]@1|key=@2")
        << none;
    QTest::newRow("comment after a section header")
        << QByteArray("[default] # the default\nregion = x\n")
        << QStringLiteral("[default]@1|region=x@2") << none;
    QTest::newRow("comment right after a section header")
        << QByteArray("[default];c\nregion = x\n") << QStringLiteral("[default]@1|region=x@2")
        << none;
    QTest::newRow("continuation line joins with a newline")
        << QByteArray("[default]\nkey = first\n  second\n")
        << QStringLiteral("[default]@1|key=first\\nsecond@2") << none;
    QTest::newRow("several continuation lines, tabs as indentation")
        << QByteArray("[default]\nkey = a\n\tb\n    c d\n")
        << QStringLiteral("[default]@1|key=a\\nb\\nc d@2") << none;
    QTest::newRow("continuation keeps # literally")
        << QByteArray("[default]\nkey = a\n  b # c\n")
        << QStringLiteral("[default]@1|key=a\\nb # c@2") << none;
    QTest::newRow("sub-section")
        << QByteArray("[services dev]\nlookoutequipment =\n  endpoint_url = "
                      "http://127.0.0.1:8443\n  Other_Key = v\n")
        << QStringLiteral(
               "[services "
               "dev]@1|lookoutequipment=@2|lookoutequipment.endpoint_url=http://127.0.0.1:8443@3"
               "|lookoutequipment.other_key=v@4")
        << none;
    QTest::newRow("sub-section with comments inside and after values")
        << QByteArray("[default]\ns3 =\n  # comment\n  a = 1 # one\n  b=2\nregion = x\n")
        << QStringLiteral("[default]@1|region=x@6|s3=@2|s3.a=1@4|s3.b=2@5") << none;
    QTest::newRow("sub-section line without '=' is a problem, the rest stays")
        << QByteArray("[default]\ns3 =\n  nonsense\n  a = 1\n")
        << QStringLiteral("[default]@1|s3=@2|s3.a=1@4") << QStringList { QStringLiteral("3") };
    QTest::newRow("indented first property after a header is a plain property")
        << QByteArray("[default]\n  region = x\n  output = json\n")
        << QStringLiteral("[default]@1|output=json@3|region=x@2") << none;
    // Python's configparser (strict), which the AWS CLI reads with, refuses these files whole.
    QTest::newRow("repeated section: the file is refused")
        << QByteArray("[default]\nregion = x\n[profile a]\nregion = y\n[default]\noutput = json\n")
        << QString() << QStringList { QStringLiteral("5") };
    QTest::newRow("repeated key: the file is refused")
        << QByteArray("[default]\nregion = x\nREGION = y\n") << QString()
        << QStringList { QStringLiteral("3") };
    QTest::newRow("repeated section holding the same key: the file is refused")
        << QByteArray("[default]\nregion = x\n[default]\nregion = z\n") << QString()
        << QStringList { QStringLiteral("3") };
    QTest::newRow("a repeated sub-section key: the file is refused")
        << QByteArray("[default]\ns3 =\n  a = 1\ns3 = plain\n") << QString()
        << QStringList { QStringLiteral("4") };
    QTest::newRow("the same key in two sections is no repetition")
        << QByteArray("[default]\nregion = x\n[profile a]\nregion = y\n")
        << QStringLiteral("[default]@1|region=x@2|[profile a]@3|region=y@4") << none;
    QTest::newRow("the same key in a sub-section and its section is no repetition")
        << QByteArray("[default]\ns3 =\n  region = 1\nregion = x\n")
        << QStringLiteral("[default]@1|region=x@4|s3=@2|s3.region=1@3") << none;
    QTest::newRow("headers that differ in spaces are two sections for the CLI")
        << QByteArray("[profile a]\nregion = x\n[ profile a ]\noutput = json\n")
        << QStringLiteral("[profile a]@1|output=json@4|region=x@2") << none;
    QTest::newRow("empty value") << QByteArray("[default]\nregion =\n")
                                 << QStringLiteral("[default]@1|region=@2") << none;
    QTest::newRow("value containing '='")
        << QByteArray("[default]\ncredential_process = tool --opt=a=b\n")
        << QStringLiteral("[default]@1|credential_process=tool --opt=a=b@2") << none;
    QTest::newRow("colon as the delimiter, as the CLI accepts")
        << QByteArray("[default]\nregion: eu-west-1\n")
        << QStringLiteral("[default]@1|region=eu-west-1@2") << none;
    QTest::newRow("the first delimiter wins: a URL after '=' keeps its colons")
        << QByteArray("[default]\nendpoint_url = http://127.0.0.1:8443\n")
        << QStringLiteral("[default]@1|endpoint_url=http://127.0.0.1:8443@2") << none;
    QTest::newRow("inner spaces of a value are kept")
        << QByteArray("[default]\ncredential_process = /bin/tool  --a   b\n")
        << QStringLiteral("[default]@1|credential_process=/bin/tool  --a   b@2") << none;
    QTest::newRow("CRLF line endings") << QByteArray("[default]\r\nregion = x\r\n  more\r\n")
                                       << QStringLiteral("[default]@1|region=x\\nmore@2") << none;
    QTest::newRow("UTF-8 byte order mark") << QByteArray("\xEF\xBB\xBF[default]\nregion = x\n")
                                           << QStringLiteral("[default]@1|region=x@2") << none;
    QTest::newRow("no newline at the end")
        << QByteArray("[default]\nregion = x") << QStringLiteral("[default]@1|region=x@2") << none;
    QTest::newRow("non-ASCII values")
        << QByteArray("[profile usine]\ndescription = pompe n\xC2\xB0"
                      "4\n")
        << QString::fromUtf8("[profile usine]@1|description=pompe n\xC2\xB0"
                             "4@2")
        << none;

    // Broken files: each problem has its line; everything else still counts.
    QTest::newRow("property before the first section")
        << QByteArray("region = x\n[default]\noutput = json\n")
        << QStringLiteral("[default]@2|output=json@3") << QStringList { QStringLiteral("1") };
    QTest::newRow("header without ']' drops its properties, not the next section")
        << QByteArray("[profile a\nregion = x\n[profile b]\nregion = y\n")
        << QStringLiteral("[profile b]@3|region=y@4") << QStringList { QStringLiteral("1") };
    QTest::newRow("text after ']'")
        << QByteArray("[default] junk\nregion = x\n[profile b]\nregion = y\n")
        << QStringLiteral("[profile b]@3|region=y@4") << QStringList { QStringLiteral("1") };
    QTest::newRow("empty header") << QByteArray("[]\nregion = x\n[default]\nregion = y\n")
                                  << QStringLiteral("[default]@3|region=y@4")
                                  << QStringList { QStringLiteral("1") };
    QTest::newRow("'[' inside a header") << QByteArray("[[default]\nregion = x\n") << QString()
                                         << QStringList { QStringLiteral("1") };
    QTest::newRow("line that is neither property, header nor comment")
        << QByteArray("[default]\nregion = x\njust some words\noutput = json\n")
        << QStringLiteral("[default]@1|output=json@4|region=x@2")
        << QStringList { QStringLiteral("3") };
    QTest::newRow("property without a name")
        << QByteArray("[default]\n= value\nregion = x\n")
        << QStringLiteral("[default]@1|region=x@3") << QStringList { QStringLiteral("2") };
    QTest::newRow("invalid UTF-8 line is dropped, the rest parses")
        << QByteArray("[default]\nregion = \xFF\xFE\noutput = json\n")
        << QStringLiteral("[default]@1|output=json@3") << QStringList { QStringLiteral("2") };
    QTest::newRow("several problems, each with its own line")
        << QByteArray("orphan = 1\n[default\nregion = x\n[profile ok]\nwhat\nregion = y\n")
        << QStringLiteral("[profile ok]@4|region=y@6")
        << QStringList { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("5") };
    QTest::newRow("binary garbage never crashes")
        << QByteArray("\x00\x01[\x02]\n=\n[\n]\n  \x7F", 15) << QString()
        << QStringList { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3") };
}

void TestSharedConfigFile::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QFETCH(QStringList, problemLines);

    const SharedConfigFile file = SharedConfigFile::parse(text, kFile);
    QCOMPARE(dump(file), expected);
    QCOMPARE(::problemLines(file), problemLines);
    for (const ConfigProblem &problem : file.problems()) {
        QCOMPARE(problem.file, kFile);
        QVERIFY2(!problem.message.isEmpty(), qPrintable(problem.toString()));
    }
}

// The AWS CLI answers "Unable to parse config file" for such a file; the problem says which lines.
void TestSharedConfigFile::repetition_namesBothLines()
{
    const SharedConfigFile file = SharedConfigFile::parse(
        "[profile x]\nregion = a\n[default]\nregion = b\nRegion = c\n[profile x]\n", kFile);
    QVERIFY(file.isUnparsable());
    QVERIFY(file.sections().isEmpty());
    QCOMPARE(file.problems().size(), 2);
    QCOMPARE(file.problems().at(0).toString(),
        QStringLiteral("/test/config line 5: the key region appears again in [default] (first at "
                       "line 4); the AWS CLI refuses a file that repeats a section or a key in a "
                       "section, so the whole file is ignored"));
    QCOMPARE(file.problems().at(1).toString(),
        QStringLiteral("/test/config line 6: the section [profile x] appears again (first at line "
                       "1); the AWS CLI refuses a file that repeats a section or a key in a "
                       "section, so the whole file is ignored"));
    QVERIFY(!SharedConfigFile::parse("[default]\nregion = a\n", kFile).isUnparsable());
}

// A file of 40,000 bad lines printed 40,000 warnings on every command.
void TestSharedConfigFile::problemLines_areBoundedPerFile()
{
    QByteArray text = "[default]\n";
    for (int i = 0; i < 40'000; ++i)
        text += "this line is not a setting\n";
    const SharedConfigFile config = SharedConfigFile::parse(text, kFile);
    const SharedConfigFile credentials
        = SharedConfigFile::parse("broken\n", QStringLiteral("/test/credentials"));
    QCOMPARE(config.problems().size(), 40'000);
    const QStringList lines = aws::problemLines(config.problems() + credentials.problems());
    QCOMPARE(lines.size(), aws::kShownProblemsPerFile + 2);
    QCOMPARE(lines.at(0), config.problems().at(0).toString());
    QCOMPARE(lines.at(aws::kShownProblemsPerFile), credentials.problems().at(0).toString());
    QCOMPARE(lines.last(), QStringLiteral("/test/config: 39995 more problems are not shown"));
    QCOMPARE(aws::problemLines(config.problems().mid(0, aws::kShownProblemsPerFile + 1)).last(),
        QStringLiteral("/test/config: 1 more problem is not shown"));
}

void TestSharedConfigFile::problems_nameFileLineAndWhy()
{
    const SharedConfigFile file
        = SharedConfigFile::parse("[default]\nnonsense\n[profile x\n", kFile);
    QCOMPARE(file.problems().size(), 2);
    QCOMPARE(file.problems().at(0).toString(),
        QStringLiteral("/test/config line 2: expected \"key = value\", a [section] header or a "
                       "comment; the line is ignored"));
    QCOMPARE(file.problems().at(1).toString(),
        QStringLiteral("/test/config line 3: the section header has no closing ']'; the lines up "
                       "to the next section are ignored"));
}

void TestSharedConfigFile::location_namesFileAndLine()
{
    const SharedConfigFile file = SharedConfigFile::parse("\n[default]\n\nregion = x\n", kFile);
    const aws::ConfigSection *section = file.section(QStringLiteral("default"));
    QVERIFY(section);
    QCOMPARE(section->properties.value(QStringLiteral("region")).location(),
        QStringLiteral("/test/config line 4"));
    QVERIFY(!file.section(QStringLiteral("profile default")));
}

void TestSharedConfigFile::load_missingFile_isEmptyWithoutProblem()
{
    QTemporaryDir dir;
    const SharedConfigFile file = SharedConfigFile::load(dir.filePath(QStringLiteral("absent")));
    QVERIFY(!file.exists());
    QVERIFY(file.sections().isEmpty());
    QVERIFY(file.problems().isEmpty());
}

void TestSharedConfigFile::load_directory_isAProblem()
{
    QTemporaryDir dir;
    const SharedConfigFile file = SharedConfigFile::load(dir.path());
    QVERIFY(file.sections().isEmpty());
    QCOMPARE(file.problems().size(), 1);
    QCOMPARE(file.problems().first().line, 0);
    QCOMPARE(file.problems().first().message,
        QStringLiteral("is a folder, not a regular file; it is ignored"));
}

void TestSharedConfigFile::load_oversizedFile_isAProblemNotAParse()
{
    QTemporaryDir dir;
    QFile big(dir.filePath(QStringLiteral("config")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write("[default]\nregion = x\n");
    big.write(QByteArray(SharedConfigFile::kMaxFileBytes, '#'));
    big.close();
    const SharedConfigFile file = SharedConfigFile::load(big.fileName());
    QVERIFY(file.sections().isEmpty());
    QCOMPARE(file.problems().size(), 1);
    QCOMPARE(
        file.problems().first().message, QStringLiteral("is larger than 64 MiB; it is ignored"));
}

// The AWS CLI reads a config file of any size; one of a few MiB (many profiles, long comments)
// must not be ignored whole.
void TestSharedConfigFile::load_fileOverOneMebibyte_isRead()
{
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = eu-west-1\n");
    for (int i = 0; i < 40'000; ++i)
        config.write(QStringLiteral("[profile p%1]\nregion = us-east-1\n").arg(i).toUtf8());
    config.write("[profile last]\nregion = ap-south-1\n");
    config.close();
    QVERIFY(config.size() > 1024 * 1024);
    const SharedConfigFile file = SharedConfigFile::load(config.fileName());
    QVERIFY2(file.problems().isEmpty(),
        qPrintable(file.problems().isEmpty() ? QString() : file.problems().first().toString()));
    QCOMPARE(file.sections().size(), 40'002);
    QCOMPARE(file.section(QStringLiteral("profile last"))
                 ->properties.value(QStringLiteral("region"))
                 .value,
        QStringLiteral("ap-south-1"));
}

// AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE naming a pipe, device, socket or a link to
// nothing: a problem at once, never a wait for a writer or an endless read. (A pipe with no
// writer used to block every command.)
void TestSharedConfigFile::load_notARegularFile_isAProblemAtOnce_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    static QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QTest::newRow("named pipe") << fifo << "is a named pipe, not a regular file; it is ignored";
    QTest::newRow("character device") << "/dev/zero"
                                      << "is a device, not a regular file; it is ignored";
    const QString dangling = dir.filePath(QStringLiteral("dangling"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone")), dangling));
    QTest::newRow("link to nothing")
        << dangling << "is a symbolic link to a file that does not exist; it is ignored";
}

void TestSharedConfigFile::load_notARegularFile_isAProblemAtOnce()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const SharedConfigFile file = SharedConfigFile::load(path);
    QVERIFY(file.sections().isEmpty());
    QCOMPARE(file.problems().size(), 1);
    QCOMPARE(file.problems().first().toString(), path + QStringLiteral(": ") + message);
}

void TestSharedConfigFile::load_realFile_parsesWithItsPath()
{
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile a]\nregion = x\nbroken line\n");
    config.close();
    const SharedConfigFile file = SharedConfigFile::load(config.fileName());
    QVERIFY(file.exists());
    QCOMPARE(file.fileName(), config.fileName());
    QCOMPARE(dump(file), QStringLiteral("[profile a]@1|region=x@2"));
    QCOMPARE(file.problems().size(), 1);
    QCOMPARE(file.problems().first().file, config.fileName());
    QCOMPARE(file.problems().first().line, 3);
}

QTEST_GUILESS_MAIN(TestSharedConfigFile)
#include "tst_sharedconfigfile.moc"
