using System.Text;
using Moci.Ingest.Apis;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Apis;

public sealed class ReadingsCsvTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 12, 6, 0, 0, TimeSpan.Zero);

    private static async Task<string[]> WriteAsync(params Reading[] readings)
    {
        using var stream = new MemoryStream();
        await ReadingsCsv.WriteAsync(stream, MetricCatalogue.Temperature, readings.ToAsyncEnumerable());
        return Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [TestCase(-5.2, "-5.2")]
    [TestCase(-0.25, "-0.25")]
    [TestCase(12.5, "12.5")]
    [TestCase(1e-7, "1E-07")]
    public async Task Write_Number_IsAPlainNumber(double value, string text)
    {
        var lines = await WriteAsync(new Reading("rrg-school-01", "temperature", T0, value));

        Assert.That(lines[1], Is.EqualTo($"rrg-school-01,temperature,2026-01-12T06:00:00.000Z,{text},Cel,"));
    }

    [Test]
    public async Task Write_TextThatLooksLikeAFormula_IsGuarded()
    {
        var lines = await WriteAsync(new Reading("=HYPERLINK(\"x\")", "-temperature", T0, 1));

        Assert.That(lines[1], Does.StartWith("\"'=HYPERLINK(\"\"x\"\")\",\"'-temperature\","));
    }

    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    [TestCase(double.NaN)]
    public async Task Write_NonFiniteValue_IsAnEmptyField(double value)
    {
        var lines = await WriteAsync(
            new Reading("rrg-school-01", "temperature", T0, value),
            new Reading("rrg-school-01", "temperature", T0.AddMinutes(1), 3));

        Assert.That(lines, Is.EqualTo(new[]
        {
            "station,metric,timestamp_utc,value,unit,flags",
            "rrg-school-01,temperature,2026-01-12T06:00:00.000Z,,Cel,",
            "rrg-school-01,temperature,2026-01-12T06:01:00.000Z,3,Cel,",
        }));
    }
}
