using Moci.Telemetry.Indices;

namespace Moci.Ingest.Apis;

/// <summary>An index band: level (1 = best), the source's name and colour, and its range as printed ("[10, 20)").</summary>
public sealed record IndexBandResponse(int Level, string Name, string? Colour, string Range)
{
    public static IndexBandResponse? From(IndexBand? band) =>
        band is null ? null : new(band.Level, band.Name, band.Colour, band.Range);
}
