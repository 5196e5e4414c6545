namespace Moci.Ingest.Stations;

/// <summary>The configured stations. Bound from the <c>Stations</c> array.</summary>
public sealed class StationRegistryOptions
{
    public const string Section = "Stations";

    public List<StationOptions> Stations { get; } = [];
}
