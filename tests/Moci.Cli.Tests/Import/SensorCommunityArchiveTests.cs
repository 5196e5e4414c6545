using Moci.Cli.Import;
using Moci.Telemetry.Metrics;

namespace Moci.Cli.Tests.Import;

public sealed class SensorCommunityArchiveTests
{
    [Test]
    public void Read_Sds011_P1IsPm10AndP2IsPm25InUtc()
    {
        var first = SensorCommunityArchive.Read(Samples.Sds011).First().Record!;

        Assert.Multiple(() =>
        {
            Assert.That((first.Line, first.SensorId, first.SensorType), Is.EqualTo((2L, 12345L, "SDS011")));
            Assert.That((first.Latitude, first.Longitude), Is.EqualTo(((double?)41.328, (double?)19.818)));
            Assert.That(first.Timestamp, Is.EqualTo(new DateTimeOffset(2024, 1, 1, 0, 1, 37, TimeSpan.Zero)));
            Assert.That(first.Values, Is.EqualTo(new[] { (MetricCatalogue.Pm10, 21.43), (MetricCatalogue.Pm2_5, 12.10) }));
        });
    }

    [Test]
    public void Read_BadRows_AreErrorsWithTheirLineAndReason()
    {
        var errors = SensorCommunityArchive.Read(Samples.Sds011).Where(l => l.Error is not null).Select(l => $"{l.Line}: {l.Error}").ToList();

        Assert.That(errors, Is.EqualTo(new[]
        {
            "3: P1 'n/a' is not a number.",
            "5: timestamp 'yesterday' is not an ISO 8601 time such as 2024-01-01T00:00:37.",
            "7: sensor_id 'abc' is not a sensor number such as 12345.",
            "8: no value in P1, P2.",
            "9: 10 fields where the header has 12.",
        }));
    }

    [Test]
    public void Read_Bme280_PressureIsConvertedFromPascalToHectopascal()
    {
        var record = SensorCommunityArchive.Read(Samples.Bme280).Single().Record!;

        Assert.That(record.Values, Is.EqualTo(new[]
        {
            (MetricCatalogue.Temperature, -1.2), (MetricCatalogue.Humidity, 87.4), (MetricCatalogue.Pressure, 1006.1325),
        }).Using<(Metric Metric, double Value)>((a, b) => a.Metric == b.Metric && Math.Abs(a.Value - b.Value) < 1e-9));
    }

    [Test]
    public void Read_NotAnArchiveFile_SaysWhichColumnIsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"moci-not-archive-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "station,metric,value\r\nrrg-school-01,pm2_5,3\r\n");
        try
        {
            var failure = Assert.Throws<FormatException>(() => SensorCommunityArchive.Read(path).ToList());

            Assert.That(failure!.Message, Does.Contain("sensor_id, sensor_type, timestamp"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
