namespace Moci.Bridge.Tests.Configuration;

public sealed class OutboxOptionsValidatorTests
{
    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp() => _config = new BridgeConfig();

    [TearDown]
    public void TearDown() => _config.Dispose();

    [TestCase("""{ "dataDir": "data" }""", "outbox:dataDir must be an absolute path (was 'data')")]
    [TestCase("""{ "dataDir": "/var/lib/moci-bridge", "quotaMegabytes": 1 }""", "outbox:quotaMegabytes must be between 3 and 100000 (was 1)")]
    public void Validate_BadOutbox_NamesTheSetting(string outbox, string expected) =>
        Assert.That(_config.Problems(WithOutbox(outbox)), Has.One.StartsWith(expected));

    [Test]
    public void Validate_AbsoluteFolderAndQuota_Passes() =>
        Assert.That(_config.Problems(WithOutbox("""{ "dataDir": "/var/lib/moci-bridge", "quotaMegabytes": 20 }""")), Is.Empty);

    private static string WithOutbox(string outbox) =>
        BridgeConfig.Valid.Replace("\"broker\": {", $"\"outbox\": {outbox},\n  \"broker\": {{", StringComparison.Ordinal);
}
