namespace Moci.Telemetry.Limits;

/// <summary>
/// A minimum share of valid data as an exact fraction (3/4 for "75 %"), so that 45 of 60 minutes or 18 of 24
/// hours meet it exactly, without floating-point doubt at the edge. Thread-safe: immutable.
/// </summary>
public sealed record CoverageRequirement
{
    /// <summary>Creates a requirement of <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is not between 0 and 1, or the denominator is not positive.</exception>
    public CoverageRequirement(int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerator, denominator);
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>75 %: an hour from 45 of its 60 minutes, a day from 18 of its 24 hours (2008/50/EC Annex XI A).</summary>
    public static CoverageRequirement ThreeQuarters { get; } = new(3, 4);

    /// <summary>The numerator of the fraction.</summary>
    public int Numerator { get; }

    /// <summary>The denominator of the fraction.</summary>
    public int Denominator { get; }

    /// <summary>The fraction as a number between 0 and 1.</summary>
    public double Fraction => (double)Numerator / Denominator;

    /// <summary>True when <paramref name="valid"/> of <paramref name="expected"/> is at least the fraction (integer arithmetic).</summary>
    public bool IsMetBy(long valid, long expected) =>
        expected > 0 && valid * Denominator >= expected * Numerator;

    /// <summary>The smallest count of <paramref name="expected"/> that meets the fraction: 18 of 24 at 75 %.</summary>
    public long MinimumOf(long expected) => (expected * Numerator + Denominator - 1) / Denominator;

    /// <summary>The fraction as a percentage, for example "75 %" or "87.5 %".</summary>
    public override string ToString() =>
        (100.0 * Numerator / Denominator).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
