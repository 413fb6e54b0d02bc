// Signatures per second for the product's typical request (DescribeInferenceScheduler with a
// session token), every step of SigV4 included (the signing key is derived for each signature).
// tests/bench/run-sigv4-benchmark runs this next to botocore_sigv4.py and prints both medians.
#include "aws/sigv4signer.h"

#include <benchmark/benchmark.h>

namespace {

// The same request, credentials and token as botocore_sigv4.py signs.
aws::sigv4::Request describeInferenceSchedulerRequest()
{
    aws::sigv4::Request request;
    request.method = "POST";
    request.path = "/";
    request.headers = { { "Content-Type", "application/x-amz-json-1.0" },
        { "Host", "lookoutequipment.eu-west-1.amazonaws.com" },
        { "X-Amz-Target", "AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler" } };
    request.body = R"({"InferenceSchedulerName":"pump-station-042"})";
    return request;
}

aws::AwsCredentials credentials(bool withToken)
{
    aws::AwsCredentials result;
    result.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    result.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    if (withToken) {
        // The AWS documentation's example STS token (336 characters).
        result.sessionToken = QStringLiteral(
            "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMic"
            "RXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKs"
            "burEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0"
            "iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==");
    }
    return result;
}

void reportRate(benchmark::State &state)
{
    state.counters["signatures/s"]
        = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void sign(benchmark::State &state, bool withToken)
{
    const aws::sigv4::Request request = describeInferenceSchedulerRequest();
    const aws::AwsCredentials creds = credentials(withToken);
    const QDateTime time(QDate(2024, 3, 4), QTime(18, 52, 22), Qt::UTC);
    for (auto _ : state) {
        aws::sigv4::Signature signature
            = aws::sigv4::sign(request, creds, "eu-west-1", "lookoutequipment", time);
        benchmark::DoNotOptimize(signature);
    }
    reportRate(state);
}

// The figure the run script reports.
void BM_SignDescribeInferenceScheduler(benchmark::State &state)
{
    sign(state, true);
}
BENCHMARK(BM_SignDescribeInferenceScheduler);

void BM_SignDescribeInferenceSchedulerWithoutToken(benchmark::State &state)
{
    sign(state, false);
}
BENCHMARK(BM_SignDescribeInferenceSchedulerWithoutToken);

} // namespace

BENCHMARK_MAIN();
