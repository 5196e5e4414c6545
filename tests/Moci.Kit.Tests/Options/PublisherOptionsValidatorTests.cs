using Moci.Kit.Options;

namespace Moci.Kit.Tests.Options;

public sealed class PublisherOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed() =>
        Assert.That(new PublisherOptionsValidator("Broker").Validate(null, new PublisherOptions()).Succeeded, Is.True);

    [TestCase(0, 131_072, 8, "Broker:MaxBatchReadings must be between 1 and 10000 (was 0); the hub takes at most 10000 records per pack.")]
    [TestCase(10_001, 131_072, 8, "Broker:MaxBatchReadings must be between 1 and 10000 (was 10001); the hub takes at most 10000 records per pack.")]
    [TestCase(500, 1_000, 8, "Broker:MaxBatchBytes must be between 1024 and 229376 (was 1000); the hub's broker refuses packets above 256 KiB.")]
    [TestCase(500, 300_000, 8, "Broker:MaxBatchBytes must be between 1024 and 229376 (was 300000); the hub's broker refuses packets above 256 KiB.")]
    [TestCase(500, 131_072, 0, "Broker:MaxBatchesInFlight must be between 1 and 64 (was 0).")]
    [TestCase(500, 131_072, 65, "Broker:MaxBatchesInFlight must be between 1 and 64 (was 65).")]
    public void Validate_BadBatchSetting_NamesIt(int maxReadings, int maxBytes, int inFlight, string expected)
    {
        var options = new PublisherOptions { MaxBatchReadings = maxReadings, MaxBatchBytes = maxBytes, MaxBatchesInFlight = inFlight };

        var failures = new PublisherOptionsValidator("Broker").Validate(null, options).Failures;

        Assert.That(failures, Is.EqualTo(new[] { expected }));
    }
}
