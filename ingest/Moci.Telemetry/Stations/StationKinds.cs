using Moci.Telemetry.Metrics;

namespace Moci.Telemetry.Stations;

/// <summary>What each kind of station measures. Thread-safe: stateless.</summary>
public static class StationKinds
{
    /// <summary>
    /// True when a station of <paramref name="kind"/> measures metrics of <paramref name="medium"/>: air and
    /// mobile stations the air, water stations the river, and every station reports on itself (device).
    /// </summary>
    public static bool Measures(this StationKind kind, Medium medium) => medium switch
    {
        Medium.Device => true,
        Medium.Air => kind is StationKind.Air or StationKind.Mobile,
        Medium.Water => kind is StationKind.Water,
        _ => false,
    };

    /// <summary>The kind as a phrase for reasons, with its article: "an air station", "a water station", "a mobile station".</summary>
    public static string Describe(this StationKind kind) => kind switch
    {
        StationKind.Air => "an air station",
        StationKind.Water => "a water station",
        StationKind.Mobile => "a mobile station",
        _ => $"a station of kind {kind}",
    };
}
