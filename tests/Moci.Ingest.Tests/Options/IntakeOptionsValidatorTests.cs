using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moci.Ingest.Options;

namespace Moci.Ingest.Tests.Options;

public sealed class IntakeOptionsValidatorTests
{
    private static IEnumerable<string> Failures(IntakeOptions options) =>
        new IntakeOptionsValidator().Validate(null, options).Failures ?? [];

    [Test]
    public void Defaults_FiveMinutesAheadThirtyDaysBack_AreValid()
    {
        var options = new IntakeOptions();

        Assert.That((options.FutureTolerance, options.BackfillWindow), Is.EqualTo((TimeSpan.FromMinutes(5), TimeSpan.FromDays(30))));
        Assert.That(Failures(options), Is.Empty);
    }

    [TestCase("00:00:00", "1.00:00:00")]
    [TestCase("1.00:00:00", "3650.00:00:00")]
    [TestCase("00:00:30", "00:00:01")]
    public void Validate_SettingsInRange_Succeed(string tolerance, string window)
    {
        Assert.That(Failures(new IntakeOptions { FutureTolerance = TimeSpan.Parse(tolerance), BackfillWindow = TimeSpan.Parse(window) }), Is.Empty);
    }

    [TestCase("-00:00:01", "30.00:00:00", "Intake:FutureTolerance must be between 00:00:00 and 1.00:00:00 (was -00:00:01).")]
    [TestCase("1.00:00:01", "30.00:00:00", "Intake:FutureTolerance must be between 00:00:00 and 1.00:00:00 (was 1.00:00:01).")]
    [TestCase("00:05:00", "00:00:00", "Intake:BackfillWindow must be more than 00:00:00 and at most 3650.00:00:00 (was 00:00:00).")]
    [TestCase("00:05:00", "-1.00:00:00", "Intake:BackfillWindow must be more than 00:00:00 and at most 3650.00:00:00 (was -1.00:00:00).")]
    [TestCase("00:05:00", "3650.00:00:01", "Intake:BackfillWindow must be more than 00:00:00 and at most 3650.00:00:00 (was 3650.00:00:01).")]
    public void Validate_SettingOutOfRange_NamesTheSetting(string tolerance, string window, string failure)
    {
        var failures = Failures(new IntakeOptions { FutureTolerance = TimeSpan.Parse(tolerance), BackfillWindow = TimeSpan.Parse(window) });

        Assert.That(failures, Is.EqualTo(new[] { failure }));
    }

    [Test]
    public void AddIngest_BadIntakeSetting_FailsAtStartNamingIt()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Intake:BackfillWindow"] = "-1.00:00:00" });
        builder.AddIngest();
        using var services = builder.Services.BuildServiceProvider();

        Assert.That(
            () => services.GetRequiredService<IOptions<IntakeOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Intake:BackfillWindow"));
    }

    [Test]
    public void AddIngest_IntakeSection_IsBound()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Intake:FutureTolerance"] = "00:01:00",
            ["Intake:BackfillWindow"] = "7.00:00:00",
        });
        builder.AddIngest();
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<IntakeOptions>>().Value;

        Assert.That((options.FutureTolerance, options.BackfillWindow), Is.EqualTo((TimeSpan.FromMinutes(1), TimeSpan.FromDays(7))));
    }
}
