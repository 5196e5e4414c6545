using System.Collections.Frozen;
using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Indices;

/// <summary>
/// One edition of the European Air Quality Index band table: per pollutant, six bands of concentration (µg/m³),
/// each band from its lower bound (inclusive) to the next band's lower bound (exclusive); the last band ends at the
/// upper limit above which the EEA discards a value as invalid (inclusive), where the table gives one.
/// Thread-safe: immutable.
/// </summary>
public sealed class EaqiTable
{
    /// <summary>Band names of the EEA index, best first.</summary>
    public static IReadOnlyList<string> BandNames { get; } = ["Good", "Fair", "Moderate", "Poor", "Very poor", "Extremely poor"];

    /// <summary>
    /// Band colours of the EEA index legend, best first: #50F0E6, #50CCAA, #F0E641, #FF5050, #960032, #7D2181 — read
    /// from copies of the EEA legend (the same six colours serve Atmo France's index); the EEA pages show the colours
    /// without stating their codes.
    /// </summary>
    public static IReadOnlyList<string> BandColours { get; } = ["#50F0E6", "#50CCAA", "#F0E641", "#FF5050", "#960032", "#7D2181"];

    private readonly FrozenDictionary<string, IReadOnlyList<IndexBand>> _bands;

    private EaqiTable(string id, EaqiVersion version, string edition, string provenance,
        IEnumerable<(string Metric, double[] Lower, double Cap)> rows)
    {
        Id = id;
        Version = version;
        Edition = edition;
        Provenance = provenance;
        _bands = rows.ToFrozenDictionary(r => r.Metric, r => Bands(r.Lower, r.Cap), StringComparer.Ordinal);
    }

    /// <summary>The classic table (id <c>eaqi-classic</c>).</summary>
    public static EaqiTable Classic { get; } = new(
        "eaqi-classic", EaqiVersion.Classic,
        "EEA European Air Quality Index, six-band table in use before the 2024 revision",
        "Read from copies of the EEA index page text (EEA, European Air Quality Index, " +
        "https://www.eea.europa.eu/themes/air/air-quality-index); the EEA viewer of 2017 " +
        "(http://discomap.eea.europa.eu/map/AQI/Viewer/) shows the earlier five-band table, which differs for PM10, NO2 and O3.",
        [
            (AirPollutants.Pm2_5, [0, 10, 20, 25, 50, 75], 800),
            (AirPollutants.Pm10, [0, 20, 40, 50, 100, 150], 1200),
            (AirPollutants.No2, [0, 40, 90, 120, 230, 340], 1000),
            (AirPollutants.O3, [0, 50, 100, 130, 240, 380], 800),
            (AirPollutants.So2, [0, 100, 200, 350, 500, 750], 1250),
        ]);

    /// <summary>The 2024 revision (id <c>eaqi-2024</c>).</summary>
    public static EaqiTable Revised2024 { get; } = new(
        "eaqi-2024", EaqiVersion.Revised2024,
        "EEA European Air Quality Index, revision of 2024 aligned with the WHO 2021 guidelines (https://airindex.eea.europa.eu)",
        "Breakpoints read from software that cites airindex.eea.europa.eu, not from the EEA page itself; the table as read " +
        "gives no upper limit for O3 and SO2, so their last band is open. Averaging as in the classic index " +
        "(hourly gases, 24-hour running PM), which Open-Meteo's documentation of the index also states. Not confirmed " +
        "from the EEA's own table (checked again on 2026-11-26: the copy of airindex.eea.europa.eu reached describes " +
        "the index without its bands); one further copy agrees on the PM2.5 ends (5 and 140) but calls them hourly.",
        [
            (AirPollutants.Pm2_5, [0, 5, 15, 50, 90, 140], 800),
            (AirPollutants.Pm10, [0, 15, 45, 120, 195, 270], 1200),
            (AirPollutants.No2, [0, 10, 25, 60, 100, 150], 1000),
            (AirPollutants.O3, [0, 60, 100, 120, 160, 180], double.PositiveInfinity),
            (AirPollutants.So2, [0, 20, 40, 125, 190, 275], double.PositiveInfinity),
        ]);

    /// <summary>The id used in results and the API.</summary>
    public string Id { get; }

    /// <summary>Which edition this is.</summary>
    public EaqiVersion Version { get; }

    /// <summary>The edition in words, with its address.</summary>
    public string Edition { get; }

    /// <summary>Which copy of the table was read, and what was not checked.</summary>
    public string Provenance { get; }

    /// <summary>The metrics the table covers: pm2_5, pm10, no2, o3, so2.</summary>
    public IReadOnlyCollection<string> Metrics => _bands.Keys;

    /// <summary>The table of <paramref name="version"/>.</summary>
    public static EaqiTable For(EaqiVersion version) => version switch
    {
        EaqiVersion.Classic => Classic,
        EaqiVersion.Revised2024 => Revised2024,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "unknown EAQI version"),
    };

    /// <summary>The six bands of <paramref name="metric"/>, best first.</summary>
    /// <exception cref="ArgumentException">The index does not cover the metric; the message lists those it covers.</exception>
    public IReadOnlyList<IndexBand> BandsOf(string metric) =>
        _bands.TryGetValue(metric, out var bands)
            ? bands
            : throw new ArgumentException(
                $"the European Air Quality Index has no bands for '{metric}'; it covers {string.Join(", ", _bands.Keys.Order(StringComparer.Ordinal))}",
                nameof(metric));

    /// <summary>The band <paramref name="concentration"/> (µg/m³) falls in; <c>null</c> when negative, NaN or above the table's upper limit.</summary>
    /// <exception cref="ArgumentException">The index does not cover the metric.</exception>
    public IndexBand? Classify(string metric, double concentration) =>
        BandsOf(metric).FirstOrDefault(b => b.Contains(concentration));

    private static IReadOnlyList<IndexBand> Bands(double[] lower, double cap) =>
    [
        .. lower.Select((low, i) => i < lower.Length - 1
            ? new IndexBand(i + 1, BandNames[i], BandColours[i], low, true, lower[i + 1], false)
            : new IndexBand(i + 1, BandNames[i], BandColours[i], low, true, cap, true)),
    ];
}
