using Moci.Kit.Options;

namespace Moci.Kit.Tests.Options;

public sealed class OutboxOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed() =>
        Assert.That(new OutboxOptionsValidator("Outbox").Validate(null, new OutboxOptions()).Succeeded, Is.True);

    [TestCase("", 50_000_000L, "Outbox:Directory must name the folder of the outbox files (e.g. data).")]
    [TestCase("data", 1_000_000L, "Outbox:QuotaBytes must be at least 2097152 (2 MiB) (was 1000000).")]
    [TestCase("data\0x", 50_000_000L, "Outbox:Directory 'data\0x' contains characters a path cannot hold.")]
    public void Validate_BadSetting_NamesItAndTheFix(string directory, long quotaBytes, string expected)
    {
        var failures = new OutboxOptionsValidator("Outbox").Validate(null, new OutboxOptions { Directory = directory, QuotaBytes = quotaBytes }).Failures;

        Assert.That(failures, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void PathOf_IsOneFilePerStationInTheFolder()
    {
        var options = new OutboxOptions { Directory = "/var/lib/moci" };

        Assert.That(options.PathOf("rrg-school-01"), Is.EqualTo("/var/lib/moci/outbox-rrg-school-01.db"));
    }
}
