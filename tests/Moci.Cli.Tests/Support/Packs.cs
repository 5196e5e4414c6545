using System.Globalization;

namespace Moci.Cli.Tests.Support;

/// <summary>SenML packs as stations publish them (wire protocol v1): the station's base name, a base time, one record per metric.</summary>
internal static class Packs
{
    /// <summary>A pack of <paramref name="stationId"/> at <paramref name="time"/>, each record as (metric, unit, value).</summary>
    public static string Of(string stationId, DateTimeOffset time, params (string Metric, string Unit, double Value)[] records)
    {
        var seconds = (time.ToUnixTimeMilliseconds() / 1000.0).ToString("R", CultureInfo.InvariantCulture);
        var items = records.Select((r, i) =>
            (i == 0 ? $"\"bn\":\"urn:dev:moci:{stationId}:\",\"bt\":{seconds}," : "") +
            $"\"n\":\"{r.Metric}\",\"u\":\"{r.Unit}\",\"v\":{r.Value.ToString("R", CultureInfo.InvariantCulture)}");
        return "[" + string.Join(",", items.Select(i => "{" + i + "}")) + "]";
    }
}
