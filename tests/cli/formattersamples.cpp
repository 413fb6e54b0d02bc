#include "formattersamples.h"

#include "lookout/jsoncodec.h"
#include "samplevalues.h"

using namespace Qt::StringLiterals;

namespace clitest {

QList<FormatterInput> formatterSamples(bool forTable)
{
    using namespace lookout;
    const json::CliFormat wire { json::CliFormat::Timestamps::Wire, QTimeZone::utc() };
    InferenceScheduler partial;
    partial.inferenceSchedulerName = u"only-some"_s;
    partial.status = u"HIBERNATING"_s;
    partial.dataDelayOffsetInMinutes = 0;
    partial.dataOutputConfiguration = InferenceOutputConfiguration {};
    partial.dataOutputConfiguration->s3OutputConfiguration = S3Location { u"bucket"_s, u""_s };
    InferenceScheduler unicode = test::fullScheduler();
    unicode.dataInputConfiguration->s3InputConfiguration->prefix = QString::fromUtf8(
        "Pr\xc3\xbc"
        "fstand/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e/\xf0\x9f\x98\x80/caf\xc3\xa9/");
    unicode.modelName = QString::fromUtf8("\xe3\x83\xa2\xe3\x83\x87\xe3\x83\xab-\xef\xbc\xa1");
    InferenceExecutionSummary failed = test::fullExecution();
    failed.status = u"FAILED"_s;
    failed.failedReason = u"Input file has timestamps outside the inference window."_s;
    failed.customerResultObject.reset();

    QList<FormatterInput> samples {
        { u"DescribeInferenceScheduler"_s,
            json::cliDescribeInferenceScheduler(test::fullScheduler()) },
        { u"DescribeInferenceScheduler"_s,
            json::cliDescribeInferenceScheduler(test::fullScheduler(), wire) },
        { u"DescribeInferenceScheduler"_s, json::cliDescribeInferenceScheduler(partial) },
        { u"DescribeInferenceScheduler"_s, json::cliDescribeInferenceScheduler(unicode) },
        { u"DescribeInferenceScheduler"_s,
            json::cliDescribeInferenceScheduler(InferenceScheduler {}) },
        { u"ListInferenceSchedulers"_s,
            json::cliListInferenceSchedulers({ test::numberedSummary(1), test::numberedSummary(2),
                InferenceSchedulerSummary {}, test::numberedSummary(3) }) },
        { u"ListInferenceSchedulers"_s, json::cliListInferenceSchedulers({}) },
        { u"ListInferenceExecutions"_s,
            json::cliListInferenceExecutions(
                { test::fullExecution(), failed, InferenceExecutionSummary {} }) },
        { u"ListInferenceExecutions"_s,
            json::cliListInferenceExecutions({ test::fullExecution() }, wire) },
        { u"ListInferenceExecutions"_s, json::cliListInferenceExecutions({}) },
        { u"StartInferenceScheduler"_s,
            json::cliSchedulerStateChange(
                { u"arn:aws:lookoutequipment:us-east-1:123456789012:model/m/1"_s, u"m"_s,
                    u"pump-1"_s, std::nullopt, u"PENDING"_s }) },
        // Shapes beyond today's responses.
        { u"OneScalar"_s, R"({"Status": "RUNNING"})" },
        { u"Scalars"_s,
            R"({"b": true, "n": null, "f": 1.5, "i": -3, "e": 1e+100, "z": 0, "s": ""})" },
        { u"ScalarList"_s,
            R"({"Names": ["a", "bb", "ccc"], "Empty": [], "Nested": {"Ids": [1, 2]}})" },
        { u"ListOfLists"_s, R"({"Rows": [["a", "b"], ["c", "d"]], "Single": [["x"], ["y"]]})" },
        { u"NestedObjects"_s,
            R"({"Items": [{"k": "v", "n": 1}, {"k": "w", "extra": {"deep": "x", "list": [{"a": "b"}]}}]})" },
        { u"MissingKeys"_s,
            R"({"Items": [{"a": "1"}, {"b": "2", "c": {"d": "3"}}, {"a": "4", "c": {"d": "5", "e": ["6"]}}]})" },
        { u"ScalarInOneContainerInAnother"_s,
            R"({"Items": [{"k": "v"}, {"k": {"x": "it's \"q\"", "y": [1, "a\tb"]}}]})" },
        { u"ControlCharacters"_s,
            "{\"Text\": \"tab\\there\", \"Line\": \"new\\nline\", \"Bell\": "
            "\"\\u0007\\u001f\\u007f\\u2028\\u00a0\"}" },
        { u"TerminalEscapes"_s,
            "{\"Items\": [{\"Name\": \"\\u001b]0;owned\\u0007x\\u001b[2J\", \"Bidi\": "
            "\"a\\u202eb\\u2066c\\u061cd\\u200e\", \"C1\": \"\\u009b31m\\u0085\"}, {\"Name\": "
            "\"\xe6\x97\xa5\\u001b\\r\", \"Bidi\": \"\\u2029\", \"C1\": \"ok\"}], "
            "\"Title\\u001b[5m\": {\"k\": \"v\\tw\"}}" },
        { QString::fromUtf8(
              "WideTitle\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe8\xa1\xa8"),
            R"({"k": "v"})" },
        { u"LongValue"_s,
            "{\"Key\": \"" + QByteArray(150, 'x')
                + "\", \"Other\": \"short\", \"Ambiguous\": \"\xc2\xb1\xc2\xb0\xc3\x97\"}" },
        { u"ManyColumns"_s,
            R"({"Rows": [{"a": "1", "b": "22", "c": "333", "d": "4444", "e": "55555", "f": "666666", "g": "7777777"},
                      {"a": "xxxxxxxxxxxx", "g": "y"}]})" },
    };
    if (!forTable)
        samples.append(
            { u"ScalarsBesideLists"_s, R"({"Text": ["x", ["y", "z"], "w"], "Lone": [["q"]]})" });
    return samples;
}

} // namespace clitest
