using Moci.Kit.Options;
using Moci.Kit.Simulation;

namespace Moci.Kit.Tests.Options;

public sealed class SimulationOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed()
    {
        var options = new SimulationOptions { Stations = { new SimulatedStation { Id = "rrg-school-01" } } };

        Assert.That(new SimulationOptionsValidator("Demo").Validate(null, options).Succeeded, Is.True);
    }

    [Test]
    public void Validate_BadSettings_NameTheSectionAndSetting()
    {
        var options = new SimulationOptions
        {
            Interval = TimeSpan.FromMilliseconds(10),
            Backfill = TimeSpan.FromHours(-1),
            Stations = { new SimulatedStation { Id = "a" }, new SimulatedStation { Id = "a" }, new SimulatedStation { Id = "A b" } },
        };

        var failures = new SimulationOptionsValidator("Demo").Validate(null, options).Failures;

        Assert.That(failures, Is.EquivalentTo(new[]
        {
            "Demo:Interval must be at least 00:00:01 (was 00:00:00.0100000).",
            "Demo:Backfill must not be negative (was -01:00:00).",
            "Demo:Stations:1:Id: the station id 'a' is listed twice.",
            "Demo:Stations:2:Id: the station id 'A b' contains 'A'; use lowercase letters, digits and '-' (e.g. rrg-school-01).",
        }));
    }

    [TestCase("00:00:04", "00:00:04")]
    [TestCase("1.00:00:01", "1.00:00:01")]
    public void Validate_HealthIntervalOutOfRange_NamesTheSetting(string interval, string shown)
    {
        var options = new SimulationOptions
        {
            HealthInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture),
            Stations = { new SimulatedStation { Id = "rrg-school-01" } },
        };

        var failures = new SimulationOptionsValidator("Demo").Validate(null, options).Failures;

        Assert.That(failures, Is.EqualTo(new[] { $"Demo:HealthInterval must be between 00:00:05 and 1.00:00:00 (was {shown}); 00:05:00 is usual." }));
    }

    [Test]
    public void Validate_PublisherPort_NamesTheSection()
    {
        var failures = new PublisherOptionsValidator("Broker").Validate(null, new PublisherOptions { Port = 0 }).Failures;

        Assert.That(failures, Is.EqualTo(new[] { "Broker:Port must be between 1 and 65535 (was 0)." }));
    }
}
