using Moci.Ingest.Stations;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Tests.Stations;

public sealed class StationRegistryOptionsValidatorTests
{
    private static IEnumerable<string> Failures(params StationOptions[] stations)
    {
        var options = new StationRegistryOptions();
        options.Stations.AddRange(stations);
        return new StationRegistryOptionsValidator().Validate(null, options).Failures ?? [];
    }

    [Test]
    public void Validate_GoodStations_Succeeds()
    {
        Assert.That(Failures(new StationOptions { Id = "rrg-school-01", Latitude = 41.08, Longitude = 19.67, Kind = StationKind.Water }), Is.Empty);
    }

    [Test]
    public void Validate_BadEntries_NameTheEntryAndSetting()
    {
        var failures = Failures(
            new StationOptions { Id = "ok-1" },
            new StationOptions { Id = "Bad Id" },
            new StationOptions { Id = "ok-1", Latitude = 91 },
            new StationOptions { Id = "ok-2", Longitude = -181, Kind = (StationKind)7 });

        Assert.That(failures, Is.EquivalentTo(new[]
        {
            "Stations:1:Id: the station id 'Bad Id' contains 'B'; use lowercase letters, digits and '-' (e.g. rrg-school-01).",
            "Stations:2:Id: the station id 'ok-1' is configured twice.",
            "Stations:2:Latitude must be between -90 and 90 degrees (was 91).",
            "Stations:3:Longitude must be between -180 and 180 degrees (was -181).",
            "Stations:3:Kind must be Air, Water or Mobile (was 7).",
        }));
    }
}
