using System.Globalization;

namespace Moci.Tests.Shared;

/// <summary>One series as <c>/api/v1/export</c> returns it: its name, its labels (the name among them), and its samples oldest first.</summary>
public sealed record ExportedSeries(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<double> Values, IReadOnlyList<long> TimestampsMilliseconds)
{
    /// <summary>"reading_value{metric=pm10,station=x}: 1@1764000000000, …", for failure messages.</summary>
    public override string ToString() =>
        $"{Name}{{{string.Join(",", Labels.Where(l => l.Key != "__name__").Select(l => $"{l.Key}={l.Value}"))}}}: " +
        string.Join(", ", Values.Zip(TimestampsMilliseconds, (v, t) => string.Create(CultureInfo.InvariantCulture, $"{v}@{t}")));
}
