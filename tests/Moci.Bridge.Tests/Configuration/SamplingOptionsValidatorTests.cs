namespace Moci.Bridge.Tests.Configuration;

public sealed class SamplingOptionsValidatorTests
{
    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp() => _config = new BridgeConfig();

    [TearDown]
    public void TearDown() => _config.Dispose();

    [TestCase("500ms", "1m", "sampling:interval must be between 1s and 1h (was 500ms)")]
    [TestCase("10s", "15s", "sampling:averaging must be 0s (every sample sent as it is) or a whole multiple of the interval (10s)")]
    [TestCase("10s", "5s", "sampling:averaging must be 0s")]
    [TestCase("1m", "2d", "sampling:averaging must be 0s")]
    public void Validate_BadWindow_NamesTheSetting(string interval, string averaging, string expected)
    {
        var problems = _config.Problems(WithSampling(interval, averaging));

        Assert.That(problems, Has.Some.StartsWith(expected));
    }

    [TestCase("1s", "1m")]
    [TestCase("10s", "0s")]
    [TestCase("1h", "1d")]
    public void Validate_WholeMultipleOrNone_Passes(string interval, string averaging) =>
        Assert.That(_config.Problems(WithSampling(interval, averaging)), Is.Empty);

    private static string WithSampling(string interval, string averaging) =>
        BridgeConfig.Valid.Replace(
            "\"broker\": {",
            $"\"sampling\": {{ \"interval\": \"{interval}\", \"averaging\": \"{averaging}\" }},\n  \"broker\": {{",
            StringComparison.Ordinal);
}
