using Moci.Telemetry.Readings;

namespace Moci.Ingest.Storage.Influx;

/// <summary>
/// How readings are laid out in InfluxDB 2.x: one point per reading in measurement <c>reading</c>, tagged with
/// <c>station</c> and <c>metric</c> (every query filters on both, and there are only as many of each as the hub has
/// stations and metrics, so the series cardinality stays bounded), with a float field <c>value</c> in the metric's
/// unit and an integer field <c>flags</c> holding <see cref="QaFlags"/>, at millisecond precision (the key
/// precision of the SQLite store). (measurement, tags, time) is a point's key in InfluxDB.
/// </summary>
internal static class InfluxSchema
{
    public const string Measurement = "reading";

    public const string StationTag = "station";

    public const string MetricTag = "metric";

    public const string ValueField = "value";

    public const string FlagsField = "flags";

    /// <summary>
    /// Every flags value that leaves a reading valid (no flag but provenance ones, see
    /// <see cref="QaFlagsExtensions.IsSuspect"/>): each combination of the provenance bits, 0 first. Flux has no
    /// bitwise operator in its core language, so the rollups test membership in this set instead of a mask.
    /// </summary>
    public static IReadOnlyList<int> ValidFlags { get; } = ProvenanceCombinations();

    private static int[] ProvenanceCombinations()
    {
        var provenance = (int)QaFlagsExtensions.Provenance;
        var combinations = new List<int>();
        // Walks every subset of the provenance bits (the standard "submask" enumeration), largest first.
        for (var subset = provenance; ; subset = (subset - 1) & provenance)
        {
            combinations.Add(subset);
            if (subset == 0)
            {
                break;
            }
        }

        combinations.Sort();
        return [.. combinations];
    }
}
