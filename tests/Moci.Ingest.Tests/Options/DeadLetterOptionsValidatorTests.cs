using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moci.Ingest.Options;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Options;

public sealed class DeadLetterOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed()
    {
        var result = new DeadLetterOptionsValidator().Validate(null, new DeadLetterOptions());

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [TestCase(0, 1000, "DeadLetters:MaxPayloadBytes must be between 1 and 1000000000 (was 0).")]
    [TestCase(1_000_000_001, 2_000_000_000, "DeadLetters:MaxPayloadBytes must be between 1 and 1000000000 (was 1000000001).")]
    [TestCase(100, 0, "DeadLetters:MaxTotalBytes must be at least DeadLetters:MaxPayloadBytes (100), so that one dead letter fits (was 0).")]
    [TestCase(65536, 1000, "DeadLetters:MaxTotalBytes must be at least DeadLetters:MaxPayloadBytes (65536), so that one dead letter fits (was 1000).")]
    public void Validate_BadLimits_NameTheSetting(int maxPayload, long maxTotal, string message)
    {
        var result = new DeadLetterOptionsValidator().Validate(null, new DeadLetterOptions { MaxPayloadBytes = maxPayload, MaxTotalBytes = maxTotal });

        Assert.That(result.Failures, Is.EqualTo(new[] { message }));
    }

    [Test]
    public void Start_BadSetting_StopsTheHostNamingIt()
    {
        using var hub = new HubFactory(new Dictionary<string, string?> { ["DeadLetters:MaxPayloadBytes"] = "-1" });
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(hub.Settings);
        builder.Logging.ClearProviders();
        builder.AddIngest();
        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.That(failure!.Message, Does.Contain("DeadLetters:MaxPayloadBytes must be between 1 and 1000000000 (was -1)."));
    }
}
