using System.Globalization;
using System.Text;
using CsCheck;
using Moci.Ingest.Storage;
using Moci.Ingest.Storage.Influx;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Storage.Influx;

public sealed class FluxQueriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Readings_OneSeriesInAHalfOpenRange_IsTheExpectedFlux()
    {
        var flux = FluxQueries.Readings("moci", "rrg-school-01", "pm10", new TimeRange(T0, T0.AddHours(1)));

        Assert.That(flux, Is.EqualTo("""
            from(bucket: "moci")
              |> range(start: 2026-11-20T00:00:00.000Z, stop: 2026-11-20T01:00:00.000Z)
              |> filter(fn: (r) => r._measurement == "reading" and r.station == "rrg-school-01" and r.metric == "pm10")
              |> filter(fn: (r) => r._field == "value" or r._field == "flags")
              |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")
              |> group()
              |> sort(columns: ["_time"])
              |> keep(columns: ["_time", "value", "flags"])
            """));
    }

    [Test]
    public void Rollups_Hours_AggregateWindowOverPeriodsStartingInTheRange()
    {
        var flux = FluxQueries.Rollups("moci", "a", "pm10", RollupPeriod.Hour, new TimeRange(T0.AddMinutes(30), T0.AddHours(2).AddMinutes(1)));

        Assert.That(flux, Is.EqualTo("""
            from(bucket: "moci")
              |> range(start: 2026-11-20T01:00:00.000Z, stop: 2026-11-20T03:00:00.000Z)
              |> filter(fn: (r) => r._measurement == "reading" and r.station == "a" and r.metric == "pm10")
              |> filter(fn: (r) => r._field == "value" or r._field == "flags")
              |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")
              |> map(fn: (r) => ({r with valid: contains(value: r.flags, set: [0, 4])}))
              |> aggregateWindow(every: 1h, createEmpty: false, timeSrc: "_start", fn: (column, tables=<-) => tables
                  |> reduce(
                      identity: {count: 0, validCount: 0, validSum: 0.0, validMin: 0.0, validMax: 0.0},
                      fn: (r, accumulator) => ({
                          count: accumulator.count + 1,
                          validCount: if r.valid then accumulator.validCount + 1 else accumulator.validCount,
                          validSum: if r.valid then accumulator.validSum + r.value else accumulator.validSum,
                          validMin: if r.valid and (accumulator.validCount == 0 or r.value < accumulator.validMin) then r.value else accumulator.validMin,
                          validMax: if r.valid and (accumulator.validCount == 0 or r.value > accumulator.validMax) then r.value else accumulator.validMax
                      })))
              |> group()
              |> sort(columns: ["_time"])
              |> keep(columns: ["_time", "count", "validCount", "validSum", "validMin", "validMax"])
            """));
    }

    [Test]
    public void Rollups_DaysOverAllTime_StayInsideFluxsTimeRange()
    {
        var flux = FluxQueries.Rollups("moci", "a", "pm10", RollupPeriod.Day, TimeRange.All);

        Assert.That(flux, Does.Contain("range(start: 1677-09-22T00:00:00.000Z, stop: 2262-04-11T00:00:00.000Z)"));
        Assert.That(flux, Does.Contain("aggregateWindow(every: 1d,"));
    }

    [Test]
    public void Latest_OneStation_IsLastOfEachSeriesUpToAndIncludingNow()
    {
        var flux = FluxQueries.Latest("moci", "rrg-school-01", T0.AddTicks(1234567));

        Assert.That(flux, Is.EqualTo("""
            from(bucket: "moci")
              |> range(start: 1677-09-22T00:00:00.000Z, stop: 2026-11-20T00:00:00.124Z)
              |> filter(fn: (r) => r._measurement == "reading" and r.station == "rrg-school-01")
              |> filter(fn: (r) => r._field == "value" or r._field == "flags")
              |> last()
              |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")
              |> group()
              |> keep(columns: ["_time", "station", "metric", "value", "flags"])
            """), "now is 00:00:00.1234567: the reading of millisecond .123 is not later, so the stop is .124");
    }

    [Test]
    public void Latest_EveryStation_FiltersOnlyTheMeasurement()
    {
        Assert.That(FluxQueries.Latest("moci", null, T0), Does.Contain("""|> filter(fn: (r) => r._measurement == "reading")""" + "\n"));
    }

    [Test]
    public void NewestTimes_IsTheTailOfTheSeriesBeforeTheInstant()
    {
        var flux = FluxQueries.NewestTimes("moci", "a", "pm10", T0, 1001);

        Assert.That(flux, Is.EqualTo("""
            from(bucket: "moci")
              |> range(start: 1677-09-22T00:00:00.000Z, stop: 2026-11-20T00:00:00.000Z)
              |> filter(fn: (r) => r._measurement == "reading" and r.station == "a" and r.metric == "pm10")
              |> filter(fn: (r) => r._field == "value")
              |> tail(n: 1001)
              |> keep(columns: ["_time"])
            """));
    }

    [TestCase("rrg-school-01", "\"rrg-school-01\"")]
    [TestCase("a\"b", "\"a\\\"b\"")]
    [TestCase("a\\b", "\"a\\\\b\"")]
    [TestCase("${secret}", "\"\\${secret}\"")]
    [TestCase("$5", "\"$5\"")]
    [TestCase("line\nbreak\ttab\r", "\"line\\nbreak\\ttab\\r\"")]
    [TestCase("bell\u0007", "\"bell\\x07\"")]
    [TestCase("Shkumbin ë ç", "\"Shkumbin ë ç\"")]
    public void String_EscapesWhatWouldEndOrInterpolateTheLiteral(string value, string literal)
    {
        Assert.That(FluxQueries.String(value), Is.EqualTo(literal));
    }

    [Test]
    public void Readings_HostileStationId_StaysOneStringValue()
    {
        var flux = FluxQueries.Readings("moci", "x\" or r.station != \"", "pm10\") |> drop(", new TimeRange(T0, T0.AddHours(1)));

        Assert.That(flux, Does.Contain("r.station == \"x\\\" or r.station != \\\"\" and r.metric == \"pm10\\\") |> drop(\""));
    }

    [Test]
    public void String_AnyText_ReadsBackAsTheSameTextAndEndsOnlyAtTheLastQuote()
    {
        Gen.String[Gen.Char[(char)0, (char)200]].Sample(text =>
        {
            var literal = FluxQueries.String(text);
            var (read, end) = ReadLiteral(literal);
            return read == text && end == literal.Length;
        });
    }

    /// <summary>
    /// Reads a Flux string literal the way the Flux scanner does (escapes \n \r \t \\ \" \$ and \xNN as a UTF-8 byte;
    /// an unescaped " ends it; an unescaped ${ would start an interpolation): the text it holds and where it ends.
    /// </summary>
    private static (string? Text, int End) ReadLiteral(string literal)
    {
        var bytes = new List<byte>();
        for (var i = 1; i < literal.Length; i++)
        {
            var c = literal[i];
            if (c == '"')
            {
                return (Encoding.UTF8.GetString([.. bytes]), i + 1);
            }

            if (c == '$' && i + 1 < literal.Length && literal[i + 1] == '{')
            {
                return (null, i);
            }

            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var next = literal[++i];
            switch (next)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '\\' or '"' or '$': bytes.Add((byte)next); break;
                case 'x':
                    bytes.Add(byte.Parse(literal.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: return (null, i);
            }
        }

        return (null, literal.Length);
    }
}
