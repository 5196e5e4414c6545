using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Queries;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Queries;

public sealed class StationQueriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [TestCase(5, 300_000, true)]
    [TestCase(5, 300_001, false)]
    [TestCase(600, 1_800_000, true)]
    [TestCase(600, 1_800_001, false)]
    public void IsOnline_SilenceOfThreeIntervalsAndAtLeastFiveMinutes(int intervalSeconds, int silenceMilliseconds, bool online)
    {
        Assert.That(StationQueries.IsOnline(Now.AddMilliseconds(-silenceMilliseconds), TimeSpan.FromSeconds(intervalSeconds), Now), Is.EqualTo(online));
    }

    [Test]
    public void IsOnline_NoReadingYet_IsUnknown()
    {
        Assert.That(StationQueries.IsOnline(null, null, Now), Is.Null);
    }

    [Test]
    public async Task AllAsync_FromTheStoreAlone_ReportingAndSilentStations()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var store = hub.Services.GetRequiredService<IReadingStore>();
        await store.WriteAsync(
        [
            .. Enumerable.Range(1, 10).Select(i => new Reading(HubFactory.AirStation, "pm10", now.AddSeconds(-10 * i), 10)),
            .. Enumerable.Range(1, 10).Select(i => new Reading(HubFactory.WaterStation, "ph", now.AddHours(-1).AddSeconds(-10 * i), 7)),
        ]);

        var stations = (await hub.Services.GetRequiredService<StationQueries>().AllAsync()).ToDictionary(s => s.Station.Id);

        Assert.That(stations[HubFactory.AirStation].Online, Is.True);
        Assert.That(stations[HubFactory.WaterStation].Online, Is.False, "an hour silent, at a 10-second interval");
        Assert.That(stations[HubFactory.AirStation].Latest.Single().Metric, Is.EqualTo("pm10"));
    }
}
