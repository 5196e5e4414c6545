namespace Moci.Telemetry.Indices;

/// <summary>
/// One band of an index or classification scheme: its level (1 = best), its name and colour as the source gives
/// them, and the range of values it covers. Thread-safe: immutable.
/// </summary>
/// <param name="Level">1 for the best band, rising as air or water gets worse.</param>
/// <param name="Name">The band's name in the source, for example "Fair" or "Unhealthy for Sensitive Groups".</param>
/// <param name="Colour">The source's colour as <c>#RRGGBB</c>; <c>null</c> when the source gives none.</param>
/// <param name="Lower">Lower end of the band, in the scheme's unit (concentration, or AQI value for the US AQI categories).</param>
/// <param name="LowerInclusive">True when <paramref name="Lower"/> itself belongs to the band.</param>
/// <param name="Upper">Upper end of the band; <see cref="double.PositiveInfinity"/> when open.</param>
/// <param name="UpperInclusive">True when <paramref name="Upper"/> itself belongs to the band.</param>
public sealed record IndexBand(int Level, string Name, string? Colour, double Lower, bool LowerInclusive, double Upper, bool UpperInclusive)
{
    /// <summary>True when <paramref name="value"/> lies in the band (NaN never does).</summary>
    public bool Contains(double value) =>
        (LowerInclusive ? value >= Lower : value > Lower) && (UpperInclusive ? value <= Upper : value < Upper);

    /// <summary>The range as printed, for example "[10, 20)" or "≥ 80".</summary>
    public string Range =>
        double.IsPositiveInfinity(Upper) ? FormattableString.Invariant($"{(LowerInclusive ? "≥" : ">")} {Lower:0.###}")
        : double.IsNegativeInfinity(Lower) ? FormattableString.Invariant($"{(UpperInclusive ? "≤" : "<")} {Upper:0.###}")
        : FormattableString.Invariant($"{(LowerInclusive ? "[" : "(")}{Lower:0.###}, {Upper:0.###}{(UpperInclusive ? "]" : ")")}");
}
