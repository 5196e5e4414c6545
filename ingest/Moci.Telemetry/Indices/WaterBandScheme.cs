using System.Globalization;
using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Indices;

/// <summary>
/// A published way of sorting one water-quality value into bands, with its source and the statistic it is defined
/// on. The sources define their bands on samples or yearly statistics (a 10-percentile, an annual minimum); the
/// hub applies them to its own means as an orientation for students, not as a legal status.
/// Thread-safe: immutable.
/// </summary>
public sealed class WaterBandScheme
{
    internal WaterBandScheme(string id, string title, string metric, string unitSymbol, string statistic, string source,
        string provenance, IReadOnlyList<IndexBand> bands)
    {
        Id = id;
        Title = title;
        Metric = metric;
        UnitSymbol = unitSymbol;
        Statistic = statistic;
        Source = source;
        Provenance = provenance;
        Bands = bands;
    }

    /// <summary>The id used in results and the API, for example <c>ph-fish-2006</c>.</summary>
    public string Id { get; }

    /// <summary>What the scheme is, in short.</summary>
    public string Title { get; }

    /// <summary>The catalogue metric it reads: <c>ph</c>, <c>dissolved_oxygen</c> or <c>water_temperature</c>.</summary>
    public string Metric { get; }

    /// <summary>The unit of the classified value: "pH", "mg/L", "% saturation" or "°C".</summary>
    public string UnitSymbol { get; }

    /// <summary>The statistic the source defines its bands on, and how the hub uses it instead.</summary>
    public string Statistic { get; }

    /// <summary>Document, section and address.</summary>
    public string Source { get; }

    /// <summary>Which copy of the source was read, and what was not checked.</summary>
    public string Provenance { get; }

    /// <summary>The bands, best first where the source ranks them; together they cover every finite value once.</summary>
    public IReadOnlyList<IndexBand> Bands { get; }

    /// <summary>The band <paramref name="value"/> falls in; <c>null</c> for NaN or an infinity.</summary>
    public IndexBand? Classify(double value) =>
        double.IsFinite(value) ? Bands.FirstOrDefault(b => b.Contains(value)) : null;

    /// <summary>The band of the last whole hour before <paramref name="at"/>, from that hour's mean.</summary>
    /// <exception cref="ArgumentException">The hours are not hourly aggregates on whole hours, or repeat.</exception>
    public IndexReading Read(IEnumerable<PeriodAggregate> hours, DateTimeOffset at)
    {
        var end = HourlyWindow.LastHourEnd(at);
        var window = new AveragingWindow("1-hour mean", end.AddHours(-1), end, 0, 1);
        var means = HourlyWindow.ValidMeans(hours, window.From, end, nameof(hours));
        if (means.Count == 0)
        {
            return new IndexReading(Id, Metric, IndexStatus.NotEnoughData, null, null, null, null, window,
                string.Create(CultureInfo.InvariantCulture, $"no valid hourly mean for {window.From:yyyy-MM-dd HH:mm}–{end:HH:mm}Z (an hour needs 75 % of its values)"));
        }

        return Reading(means[0], means[0], window with { ValidHours = 1 });
    }

    internal IndexReading Reading(double mean, double value, AveragingWindow window)
    {
        var band = Classify(value);
        return band is null
            ? new IndexReading(Id, Metric, IndexStatus.Invalid, null, mean, value, null, window, $"{value} {UnitSymbol} cannot be classified")
            : new IndexReading(Id, Metric, IndexStatus.Ok, band, mean, value, null, window, "");
    }
}
