using System.Collections.Frozen;
using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Indices;

/// <summary>
/// The US EPA Air Quality Index for particles, table of 2024 (valid from 6 May 2024): breakpoints for 24-hour PM2.5
/// and PM10, the truncation applied before the lookup, and the six categories with their colours.
/// Thread-safe: immutable.
/// </summary>
/// <remarks>
/// Sources: U.S. EPA, Technical Assistance Document for the Reporting of Daily Air Quality – the Air Quality Index
/// (AQI), EPA-454/B-24-002, May 2024 (https://nepis.epa.gov/Exe/ZyPURL.cgi?Dockey=P101AP0Q.txt),
/// table 6 (breakpoints) and table 2 (colours); AirNow, "The AQI Equation (2024 – Valid Beginning May 6th, 2024)"
/// (https://forum.airnowtech.org/t/the-aqi-equation-2024-valid-beginning-may-6th-2024/453) for the truncation:
/// "truncated to … 0.1 μg/m3 for PM2.5, and 1 μg/m3 for PM10", the AQI "rounded to the nearest whole number".
/// </remarks>
public sealed class UsAqiTable
{
    private readonly FrozenDictionary<string, (UsAqiBreakpoint[] Rows, decimal Step)> _rows;

    private UsAqiTable()
    {
        _rows = new Dictionary<string, (UsAqiBreakpoint[], decimal)>
        {
            [AirPollutants.Pm2_5] = (
            [
                new(0.0m, 9.0m, 0, 50),
                new(9.1m, 35.4m, 51, 100),
                new(35.5m, 55.4m, 101, 150),
                new(55.5m, 125.4m, 151, 200),
                new(125.5m, 225.4m, 201, 300),
                new(225.5m, 325.4m, 301, 500),
            ], 0.1m),
            [AirPollutants.Pm10] = (
            [
                new(0m, 54m, 0, 50),
                new(55m, 154m, 51, 100),
                new(155m, 254m, 101, 150),
                new(255m, 354m, 151, 200),
                new(355m, 424m, 201, 300),
                new(425m, 604m, 301, 500),
            ], 1m),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The 2024 table (id <c>us-aqi-2024</c>).</summary>
    public static UsAqiTable Y2024 { get; } = new();

    /// <summary>The id used in results and the API.</summary>
    public string Id => "us-aqi-2024";

    /// <summary>The edition in words.</summary>
    public string Edition =>
        "U.S. EPA, Technical Assistance Document for the Reporting of Daily Air Quality – the Air Quality Index (AQI), " +
        "EPA-454/B-24-002, May 2024; PM2.5 breakpoints valid from 6 May 2024";

    /// <summary>
    /// The six categories by AQI value, with the TAD's standard colours: Green #00E400, Yellow #FFFF00,
    /// Orange #FF7E00, Red #FF0000, Purple #8F3F97, Maroon #7E0023.
    /// </summary>
    public IReadOnlyList<IndexBand> Categories { get; } =
    [
        new(1, "Good", "#00E400", 0, true, 50, true),
        new(2, "Moderate", "#FFFF00", 51, true, 100, true),
        new(3, "Unhealthy for Sensitive Groups", "#FF7E00", 101, true, 150, true),
        new(4, "Unhealthy", "#FF0000", 151, true, 200, true),
        new(5, "Very Unhealthy", "#8F3F97", 201, true, 300, true),
        new(6, "Hazardous", "#7E0023", 301, true, 500, true),
    ];

    /// <summary>The metrics the table covers: pm2_5, pm10.</summary>
    public IReadOnlyCollection<string> Metrics => _rows.Keys;

    /// <summary>The breakpoint rows of <paramref name="metric"/>, lowest first.</summary>
    /// <exception cref="ArgumentException">The table does not cover the metric.</exception>
    public IReadOnlyList<UsAqiBreakpoint> BreakpointsOf(string metric) => Row(metric).Rows;

    /// <summary>What a concentration is truncated to before the lookup: 0.1 µg/m³ for PM2.5, 1 µg/m³ for PM10.</summary>
    /// <exception cref="ArgumentException">The table does not cover the metric.</exception>
    public decimal TruncationStepOf(string metric) => Row(metric).Step;

    /// <summary>The category of an AQI value; Hazardous above 500 ("beyond the AQI").</summary>
    public IndexBand CategoryOf(int aqi) => Categories.FirstOrDefault(c => c.Contains(aqi)) ?? Categories[^1];

    private (UsAqiBreakpoint[] Rows, decimal Step) Row(string metric) =>
        _rows.TryGetValue(metric, out var row)
            ? row
            : throw new ArgumentException(
                $"the US AQI table here has no breakpoints for '{metric}'; it covers {string.Join(", ", _rows.Keys.Order(StringComparer.Ordinal))}",
                nameof(metric));
}
