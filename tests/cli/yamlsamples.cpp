#include "yamlsamples.h"

using namespace Qt::StringLiterals;

namespace clitest {

namespace {

QByteArray longWords(int count, const char *word)
{
    QByteArray text;
    for (int i = 0; i < count; ++i)
        text += (i ? " " : "") + QByteArray(word) + QByteArray::number(i);
    return text;
}

} // namespace

// Strings, numbers and shapes that exercise the YAML rules; each a JSON response.
QList<FormatterInput> yamlSamples()
{
    QList<FormatterInput> samples;
    const auto add = [&samples](const QString &title, const QByteArray &json) {
        samples.append({ title, json });
    };
    // Strings YAML 1.2 would read as something else, and ones it would not.
    add(u"LookAlikes"_s,
        R"({"a": "yes", "b": "no", "c": "null", "d": "~", "e": "", "f": "True", "g": "FALSE",
            "h": "on", "i": "12", "j": "1.5", "k": "1e3", "l": "0x1F", "m": "0o17", "n": "1_000",
            "o": ".5", "p": "-.inf", "q": ".nan", "r": "+1", "s": "0b101", "t": "Null",
            "u": "<<", "v": "=", "w": "1.2.3", "x": "12abc", "y": "0017", "z": "-", "A": "NULL",
            "B": "tRue", "C": "1e", "D": "e3", "E": ".", "F": "+", "G": "0x", "H": "1:30"})");
    add(u"Dates"_s,
        R"({"a": "2024-03-04", "b": "2024-03-04T18:52:22+05:30", "c": "2024-3-4 1:02:03",
            "d": "2024-03-04T18:52:22.123456Z", "e": "2024-03-04 18:52:22 -5",
            "f": "2024-03-04T18:52", "g": "24-03-04", "h": "2026-05-25T13:05:32.464738+00:00"})");
    add(u"Indicators"_s,
        R"({"a": "- x", "b": "-x", "c": "?", "d": "? x", "e": "?x", "f": ":x", "g": ": x",
            "h": "@x", "i": "`x", "j": "!x", "k": "&a", "l": "*a", "m": "%x", "n": "|", "o": ">",
            "p": "'q'", "q": "\"q\"", "r": "#", "s": "a#b", "t": "a #b", "u": "a: b", "v": "a:b",
            "w": "a:", "x": "---", "y": "...", "z": "--- x", "A": "[x]", "B": "x[0]", "C": "{x}",
            "D": "x, y", "E": "it's", "F": "back\\slash", "G": "a\"b", "H": "x?", "I": "x-",
            "J": ",x", "K": "a  b", "L": "s3://bucket/prefix/", "M": "PT5M", "N": "+02:00"})");
    add(u"Spaces"_s,
        R"({"a": " lead", "b": "trail ", "c": " ", "d": "  two", "e": "a\tb", "f": "\t",
            "g": "tab\t", "h": "in  between"})");
    add(u"LineBreaks"_s,
        R"({"a": "a\nb", "b": "a\n\nb", "c": "a\n", "d": "\na", "e": "a \nb", "f": "a\n b",
            "g": "a\r\nb", "h": "x\u2028y", "i": "x\u2029y", "j": "x\u0085y", "k": "\n",
            "l": "it's\nhere", "m": "one\ntwo\nthree four"})");
    add(u"Unicode"_s,
        "{\"a\": \"caf\xc3\xa9\", \"b\": \"\xe6\x97\xa5\xe6\x9c\xac\", \"c\": \"\xf0\x9f\x98\x80\","
        " \"d\": \"a\xc2\xa0z\", \"e\": \"\\ufeffx\", \"f\": \"\\u202eevil\", \"g\": \"\\u0000\","
        " \"h\": \"\\u001b[2J\", \"i\": \"\\u007f\", \"j\": \"\\u009b\", \"k\": \"\\ue000\","
        " \"l\": \"\\ufffd\", \"m\": \"\\u0007\\u0008\\u000b\\u000c\\u000d\\u0001\","
        " \"n\": \"\xc2\xb1\", \"o\": \"\xd7\x90\"}");
    // Lines past column 80: plain, single- and double-quoted values fold at spaces, indented
    // by where they are; a word longer than the line is not broken.
    add(u"Folding"_s,
        "{\"Plain\": \"" + longWords(30, "word") + "\", \"Quoted\": \"" + longWords(30, "it's")
            + "\", \"Escaped\": \"" + longWords(30, "tab\\t") + "\", \"Unbroken\": \""
            + QByteArray(200, 'x') + "\", \"DoubleSpaces\": \"" + longWords(12, "aaaaaaaa ")
            + "\", \"Nested\": {\"Deeper\": [{\"Value\": \"" + longWords(40, "v") + "\"}]}, "
            + "\"LeadSpace\": \" " + longWords(25, "w") + "\", \"Breaks\": \""
            + longWords(20, "line") + "\\n" + longWords(20, "next") + "\"}");
    add(u"Numbers"_s,
        R"({"a": 0.1, "b": 1e-07, "c": 12345678901234567890, "d": 1.5e+300, "e": -0.0,
            "f": 0, "g": -17, "h": 1e+16, "i": 3.14159, "j": 100.0})");
    add(u"Shapes"_s,
        R"({"EmptyList": [], "EmptyMap": {}, "Nested": [[1, 2], [], [{"a": 1, "b": []}], {}],
            "Maps": [{"k": {"x": {"y": "z"}}}, {"l": [{"m": ["n", "o"]}]}], "Null": null,
            "Bools": [true, false], "Mixed": [1, "two", null, {"three": 3}]})");
    add(u"Keys"_s,
        R"({"yes": 1, "": 2, "123": 3, "key: x": 4, "- dash": 5, "b a": 6, "#c": 7, "é": 8,
            "B": 9, "a": 10, "line\nbreak": 11, "tab\tkey": 12})");
    add(u"LongKey"_s, "{\"" + QByteArray(129, 'k') + "\": 1, \"" + QByteArray(128, 'j') + "\": 2}");
    add(u"Empty"_s, "{}");
    return samples;
}

} // namespace clitest
