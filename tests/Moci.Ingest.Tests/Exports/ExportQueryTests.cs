using Moci.Ingest.Exports;
using Moci.Ingest.Stations;
using Moci.Telemetry.Metrics;

namespace Moci.Ingest.Tests.Exports;

public sealed class ExportQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Station? Find(string id) =>
        id is "rrg-school-01" or "shk-river-01" || id.StartsWith("st-", StringComparison.Ordinal) ? ExportFixture.School with { Id = id } : null;

    private static ExportRequest? Check(ExportQuery query, out Dictionary<string, string[]> errors) =>
        query.Check(Find, Now, TimeZoneInfo.Utc, out errors);

    private static ExportQuery Valid => new("rrg-school-01", "pm2_5", null, null, null, null, null, null);

    [Test]
    public void Check_OnlyStationAndMetric_TakesTheLastDayAsLongRfc4180Csv()
    {
        var request = Check(Valid, out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That((request!.From, request.To), Is.EqualTo((Now.AddDays(-1), Now)));
            Assert.That((request.Format, request.Layout, request.Dialect), Is.EqualTo((ExportFormat.Csv, ExportLayout.Long, CsvDialect.Rfc4180)));
            Assert.That(request.TimeZone, Is.EqualTo(TimeZoneInfo.Utc));
        });
    }

    [Test]
    public void Check_Lists_GiveEverySeriesInTheOrderAsked()
    {
        var request = Check(Valid with { Station = "shk-river-01, rrg-school-01", Metric = "pm10,pm2_5,pm10", Tz = "Europe/Berlin" }, out _);

        Assert.Multiple(() =>
        {
            Assert.That(request!.Series.Select(s => $"{s.Station.Id}/{s.Metric.Name}"), Is.EqualTo(new[]
            {
                "shk-river-01/pm10", "shk-river-01/pm2_5", "rrg-school-01/pm10", "rrg-school-01/pm2_5",
            }));
            Assert.That(request.TimeZone.Id, Is.EqualTo("Europe/Berlin"));
        });
    }

    [TestCase(null, "pm2_5", null, null, null, null, null, null, "station")]
    [TestCase("rrg-school-01,nowhere-9", "pm2_5", null, null, null, null, null, null, "station")]
    [TestCase("rrg-school-01", null, null, null, null, null, null, null, "metric")]
    [TestCase("rrg-school-01", "pm2_5,pm3", null, null, null, null, null, null, "metric")]
    [TestCase("rrg-school-01", "pm2_5", "yesterday", null, null, null, null, null, "from")]
    [TestCase("rrg-school-01", "pm2_5", null, "2026-13-01", null, null, null, null, "to")]
    [TestCase("rrg-school-01", "pm2_5", "2026-11-25T00:00:00Z", "2026-11-25T00:00:00Z", null, null, null, null, "to")]
    [TestCase("rrg-school-01", "pm2_5", null, null, "xlsx", null, null, null, "format")]
    [TestCase("rrg-school-01", "pm2_5", null, null, null, "tall", null, null, "layout")]
    [TestCase("rrg-school-01", "pm2_5", null, null, null, null, "excel", null, "dialect")]
    [TestCase("rrg-school-01", "pm2_5", null, null, "json", null, "spreadsheet", null, "dialect")]
    [TestCase("rrg-school-01", "pm2_5", null, null, null, null, null, "Europe/Atlantis", "tz")]
    [TestCase("rrg-school-01", "pm2_5", null, null, null, null, null, null, "resolution", "minute")]
    [TestCase("rrg-school-01", "pm2_5", null, null, null, null, null, null, "resolution", "auto")]
    public void Check_BadParameter_IsNamedWithAReason(string? station, string? metric, string? from, string? to, string? format, string? layout, string? dialect, string? tz, string parameter, string? resolution = null)
    {
        var request = Check(new ExportQuery(station, metric, from, to, format, layout, dialect, tz, resolution), out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(request, Is.Null);
            Assert.That(errors.Keys, Is.EqualTo(new[] { parameter }));
            Assert.That(errors[parameter].Single(), Has.Length.GreaterThan(20));
        });
    }

    [Test]
    public void Check_UnknownStations_AreAllNamed()
    {
        Check(Valid with { Station = "a-1,rrg-school-01,b-2" }, out var errors);

        Assert.That(errors["station"].Single(), Does.Contain("'a-1', 'b-2'"));
    }

    [Test]
    public void Check_MoreSeriesThanAllowed_IsRefusedUnderMetric()
    {
        var stations = string.Join(',', Enumerable.Range(1, 5).Select(i => $"st-{i}"));
        var metrics = string.Join(',', MetricCatalogue.All.Select(m => m.Name));

        var request = Check(Valid with { Station = stations, Metric = metrics }, out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(5 * MetricCatalogue.All.Count, Is.GreaterThan(ExportQuery.MaxSeries));
            Assert.That(request, Is.Null);
            Assert.That(errors["metric"].Single(), Does.Contain("at most 64"));
        });
    }
}
